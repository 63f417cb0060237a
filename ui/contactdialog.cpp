#include "contactdialog.h"

#include "domain/dateformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

ContactDialog::ContactDialog(const Subject &subject, QWidget *parent)
    : QDialog(parent), m_subject(subject)
{
    setObjectName(QStringLiteral("contactDialog"));
    setWindowTitle(tr("Log a contact"));
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setText(subject.task.isEmpty()
                          ? tr("<b>%1</b>").arg(subject.customerName.toHtmlEscaped())
                          : tr("<b>%1</b> · %2").arg(subject.customerName.toHtmlEscaped(), subject.task.toHtmlEscaped()));

    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("channel"));
    for (int c = 0; c < Contact::kChannelCount; ++c)
        m_channel->addItem(Contact::channelName(Contact::Channel(c)), c);
    m_channel->setCurrentIndex(int(subject.faceToFace ? Contact::Channel::Visit : Contact::Channel::Phone));

    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("outcome"));
    fillOutcomes();

    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("What was said, what they plan (optional)"));
    m_note->setMaxLength(500);

    QHBoxLayout *next = buildNextStep(subject);

    m_refuses = new QCheckBox(tr("Refuses all marketing (do not contact)"), this);
    m_refuses->setObjectName(QStringLiteral("refusesMarketing"));
    m_refuses->setEnabled(false);
    connect(m_outcome, &QComboBox::currentIndexChanged, this, [this] {
        const bool declined = m_outcome->currentData().toInt() == int(Contact::Outcome::Declined);
        m_refuses->setEnabled(declined);
        if (!declined)
            m_refuses->setChecked(false);
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Channel:"), m_channel);
    form->addRow(tr("&Outcome:"), m_outcome);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(QString(), next);
    form->addRow(QString(), m_refuses);

    buildButtons();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    setTabOrder(m_channel, m_outcome);
    setTabOrder(m_outcome, m_note);
    setTabOrder(m_note, m_nextStep);
    setTabOrder(m_nextStep, m_nextDate);
    m_channel->setFocus();
    setMinimumWidth(460);
}

QHBoxLayout *ContactDialog::buildNextStep(const Subject &subject)
{
    m_nextStep = new QCheckBox(tr("Next step on"), this);
    m_nextStep->setObjectName(QStringLiteral("nextStep"));
    m_nextDate = new QDateEdit(this);
    m_nextDate->setObjectName(QStringLiteral("nextStepDate"));
    m_nextDate->setCalendarPopup(true);
    const QDate day = subject.day.isValid() ? subject.day : QDate::currentDate();
    m_nextDate->setMinimumDate(day);
    m_nextDate->setDate(day.addDays(3));
    m_nextDate->setEnabled(false);
    connect(m_nextStep, &QCheckBox::toggled, m_nextDate, &QWidget::setEnabled);
    auto *next = new QHBoxLayout;
    next->addWidget(m_nextStep);
    next->addWidget(m_nextDate, 1);
    return next;
}

void ContactDialog::buildButtons()
{
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save (Enter)"));
    m_buttons->button(QDialogButtonBox::Save)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel (Esc)"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ContactDialog::fillOutcomes()
{
    // Maturity outcomes only make sense for a contact about a maturing product.
    const int general = int(Contact::Outcome::Converted) + 1;
    const int count = m_subject.holdingId.isEmpty() ? general : Contact::kOutcomeCount;
    for (int o = 0; o < count; ++o)
        m_outcome->addItem(Contact::outcomeName(Contact::Outcome(o)), o);
    m_outcome->setCurrentIndex(0);
}

void ContactDialog::startCorrection(const Contact &old)
{
    m_supersedes = old.contactId;
    m_correctedAt = old.contactedAt;
    setWindowTitle(tr("Correct a contact"));
    m_header->setText(m_header->text() + tr("<br>Correcting the record of %1; the old one is kept.")
                                             .arg(DateFormat::dateTime(old.contactedAt.toLocalTime())));
    m_channel->setCurrentIndex(m_channel->findData(int(old.channel)));
    const int outcome = m_outcome->findData(int(old.outcome));
    if (outcome >= 0)
        m_outcome->setCurrentIndex(outcome);
    m_note->setText(old.note);
    if (old.nextStepDate.isValid()) {
        m_nextStep->setChecked(true);
        m_nextDate->setMinimumDate(std::min(m_nextDate->minimumDate(), old.nextStepDate));
        m_nextDate->setDate(old.nextStepDate);
    }
    m_subject.holdingId = old.holdingId;
    m_subject.day = old.contactedAt.date();
}

Contact ContactDialog::contact() const
{
    Contact c;
    c.customerNo = m_subject.customerNo;
    c.staffId = m_subject.staffId;
    c.channel = Contact::Channel(m_channel->currentData().toInt());
    c.outcome = Contact::Outcome(m_outcome->currentData().toInt());
    const QDateTime now = QDateTime::currentDateTime();
    const QDate day = m_subject.day.isValid() ? m_subject.day : now.date();
    // Keep the offset explicit: the record reads the same on HQ and every desktop.
    c.contactedAt = m_correctedAt.isValid() ? m_correctedAt
                                            : QDateTime(day, now.time()).toOffsetFromUtc(now.offsetFromUtc());
    c.note = m_note->text().trimmed();
    if (m_nextStep->isChecked())
        c.nextStepDate = m_nextDate->date();
    c.holdingId = m_subject.holdingId;
    c.supersedes = m_supersedes;
    return c;
}

bool ContactDialog::refusesMarketing() const
{
    return m_refuses->isEnabled() && m_refuses->isChecked();
}
