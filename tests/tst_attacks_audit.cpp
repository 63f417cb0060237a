// Issue 15, the attack suite's audit half: a desktop user with the passphrase tries to
// hide what they did from the audit trail. Against the real branchdesk-hq and PostgreSQL:
// (a) entries forged for another device are refused (tst_attacks_data), (b) an entry
// deleted before it was pushed, with the chain relinked, is found, (c) an entry HQ already
// acknowledged cannot be rewritten. Every attack prints "ATTACK <name>: refused".
#include "attacksupport.h"

#include "domain/demogenerator.h"
#include "protocol/auditkey.h"
#include "store/auditlog.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/outbox.h"
#include "store/syncengine.h"

#include "pgconnection.h"

#include <QJsonArray>
#include <QProcess>
#include <QtTest>

namespace {
const QString kPass = QStringLiteral("desk-pass");
const QString kPassword = QStringLiteral("staff-password-1");
const QString kBranch = QStringLiteral("DEMO008");

QJsonObject payloadOf(const AuditLog::Entry &e)
{
    QJsonObject p{{QStringLiteral("entry_id"), e.entryId},   {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("staff_id"), e.staffId},   {QStringLiteral("event"), e.event},
                  {QStringLiteral("subject"), e.subject},    {QStringLiteral("detail"), e.detail},
                  {QStringLiteral("device_id"), e.deviceId}, {QStringLiteral("prev_hash"), e.prevHash},
                  {QStringLiteral("hash"), e.hash}};
    if (!e.keyId.isEmpty()) {
        p.insert(QStringLiteral("key_id"), e.keyId);
        p.insert(QStringLiteral("n"), double(e.n));
        p.insert(QStringLiteral("mac"), e.mac);
    }
    return p;
}
} // namespace

class TestAttacksAudit : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    AttackTally m_tally;

    SyncEngine::Report sync(const QString &store)
    {
        Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
        SyncEngine::Settings s;
        s.hq = m_hq.url();
        s.staffId = QStringLiteral("RM01");
        s.password = kPassword;
        s.timeoutMs = 60000;
        return SyncEngine::run(db, s);
    }
    QString deviceOf(const QString &store)
    {
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        return ContactRepository::deviceId(db);
    }
    void append(const QString &store, const QString &event, const QString &detail)
    {
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        AuditLog(db).append(event, QStringLiteral("RM01"), QStringLiteral("C0001"), detail);
    }
    // The chain line `branchdesk-hq audit` prints for the device, and its exit code.
    QString chainLine(const QString &device, int *exitCode = nullptr)
    {
        QProcess p;
        p.setProcessEnvironment(m_hq.env());
        p.start(qEnvironmentVariable("BRANCHDESK_HQ"), {QStringLiteral("audit"), QStringLiteral("--branch"), kBranch});
        p.waitForFinished(60000);
        if (exitCode)
            *exitCode = p.exitCode();
        for (const QString &line : QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QStringLiteral("chain ") + device + QLatin1Char(' ')))
                return line;
        }
        return {};
    }
    QString events()
    {
        QString out;
        m_hq.hq({QStringLiteral("events"), QStringLiteral("--branch"), kBranch}, {}, &out);
        return out;
    }
    // What a local user with the passphrase can do: delete an entry and its outbox row.
    void deleteEntry(Database &db, const QString &entryId)
    {
        Statement a(db, QStringLiteral("DELETE FROM audit_log WHERE entry_id = ?"));
        a.bind(1, entryId).execute();
        Statement o(db, QStringLiteral("DELETE FROM outbox WHERE entity = 'audit' AND record_id = ?"));
        o.bind(1, entryId).execute();
    }
    // ... and rewrite one, relinked to `prev`, numbered `n`, MACed with the only key the
    // desktop still has (the next one, in the key file), queued again for HQ.
    void rewrite(Database &db, AuditLog::Entry e, const QString &prev, qint64 n, const QString &store)
    {
        e.prevHash = prev;
        e.hash = AuditLog::hashOf(e);
        const AuditKey::State key = AuditKey::load(store);
        e.n = n;
        e.mac = AuditKey::mac(key.key, e.keyId, e.n, e.hash);
        Statement u(db, QStringLiteral("UPDATE audit_log SET detail = ?, prev_hash = ?, hash = ?, n = ?, mac = ? WHERE entry_id = ?"));
        u.bind(1, e.detail).bind(2, e.prevHash).bind(3, e.hash).bind(4, e.n).bind(5, e.mac).bind(6, e.entryId).execute();
        Statement o(db, QStringLiteral("DELETE FROM outbox WHERE entity = 'audit' AND record_id = ?"));
        o.bind(1, e.entryId).execute();
        Outbox::enqueue(db, QStringLiteral("audit"), e.entryId, QStringLiteral("upsert"), payloadOf(e));
    }
    AuditLog::Entry entry(Database &db, const QString &event)
    {
        for (const AuditLog::Entry &e : AuditLog(db).entries())
            if (e.event == event)
                return e;
        return {};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        BranchData branch;
        QVERIFY(DemoGenerator::generate({200, 7, QDate(2026, 11, 23)}, &branch));
        QVERIFY2(m_hq.importBranch(branch, kBranch, QStringLiteral("extract.csv"), QStringLiteral("RM01"),
                                   QStringLiteral("客户经理"), kPassword),
                 qPrintable(m_hq.lastError()));
        QVERIFY(m_hq.startServer());
    }

    void cleanupTestCase() { m_hq.stop(); }

    void anHonestChainIsKeyedAndHolds()
    {
        const QString store = m_dir.filePath(QStringLiteral("honest.db"));
        QVERIFY(sync(store).ok); // signs in: HQ issues the key, sign_in is entry 1
        append(store, QStringLiteral("reveal"), QStringLiteral("field=phone; reason=client asked"));
        QVERIFY(sync(store).ok);
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            const auto entries = AuditLog(db).entries();
            QVERIFY(entries.size() >= 2);
            QCOMPARE(entries.back().n, entries[entries.size() - 2].n + 1);
            QVERIFY(!entries.back().mac.isEmpty());
            QVERIFY(AuditLog(db).verify().ok);
        }
        const AuditKey::State key = AuditKey::load(store);
        QVERIFY(key.valid());
        const QString line = chainLine(deviceOf(store));
        QVERIFY2(line.contains(QStringLiteral(" ok ")), qPrintable(line));
    }

    // (b) An export entry not yet pushed is deleted and the next entry relinked over it.
    void anUnsyncedEntryDeletedAndRelinkedIsFound()
    {
        const QString store = m_dir.filePath(QStringLiteral("relink.db"));
        QVERIFY(sync(store).ok);
        append(store, QStringLiteral("export"), QStringLiteral("list=threshold; names=full"));
        append(store, QStringLiteral("reveal"), QStringLiteral("field=phone; reason=client asked"));
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            const AuditLog::Entry exported = entry(db, QStringLiteral("export"));
            const AuditLog::Entry later = entry(db, QStringLiteral("reveal"));
            deleteEntry(db, exported.entryId);
            rewrite(db, later, exported.prevHash, exported.n, store);
            QVERIFY(AuditLog(db).verify().ok); // the local chain looks whole again
        }
        QVERIFY(sync(store).ok);
        int exitCode = 0;
        const QString line = chainLine(deviceOf(store), &exitCode);
        ATTACK(m_tally, "an unsynced audit entry is deleted and the chain relinked",
               !line.isEmpty() && !line.contains(QStringLiteral(" ok ")) && exitCode == 3
                   && events().contains(QStringLiteral("audit_broken\tRM01\t") + deviceOf(store)));
        qInfo("%s", qPrintable(line));
    }

    // (b') The last entry is deleted and nothing relinked: the next entry shows the gap.
    void aDeletedLastEntryShowsAsAGap()
    {
        const QString store = m_dir.filePath(QStringLiteral("tail.db"));
        QVERIFY(sync(store).ok);
        append(store, QStringLiteral("export"), QStringLiteral("list=maturity; names=full"));
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            deleteEntry(db, entry(db, QStringLiteral("export")).entryId);
        }
        append(store, QStringLiteral("unlock"), QString());
        QVERIFY(sync(store).ok);
        int exitCode = 0;
        const QString line = chainLine(deviceOf(store), &exitCode);
        ATTACK(m_tally, "the last unsynced audit entry is deleted",
               line.contains(QStringLiteral(" missing 1 entries before ")) && exitCode == 3
                   && events().contains(QStringLiteral("audit_gap\tRM01\t") + deviceOf(store)));
    }

    // (c) An entry HQ acknowledged is changed on the desktop and pushed again.
    void anAcknowledgedEntryCannotBeRewritten()
    {
        const QString store = m_dir.filePath(QStringLiteral("rewrite.db"));
        QVERIFY(sync(store).ok);
        append(store, QStringLiteral("reveal"), QStringLiteral("field=id_number; reason=personal curiosity"));
        QVERIFY(sync(store).ok);
        QString entryId;
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            AuditLog::Entry e = entry(db, QStringLiteral("reveal"));
            entryId = e.entryId;
            e.detail = QStringLiteral("field=id_number; reason=client asked");
            rewrite(db, e, e.prevHash, e.n, store);
        }
        const SyncEngine::Report r = sync(store);
        QVERIFY2(r.ok, qPrintable(r.error));
        PgConnection pg(m_hq.conninfo());
        PgResult stored = pg.exec("SELECT payload->>'detail' FROM record WHERE branch_id = $1 AND entity = 'audit'"
                                  " AND record_id = $2", {kBranch, entryId});
        QCOMPARE(stored.rows(), 1);
        ATTACK(m_tally, "an acknowledged audit entry is rewritten",
               stored.text(0, 0) == QStringLiteral("field=id_number; reason=personal curiosity")
                   && events().contains(QStringLiteral("audit_rewrite\tRM01\t") + deviceOf(store)));
        // HQ kept the original, so the device's chain there still holds.
        QVERIFY(chainLine(deviceOf(store)).contains(QStringLiteral(" ok ")));
    }

    // An entry under a key HQ never issued, or numbered far ahead to make HQ step for ever.
    void entriesUnderAnotherKeyAreRefused()
    {
        const QString store = m_dir.filePath(QStringLiteral("honest.db"));
        const QString device = deviceOf(store);
        const QString token = signIn(m_hq.url(), QStringLiteral("RM01"), kPassword, device);
        AuditLog::Entry e;
        e.entryId = QStringLiteral("made-up-1");
        e.at = QDateTime::currentDateTime();
        e.staffId = QStringLiteral("RM01");
        e.event = QStringLiteral("unlock");
        e.deviceId = device;
        e.prevHash = QStringLiteral("genesis");
        e.hash = AuditLog::hashOf(e);
        e.keyId = QStringLiteral("0123456789abcdef0123456789abcdef");
        e.n = 1;
        e.mac = AuditKey::mac(QByteArray(32, 'k'), e.keyId, e.n, e.hash);
        const HttpAnswer a = pushJson(m_hq.url(), kBranch, token, device, {rec(QStringLiteral("audit"), e.entryId, 990001, payloadOf(e))});
        QCOMPARE(a.status, 200);
        ATTACK(m_tally, "an audit entry under a key HQ did not issue is stored",
               a.json().value(QStringLiteral("refused")).toArray().size() == 1);
        qInfo("ATTACKS audit: %d tried, %d succeeded", m_tally.tried, m_tally.succeeded);
    }
};

QTEST_GUILESS_MAIN(TestAttacksAudit)
#include "tst_attacks_audit.moc"
