#include "customeractivityview.h"

#include "contactdialog.h"
#include "domain/cadenceengine.h"
#include "domain/dateformat.h"
#include "domain/moneyformat.h"
#include "session/cadenceworkspace.h"

#include <QEvent>
#include <QKeySequence>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

CustomerActivityView::CustomerActivityView(QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("customerActivity"));
    m_cadences = new QTreeWidget(this);
    m_cadences->setObjectName(QStringLiteral("openCadences"));
    m_cadences->setColumnCount(3);
    m_cadences->setRootIsDecorated(true);
    m_cadences->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_cadences->header()->setStretchLastSection(true);

    m_historyTab = new QWidget(this);
    m_history = new QTableWidget(0, 5, m_historyTab);
    m_history->setObjectName(QStringLiteral("contactHistory"));
    m_history->verticalHeader()->hide();
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_correct = new QPushButton(m_historyTab);
    m_correct->setObjectName(QStringLiteral("correctContact"));
    connect(m_correct, &QPushButton::clicked, this, &CustomerActivityView::correctSelected);
    m_log = new QPushButton(m_historyTab);
    m_log->setObjectName(QStringLiteral("logAnyContact"));
    connect(m_log, &QPushButton::clicked, this, &CustomerActivityView::logContact);
    auto *layout = new QVBoxLayout(m_historyTab);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_history, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_log);
    buttons->addWidget(m_correct);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    addTab(m_cadences, QString());
    addTab(m_historyTab, QString());
    setMinimumHeight(150);
    retranslateUi();
}

void CustomerActivityView::setWorkspace(CadenceWorkspace *workspace)
{
    m_ws = workspace;
    if (!m_ws)
        return;
    connect(m_ws, &CadenceWorkspace::activityChanged, this, [this](int customer) {
        if (customer < 0 || customer == m_customer)
            showCustomer(m_customer);
    });
}

void CustomerActivityView::showCustomer(int customerIndex)
{
    m_customer = customerIndex;
    m_cadences->clear();
    m_history->setRowCount(0);
    const BranchSnapshot *s = m_ws ? m_ws->snapshot() : nullptr;
    const bool usable = s && m_ws->isReady() && customerIndex >= 0 && customerIndex < s->customerCount();
    m_correct->setEnabled(usable);
    m_log->setEnabled(usable);
    if (!usable)
        return;
    showCadences(s, customerIndex);
    showHistory(s, customerIndex);
}

void CustomerActivityView::showCadences(const BranchSnapshot *s, int customerIndex)
{
    const QLocale locale;
    const QDate today = m_ws->today();
    const CadenceEngine engine(*s, m_ws->policy(), m_ws->calendar(), m_ws->activity());
    const bool fourPlusOne = m_ws->roster() && m_ws->roster()->onFourPlusOne(customerIndex);
    for (const CadencePlan &plan : engine.plansOf(customerIndex, today, fourPlusOne)) {
        auto *top = new QTreeWidgetItem(m_cadences);
        if (plan.kind == CadencePlan::Kind::Maturity) {
            const Holding &h = s->holdings()[size_t(plan.holding)];
            top->setText(0, tr("731 · %1 %2").arg(h.productName, MoneyFormat::readable(h.amountFen)));
            top->setText(1, tr("matures %1").arg(DateFormat::date(plan.anchor)));
        } else {
            top->setText(0, tr("4+1 · cycle %1").arg(plan.cycleNumber + 1));
            top->setText(1, tr("%1 – %2").arg(DateFormat::date(plan.anchor),
                                               DateFormat::date(plan.lateUntil)));
        }
        QStringList flags;
        if (plan.lateEntry)
            flags << tr("late entry");
        if (plan.closed)
            flags << tr("closed %1").arg(DateFormat::date(plan.closedOn));
        top->setText(2, tr("%1 of %2 done").arg(plan.doneCount()).arg(plan.steps.size())
                            + (flags.isEmpty() ? QString() : QStringLiteral(" · ") + flags.join(QStringLiteral(" · "))));
        const CadenceTemplate &tmpl = plan.kind == CadencePlan::Kind::Maturity ? m_ws->policy().maturity
                                                                               : m_ws->policy().cycle;
        for (const CadencePlan::Step &step : plan.steps) {
            auto *child = new QTreeWidgetItem(top);
            QString name = CadenceTemplate::purposeText(step.purpose);
            if (plan.kind == CadencePlan::Kind::Cycle && step.fit == CadenceTemplate::Fit::Remote)
                name = tr("touch %1 of %2").arg(tmpl.ordinalOf(step.index)).arg(tmpl.countOf(step.fit));
            child->setText(0, name);
            child->setText(1, DateFormat::date(step.due)
                                  + (step.rescheduled ? tr(" (moved: %1)").arg(step.rescheduleReason) : QString()));
            child->setText(2, step.isDone() ? tr("%1 on %2").arg(CadencePlan::Step::stateName(step.state),
                                                                 DateFormat::date(step.doneOn))
                                            : CadencePlan::Step::stateName(step.state));
            if (step.isDone())
                child->setForeground(2, QColor(0x2e, 0x7d, 0x32));
            else if (step.state == CadencePlan::Step::State::Overdue || step.state == CadencePlan::Step::State::Missed)
                child->setForeground(2, QColor(0xc6, 0x28, 0x28));
        }
        top->setExpanded(plan.openCount() > 0);
    }
    if (m_cadences->topLevelItemCount() == 0) {
        auto *none = new QTreeWidgetItem(m_cadences);
        none->setText(0, tr("No open cadence"));
    }
}

void CustomerActivityView::showHistory(const BranchSnapshot *s, int customerIndex)
{
    const QList<Contact> contacts = m_ws->activity().contactsOf(customerIndex);
    m_history->setRowCount(int(contacts.size()));
    int row = 0;
    for (auto it = contacts.crbegin(); it != contacts.crend(); ++it, ++row) {
        const Contact &c = *it;
        const bool superseded = m_ws->activity().isSuperseded(c.contactId);
        auto item = [&](const QString &text) {
            auto *i = new QTableWidgetItem(text);
            if (superseded) {
                QFont f = i->font();
                f.setStrikeOut(true);
                i->setFont(f);
                i->setForeground(QColor(0x88, 0x88, 0x88));
            }
            i->setData(Qt::UserRole, c.contactId);
            return i;
        };
        m_history->setItem(row, 0, item(DateFormat::dateTime(c.contactedAt.toLocalTime())));
        m_history->setItem(row, 1, item(Contact::channelName(c.channel)));
        m_history->setItem(row, 2, item(Contact::outcomeName(c.outcome)));
        m_history->setItem(row, 3, item(s->staffName(c.staffId).isEmpty() ? c.staffId : s->staffName(c.staffId)));
        QString note = c.note;
        if (c.nextStepDate.isValid())
            note += tr(" · next step %1").arg(DateFormat::date(c.nextStepDate));
        if (!c.supersedes.isEmpty())
            note = tr("(correction) ") + note;
        m_history->setItem(row, 4, item(note));
    }
    setTabText(1, tr("Contact history (%1)").arg(contacts.size()));
}

void CustomerActivityView::correctSelected()
{
    const BranchSnapshot *s = m_ws ? m_ws->snapshot() : nullptr;
    const int row = m_history->currentRow();
    if (!s || m_customer < 0 || row < 0 || !m_history->item(row, 0))
        return;
    const QString id = m_history->item(row, 0)->data(Qt::UserRole).toString();
    const QList<Contact> contacts = m_ws->activity().contactsOf(m_customer);
    for (const Contact &c : contacts) {
        if (c.contactId != id)
            continue;
        ContactDialog::Subject subject;
        subject.customerNo = c.customerNo;
        subject.customerName = s->customer(m_customer).name;
        subject.holdingId = c.holdingId;
        subject.staffId = m_ws->actingStaffId();
        subject.day = c.contactedAt.date();
        auto *dialog = new ContactDialog(subject, this);
        dialog->startCorrection(c);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { m_ws->logContact(dialog->contact()); });
        dialog->open();
        return;
    }
}

void CustomerActivityView::logContact()
{
    const BranchSnapshot *s = m_ws ? m_ws->snapshot() : nullptr;
    if (!s || !m_ws->isReady() || m_customer < 0 || m_customer >= s->customerCount())
        return;
    ContactDialog::Subject subject;
    subject.customerNo = s->customer(m_customer).customerNo;
    subject.customerName = s->customer(m_customer).name;
    subject.task = tr("Contact or note, not tied to a step");
    subject.staffId = m_ws->actingStaffId();
    subject.day = m_ws->today();
    setCurrentWidget(m_historyTab); // the record appears here once saved
    auto *dialog = new ContactDialog(subject, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_ws->logContact(dialog->contact()); });
    dialog->open();
}

void CustomerActivityView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        showCustomer(m_customer);
    }
    QTabWidget::changeEvent(event);
}

void CustomerActivityView::retranslateUi()
{
    setTabText(0, tr("Open cadences"));
    setTabText(1, tr("Contact history"));
    m_cadences->setHeaderLabels({tr("Cadence / step"), tr("Due"), tr("State")});
    m_history->setHorizontalHeaderLabels({tr("When"), tr("Channel"), tr("Outcome"), tr("By"), tr("Note")});
    m_correct->setText(tr("Correct the selected record…"));
    m_log->setText(tr("Log contact… (%1)").arg(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText)));
}
