#include "hqconnectdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

HqConnectDialog::HqConnectDialog(QWidget *parent, bool passwordOnly)
    : QDialog(parent)
{
    setWindowTitle(passwordOnly ? tr("Sign in to HQ") : tr("Connect to HQ"));
    auto *intro = new QLabel(passwordOnly ? tr("Your HQ session has expired. Enter your password to continue syncing.")
                                          : tr("Enter the address of your bank's BranchDesk HQ server and your staff "
                                               "sign-in. The branch's customers are then downloaded and kept in "
                                               "sync."),
                             this);
    intro->setWordWrap(true);
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("hqUrl"));
    m_url->setPlaceholderText(QStringLiteral("https://hq.example.cn"));
    m_staff = new QLineEdit(this);
    m_staff->setObjectName(QStringLiteral("staffId"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("hqPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_error = new QLabel(this);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout;
    form->addRow(tr("HQ address:"), m_url);
    form->addRow(tr("Staff ID:"), m_staff);
    form->addRow(tr("Password:"), m_password);
    if (passwordOnly) {
        m_url->setEnabled(false);
        m_staff->setEnabled(false);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_url, m_staff, m_password})
        connect(e, &QLineEdit::textChanged, this, &HqConnectDialog::validate);
    validate();
    setMinimumWidth(460);
}

QUrl HqConnectDialog::url() const
{
    return QUrl::fromUserInput(m_url->text().trimmed());
}

QString HqConnectDialog::staffId() const
{
    return m_staff->text().trimmed();
}

QString HqConnectDialog::password() const
{
    return m_password->text();
}

void HqConnectDialog::setUrl(const QString &url)
{
    m_url->setText(url);
}

void HqConnectDialog::setStaffId(const QString &id)
{
    m_staff->setText(id);
}

void HqConnectDialog::showError(const QString &message, bool wrongPassword)
{
    m_error->setText(message);
    m_error->show();
    if (wrongPassword) {
        m_password->clear();
        m_password->setFocus();
    }
}

void HqConnectDialog::validate()
{
    const QUrl u = url();
    const bool ok = u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https"))
                    && !staffId().isEmpty() && !password().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}
