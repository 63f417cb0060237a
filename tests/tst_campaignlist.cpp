#include "domain/campaignlist.h"
#include "domain/thresholdlist.h"
#include "domain/valuescores.h"
#include "store/analysisjobs.h"
#include "store/branchrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

// A frozen campaign list keeps its baseline; uplift is measured against it as
// data arrives; it survives the store.
class TestCampaignList : public QObject
{
    Q_OBJECT

private:
    static BranchData branch()
    {
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        // Four customers in the [30k, 50k) band, one in [300k, 500k), one outside.
        const qint64 yuan[] = {31000, 42000, 45000, 49000, 420000, 80000};
        for (int i = 0; i < 6; ++i)
            d.customers.push_back(TestSupport::customer(QStringLiteral("93000000000%1").arg(i), QStringLiteral("活动%1").arg(i), yuan[i]));
        return d;
    }
    static void setBasis(BranchData &d, int i, qint64 yuan)
    {
        d.customers[size_t(i)].aumHistoryFen.fill(yuan * 100);
        d.customers[size_t(i)].aumFen = yuan * 100;
    }

private slots:
    void upliftAfterAumChanges()
    {
        // Given the threshold list frozen on 2026-11-23
        const BranchSnapshot before(branch(), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const CustomerList list = ThresholdList::build(before, ValuePolicy::defaultPolicy());
        QCOMPARE(list.members.size(), size_t(5));
        const CampaignList campaign = CampaignList::freeze(QStringLiteral("开门红临界提升"), list, before, nullptr);
        QCOMPARE(campaign.frozenOn, QDate(2026, 11, 23));
        QCOMPARE(campaign.members.size(), size_t(5));
        const auto memberOf = [&](const QString &no) {
            for (const CampaignList::Member &m : campaign.members) {
                if (m.customerNo == no)
                    return m;
            }
            return CampaignList::Member();
        };
        QCOMPARE(memberOf(QStringLiteral("930000000001")).baselineFen, qint64(4200000));
        QCOMPARE(memberOf(QStringLiteral("930000000001")).baselineTier, QStringLiteral("mass"));
        QCOMPARE(memberOf(QStringLiteral("930000000001")).targetTier, QStringLiteral("gold"));
        QCOMPARE(memberOf(QStringLiteral("930000000004")).targetTier, QStringLiteral("vip"));
        QVERIFY(!memberOf(QStringLiteral("930000000000")).reason.isEmpty());

        // Then nobody has reached the target yet
        CampaignProgress p0(campaign, before);
        QCOMPARE(p0.reached(), 0);
        QCOMPARE(p0.upliftRate(), 0.0);

        // When in January two reach gold, one VIP candidate drops to gold, one is gone from the data
        BranchData d = branch();
        setBasis(d, 1, 50000);  // exactly the gold line
        setBasis(d, 2, 61000);
        setBasis(d, 3, 49999);  // one yuan short
        setBasis(d, 4, 280000); // 420k -> 280k: still gold, no longer near VIP
        d.customers.erase(d.customers.begin()); // 930000000000 left the branch
        const BranchSnapshot after(std::move(d), TierPolicy::defaultPolicy(), QDate(2027, 1, 31));
        const CampaignProgress p(campaign, after);

        // Then the uplift is measured against the frozen list of five
        QCOMPARE(p.memberCount(), 5);
        QCOMPARE(p.reached(), 2);
        QCOMPARE(p.upliftRate(), 0.4);
        QCOMPARE(p.upgraded(), 2);
        QCOMPARE(p.downgraded(), 0); // 420k and 280k are both gold
        QCOMPARE(p.gone(), 1);
        int reachedOn49999 = -1;
        for (const CampaignProgress::Row &r : p.rows()) {
            if (campaign.members[size_t(r.member)].customerNo == QStringLiteral("930000000003"))
                reachedOn49999 = r.reached ? 1 : 0;
        }
        QCOMPARE(reachedOn49999, 0);
    }

    void downgradesAreCounted()
    {
        const BranchSnapshot before(branch(), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const CampaignList campaign = CampaignList::freeze(QStringLiteral("x"),
                                                           CustomerList::selection(before, {5, 4}), before, nullptr);
        QCOMPARE(campaign.members[0].targetTier, QStringLiteral("vip")); // gold -> next tier up
        BranchData d = branch();
        setBasis(d, 5, 9000); // gold -> low
        const BranchSnapshot after(std::move(d), TierPolicy::defaultPolicy(), QDate(2027, 1, 31));
        const CampaignProgress p(campaign, after);
        QCOMPARE(p.downgraded(), 1);
        QCOMPARE(p.rows()[0].movement, CampaignProgress::Movement::Downgraded);
        QCOMPARE(p.rows()[0].currentTier, 0);
    }

    void survivesTheStore()
    {
        // Given a store at the latest schema
        QTemporaryDir dir;
        const StoreAccess access{dir.filePath(QStringLiteral("s.db")), QStringLiteral("pass")};
        {
            Database db = Database::open(access.path, access.passphrase, Database::OpenMode::CreateIfMissing);
            QCOMPARE(SchemaMigrations::migrate(db), SchemaMigrations::latestVersion());
            QVERIFY(SchemaMigrations::latestVersion() >= 3);
            BranchRepository(db).replaceAll(branch());
            Statement st(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN"
                                            " ('campaign_list', 'campaign_member', 'policy_document')"));
            QVERIFY(st.step());
            QCOMPARE(st.integer(0), 3);
        }
        const BranchSnapshot s(branch(), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const CampaignList campaign = CampaignList::freeze(QStringLiteral("临界"), ThresholdList::build(s, ValuePolicy::defaultPolicy()), s, nullptr);

        // When it is saved and read back
        const qint64 id = AnalysisJobs::saveCampaign(access, campaign);
        QVERIFY(id > 0);
        AnalysisJobs::saveCampaign(access, CampaignList::freeze(QStringLiteral("第二"), CustomerList::selection(s, {5}), s, nullptr));
        const std::vector<CampaignList> lists = AnalysisJobs::campaigns(access);

        // Then every field and baseline is as frozen
        QCOMPARE(lists.size(), size_t(2));
        const CampaignList &back = lists[1]; // same date: newest first
        QCOMPARE(back.id, id);
        QCOMPARE(back.name, QStringLiteral("临界"));
        QCOMPARE(back.kind, CustomerList::Kind::Threshold);
        QCOMPARE(back.frozenOn, QDate(2026, 11, 23));
        QCOMPARE(back.criteria, campaign.criteria);
        QCOMPARE(back.members.size(), campaign.members.size());
        for (size_t i = 0; i < back.members.size(); ++i) {
            QCOMPARE(back.members[i].customerNo, campaign.members[i].customerNo);
            QCOMPARE(back.members[i].baselineFen, campaign.members[i].baselineFen);
            QCOMPARE(back.members[i].baselineTier, campaign.members[i].baselineTier);
            QCOMPARE(back.members[i].targetTier, campaign.members[i].targetTier);
            QCOMPARE(back.members[i].reason, campaign.members[i].reason);
        }
        QVERIFY(AnalysisJobs::deleteCampaign(access, id));
        QVERIFY(!AnalysisJobs::deleteCampaign(access, id));
        QCOMPARE(AnalysisJobs::campaigns(access).size(), size_t(1));
    }

    void editedPolicySurvivesTheStore()
    {
        QTemporaryDir dir;
        const StoreAccess access{dir.filePath(QStringLiteral("p.db")), QStringLiteral("pass")};
        {
            Database db = Database::open(access.path, access.passphrase, Database::OpenMode::CreateIfMissing);
            SchemaMigrations::migrate(db);
        }
        QVERIFY(AnalysisJobs::valuePolicy(access) == ValuePolicy::defaultPolicy());
        ValuePolicy edited = ValuePolicy::defaultPolicy();
        edited.setWeight(ValuePolicy::Indicator::Payroll, 45);
        edited.setPotentialCut(60.0);
        AnalysisJobs::saveValuePolicy(access, edited);
        const ValuePolicy back = AnalysisJobs::valuePolicy(access);
        QCOMPARE(back.weight(ValuePolicy::Indicator::Payroll), 45.0);
        QCOMPARE(back.potentialCut().value_or(-1), 60.0);
        QVERIFY(back == edited);
        AnalysisJobs::resetValuePolicy(access);
        QVERIFY(AnalysisJobs::valuePolicy(access) == ValuePolicy::defaultPolicy());
    }
};

QTEST_GUILESS_MAIN(TestCampaignList)
#include "tst_campaignlist.moc"
