#pragma once

#include "session/phonelistexport.h"

#include <QObject>
#include <QStringList>

class BatchTouchDialog;
class CadenceWorkspace;
class ExportDialog;
class QWidget;

// One way into a batch touch (批量触达) from wherever customers are chosen: a
// campaign list, a rectangle on the value quadrant, the customer list's filter or
// selection, several rows of any list (issue 17). It opens BatchTouchDialog, logs
// the batch through CadenceWorkspace::logBatch (do-not-contact skipped, one remote
// 4+1 touch each) and exports the batch's phone list for the SMS platform through
// CadenceWorkspace::exportPhoneList (ExportDialog's masking and reason, audited).
class BatchTouchController : public QObject
{
    Q_OBJECT
public:
    BatchTouchController(CadenceWorkspace *workspace, QWidget *window);

    // `source` says where the customers came from (a list's name): the file name and audit subject.
    BatchTouchDialog *open(const QStringList &customerNos, const QString &source);
    // The export dialog for the batch's phone list; on OK the workspace writes it.
    ExportDialog *askPhoneList(const QStringList &customerNos, const QString &source, QWidget *parent);
    static QString suggestedPath(const QString &source);

signals:
    void message(const QString &text); // for the status bar

private:
    void onPhoneListExported(const PhoneListExport::Result &result);

    CadenceWorkspace *m_ws;
    QWidget *m_window;
};
