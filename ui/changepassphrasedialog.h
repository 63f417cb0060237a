#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QDialogButtonBox;

// Asks for the current passphrase and a new one (twice). The caller re-wraps the
// store key (StoreKeyFile::changePassphrase) and calls showError() to ask again.
class ChangePassphraseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ChangePassphraseDialog(QWidget *parent = nullptr);

    QString currentPassphrase() const;
    QString newPassphrase() const;
    void showError(const QString &message);

private:
    void validate();

    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
