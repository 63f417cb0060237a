// The planned day (issue 17): capacity, urgency order, overload, nothing lost;
// and on the 20,000-customer demo branch, every RM on every working day of a
// month: no day over capacity, no 731 below the floor, every step accounted for.
#include "domain/branchsnapshot.h"
#include "domain/cadenceengine.h"
#include "domain/dayplan.h"
#include "domain/demogenerator.h"
#include "domain/thresholdbands.h"
#include "domain/listmetrics.h"
#include "domain/todaylist.h"
#include "testsupport.h"

#include <QtTest>

using Slot = DayPlan::Slot;
using State = CadencePlan::Step::State;

namespace {

const QDate kMonday(2026, 12, 7);

TodayItem step(int customer, const QDate &due, const QDate &deadline, qint64 yuan, State state = State::DueToday)
{
    TodayItem i;
    i.kind = TodayItem::Kind::CycleStep;
    i.customer = customer;
    i.planKey = QStringLiteral("4+1:%1").arg(customer);
    i.stepIndex = 0;
    i.due = due;
    i.deadline = deadline;
    i.amountFen = yuan * 100;
    i.state = state;
    return i;
}

DayPlan::CapacityOf fixed(int n)
{
    return [n](const QDate &) { return n; };
}

QList<int> customersOn(const DayPlan &plan, const QDate &day)
{
    QList<int> out;
    for (const DayPlan::Entry *e : plan.on(day))
        out << e->item.customer;
    return out;
}

} // namespace

class TestDayPlan : public QObject
{
    Q_OBJECT

private slots:
    void planDaysSkipHolidaysAndWeekends()
    {
        const WorkingCalendar cal = WorkingCalendar::builtIn();
        // Friday 2026-12-04, then Mon-Thu of the next week.
        const std::vector<QDate> days = DayPlan::planDays(cal, QDate(2026, 12, 4), 5);
        QCOMPARE(int(days.size()), 5);
        QCOMPARE(days[0], QDate(2026, 12, 4));
        QCOMPARE(days[1], QDate(2026, 12, 7));
        QCOMPARE(days[4], QDate(2026, 12, 10));
        // National Day: 2026-09-30 (Wed), then Thursday 10-08, after the holiday.
        const std::vector<QDate> holiday = DayPlan::planDays(cal, QDate(2026, 9, 30), 2);
        QCOMPARE(holiday[1], QDate(2026, 10, 8));
    }

    void capacityTakesTheMostUrgentFirst()
    {
        const std::vector<QDate> days{kMonday, kMonday.addDays(1), kMonday.addDays(2)};
        std::vector<TodayItem> items;
        items.push_back(step(1, kMonday, kMonday.addDays(20), 10000));
        items.push_back(step(2, kMonday, kMonday.addDays(2), 10000));  // earliest deadline
        items.push_back(step(3, kMonday, kMonday.addDays(20), 90000)); // larger amount
        items.push_back(step(4, kMonday.addDays(-3), kMonday.addDays(20), 20000, State::Overdue));
        items.push_back(step(5, kMonday.addDays(2), kMonday.addDays(20), 99000, State::Upcoming)); // not before Wed
        const DayPlan plan(items, kMonday, days, fixed(2));
        QCOMPARE(customersOn(plan, kMonday), (QList<int>{2, 3}));
        QCOMPARE(customersOn(plan, kMonday.addDays(1)), (QList<int>{4, 1}));
        QCOMPARE(customersOn(plan, kMonday.addDays(2)), (QList<int>{5}));
        QCOMPARE(plan.count(Slot::Today), 2);
        QCOMPARE(plan.count(Slot::Later), 3);
        QCOMPARE(plan.count(Slot::Overload), 0);
        QCOMPARE(int(plan.entries().size()), 5);
    }

    void whatCannotFitBeforeItsDeadlineIsOverload()
    {
        const std::vector<QDate> days{kMonday, kMonday.addDays(1)};
        std::vector<TodayItem> items;
        items.push_back(step(1, kMonday, kMonday, 50000));
        items.push_back(step(2, kMonday, kMonday, 40000));          // same deadline, smaller: no room
        items.push_back(step(3, kMonday, kMonday.addDays(30), 1000)); // deadline past the horizon
        items.push_back(step(4, kMonday, kMonday.addDays(30), 2000));
        const DayPlan plan(items, kMonday, days, fixed(1));
        QCOMPARE(customersOn(plan, kMonday), QList<int>{1});
        QCOMPARE(customersOn(plan, kMonday.addDays(1)), QList<int>{4});
        QCOMPARE(plan.count(Slot::Overload), 1);
        QCOMPARE(plan.slot(Slot::Overload).front()->item.customer, 2);
        QCOMPARE(plan.count(Slot::Beyond), 1);
        QCOMPARE(plan.slot(Slot::Beyond).front()->item.customer, 3);
    }

    void doneTodayUsesTodaysCapacityAndALoweredDayHoldsLess()
    {
        const std::vector<QDate> days{kMonday, kMonday.addDays(1)};
        std::vector<TodayItem> items;
        items.push_back(step(1, kMonday, kMonday.addDays(9), 100, State::DoneOnTime));
        items.push_back(step(2, kMonday, kMonday.addDays(9), 900));
        items.push_back(step(3, kMonday, kMonday.addDays(9), 800));
        items.push_back(step(4, kMonday, kMonday.addDays(9), 700));
        // 2 today (one already done), 1 on Tuesday (lowered by the RM).
        const DayPlan plan(items, kMonday, days,
                           [&](const QDate &d) { return d == kMonday.addDays(1) ? 1 : 2; });
        QCOMPARE(customersOn(plan, kMonday), (QList<int>{1, 2}));
        QCOMPARE(customersOn(plan, kMonday.addDays(1)), QList<int>{3});
        QCOMPARE(plan.plannedOn(kMonday), 2);
        QCOMPARE(plan.capacityOn(kMonday.addDays(1)), 1);
        QCOMPARE(plan.count(Slot::Beyond), 1);
    }

    void maturityFloorIsAmountOrTierPerProductType()
    {
        BranchData d = TestSupport::smallBranch();
        const auto product = [](const QString &id, const QString &no, Holding::ProductType type, qint64 yuan) {
            Holding h;
            h.holdingId = id;
            h.customerNo = no;
            h.productType = type;
            h.amountFen = yuan * 100;
            h.openDate = QDate(2026, 6, 1);
            h.maturityDate = QDate(2026, 12, 10);
            return h;
        };
        using T = Holding::ProductType;
        d.holdings = {product(QStringLiteral("tiny"), QStringLiteral("600000000003"), T::TimeDeposit, 105),    // 张珊珊, mass: below
                      product(QStringLiteral("vip"), QStringLiteral("600000000002"), T::TimeDeposit, 40000),   // 李四, VIP: the tier rule
                      product(QStringLiteral("big"), QStringLiteral("600000000006"), T::Wealth, 50000),        // 欧阳娜娜: the amount rule (inclusive)
                      product(QStringLiteral("small"), QStringLiteral("600000000006"), T::Wealth, 49999),      // just under
                      product(QStringLiteral("ins"), QStringLiteral("600000000005"), T::Insurance, 80000)};    // 单田芳, gold: the type's own floor
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 12, 1));
        CadencePolicy policy = CadencePolicy::defaultPolicy();
        QCOMPARE(policy.defaultFloor.minFen, qint64(5000000));
        QCOMPARE(policy.defaultFloor.minTier, QStringLiteral("gold"));
        policy.floorsByType.push_back({T::Insurance, {10000000, QStringLiteral("vip")}});
        const ActivityLog none;
        const WorkingCalendar cal = WorkingCalendar::builtIn();
        const CadenceEngine engine(s, policy, cal, none);
        const auto holding = [&](const char *id) -> const Holding & {
            for (const Holding &h : s.holdings()) {
                if (h.holdingId == QLatin1String(id))
                    return h;
            }
            return s.holdings().front();
        };
        const auto meets = [&](const char *id) { return engine.meetsMaturityFloor(holding(id)); };
        QVERIFY(!meets("tiny"));
        QVERIFY(meets("vip"));
        QVERIFY(meets("big"));
        QVERIFY(!meets("small"));
        QVERIFY(!meets("ins"));
        QVERIFY(!engine.hasMaturityPlan(holding("tiny"), QDate(2026, 12, 1), 30));
        QVERIFY(engine.hasMaturityPlan(holding("big"), QDate(2026, 12, 1), 30));
        // Do-not-contact: the customer leaves 731 too
        ActivityLog dnc;
        DoNotContact flag;
        flag.recordId = QStringLiteral("d1");
        flag.customerNo = QStringLiteral("600000000006");
        flag.createdAt = QDateTime(QDate(2026, 11, 30), QTime(9, 0), Qt::OffsetFromUTC, 8 * 3600);
        dnc.addDoNotContact(s.indexOfCustomer(flag.customerNo), flag);
        QVERIFY(!CadenceEngine(s, policy, cal, dnc).hasMaturityPlan(holding("big"), QDate(2026, 12, 1), 30));
        // ... until a later record lifts it
        DoNotContact lifted = flag;
        lifted.recordId = QStringLiteral("d2");
        lifted.active = false;
        lifted.createdAt = flag.createdAt.addDays(1);
        dnc.addDoNotContact(s.indexOfCustomer(flag.customerNo), lifted);
        QVERIFY(CadenceEngine(s, policy, cal, dnc).hasMaturityPlan(holding("big"), QDate(2026, 12, 1), 30));
        QCOMPARE(dnc.doNotContactCount(), 0);
    }

    void listMetricsOnAHandMadeBranch()
    {
        BranchData d = TestSupport::smallBranch();
        d.customers[0].payroll = true;                       // 张三 (RM01): AUM held
        d.customers[1].payroll = true;                       // 李四 (RM02): last month fell
        d.customers[1].aumHistoryFen.back() -= 100000;
        Holding wealth;                                      // 单田芳 (RM02) bought wealth after the issue
        wealth.holdingId = QStringLiteral("W1");
        wealth.customerNo = QStringLiteral("600000000005");
        wealth.productType = Holding::ProductType::Wealth;
        wealth.amountFen = 2000000;
        wealth.openDate = QDate(2026, 11, 15);
        wealth.maturityDate = QDate(2027, 5, 15);
        d.holdings.push_back(wealth);
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        CampaignList low;
        low.kind = CustomerList::Kind::LowEfficiency;
        low.frozenOn = QDate(2026, 11, 10);
        low.members = {{QStringLiteral("600000000003"), 800000, {}, {}, {}},  // 张珊珊 8,000: not yet
                       {QStringLiteral("600000000006"), 900000, {}, {}, {}}}; // 欧阳娜娜 12,000 now: lifted
        IssuedList conversion;
        conversion.kind = QStringLiteral("conversion");
        conversion.issuedAt = QDateTime(QDate(2026, 11, 5), QTime(9, 0), Qt::OffsetFromUTC, 8 * 3600);
        conversion.shares = {{QStringLiteral("600000000002"), QStringLiteral("RM02")},
                             {QStringLiteral("600000000005"), QStringLiteral("RM02")},
                             {QStringLiteral("600000000001"), QStringLiteral("RM01")}};
        const ListMetrics m = ListMetrics::compute(s, {low}, {conversion});
        using M = ListMetrics;
        QCOMPARE(m.branch().metric[M::Activation].num, 1);
        QCOMPARE(m.branch().metric[M::Activation].den, 2);
        QCOMPARE(m.rm(0).metric[M::Activation].den, 2); // both RM01's
        QCOMPARE(m.branch().metric[M::Conversion].num, 1);
        QCOMPARE(m.branch().metric[M::Conversion].den, 3);
        QCOMPARE(m.rm(1).metric[M::Conversion].num, 1);
        QCOMPARE(m.rm(1).metric[M::Conversion].den, 2);
        QCOMPARE(m.rm(0).metric[M::Conversion].num, 0);
        QCOMPARE(m.branch().metric[M::PayrollRetention].num, 1);
        QCOMPARE(m.branch().metric[M::PayrollRetention].den, 2);
        QCOMPARE(m.rm(0).metric[M::PayrollRetention].num, 1);
        QCOMPARE(m.rm(1).metric[M::PayrollRetention].num, 0);
        // RM02's count target for a 30% conversion rate over 2 customers: 1
        QCOMPARE(m.rm(1).target(M::Conversion, 300), 1);
        QCOMPARE(m.branch().target(M::Conversion, 300), 1);
        QCOMPARE(m.branch().target(M::Activation, 600), 2);
    }

    void demoBranchMonthNeverExceedsCapacity()
    {
        const QDate first(2026, 11, 2);
        BranchData data;
        QVERIFY(DemoGenerator::generate({20000, 7, first}, &data));
        const BranchSnapshot s(std::move(data), TierPolicy::defaultPolicy(), first);
        CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar cal = WorkingCalendar::builtIn();
        // The manager issued the threshold list, each customer to their current RM.
        IssuedList issued;
        issued.listId = QStringLiteral("threshold-2026-11");
        issued.name = QStringLiteral("threshold");
        for (int c = 0; c < s.customerCount(); ++c) {
            if (s.rmOf(c) >= 0 && ThresholdBands::position(s, policy, c))
                issued.shares.push_back({s.customer(c).customerNo, s.customer(c).rmId});
        }
        QVERIFY(issued.shares.size() > 100);
        // Everything entered its list on the first day; nobody logs a contact all month (the worst case).
        ActivityLog activity;
        for (const IssuedList::Share &sh : issued.shares)
            activity.addEnrolment({CadenceEngine::cycleEnrolmentKey(sh.customerNo), sh.customerNo, first, {}});
        for (const Holding &h : s.holdings()) {
            if (h.maturityDate.isValid() && h.maturityDate >= first)
                activity.addEnrolment({CadenceEngine::maturityKey(h.holdingId), h.customerNo, first, {}});
        }
        int days = 0, planned = 0, later = 0, overload = 0, beyond = 0, below = 0, maxDay = 0;
        for (QDate d = first; d < first.addMonths(1); d = d.addDays(1)) {
            if (!cal.isWorkingDay(d))
                continue;
            ++days;
            const CadenceRoster roster(s, policy, d, {issued});
            const TodayList today(s, policy, cal, activity, roster);
            const CadenceEngine engine(s, policy, cal, activity);
            const std::vector<QDate> horizon = DayPlan::planDays(cal, d, policy.planHorizonDays);
            for (int rm = 0; rm < int(s.staff().size()); ++rm) {
                if (roster.customersOf(rm).empty())
                    continue;
                std::vector<TodayItem> items = today.buildUntil(rm, d, horizon.back());
                const size_t open = size_t(std::count_if(items.begin(), items.end(), [&](const TodayItem &i) {
                    return !i.isDone() && i.due <= d;
                }));
                const DayPlan plan(std::move(items), d, horizon, fixed(policy.dailyCapacity));
                QVERIFY(plan.plannedOn(d) <= policy.dailyCapacity);
                maxDay = std::max(maxDay, plan.plannedOn(d));
                int openAccounted = 0;
                for (const DayPlan::Entry &e : plan.entries()) {
                    if (e.item.kind == TodayItem::Kind::MaturityStep
                        && !engine.meetsMaturityFloor(s.holdings()[size_t(e.item.holding)]))
                        ++below;
                    if (!e.item.isDone() && e.item.due <= d)
                        ++openAccounted;
                    if (e.slot == Slot::Today)
                        ++planned;
                }
                // Every step due today or overdue is today, later, overload or beyond: none disappear.
                QCOMPARE(size_t(openAccounted), open);
                later += plan.count(Slot::Later);
                overload += plan.count(Slot::Overload);
                beyond += plan.count(Slot::Beyond);
            }
        }
        qInfo("%d working days: %d planned today, %d later, %d overload, %d beyond; busiest day %d", days, planned,
              later, overload, beyond, maxDay);
        QCOMPARE(below, 0);
        QVERIFY(days >= 20);
        QCOMPARE(maxDay, policy.dailyCapacity); // the demo branch has more work than one RM's day
        QVERIFY(later > 0);
    }
};

QTEST_GUILESS_MAIN(TestDayPlan)
#include "tst_dayplan.moc"
