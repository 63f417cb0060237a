#include "batchtouchdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

BatchTouchDialog::BatchTouchDialog(int customers, int doNotContact, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("batchTouchDialog"));
    setWindowTitle(tr("Batch touch"));
    const QLocale locale;
    m_summary = new QLabel(tr("%1 customer(s) chosen; %2 refused marketing and will be skipped. Each of the others "
                              "gets one remote touch, which counts for their next 4+1 remote step.")
                               .arg(locale.toString(customers), locale.toString(doNotContact)),
                           this);
    m_summary->setWordWrap(true);
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("batchChannel"));
    for (Contact::Channel c : {Contact::Channel::Sms, Contact::Channel::WeChat, Contact::Channel::WeCom,
                               Contact::Channel::MobileBanking})
        m_channel->addItem(Contact::channelName(c), int(c));
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("batchNote"));
    m_note->setPlaceholderText(tr("What was sent, e.g. the campaign message"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Log for all"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(customers > doNotContact);
    m_exportPhones = m_buttons->addButton(tr("Export phone list…"), QDialogButtonBox::ActionRole);
    m_exportPhones->setObjectName(QStringLiteral("exportPhoneList"));
    m_exportPhones->setToolTip(tr("The phone numbers of the customers who accept marketing, as a file for the bank's "
                                  "SMS platform (masked unless you give a reason; audited)"));
    m_exportPhones->setEnabled(customers > doNotContact);
    connect(m_exportPhones, &QPushButton::clicked, this, &BatchTouchDialog::exportPhonesRequested);
    auto *form = new QFormLayout;
    form->addRow(tr("Channel:"), m_channel);
    form->addRow(tr("Message:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

Contact BatchTouchDialog::prototype() const
{
    Contact c;
    c.channel = Contact::Channel(m_channel->currentData().toInt());
    c.outcome = Contact::Outcome::Reached;
    c.note = m_note->text().trimmed();
    const QDateTime now = QDateTime::currentDateTime();
    c.contactedAt = now.toOffsetFromUtc(now.offsetFromUtc());
    return c;
}
