#pragma once

#include "../domain/activitylog.h"
#include "../domain/cadencepolicy.h"
#include "../domain/cadenceroster.h"
#include "../domain/communityevent.h"
#include "../domain/dayplan.h"
#include "../domain/issuedlist.h"
#include "../domain/policyversions.h"
#include "../domain/eventvisitor.h"
#include "../domain/workingcalendar.h"
#include "../store/loadedbranch.h"
#include "phonelistexport.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class Database;
class PhoneDirectory;
class TodayList;

// The RM's working state next to the branch snapshot: who runs which cadence
// (roster), the contact log and the other desktop-owned records (activity),
// community events, and who the user is acting as. Pages read it; every
// write goes to the store on one background thread (in order, in its own
// transaction with its outbox entry) and lands in memory when committed, with
// a signal, so pages update at once without reloading.
class CadenceWorkspace : public QObject
{
    Q_OBJECT
public:
    explicit CadenceWorkspace(QObject *parent = nullptr);
    ~CadenceWorkspace() override;

    // Builds the roster and reads the activity off the UI thread; emits ready().
    // Products and customers seen on a list for the first time are enrolled on `today`.
    void setBranch(const LoadedBranch &branch, const QDate &today = QDate::currentDate());
    bool isReady() const { return m_ready; }
    const LoadedBranch &branch() const { return m_branch; }
    const BranchSnapshot *snapshot() const { return m_branch.snapshot.get(); }
    std::shared_ptr<const CadenceRoster> roster() const { return m_roster; }
    const ActivityLog &activity() const { return m_activity; }
    const CadencePolicy &policy() const { return m_policy; }
    // Before setBranch: another policy than the shipped one (tests, HQ policy).
    void setPolicy(const CadencePolicy &policy) { m_policy = policy; }
    const WorkingCalendar &calendar() const { return m_calendar; }
    // Which HQ-issued version (or built-in default) of each policy is in force, and the calendars.
    const PolicyVersions &policyVersions() const { return m_policyVersions; }
    QDate today() const { return m_today; }
    void setToday(const QDate &day);

    // The RM the user works as (no login on the desktop yet): remembered in QSettings.
    QString actingStaffId() const { return m_acting; }
    void setActingStaffId(const QString &staffId);
    int actingStaffIndex() const; // index into snapshot()->staff(), -1 when none

    void logContact(const Contact &contact);
    void reschedule(const StepOverride &o);
    void markOutcome(const MaturityOutcome &o);
    void createEvent(const CommunityEvent &event);
    void captureVisitor(const EventVisitor &visitor, const CommunityEvent &event, const QString &matchedCustomerNo);
    // A walk-in at the branch hall (厅堂, issue 18): a visitor of the capturing RM's hall event of
    // the day, made with the first walk-in. An existing customer gets a branch contact (4+1 见面,
    // service triangle); a consenting new person becomes the RM's prospect. Synced like events.
    void captureWalkIn(const EventVisitor &visitor, const QString &matchedCustomerNo);
    // The RM's hall event of the day, if a walk-in was captured already.
    std::optional<CommunityEvent> hallEvent(const QString &staffId, const QDate &day) const;

    // A manager gives customers to an RM (empty rmId: the unassigned pool), in
    // one transaction with outbox and audit entries; assignmentsSaved() follows,
    // and the branch must be reloaded to show the new owners. Refused for an RM.
    void assign(const QStringList &customerNos, const QString &rmId);
    void assign(const QHash<QString, QString> &moves); // customer_no -> rm_id
    // Balance by workload: which of `customerNos` go to which RM so that open
    // cadence steps spread evenly over the branch's RMs, keeping owners where possible.
    QHash<QString, QString> balancePlan(const QStringList &customerNos) const;
    // The same, then assigned, on the writer thread (a whole branch takes a
    // moment): assignmentsSaved() follows; 0 when already balanced.
    void balance(const QStringList &customerNos);
    // Open cadence steps of a customer on today (731 plans, and the 4+1 cycle
    // when the customer is on a 4+1 list).
    int openSteps(int customer) const;

    // Work as issued (issue 17; cadenceworkspacework.cpp).
    const std::vector<IssuedList> &issuedLists() const { return m_issued; }
    // The manager issues a list (its shares per RM); the roster follows once committed.
    void issueList(const IssuedList &list);
    // 拒绝营销 set or lifted for a customer: cadences and batch touches skip them.
    void setDoNotContact(const DoNotContact &flag);
    // One remote push logged against every customer (do-not-contact ones are
    // skipped): batchLogged(logged, skipped) follows once committed.
    void logBatch(const QStringList &customerNos, const Contact &prototype);
    // The batch's phone list for the bank's SMS platform, written with its audit entry on
    // the writer thread (after the writes queued before it): phoneListExported() follows.
    void exportPhoneList(const QStringList &customerNos, const PhoneListExport::Request &request);
    // The RM's capacity on a day: the policy's, or what the RM set for that day.
    int capacityOn(const QString &staffId, const QDate &day) const;
    const QHash<QString, QHash<QDate, int>> &capacities() const { return m_capacities; }
    void setDayCapacity(const QString &staffId, const QDate &day, int capacity);
    // The RM's plan over the policy's horizon, built from `list` (any thread).
    DayPlan dayPlan(const TodayList &list, int staffIndex) const;

    const std::vector<CommunityEvent> &events() const { return m_events; }
    std::vector<EventVisitor> visitorsOf(const QString &eventId) const { return m_visitors.value(eventId); }
    const PhoneDirectory &phones();

    // Blocks until queued writes are committed and their results delivered (tests, CLI).
    bool waitForIdle(int timeoutMs = 10000);

signals:
    void ready();
    void activityChanged(int customer); // -1: more than one customer
    void contactLogged(const Contact &contact);
    void eventsChanged(const QString &eventId);
    void writeFailed(const QString &message);
    void actingStaffChanged(const QString &staffId);
    void assignmentsSaved(int changed);
    void listIssued(const QString &listId);
    void batchLogged(int logged, int skipped);
    void phoneListExported(const PhoneListExport::Result &result);
    void capacityChanged(const QString &staffId);

private:
    // Runs on the writer thread with the open store (nullptr for a branch built
    // in memory); returns what to apply on the UI thread once committed.
    using Job = std::function<std::function<void()>(Database *db)>;
    void runWrite(Job job);
    static QString settingsKey();
    // setBranch's steps: clear the last branch's state, choose whom to act as, read the
    // branch's policies, roster, activity and events off the UI thread, and apply them.
    struct Loaded;
    void resetBranch(const LoadedBranch &branch, const QDate &today);
    void chooseActingStaff(const LoadedBranch &branch);
    static std::shared_ptr<Loaded> load(const StoreAccess &store, const BranchSnapshot &snapshot, CadencePolicy policy,
                                        WorkingCalendar calendar, Database &db, const QDate &today);
    static void loadFromStore(Loaded &loaded, const StoreAccess &store, const BranchSnapshot &snapshot, Database &db,
                              const QDate &today);
    void applyLoaded(const Loaded &loaded);

    LoadedBranch m_branch;
    CadencePolicy m_policy;
    WorkingCalendar m_calendar;
    PolicyVersions m_policyVersions;
    std::shared_ptr<const CadenceRoster> m_roster;
    ActivityLog m_activity;
    std::vector<IssuedList> m_issued;
    QHash<QString, QHash<QDate, int>> m_capacities; // staff id -> day -> capacity
    std::vector<CommunityEvent> m_events;
    QHash<QString, std::vector<EventVisitor>> m_visitors;
    std::unique_ptr<PhoneDirectory> m_phones;
    QDate m_today;
    QString m_acting;
    bool m_ready = false;
    int m_generation = 0;
    std::shared_ptr<Database> m_db; // used on the write thread only
    QThreadPool m_pool;
};
