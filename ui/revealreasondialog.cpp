#include "revealreasondialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

RevealReasonDialog::RevealReasonDialog(const QString &fieldName, int seconds, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Show %1").arg(fieldName));
    auto *intro = new QLabel(tr("%1 is shown in full for %n second(s), and the audit log records who saw it, when "
                                "and why. Why do you need it?", nullptr, seconds)
                                 .arg(fieldName),
                             this);
    intro->setWordWrap(true);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("revealReason"));
    m_reason->setEditable(true);
    m_reason->addItems({QString(), tr("Confirming identity with the customer"), tr("Calling the customer back"),
                        tr("Handling a transaction at the counter"), tr("Updating the customer's details")});
    m_reason->lineEdit()->setPlaceholderText(tr("Reason (no personal data)"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Show"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_reason);
    layout->addWidget(m_buttons);
    connect(m_reason, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.trimmed().size() >= 2);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(420);
}

QString RevealReasonDialog::reason() const
{
    return m_reason->currentText().trimmed().left(200);
}
