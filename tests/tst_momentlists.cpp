// Issue 18: the new-customer, loss-recovery and moments-of-truth lists, rule by rule, on a
// hand-made branch where each customer is built to meet (or just miss) one rule.
#include "domain/activitylog.h"
#include "domain/branchsnapshot.h"
#include "domain/momentlists.h"
#include "testsupport.h"

#include <QtTest>

namespace {
const QDate kToday(2026, 11, 23);

Customer make(int n, qint64 aumYuan)
{
    Customer c = TestSupport::customer(QStringLiteral("70000000%1").arg(n, 4, 10, QLatin1Char('0')),
                                       QStringLiteral("客户%1").arg(n), aumYuan, {}, {}, QStringLiteral("RM01"));
    c.openedOn = QDate(2015, 1, 1);
    c.transactions90d = 30;
    c.birthDate = QDate(1980, 1, 15);
    return c;
}

std::vector<int> customersOf(const CustomerList &list)
{
    std::vector<int> out;
    for (const ListMember &m : list.members)
        out.push_back(m.customer);
    return out;
}

const ListMember *memberOf(const CustomerList &list, int customer)
{
    for (const ListMember &m : list.members) {
        if (m.customer == customer)
            return &m;
    }
    return nullptr;
}
} // namespace

class TestMomentLists : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void newCustomersFirstMeetingAndMilestones()
    {
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        d.customers.push_back(make(0, 800));     // opened 10 days ago, 800: milestone 1千, no meeting
        d.customers.back().openedOn = kToday.addDays(-10);
        d.customers.push_back(make(1, 60000));   // opened 30 days ago, past every milestone, met once
        d.customers.back().openedOn = kToday.addDays(-30);
        d.customers.push_back(make(2, 20000));   // opened 89 days ago: still new, milestone 5万
        d.customers.back().openedOn = kToday.addDays(-89);
        d.customers.push_back(make(3, 500));     // opened 90 days ago: no longer new
        d.customers.back().openedOn = kToday.addDays(-90);
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        ActivityLog activity;
        Contact met;
        met.contactId = QStringLiteral("k1");
        met.channel = Contact::Channel::Branch;
        met.outcome = Contact::Outcome::Reached;
        met.contactedAt = QDateTime(kToday.addDays(-20), QTime(10, 0));
        activity.addContact(1, met);

        const CustomerList list = MomentLists::newCustomers(s, &activity, MomentRules(), kToday);
        QCOMPARE(customersOf(list), (std::vector<int>{0, 2})); // 1 met and past 5万; 3 is 90 days old
        const ListMember *a = memberOf(list, 0);
        QCOMPARE(a->reasons, quint16(MomentLists::FirstMeeting | MomentLists::Milestone));
        QCOMPARE(a->amountFen, qint64(100000));
        QCOMPARE(a->gapFen, qint64(20000));
        QCOMPARE(memberOf(list, 2)->amountFen, qint64(5000000));
        const QString why = CustomerList::reason(list.kind, *a, s, nullptr);
        QVERIFY2(why.contains(QLatin1String("10 days ago")) && why.contains(QLatin1String("no face-to-face meeting yet")),
                 qPrintable(why));
        // Without the contact log nobody is known to have met: customer 1 has no milestone left
        // and is there for the meeting alone.
        const CustomerList blind = MomentLists::newCustomers(s, nullptr, MomentRules(), kToday);
        QCOMPARE(customersOf(blind), (std::vector<int>{0, 1, 2}));
        QCOMPARE(memberOf(blind, 1)->reasons, quint16(MomentLists::FirstMeeting));
    }

    void lossRecoveryUnderTheVipLine()
    {
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        auto fallTo = [&](int n, qint64 beforeYuan, qint64 lastYuan) {
            Customer c = make(n, lastYuan);
            c.aumHistoryFen.fill(beforeYuan * 100);
            c.aumHistoryFen.back() = lastYuan * 100;
            d.customers.push_back(c);
        };
        fallTo(0, 200000, 120000); // -40%, -80,000: on the list
        fallTo(1, 100000, 75000);  // -25%: not enough of a share
        fallTo(2, 120000, 80000);  // -33%, -40,000: not enough money
        fallTo(3, 900000, 300000); // a VIP who fell: the retention list's, not this one
        fallTo(4, 400000, 200000); // -50%, -200,000: on the list, first
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        const CustomerList list = MomentLists::lossRecovery(s, MomentRules(), kToday);
        QCOMPARE(customersOf(list), (std::vector<int>{4, 0}));
        QCOMPARE(memberOf(list, 0)->amountFen, qint64(8000000));
        const QString why = CustomerList::reason(list.kind, *memberOf(list, 0), s, nullptr);
        QVERIFY2(why.contains(QLatin1String("-40.0%")) || why.contains(QStringLiteral("−40.0%")), qPrintable(why));
    }

    void momentsOfTruth()
    {
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        d.customers.push_back(make(0, 80000)); // outflow: last month 300,000, today 80,000
        d.customers.back().aumHistoryFen.back() = 30000000;
        d.customers.push_back(make(1, 50000)); // dormant: 1 transaction in 90 days, active 3 days ago
        d.customers.back().transactions90d = 1;
        d.customers.back().lastActivity = kToday.addDays(-3);
        d.customers.push_back(make(2, 50000)); // a deposit maturing in 5 days, nobody called
        d.customers.push_back(make(3, 50000)); // the same, but the RM called about it
        d.customers.push_back(make(4, 50000)); // birthday in 2 days
        d.customers.back().birthDate = QDate(1975, 11, 25);
        d.customers.push_back(make(5, 50000)); // nothing happening
        for (int n : {2, 3}) {
            Holding h;
            h.holdingId = QStringLiteral("M%1").arg(n);
            h.customerNo = d.customers[size_t(n)].customerNo;
            h.productType = Holding::ProductType::TimeDeposit;
            h.productName = QStringLiteral("三年期定期");
            h.amountFen = 4000000;
            h.maturityDate = kToday.addDays(5);
            d.holdings.push_back(h);
        }
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        ActivityLog activity;
        Contact call;
        call.contactId = QStringLiteral("k2");
        call.channel = Contact::Channel::Phone;
        call.outcome = Contact::Outcome::Interested;
        call.holdingId = QStringLiteral("M3");
        call.contactedAt = QDateTime(kToday.addDays(-1), QTime(9, 0));
        activity.addContact(3, call);

        const CustomerList list = MomentLists::moments(s, &activity, MomentRules(), kToday);
        QCOMPARE(customersOf(list), (std::vector<int>{0, 2, 1, 4})); // money moments first
        QCOMPARE(memberOf(list, 0)->reasons, quint16(MomentLists::LargeOutflow));
        QCOMPARE(memberOf(list, 0)->amountFen, qint64(22000000));
        QCOMPARE(memberOf(list, 1)->reasons, quint16(MomentLists::DormantActive));
        QCOMPARE(memberOf(list, 2)->reasons, quint16(MomentLists::MaturityWithoutPlan));
        QCOMPARE(memberOf(list, 4)->reasons, quint16(MomentLists::Birthday));
        QVERIFY(CustomerList::reason(list.kind, *memberOf(list, 4), s, nullptr).contains(QLatin1String("birthday in 2 days")));
        const QString maturing = CustomerList::reason(list.kind, *memberOf(list, 2), s, nullptr);
        QVERIFY2(maturing.contains(QStringLiteral("三年期定期")) && maturing.contains(QLatin1String("no contact logged")),
                 qPrintable(maturing));
        QCOMPARE(CustomerList::kindKey(CustomerList::Kind::Moment), QStringLiteral("moment"));
        CustomerList::Kind k;
        QVERIFY(CustomerList::kindFromKey(QStringLiteral("loss_recovery"), &k) && k == CustomerList::Kind::LossRecovery);
    }
};

QTEST_GUILESS_MAIN(TestMomentLists)
#include "tst_momentlists.moc"
