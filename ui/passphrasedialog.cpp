#include "passphrasedialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

PassphraseDialog::PassphraseDialog(Mode mode, const QString &storeName, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_storeName(storeName)
{
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_firstLabel = new QLabel(this);
    m_secondLabel = new QLabel(this);
    m_first = new QLineEdit(this);
    m_first->setEchoMode(QLineEdit::Password);
    m_first->setObjectName(QStringLiteral("passphrase"));
    m_second = new QLineEdit(this);
    m_second->setEchoMode(QLineEdit::Password);
    m_second->setObjectName(QStringLiteral("passphraseRepeat"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);

    auto *form = new QFormLayout;
    form->addRow(m_firstLabel, m_first);
    form->addRow(m_secondLabel, m_second);
    if (mode == Mode::Unlock) {
        m_secondLabel->hide();
        m_second->hide();
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PassphraseDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PassphraseDialog::reject);
    connect(m_first, &QLineEdit::textChanged, this, &PassphraseDialog::validate);
    connect(m_second, &QLineEdit::textChanged, this, &PassphraseDialog::validate);
    retranslateUi();
    validate();
    setMinimumWidth(420);
}

QString PassphraseDialog::passphrase() const
{
    return m_first->text();
}

void PassphraseDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    m_first->clear();
    m_second->clear();
    m_first->setFocus();
}

void PassphraseDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void PassphraseDialog::retranslateUi()
{
    if (m_mode == Mode::Create) {
        setWindowTitle(tr("Protect the branch store"));
        m_intro->setText(tr("The customer data of %1 is kept encrypted on this computer. Choose a passphrase "
                            "of at least %2 characters. Without it nobody, including you, can open the data.")
                             .arg(m_storeName)
                             .arg(kMinimumLength));
        m_firstLabel->setText(tr("Passphrase:"));
        m_secondLabel->setText(tr("Repeat it:"));
    } else {
        setWindowTitle(tr("Unlock the branch store"));
        m_intro->setText(tr("Enter the passphrase that protects the branch data on this computer."));
        m_intro->setToolTip(m_storeName); // the file name, for IT
        m_firstLabel->setText(tr("Passphrase:"));
    }
}

void PassphraseDialog::validate()
{
    bool ok = !m_first->text().isEmpty();
    if (m_mode == Mode::Create) {
        ok = m_first->text().size() >= kMinimumLength && m_first->text() == m_second->text();
        if (!m_second->text().isEmpty() && m_first->text() != m_second->text()) {
            m_error->setText(tr("The two passphrases differ."));
            m_error->show();
        } else if (!m_first->text().isEmpty() && m_first->text().size() < kMinimumLength) {
            m_error->setText(tr("Use at least %1 characters.").arg(kMinimumLength));
            m_error->show();
        } else {
            m_error->hide();
        }
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}
