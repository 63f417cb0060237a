#pragma once

#include <QDialog>

class QComboBox;
class QDialogButtonBox;

// Asks why a masked field is to be shown. The reason goes to the audit log, so the
// choices are business reasons, and a typed one should not hold personal data.
class RevealReasonDialog : public QDialog
{
    Q_OBJECT
public:
    RevealReasonDialog(const QString &fieldName, int seconds, QWidget *parent = nullptr);
    QString reason() const;
    QComboBox *reasonBox() const { return m_reason; }

private:
    QComboBox *m_reason;
    QDialogButtonBox *m_buttons;
};
