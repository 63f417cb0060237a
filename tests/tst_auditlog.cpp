#include "store/analysisjobs.h"
#include "store/auditlog.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/outbox.h"

#include <QTemporaryDir>
#include <QtTest>

class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    Database store()
    {
        Database db = Database::open(m_dir.filePath(QStringLiteral("a%1.db").arg(++m_n)), QStringLiteral("pass-word"),
                                     Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        return db;
    }
    static void fill(AuditLog &log)
    {
        log.append(QStringLiteral("sign_in"), QStringLiteral("RM01"), QStringLiteral("DEMO007"));
        log.append(QStringLiteral("reveal"), QStringLiteral("RM01"), QStringLiteral("600100000003"), QStringLiteral("客户来电核实身份"));
        log.append(QStringLiteral("export"), QStringLiteral("MGR01"), QStringLiteral("threshold list"), QStringLiteral("124 rows"));
        log.append(QStringLiteral("policy_change"), QStringLiteral("MGR01"), QStringLiteral("value weights"));
    }

private slots:
    void entriesChainAndGoToHq()
    {
        Database db = store();
        AuditLog log(db);
        try {
            fill(log);
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        const auto entries = log.entries();
        QCOMPARE(int(entries.size()), 4);
        QCOMPARE(entries[0].prevHash, QStringLiteral("genesis"));
        for (size_t i = 1; i < entries.size(); ++i)
            QCOMPARE(entries[i].prevHash, entries[i - 1].hash);
        const AuditLog::Verification v = log.verify();
        QVERIFY(v.ok);
        QCOMPARE(v.entries, 4);
        int audits = 0;
        for (const Outbox::Entry &e : Outbox::peek(db, 100))
            audits += e.entity == QLatin1String("audit") ? 1 : 0;
        QCOMPARE(audits, 4);
    }

    void policyChangesAreAudited()
    {
        // Issue 8: saving or resetting the value policy appends a policy_change entry.
        const QString file = m_dir.filePath(QStringLiteral("policy.db"));
        Database::open(file, QStringLiteral("pass-word"), Database::OpenMode::CreateIfMissing).close();
        const StoreAccess access{file, QStringLiteral("pass-word"), nullptr};
        ValuePolicy policy = ValuePolicy::defaultPolicy();
        AnalysisJobs::saveValuePolicy(access, policy);
        AnalysisJobs::resetValuePolicy(access);
        Database db = Database::open(file, QStringLiteral("pass-word"), Database::OpenMode::ExistingOnly);
        const auto entries = AuditLog(db).entries();
        QCOMPARE(int(entries.size()), 2);
        QCOMPARE(entries[0].event, QStringLiteral("policy_change"));
        QCOMPARE(entries[0].subject, QStringLiteral("value_policy"));
        QVERIFY(entries[0].detail.startsWith(QStringLiteral("saved sha256:")));
        QCOMPARE(entries[1].detail, QStringLiteral("reset to the default"));
        QCOMPARE(entries[1].staffId, QStringLiteral("local"));
        QVERIFY(AuditLog(db).verify().ok);
    }

    void anEditedEntryIsFound_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<qint64>("brokenAt");
        QTest::newRow("detail edited") << QStringLiteral("UPDATE audit_log SET detail = '随便看看' WHERE seq = 2") << qint64(2);
        QTest::newRow("staff edited") << QStringLiteral("UPDATE audit_log SET staff_id = 'RM02' WHERE seq = 3") << qint64(3);
        QTest::newRow("entry deleted") << QStringLiteral("DELETE FROM audit_log WHERE seq = 2") << qint64(3);
        QTest::newRow("hash recomputed for one entry only")
            << QStringLiteral("UPDATE audit_log SET hash = 'x' WHERE seq = 1") << qint64(1);
    }
    void anEditedEntryIsFound()
    {
        QFETCH(QString, sql);
        QFETCH(qint64, brokenAt);
        Database db = store();
        AuditLog log(db);
        fill(log);
        db.exec(sql);
        const AuditLog::Verification v = log.verify();
        QVERIFY(!v.ok);
        QCOMPARE(v.brokenAt, brokenAt);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
