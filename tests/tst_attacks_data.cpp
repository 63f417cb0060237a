// Issue 15, the attack suite's data half: against the real branchdesk-hq and PostgreSQL,
// an RM's desktop (and hand-made requests with its token) tries to read what it need not
// know, to write as someone else, to forge the audit trail and to poison the branch with
// malformed records; a lost laptop must erase itself. Every attack must be refused.
#include "attacksupport.h"

#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "pgconnection.h"
#include "store/metatable.h"
#include "store/assignmentrepository.h"
#include "store/auditlog.h"
#include "store/schemamigrations.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/noterepository.h"
#include "store/statement.h"
#include "store/pageapplier.h"
#include "store/syncengine.h"

#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QtTest>

namespace {
const QString kPass = QStringLiteral("desk-pass");
const QString kPassword = QStringLiteral("staff-password-1");
const QString kBranch = QStringLiteral("DEMO007");

int count(Database &db, const QString &sql, const QString &arg = {})
{
    Statement st(db, sql);
    if (!arg.isNull())
        st.bind(1, arg);
    return st.step() ? int(st.integer(0)) : -1;
}
} // namespace

class TestAttacksData : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    BranchData m_branch;
    AttackTally m_tally;
    QString m_rm01, m_rm02, m_mgr;

    SyncEngine::Report sync(const QString &store, const QString &staff)
    {
        Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
        SyncEngine::Settings s;
        s.hq = m_hq.url();
        s.staffId = staff;
        s.password = kPassword;
        s.timeoutMs = 60000;
        return SyncEngine::run(db, s);
    }
    QString deviceOf(const QString &store)
    {
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        return ContactRepository::deviceId(db);
    }
    QString customerOf(const QString &rm, int skip = 0)
    {
        for (const Customer &c : m_branch.customers) {
            if (c.rmId == rm && skip-- == 0)
                return c.customerNo;
        }
        return {};
    }
    QString hqPayload(const QString &entity, const QString &id, const QString &field)
    {
        PgConnection pg(m_hq.conninfo());
        PgResult r = pg.exec("SELECT CASE WHEN deleted THEN '<deleted>' ELSE payload->>$3 END FROM record"
                             " WHERE branch_id = $4 AND entity = $1 AND record_id = $2",
                             {entity, id, field, kBranch});
        return r.rows() == 1 ? r.text(0, 0) : QStringLiteral("<absent>");
    }
    QString events()
    {
        QString out;
        m_hq.hq({QStringLiteral("events"), QStringLiteral("--branch"), kBranch}, {}, &out);
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({20000, 7, QDate(2026, 11, 23)}, &m_branch));
        QVERIFY2(m_hq.importBranch(m_branch, kBranch, QStringLiteral("extract.csv"), QStringLiteral("RM01"),
                                   QStringLiteral("客户经理"), kPassword),
                 qPrintable(m_hq.lastError()));
        for (const auto &[id, role] : {std::pair{"RM02", "rm"}, std::pair{"MGR01", "manager"}})
            QVERIFY2(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), kBranch, QStringLiteral("--id"),
                              QString::fromLatin1(id), QStringLiteral("--name"), QStringLiteral("员工"), QStringLiteral("--role"),
                              QString::fromLatin1(role)},
                             kPassword.toUtf8() + '\n'),
                     qPrintable(m_hq.lastError()));
        QVERIFY(m_hq.startServer());
        m_rm01 = m_dir.filePath(QStringLiteral("rm01.db"));
        m_rm02 = m_dir.filePath(QStringLiteral("rm02.db"));
        m_mgr = m_dir.filePath(QStringLiteral("mgr.db"));
        const SyncEngine::Report m = sync(m_mgr, QStringLiteral("MGR01"));
        QVERIFY2(m.ok, qPrintable(m.error));
    }

    void cleanupTestCase() { m_hq.stop(); }

    // Acceptance: an RM's first sync of a 20,000-customer branch stores only their customers.
    void anRmPullsOnlyTheirOwnCustomers()
    {
        QSet<QString> own;
        for (const Customer &c : m_branch.customers)
            if (c.rmId == QLatin1String("RM01"))
                own.insert(c.customerNo);
        QElapsedTimer t;
        t.start();
        const SyncEngine::Report r = sync(m_rm01, QStringLiteral("RM01"));
        QVERIFY2(r.ok, qPrintable(r.error));
        qInfo("RM01 first sync: %d records in %lld ms; RM01 has %lld of %zu customers", r.pulled, t.elapsed(),
              qint64(own.size()), m_branch.customers.size());
        Database db = Database::open(m_rm01, kPass, Database::OpenMode::ExistingOnly);
        const int stored = count(db, QStringLiteral("SELECT count(*) FROM customer"));
        const int others = count(db, QStringLiteral("SELECT count(*) FROM customer WHERE coalesce(rm_id, '') <> 'RM01'"));
        const int foreignHoldings =
            count(db, QStringLiteral("SELECT count(*) FROM holding WHERE customer_no NOT IN (SELECT customer_no FROM customer)"));
        QCOMPARE(stored, int(own.size()));
        ATTACK(m_tally, "an RM pulls the whole branch", stored == int(own.size()) && others == 0 && foreignHoldings == 0
                                                         && own.size() < m_branch.customers.size() / 2);
        QCOMPARE(sync(m_rm02, QStringLiteral("RM02")).ok, true);
    }

    void handMadePullsShowNoAuditNoOtherDevicesNoOtherBranch()
    {
        const QString token = signIn(m_hq.url(), QStringLiteral("RM01"), kPassword, deviceOf(m_rm01));
        QVERIFY(!token.isEmpty());
        const HttpAnswer a = http(m_hq.url(), "GET", QStringLiteral("/v1/branches/%1/changes?after=0&limit=20000").arg(kBranch), {}, token);
        QCOMPARE(a.status, 200);
        int audit = 0, otherRm = 0, foreignDevice = 0;
        const QString mine = deviceOf(m_rm01);
        for (const QJsonValue v : a.json().value(QStringLiteral("records")).toArray()) {
            const QJsonObject o = v.toObject();
            const QJsonObject d = o.value(QStringLiteral("data")).toObject();
            audit += o.value(QStringLiteral("entity")).toString() == QLatin1String("audit");
            otherRm += o.value(QStringLiteral("entity")).toString() == QLatin1String("customer")
                       && d.value(QStringLiteral("rm_id")).toString() != QLatin1String("RM01");
            const QString dev = d.value(QStringLiteral("device_id")).toString();
            foreignDevice += !dev.isEmpty() && dev != mine;
        }
        ATTACK(m_tally, "an RM reads other devices' audit entries", audit == 0);
        ATTACK(m_tally, "an RM reads other RMs' customers by hand", otherRm == 0);
        ATTACK(m_tally, "an RM learns other desktops' device ids", foreignDevice == 0);
        const HttpAnswer other = http(m_hq.url(), "GET", QStringLiteral("/v1/branches/OTHER01/changes?after=0"), {}, token);
        ATTACK(m_tally, "a token of one branch reads another", other.status == 403);
        const HttpAnswer forged = http(m_hq.url(), "GET", QStringLiteral("/v1/branches/%1/changes?after=0").arg(kBranch), {},
                                       token.left(token.size() - 2) + QStringLiteral("AA"));
        ATTACK(m_tally, "a tampered token is accepted", forged.status == 401);
        ATTACK(m_tally, "a bulk pull goes unrecorded", events().contains(QStringLiteral("bulk_pull\tRM01")));
    }

    // Acceptance: after a reassignment and one sync each, the customer is on the new RM's
    // desktop and gone from the old one's.
    void aReassignedCustomerMovesBetweenDesktops()
    {
        QString moved;
        int holdings = 0;
        for (int i = 0; moved.isEmpty() && i < 500; ++i) {
            const QString c = customerOf(QStringLiteral("RM01"), i);
            holdings = int(std::count_if(m_branch.holdings.begin(), m_branch.holdings.end(),
                                         [&](const Holding &h) { return h.customerNo == c; }));
            if (holdings > 0)
                moved = c;
        }
        QVERIFY(!moved.isEmpty());
        {
            Database db = Database::open(m_mgr, kPass, Database::OpenMode::ExistingOnly);
            QCOMPARE(AssignmentRepository(db).assign({moved}, QStringLiteral("RM02"), QStringLiteral("MGR01")), 1);
        }
        QVERIFY(sync(m_mgr, QStringLiteral("MGR01")).ok);
        QVERIFY(sync(m_rm01, QStringLiteral("RM01")).ok);
        QVERIFY(sync(m_rm02, QStringLiteral("RM02")).ok);
        Database old = Database::open(m_rm01, kPass, Database::OpenMode::ExistingOnly);
        Database now = Database::open(m_rm02, kPass, Database::OpenMode::ExistingOnly);
        const QString byCustomer = QStringLiteral("SELECT count(*) FROM customer WHERE customer_no = ?");
        const QString byHolding = QStringLiteral("SELECT count(*) FROM holding WHERE customer_no = ?");
        QCOMPARE(count(now, byCustomer, moved), 1);
        QCOMPARE(count(now, byHolding, moved), holdings);
        ATTACK(m_tally, "a customer taken from an RM stays on their desktop",
               count(old, byCustomer, moved) == 0 && count(old, byHolding, moved) == 0);
    }

    void identitiesComeFromTheSession()
    {
        const QString rmDevice = deviceOf(m_rm01);
        const QString mgrDevice = deviceOf(m_mgr);
        const QString token = signIn(m_hq.url(), QStringLiteral("RM01"), kPassword, rmDevice);
        const QString customer = customerOf(QStringLiteral("RM01"), 3);
        // The manager writes a note about one of RM01's customers
        QString noteId;
        {
            Database db = Database::open(m_mgr, kPass, Database::OpenMode::ExistingOnly);
            noteId = NoteRepository(db).save({{}, customer, QStringLiteral("行长批注"), QStringLiteral("MGR01"), {}}).noteId;
        }
        QVERIFY(sync(m_mgr, QStringLiteral("MGR01")).ok);
        const QJsonObject note{{QStringLiteral("note_id"), noteId}, {QStringLiteral("customer_no"), customer},
                               {QStringLiteral("body"), QStringLiteral("被改写")}, {QStringLiteral("author_id"), QStringLiteral("MGR01")},
                               {QStringLiteral("updated_at"), QStringLiteral("2026-11-23T10:00:00+08:00")},
                               {QStringLiteral("device_id"), mgrDevice}};
        HttpAnswer a = pushJson(m_hq.url(), kBranch, token, rmDevice, {rec(QStringLiteral("note"), noteId, 900001, note)});
        QCOMPARE(a.status, 200);
        ATTACK(m_tally, "an RM replaces a manager's note", hqPayload(QStringLiteral("note"), noteId, QStringLiteral("body")) == QStringLiteral("行长批注"));
        a = pushJson(m_hq.url(), kBranch, token, rmDevice, {rec(QStringLiteral("note"), noteId, 900002, {}, true)});
        ATTACK(m_tally, "an RM deletes a manager's note", hqPayload(QStringLiteral("note"), noteId, QStringLiteral("body")) == QStringLiteral("行长批注"));
        // A contact claiming to be RM02's, closing RM02's steps
        const QJsonObject contact{{QStringLiteral("contact_id"), QStringLiteral("forged-contact-1")},
                                  {QStringLiteral("customer_no"), customer}, {QStringLiteral("staff_id"), QStringLiteral("RM02")},
                                  {QStringLiteral("channel"), QStringLiteral("phone")}, {QStringLiteral("outcome"), QStringLiteral("reached")},
                                  {QStringLiteral("contacted_at"), QStringLiteral("2026-11-23T09:00:00+08:00")},
                                  {QStringLiteral("device_id"), mgrDevice}, {QStringLiteral("created_at"), QStringLiteral("2026-11-23T09:00:00+08:00")}};
        a = pushJson(m_hq.url(), kBranch, token, rmDevice, {rec(QStringLiteral("contact"), QStringLiteral("forged-contact-1"), 900003, contact)});
        QCOMPARE(a.status, 200);
        ATTACK(m_tally, "an RM logs contacts as another RM",
               hqPayload(QStringLiteral("contact"), QStringLiteral("forged-contact-1"), QStringLiteral("staff_id")) == QStringLiteral("RM01")
                   && hqPayload(QStringLiteral("contact"), QStringLiteral("forged-contact-1"), QStringLiteral("device_id")) == rmDevice);
        a = pushJson(m_hq.url(), kBranch, token, mgrDevice, {rec(QStringLiteral("contact"), QStringLiteral("forged-contact-2"), 900004, contact)});
        ATTACK(m_tally, "an RM pushes under another device's id", a.status == 422 && hqPayload(QStringLiteral("contact"), QStringLiteral("forged-contact-2"), QStringLiteral("staff_id")) == QStringLiteral("<absent>"));
        HttpAnswer login;
        signIn(m_hq.url(), QStringLiteral("RM01"), kPassword, mgrDevice, &login);
        ATTACK(m_tally, "an RM signs in with the manager's device id", login.status == 403 && login.error() == QLatin1String("device_taken"));
        // An audit entry on the manager's device ("reveal ... personal curiosity")
        const QJsonObject entry{{QStringLiteral("entry_id"), QStringLiteral("forged-audit-1")}, {QStringLiteral("at"), QStringLiteral("2026-11-23T10:00:00.000+08:00")},
                                {QStringLiteral("staff_id"), QStringLiteral("MGR01")}, {QStringLiteral("event"), QStringLiteral("reveal")},
                                {QStringLiteral("subject"), customer}, {QStringLiteral("detail"), QStringLiteral("reason=personal curiosity")},
                                {QStringLiteral("device_id"), mgrDevice}, {QStringLiteral("prev_hash"), QStringLiteral("genesis")},
                                {QStringLiteral("hash"), QStringLiteral("00")}};
        a = pushJson(m_hq.url(), kBranch, token, rmDevice, {rec(QStringLiteral("audit"), QStringLiteral("forged-audit-1"), 900005, entry)});
        ATTACK(m_tally, "an RM pushes audit entries for the manager's device",
               hqPayload(QStringLiteral("audit"), QStringLiteral("forged-audit-1"), QStringLiteral("event")) == QStringLiteral("<absent>"));
        a = pushJson(m_hq.url(), kBranch, token, rmDevice,
                     {rec(QStringLiteral("customer"), customer, 900006, {{QStringLiteral("customer_no"), customer}, {QStringLiteral("name"), QStringLiteral("x")}})});
        ATTACK(m_tally, "a desktop writes HQ's customer master data", a.status == 422);
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), kPass);
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("BRANCHDESK_CLI"),
                  {QStringLiteral("log-contact"), QStringLiteral("--store"), m_rm01, QStringLiteral("--customer"), customer,
                   QStringLiteral("--channel"), QStringLiteral("phone"), QStringLiteral("--outcome"), QStringLiteral("reached"),
                   QStringLiteral("--staff"), QStringLiteral("RM02")});
        QVERIFY(cli.waitForFinished(60000));
        ATTACK(m_tally, "log-contact --staff writes as another RM", cli.exitCode() == 2);
    }

    void malformedRecordsAreRefusedAndStopNobody()
    {
        const QString rmDevice = deviceOf(m_rm01);
        const QString token = signIn(m_hq.url(), QStringLiteral("RM01"), kPassword, rmDevice);
        const QString customer = customerOf(QStringLiteral("RM01"), 4);
        const QJsonObject badNote{{QStringLiteral("note_id"), QStringLiteral("bad-note-1")}, {QStringLiteral("customer_no"), customer},
                                  {QStringLiteral("body"), QStringLiteral("x")}, {QStringLiteral("author_id"), QStringLiteral("RM01")},
                                  {QStringLiteral("updated_at"), 1.5}, {QStringLiteral("device_id"), rmDevice}};
        const QJsonObject thinContact{{QStringLiteral("contact_id"), QStringLiteral("bad-contact-1")}, {QStringLiteral("customer_no"), customer}};
        const HttpAnswer a = pushJson(m_hq.url(), kBranch, token, rmDevice,
                                      {rec(QStringLiteral("note"), QStringLiteral("bad-note-1"), 910001, badNote),
                                       rec(QStringLiteral("contact"), QStringLiteral("bad-contact-1"), 910002, thinContact),
                                       rec(QStringLiteral("bogus"), QStringLiteral("b-1"), 910003, {{QStringLiteral("x"), 1}})});
        QCOMPARE(a.status, 200);
        QCOMPARE(a.json().value(QStringLiteral("refused")).toArray().size(), 3);
        ATTACK(m_tally, "a note with updated_at 1.5 is stored", hqPayload(QStringLiteral("note"), QStringLiteral("bad-note-1"), QStringLiteral("body")) == QStringLiteral("<absent>"));
        ATTACK(m_tally, "a contact without its NOT NULL fields is stored", hqPayload(QStringLiteral("contact"), QStringLiteral("bad-contact-1"), QStringLiteral("customer_no")) == QStringLiteral("<absent>"));
        ATTACK(m_tally, "an unknown entity is stored", hqPayload(QStringLiteral("bogus"), QStringLiteral("b-1"), QStringLiteral("x")) == QStringLiteral("<absent>"));
        // A new desktop of the branch still syncs all the way
        const SyncEngine::Report fresh = sync(m_dir.filePath(QStringLiteral("mgr-new.db")), QStringLiteral("MGR01"));
        ATTACK(m_tally, "one bad record stops a new desktop's sync", fresh.ok && fresh.quarantined == 0);
    }

    void aDesktopSetsAsideARecordItCannotApply()
    {
        const QString store = m_dir.filePath(QStringLiteral("quarantine.db"));
        Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        auto contact = [](const QString &id, bool complete) {
            QJsonObject p{{QStringLiteral("contact_id"), id}, {QStringLiteral("customer_no"), QStringLiteral("C1")},
                          {QStringLiteral("channel"), QStringLiteral("phone")}, {QStringLiteral("outcome"), QStringLiteral("reached")},
                          {QStringLiteral("contacted_at"), QStringLiteral("2026-11-23T09:00:00+08:00")},
                          {QStringLiteral("device_id"), QStringLiteral("d")}, {QStringLiteral("created_at"), QStringLiteral("2026-11-23T09:00:00+08:00")}};
            if (complete)
                p.insert(QStringLiteral("staff_id"), QStringLiteral("RM01"));
            return SyncRecord{QStringLiteral("contact"), id, 1, false, p};
        };
        SyncRecord note{QStringLiteral("note"), QStringLiteral("n\x1b[2J"), 2, false,
                        {{QStringLiteral("customer_no"), QStringLiteral("C1")}, {QStringLiteral("body"), QStringLiteral("b")},
                         {QStringLiteral("author_id"), QStringLiteral("RM01")}, {QStringLiteral("updated_at"), 1.5},
                         {QStringLiteral("device_id"), QStringLiteral("d")}}};
        const PageApplier::Result r = PageApplier::apply(db, {contact(QStringLiteral("bad"), false), note, contact(QStringLiteral("good"), true)}, 77);
        QCOMPARE(r.applied, 1);
        QCOMPARE(r.quarantined, 2);
        QCOMPARE(MetaTable::value(db, QStringLiteral("sync.cursor")), QStringLiteral("77"));
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM sync_log WHERE kind = 'quarantine'")), 2);
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM sync_log WHERE message LIKE '%' || char(27) || '%'"
                                          " OR record_id LIKE '%' || char(27) || '%'")), 0);
        ATTACK(m_tally, "one bad pulled record stops the page", r.applied == 1 && r.quarantined == 2);
    }

    void theAuditViewEscapesControlCharacters()
    {
        // RM01's own desktop writes an entry whose detail carries a terminal escape and a newline
        {
            Database db = Database::open(m_rm01, kPass, Database::OpenMode::ExistingOnly);
            AuditLog(db).append(QStringLiteral("reveal"), QStringLiteral("RM01"), customerOf(QStringLiteral("RM01")),
                                QStringLiteral("reason=x\n2026-01-01\tfake\tline\x1b[2J"));
        }
        QVERIFY(sync(m_rm01, QStringLiteral("RM01")).ok);
        QString out;
        m_hq.hq({QStringLiteral("audit"), QStringLiteral("--branch"), kBranch}, {}, &out);
        ATTACK(m_tally, "a typed detail forges lines or escapes in branchdesk-hq audit",
               !out.contains(QChar(0x1b)) && out.contains(QStringLiteral("\\x1b[2J")) && !out.contains(QStringLiteral("\n2026-01-01\tfake")));
    }

    // Acceptance: a device marked lost erases its store at its next contact with its saved
    // token; the files are gone and HQ's record says so.
    void aLostDeviceErasesItselfWithItsSavedToken()
    {
        const QString device = deviceOf(m_rm02);
        QVERIFY(m_hq.hq({QStringLiteral("mark-device-lost"), QStringLiteral("--branch"), kBranch, QStringLiteral("--device"), device}));
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), kPass);
        env.remove(QStringLiteral("BRANCHDESK_HQ_PASSWORD")); // only the saved token
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("BRANCHDESK_CLI"), {QStringLiteral("sync"), QStringLiteral("--store"), m_rm02, QStringLiteral("--hq"),
                                                           m_hq.url().toString(), QStringLiteral("--user"), QStringLiteral("RM02")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 1);
        const bool gone = !QFile::exists(m_rm02) && !QFile::exists(m_rm02 + QStringLiteral("-wal"))
                          && !QFile::exists(m_rm02 + QStringLiteral(".key"));
        const QString log = events();
        ATTACK(m_tally, "a lost laptop keeps its store", gone && log.contains(QStringLiteral("device_erased\tRM02\t") + device));
        HttpAnswer login;
        signIn(m_hq.url(), QStringLiteral("RM02"), kPassword, device, &login);
        ATTACK(m_tally, "a lost device signs in again", login.status == 403 && login.error() == QLatin1String("device_lost"));
    }

    void noPersonalDataInHqsLogs()
    {
        const QByteArray log = m_hq.serverOutput() + events().toUtf8();
        bool clean = true;
        for (const Customer &c : m_branch.customers)
            clean = clean && !log.contains(c.phone.toUtf8()) && !log.contains(c.idNumber.toUtf8())
                    && (c.name.size() < 3 || !log.contains(c.name.toUtf8()));
        ATTACK(m_tally, "HQ's security log holds personal data", clean);
        qInfo("ATTACKS data: %d tried, %d succeeded", m_tally.tried, m_tally.succeeded);
    }
};

QTEST_GUILESS_MAIN(TestAttacksData)
#include "tst_attacks_data.moc"
