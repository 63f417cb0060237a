// Campaign metrics on a hand-made branch whose every answer is worked out by hand.
#include "testsupport.h"

#include "domain/branchsnapshot.h"
#include "domain/cadenceengine.h"
#include "domain/campaignmetrics.h"
#include "store/campaignrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"

#include <QTemporaryDir>
#include <QtTest>

using TestSupport::customer;

namespace {
const QDate kAsOf(2026, 11, 23);

Holding holding(const QString &id, const QString &no, Holding::ProductType type, qint64 yuan, const QDate &maturity = {})
{
    Holding h;
    h.holdingId = id;
    h.customerNo = no;
    h.productType = type;
    h.productName = QStringLiteral("产品");
    h.amountFen = yuan * 100;
    h.openDate = QDate(2025, 11, 1);
    h.maturityDate = maturity;
    return h;
}
} // namespace

class TestCampaignMetrics : public QObject
{
    Q_OBJECT

private:
    // RM01: A (H1 matures 11-10, 80k of 100k kept), C (H3 matures 11-16, 10k of 30k kept),
    //       D (VIP in September, fell below VIP in October).
    // RM02: B (H2 matures 11-12, withdrawn), E (VIP, settlement 3 and referral 3),
    //       G (threshold list, reached gold), H (threshold list, did not).
    // Unassigned: F (private banking: three product categories, service 3).
    BranchData branch() const
    {
        BranchData d;
        d.branchCode = QStringLiteral("T001");
        d.branchName = QStringLiteral("测试支行");
        d.staff = {{QStringLiteral("RM01"), QStringLiteral("周经理"), Staff::Role::RelationshipManager},
                   {QStringLiteral("RM02"), QStringLiteral("吴经理"), Staff::Role::RelationshipManager},
                   {QStringLiteral("MGR01"), QStringLiteral("郑行长"), Staff::Role::Manager}};
        const QString rm1 = QStringLiteral("RM01"), rm2 = QStringLiteral("RM02");
        d.customers = {customer(QStringLiteral("A"), QStringLiteral("甲"), 200000, {}, {}, rm1),
                       customer(QStringLiteral("B"), QStringLiteral("乙"), 80000, {}, {}, rm2),
                       customer(QStringLiteral("C"), QStringLiteral("丙"), 20000, {}, {}, rm1),
                       customer(QStringLiteral("D"), QStringLiteral("丁"), 450000, {}, {}, rm1),
                       customer(QStringLiteral("E"), QStringLiteral("戊"), 800000, {}, {}, rm2),
                       customer(QStringLiteral("F"), QStringLiteral("己"), 7000000),
                       customer(QStringLiteral("G"), QStringLiteral("庚"), 55000, {}, {}, rm2),
                       customer(QStringLiteral("H"), QStringLiteral("辛"), 42000, {}, {}, rm2)};
        d.customers[1].aumFen = 30000 * 100; // B's AUM fell by the 50,000 that matured: it left the bank
        Customer &dd = d.customers[3];
        dd.aumHistoryFen[Customer::kHistoryMonths - 2] = 600000 * 100; // September
        Customer &e = d.customers[4];
        e.settlementProducts = 3;
        e.referralLinks = 3;
        Customer &f = d.customers[5];
        f.serviceEvents12m = 3;
        using T = Holding::ProductType;
        d.holdings = {holding(QStringLiteral("H1"), QStringLiteral("A"), T::TimeDeposit, 100000, QDate(2026, 11, 10)),
                      holding(QStringLiteral("H2"), QStringLiteral("B"), T::TimeDeposit, 50000, QDate(2026, 11, 12)),
                      holding(QStringLiteral("H3"), QStringLiteral("C"), T::TimeDeposit, 30000, QDate(2026, 11, 16)),
                      holding(QStringLiteral("F1"), QStringLiteral("F"), T::DemandDeposit, 1000000),
                      holding(QStringLiteral("F2"), QStringLiteral("F"), T::Fund, 1000000),
                      holding(QStringLiteral("F3"), QStringLiteral("F"), T::PreciousMetal, 1000000)};
        return d;
    }

    static ActivityLog activity(const BranchSnapshot &s)
    {
        std::vector<CadenceEnrolment> enrolments;
        for (const char *h : {"H1", "H2", "H3"})
            enrolments.push_back({CadenceEngine::maturityKey(QString::fromLatin1(h)), QString(), QDate(2026, 9, 1), {}});
        auto contact = [](const QDate &day) {
            Contact c;
            c.contactId = day.toString(Qt::ISODate);
            c.customerNo = QStringLiteral("A");
            c.staffId = QStringLiteral("RM01");
            c.channel = Contact::Channel::Phone;
            c.outcome = Contact::Outcome::Reached;
            c.contactedAt = QDateTime(day, QTime(10, 0));
            c.holdingId = QStringLiteral("H1");
            return c;
        };
        // H1: T-7 due 11-03 done that day (on time); T-3 due 11-06 done on 11-08 (late); T-1 missed.
        const std::vector<Contact> contacts = {contact(QDate(2026, 11, 3)), contact(QDate(2026, 11, 8))};
        auto outcome = [](const QString &h, const QString &no, MaturityOutcome::Kind k, qint64 keptYuan, const QDate &on) {
            MaturityOutcome o;
            o.outcomeId = h;
            o.holdingId = h;
            o.customerNo = no;
            o.kind = k;
            o.keptFen = keptYuan * 100;
            o.staffId = QStringLiteral("RM01");
            o.markedAt = QDateTime(on, QTime(16, 0));
            return o;
        };
        using K = MaturityOutcome::Kind;
        const std::vector<MaturityOutcome> outcomes = {
            outcome(QStringLiteral("H1"), QStringLiteral("A"), K::PartlyKept, 80000, QDate(2026, 11, 10)),
            outcome(QStringLiteral("H2"), QStringLiteral("B"), K::Withdrawn, 0, QDate(2026, 11, 12)),
            outcome(QStringLiteral("H3"), QStringLiteral("C"), K::PartlyKept, 10000, QDate(2026, 11, 16))};
        return ActivityLog::build(s, contacts, {}, enrolments, outcomes);
    }

    static CampaignList thresholdList()
    {
        CampaignList l;
        l.id = 1;
        l.name = QStringLiteral("临界客户提升");
        l.kind = CustomerList::Kind::Threshold;
        l.frozenOn = QDate(2026, 10, 1);
        for (const char *no : {"G", "H", "GONE"})
            l.members.push_back({QString::fromLatin1(no), 4500000, QStringLiteral("mass"), QStringLiteral("gold"), {}});
        return l;
    }

private slots:
    void metricsOnAHandMadeBranch()
    {
        const BranchSnapshot s(branch(), TierPolicy::defaultPolicy(), kAsOf);
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::standard();
        const ActivityLog log = activity(s);
        const CadenceRoster roster(s, policy, kAsOf);
        Campaign c;
        c.name = QStringLiteral("开门红");
        c.startsOn = QDate(2026, 10, 1);
        c.endsOn = QDate(2026, 12, 31);
        const CampaignMetrics m = CampaignMetrics::compute(s, policy, calendar, log, roster, c, {thresholdList()}, kAsOf);
        const int rm1 = 0, rm2 = 1;
        using M = Campaign;
        auto ratio = [](const CampaignMetrics::Figures &f, Campaign::Metric k) {
            return QPair<qint64, qint64>(f.metric[size_t(k)].num, f.metric[size_t(k)].den);
        };
        using P = QPair<qint64, qint64>;

        // Maturity conversion: A and C reinvested part and their AUM kept the rest (retained in the
        // bank in full, converted in part); B's 50,000 left the bank
        QCOMPARE(ratio(m.branch(), M::MaturityCount), P(2, 3));
        QCOMPARE(ratio(m.branch(), M::MaturityAmount), P(13000000, 18000000));
        QCOMPARE(ratio(m.rm(rm1), M::MaturityCount), P(2, 2));
        QCOMPARE(ratio(m.rm(rm1), M::MaturityAmount), P(13000000, 13000000));
        // Converted apart: 80% and 33% reinvested are no full conversions
        QCOMPARE(P(m.branch().maturityConverted.num, m.branch().maturityConverted.den), P(0, 3));
        QCOMPARE(P(m.branch().maturityConvertedAmount.num, m.branch().maturityConvertedAmount.den), P(9000000, 18000000));
        QCOMPARE(ratio(m.rm(rm2), M::MaturityCount), P(0, 1));
        QVERIFY(!m.branch().meets(M::MaturityCount, c)); // 66.7% < 90%
        QVERIFY(m.rm(rm1).meets(M::MaturityCount, c));

        // Threshold uplift: G reached gold, H did not, one member is gone
        QCOMPARE(ratio(m.branch(), M::ThresholdUplift), P(1, 3));
        QCOMPARE(ratio(m.rm(rm2), M::ThresholdUplift), P(1, 2));
        QVERIFY(m.branch().meets(M::ThresholdUplift, c)); // 33.3% >= 30%
        QCOMPARE(m.rm(rm2).thresholdMembers, 2);

        // VIP churn: D, E and F were VIP in September; D fell below
        QCOMPARE(ratio(m.branch(), M::VipChurn), P(1, 3));
        QCOMPARE(ratio(m.rm(rm1), M::VipChurn), P(1, 1));
        QCOMPARE(ratio(m.rm(rm2), M::VipChurn), P(0, 1));
        QVERIFY(!m.branch().meets(M::VipChurn, c)); // 33% > 10%
        QVERIFY(m.rm(rm2).meets(M::VipChurn, c));

        // Triangles over E and F (VIP now): one of two covers each
        for (auto t : {M::TriangleProduct, M::TriangleSettlement, M::TriangleService, M::TriangleReferral})
            QCOMPARE(ratio(m.branch(), t), P(1, 2));
        QCOMPARE(ratio(m.rm(rm2), M::TriangleSettlement), P(1, 1));
        QCOMPARE(ratio(m.rm(rm2), M::TriangleProduct), P(0, 1));

        // 731: H1 T-7 on time, H1 T-3 late, H2's three steps missed. H1's T-1 and H3's
        // steps are not judged: a kept maturity closes its plan (CadenceEngine).
        QCOMPARE(ratio(m.branch(), M::OnTime731), P(1, 5));
        QCOMPARE(m.branch().onTime, 1);
        QCOMPARE(m.branch().late, 1);
        QCOMPARE(m.branch().missed, 3);
        QCOMPARE(ratio(m.rm(rm1), M::OnTime731), P(1, 2));
        QCOMPARE(m.rm(rm1).missed, 0);
        QCOMPARE(m.rm(rm2).missed, 3);
        QCOMPARE(m.rm(rm2).discipline(), 0.0);
        QCOMPARE(m.branch().maturing, 3);

        // One table per RM: sizes, conversions and rank
        QCOMPARE(m.rm(rm1).customers, 3);
        QCOMPARE(m.rm(rm2).customers, 4);
        QCOMPARE(m.branch().customers, 8);
        QCOMPARE(m.rm(rm1).conversions, 2); // two maturities kept
        QCOMPARE(m.rm(rm2).conversions, 1); // G reached gold
        QCOMPARE(m.ranking(), (std::vector<int>{rm1, rm2}));
        QCOMPARE(m.rankOf(rm1), 1);
        QCOMPARE(m.rankOf(2), 0); // the manager is not ranked

        // Weekly trend: 8 weeks from 10-01 to 11-23; H1's T-7 falls in the week from 10-29
        QCOMPARE(int(m.weeks().size()), 8);
        QCOMPARE(m.weeks()[4].start, QDate(2026, 10, 29));
        QCOMPARE(m.weeks()[4].onTime731.num, 1);
        QCOMPARE(m.weeks()[4].contacts, 1);
        qint64 maturityWeeks = 0;
        for (const auto &w : m.weeks())
            maturityWeeks += w.maturityConversion.den;
        QCOMPARE(maturityWeeks, 3);
    }

    void targetsRoundTripAndSync()
    {
        QTemporaryDir dir;
        Database db = Database::open(dir.filePath(QStringLiteral("c.db")), QStringLiteral("pass-word"),
                                     Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        Campaign c;
        c.name = QStringLiteral("2027 开门红");
        c.startsOn = QDate(2027, 1, 1);
        c.endsOn = QDate(2027, 3, 31);
        c.targetPermille[Campaign::ThresholdUplift] = 350;
        CampaignRepository repo(db);
        const Campaign saved = repo.save(c, QStringLiteral("MGR01"));
        QVERIFY(!saved.campaignId.isEmpty());
        const auto all = repo.campaigns();
        QCOMPARE(int(all.size()), 1);
        QCOMPARE(all[0].name, c.name);
        QCOMPARE(all[0].targetPermille[Campaign::ThresholdUplift], 350);
        QCOMPARE(all[0].targetPermille[Campaign::MaturityCount], 900); // DOMAIN.md defaults
        QCOMPARE(all[0].targetPermille[Campaign::VipChurn], 100);
        Statement outbox(db, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'campaign'"));
        QVERIFY(outbox.step());
        QCOMPARE(outbox.integer(0), 1);
        // A bad date range is refused with a plain message, and nothing is written
        c.endsOn = QDate(2026, 12, 1);
        QVERIFY_THROWS_EXCEPTION(StoreError, repo.save(c, QStringLiteral("MGR01")));
        QCOMPARE(int(repo.campaigns().size()), 1);
    }
};

QTEST_GUILESS_MAIN(TestCampaignMetrics)
#include "tst_campaignmetrics.moc"
