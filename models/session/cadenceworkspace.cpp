#include "cadenceworkspace.h"

#include "../domain/branchsnapshot.h"
#include "../domain/cadenceengine.h"
#include "../domain/phonedirectory.h"
#include "../domain/workloadbalancer.h"
#include "../domain/valuepolicy.h"
#include "../store/policysource.h"
#include "../store/assignmentrepository.h"
#include "../store/cadencerepository.h"
#include "../store/contactrepository.h"
#include "../store/database.h"
#include "../store/eventrepository.h"
#include "../store/schemamigrations.h"
#include "../store/storeerror.h"
#include "../store/worklistrepository.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QSettings>
#include <QSet>
#include <QUuid>

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Products entering the maturity window and customers on a 4+1 list that
// have no enrolment date yet: they enter today.
std::vector<CadenceEnrolment> newEnrolments(const BranchSnapshot &s, const CadencePolicy &policy,
                                            const WorkingCalendar &calendar, const CadenceRoster &roster,
                                            const ActivityLog &activity, const QDate &today)
{
    std::vector<CadenceEnrolment> out;
    const CadenceEngine engine(s, policy, calendar, activity);
    for (int c = 0; c < s.customerCount(); ++c) {
        const QString &no = s.customer(c).customerNo;
        if (roster.onFourPlusOne(c)) {
            const QString key = CadenceEngine::cycleEnrolmentKey(no);
            if (!activity.isEnrolled(key))
                out.push_back({key, no, today, {}});
        }
        for (const Holding &h : s.holdingsOf(c)) {
            if (!engine.hasMaturityPlan(h, today, policy.maturityWindowDays))
                continue;
            const QString key = CadenceEngine::maturityKey(h.holdingId);
            if (!activity.isEnrolled(key))
                out.push_back({key, no, today, {}});
        }
    }
    return out;
}

// What the branch's store says the rules are: HQ's issued cadence policy and calendars, and
// the value policy's threshold bands (PolicySource). A branch without a store keeps the
// shipped policy and the calendar the workspace has.
void readPolicies(const StoreAccess &store, const TierPolicy &tiers, CadencePolicy *policy, WorkingCalendar *calendar,
                  PolicyVersions *versions, QString *error)
{
    if (!store.isValid()) {
        policy->adoptThresholdBands(ValuePolicy::defaultPolicy(), tiers);
        for (int year : calendar->years())
            versions->calendars.push_back({year, 0});
        return;
    }
    try {
        Database db = store.open();
        SchemaMigrations::migrate(db);
        PolicySource source(db);
        *policy = source.cadencePolicy(tiers);
        *calendar = source.calendar();
        *versions = source.versions();
    } catch (const StoreError &e) {
        *error = e.message();
    }
}

} // namespace

CadenceWorkspace::CadenceWorkspace(QObject *parent)
    : QObject(parent), m_policy(CadencePolicy::defaultPolicy()), m_calendar(WorkingCalendar::standard()),
      m_today(QDate::currentDate()), m_db(std::make_shared<Database>())
{
    // One writer thread: writes commit in the order they were made.
    m_pool.setMaxThreadCount(1);
    m_acting = QSettings().value(settingsKey()).toString();
}

CadenceWorkspace::~CadenceWorkspace()
{
    m_pool.waitForDone();
}

QString CadenceWorkspace::settingsKey()
{
    return QStringLiteral("today/actingAs");
}

// What setBranch reads off the UI thread, applied on it in one go.
struct CadenceWorkspace::Loaded
{
    std::shared_ptr<const CadenceRoster> roster;
    CadencePolicy policy;
    WorkingCalendar calendar;
    PolicyVersions versions;
    ActivityLog activity;
    std::vector<IssuedList> issued;
    QHash<QString, QHash<QDate, int>> capacities;
    std::vector<CommunityEvent> events;
    QHash<QString, std::vector<EventVisitor>> visitors;
    QString error;
};

void CadenceWorkspace::setBranch(const LoadedBranch &branch, const QDate &today)
{
    resetBranch(branch, today);
    if (!branch.snapshot)
        return;
    chooseActingStaff(branch);

    const int generation = m_generation;
    const SnapshotPtr snapshot = branch.snapshot;
    const StoreAccess store = branch.store;
    const CadencePolicy policy = m_policy;
    const WorkingCalendar calendar = m_calendar;
    const std::shared_ptr<Database> db = m_db;
    m_pool.start([this, generation, snapshot, store, policy, calendar, db, today] {
        const std::shared_ptr<const Loaded> loaded = load(store, *snapshot, policy, calendar, *db, today);
        QMetaObject::invokeMethod(
            this,
            [this, generation, loaded] {
                if (generation != m_generation)
                    return;
                applyLoaded(*loaded);
            },
            Qt::QueuedConnection);
    });
}

void CadenceWorkspace::resetBranch(const LoadedBranch &branch, const QDate &today)
{
    m_pool.waitForDone();
    ++m_generation;
    m_ready = false;
    m_branch = branch;
    m_today = today;
    m_activity = ActivityLog();
    m_roster.reset();
    m_issued.clear();
    m_capacities.clear();
    m_events.clear();
    m_visitors.clear();
    m_phones.reset();
    m_db = std::make_shared<Database>();
}

void CadenceWorkspace::chooseActingStaff(const LoadedBranch &branch)
{
    const BranchSnapshot *s = branch.snapshot.get();
    // Whoever signed in works as themselves, a manager too (issue 15); only a store nobody
    // signed in to (a demo) lets the user pick whom to act as.
    if (branch.signedInToHq || !s->scope().seesWholeBranch())
        m_acting = s->scope().staffId();
    if (actingStaffIndex() < 0) {
        m_acting.clear();
        for (const Staff &st : s->staff()) {
            if (st.role == Staff::Role::RelationshipManager) {
                m_acting = st.staffId;
                break;
            }
        }
    }
}

std::shared_ptr<CadenceWorkspace::Loaded> CadenceWorkspace::load(const StoreAccess &store,
                                                                  const BranchSnapshot &snapshot, CadencePolicy policy,
                                                                  WorkingCalendar calendar, Database &db,
                                                                  const QDate &today)
{
    auto loaded = std::make_shared<Loaded>();
    // The policies and calendars HQ issued (issue 18), the threshold bands from the value policy.
    readPolicies(store, snapshot.tierPolicy(), &policy, &calendar, &loaded->versions, &loaded->error);
    loaded->policy = policy;
    loaded->calendar = calendar;
    try {
        if (store.isValid()) {
            loadFromStore(*loaded, store, snapshot, db, today);
        } else {
            const auto roster = std::make_shared<const CadenceRoster>(snapshot, policy, today);
            loaded->roster = roster;
            for (const CadenceEnrolment &e :
                 newEnrolments(snapshot, policy, calendar, *roster, loaded->activity, today))
                loaded->activity.addEnrolment(e);
        }
    } catch (const StoreError &e) {
        loaded->error = e.message();
    }
    if (!loaded->roster)
        loaded->roster = std::make_shared<const CadenceRoster>(snapshot, policy, today);
    return loaded;
}

void CadenceWorkspace::loadFromStore(Loaded &loaded, const StoreAccess &store, const BranchSnapshot &snapshot,
                                     Database &db, const QDate &today)
{
    db = store.open();
    SchemaMigrations::migrate(db);
    WorkListRepository work(db);
    loaded.issued = work.issuedLists();
    for (const Staff &st : snapshot.staff())
        loaded.capacities.insert(st.staffId, work.dayCapacities(st.staffId));
    const auto roster = std::make_shared<const CadenceRoster>(snapshot, loaded.policy, today, loaded.issued);
    loaded.roster = roster;
    CadenceRepository repo(db);
    loaded.activity = repo.loadActivity(snapshot);
    const auto fresh = newEnrolments(snapshot, loaded.policy, loaded.calendar, *roster, loaded.activity, today);
    repo.enrol(fresh);
    for (const CadenceEnrolment &e : fresh)
        loaded.activity.addEnrolment(e);
    EventRepository events(db);
    loaded.events = events.events();
    for (const CommunityEvent &e : loaded.events)
        loaded.visitors.insert(e.eventId, events.visitors(e.eventId));
}

void CadenceWorkspace::applyLoaded(const Loaded &loaded)
{
    m_roster = loaded.roster;
    m_policy = loaded.policy;
    m_calendar = loaded.calendar;
    m_policyVersions = loaded.versions;
    m_issued = loaded.issued;
    m_capacities = loaded.capacities;
    m_activity = loaded.activity;
    m_events = loaded.events;
    m_visitors = loaded.visitors;
    m_ready = true;
    if (!loaded.error.isEmpty())
        emit writeFailed(loaded.error);
    emit ready();
    emit activityChanged(-1);
}

void CadenceWorkspace::setToday(const QDate &day)
{
    if (day == m_today || !day.isValid())
        return;
    m_today = day;
    emit activityChanged(-1);
}

void CadenceWorkspace::setActingStaffId(const QString &staffId)
{
    if (staffId == m_acting)
        return;
    const BranchSnapshot *s = snapshot();
    if (s && (m_branch.signedInToHq || !s->scope().seesWholeBranch()) && staffId != s->scope().staffId())
        return; // a signed-in desktop acts as its user only, and an RM as themselves
    m_acting = staffId;
    QSettings().setValue(settingsKey(), staffId);
    emit actingStaffChanged(staffId);
}

int CadenceWorkspace::actingStaffIndex() const
{
    const BranchSnapshot *s = snapshot();
    if (!s || m_acting.isEmpty())
        return -1;
    for (size_t i = 0; i < s->staff().size(); ++i) {
        if (s->staff()[i].staffId == m_acting)
            return int(i);
    }
    return -1;
}

const PhoneDirectory &CadenceWorkspace::phones()
{
    if (!m_phones) {
        static const BranchSnapshot none(BranchData{}, TierPolicy::defaultPolicy(), QDate());
        m_phones = std::make_unique<PhoneDirectory>(snapshot() ? *snapshot() : none);
    }
    return *m_phones;
}

void CadenceWorkspace::runWrite(Job job)
{
    const int generation = m_generation;
    const StoreAccess store = m_branch.store;
    const std::shared_ptr<Database> db = m_db;
    m_pool.start([this, generation, store, db, job] {
        std::function<void()> apply;
        QString error;
        try {
            Database *d = nullptr;
            if (store.isValid()) {
                if (!db->isOpen())
                    *db = store.open();
                d = db.get();
            }
            apply = job(d);
        } catch (const StoreError &e) {
            error = e.message();
        } catch (const std::exception &e) {
            error = QString::fromLocal8Bit(e.what());
        }
        QMetaObject::invokeMethod(
            this,
            [this, generation, apply, error] {
                if (generation != m_generation)
                    return;
                if (!error.isEmpty())
                    emit writeFailed(error);
                else if (apply)
                    apply();
            },
            Qt::QueuedConnection);
    });
}

void CadenceWorkspace::assign(const QStringList &customerNos, const QString &rmId)
{
    QHash<QString, QString> moves;
    for (const QString &no : customerNos)
        moves.insert(no, rmId);
    assign(moves);
}

void CadenceWorkspace::assign(const QHash<QString, QString> &moves)
{
    const BranchSnapshot *s = snapshot();
    if (!s || !s->scope().seesWholeBranch()) {
        emit writeFailed(tr("Only the branch manager assigns customers."));
        return;
    }
    QString by = s->scope().staffId();
    if (by.isEmpty())
        by = QStringLiteral("manager");
    runWrite([this, moves, by](Database *db) -> std::function<void()> {
        const int changed = db ? AssignmentRepository(*db).assign(moves, by) : 0;
        return [this, changed] { emit assignmentsSaved(changed); };
    });
}

namespace {

int openStepsOf(const CadenceEngine &engine, const CadenceRoster &roster, int customer, const QDate &today)
{
    int open = 0;
    for (const CadencePlan &plan : engine.plansOf(customer, today, roster.listsOf(customer) != 0))
        open += plan.openCount();
    return open;
}

// Balance by workload over the branch's RMs; pure, so it can run on any thread.
QHash<QString, QString> planBalance(const BranchSnapshot &s, const CadenceRoster &roster, const ActivityLog &activity,
                                    const CadencePolicy &policy, const WorkingCalendar &calendar, const QDate &today,
                                    const QStringList &customerNos)
{
    const CadenceEngine engine(s, policy, calendar, activity);
    QStringList rms;
    for (const Staff &st : s.staff()) {
        if (st.role == Staff::Role::RelationshipManager)
            rms << st.staffId;
    }
    QSet<int> chosen;
    std::vector<WorkloadBalancer::Item> items;
    for (const QString &no : customerNos) {
        const int c = s.indexOfCustomer(no);
        if (c < 0 || chosen.contains(c))
            continue;
        chosen.insert(c);
        items.push_back({no, s.customer(c).rmId, openStepsOf(engine, roster, c, today)});
    }
    // What each RM already carries outside the customers being balanced.
    QHash<QString, int> load;
    for (int c = 0; c < s.customerCount(); ++c) {
        const QString &rm = s.customer(c).rmId;
        if (!rm.isEmpty() && !chosen.contains(c) && (roster.listsOf(c) != 0 || !s.holdingsOf(c).empty()))
            load[rm] += openStepsOf(engine, roster, c, today);
    }
    return WorkloadBalancer::balance(items, rms, load);
}

} // namespace

int CadenceWorkspace::openSteps(int customer) const
{
    const BranchSnapshot *s = snapshot();
    if (!s || !m_roster)
        return 0;
    return openStepsOf(CadenceEngine(*s, m_policy, m_calendar, m_activity), *m_roster, customer, m_today);
}

QHash<QString, QString> CadenceWorkspace::balancePlan(const QStringList &customerNos) const
{
    const BranchSnapshot *s = snapshot();
    if (!s || !m_roster)
        return {};
    return planBalance(*s, *m_roster, m_activity, m_policy, m_calendar, m_today, customerNos);
}

void CadenceWorkspace::balance(const QStringList &customerNos)
{
    const BranchSnapshot *s = snapshot();
    if (!s || !m_roster || !s->scope().seesWholeBranch()) {
        emit writeFailed(tr("Only the branch manager assigns customers."));
        return;
    }
    const QString by = s->scope().staffId().isEmpty() ? QStringLiteral("manager") : s->scope().staffId();
    const SnapshotPtr snapshot = m_branch.snapshot;
    const auto roster = m_roster;
    const ActivityLog activity = m_activity;
    const CadencePolicy policy = m_policy;
    const WorkingCalendar calendar = m_calendar;
    const QDate today = m_today;
    runWrite([=, this](Database *db) -> std::function<void()> {
        const QHash<QString, QString> moves = planBalance(*snapshot, *roster, activity, policy, calendar, today, customerNos);
        const int changed = db && !moves.isEmpty() ? AssignmentRepository(*db).assign(moves, by) : 0;
        return [this, changed] { emit assignmentsSaved(changed); };
    });
}

void CadenceWorkspace::logContact(const Contact &contact)
{
    const int customer = snapshot() ? snapshot()->indexOfCustomer(contact.customerNo) : -1;
    runWrite([this, contact, customer](Database *db) -> std::function<void()> {
        Contact stored = contact;
        if (db) {
            stored = ContactRepository(*db).log(contact);
        } else {
            stored.contactId = stored.contactId.isEmpty() ? newId() : stored.contactId;
            stored.createdAt = QDateTime::currentDateTime();
        }
        return [this, stored, customer] {
            if (customer >= 0)
                m_activity.addContact(customer, stored);
            emit contactLogged(stored);
            emit activityChanged(customer);
        };
    });
}

void CadenceWorkspace::reschedule(const StepOverride &o)
{
    const int customer = snapshot() ? snapshot()->indexOfCustomer(o.customerNo) : -1;
    runWrite([this, o, customer](Database *db) -> std::function<void()> {
        StepOverride stored = o;
        if (db) {
            stored = CadenceRepository(*db).reschedule(o);
        } else {
            stored.overrideId = newId();
            stored.createdAt = QDateTime::currentDateTime();
        }
        return [this, stored, customer] {
            m_activity.addOverride(stored);
            emit activityChanged(customer);
        };
    });
}

void CadenceWorkspace::markOutcome(const MaturityOutcome &o)
{
    const int customer = snapshot() ? snapshot()->indexOfCustomer(o.customerNo) : -1;
    runWrite([this, o, customer](Database *db) -> std::function<void()> {
        MaturityOutcome stored = o;
        if (db) {
            stored = CadenceRepository(*db).markOutcome(o);
        } else {
            stored.outcomeId = newId();
            stored.markedAt = stored.markedAt.isValid() ? stored.markedAt : QDateTime::currentDateTime();
        }
        return [this, stored, customer] {
            m_activity.addMaturityOutcome(stored);
            emit activityChanged(customer);
        };
    });
}

void CadenceWorkspace::createEvent(const CommunityEvent &event)
{
    runWrite([this, event](Database *db) -> std::function<void()> {
        CommunityEvent stored = event;
        if (db) {
            stored = EventRepository(*db).create(event);
        } else {
            stored.eventId = newId();
            stored.createdAt = QDateTime::currentDateTime();
        }
        return [this, stored] {
            m_events.insert(m_events.begin(), stored);
            std::stable_sort(m_events.begin(), m_events.end(),
                             [](const CommunityEvent &a, const CommunityEvent &b) { return a.heldOn > b.heldOn; });
            m_visitors.insert(stored.eventId, {});
            emit eventsChanged(stored.eventId);
        };
    });
}

void CadenceWorkspace::captureVisitor(const EventVisitor &visitor, const CommunityEvent &event,
                                      const QString &matchedCustomerNo)
{
    const int customer = snapshot() && !matchedCustomerNo.isEmpty() ? snapshot()->indexOfCustomer(matchedCustomerNo) : -1;
    runWrite([this, visitor, event, matchedCustomerNo, customer](Database *db) -> std::function<void()> {
        EventRepository::Capture capture;
        if (db) {
            capture = EventRepository(*db).capture(visitor, event, matchedCustomerNo);
        } else {
            capture.visitor = visitor;
            capture.visitor.visitorId = newId();
            capture.visitor.eventId = event.eventId;
            capture.visitor.customerNo = matchedCustomerNo;
            capture.visitor.capturedAt = visitor.capturedAt.isValid() ? visitor.capturedAt : QDateTime::currentDateTime();
            if (!matchedCustomerNo.isEmpty()) {
                Contact c;
                c.contactId = newId();
                c.customerNo = matchedCustomerNo;
                c.staffId = visitor.capturedBy;
                c.channel = event.isHall() ? Contact::Channel::Branch : Contact::Channel::Event;
                c.outcome = Contact::Outcome::Reached;
                c.contactedAt = capture.visitor.capturedAt;
                capture.contact = c;
                capture.visitor.contactId = c.contactId;
            }
        }
        return [this, capture, customer] {
            m_visitors[capture.visitor.eventId].push_back(capture.visitor);
            if (capture.contact && customer >= 0) {
                m_activity.addContact(customer, *capture.contact);
                emit contactLogged(*capture.contact);
                emit activityChanged(customer);
            }
            emit eventsChanged(capture.visitor.eventId);
        };
    });
}

std::optional<CommunityEvent> CadenceWorkspace::hallEvent(const QString &staffId, const QDate &day) const
{
    for (const CommunityEvent &e : m_events) {
        if (e.isHall() && e.heldOn == day && e.createdBy == staffId)
            return e;
    }
    return std::nullopt;
}

void CadenceWorkspace::captureWalkIn(const EventVisitor &visitor, const QString &matchedCustomerNo)
{
    const QDate day = visitor.capturedAt.isValid() ? visitor.capturedAt.date() : m_today;
    std::optional<CommunityEvent> hall = hallEvent(visitor.capturedBy, day);
    if (!hall) {
        // The first walk-in of the day makes the hall event; it is in memory at once, so the
        // next capture (queued behind this one) joins it.
        CommunityEvent e;
        e.eventId = QString(CommunityEvent::kHallPrefix) + newId();
        e.name = tr("Branch hall walk-ins");
        e.heldOn = day;
        e.place = snapshot() ? snapshot()->branchName() : QString();
        e.createdBy = visitor.capturedBy;
        e.createdAt = QDateTime::currentDateTime();
        m_events.insert(m_events.begin(), e);
        m_visitors.insert(e.eventId, {});
        const CommunityEvent made = e;
        runWrite([this, made](Database *db) -> std::function<void()> {
            if (db)
                EventRepository(*db).create(made);
            return [this, made] { emit eventsChanged(made.eventId); };
        });
        hall = e;
    }
    captureVisitor(visitor, *hall, matchedCustomerNo);
}

bool CadenceWorkspace::waitForIdle(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    if (!m_pool.waitForDone(timeoutMs))
        return false;
    // Deliver the queued results.
    QCoreApplication::sendPostedEvents(this);
    QCoreApplication::processEvents();
    return !deadline.hasExpired();
}
