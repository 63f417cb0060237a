#pragma once

#include "domain/donotcontact.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLineEdit;

// 拒绝营销 set or lifted for one customer: the date, where it came from and a
// note. With `standing` null it records a refusal; with a standing flag it
// lifts it (a new record with active false; the history stays). The caller
// writes record() through CadenceWorkspace::setDoNotContact, which audits it.
class DoNotContactDialog : public QDialog
{
    Q_OBJECT
public:
    DoNotContactDialog(const QString &customerNo, const DoNotContact *standing, const QDate &today,
                       QWidget *parent = nullptr);

    DoNotContact record() const;
    bool lifts() const { return m_lifts; }
    QDateEdit *dateEdit() const { return m_date; }
    QComboBox *sourceBox() const { return m_source; }
    QLineEdit *noteEdit() const { return m_note; }

private:
    QString m_customerNo;
    bool m_lifts;
    QDateEdit *m_date;
    QComboBox *m_source;
    QLineEdit *m_note;
};
