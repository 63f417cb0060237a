// Retention, conversion, payroll and threshold-band membership: the lists
// that decide who runs a 4+1 cycle.
#include "domain/activitylog.h"
#include "domain/branchsnapshot.h"
#include "domain/cadenceroster.h"
#include "domain/conversionlist.h"
#include "domain/payrolllist.h"
#include "domain/retentionlist.h"
#include "domain/thresholdbands.h"
#include "testsupport.h"

#include <QtTest>

namespace {

const QDate kToday(2026, 11, 23);

Holding holding(const QString &customerNo, Holding::ProductType type, qint64 yuan)
{
    static int n = 0;
    Holding h;
    h.holdingId = QStringLiteral("h%1").arg(++n);
    h.customerNo = customerNo;
    h.productType = type;
    h.productName = QStringLiteral("产品");
    h.amountFen = yuan * 100;
    return h;
}

} // namespace

class TestCampaignWarnings : public QObject
{
    Q_OBJECT

private slots:
    void retentionReasons()
    {
        BranchData d = TestSupport::smallBranch();
        d.holdings.clear();
        // 李四: VIP, 3-month average 612,000, now 498,000 (-18.6%), and a tier lost (VIP -> gold basis).
        Customer &li = d.customers[1];
        li.aumHistoryFen.fill(61200000);
        li.aumHistoryFen.back() = 49000000; // last month's average: gold now
        li.aumHistoryFen[9] = 62000000;
        li.aumHistoryFen[10] = 62500000;
        li.aumFen = 49800000;
        li.settlementProducts = 4;
        li.serviceEvents12m = 5;
        // 王小明: private banking, flat, but covers only one triangle.
        Customer &wang = d.customers[3];
        wang.settlementProducts = 3;
        for (auto t : {Holding::ProductType::DemandDeposit, Holding::ProductType::TimeDeposit})
            d.holdings.push_back(holding(wang.customerNo, t, 3500000));
        // 张三 (45,000) is not VIP: never on the list, however little he covers.
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        const CadencePolicy policy = CadencePolicy::defaultPolicy();

        const auto m = RetentionList::evaluate(s, policy, 1);
        QVERIFY(m);
        QVERIFY(m->reasons & RetentionList::AumFall);
        QVERIFY(m->reasons & RetentionList::TierDrop);
        QVERIFY(!(m->reasons & RetentionList::LowCoverage)); // no longer VIP: coverage is for VIPs
        QCOMPARE(m->threeMonthAvgFen, qint64((62000000 + 62500000 + 49000000) / 3));
        QCOMPARE(QString::number(m->changePct, 'f', 1), QStringLiteral("-13.9"));
        QCOMPARE(s.tierPolicy().tier(m->fromTier).id, QStringLiteral("vip"));
        QCOMPARE(s.tierPolicy().tier(m->toTier).id, QStringLiteral("gold"));

        const auto w = RetentionList::evaluate(s, policy, 3);
        QVERIFY(w);
        QCOMPARE(w->reasons, quint8(RetentionList::LowCoverage));
        QCOMPARE(w->trianglesCovered, 1); // settlement only: 2 product categories, no service, no referral
        QVERIFY(!RetentionList::evaluate(s, policy, 0));

        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString why = RetentionList::reason(s, policy, *m);
        QVERIFY2(why.contains(QStringLiteral("AUM 3-month average CNY 578,333.33 → now CNY 498,000.00, -13.9%")),
                 qPrintable(why));
        QVERIFY2(why.contains(QStringLiteral("dropped from VIP / wealth to Gold")), qPrintable(why));

        // Coverage over VIP-and-above now: 王小明 only (李四 fell to gold).
        const RetentionList::Coverage cov = RetentionList::coverage(s, policy);
        QCOMPARE(cov.customers, 1);
        QCOMPARE(cov.covered[RetentionList::Settlement], 1);
        QCOMPARE(cov.rate(RetentionList::Product), 0.0);
    }

    void conversionMembers()
    {
        BranchData d = TestSupport::smallBranch();
        d.holdings.clear();
        d.customers[0].corporateExecutive = true;                       // 张三: executive, demand only
        d.holdings.push_back(holding(d.customers[0].customerNo, Holding::ProductType::DemandDeposit, 3000));
        d.customers[2].loanStartDate = kToday.addDays(-30);             // 张珊珊: new loan, nothing here
        d.customers[4].creditCardActive = true;                         // 单田芳: card, but a time deposit
        d.holdings.push_back(holding(d.customers[4].customerNo, Holding::ProductType::TimeDeposit, 50000));
        d.customers[5].loanStartDate = kToday.addDays(-120);            // 欧阳娜娜: loan too old
        d.customers[1].creditCardActive = true;                         // 李四: card, 20,000 demand: over the line
        d.holdings.push_back(holding(d.customers[1].customerNo, Holding::ProductType::DemandDeposit, 20000));
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const auto members = ConversionList::build(s, policy, kToday);
        QCOMPARE(int(members.size()), 2);
        QCOMPARE(members[0].customer, 0);
        QCOMPARE(members[0].reasons, quint8(ConversionList::Executive));
        QCOMPARE(members[0].retailFen, qint64(300000));
        QCOMPARE(members[1].customer, 2);
        QCOMPARE(members[1].loanStart, kToday.addDays(-30));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(ConversionList::reason(members[0]).startsWith(QStringLiteral("corporate executive; no deposits")));
    }

    void payrollByEmployer()
    {
        BranchData d = TestSupport::smallBranch();
        for (int i : {0, 2, 5}) {
            d.customers[size_t(i)].payroll = true;
            d.customers[size_t(i)].employer = QStringLiteral("华信科技有限公司");
        }
        d.customers[4].payroll = true;
        d.customers[4].employer = QStringLiteral("市第一人民医院");
        d.customers[0].aumHistoryFen[10] = 5000000; // month before: 50,000; last month 45,000
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        const auto employers = PayrollList::build(s);
        QCOMPARE(int(employers.size()), 2);
        QCOMPARE(employers[0].name, QStringLiteral("华信科技有限公司"));
        QCOMPARE(int(employers[0].customers.size()), 3);
        QCOMPARE(employers[0].customers.front(), 0); // largest AUM first
        QCOMPARE(employers[0].assigned, 3);
        QCOMPARE(employers[0].lastMonthAvgFen, qint64(4500000 + 800000 + 1200000));
        QCOMPARE(employers[0].monthBeforeAvgFen, qint64(5000000 + 800000 + 1200000));
        QCOMPARE(QString::number(employers[0].keptShare(), 'f', 4), QStringLiteral("0.9286"));
    }

    // Issue 18: the product triangle counts what is held now, deposits as one category; the
    // service triangle sees the face-to-face contacts the desktop itself records.
    void trianglesFromActiveHoldingsAndOwnRecords()
    {
        BranchData d = TestSupport::smallBranch();
        d.holdings.clear();
        Customer &wang = d.customers[3]; // private banking
        wang.serviceEvents12m = 1;
        for (auto t : {Holding::ProductType::DemandDeposit, Holding::ProductType::TimeDeposit, Holding::ProductType::Wealth,
                       Holding::ProductType::Fund, Holding::ProductType::Insurance})
            d.holdings.push_back(holding(wang.customerNo, t, 100000));
        d.holdings[3].status = Holding::Status::Matured; // the fund has matured
        d.holdings[4].status = Holding::Status::Closed;  // the insurance was surrendered
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        // Held now: deposits (demand + time = one category) and a wealth product.
        QCOMPARE(RetentionList::triangleItems(s, 3)[RetentionList::Product], 2);
        QCOMPARE(RetentionList::triangleItems(s, 3)[RetentionList::Service], 1);

        auto contact = [](Contact::Channel channel, Contact::Outcome outcome, const QDate &day, const QString &id) {
            Contact k;
            k.contactId = id;
            k.customerNo = QStringLiteral("600000000004");
            k.channel = channel;
            k.outcome = outcome;
            k.contactedAt = QDateTime(day, QTime(10, 0));
            return k;
        };
        ActivityLog activity;
        activity.addContact(3, contact(Contact::Channel::Event, Contact::Outcome::Interested, QDate(2026, 10, 1), QStringLiteral("c1")));
        activity.addContact(3, contact(Contact::Channel::Visit, Contact::Outcome::Reached, QDate(2026, 3, 2), QStringLiteral("c2")));
        activity.addContact(3, contact(Contact::Channel::Phone, Contact::Outcome::Reached, QDate(2026, 11, 2), QStringLiteral("c3")));   // remote
        activity.addContact(3, contact(Contact::Channel::Branch, Contact::Outcome::NoAnswer, QDate(2026, 11, 3), QStringLiteral("c4")));  // not met
        activity.addContact(3, contact(Contact::Channel::Visit, Contact::Outcome::Reached, QDate(2025, 11, 20), QStringLiteral("c5")));   // > 12 months
        // HQ's one plus the event and the visit of this year: three, the triangle is covered.
        QCOMPARE(RetentionList::triangleItems(s, 3, &activity)[RetentionList::Service], 3);
    }

    void thresholdBandsAndRoster()
    {
        const BranchSnapshot s(TestSupport::smallBranch(), TierPolicy::defaultPolicy(), kToday);
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const auto p = ThresholdBands::position(s, policy, 0); // 张三 45,000
        QVERIFY(p);
        QCOMPARE(p->gapFen, qint64(500000));
        QCOMPARE(s.tierPolicy().tier(p->targetTier).id, QStringLiteral("gold"));
        QVERIFY(!ThresholdBands::position(s, policy, 4)); // 60,000: already gold
        // The band's lower bound is inclusive, its tier line exclusive.
        BranchData d = TestSupport::smallBranch();
        d.customers[0].aumHistoryFen.back() = 3000000;
        d.customers[2].aumHistoryFen.back() = 5000000;
        const BranchSnapshot edges(std::move(d), TierPolicy::defaultPolicy(), kToday);
        QVERIFY(ThresholdBands::position(edges, policy, 0));
        QVERIFY(!ThresholdBands::position(edges, policy, 2));

        // On a screened list only: no 4+1 until a list is issued (issue 17)
        const CadenceRoster screened(s, policy, kToday);
        QCOMPARE(screened.listsOf(0), quint8(CadenceRoster::Threshold));
        QVERIFY(!screened.onFourPlusOne(0));
        QCOMPARE(screened.fourPlusOneCount(), 0);
        // Issued: 张三, 李四 and 王小明
        IssuedList issued;
        issued.name = QStringLiteral("临界客户提升");
        for (const char *no : {"600000000001", "600000000002", "600000000004"})
            issued.shares.push_back({QString::fromLatin1(no), QString()});
        const CadenceRoster roster(s, policy, kToday, {issued});
        QCOMPARE(roster.listsOf(0), quint8(CadenceRoster::Threshold | CadenceRoster::Issued));
        QVERIFY(roster.onFourPlusOne(0));
        QVERIFY(roster.listsOf(1) & CadenceRoster::Retention); // 李四, VIP with no triangle covered
        QVERIFY(roster.listsOf(3) & CadenceRoster::Retention); // 王小明 too, but unassigned:
        QVERIFY(!roster.onFourPlusOne(3));                      // no RM, no 4+1
        QCOMPARE(roster.customersOf(0), (std::vector<int>{0, 2, 5}));
        QCOMPARE(roster.fourPlusOneCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCampaignWarnings)
#include "tst_campaignwarnings.moc"
