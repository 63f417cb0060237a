// Roles and assignment in the domain and store layers: what an RM can read,
// how assignments are stored, synced and balanced.
#include "testsupport.h"

#include "domain/branchsnapshot.h"
#include "domain/workloadbalancer.h"
#include "store/metatable.h"
#include "store/assignmentrepository.h"
#include "store/auditlog.h"
#include "store/branchrepository.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/outbox.h"
#include "store/pageapplier.h"

#include <QTemporaryDir>
#include <QtTest>

class TestAssignment : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    const QString m_pass = QStringLiteral("pass-word");

    QString newStore()
    {
        const QString path = m_dir.filePath(QStringLiteral("a%1.db").arg(++m_n));
        Database db = Database::open(path, m_pass, Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        BranchRepository(db).replaceAll(TestSupport::smallBranch());
        return path;
    }
    static int count(Database &db, const QString &sql)
    {
        Statement st(db, sql);
        return st.step() ? st.integer(0) : -1;
    }
    static SyncRecord assignment(const QString &no, const QString &rm, qint64 seq)
    {
        return {QStringLiteral("assignment"), no, seq, false,
                QJsonObject{{QStringLiteral("customer_no"), no}, {QStringLiteral("rm_id"), rm},
                            {QStringLiteral("assigned_by"), QStringLiteral("MGR02")},
                            {QStringLiteral("assigned_at"), QStringLiteral("2026-11-23T10:00:00.000+08:00")},
                            {QStringLiteral("device_id"), QStringLiteral("other-device")}}};
    }

private slots:
    void rmCannotReadAnotherRmsCustomer()
    {
        // Given the small branch, seen by RM01
        const BranchSnapshot rm01(TestSupport::smallBranch(), TierPolicy::defaultPolicy(), QDate(2026, 11, 23),
                                  StaffScope::rm(QStringLiteral("RM01")));
        // Then RM02's customer shows its name and owner, nothing else
        const auto other = rm01.lookup(QStringLiteral("600000000002"));
        QVERIFY(other.has_value());
        QCOMPARE(other->name, QStringLiteral("李四"));
        QCOMPARE(other->ownerId, QStringLiteral("RM02"));
        QVERIFY(other->detail == nullptr);
        QCOMPARE(rm01.indexOfCustomer(QStringLiteral("600000000002")), -1);
        for (const Customer &c : rm01.customers()) {
            QVERIFY(c.phone != QStringLiteral("13900005678"));
            QVERIFY(c.rmId != QStringLiteral("RM02"));
        }
        QCOMPARE(rm01.holdingCount(), 0); // H1 belongs to RM02's customer
        // And own customers and the unassigned pool come in full
        QCOMPARE(rm01.customerCount(), 4); // 3 own + 1 unassigned
        const auto own = rm01.lookup(QStringLiteral("600000000001"));
        QVERIFY(own && own->detail);
        QCOMPARE(own->detail->phone, QStringLiteral("13812345678"));
        const auto pool = rm01.lookup(QStringLiteral("600000000004"));
        QVERIFY(pool && pool->detail);
        QCOMPARE(pool->ownerId, QString());

        // A manager sees the whole branch
        const BranchSnapshot mgr(TestSupport::smallBranch(), TierPolicy::defaultPolicy(), QDate(2026, 11, 23),
                                 StaffScope::manager(QStringLiteral("MGR01")));
        QCOMPARE(mgr.customerCount(), 6);
        QCOMPARE(mgr.lookup(QStringLiteral("600000000002"))->detail->phone, QStringLiteral("13900005678"));
        QCOMPARE(mgr.holdingCount(), 1);
    }

    void storeLoadIsScopedToTheSignedInStaff()
    {
        const QString path = newStore();
        LoadedBranch asRm;
        QVERIFY(BranchStore::load(path, m_pass, &asRm, {}, QDate(2026, 11, 23), QStringLiteral("RM02")));
        QCOMPARE(asRm.snapshot->scope().staffId(), QStringLiteral("RM02"));
        QVERIFY(!asRm.snapshot->scope().seesWholeBranch());
        QCOMPARE(asRm.snapshot->customerCount(), 3); // 2 own + the pool
        QVERIFY(!asRm.snapshot->lookup(QStringLiteral("600000000001"))->detail);

        // Nobody chosen: the branch's manager
        LoadedBranch asDefault;
        QVERIFY(BranchStore::load(path, m_pass, &asDefault, {}, QDate(2026, 11, 23)));
        QCOMPARE(asDefault.snapshot->scope().staffId(), QStringLiteral("MGR01"));
        QCOMPARE(asDefault.snapshot->customerCount(), 6);

        // A store signed in to HQ is scoped to that staff member, whatever is chosen locally
        {
            Database db = Database::open(path, m_pass, Database::OpenMode::ExistingOnly);
            MetaTable::setValue(db, QStringLiteral("sync.staff_id"), QStringLiteral("RM01"));
        }
        LoadedBranch signedIn;
        QVERIFY(BranchStore::load(path, m_pass, &signedIn, {}, QDate(2026, 11, 23), QStringLiteral("MGR01")));
        QCOMPARE(signedIn.snapshot->scope().staffId(), QStringLiteral("RM01"));
        QCOMPARE(signedIn.snapshot->customerCount(), 4);
    }

    void assignmentWritesRowOutboxAndAudit()
    {
        const QString path = newStore();
        Database db = Database::open(path, m_pass, Database::OpenMode::ExistingOnly);
        AssignmentRepository repo(db);
        // When the manager gives two customers to RM02, one of them already RM02's
        const int changed = repo.assign({QStringLiteral("600000000001"), QStringLiteral("600000000004"),
                                         QStringLiteral("600000000002")},
                                        QStringLiteral("RM02"), QStringLiteral("MGR01"));
        // Then only the two that change are written, each with its outbox and audit entry
        QCOMPARE(changed, 2);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM assignment WHERE rm_id = 'RM02'")), 2);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'assignment'")), 2);
        const auto audit = AuditLog(db).entries();
        int assignments = 0;
        for (const AuditLog::Entry &e : audit) {
            if (e.event == QLatin1String("assignment")) {
                ++assignments;
                QCOMPARE(e.staffId, QStringLiteral("MGR01"));
            }
        }
        QCOMPARE(assignments, 2);
        QVERIFY(AuditLog(db).verify().ok);
        for (const Outbox::Entry &e : Outbox::peek(db, 10)) {
            if (e.entity == QLatin1String("assignment"))
                QCOMPARE(e.payload.value(QStringLiteral("rm_id")).toString(), QStringLiteral("RM02"));
        }

        // And the loaded branch shows the new owners; back to the pool with an empty RM
        QCOMPARE(repo.assign({QStringLiteral("600000000004")}, QString(), QStringLiteral("MGR01")), 1);
        db.close();
        LoadedBranch b;
        QVERIFY(BranchStore::load(path, m_pass, &b, {}, QDate(2026, 11, 23)));
        const BranchSnapshot &s = *b.snapshot;
        QCOMPARE(s.customer(s.indexOfCustomer(QStringLiteral("600000000001"))).rmId, QStringLiteral("RM02"));
        QCOMPARE(s.customer(s.indexOfCustomer(QStringLiteral("600000000004"))).rmId, QString());
    }

    void pulledAssignmentOverwriteIsLogged()
    {
        const QString path = newStore();
        Database db = Database::open(path, m_pass, Database::OpenMode::ExistingOnly);
        AssignmentRepository repo(db);
        repo.assign({QStringLiteral("600000000001")}, QStringLiteral("RM02"), QStringLiteral("MGR01"));
        // While ours is unsent, a pulled one does not replace it (ours reaches HQ next and wins there)
        auto r = PageApplier::apply(db, {assignment(QStringLiteral("600000000001"), QStringLiteral("RM01"), 5)}, 5);
        QCOMPARE(r.conflicts, 1);
        QCOMPARE(repo.all().value(QStringLiteral("600000000001")), QStringLiteral("RM02"));
        // Once sent, a later one from another desktop replaces it, and the sync log says so
        Outbox::acknowledge(db, 1000000);
        r = PageApplier::apply(db, {assignment(QStringLiteral("600000000001"), QStringLiteral("RM01"), 6)}, 6);
        QCOMPARE(r.conflicts, 1);
        QCOMPARE(repo.all().value(QStringLiteral("600000000001")), QStringLiteral("RM01"));
        Statement log(db, QStringLiteral("SELECT kind, entity, record_id, theirs, yours FROM sync_log"
                                         " WHERE entity = 'assignment' ORDER BY id DESC LIMIT 1"));
        QVERIFY(log.step());
        QCOMPARE(log.text(0), QStringLiteral("overwrite"));
        QCOMPARE(log.text(2), QStringLiteral("600000000001"));
        QCOMPARE(log.text(3), QStringLiteral("RM01"));
        QCOMPARE(log.text(4), QStringLiteral("RM02"));
        // Our own assignment echoed back is no conflict
        r = PageApplier::apply(db, {assignment(QStringLiteral("600000000001"), QStringLiteral("RM01"), 7)}, 7);
        QCOMPARE(r.conflicts, 0);
    }

    void balanceByWorkload_data()
    {
        QTest::addColumn<int>("customers");
        QTest::addColumn<int>("rms");
        QTest::addColumn<int>("ownedByFirst"); // customers already with RM01
        QTest::newRow("all in the pool") << 30 << 3 << 0;
        QTest::newRow("all with one RM") << 30 << 3 << 30;
        QTest::newRow("uneven count") << 31 << 4 << 12;
        QTest::newRow("more RMs than customers") << 2 << 5 << 1;
    }
    void balanceByWorkload()
    {
        QFETCH(int, customers);
        QFETCH(int, rms);
        QFETCH(int, ownedByFirst);
        QStringList staff;
        for (int r = 1; r <= rms; ++r)
            staff << QStringLiteral("RM%1").arg(r, 2, 10, QLatin1Char('0'));
        std::vector<WorkloadBalancer::Item> items;
        for (int c = 0; c < customers; ++c)
            items.push_back({QString::number(c), c < ownedByFirst ? staff.first() : QString(), 1});
        const auto moves = WorkloadBalancer::balance(items, staff);
        QHash<QString, int> load;
        int kept = 0;
        for (const auto &it : items) {
            const QString owner = moves.value(it.customerNo, it.ownerId);
            QVERIFY(!owner.isEmpty());
            ++load[owner];
            kept += (!it.ownerId.isEmpty() && owner == it.ownerId) ? 1 : 0;
        }
        int lo = customers, hi = 0;
        for (const QString &rm : staff) {
            lo = qMin(lo, load.value(rm));
            hi = qMax(hi, load.value(rm));
        }
        QVERIFY2(hi - lo <= 1, qPrintable(QStringLiteral("loads from %1 to %2").arg(lo).arg(hi)));
        // Existing owners are kept up to the fair share
        const int fair = (customers + rms - 1) / rms;
        QCOMPARE(kept, qMin(ownedByFirst, fair));
    }

    void balanceKeepsOwnersAndCountsCarriedLoad()
    {
        // RM01 already carries 6 open steps elsewhere: the new ones go to RM02 first
        std::vector<WorkloadBalancer::Item> items = {{QStringLiteral("a"), QString(), 3},
                                                     {QStringLiteral("b"), QString(), 3},
                                                     {QStringLiteral("c"), QStringLiteral("RM01"), 0}};
        const auto moves = WorkloadBalancer::balance(items, {QStringLiteral("RM01"), QStringLiteral("RM02")},
                                                     {{QStringLiteral("RM01"), 6}});
        QCOMPARE(moves.value(QStringLiteral("a")), QStringLiteral("RM02"));
        QCOMPARE(moves.value(QStringLiteral("b")), QStringLiteral("RM02"));
        QVERIFY(!moves.contains(QStringLiteral("c")));
    }
};

QTEST_GUILESS_MAIN(TestAssignment)
#include "tst_assignment.moc"
