#include "eventpage.h"

#include "domain/eventsummary.h"
#include "domain/personaldatamask.h"
#include "walkindialog.h"
#include "domain/phonedirectory.h"
#include "session/cadenceworkspace.h"
#include "items/personalfield.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

EventPage::EventPage(CadenceWorkspace *workspace, QWidget *parent)
    : QWidget(parent), m_ws(workspace)
{
    setObjectName(QStringLiteral("eventPage"));
    QWidget *left = createEventList();
    createCapturePanel();
    layOut(left);
    connectParts();
    retranslateUi();
    showEventDetails(QString());
}

// The events, a new event's form and the walk-in button.
QWidget *EventPage::createEventList()
{
    m_events = new QListWidget(this);
    m_events->setObjectName(QStringLiteral("events"));
    m_newTitle = new QLabel(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("eventName"));
    m_date = new QDateEdit(this);
    m_date->setObjectName(QStringLiteral("eventDate"));
    m_date->setCalendarPopup(true);
    m_date->setDate(m_ws->today());
    m_place = new QLineEdit(this);
    m_place->setObjectName(QStringLiteral("eventPlace"));
    m_campaign = new QComboBox(this);
    m_campaign->setObjectName(QStringLiteral("eventCampaign"));
    m_campaign->setEditable(true);
    m_create = new QPushButton(this);
    m_create->setObjectName(QStringLiteral("createEvent"));
    // Walk-ins at the branch hall (厅堂), beside the events (issue 18).
    m_walkIn = new QPushButton(this);
    m_walkIn->setObjectName(QStringLiteral("walkIn"));
    m_nameLabel = new QLabel(this);
    m_dateLabel = new QLabel(this);
    m_placeLabel = new QLabel(this);
    m_campaignLabel = new QLabel(this);
    auto *newForm = new QFormLayout;
    newForm->addRow(m_nameLabel, m_name);
    newForm->addRow(m_dateLabel, m_date);
    newForm->addRow(m_placeLabel, m_place);
    newForm->addRow(m_campaignLabel, m_campaign);
    newForm->addRow(QString(), m_create);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_walkIn);
    leftLayout->addWidget(m_events, 1);
    leftLayout->addWidget(m_newTitle);
    leftLayout->addLayout(newForm);

    return left;
}

// The chosen event: visitors captured at it, its summary and follow-ups.
void EventPage::createCapturePanel()
{
    m_capturePanel = new QWidget(this);
    m_eventTitle = new QLabel(m_capturePanel);
    m_eventTitle->setObjectName(QStringLiteral("eventTitle"));
    QFont big = m_eventTitle->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_eventTitle->setFont(big);
    m_capturing = new QLabel(m_capturePanel);
    m_visitorName = new QLineEdit(m_capturePanel);
    m_visitorName->setObjectName(QStringLiteral("visitorName"));
    m_visitorPhone = new QLineEdit(m_capturePanel);
    m_visitorPhone->setObjectName(QStringLiteral("visitorPhone"));
    m_visitorPhone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    m_interest = new QLineEdit(m_capturePanel);
    m_interest->setObjectName(QStringLiteral("visitorInterest"));
    m_consent = new QCheckBox(m_capturePanel);
    m_consent->setObjectName(QStringLiteral("visitorConsent"));
    m_capture = new QPushButton(m_capturePanel);
    m_capture->setObjectName(QStringLiteral("captureVisitor"));
    m_result = new QLabel(m_capturePanel);
    m_result->setObjectName(QStringLiteral("captureResult"));
    m_result->setWordWrap(true);
    auto *captureBox = new QGroupBox(m_capturePanel);
    captureBox->setObjectName(QStringLiteral("captureBox"));
    auto *captureForm = new QFormLayout(captureBox);
    m_captureForm = captureForm;
    captureForm->addRow(QStringLiteral("-"), m_visitorName);
    captureForm->addRow(QStringLiteral("-"), m_visitorPhone);
    captureForm->addRow(QStringLiteral("-"), m_interest);
    captureForm->addRow(QString(), m_consent);
    captureForm->addRow(QString(), m_capture);
    captureForm->addRow(QString(), m_result);
    // Enter anywhere in the form records the visitor.
    auto *captureAction = new QAction(captureBox);
    captureAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    captureAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    captureBox->addAction(captureAction);
    connect(captureAction, &QAction::triggered, this, &EventPage::captureVisitor);
    connect(m_capture, &QPushButton::clicked, this, &EventPage::captureVisitor);
    m_summary = new QLabel(m_capturePanel);
    m_summary->setObjectName(QStringLiteral("eventSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::RichText);
    m_followTitle = new QLabel(m_capturePanel);
    m_followUps = new QTableWidget(0, 5, m_capturePanel);
    m_followUps->setObjectName(QStringLiteral("eventFollowUps"));
    m_followUps->verticalHeader()->hide();
    m_followUps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_followUps->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_followUps->horizontalHeader()->setStretchLastSection(true);
    auto *right = new QVBoxLayout(m_capturePanel);
    right->addWidget(m_eventTitle);
    right->addWidget(m_capturing);
    right->addWidget(captureBox);
    right->addWidget(m_summary);
    right->addWidget(m_followTitle);
    right->addWidget(m_followUps, 1);

}

void EventPage::layOut(QWidget *left)
{
    auto *splitter = new QSplitter(Qt::Horizontal, this);

    splitter->setObjectName(QStringLiteral("eventSplitter")); // its sizes are kept across restarts
    splitter->addWidget(left);
    splitter->addWidget(m_capturePanel);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    setTabOrder(m_visitorName, m_visitorPhone);
    setTabOrder(m_visitorPhone, m_interest);
    setTabOrder(m_interest, m_consent);
    setTabOrder(m_consent, m_capture);

}

void EventPage::connectParts()
{
    connect(m_create, &QPushButton::clicked, this, &EventPage::createEvent);
    connect(m_walkIn, &QPushButton::clicked, this, [this] {
        auto *dialog = new WalkInDialog(m_ws, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_name, &QLineEdit::returnPressed, this, &EventPage::createEvent);
    connect(m_events, &QListWidget::currentRowChanged, this, [this](int) { showEventDetails(currentEventId()); });
    connect(m_ws, &CadenceWorkspace::ready, this, [this] {
        m_date->setDate(m_ws->today());
        retranslateUi();
        fillEvents();
    });
    connect(m_ws, &CadenceWorkspace::eventsChanged, this, [this](const QString &eventId) {
        if (eventId == currentEventId())
            showEventDetails(eventId);
        else
            fillEvents(eventId);
    });
    connect(m_ws, &CadenceWorkspace::actingStaffChanged, this, [this] { retranslateUi(); });
}

QString EventPage::currentEventId() const
{
    const QListWidgetItem *item = m_events->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void EventPage::fillEvents(const QString &select)
{
    const QString keep = select.isEmpty() ? currentEventId() : select;
    const QSignalBlocker block(m_events);
    m_events->clear();
    const QLocale locale;
    for (const CommunityEvent &e : m_ws->events()) {
        auto *item = new QListWidgetItem(tr("%1 · %2").arg(locale.toString(e.heldOn, QLocale::ShortFormat), e.name),
                                         m_events);
        item->setData(Qt::UserRole, e.eventId);
        item->setToolTip(e.place);
        if (e.eventId == keep)
            m_events->setCurrentItem(item);
    }
    if (!m_events->currentItem() && m_events->count() > 0)
        m_events->setCurrentRow(0);
    showEventDetails(currentEventId());
}

void EventPage::createEvent()
{
    if (m_name->text().trimmed().isEmpty()) {
        m_name->setFocus();
        return;
    }
    CommunityEvent e;
    e.name = m_name->text().trimmed();
    e.heldOn = m_date->date();
    e.place = m_place->text().trimmed();
    e.campaign = m_campaign->currentText().trimmed();
    e.createdBy = m_ws->actingStaffId();
    m_ws->createEvent(e);
    m_name->clear();
    m_place->clear();
}

void EventPage::captureVisitor()
{
    const QString eventId = currentEventId();
    const BranchSnapshot *s = m_ws->snapshot();
    if (eventId.isEmpty() || !s)
        return;
    const QString phone = m_visitorPhone->text().trimmed();
    const QString name = m_visitorName->text().trimmed();
    if (phone.isEmpty() && name.isEmpty()) {
        m_visitorName->setFocus();
        return;
    }
    CommunityEvent event;
    for (const CommunityEvent &e : m_ws->events()) {
        if (e.eventId == eventId)
            event = e;
    }
    EventVisitor v;
    v.name = name;
    v.phone = phone;
    v.interest = m_interest->text().trimmed();
    v.consent = m_consent->isChecked();
    v.capturedBy = m_ws->actingStaffId();
    const QDateTime now = QDateTime::currentDateTime();
    // Captured on the event's day: the contact it logs lands in that day's cadences.
    v.capturedAt = QDateTime(event.heldOn.isValid() ? event.heldOn : now.date(), now.time())
                       .toOffsetFromUtc(now.offsetFromUtc());
    const int customer = m_ws->phones().find(phone);
    const QString customerNo = customer >= 0 ? s->customer(customer).customerNo : QString();
    m_ws->captureVisitor(v, event, customerNo);
    if (customer >= 0)
        m_result->setText(tr("%1 is a customer (%2): the visit is logged as an event contact.")
                              .arg(s->customer(customer).name, customerNo));
    else if (v.consent && !phone.isEmpty())
        m_result->setText(tr("%1 is not a customer yet: saved as your prospect.").arg(name.isEmpty() ? phone : name));
    else
        m_result->setText(tr("Visitor counted. Without consent to be contacted, the phone number is not kept."));
    m_visitorName->clear();
    m_visitorPhone->clear();
    m_interest->clear();
    m_consent->setChecked(false);
    m_visitorName->setFocus();
}

void EventPage::showEventDetails(const QString &eventId)
{
    m_capturePanel->setEnabled(!eventId.isEmpty());
    m_followUps->setRowCount(0);
    const BranchSnapshot *s = m_ws->snapshot();
    const CommunityEvent *event = nullptr;
    for (const CommunityEvent &e : m_ws->events()) {
        if (e.eventId == eventId)
            event = &e;
    }
    if (!event || !s) {
        m_eventTitle->setText(tr("No event selected"));
        m_summary->setText(tr("Create an event on the left, then capture visitors here."));
        return;
    }
    const QLocale locale;
    m_eventTitle->setText(tr("%1 — %2, %3").arg(event->name, locale.toString(event->heldOn, QLocale::LongFormat),
                                                 event->place));
    const std::vector<EventVisitor> visitors = m_ws->visitorsOf(eventId);
    const EventSummary sum = EventSummary::build(visitors);
    QString html = tr("<b>Visitors %1</b> · customers %2 · new prospects %3 · without consent %4")
                       .arg(sum.visitors)
                       .arg(sum.matched)
                       .arg(sum.prospects)
                       .arg(sum.withoutConsent);
    QStringList byStaff;
    for (const EventSummary::ByStaff &b : sum.byStaff) {
        const QString who = s->staffName(b.staffId).isEmpty() ? b.staffId : s->staffName(b.staffId);
        byStaff << tr("%1: %2 visitors, %3 customers, %4 prospects").arg(who).arg(b.visitors).arg(b.matched).arg(b.prospects);
    }
    if (!byStaff.isEmpty())
        html += QStringLiteral("<br>") + byStaff.join(QStringLiteral("<br>"));
    m_summary->setText(html);
    m_followUps->setRowCount(int(sum.followUps.size()));
    int row = 0;
    for (const EventVisitor &v : sum.followUps) {
        const int customer = v.customerNo.isEmpty() ? -1 : s->indexOfCustomer(v.customerNo);
        const QString owner = customer >= 0 && s->rmOf(customer) >= 0 ? s->staff()[size_t(s->rmOf(customer))].name
                                                                      : s->staffName(v.capturedBy);
        m_followUps->setItem(row, 0, new QTableWidgetItem(customer >= 0 ? s->customer(customer).name : v.name));
        m_followUps->setItem(row, 1, new QTableWidgetItem(PersonalDataMask::phone(v.phone)));
        m_followUps->setItem(row, 2, new QTableWidgetItem(customer >= 0 ? tr("Customer") : tr("Prospect")));
        m_followUps->setItem(row, 3, new QTableWidgetItem(owner));
        m_followUps->setItem(row, 4, new QTableWidgetItem(v.interest));
        ++row;
    }
}

void EventPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillEvents();
    }
    QWidget::changeEvent(event);
}

void EventPage::retranslateUi()
{
    m_newTitle->setText(tr("<b>New event</b>"));
    m_walkIn->setText(tr("Walk-in at the branch hall…"));
    m_nameLabel->setText(tr("Name:"));
    m_dateLabel->setText(tr("Date:"));
    m_placeLabel->setText(tr("Place:"));
    m_campaignLabel->setText(tr("Campaign:"));
    m_name->setPlaceholderText(tr("e.g. Retirement planning talk"));
    m_place->setPlaceholderText(tr("e.g. Xingfuli community centre"));
    const QString campaign = m_campaign->currentText();
    m_campaign->clear();
    m_campaign->addItems({QString(), tr("Maturity conversion"), tr("Threshold uplift"), tr("VIP retention"),
                          tr("Cross-line conversion"), tr("Payroll retention"), tr("Low-efficiency activation")});
    m_campaign->setCurrentText(campaign);
    m_create->setText(tr("Create event"));
    const BranchSnapshot *s = m_ws->snapshot();
    const QString who = s ? s->staffName(m_ws->actingStaffId()) : QString();
    m_capturing->setText(tr("Capturing as %1. Tab between fields, Enter records the visitor.")
                             .arg(who.isEmpty() ? m_ws->actingStaffId() : who));
    const auto setLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_captureForm->labelForField(field)))
            label->setText(text);
    };
    setLabel(m_visitorName, tr("&Name:"));
    setLabel(m_visitorPhone, tr("&Phone:"));
    setLabel(m_interest, tr("&Interest:"));
    m_visitorName->setPlaceholderText(tr("Visitor's name"));
    m_visitorPhone->setPlaceholderText(tr("Mobile number: a customer's links the visit to them"));
    m_interest->setPlaceholderText(tr("What they asked about"));
    m_consent->setText(tr("Agrees to be contacted by the bank (PIPL consent)"));
    m_capture->setText(tr("Record visitor (Enter)"));
    m_followTitle->setText(tr("<b>Follow up</b> (visitors who agreed to be contacted)"));
    m_followUps->setHorizontalHeaderLabels({tr("Name"), tr("Phone"), tr("Who"), tr("Follows up"), tr("Interest")});
    // Exports mask the name column (the phone is shown masked already).
    m_followUps->horizontalHeaderItem(0)->setData(PersonalField::HeaderRole, PersonalField::Name);
    if (auto *box = findChild<QGroupBox *>(QStringLiteral("captureBox")))
        box->setTitle(tr("Quick capture"));
}
