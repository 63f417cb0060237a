// Acceptance (issue 6): with the demo branch in a local HQ, a manager's store
// and an RM's store syncing through it, the manager's assignment reaches the
// RM's Today page after one sync each way; a later assignment from another
// desktop wins at HQ and shows in the sync log of the one it overwrote.
#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "domain/todaylist.h"
#include "hqfixture.h"
#include "session/cadenceworkspace.h"
#include "items/todaymodel.h"
#include "store/assignmentrepository.h"
#include "store/branchstore.h"
#include "store/campaignrepository.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/syncengine.h"

#include <QFile>
#include <QSignalSpy>
#include <QtTest>

namespace {
const QString kPass = QStringLiteral("desk-pass");
const QString kPassword = QStringLiteral("staff-password-1");
const QDate kToday(2026, 11, 23);
} // namespace

class TestAssignmentSync : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;

    SyncEngine::Report sync(const QString &store, const QString &staff)
    {
        Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
        SyncEngine::Settings s;
        s.hq = m_hq.url();
        s.staffId = staff;
        s.password = kPassword;
        s.timeoutMs = 30000;
        return SyncEngine::run(db, s);
    }

    // The Today page's rows for the store's signed-in RM, as the page builds them.
    std::vector<TodayItem> todayOf(const QString &store, LoadedBranch *branch)
    {
        if (!BranchStore::load(store, kPass, branch, {}, kToday))
            return {};
        CadenceWorkspace ws;
        QSignalSpy ready(&ws, &CadenceWorkspace::ready);
        ws.setBranch(*branch, kToday);
        if (!ready.wait(60000))
            return {};
        TodayModel model;
        const TodayList list(*ws.snapshot(), ws.policy(), ws.calendar(), ws.activity(), *ws.roster());
        model.setItems({branch->snapshot, ws.roster(), ws.activity(), ws.policy(), ws.calendar(), kToday},
                       list.build(branch->snapshot->scope().seesWholeBranch() ? TodayList::kAllRms : ws.actingStaffIndex(), kToday));
        return model.items();
    }
    static bool hasCustomer(const std::vector<TodayItem> &items, const BranchSnapshot &s, const QString &no)
    {
        return std::any_of(items.begin(), items.end(), [&](const TodayItem &i) { return s.customer(i.customer).customerNo == no; });
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        BranchData branch;
        QVERIFY(DemoGenerator::generate({20000, 7, kToday}, &branch));
        const QString csv = m_hq.path(QStringLiteral("extract.csv"));
        {
            QFile f(csv);
            QString error;
            QVERIFY(f.open(QIODevice::WriteOnly) && ExtractCsv::write(branch, &f, &error));
        }
        QVERIFY2(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"), csv}),
                 qPrintable(m_hq.lastError()));
        const QList<QPair<QString, QString>> staff = {{QStringLiteral("RM01"), QStringLiteral("rm")},
                                                      {QStringLiteral("RM02"), QStringLiteral("rm")},
                                                      {QStringLiteral("MGR01"), QStringLiteral("manager")}};
        for (const auto &[id, role] : staff) {
            QVERIFY2(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                              QStringLiteral("--id"), id, QStringLiteral("--name"), QStringLiteral("员工"),
                              QStringLiteral("--role"), role},
                             kPassword.toUtf8() + '\n'),
                     qPrintable(m_hq.lastError()));
        }
        QVERIFY(m_hq.startServer());
    }

    void cleanupTestCase() { m_hq.stop(); }

    void managersAssignmentReachesTheRmsTodayPage()
    {
        const QString manager = m_dir.filePath(QStringLiteral("manager.db"));
        const QString rm = m_dir.filePath(QStringLiteral("rm02.db"));
        auto r = sync(manager, QStringLiteral("MGR01"));
        QVERIFY2(r.ok, qPrintable(r.error));
        r = sync(rm, QStringLiteral("RM02"));
        QVERIFY2(r.ok, qPrintable(r.error));

        // Given a customer of RM01 with a step on RM01's Today page
        LoadedBranch mgrBranch;
        const std::vector<TodayItem> all = todayOf(manager, &mgrBranch);
        QVERIFY(mgrBranch.snapshot->scope().seesWholeBranch());
        const BranchSnapshot &ms = *mgrBranch.snapshot;
        QString chosen;
        for (const TodayItem &i : all) {
            if (ms.customer(i.customer).rmId == QLatin1String("RM01") && i.kind == TodayItem::Kind::MaturityStep) {
                chosen = ms.customer(i.customer).customerNo;
                break;
            }
        }
        QVERIFY2(!chosen.isEmpty(), "the demo branch has a 731 step of RM01 due today");
        // that RM02's desktop does not hold at all (need to know, issue 15)
        LoadedBranch before;
        const std::vector<TodayItem> rmBefore = todayOf(rm, &before);
        QVERIFY(!before.snapshot->scope().seesWholeBranch());
        QCOMPARE(before.snapshot->scope().staffId(), QStringLiteral("RM02"));
        QVERIFY(!before.snapshot->lookup(chosen).has_value());
        QVERIFY(!rmBefore.empty());

        // When the manager gives the customer to RM02 and syncs, and RM02 syncs
        {
            Database db = Database::open(manager, kPass, Database::OpenMode::ExistingOnly);
            QCOMPARE(AssignmentRepository(db).assign({chosen}, QStringLiteral("RM02"), QStringLiteral("MGR01")), 1);
        }
        r = sync(manager, QStringLiteral("MGR01"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.pushed >= 2); // the assignment and its audit entry
        r = sync(rm, QStringLiteral("RM02"));
        QVERIFY2(r.ok, qPrintable(r.error));

        // Then the customer and their open step are on RM02's Today page
        LoadedBranch after;
        const std::vector<TodayItem> rmAfter = todayOf(rm, &after);
        const auto now = after.snapshot->lookup(chosen);
        QVERIFY(now && now->detail);
        QCOMPARE(now->ownerId, QStringLiteral("RM02"));
        QVERIFY(hasCustomer(rmAfter, *after.snapshot, chosen));
        QVERIFY(!hasCustomer(rmBefore, *before.snapshot, chosen));
    }

    void rmMayNotPushAssignments()
    {
        const QString rm = m_dir.filePath(QStringLiteral("rm01.db"));
        auto r = sync(rm, QStringLiteral("RM01"));
        QVERIFY2(r.ok, qPrintable(r.error));
        {
            Database db = Database::open(rm, kPass, Database::OpenMode::ExistingOnly);
            AssignmentRepository(db).assign({QStringLiteral("X-NOT-THERE")}, QStringLiteral("RM01"), QStringLiteral("RM01"));
        }
        r = sync(rm, QStringLiteral("RM01"));
        QVERIFY(!r.ok); // HQ refuses: only the branch manager assigns
    }

    void hqSendsACampaignWithItsTargets()
    {
        // When HQ sets the opening-of-year campaign for the branch
        QVERIFY2(m_hq.hq({QStringLiteral("set-campaign"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                          QStringLiteral("--id"), QStringLiteral("KMH2027"), QStringLiteral("--name"),
                          QStringLiteral("2027 开门红"), QStringLiteral("--from"), QStringLiteral("2027-01-01"),
                          QStringLiteral("--to"), QStringLiteral("2027-03-31"), QStringLiteral("--targets"),
                          QStringLiteral("{\"maturity_conversion\": 920}")}),
                 qPrintable(m_hq.lastError()));
        // Then an RM's desktop has it after its next sync, HQ's target over the default
        const QString rm = m_dir.filePath(QStringLiteral("rm02.db"));
        const auto r = sync(rm, QStringLiteral("RM02"));
        QVERIFY2(r.ok, qPrintable(r.error));
        Database db = Database::open(rm, kPass, Database::OpenMode::ExistingOnly);
        const auto campaigns = CampaignRepository(db).campaigns();
        QCOMPARE(int(campaigns.size()), 1);
        QCOMPARE(campaigns[0].name, QStringLiteral("2027 开门红"));
        QCOMPARE(campaigns[0].startsOn, QDate(2027, 1, 1));
        QCOMPARE(campaigns[0].targetPermille[Campaign::MaturityCount], 920);
        QCOMPARE(campaigns[0].targetPermille[Campaign::VipChurn], 100);
    }

    void laterAssignmentWinsAndTheOverwriteIsLogged()
    {
        // Two manager desktops assign the same customer while both are offline
        const QString first = m_dir.filePath(QStringLiteral("mgr-a.db"));
        const QString second = m_dir.filePath(QStringLiteral("mgr-b.db"));
        QVERIFY(sync(first, QStringLiteral("MGR01")).ok);
        QVERIFY(sync(second, QStringLiteral("MGR01")).ok);
        LoadedBranch b;
        QVERIFY(BranchStore::load(first, kPass, &b, {}, kToday));
        QString no; // a customer of neither RM01 nor RM02, so both assignments change something
        for (const Customer &c : b.snapshot->customers()) {
            if (c.rmId != QLatin1String("RM01") && c.rmId != QLatin1String("RM02")) {
                no = c.customerNo;
                break;
            }
        }
        QVERIFY(!no.isEmpty());
        for (const auto &[store, rmId] : {std::pair{first, QStringLiteral("RM01")}, std::pair{second, QStringLiteral("RM02")}}) {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            QCOMPARE(AssignmentRepository(db).assign({no}, rmId, QStringLiteral("MGR01")), 1);
        }
        // The first reaches HQ first, the second later: the second wins (by arrival)
        QVERIFY(sync(first, QStringLiteral("MGR01")).ok);
        QVERIFY(sync(second, QStringLiteral("MGR01")).ok);
        const auto r = sync(first, QStringLiteral("MGR01"));
        QVERIFY2(r.ok, qPrintable(r.error));
        Database db = Database::open(first, kPass, Database::OpenMode::ExistingOnly);
        QCOMPARE(AssignmentRepository(db).all().value(no), QStringLiteral("RM02"));
        Statement log(db, QStringLiteral("SELECT kind, theirs, yours FROM sync_log WHERE entity = 'assignment' AND record_id = ?"));
        log.bind(1, no);
        QVERIFY(log.step());
        QCOMPARE(log.text(0), QStringLiteral("overwrite"));
        QCOMPARE(log.text(1), QStringLiteral("RM02"));
        QCOMPARE(log.text(2), QStringLiteral("RM01"));
    }
};

QTEST_GUILESS_MAIN(TestAssignmentSync)
#include "tst_assignmentsync.moc"
