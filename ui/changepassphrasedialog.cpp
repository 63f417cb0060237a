#include "changepassphrasedialog.h"

#include "passphrasedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ChangePassphraseDialog::ChangePassphraseDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Change passphrase"));
    auto *intro = new QLabel(tr("The store's key is wrapped again under the new passphrase; the customer data "
                                "itself is not rewritten. Use the new passphrase from now on."),
                             this);
    intro->setWordWrap(true);
    auto field = [this](const char *name) {
        auto *e = new QLineEdit(this);
        e->setEchoMode(QLineEdit::Password);
        e->setObjectName(QString::fromLatin1(name));
        connect(e, &QLineEdit::textChanged, this, &ChangePassphraseDialog::validate);
        return e;
    };
    m_current = field("currentPassphrase");
    m_new = field("newPassphrase");
    m_repeat = field("newPassphraseRepeat");
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout;
    form->addRow(tr("Current passphrase:"), m_current);
    form->addRow(tr("New passphrase:"), m_new);
    form->addRow(tr("New passphrase again:"), m_repeat);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    setMinimumWidth(440);
}

QString ChangePassphraseDialog::currentPassphrase() const
{
    return m_current->text();
}

QString ChangePassphraseDialog::newPassphrase() const
{
    return m_new->text();
}

void ChangePassphraseDialog::showError(const QString &message)
{
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setText(message);
}

void ChangePassphraseDialog::validate()
{
    QString problem;
    if (m_current->text().isEmpty())
        problem = tr("Enter the current passphrase.");
    else if (m_new->text().size() < PassphraseDialog::kMinimumLength)
        problem = tr("The new passphrase needs at least %1 characters.").arg(PassphraseDialog::kMinimumLength);
    else if (m_new->text() != m_repeat->text())
        problem = tr("The two new passphrases differ.");
    else if (m_new->text() == m_current->text())
        problem = tr("The new passphrase is the same as the current one.");
    m_error->setStyleSheet(QString());
    m_error->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}
