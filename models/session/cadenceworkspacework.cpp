// CadenceWorkspace, issue 17: issued lists, do-not-contact, batch touches and
// the day plan's capacity. Writes run on the workspace's writer thread like
// every other; what changes the roster rebuilds it there, off the UI thread.
#include "cadenceworkspace.h"

#include "../domain/branchsnapshot.h"
#include "../domain/todaylist.h"
#include "../store/assignmentrepository.h"
#include "../store/database.h"
#include "../store/worklistrepository.h"

#include <QUuid>
#include <algorithm>

void CadenceWorkspace::issueList(const IssuedList &list)
{
    const BranchSnapshot *s = snapshot();
    if (!s || !s->scope().seesWholeBranch()) {
        emit writeFailed(tr("Only the branch manager issues lists."));
        return;
    }
    const SnapshotPtr snap = m_branch.snapshot;
    const CadencePolicy policy = m_policy;
    const QDate today = m_today;
    std::vector<IssuedList> lists = m_issued;
    QString by = s->scope().staffId();
    if (by.isEmpty())
        by = QStringLiteral("manager");
    runWrite([this, list, snap, policy, today, lists, by](Database *db) mutable -> std::function<void()> {
        const IssuedList stored = db ? WorkListRepository(*db).issue(list) : list;
        // A share given to another RM than the customer's moves the customer too (分户到人).
        QHash<QString, QString> moves;
        for (const IssuedList::Share &share : stored.shares) {
            const int c = snap->indexOfCustomer(share.customerNo);
            if (c >= 0 && !share.rmId.isEmpty() && snap->customer(c).rmId != share.rmId)
                moves.insert(share.customerNo, share.rmId);
        }
        const int moved = db && !moves.isEmpty() ? AssignmentRepository(*db).assign(moves, by) : 0;
        lists.erase(std::remove_if(lists.begin(), lists.end(),
                                   [&](const IssuedList &l) { return l.listId == stored.listId; }),
                    lists.end());
        lists.insert(lists.begin(), stored);
        auto roster = std::make_shared<const CadenceRoster>(*snap, policy, today, lists);
        return [this, stored, lists, roster, moved] {
            m_issued = lists;
            m_roster = roster;
            emit listIssued(stored.listId);
            emit activityChanged(-1);
            if (moved > 0)
                emit assignmentsSaved(moved);
        };
    });
}

void CadenceWorkspace::setDoNotContact(const DoNotContact &flag)
{
    const BranchSnapshot *s = snapshot();
    const int customer = s ? s->indexOfCustomer(flag.customerNo) : -1;
    if (customer < 0)
        return;
    DoNotContact d = flag;
    if (d.staffId.isEmpty())
        d.staffId = m_acting;
    if (d.recordId.isEmpty())
        d.recordId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!d.createdAt.isValid())
        d.createdAt = QDateTime::currentDateTime();
    runWrite([this, d, customer](Database *db) -> std::function<void()> {
        const DoNotContact stored = db ? WorkListRepository(*db).setDoNotContact(d) : d;
        return [this, stored, customer] {
            m_activity.addDoNotContact(customer, stored);
            emit activityChanged(customer);
        };
    });
}

void CadenceWorkspace::logBatch(const QStringList &customerNos, const Contact &prototype)
{
    const BranchSnapshot *s = snapshot();
    if (!s)
        return;
    Contact proto = prototype;
    if (proto.staffId.isEmpty())
        proto.staffId = m_acting;
    const QString batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const ActivityLog activity = m_activity; // for a branch without a store
    const SnapshotPtr snap = m_branch.snapshot;
    runWrite([this, customerNos, proto, batchId, activity, snap](Database *db) -> std::function<void()> {
        WorkListRepository::BatchResult r;
        if (db) {
            r = WorkListRepository(*db).logBatch(customerNos, proto, batchId);
        } else {
            for (const QString &no : customerNos) {
                const int c = snap->indexOfCustomer(no);
                if (c >= 0 && activity.isDoNotContact(c)) {
                    r.skippedDoNotContact << no;
                    continue;
                }
                Contact ct = proto;
                ct.customerNo = no;
                ct.contactId = QUuid::createUuid().toString(QUuid::WithoutBraces);
                r.logged.push_back(ct);
            }
        }
        return [this, r, snap] {
            for (const Contact &c : r.logged) {
                const int customer = snap->indexOfCustomer(c.customerNo);
                if (customer >= 0)
                    m_activity.addContact(customer, c);
            }
            emit activityChanged(-1);
            emit batchLogged(int(r.logged.size()), int(r.skippedDoNotContact.size()));
        };
    });
}

void CadenceWorkspace::exportPhoneList(const QStringList &customerNos, const PhoneListExport::Request &request)
{
    const SnapshotPtr snap = m_branch.snapshot;
    if (!snap)
        return;
    PhoneListExport::Request r = request;
    if (r.staffId.isEmpty())
        r.staffId = m_acting;
    runWrite([this, customerNos, r, snap](Database *db) -> std::function<void()> {
        // The flags as the store has them now: a refusal queued a moment ago counts.
        PhoneListExport::Result counts;
        const QSet<QString> refused = db ? PhoneListExport::refusedIn(*db) : QSet<QString>();
        const ExportTable table = PhoneListExport::table(*snap, customerNos, refused, r.listName, &counts);
        const PhoneListExport::Result result = PhoneListExport::write(db, table, r, counts);
        return [this, result] { emit phoneListExported(result); };
    });
}

int CadenceWorkspace::capacityOn(const QString &staffId, const QDate &day) const
{
    return m_capacities.value(staffId).value(day, m_policy.dailyCapacity);
}

void CadenceWorkspace::setDayCapacity(const QString &staffId, const QDate &day, int capacity)
{
    const int n = std::clamp(capacity, 0, m_policy.dailyCapacity * 4);
    m_capacities[staffId].insert(day, n);
    runWrite([this, staffId, day, n](Database *db) -> std::function<void()> {
        if (db)
            WorkListRepository(*db).setDayCapacity(staffId, day, n);
        return [this, staffId] { emit capacityChanged(staffId); };
    });
}

DayPlan CadenceWorkspace::dayPlan(const TodayList &list, int staffIndex) const
{
    const BranchSnapshot *s = snapshot();
    if (!s || staffIndex < 0 || size_t(staffIndex) >= s->staff().size())
        return {};
    const std::vector<QDate> days = DayPlan::planDays(m_calendar, m_today, m_policy.planHorizonDays);
    const QHash<QDate, int> lowered = m_capacities.value(s->staff()[size_t(staffIndex)].staffId);
    const int fallback = m_policy.dailyCapacity;
    return DayPlan(list.buildUntil(staffIndex, m_today, days.back()), m_today, days,
                   [lowered, fallback](const QDate &d) { return lowered.value(d, fallback); });
}
