#include "domain/branchsnapshot.h"
#include "domain/cadenceengine.h"
#include "domain/todaylist.h"
#include "testsupport.h"

#include <QtTest>

using State = CadencePlan::Step::State;

namespace {

const QDate kToday(2026, 12, 3); // Thursday

Holding product(const QString &id, const QString &customerNo, const QDate &maturity, qint64 yuan)
{
    Holding h;
    h.holdingId = id;
    h.customerNo = customerNo;
    h.productType = Holding::ProductType::Wealth;
    h.productName = QStringLiteral("季季盈理财");
    h.amountFen = yuan * 100;
    h.openDate = maturity.addMonths(-3);
    h.maturityDate = maturity;
    return h;
}

Contact contact(const QString &id, const QString &customerNo, const QDateTime &at, const QDate &next = {})
{
    Contact c;
    c.contactId = id;
    c.customerNo = customerNo;
    c.staffId = QStringLiteral("RM01");
    c.channel = Contact::Channel::Phone;
    c.outcome = Contact::Outcome::Reached;
    c.contactedAt = at;
    c.nextStepDate = next;
    return c;
}

QDateTime at(const QDate &d, int hour = 10)
{
    return QDateTime(d, QTime(hour, 0), Qt::OffsetFromUTC, 8 * 3600);
}

} // namespace

class TestTodayList : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<BranchSnapshot> m_snapshot;
    CadencePolicy m_policy;
    WorkingCalendar m_calendar;
    CadenceRoster m_roster;

    ActivityLog baseLog() const
    {
        ActivityLog log;
        // Everything entered its list long ago: no late entries.
        for (const Holding &h : m_snapshot->holdings())
            log.addEnrolment({CadenceEngine::maturityKey(h.holdingId), h.customerNo, QDate(2026, 10, 1), {}});
        for (const Customer &c : m_snapshot->customers())
            log.addEnrolment({CadenceEngine::cycleEnrolmentKey(c.customerNo), c.customerNo, QDate(2026, 11, 19), {}});
        // 张三's first two 4+1 touches were done (the second about another product, so no 731 step takes it).
        log.addContact(0, contact(QStringLiteral("t1"), QStringLiteral("600000000001"), at(QDate(2026, 11, 19))));
        Contact wechat = contact(QStringLiteral("t2"), QStringLiteral("600000000001"), at(QDate(2026, 11, 26)));
        wechat.channel = Contact::Channel::WeChat;
        wechat.holdingId = QStringLiteral("OTHER");
        log.addContact(0, wechat);
        return log;
    }

private slots:
    void initTestCase()
    {
        BranchData d = TestSupport::smallBranch();
        d.holdings.clear();
        // 张三 (RM01, 45,000: threshold list): a 200,000 product maturing 12-10, T-7 due today.
        d.holdings.push_back(product(QStringLiteral("Z1"), QStringLiteral("600000000001"), QDate(2026, 12, 10), 200000));
        // 张珊珊 (RM01): 50,000 maturing 12-04, T-1 due today; its T-3 (11-30) is overdue.
        d.holdings.push_back(product(QStringLiteral("S1"), QStringLiteral("600000000003"), QDate(2026, 12, 4), 50000));
        // 欧阳娜娜 (RM01): 80,000 maturing 12-10 as well: same deadline, smaller amount than 张三's.
        d.holdings.push_back(product(QStringLiteral("O1"), QStringLiteral("600000000006"), QDate(2026, 12, 10), 80000));
        // 李四 (RM02): someone else's.
        d.holdings.push_back(product(QStringLiteral("L1"), QStringLiteral("600000000002"), QDate(2026, 12, 6), 90000));
        m_snapshot = std::make_shared<BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), kToday);
        m_policy = CadencePolicy::defaultPolicy();
        m_policy.cycleStaggerDays = 1;
        m_policy.cycleNeedsIssuedList = false; // these tests judge the screened lists themselves
        m_calendar = WorkingCalendar::builtIn();
        m_roster = CadenceRoster(*m_snapshot, m_policy, kToday);
        QVERIFY(m_roster.onFourPlusOne(0));  // 张三, threshold
        QVERIFY(!m_roster.onFourPlusOne(2)); // 张珊珊, 8,000: on no 4+1 list
    }

    void oneRmsDayInUrgencyOrder()
    {
        const ActivityLog log = baseLog();
        const TodayList today(*m_snapshot, m_policy, m_calendar, log, m_roster);
        const std::vector<TodayItem> items = today.build(0, kToday); // RM01
        // 张珊珊's product matures first: her T-7 and T-3 (overdue) and T-1 (due) lead; then the
        // two 12-10 products, bigger amount first; then 张三's 4+1 cycle (from 11-19, ends 12-16).
        QStringList keys;
        for (const TodayItem &i : items)
            keys << i.key();
        QCOMPARE(keys, (QStringList{QStringLiteral("731:S1#0"), QStringLiteral("731:S1#1"), QStringLiteral("731:S1#2"),
                                    QStringLiteral("731:Z1#0"), QStringLiteral("731:O1#0"),
                                    QStringLiteral("4+1:600000000001:2026-11-19#2")}));
        QCOMPARE(items[0].state, State::Overdue);
        QCOMPARE(items[0].due, QDate(2026, 11, 27));
        QCOMPARE(items[2].state, State::DueToday);
        QCOMPARE(items[3].amountFen, 20000000);
        QCOMPARE(items[5].kind, TodayItem::Kind::CycleStep);
        QCOMPARE(items[5].ordinal, 3);
        QCOMPARE(items[5].fitCount, 4);
        QCOMPARE(items[5].deadline, QDate(2026, 12, 16));
        const TodayList::Counts c = TodayList::count(items, kToday);
        QCOMPARE(c.done, 0);
        QCOMPARE(c.due, 4);
        QCOMPARE(c.overdue, 2);
        // Every RM: 李四 (RM02) adds his product's T-7 (overdue) and T-3, and his 4+1 retention
        // cycle (VIP covering no triangle): touches 1 and 2 overdue, touch 3 due.
        QCOMPARE(int(today.build(TodayList::kAllRms, kToday).size()), 11);
        QCOMPARE(int(today.build(1, kToday).size()), 5);
    }

    void wordsSayWhy()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const ActivityLog log = baseLog();
        const TodayList today(*m_snapshot, m_policy, m_calendar, log, m_roster);
        const std::vector<TodayItem> items = today.build(0, kToday);
        QCOMPARE(today.task(items[3]), QStringLiteral("731 step 1 of 3"));
        const QString why = today.why(items[3], kToday);
        QVERIFY2(why.contains(QStringLiteral("CNY 200,000.00")) && why.contains(QStringLiteral("12-10"))
                     && why.contains(QStringLiteral("Wealth product")),
                 qPrintable(why));
        QCOMPARE(today.task(items[5]), QStringLiteral("4+1 touch 3 of 4"));
        const QString cycle = today.why(items[5], kToday);
        QVERIFY2(cycle.contains(QStringLiteral("threshold CNY 45,000.00 → CNY 50,000.00")), qPrintable(cycle));
    }

    void aContactTurnsStepsDoneForEveryPlanItFits()
    {
        ActivityLog log = baseLog();
        // A call to 张三 today: it satisfies his 731 T-7 and his 4+1 touch 3.
        log.addContact(0, contact(QStringLiteral("k1"), QStringLiteral("600000000001"), at(kToday)));
        const TodayList today(*m_snapshot, m_policy, m_calendar, log, m_roster);
        const std::vector<TodayItem> mine = today.forCustomer(0, kToday);
        QCOMPARE(int(mine.size()), 2);
        for (const TodayItem &i : mine) {
            QCOMPARE(i.state, State::DoneOnTime);
            QCOMPARE(i.contactId, QStringLiteral("k1"));
        }
        const TodayList::Counts c = TodayList::count(today.build(0, kToday), kToday);
        QCOMPARE(c.done, 2);
        QCOMPARE(c.due, 2);
        QCOMPARE(c.overdue, 2);
    }

    void followUpsComeDueAndCloseWithTheNextContact()
    {
        ActivityLog log = baseLog();
        // 单田芳 (RM02) said on 11-30: call me back on 12-02.
        log.addContact(4, contact(QStringLiteral("f1"), QStringLiteral("600000000005"), at(QDate(2026, 11, 30)),
                                  QDate(2026, 12, 2)));
        const TodayList before(*m_snapshot, m_policy, m_calendar, log, m_roster);
        std::vector<TodayItem> items = before.forCustomer(4, kToday);
        QCOMPARE(int(items.size()), 1);
        QCOMPARE(items[0].kind, TodayItem::Kind::FollowUp);
        QCOMPARE(items[0].state, State::Overdue);
        QCOMPARE(items[0].due, QDate(2026, 12, 2));
        // The call back today closes it, late.
        log.addContact(4, contact(QStringLiteral("f2"), QStringLiteral("600000000005"), at(kToday, 15)));
        const TodayList after(*m_snapshot, m_policy, m_calendar, log, m_roster);
        items = after.forCustomer(4, kToday);
        QCOMPARE(int(items.size()), 1);
        QCOMPARE(items[0].state, State::DoneLate);
        // The day after, it is history.
        QCOMPARE(int(after.forCustomer(4, kToday.addDays(1)).size()), 0);
    }
};

QTEST_GUILESS_MAIN(TestTodayList)
#include "tst_todaylist.moc"
