#pragma once

#include <QDialog>
#include <QUrl>

class QLineEdit;
class QLabel;
class QDialogButtonBox;

// Asks where HQ is and who is signing in: URL, staff ID, password.
class HqConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HqConnectDialog(QWidget *parent = nullptr, bool passwordOnly = false);

    QUrl url() const;
    QString staffId() const;
    QString password() const;
    void setUrl(const QString &url);
    void setStaffId(const QString &id);
    // The password is cleared only when HQ refused it, not when the network failed.
    void showError(const QString &message, bool wrongPassword = false);

private:
    void validate();
    QLineEdit *m_url;
    QLineEdit *m_staff;
    QLineEdit *m_password;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
