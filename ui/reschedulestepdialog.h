#pragma once

#include <QDate>
#include <QDialog>

class QDateEdit;
class QLineEdit;
class QPushButton;

// Moves one cadence step to another day, with the reason (required). The new
// day must fall before the plan ends (maturity, or the end of the 4+1 cycle).
class RescheduleStepDialog : public QDialog
{
    Q_OBJECT
public:
    RescheduleStepDialog(const QString &what, const QDate &due, const QDate &earliest, const QDate &latest,
                         QWidget *parent = nullptr);

    QDate date() const;
    QString reason() const;
    QDateEdit *dateEdit() const { return m_date; }
    QLineEdit *reasonEdit() const { return m_reason; }

private:
    QDateEdit *m_date;
    QLineEdit *m_reason;
    QPushButton *m_save;
};
