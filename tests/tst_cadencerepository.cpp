#include "domain/branchsnapshot.h"
#include "store/branchrepository.h"
#include "store/cadencerepository.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/storeerror.h"
#include "store/outbox.h"
#include "store/pageapplier.h"
#include "storefixture.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

class TestCadenceRepository : public QObject
{
    Q_OBJECT

private:
    StoreFixture m_stores;
    Database freshStore()
    {
        Database db = m_stores.fresh();
        BranchRepository(db).replaceAll(TestSupport::smallBranch());
        return db;
    }
    static StepOverride move()
    {
        StepOverride o;
        o.planKey = QStringLiteral("731:H1");
        o.stepIndex = 1;
        o.dueDate = QDate(2026, 11, 27);
        o.reason = QStringLiteral("客户出差，周五回来");
        o.staffId = QStringLiteral("RM02");
        o.customerNo = QStringLiteral("600000000002");
        return o;
    }

private slots:
    void schemaIsAtTheLatestVersion()
    {
        Database db = freshStore();
        QCOMPARE(SchemaMigrations::currentVersion(db), SchemaMigrations::latestVersion());
        QVERIFY(SchemaMigrations::latestVersion() >= 4);
    }

    void rescheduleGoesUpWithItsOutboxEntry()
    {
        Database db = freshStore();
        CadenceRepository repo(db);
        const StepOverride stored = repo.reschedule(move());
        QVERIFY(!stored.overrideId.isEmpty());
        QCOMPARE(stored.deviceId, ContactRepository::deviceId(db));
        const auto all = repo.overrides();
        QCOMPARE(int(all.size()), 1);
        QCOMPARE(all.front().dueDate, QDate(2026, 11, 27));
        QCOMPARE(all.front().reason, QStringLiteral("客户出差，周五回来"));
        const auto pending = Outbox::peek(db, 10);
        QCOMPARE(int(pending.size()), 1);
        QCOMPARE(pending.front().entity, QStringLiteral("step_override"));
        QCOMPARE(pending.front().recordId, stored.overrideId);
        QCOMPARE(pending.front().payload.value(QStringLiteral("plan_key")).toString(), QStringLiteral("731:H1"));
        QVERIFY(Outbox::hasPendingFor(db, QStringLiteral("600000000002")));

        // A reschedule needs a reason.
        StepOverride noReason = move();
        noReason.reason = QStringLiteral("  ");
        QVERIFY_THROWS_EXCEPTION(StoreError, repo.reschedule(noReason));
    }

    void aFailedOutboxWriteLeavesNothing()
    {
        Database db = freshStore();
        db.exec(QStringLiteral("CREATE TRIGGER no_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END"));
        CadenceRepository repo(db);
        QVERIFY_THROWS_EXCEPTION(StoreError, repo.reschedule(move()));
        QCOMPARE(int(repo.overrides().size()), 0);
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 repo.enrol({{QStringLiteral("4+1:600000000001"), QStringLiteral("600000000001"),
                                              QDate(2026, 11, 23), {}}}));
        QCOMPARE(int(repo.enrolments().size()), 0);
    }

    void enrolmentKeepsTheEarliestDate()
    {
        Database db = freshStore();
        CadenceRepository repo(db);
        const QString key = QStringLiteral("4+1:600000000001");
        QCOMPARE(repo.enrol({{key, QStringLiteral("600000000001"), QDate(2026, 11, 23), {}}}), 1);
        // Seen again later on this desktop: nothing changes, nothing is sent.
        QCOMPARE(repo.enrol({{key, QStringLiteral("600000000001"), QDate(2026, 11, 30), {}}}), 0);
        QCOMPARE(Outbox::pendingCount(db), 1);
        QCOMPARE(Outbox::peek(db, 1).front().entity, QStringLiteral("enrolment"));
        QCOMPARE(repo.enrolments().front().enteredOn, QDate(2026, 11, 23));
        // Another desktop saw it first: its earlier date wins; a later one does not (written as a
        // pull writes it, PageApplier, under the registry's earliestWins column).
        CadenceEnrolment remote{key, QStringLiteral("600000000001"), QDate(2026, 11, 20), QStringLiteral("other")};
        auto pull = [&](const CadenceEnrolment &e) {
            return PageApplier::apply(db, std::vector<SyncRecord>{{QStringLiteral("enrolment"), key, 1, false,
                                                                   CadenceRepository::toJson(e)}},
                                      1);
        };
        QCOMPARE(pull(remote).applied, 1);
        remote.enteredOn = QDate(2026, 11, 25);
        QCOMPARE(pull(remote).applied, 1);
        QCOMPARE(repo.enrolments().front().enteredOn, QDate(2026, 11, 20));
        QCOMPARE(Outbox::pendingCount(db), 1);
    }

    void maturityOutcomesAndActivityLoad()
    {
        Database db = freshStore();
        CadenceRepository repo(db);
        MaturityOutcome o;
        o.holdingId = QStringLiteral("H1");
        o.customerNo = QStringLiteral("600000000002");
        o.kind = MaturityOutcome::Kind::PartlyKept;
        o.keptFen = 30000000;
        o.staffId = QStringLiteral("RM02");
        const MaturityOutcome stored = repo.markOutcome(o);
        QCOMPARE(Outbox::peek(db, 5).back().entity, QStringLiteral("maturity_outcome"));
        repo.reschedule(move());
        Contact c;
        c.customerNo = QStringLiteral("600000000002");
        c.staffId = QStringLiteral("RM02");
        c.contactedAt = QDateTime(QDate(2026, 11, 24), QTime(9, 30), Qt::OffsetFromUTC, 8 * 3600);
        ContactRepository(db).log(c);
        c.customerNo = QStringLiteral("999999999999"); // not in this branch: dropped on load
        ContactRepository(db).log(c);

        BranchData data;
        BranchRepository(db).loadAll(&data);
        const BranchSnapshot s(std::move(data), TierPolicy::defaultPolicy(), QDate(2026, 11, 24));
        const ActivityLog log = repo.loadActivity(s);
        QCOMPARE(log.contactCount(), 1);
        QCOMPARE(log.contactsOf(1).size(), 1);
        QCOMPARE(log.maturityOutcome(QStringLiteral("H1"))->keptFen, qint64(30000000));
        QCOMPARE(log.overrideFor(QStringLiteral("731:H1"), 1)->dueDate, QDate(2026, 11, 27));
        QVERIFY(!log.overrideFor(QStringLiteral("731:H1"), 0));
        Q_UNUSED(stored);
    }

    void jsonRoundTrips()
    {
        StepOverride o = move();
        o.overrideId = QStringLiteral("id-1");
        o.deviceId = QStringLiteral("dev");
        o.createdAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::OffsetFromUTC, 8 * 3600);
        // Written as a pull writes another desktop's records (PageApplier), read back.
        Database db = freshStore();
        CadenceRepository repo(db);
        auto pull = [&](const QString &entity, const QString &id, const QJsonObject &payload) {
            return PageApplier::apply(db, std::vector<SyncRecord>{{entity, id, 1, false, payload}}, 1);
        };
        QCOMPARE(pull(QStringLiteral("step_override"), o.overrideId, CadenceRepository::toJson(o)).applied, 1);
        const StepOverride o2 = repo.overrides().front();
        QCOMPARE(o2.planKey, o.planKey);
        QCOMPARE(o2.stepIndex, 1);
        QCOMPARE(o2.createdAt, o.createdAt);
        QJsonObject bad = CadenceRepository::toJson(o);
        bad.remove(QStringLiteral("due_date"));
        QCOMPARE(pull(QStringLiteral("step_override"), QStringLiteral("id-2"), bad).quarantined, 1);

        MaturityOutcome m;
        m.outcomeId = QStringLiteral("m-1");
        m.holdingId = QStringLiteral("H1");
        m.customerNo = QStringLiteral("600000000002");
        m.kind = MaturityOutcome::Kind::Reinvested;
        m.keptFen = 123;
        m.markedAt = o.createdAt;
        m.staffId = QStringLiteral("RM02");
        m.deviceId = QStringLiteral("dev");
        QCOMPARE(pull(QStringLiteral("maturity_outcome"), m.outcomeId, CadenceRepository::toJson(m)).applied, 1);
        const MaturityOutcome m2 = repo.outcomes().front();
        QCOMPARE(m2.kind, MaturityOutcome::Kind::Reinvested);
        QCOMPARE(m2.keptFen, qint64(123));

        CadenceEnrolment e{QStringLiteral("731:H1"), QStringLiteral("600000000002"), QDate(2026, 11, 1), QStringLiteral("d")};
        QCOMPARE(pull(QStringLiteral("enrolment"), e.enrolmentKey, CadenceRepository::toJson(e)).applied, 1);
        const CadenceEnrolment e2 = repo.enrolments().front();
        QCOMPARE(e2.enteredOn, QDate(2026, 11, 1));
    }
};

QTEST_GUILESS_MAIN(TestCadenceRepository)
#include "tst_cadencerepository.moc"
