#include "todaypage.h"

#include "contactdialog.h"
#include "customer360panel.h"
#include "customerrowmenu.h"
#include "reschedulestepdialog.h"
#include "weekplanview.h"
#include "domain/todaylist.h"
#include "session/cadenceworkspace.h"
#include "items/weekplanmodel.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QKeyEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

TodayPage::TodayPage(CadenceWorkspace *workspace, QWidget *parent)
    : QWidget(parent), m_ws(workspace)
{
    setObjectName(QStringLiteral("todayPage"));
    buildHeader();

    m_model = new TodayModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("todayTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(false);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[] = {6 * em, 4 * em, 5 * em, 6 * em, 8 * em, 30 * em, 6 * em, 4 * em, 5 * em};
    for (int c = 0; c < TodayModel::ColumnCount; ++c)
        m_table->horizontalHeader()->resizeSection(c, widths[c]);
    m_table->horizontalHeader()->setSectionResizeMode(TodayModel::Why, QHeaderView::Stretch);
    // Column widths follow the words (Chinese or English) of the first rows.
    m_table->horizontalHeader()->setResizeContentsPrecision(200);

    m_panel = new Customer360Panel(this);
    m_panel->setWorkspace(workspace);
    m_panel->setMinimumWidth(360); // the list is what this page is about
    // The panel scrolls, as on the Customers page: it must not make the window taller than a laptop screen.
    auto *panelScroll = new QScrollArea(this);
    panelScroll->setObjectName(QStringLiteral("todayPanelScroll"));
    panelScroll->setWidget(m_panel);
    panelScroll->setWidgetResizable(true);
    panelScroll->setFrameShape(QFrame::NoFrame);
    panelScroll->setMinimumWidth(m_panel->minimumWidth() + 20);

    m_log = new QPushButton(this);
    m_log->setObjectName(QStringLiteral("logContact"));
    m_reschedule = new QPushButton(this);
    m_reschedule->setObjectName(QStringLiteral("rescheduleStep"));
    m_hint = new QLabel(this);
    m_hint->setStyleSheet(QStringLiteral("color:#666"));
    buildActions();
    buildLayout(panelScroll);
    connectSignals();
    retranslateUi();
    onCounts(0, 0, 0);
}

void TodayPage::buildHeader()
{
    m_actingLabel = new QLabel(this);
    m_acting = new QComboBox(this);
    m_acting->setObjectName(QStringLiteral("actingAs"));
    m_acting->setMinimumContentsLength(10);
    m_acting->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "卢博（网点负责人）" whole, not cut
    // Who the user works as changes only through its list (click, F4, Alt+Down): an arrow key
    // meant for the table must never switch and save another identity (issue 16).
    m_acting->installEventFilter(this);
    m_viewLabel = new QLabel(this);
    m_view = new QComboBox(this);
    m_view->setObjectName(QStringLiteral("viewedRm"));
    m_view->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_date = new QLabel(this);
    m_date->setObjectName(QStringLiteral("todayDate"));
    QFont bold = m_date->font();
    bold.setBold(true);
    m_date->setFont(bold);
    m_done = new QLabel(this);
    m_done->setObjectName(QStringLiteral("todayDone"));
    m_due = new QLabel(this);
    m_due->setObjectName(QStringLiteral("todayDue"));
    m_overdue = new QLabel(this);
    m_overdue->setObjectName(QStringLiteral("todayOverdue"));
    for (QLabel *l : {m_done, m_due, m_overdue}) {
        l->setFont(bold);
        l->setContentsMargins(10, 2, 10, 2);
    }
    m_done->setStyleSheet(QStringLiteral("color:#2e7d32"));
    m_overdue->setStyleSheet(QStringLiteral("color:#c62828"));
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("calendarWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color:#8a5a00"));
    m_warning->hide();
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("todayEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->hide();
}

void TodayPage::buildActions()
{
    // Enter on a row opens the contact dialog; Ctrl+R reschedules.
    auto *logAction = m_logMenuAction = new QAction(this); // also the context menu's first entry
    logAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    logAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(logAction);
    connect(logAction, &QAction::triggered, this, &TodayPage::openContactDialog);
    auto *rescheduleAction = new QAction(this);
    rescheduleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    rescheduleAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(rescheduleAction);
    connect(rescheduleAction, &QAction::triggered, this, &TodayPage::openRescheduleDialog);
    connect(m_log, &QPushButton::clicked, this, &TodayPage::openContactDialog);
    connect(m_reschedule, &QPushButton::clicked, this, &TodayPage::openRescheduleDialog);
    connect(m_table, &QTableView::doubleClicked, this, &TodayPage::openContactDialog);
    // Right-click on a row: the same two actions, then the customer's (360, do-not-contact, ...).
    m_rescheduleMenuAction = new QAction(this);
    connect(m_rescheduleMenuAction, &QAction::triggered, this, &TodayPage::openRescheduleDialog);
    m_menu = new CustomerRowMenu(m_table, m_ws, TodayModel::Customer,
                                 CustomerRowMenu::byRole(m_ws, TodayModel::CustomerIndexRole,
                                                         [this] { return m_model->rowCount() ? m_ws->snapshot() : nullptr; }));
    m_menu->setLeadingActions({m_logMenuAction, m_rescheduleMenuAction});
    m_menu->setLogContactShown(false); // Today's own ties the contact to the step
    connect(m_menu, &CustomerRowMenu::open360Requested, this, [this](int) { m_panel->takeFocus(); });
}

void TodayPage::buildLayout(QWidget *panelScroll)
{
    auto *top = new QHBoxLayout;
    top->addWidget(m_actingLabel);
    top->addWidget(m_acting);
    top->addWidget(m_viewLabel);
    top->addWidget(m_view);
    top->addSpacing(12);
    top->addWidget(m_date);
    top->addStretch(1);
    top->addWidget(m_done);
    top->addWidget(m_due);
    top->addWidget(m_overdue);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_log);
    buttons->addWidget(m_reschedule);
    buttons->addWidget(m_hint, 1);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_warning);
    leftLayout->addWidget(m_empty);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(buttons);
    m_week = new WeekPlanView(left);
    leftLayout->addWidget(m_week);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("todaySplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(panelScroll);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({820, 380});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);
}

void TodayPage::connectSignals()
{
    connect(m_model, &TodayModel::countsChanged, this, &TodayPage::onCounts);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TodayPage::onCurrentRowChanged);
    connect(&m_watcher, &QFutureWatcher<std::vector<TodayItem>>::finished, this, &TodayPage::onBuilt);
    connect(m_acting, &QComboBox::activated, this, [this](int) { onActingChanged(); });
    connect(m_view, &QComboBox::activated, this, [this](int) { rebuild(); });
    connect(m_ws, &CadenceWorkspace::ready, this, [this] {
        fillStaff();
        m_panel->setBranch(m_ws->branch());
    });
    connect(m_ws, &CadenceWorkspace::activityChanged, this, &TodayPage::onActivityChanged);
    connect(m_ws, &CadenceWorkspace::capacityChanged, this, [this](const QString &) { rebuild(); });
    connect(m_week, &WeekPlanView::rmActivated, this, &TodayPage::showRm);
    // The week's later steps: the customer's menu and the do-not-contact mark too (issue 17).
    m_weekMenu = new CustomerRowMenu(m_week->table(), m_ws, WeekPlanModel::Customer,
                                     CustomerRowMenu::byRole(m_ws, WeekPlanModel::CustomerIndexRole,
                                                             [this] { return m_ws->snapshot(); }));
    m_weekMenu->setOpen360Shown(false); // the panel beside shows Today's current row
    connect(m_week, &WeekPlanView::capacityEdited, this, [this](int capacity) {
        const BranchSnapshot *s = m_ws->snapshot();
        const int rm = viewedRm();
        if (s && rm >= 0)
            m_ws->setDayCapacity(s->staff()[size_t(rm)].staffId, m_ws->today(), capacity);
    });
}

void TodayPage::fillStaff()
{
    const QSignalBlocker blockActing(m_acting);
    const QSignalBlocker blockView(m_view);
    m_acting->clear();
    m_view->clear();
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s)
        return;
    m_view->addItem(tr("All RMs"), TodayList::kAllRms);
    // An RM signed in works as themselves only; a manager may look at any RM's day.
    const bool wholeBranch = s->scope().seesWholeBranch();
    // Signed in, a desktop acts as its user only (issue 15); a manager still views any RM's day.
    const bool signedIn = m_ws->branch().signedInToHq; // a demo store's scope is not a sign-in
    m_acting->setEnabled(!signedIn);
    for (size_t i = 0; i < s->staff().size(); ++i) {
        const Staff &st = s->staff()[i];
        const bool manager = st.role == Staff::Role::Manager;
        if (!wholeBranch && st.staffId != s->scope().staffId())
            continue;
        if (!signedIn || st.staffId == s->scope().staffId())
            m_acting->addItem(manager ? tr("%1 (branch manager)").arg(st.name) : st.name, st.staffId);
        if (!manager)
            m_view->addItem(st.name, int(i));
    }
    m_acting->setCurrentIndex(qMax(0, m_acting->findData(m_ws->actingStaffId())));
    onActingChanged();
}

void TodayPage::showRm(int staffIndex)
{
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s || !s->scope().seesWholeBranch())
        return;
    const int manager = m_acting->findData(s->scope().staffId());
    if (manager >= 0 && m_acting->currentIndex() != manager) {
        m_acting->setCurrentIndex(manager);
        const QSignalBlocker block(m_view);
        onActingChanged();
    }
    const int at = m_view->findData(staffIndex);
    if (at >= 0 && at != m_view->currentIndex()) {
        m_view->setCurrentIndex(at);
        rebuild();
    }
}

void TodayPage::onActingChanged()
{
    const BranchSnapshot *s = m_ws->snapshot();
    const QString staffId = m_acting->currentData().toString();
    if (!staffId.isEmpty())
        m_ws->setActingStaffId(staffId);
    const int index = m_ws->actingStaffIndex();
    const bool manager = s && index >= 0 && s->staff()[size_t(index)].role == Staff::Role::Manager;
    m_viewLabel->setVisible(manager);
    m_view->setVisible(manager);
    rebuild();
}

int TodayPage::viewedRm() const
{
    const BranchSnapshot *s = m_ws->snapshot();
    const int index = m_ws->actingStaffIndex();
    if (!s || index < 0)
        return TodayList::kAllRms;
    if (s->staff()[size_t(index)].role == Staff::Role::Manager)
        return m_view->currentData().isValid() ? m_view->currentData().toInt() : TodayList::kAllRms;
    return index;
}

TodayModel::Context TodayPage::context() const
{
    return TodayModel::Context{m_ws->branch().snapshot, m_ws->roster(), m_ws->activity(), m_ws->policy(),
                               m_ws->calendar(), m_ws->today()};
}

void TodayPage::rebuild()
{
    if (!m_ws->isReady() || !m_ws->snapshot()) {
        m_model->clear();
        return;
    }
    if (m_building) {
        m_rebuildAgain = true;
        return;
    }
    m_building = true;
    m_rebuildAgain = false;
    const QModelIndex current = m_table->currentIndex();
    if (current.isValid())
        m_keepKey = m_model->data(current, TodayModel::ItemKeyRole).toString();
    m_pending = context();
    const int rm = viewedRm();
    const TodayModel::Context ctx = m_pending;
    // The day plan (issue 17): each RM's steps up to their capacity; the rest go to later days.
    auto plans = std::make_shared<std::vector<DayPlan>>();
    m_plans = plans;
    const auto capacities = m_ws->capacities();
    m_watcher.setFuture(QtConcurrent::run([ctx, rm, plans, capacities] {
        const TodayList list(*ctx.snapshot, ctx.policy, ctx.calendar, ctx.activity, *ctx.roster);
        const std::vector<QDate> days = DayPlan::planDays(ctx.calendar, ctx.asOf, ctx.policy.planHorizonDays);
        std::vector<TodayItem> today;
        for (int r = 0; r < int(ctx.snapshot->staff().size()); ++r) {
            if ((rm != TodayList::kAllRms && r != rm) || ctx.roster->customersOf(r).empty())
                continue;
            const QHash<QDate, int> lowered = capacities.value(ctx.snapshot->staff()[size_t(r)].staffId);
            const int fallback = ctx.policy.dailyCapacity;
            plans->emplace_back(list.buildUntil(r, ctx.asOf, days.back()), ctx.asOf, days,
                                [&](const QDate &d) { return lowered.value(d, fallback); });
            plans->back().staffIndex = r;
            for (const DayPlan::Entry &e : plans->back().entries()) {
                if (e.slot == DayPlan::Slot::Today)
                    today.push_back(e.item);
            }
        }
        TodayList::sort(today);
        return today;
    }));
}

void TodayPage::onBuilt()
{
    m_building = false;
    if (m_watcher.future().resultCount() == 0)
        return; // the emptied watcher below
    // Built for a branch that is gone (the lock dropped it, or a sync reloaded it): discard.
    if (m_rebuildAgain || m_pending.snapshot != m_ws->branch().snapshot) {
        m_pending = TodayModel::Context{};
        m_watcher.setFuture(QFuture<std::vector<TodayItem>>());
        rebuild();
        return;
    }
    m_model->setItems(m_pending, m_watcher.result());
    const int rm = viewedRm();
    const BranchSnapshot *snap = m_ws->snapshot();
    m_week->setPlans(m_pending, m_plans ? *m_plans : std::vector<DayPlan>{}, m_model->rowCount(),
                     rm >= 0 && snap ? m_ws->capacityOn(snap->staff()[size_t(rm)].staffId, m_ws->today()) : -1);
    // The RM column only says something when more than one RM is shown.
    m_table->setColumnHidden(TodayModel::Rm, viewedRm() != TodayList::kAllRms);
    for (int c = 0; c < TodayModel::ColumnCount; ++c) {
        if (c != TodayModel::Why)
            m_table->resizeColumnToContents(c);
    }
    int row = m_keepKey.isEmpty() ? -1 : m_model->rowOfKey(m_keepKey);
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_table->selectRow(row);
    if (!m_advanceFrom.isEmpty() && m_model->rowOfKey(m_advanceFrom) >= 0
        && m_model->item(m_model->rowOfKey(m_advanceFrom)).isDone()) {
        selectNextAfter(m_advanceFrom);
        m_advanceFrom.clear();
    }
    updateCalendarWarning();
    retranslateUi();
}

void TodayPage::onActivityChanged(int customer)
{
    if (customer < 0 || m_building) {
        rebuild();
        return;
    }
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s || !m_ws->roster())
        return;
    const int rm = viewedRm();
    const TodayModel::Context ctx = context();
    std::vector<TodayItem> items;
    if (rm == TodayList::kAllRms ? s->rmOf(customer) >= 0 : s->rmOf(customer) == rm) {
        const TodayList list(*ctx.snapshot, ctx.policy, ctx.calendar, ctx.activity, *ctx.roster);
        // Only the rows the day plan put on today stay (and whatever was done today).
        QSet<QString> planned;
        for (const TodayItem &i : m_model->items()) {
            if (i.customer == customer)
                planned.insert(i.key());
        }
        for (TodayItem &i : list.forCustomer(customer, ctx.asOf)) {
            if (i.isDone() || planned.contains(i.key()))
                items.push_back(std::move(i));
        }
    }
    m_model->updateCustomer(ctx, customer, std::move(items));
    if (!m_advanceFrom.isEmpty()) {
        selectNextAfter(m_advanceFrom);
        m_advanceFrom.clear();
    }
    if (m_panel->currentCustomer() == customer)
        m_panel->showCustomer(customer);
    m_empty->setVisible(m_model->rowCount() == 0);
}

void TodayPage::selectNextAfter(const QString &key)
{
    const int from = m_model->rowOfKey(key);
    if (from < 0)
        return;
    int row = -1;
    for (int r = from + 1; r < m_model->rowCount() && row < 0; ++r) {
        if (!m_model->item(r).isDone())
            row = r;
    }
    if (row < 0)
        row = qMin(from + 1, m_model->rowCount() - 1);
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
    m_table->setFocus(Qt::OtherFocusReason);
}

bool TodayPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_acting && (event->type() == QEvent::KeyPress || event->type() == QEvent::Wheel)) {
        if (event->type() == QEvent::Wheel)
            return true;
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Home:
        case Qt::Key_End:
            if (!(static_cast<QKeyEvent *>(event)->modifiers() & Qt::AltModifier))
                return true; // Alt+Down still opens the list
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TodayPage::onCounts(int done, int due, int overdue)
{
    m_counts[0] = done;
    m_counts[1] = due;
    m_counts[2] = overdue;
    const QLocale locale;
    m_done->setText(tr("✓ Done %1").arg(locale.toString(done)));
    m_due->setText(tr("Due today %1").arg(locale.toString(due)));
    m_overdue->setText(tr("Overdue %1").arg(locale.toString(overdue)));
    m_empty->setVisible(m_ws->isReady() && m_model->rowCount() == 0);
}

bool TodayPage::isSettled() const
{
    return m_ws->isReady() && !m_building && !m_rebuildAgain;
}

QString TodayPage::countsText() const
{
    return QStringLiteral("%1/%2/%3").arg(m_counts[0]).arg(m_counts[1]).arg(m_counts[2]);
}

void TodayPage::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    const bool valid = current.isValid();
    m_log->setEnabled(valid && !m_model->item(current.row()).isDone());
    m_hint->setText(tr("Up/Down to move, Enter to log, Enter again to save."));
    // A follow-up keeps its agreed day; a list's contact is due while the customer is on the list.
    m_reschedule->setEnabled(valid && m_model->item(current.row()).kind != TodayItem::Kind::FollowUp
                             && m_model->item(current.row()).kind != TodayItem::Kind::ListStep
                             && !m_model->item(current.row()).isDone());
    if (valid)
        m_panel->showCustomer(m_model->item(current.row()).customer);
}

void TodayPage::updateCalendarWarning()
{
    const QList<int> years = m_model->yearsWithoutCalendar();
    QStringList list;
    for (int y : years)
        list << QString::number(y);
    m_warning->setVisible(!years.isEmpty());
    m_warning->setText(tr("No holiday calendar loaded for %1: due dates there only skip Saturdays and Sundays. "
                          "Put the year's holiday-cn file in %2.")
                           .arg(list.join(QStringLiteral(", ")), WorkingCalendar::extraDirectory()));
    // Which calendars are present and where from (issue 18; HQ issues the next year's), on
    // hover: a third line of warning would not fit a 1366x768 laptop's Today page.
    m_warning->setToolTip(tr("Calendars present: %1.").arg(m_ws->policyVersions().calendarText()) + QLatin1Char('\n')
                          + m_ws->policyVersions().lines().join(QLatin1Char('\n')));
}

void TodayPage::openContactDialog()
{
    const QModelIndex current = m_table->currentIndex();
    const BranchSnapshot *s = m_ws->snapshot();
    if (!current.isValid() || !s)
        return;
    const TodayItem item = m_model->item(current.row());
    if (item.isDone()) {
        // Enter on a done row must not start a duplicate: say where the record is instead.
        m_hint->setText(tr("This step is done. To change what was logged, correct it in the contact history on the right."));
        return;
    }
    ContactDialog::Subject subject;
    subject.customerNo = s->customer(item.customer).customerNo;
    subject.customerName = s->customer(item.customer).name;
    if (item.kind == TodayItem::Kind::MaturityStep)
        subject.holdingId = s->holdings()[size_t(item.holding)].holdingId;
    subject.task = m_model->data(m_model->index(current.row(), TodayModel::Task)).toString();
    subject.faceToFace = item.fit == CadenceTemplate::Fit::FaceToFace;
    subject.staffId = m_ws->actingStaffId();
    subject.day = m_ws->today();
    m_keepKey = item.key();
    auto *dialog = new ContactDialog(subject, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString key = item.key();
    connect(dialog, &QDialog::accepted, this, [this, dialog, key] {
        m_advanceFrom = key;
        const Contact contact = dialog->contact();
        m_ws->logContact(contact);
        if (dialog->refusesMarketing()) { // 拒绝营销: out of every cadence and batch from now on
            DoNotContact flag;
            flag.customerNo = contact.customerNo;
            flag.since = m_ws->today();
            flag.source = QStringLiteral("customer");
            flag.note = contact.note;
            m_ws->setDoNotContact(flag);
        }
    });
    dialog->open();
}

void TodayPage::openRescheduleDialog()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const TodayItem item = m_model->item(current.row());
    if (item.kind == TodayItem::Kind::FollowUp || item.kind == TodayItem::Kind::ListStep || item.isDone())
        return;
    const BranchSnapshot *s = m_ws->snapshot();
    const QString what = tr("%1 · %2").arg(s->customer(item.customer).name,
                                           m_model->data(m_model->index(current.row(), TodayModel::Task)).toString());
    auto *dialog = new RescheduleStepDialog(what, item.due, m_ws->today(), item.deadline, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString customerNo = s->customer(item.customer).customerNo;
    connect(dialog, &QDialog::accepted, this, [this, dialog, item, customerNo] {
        StepOverride o;
        o.planKey = item.planKey;
        o.stepIndex = item.stepIndex;
        o.dueDate = dialog->date();
        o.reason = dialog->reason();
        o.staffId = m_ws->actingStaffId();
        o.customerNo = customerNo;
        m_ws->reschedule(o);
    });
    dialog->open();
}

void TodayPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
        const int acting = m_acting->currentIndex();
        const int view = m_view->currentIndex();
        fillStaff();
        m_acting->setCurrentIndex(acting);
        m_view->setCurrentIndex(view);
        onCounts(m_counts[0], m_counts[1], m_counts[2]);
        updateCalendarWarning();
    }
    QWidget::changeEvent(event);
}

void TodayPage::retranslateUi()
{
    m_actingLabel->setText(tr("Acting as:"));
    m_viewLabel->setText(tr("Showing:"));
    m_date->setText(m_ws->today().isValid() ? QLocale().toString(m_ws->today(), QLocale::LongFormat) : QString());
    m_log->setText(tr("Log contact (Enter)"));
    m_reschedule->setText(tr("Reschedule… (Ctrl+R)"));
    m_logMenuAction->setText(tr("Log contact…"));
    m_rescheduleMenuAction->setText(tr("Reschedule…"));
    m_hint->setText(tr("Up/Down to move, Enter to log, Enter again to save."));
    m_empty->setText(m_ws->isReady() ? tr("Nothing due today. New steps appear as products near maturity and "
                                          "customers join the 4+1 lists.")
                                     : tr("Loading the contact log…"));
}
