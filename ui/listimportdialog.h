#pragma once

#include "domain/branchsnapshot.h"
#include "domain/listimport.h"

#include <QDialog>
#include <QFutureWatcher>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

// 导入名单 (issue 17): a name list from the card, loan or corporate department
// (.xlsx or .csv), read off the UI thread and matched to the branch's customers;
// the dialog shows how many matched and by what, lists every line that matched
// nobody (line, field, why; values masked), and on OK the page freezes the
// matched customers as a campaign list under the name given, to be split and
// issued like any other.
class ListImportDialog : public QDialog
{
    Q_OBJECT
public:
    ListImportDialog(SnapshotPtr snapshot, const QString &path, QWidget *parent = nullptr);

    bool isReading() const { return m_reading; }
    const ListImport::Result &result() const { return m_result; }
    QString error() const { return m_error; }
    QString listName() const;
    QLabel *summary() const { return m_summary; }
    QTableWidget *problems() const { return m_problems; }
    QLineEdit *nameEdit() const { return m_name; }
    QPushButton *okButton() const;

signals:
    void finishedReading();

private:
    void onRead();

    SnapshotPtr m_snapshot;
    QString m_path;
    ListImport::Result m_result;
    QString m_error;
    bool m_reading = true;
    QLabel *m_summary;
    QTableWidget *m_problems;
    QLineEdit *m_name;
    QDialogButtonBox *m_buttons;
    QFutureWatcher<std::pair<ListImport::Result, QString>> m_watcher;
};
