#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "hqfixture.h"
#include "pgconnection.h"
#include "store/metatable.h"
#include "store/contactrepository.h"
#include "store/noterepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/transaction.h"
#include "protocol/hqclient.h"
#include "store/outbox.h"
#include "store/syncengine.h"
#include "protocol/syncentities.h"
#include "session/syncservice.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>
#include <QStringEncoder>
#include <QJsonDocument>
#include <QtConcurrent>
#include <QtTest>

namespace {

// A text that is exactly an integer's canonical form compares as that number.
QJsonValue canonical(const QString &text)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    return ok && QString::number(n) == text ? QJsonValue(double(n)) : QJsonValue(text);
}

const QString kPass = QStringLiteral("desk-pass");
const QString kRmPassword = QStringLiteral("rm-password-1");

// One digest per entity over every live row, computed the same way from the
// desktop's tables and from HQ's records: sorted ids, canonical JSON, nulls dropped.
QJsonObject normalized(QJsonObject o)
{
    for (auto it = o.begin(); it != o.end();) {
        if (it.value().isNull() || (it.value().isString() && it.value().toString().isEmpty()))
            it = o.erase(it);
        else
            ++it;
    }
    return o;
}

QByteArray digestOf(QMap<QString, QJsonObject> rows)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    for (auto it = rows.constBegin(); it != rows.constEnd(); ++it) {
        h.addData(it.key().toUtf8());
        h.addData(QJsonDocument(normalized(it.value())).toJson(QJsonDocument::Compact));
    }
    return h.result().toHex();
}

QByteArray desktopDigest(Database &db, const QString &entityName, int *count = nullptr, QMap<QString, QJsonObject> *out = nullptr)
{
    const SyncEntities::Entity *e = SyncEntities::find(entityName);
    QMap<QString, QJsonObject> rows;
    Statement st(db, QStringLiteral("SELECT %1 FROM %2").arg(e->columns.join(QStringLiteral(", ")), e->table));
    const int keyColumn = int(e->columns.indexOf(e->key));
    while (st.step()) {
        QJsonObject o;
        const QString key = st.text(keyColumn);
        for (int i = 0; i < e->columns.size(); ++i) {
            if (st.isNull(i))
                continue;
            o.insert(e->columns.at(i), canonical(st.text(i)));
        }
        rows.insert(key, o);
    }
    if (count)
        *count = rows.size();
    if (out)
        *out = rows;
    return digestOf(rows);
}

QByteArray hqDigest(PgConnection &pg, const QString &branch, const QString &entityName, int *count = nullptr,
                    QMap<QString, QJsonObject> *out = nullptr)
{
    const SyncEntities::Entity *e = SyncEntities::find(entityName);
    QMap<QString, QJsonObject> rows;
    PgResult r = pg.exec("SELECT record_id, payload::text FROM record WHERE branch_id = $1 AND entity = $2 AND NOT deleted",
                         {branch, entityName});
    for (int i = 0; i < r.rows(); ++i) {
        QJsonObject in = QJsonDocument::fromJson(r.bytes(i, 1)).object();
        QJsonObject o;
        for (const QString &c : e->columns) {
            const QJsonValue v = in.value(c);
            if (v.isString()) {
                o.insert(c, canonical(v.toString()));
            } else if (v.isDouble()) {
                o.insert(c, canonical(QString::number(qint64(v.toDouble()))));
            } else if (v.isBool()) {
                o.insert(c, v.toBool() ? 1.0 : 0.0);
            } else if (!v.isUndefined()) {
                o.insert(c, v);
            }
        }
        rows.insert(r.text(i, 0), o);
    }
    if (count)
        *count = rows.size();
    if (out)
        *out = rows;
    return digestOf(rows);
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    int m_stores = 0;
    BranchData m_branch;

    QString newStore() { return m_dir.filePath(QStringLiteral("desk%1.db").arg(++m_stores)); }

    SyncEngine::Report sync(const QString &store, const QString &staff = QStringLiteral("MGR01"), int pageSize = 5000,
                            const QString &password = kRmPassword, const QString &branch = {})
    {
        Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
        SyncEngine::Settings s;
        s.hq = m_hq.url();
        s.staffId = staff;
        s.password = password;
        s.pageSize = pageSize;
        s.branch = branch;
        s.timeoutMs = 15000;
        return SyncEngine::run(db, s);
    }

    bool writeExtract(const BranchData &data, const QString &path)
    {
        QFile f(path);
        QString error;
        return f.open(QIODevice::WriteOnly) && ExtractCsv::write(data, &f, &error);
    }

    void compareWithHq(const QString &store, const QString &branch, const QStringList &entities)
    {
        PgConnection pg(m_hq.conninfo());
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        for (const QString &e : entities) {
            int here = 0, there = 0;
            QMap<QString, QJsonObject> mine, theirs;
            const QByteArray a = desktopDigest(db, e, &here, &mine);
            const QByteArray b = hqDigest(pg, branch, e, &there, &theirs);
            QVERIFY2(here == there, qPrintable(QStringLiteral("%1: desktop %2 rows, HQ %3").arg(e).arg(here).arg(there)));
            if (a != b) {
                for (auto it = mine.constBegin(); it != mine.constEnd(); ++it) {
                    if (normalized(it.value()) != normalized(theirs.value(it.key()))) {
                        qWarning("%s %s: desktop %s / HQ %s", qPrintable(e), qPrintable(it.key()),
                                 QJsonDocument(normalized(it.value())).toJson(QJsonDocument::Compact).constData(),
                                 QJsonDocument(normalized(theirs.value(it.key()))).toJson(QJsonDocument::Compact).constData());
                        break;
                    }
                }
            }
            QVERIFY2(a == b, qPrintable(QStringLiteral("%1 differs between desktop and HQ").arg(e)));
        }
    }

    static Contact contact(const QString &customerNo, const QString &note)
    {
        Contact c;
        c.customerNo = customerNo;
        c.staffId = QStringLiteral("MGR01");
        c.channel = Contact::Channel::Phone;
        c.outcome = Contact::Outcome::Reached;
        c.contactedAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::OffsetFromUTC, 8 * 3600);
        c.note = note;
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({20000, 7, QDate(2026, 11, 23)}, &m_branch));
        const QString csv = m_hq.path(QStringLiteral("extract.csv"));
        QVERIFY(writeExtract(m_branch, csv));
        QString out;
        QVERIFY2(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"), csv}, {}, &out),
                 qPrintable(m_hq.lastError()));
        QVERIFY(out.contains(QStringLiteral("changed %1").arg(9 + 20000 + m_branch.holdings.size())));
        for (const char *rm : {"RM01", "RM02"}) {
            QVERIFY2(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                              QStringLiteral("--id"), QString::fromLatin1(rm), QStringLiteral("--name"), QStringLiteral("客户经理"),
                              QStringLiteral("--role"), QStringLiteral("rm")},
                             kRmPassword.toUtf8() + '\n'),
                     qPrintable(m_hq.lastError()));
        }
        // Issue 15: RMs pull only their own customers; the whole-branch comparisons below run
        // as the branch manager (the RM's view is tests/tst_attacks_data).
        QVERIFY2(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                          QStringLiteral("--id"), QStringLiteral("MGR01"), QStringLiteral("--name"), QStringLiteral("行长"),
                          QStringLiteral("--role"), QStringLiteral("manager")},
                         kRmPassword.toUtf8() + '\n'),
                 qPrintable(m_hq.lastError()));
        QVERIFY(m_hq.startServer());
    }

    void cleanupTestCase() { m_hq.stop(); }

    void firstSyncBringsTheWholeBranch()
    {
        const QString store = newStore();
        const SyncEngine::Report r = sync(store);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.pulled, int(9 + 20000 + m_branch.holdings.size())); // each record once, at its latest version
        compareWithHq(store, QStringLiteral("DEMO007"), {QStringLiteral("staff"), QStringLiteral("customer"), QStringLiteral("holding")});
        // A second sync with nothing new moves nothing
        const SyncEngine::Report again = sync(store);
        QVERIFY(again.ok);
        QCOMPARE(again.pulled, 0);
        QCOMPARE(again.cursor, r.cursor);
    }

    void reimportShipsOnlyWhatChanged()
    {
        const QString store = newStore();
        QVERIFY(sync(store).ok);
        // Given HQ re-imports the extract with 100 customers' balances changed
        BranchData changed = m_branch;
        for (int i = 0; i < 100; ++i)
            changed.customers[size_t(i) * 150].aumFen += 12345;
        const QString csv = m_hq.path(QStringLiteral("extract-100.csv"));
        QVERIFY(writeExtract(changed, csv));
        QString out;
        QVERIFY(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"), csv}, {}, &out));
        // 100 customers, plus the roster entries add-staff renamed since the first import (RM01, RM02, MGR01)
        const int changedRows = out.section(QStringLiteral("changed "), 1).section(QLatin1Char(' '), 0, 0).toInt();
        QVERIFY2(changedRows >= 100 && changedRows <= 103, qPrintable(out));
        // Then the desktop's next sync moves exactly those rows, not 79,000
        const SyncEngine::Report r = sync(store);
        QVERIFY(r.ok);
        QCOMPARE(r.pulled, changedRows);
        compareWithHq(store, QStringLiteral("DEMO007"), {QStringLiteral("customer")});
        // Put the original back for the other tests
        QVERIFY(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                         m_hq.path(QStringLiteral("extract.csv"))}));
    }

    void aCustomerMissingFromTheExtractIsRemoved()
    {
        const QString store = newStore();
        QVERIFY(sync(store).ok);
        BranchData fewer = m_branch;
        const QString gone = fewer.customers.back().customerNo;
        fewer.customers.pop_back();
        int holdingsGone = 0;
        std::vector<Holding> kept;
        for (const Holding &h : fewer.holdings) {
            if (h.customerNo == gone)
                ++holdingsGone;
            else
                kept.push_back(h);
        }
        fewer.holdings = kept;
        const QString csv = m_hq.path(QStringLiteral("extract-fewer.csv"));
        QVERIFY(writeExtract(fewer, csv));
        QString out;
        QVERIFY(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"), csv}, {}, &out));
        QVERIFY2(out.contains(QStringLiteral("removed %1 ").arg(1 + holdingsGone)), qPrintable(out));
        const SyncEngine::Report r = sync(store);
        QVERIFY(r.ok);
        QCOMPARE(r.deleted, 1 + holdingsGone);
        compareWithHq(store, QStringLiteral("DEMO007"), {QStringLiteral("customer"), QStringLiteral("holding")});
        QVERIFY(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                         m_hq.path(QStringLiteral("extract.csv"))}));
    }

    void aBadRowImportsNothing()
    {
        const QString csv = m_hq.path(QStringLiteral("bad.csv"));
        QFile good(m_hq.path(QStringLiteral("extract.csv")));
        QVERIFY(good.open(QIODevice::ReadOnly));
        QList<QByteArray> lines = good.readAll().split('\n');
        // line 50 (1-based) gets a broken date in birth_date
        QList<QByteArray> fields = lines[49].split(',');
        fields[8] = "1980-13-45";
        lines[49] = fields.join(',');
        QFile bad(csv);
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write(lines.join('\n'));
        bad.close();
        PgConnection pg(m_hq.conninfo());
        const qint64 before = pg.exec("SELECT last_seq FROM branch WHERE branch_id = 'DEMO007'").int64(0, 0);
        QVERIFY(!m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"), csv}));
        QVERIFY2(m_hq.lastError().contains(QStringLiteral("line 50, column birth_date")), qPrintable(m_hq.lastError()));
        QCOMPARE(pg.exec("SELECT last_seq FROM branch WHERE branch_id = 'DEMO007'").int64(0, 0), before);
    }

    void contactsLoggedOfflineArriveAndReachTheOtherDesktop()
    {
        const QString a = newStore();
        const QString b = newStore();
        QVERIFY(sync(a).ok);
        QVERIFY(sync(b, QStringLiteral("MGR01")).ok);
        // Given HQ is down while desktop A logs contacts
        m_hq.stopServer();
        {
            Database db = Database::open(a, kPass, Database::OpenMode::ExistingOnly);
            ContactRepository repo(db);
            for (int i = 0; i < 5; ++i)
                repo.log(contact(m_branch.customers[size_t(i)].customerNo, QStringLiteral("离线记录 %1").arg(i)));
        }
        const SyncEngine::Report offline = sync(a);
        QVERIFY(!offline.ok);
        QCOMPARE(offline.status, HqClient::Status::Offline);
        QCOMPARE(offline.pending, 5);
        // When HQ is back
        QVERIFY(m_hq.startServer());
        const SyncEngine::Report online = sync(a);
        QVERIFY2(online.ok, qPrintable(online.error));
        QCOMPARE(online.pushed, 5);
        QCOMPARE(online.pending, 0);
        // Then desktop B sees them, once
        QVERIFY(sync(b, QStringLiteral("MGR01")).ok);
        Database db = Database::open(b, kPass, Database::OpenMode::ExistingOnly);
        const auto contacts = ContactRepository(db).all();
        int fromA = 0;
        for (const Contact &c : contacts)
            fromA += c.note.startsWith(QStringLiteral("离线记录")) ? 1 : 0;
        QCOMPARE(fromA, 5);
        // And B's contact reaches A
        ContactRepository(db).log(contact(m_branch.customers[7].customerNo, QStringLiteral("来自B")));
        QVERIFY(sync(b, QStringLiteral("MGR01")).ok);
        QVERIFY(sync(a).ok);
        compareWithHq(a, QStringLiteral("DEMO007"), {QStringLiteral("contact")});
        compareWithHq(b, QStringLiteral("DEMO007"), {QStringLiteral("contact")});
    }

    void cadenceAndEventRecordsReachTheOtherDesktop()
    {
        const QString a = newStore();
        const QString b = newStore();
        QVERIFY(sync(a).ok);
        QVERIFY(sync(b, QStringLiteral("MGR01")).ok);
        const QString customerNo = m_branch.customers[40].customerNo;
        {
            Database db = Database::open(a, kPass, Database::OpenMode::ExistingOnly);
            Transaction tx(db);
            const QJsonObject prospect{{QStringLiteral("prospect_id"), QStringLiteral("p-1")}, {QStringLiteral("name"), QStringLiteral("社区访客")},
                                       {QStringLiteral("phone"), QStringLiteral("13912345678")}, {QStringLiteral("interest"), QStringLiteral("养老")},
                                       {QStringLiteral("owner_id"), QStringLiteral("MGR01")}, {QStringLiteral("consent"), true},
                                       {QStringLiteral("device_id"), QStringLiteral("dev-a")},
                                       {QStringLiteral("created_at"), QStringLiteral("2026-11-23T10:00:00")}};
            db.exec(QStringLiteral("INSERT INTO prospect (prospect_id, name, phone, interest, owner_id, consent, device_id, created_at)"
                                   " VALUES ('p-1', '社区访客', '13912345678', '养老', 'RM01', 1, 'dev-a', '2026-11-23T10:00:00')"));
            Outbox::enqueue(db, QStringLiteral("prospect"), QStringLiteral("p-1"), QStringLiteral("upsert"), prospect);
            const QJsonObject enrolment{{QStringLiteral("enrolment_key"), QStringLiteral("4+1:") + customerNo},
                                        {QStringLiteral("customer_no"), customerNo}, {QStringLiteral("entered_on"), QStringLiteral("2026-11-20")},
                                        {QStringLiteral("device_id"), QStringLiteral("dev-a")}};
            Outbox::enqueue(db, QStringLiteral("enrolment"), QStringLiteral("4+1:") + customerNo, QStringLiteral("upsert"), enrolment,
                            customerNo);
            tx.commit();
        }
        QVERIFY(sync(a).ok);
        QVERIFY(sync(b, QStringLiteral("MGR01")).ok);
        compareWithHq(b, QStringLiteral("DEMO007"), {QStringLiteral("prospect"), QStringLiteral("enrolment")});
        Database db = Database::open(b, kPass, Database::OpenMode::ExistingOnly);
        Statement st(db, QStringLiteral("SELECT (SELECT count(*) FROM prospect WHERE prospect_id = 'p-1'),"
                                        " (SELECT entered_on FROM cadence_enrolment WHERE customer_no = ?)"));
        st.bind(1, customerNo);
        QVERIFY(st.step());
        QCOMPARE(st.integer(0), 1);
        QCOMPARE(st.text(1), QStringLiteral("2026-11-20"));
    }

    void theSamePushTwiceStoresOneCopy()
    {
        const QString store = newStore();
        QVERIFY(sync(store).ok);
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        ContactRepository(db).log(contact(m_branch.customers[3].customerNo, QStringLiteral("重复推送")));
        const auto pending = Outbox::peek(db, 10);
        QCOMPARE(int(pending.size()), 1);
        HqClient client(m_hq.url());
        HqClient::Login login;
        QCOMPARE(client.login({}, QStringLiteral("MGR01"), kRmPassword, ContactRepository::deviceId(db), &login), HqClient::Status::Ok);
        WireFormat::PushBatch batch;
        batch.schemaVersion = SchemaMigrations::latestVersion();
        batch.deviceId = ContactRepository::deviceId(db);
        batch.records.push_back({pending[0].entity, pending[0].recordId, pending[0].seq, false, pending[0].payload});
        WireFormat::PushResult first, second;
        QCOMPARE(client.push(QStringLiteral("DEMO007"), batch, &first), HqClient::Status::Ok);
        QCOMPARE(client.push(QStringLiteral("DEMO007"), batch, &second), HqClient::Status::Ok);
        QCOMPARE(first.accepted, 1);
        QCOMPARE(second.accepted, 0);
        QCOMPARE(second.duplicates, 1);
        QCOMPARE(second.ackedThrough, pending[0].seq);
        // A laptop that was offline through an upgrade pushes with the previous schema: accepted.
        // A schema newer than HQ knows is refused with a plain message.
        batch.schemaVersion = SchemaMigrations::latestVersion() - 1;
        QCOMPARE(client.push(QStringLiteral("DEMO007"), batch, &second), HqClient::Status::Ok);
        batch.schemaVersion = SchemaMigrations::latestVersion() + 1;
        QCOMPARE(client.push(QStringLiteral("DEMO007"), batch, &second), HqClient::Status::BadResponse);
        QCOMPARE(client.lastHttpStatus(), 400);
        QVERIFY(client.lastError().contains(QStringLiteral("schema")));
        PgConnection pg(m_hq.conninfo());
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE entity = 'contact' AND record_id = $1", {pending[0].recordId}).int64(0, 0), 1);
    }

    void aTokenOfOneBranchIsForbiddenOnAnother()
    {
        QVERIFY(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), QStringLiteral("OTHER01"), QStringLiteral("--id"),
                         QStringLiteral("RM91"), QStringLiteral("--name"), QStringLiteral("他行经理"), QStringLiteral("--role"),
                         QStringLiteral("rm"), QStringLiteral("--new-branch")},
                        QByteArray("other-password\n")));
        HqClient client(m_hq.url());
        HqClient::Login login;
        QCOMPARE(client.login({}, QStringLiteral("RM91"), QStringLiteral("other-password"), QStringLiteral("dev-x"), &login),
                 HqClient::Status::Ok);
        QCOMPARE(login.branch, QStringLiteral("OTHER01"));
        WireFormat::Page page;
        QCOMPARE(client.pull(QStringLiteral("DEMO007"), 0, 10, &page), HqClient::Status::Forbidden);
        QCOMPARE(client.lastHttpStatus(), 403);
        QCOMPARE(client.pull(QStringLiteral("OTHER01"), 0, 10, &page), HqClient::Status::Ok);
        // A wrong password is a 401 with a plain message; after five, sign-ins are slowed down
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(client.login({}, QStringLiteral("RM91"), QStringLiteral("guess"), QStringLiteral("dev-x"), &login),
                     HqClient::Status::Unauthorized);
            QCOMPARE(client.lastHttpStatus(), 401);
            QVERIFY(client.lastError().contains(QStringLiteral("password")));
        }
        QCOMPARE(client.login({}, QStringLiteral("RM91"), QStringLiteral("other-password"), QStringLiteral("dev-x"), &login),
                 HqClient::Status::Unauthorized);
        QCOMPARE(client.lastHttpStatus(), 429);
        QVERIFY(client.lastError().contains(QStringLiteral("try again")));
    }

    void aDamagedPageIsRejectedAndFetchedAgain()
    {
        QVERIFY(m_hq.startServer({QStringLiteral("--test-corrupt-every-nth-page"), QStringLiteral("3")}));
        const QString store = newStore();
        const SyncEngine::Report r = sync(store, QStringLiteral("MGR01"), 4000);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.checksumRetries >= 3);
        compareWithHq(store, QStringLiteral("DEMO007"), {QStringLiteral("customer"), QStringLiteral("holding")});
        QVERIFY(m_hq.startServer());
    }

    void anExpiredTokenIsRenewedAndAnEndedCredentialLeadsToANewLogin()
    {
        const QString store = newStore();
        QVERIFY(sync(store).ok);
        QVERIFY(m_hq.startServer({QStringLiteral("--token-ttl"), QStringLiteral("2")}));
        {
            // Sign out, so the next sync gets a token from the short-lived server
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            db.exec(QStringLiteral("DELETE FROM meta WHERE key = 'sync.token'"));
        }
        QVERIFY(sync(store).ok);
        QTest::qWait(2500);
        // Issue 19: the device credential renews the expired token; no password needed
        const SyncEngine::Report renewed = sync(store, QStringLiteral("MGR01"), 5000, QString());
        QVERIFY2(renewed.ok, qPrintable(renewed.error));
        // A new password at HQ ends the credential: without the password the desktop must ask
        QVERIFY(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), QStringLiteral("DEMO007"), QStringLiteral("--id"),
                         QStringLiteral("MGR01"), QStringLiteral("--name"), QStringLiteral("行长"), QStringLiteral("--role"),
                         QStringLiteral("manager")},
                        kRmPassword.toUtf8() + '\n'));
        const SyncEngine::Report noPassword = sync(store, QStringLiteral("MGR01"), 5000, QString());
        QVERIFY(!noPassword.ok);
        QCOMPARE(noPassword.status, HqClient::Status::Unauthorized);
        // The round that found out says so, and the ended credential is no longer kept
        QVERIFY(noPassword.signInEnded);
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            QVERIFY(MetaTable::value(db, QStringLiteral("sync.device_credential")).isEmpty());
        }
        // A later round without the password still needs it, but is not news: asked once only
        const SyncEngine::Report again = sync(store, QStringLiteral("MGR01"), 5000, QString());
        QCOMPARE(again.status, HqClient::Status::Unauthorized);
        QVERIFY(!again.signInEnded);
        // With it, the engine signs in again by itself
        const SyncEngine::Report r = sync(store);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(m_hq.startServer());
    }

    void hqKilledMidPullResumesWithoutGapsOrDuplicates()
    {
        const QString store = newStore();
        // Start a slow first sync (small pages) and kill HQ while it runs
        QFuture<SyncEngine::Report> running = QtConcurrent::run([&] { return sync(store, QStringLiteral("MGR01"), 300); });
        QElapsedTimer t;
        t.start();
        qint64 cursor = 0;
        while (t.elapsed() < 30000 && cursor < 5000) {
            QTest::qWait(50);
            try {
                Database peek = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
                cursor = MetaTable::value(peek, QStringLiteral("sync.cursor")).toLongLong();
            } catch (...) {
            }
        }
        QVERIFY(cursor > 0);
        m_hq.killServer();
        const SyncEngine::Report cut = running.result();
        QVERIFY(!cut.ok);
        QVERIFY(cut.cursor < 79000);
        QVERIFY(m_hq.startServer());
        const SyncEngine::Report resumed = sync(store);
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        compareWithHq(store, QStringLiteral("DEMO007"), {QStringLiteral("staff"), QStringLiteral("customer"), QStringLiteral("holding")});
    }

    void aNoteEditedOnTwoDesktopsKeepsTheLastWriteAndTheLoserInHistory()
    {
        const QString a = newStore();
        const QString b = newStore();
        QVERIFY(sync(a).ok);
        QVERIFY(sync(b, QStringLiteral("MGR01")).ok);
        const QString customerNo = m_branch.customers[30].customerNo;
        QString noteId;
        {
            Database db = Database::open(a, kPass, Database::OpenMode::ExistingOnly);
            noteId = NoteRepository(db).save({{}, customerNo, QStringLiteral("初稿：关注养老理财"), QStringLiteral("MGR01"), {}}).noteId;
        }
        QVERIFY(sync(a).ok);
        QVERIFY(sync(b, QStringLiteral("MGR01")).ok);
        // Both edit the same note offline; A reaches HQ first, B last
        {
            Database db = Database::open(a, kPass, Database::OpenMode::ExistingOnly);
            NoteRepository(db).save({noteId, customerNo, QStringLiteral("A：客户下周来网点"), QStringLiteral("MGR01"), {}});
        }
        {
            Database db = Database::open(b, kPass, Database::OpenMode::ExistingOnly);
            NoteRepository(db).save({noteId, customerNo, QStringLiteral("B：客户想买国债"), QStringLiteral("MGR01"), {}});
        }
        QVERIFY(sync(a).ok);
        QVERIFY(sync(b, QStringLiteral("MGR01")).ok);
        QVERIFY(sync(a).ok);
        // Then both desktops hold B's text, and A can still read what it wrote
        for (const QString &store : {a, b}) {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            const auto notes = NoteRepository(db).forCustomer(customerNo);
            QCOMPARE(int(notes.size()), 1);
            QCOMPARE(notes.front().body, QStringLiteral("B：客户想买国债"));
        }
        Database db = Database::open(a, kPass, Database::OpenMode::ExistingOnly);
        bool kept = false;
        for (const auto &old : NoteRepository(db).history(noteId))
            kept = kept || old.body == QStringLiteral("A：客户下周来网点");
        QVERIFY(kept);
        Statement log(db, QStringLiteral("SELECT theirs, yours, rule FROM sync_log WHERE kind = 'overwrite' AND record_id = ?"));
        log.bind(1, noteId);
        QVERIFY(log.step());
        QCOMPARE(log.text(0), QStringLiteral("B：客户想买国债"));
        QCOMPARE(log.text(1), QStringLiteral("A：客户下周来网点"));
        QVERIFY(!log.text(2).isEmpty());
        compareWithHq(a, QStringLiteral("DEMO007"), {QStringLiteral("note")});
    }

    void aDesktopOlderThanTheKeptTombstonesResyncsFully()
    {
        const QString store = newStore();
        QVERIFY(sync(store).ok);
        // HQ removes a customer and then prunes the tombstone before this desktop syncs again
        BranchData fewer = m_branch;
        fewer.customers.erase(fewer.customers.begin() + 5);
        const QString gone = m_branch.customers[5].customerNo;
        std::vector<Holding> kept;
        for (const Holding &h : fewer.holdings)
            if (h.customerNo != gone)
                kept.push_back(h);
        fewer.holdings = kept;
        const QString csv = m_hq.path(QStringLiteral("extract-prune.csv"));
        QVERIFY(writeExtract(fewer, csv));
        QVERIFY(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"), csv}));
        QString out;
        QVERIFY(m_hq.hq({QStringLiteral("prune-tombstones"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                         QStringLiteral("--older-than"), QStringLiteral("0")}, {}, &out));
        QVERIFY2(!out.contains(QStringLiteral("pruned 0")), qPrintable(out));
        const SyncEngine::Report r = sync(store);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.fullResync);
        compareWithHq(store, QStringLiteral("DEMO007"), {QStringLiteral("staff"), QStringLiteral("customer"), QStringLiteral("holding")});
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        Statement st(db, QStringLiteral("SELECT count(*) FROM customer WHERE customer_no = ?"));
        st.bind(1, gone);
        QVERIFY(st.step());
        QCOMPARE(st.integer(0), 0);
        QVERIFY(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                         m_hq.path(QStringLiteral("extract.csv"))}));
    }

    void importsWhileThreeDesktopsPushAndPullConverge()
    {
        QStringList stores;
        for (int i = 0; i < 3; ++i) {
            stores << newStore();
            QVERIFY(sync(stores.last(), i == 1 ? QStringLiteral("MGR01") : QStringLiteral("MGR01")).ok);
        }
        // HQ re-imports changed extracts while every desktop logs contacts and syncs, concurrently
        BranchData changed = m_branch;
        QFuture<bool> importer = QtConcurrent::run([&] {
            bool ok = true;
            for (int round = 0; round < 3; ++round) {
                for (int i = 0; i < 300; ++i)
                    changed.customers[size_t(i * 60 + round)].aumFen += 100 * (round + 1);
                const QString csv = m_hq.path(QStringLiteral("extract-c%1.csv").arg(round));
                QFile f(csv);
                QString error;
                ok = ok && f.open(QIODevice::WriteOnly) && ExtractCsv::write(changed, &f, &error);
                f.close();
                QProcess p;
                p.setProcessEnvironment(m_hq.env());
                p.start(qEnvironmentVariable("BRANCHDESK_HQ"), {QStringLiteral("import"), QStringLiteral("--branch"),
                                                               QStringLiteral("DEMO007"), csv});
                ok = ok && p.waitForFinished(120000) && p.exitCode() == 0;
            }
            return ok;
        });
        QList<QFuture<bool>> desks;
        for (int d = 0; d < 3; ++d) {
            desks << QtConcurrent::run([&, d] {
                bool ok = true;
                for (int round = 0; round < 4; ++round) {
                    {
                        Database db = Database::open(stores[d], kPass, Database::OpenMode::ExistingOnly);
                        ContactRepository repo(db);
                        for (int k = 0; k < 5; ++k)
                            repo.log(contact(m_branch.customers[size_t(100 + d * 20 + k)].customerNo,
                                             QStringLiteral("并发 %1-%2-%3").arg(d).arg(round).arg(k)));
                    }
                    ok = sync(stores[d], d == 1 ? QStringLiteral("MGR01") : QStringLiteral("MGR01"), 2000).ok && ok;
                }
                return ok;
            });
        }
        QVERIFY(importer.result());
        for (auto &f : desks)
            QVERIFY(f.result());
        // A final round each, then every desktop equals HQ
        for (int d = 0; d < 3; ++d)
            QVERIFY(sync(stores[d], d == 1 ? QStringLiteral("MGR01") : QStringLiteral("MGR01")).ok);
        for (const QString &store : stores)
            compareWithHq(store, QStringLiteral("DEMO007"),
                          {QStringLiteral("staff"), QStringLiteral("customer"), QStringLiteral("holding"), QStringLiteral("contact")});
        QVERIFY(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                         m_hq.path(QStringLiteral("extract.csv"))}));
    }

    void tlsWorksWithThePinnedCertificateAndRefusesOthers()
    {
        const QString cert = m_hq.path(QStringLiteral("hq-cert.pem"));
        const QString key = m_hq.path(QStringLiteral("hq-key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                                  QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                                                  QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                                                  QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                                  QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        QVERIFY(m_hq.startServer({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));
        const QString store = newStore();
        Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
        SyncEngine::Settings s;
        s.hq = m_hq.url(true);
        s.staffId = QStringLiteral("MGR01");
        s.password = kRmPassword;
        s.timeoutMs = 15000;
        // A self-signed certificate nobody pinned: refused before anything is sent
        SyncEngine::Report refused = SyncEngine::run(db, s);
        QVERIFY(!refused.ok);
        QVERIFY2(refused.error.contains(QStringLiteral("certificate"), Qt::CaseInsensitive) ||
                     refused.error.contains(QStringLiteral("SSL"), Qt::CaseInsensitive),
                 qPrintable(refused.error));
        QVERIFY(MetaTable::value(db, QStringLiteral("sync.token")).isEmpty());
        // Pinned: it syncs
        s.caCertificates = QSslCertificate::fromPath(cert);
        const SyncEngine::Report r = SyncEngine::run(db, s);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.pulled > 20000);
        QVERIFY(m_hq.startServer());
    }

    void aDisabledStaffMemberAndALostDeviceAreRefused()
    {
        // A lost laptop: HQ marks its device, and at its next contact the store is erased
        const QString store = newStore();
        QVERIFY(sync(store).ok);
        QString device;
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            device = ContactRepository::deviceId(db);
        }
        QString listing;
        QVERIFY(m_hq.hq({QStringLiteral("devices"), QStringLiteral("--branch"), QStringLiteral("DEMO007")}, {}, &listing));
        QVERIFY(listing.contains(device));
        QVERIFY(m_hq.hq({QStringLiteral("mark-device-lost"), QStringLiteral("--branch"), QStringLiteral("DEMO007"),
                         QStringLiteral("--device"), device, QStringLiteral("--reason"), QStringLiteral("reported stolen")}));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), kPass);
        env.insert(QStringLiteral("BRANCHDESK_HQ_PASSWORD"), kRmPassword);
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("BRANCHDESK_CLI"), {QStringLiteral("sync"), QStringLiteral("--store"), store,
                                                           QStringLiteral("--hq"), m_hq.url().toString(), QStringLiteral("--user"),
                                                           QStringLiteral("MGR01")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY2(QString::fromUtf8(cli.readAllStandardError()).contains(QStringLiteral("erased")), "the user is told why");
        QVERIFY(!QFile::exists(store));
        QVERIFY(!QFile::exists(store + QStringLiteral("-wal")));

        // A disabled staff member can no longer sign in, and their sessions end
        QVERIFY(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), QStringLiteral("DEMO007"), QStringLiteral("--id"),
                         QStringLiteral("RM77"), QStringLiteral("--name"), QStringLiteral("离职经理"), QStringLiteral("--role"),
                         QStringLiteral("rm")},
                        QByteArray("leaver-password\n")));
        HqClient client(m_hq.url());
        HqClient::Login login;
        QCOMPARE(client.login({}, QStringLiteral("RM77"), QStringLiteral("leaver-password"), QStringLiteral("dev-77"), &login),
                 HqClient::Status::Ok);
        QVERIFY(m_hq.hq({QStringLiteral("disable-staff"), QStringLiteral("--branch"), QStringLiteral("DEMO007"), QStringLiteral("--id"),
                         QStringLiteral("RM77")}));
        WireFormat::Page page;
        QCOMPARE(client.pull(QStringLiteral("DEMO007"), 0, 10, &page), HqClient::Status::Unauthorized);
        QCOMPARE(client.login({}, QStringLiteral("RM77"), QStringLiteral("leaver-password"), QStringLiteral("dev-77"), &login),
                 HqClient::Status::Forbidden);
    }

    void noPersonalDataInLogs()
    {
        // Everything HQ printed during all the tests above, in UTF-8 and GBK
        const QByteArray log = m_hq.serverOutput();
        QStringEncoder gbk("GB18030");
        for (const Customer &c : m_branch.customers) {
            QVERIFY2(!log.contains(c.name.toUtf8()), "a customer name in HQ's output");
            QVERIFY2(!log.contains(c.phone.toUtf8()), "a phone number in HQ's output");
            QVERIFY2(!log.contains(c.idNumber.toUtf8()), "an ID number in HQ's output");
            if (c.name.size() >= 3)
                QVERIFY2(!log.contains(QByteArray(gbk.encode(c.name))), "a GBK customer name in HQ's output");
        }
    }

    void theServiceSyncsOnItsOwnThreadAndReportsStatus()
    {
        const QString store = newStore();
        QVERIFY(sync(store).ok);
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            ContactRepository(db).log(contact(m_branch.customers[20].customerNo, QStringLiteral("后台同步")));
        }
        SyncService service(store, kPass);
        QSignalSpy status(&service, &SyncService::statusChanged);
        QSignalSpy finished(&service, &SyncService::finished);
        service.start();
        QTRY_VERIFY(service.isConfigured());
        QCOMPARE(service.status().pending, 1);
        service.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        QCOMPARE(finished.first().at(0).toBool(), true);
        QCOMPARE(service.status().state, SyncService::State::Idle);
        QCOMPARE(service.status().pending, 0);
        QVERIFY(service.status().lastSuccess.isValid());
        // HQ gone: the service says offline and keeps the app usable
        m_hq.stopServer();
        service.syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 20000);
        QCOMPARE(service.status().state, SyncService::State::Offline);
        QVERIFY(m_hq.startServer());
    }

    void aStoreRestoredFromAnOldCopyIsDetected()
    {
        const QString store = newStore();
        QVERIFY(sync(store).ok);
        const QString backup = store + QStringLiteral(".bak");
        QVERIFY(QFile::copy(store, backup));
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            ContactRepository(db).log(contact(m_branch.customers[11].customerNo, QStringLiteral("备份之后")));
        }
        QVERIFY(sync(store).ok);
        // The laptop is restored from the backup, then logs something else
        QFile::remove(store);
        QVERIFY(QFile::copy(backup, store));
        QString restoredContact;
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            restoredContact = ContactRepository(db).log(contact(m_branch.customers[12].customerNo, QStringLiteral("恢复之后"))).contactId;
        }
        const SyncEngine::Report r = sync(store);
        QVERIFY2(r.ok, qPrintable(r.error));
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        Statement log(db, QStringLiteral("SELECT count(*) FROM sync_log WHERE kind = 'device_reset'"));
        QVERIFY(log.step());
        QCOMPARE(log.integer(0), 1);
        PgConnection pg(m_hq.conninfo());
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE entity = 'contact' AND record_id = $1", {restoredContact}).int64(0, 0), 1);
        // Both contacts are on the desktop again: nothing was lost
        int found = 0;
        for (const Contact &c : ContactRepository(db).all())
            found += (c.note == QStringLiteral("备份之后") || c.note == QStringLiteral("恢复之后")) ? 1 : 0;
        QCOMPARE(found, 2);
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
