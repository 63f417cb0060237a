// Issue 19: what a push does with the branch's change sequence (docs/sync-protocol.md, "The
// change sequence"), against the real branchdesk-hq and PostgreSQL. Pushes from several
// devices of one branch at once get distinct, gap-free numbers, in each device's order, with
// their scope; a push with nothing new moves nothing and does not wait for the branch's lock
// (an import holding it for seconds used to hold up every desktop's round); a record written
// twice in one batch is stored once, at its last version.
#include "hqfixture.h"
#include "pgconnection.h"

#include "domain/contact.h"
#include "domain/demogenerator.h"
#include "store/contactrepository.h"
#include "store/schemamigrations.h"
#include "protocol/hqclient.h"
#include "protocol/wireformat.h"

#include <QSet>
#include <QUuid>
#include <QtConcurrent>
#include <QtTest>

namespace {
const QString kBranch = QStringLiteral("DEMO007");
const QString kPassword = QStringLiteral("staff-password-1");

struct Device
{
    QString id;
    QString token;
    qint64 seq = 0; // the device's push sequence
};
} // namespace

class TestHqSyncPush : public QObject
{
    Q_OBJECT

    HqFixture m_hq;
    BranchData m_branch;
    QStringList m_own; // RM01's customers

    Device signIn(const QString &deviceId)
    {
        Device d{deviceId, {}, 0};
        HqClient client(m_hq.url());
        HqClient::Login login;
        if (client.login(kBranch, QStringLiteral("RM01"), kPassword, deviceId, &login) == HqClient::Status::Ok)
            d.token = login.token;
        return d;
    }
    SyncRecord contact(Device &d, int i, const QString &id = {})
    {
        Contact c;
        c.contactId = id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : id;
        c.customerNo = m_own.at(i % m_own.size());
        c.staffId = QStringLiteral("RM01");
        c.contactedAt = QDateTime(QDate(2026, 12, 1), QTime(9, 0)).addSecs(i);
        c.createdAt = c.contactedAt;
        c.note = QStringLiteral("push %1").arg(i);
        c.deviceId = d.id;
        return {QStringLiteral("contact"), c.contactId, ++d.seq, false, ContactRepository::toJson(c)};
    }
    SyncRecord note(Device &d, const QString &id, const QString &body)
    {
        const QJsonObject p{{QStringLiteral("note_id"), id}, {QStringLiteral("customer_no"), m_own.first()},
                            {QStringLiteral("body"), body}, {QStringLiteral("author_id"), QStringLiteral("RM01")},
                            {QStringLiteral("updated_at"), QStringLiteral("2026-12-01T09:00:00")},
                            {QStringLiteral("device_id"), d.id}};
        return {QStringLiteral("note"), id, ++d.seq, false, p};
    }
    HqClient::Status push(const Device &d, const std::vector<SyncRecord> &records, WireFormat::PushResult *out,
                          QString *error = nullptr)
    {
        HqClient client(m_hq.url());
        client.setTimeoutMs(30000);
        client.setToken(d.token);
        WireFormat::PushBatch batch;
        batch.schemaVersion = SchemaMigrations::latestVersion();
        batch.deviceId = d.id;
        batch.records = records;
        const HqClient::Status st = client.push(kBranch, batch, out);
        if (error)
            *error = client.lastError();
        return st;
    }
    qint64 lastSeq(PgConnection &pg)
    {
        return pg.exec("SELECT last_seq FROM branch WHERE branch_id = $1", {kBranch}).int64(0, 0);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({300, 7, QDate(2026, 11, 23)}, &m_branch));
        QVERIFY2(m_hq.importBranch(m_branch, kBranch, QStringLiteral("extract.csv"), QStringLiteral("RM01"),
                                   QStringLiteral("客户经理"), kPassword),
                 qPrintable(m_hq.lastError()));
        for (const Customer &c : m_branch.customers)
            if (c.rmId == QLatin1String("RM01"))
                m_own << c.customerNo;
        QVERIFY(m_own.size() > 10);
        QVERIFY2(m_hq.startServer(), qPrintable(m_hq.lastError()));
    }

    void cleanupTestCase() { m_hq.stop(); }

    // Given six desktops of one branch, when each pushes ten batches of three contacts while
    // the others do the same, then the 180 contacts have the 180 numbers after the counter,
    // each once, in the order each desktop pushed them, and each is scoped to its RM.
    void concurrentPushesGetDistinctGapFreeOrderedNumbers()
    {
        PgConnection pg(m_hq.conninfo());
        const qint64 before = lastSeq(pg);
        std::vector<Device> devices;
        for (int i = 0; i < 6; ++i) {
            devices.push_back(signIn(QStringLiteral("seq-dev-%1").arg(i)));
            QVERIFY(!devices.back().token.isEmpty());
        }
        QList<QFuture<QString>> running;
        for (Device &d : devices) {
            running << QtConcurrent::run([this, &d] {
                for (int b = 0; b < 10; ++b) {
                    std::vector<SyncRecord> records;
                    for (int i = 0; i < 3; ++i)
                        records.push_back(contact(d, b * 3 + i));
                    WireFormat::PushResult r;
                    QString error;
                    if (push(d, records, &r, &error) != HqClient::Status::Ok)
                        return QStringLiteral("push failed: ") + error;
                    if (r.accepted != 3 || r.duplicates != 0 || r.ackedThrough != d.seq)
                        return QStringLiteral("push answered accepted %1, duplicates %2").arg(r.accepted).arg(r.duplicates);
                }
                return QString();
            });
        }
        for (QFuture<QString> &f : running) {
            f.waitForFinished();
            QVERIFY2(f.result().isEmpty(), qPrintable(f.result()));
        }
        const PgResult seqs = pg.exec("SELECT seq FROM record WHERE branch_id = $1 AND seq > $2 ORDER BY seq",
                                      {kBranch, QString::number(before)});
        QCOMPARE(seqs.rows(), 180);
        for (int i = 0; i < seqs.rows(); ++i)
            QCOMPARE(seqs.int64(i, 0), before + 1 + i); // distinct and gap-free
        const PgResult b = pg.exec("SELECT last_seq, scoped_through FROM branch WHERE branch_id = $1", {kBranch});
        QCOMPARE(b.int64(0, 0), before + 180);
        QCOMPARE(b.int64(0, 1), before + 180);
        // Each device's records in its own push order.
        const PgResult order = pg.exec("SELECT count(*) FROM (SELECT p.device_id, r.seq,"
                                       "  lag(r.seq) OVER (PARTITION BY p.device_id ORDER BY p.device_seq) AS prev"
                                       "  FROM device_push p JOIN record r ON r.branch_id = p.branch_id"
                                       "   AND r.entity = p.entity AND r.record_id = p.record_id"
                                       "  WHERE p.branch_id = $1 AND p.device_id LIKE 'seq-dev-%') x WHERE prev >= seq",
                                       {kBranch});
        QCOMPARE(order.int64(0, 0), 0);
        const PgResult scopes = pg.exec("SELECT count(*) FILTER (WHERE scope = 'RM01'), count(*) FROM record"
                                        " WHERE branch_id = $1 AND seq > $2",
                                        {kBranch, QString::number(before)});
        QCOMPARE(scopes.int64(0, 0), scopes.int64(0, 1));
        // The other desktop pulls every one of them.
        HqClient client(m_hq.url());
        client.setToken(devices.front().token);
        QSet<QString> pulled;
        qint64 cursor = before;
        for (bool more = true; more;) {
            WireFormat::Page page;
            std::vector<SyncRecord> records;
            QString err;
            QCOMPARE(client.pull(kBranch, cursor, 50, &page), HqClient::Status::Ok);
            QVERIFY(WireFormat::verify(page) && WireFormat::decodeRecords(page.records, &records, &err));
            for (const SyncRecord &r : records)
                pulled.insert(r.id);
            cursor = page.next;
            more = page.hasMore;
        }
        QCOMPARE(pulled.size(), 180);
    }

    // Given a desktop's push is stored, when an import holds the branch's lock and the desktop
    // sends the same push again (its answer was lost) and a contact it already sent under a
    // new number, then both are answered as duplicates without waiting, and nothing moves.
    void aPushWithNothingNewNeitherWaitsForTheLockNorMovesTheSequence()
    {
        PgConnection pg(m_hq.conninfo());
        Device d = signIn(QStringLiteral("seq-again"));
        QVERIFY(!d.token.isEmpty());
        const std::vector<SyncRecord> first{contact(d, 1), contact(d, 2), note(d, QUuid::createUuid().toString(QUuid::WithoutBraces), QStringLiteral("first words"))};
        WireFormat::PushResult r;
        QCOMPARE(push(d, first, &r), HqClient::Status::Ok);
        QCOMPARE(r.accepted, 3);
        const qint64 last = lastSeq(pg);

        PgConnection importer(m_hq.conninfo());
        PgTransaction holding(importer);
        importer.exec("SELECT last_seq FROM branch WHERE branch_id = $1 FOR UPDATE", {kBranch});
        WireFormat::PushResult again;
        QString error;
        QCOMPARE(push(d, first, &again, &error), HqClient::Status::Ok);
        QCOMPARE(again.accepted, 0);
        QCOMPARE(again.duplicates, 3);
        QCOMPARE(again.ackedThrough, d.seq);
        SyncRecord resent = first.front();
        resent.seq = ++d.seq; // the same contact under a new number: append-only, so a duplicate
        WireFormat::PushResult renumbered;
        QCOMPARE(push(d, {resent}, &renumbered, &error), HqClient::Status::Ok);
        QCOMPARE(renumbered.accepted, 0);
        QCOMPARE(renumbered.duplicates, 1);
        QCOMPARE(renumbered.ackedThrough, d.seq);
        // A pull does not wait either.
        HqClient client(m_hq.url());
        client.setTimeoutMs(30000);
        client.setToken(d.token);
        WireFormat::Page page;
        QCOMPARE(client.pull(kBranch, last, 50, &page), HqClient::Status::Ok);
        QVERIFY(!page.hasMore);
        holding.commit();
        QCOMPARE(lastSeq(pg), last);

        // The next new record takes the next number.
        QCOMPARE(push(d, {contact(d, 3)}, &r), HqClient::Status::Ok);
        QCOMPARE(r.accepted, 1);
        QCOMPARE(lastSeq(pg), last + 1);
    }

    // Given a batch that edits a note twice around a contact, then the note is stored once,
    // with the second text, after the contact, and the counter moves by two.
    void aRecordWrittenTwiceInOneBatchIsStoredOnceAtItsLastVersion()
    {
        PgConnection pg(m_hq.conninfo());
        Device d = signIn(QStringLiteral("seq-twice"));
        QVERIFY(!d.token.isEmpty());
        const qint64 before = lastSeq(pg);
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const SyncRecord c = contact(d, 4);
        const std::vector<SyncRecord> batch{note(d, id, QStringLiteral("draft")), c, note(d, id, QStringLiteral("final"))};
        WireFormat::PushResult r;
        QCOMPARE(push(d, batch, &r), HqClient::Status::Ok);
        QCOMPARE(r.accepted, 3);
        QCOMPARE(r.ackedThrough, d.seq);
        QCOMPARE(lastSeq(pg), before + 2);
        const PgResult n = pg.exec("SELECT seq, payload->>'body' FROM record WHERE branch_id = $1 AND entity = 'note'"
                                   " AND record_id = $2",
                                   {kBranch, id});
        QCOMPARE(n.text(0, 1), QStringLiteral("final"));
        QCOMPARE(n.int64(0, 0), before + 2);
        const PgResult k = pg.exec("SELECT seq FROM record WHERE branch_id = $1 AND entity = 'contact' AND record_id = $2",
                                   {kBranch, c.id});
        QCOMPARE(k.int64(0, 0), before + 1);
    }
};

QTEST_MAIN(TestHqSyncPush)
#include "tst_hqsyncpush.moc"
