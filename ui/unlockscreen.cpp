#include "unlockscreen.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

UnlockScreen::UnlockScreen(const QString &storeName, QWidget *parent) : QWidget(parent), m_storeName(storeName)
{
    setObjectName(QStringLiteral("unlockScreen"));
    m_title = new QLabel(this);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("unlockPassphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setMinimumWidth(320);
    m_unlock = new QPushButton(this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("unlockMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_message->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_passphrase, 1);
    row->addWidget(m_unlock);
    auto *box = new QVBoxLayout;
    box->addWidget(m_title);
    box->addWidget(m_intro);
    box->addLayout(row);
    box->addWidget(m_message);
    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    auto *column = new QVBoxLayout;
    column->addStretch(1);
    column->addLayout(box);
    column->addStretch(2);
    outer->addLayout(column, 2);
    outer->addStretch(1);

    auto submit = [this] {
        if (!m_passphrase->text().isEmpty())
            emit unlockRequested(m_passphrase->text());
    };
    connect(m_unlock, &QPushButton::clicked, this, submit);
    connect(m_passphrase, &QLineEdit::returnPressed, this, submit);
    retranslateUi();
}

QString UnlockScreen::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void UnlockScreen::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void UnlockScreen::setBusy(bool busy)
{
    m_passphrase->setEnabled(!busy);
    m_unlock->setEnabled(!busy);
    if (busy) {
        m_message->setStyleSheet(QString());
        showMessage(tr("Checking the passphrase…"));
    } else {
        m_message->setStyleSheet(QStringLiteral("color: #c62828;"));
    }
}

void UnlockScreen::reset()
{
    m_passphrase->clear();
    showMessage(QString());
    setBusy(false);
    m_passphrase->setFocus(Qt::OtherFocusReason);
}

void UnlockScreen::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void UnlockScreen::retranslateUi()
{
    m_title->setText(tr("BranchDesk is locked"));
    // The file name says nothing to a banker (issue 16); it stays in the tooltip for IT.
    m_intro->setText(tr("The customer data is closed and its key erased from memory. Enter the passphrase "
                        "to open it again."));
    m_intro->setToolTip(m_storeName);
    m_passphrase->setPlaceholderText(tr("Passphrase"));
    m_unlock->setText(tr("&Unlock"));
}
