// Issue 19: sign-in once per device. A desktop signs in with its password once, keeps the
// device credential HQ gives it in its encrypted store, and renews short tokens with it
// afterwards; against the real branchdesk-hq and PostgreSQL. Then the attacks on the
// credential (another device, tampered, after a password reset, a disable, a logout, a
// lost device) and the sign-in throttle shared by two HQ nodes on one database.
#include "attacksupport.h"

#include "domain/demogenerator.h"
#include "hqdatabase.h"
#include "pgconnection.h"
#include "store/metatable.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/syncengine.h"

#include <QProcess>
#include <QtTest>

namespace {
const QString kPassword = QStringLiteral("staff-password-1");
const QString kPass = QStringLiteral("desk-pass");
const QString kBranch = QStringLiteral("DEMO007");

// POST /v1/token in JSON, as a tester would send it.
HttpAnswer renew(const QUrl &base, const QString &device, const QString &credential)
{
    return http(base, "POST", QStringLiteral("/v1/token"),
                json({{QStringLiteral("device"), device}, {QStringLiteral("credential"), credential}}));
}

// Signs in with the password and returns the device credential ("" when refused).
QString credentialOf(const QUrl &base, const QString &staff, const QString &device, QString *token = nullptr)
{
    HttpAnswer a;
    const QString t = signIn(base, staff, kPassword, device, &a);
    if (token)
        *token = t;
    return a.json().value(QStringLiteral("device_credential")).toString();
}
} // namespace

class TestAttacksCredential : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    BranchData m_branch;
    AttackTally m_tally;

    bool addStaff(const QString &id, const QString &password, const QStringList &extra = {})
    {
        return m_hq.hq(QStringList{QStringLiteral("add-staff"), QStringLiteral("--branch"), kBranch, QStringLiteral("--id"), id,
                                   QStringLiteral("--name"), QStringLiteral("员工"), QStringLiteral("--role"), QStringLiteral("rm")}
                           + extra,
                       password.toUtf8() + '\n');
    }
    QString events()
    {
        QString out;
        m_hq.hq({QStringLiteral("events"), QStringLiteral("--branch"), kBranch}, {}, &out);
        return out;
    }
    int countOf(const char *sql)
    {
        PgConnection pg(m_hq.conninfo());
        return int(pg.exec(sql).int64(0, 0));
    }
    SyncEngine::Report sync(const QString &store, const QString &password)
    {
        Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
        SyncEngine::Settings s;
        s.hq = m_hq.url();
        s.staffId = QStringLiteral("RM01");
        s.password = password;
        s.timeoutMs = 30000;
        return SyncEngine::run(db, s);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({1000, 7, QDate(2026, 11, 23)}, &m_branch));
        QVERIFY2(m_hq.importBranch(m_branch, kBranch, QStringLiteral("extract.csv"), QStringLiteral("RM01"),
                                   QStringLiteral("客户经理"), kPassword),
                 qPrintable(m_hq.lastError()));
        for (const char *id : {"RM02", "RM03", "RM04", "RM05"})
            QVERIFY2(addStaff(QString::fromLatin1(id), kPassword), qPrintable(m_hq.lastError()));
        // Tokens of two seconds: every sync below needs a fresh one.
        QVERIFY(m_hq.startServer({QStringLiteral("--token-ttl"), QStringLiteral("2")}));
    }

    void cleanupTestCase() { m_hq.stop(); }

    // Given a desktop that signed in once with its password,
    // when its token has expired and no password is given,
    // then the sync renews the token with the device credential, without a sign-in.
    void aDesktopSignsInOnceAndRenewsWithoutThePassword()
    {
        const QString store = m_dir.filePath(QStringLiteral("rm01.db"));
        QElapsedTimer t;
        t.start();
        const SyncEngine::Report first = sync(store, kPassword);
        QVERIFY2(first.ok, qPrintable(first.error));
        const qint64 signInMs = t.elapsed();
        QString credential;
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            credential = MetaTable::value(db, QStringLiteral("sync.device_credential"));
        }
        QCOMPARE(credential.size(), 43); // 32 bytes, base64url
        QVERIFY(first.pulled > 0);
        const int signInsBefore = countOf("SELECT count(*) FROM device_credential");
        QThread::msleep(2500); // the token has expired
        for (int round = 0; round < 2; ++round) {
            t.restart();
            const SyncEngine::Report again = sync(store, QString());
            QVERIFY2(again.ok, qPrintable(again.error));
            qInfo("round %d without the password: %lld ms (the first, with it: %lld ms)", round + 1, t.elapsed(), signInMs);
            QThread::msleep(2500);
        }
        // No new sign-in happened: still one credential, the same one, and one sign_in audit entry.
        QCOMPARE(countOf("SELECT count(*) FROM device_credential"), signInsBefore);
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        QCOMPARE(MetaTable::value(db, QStringLiteral("sync.device_credential")), credential);
        QVERIFY(countOf("SELECT count(*) FROM token WHERE staff_id = 'RM01'") >= 3); // one sign-in, renewals
        // The credential is only in the encrypted store: HQ keeps its SHA-256.
        QCOMPARE(countOf(qPrintable(QStringLiteral("SELECT count(*) FROM device_credential WHERE credential_hash = '%1'")
                                        .arg(QString::fromLatin1(HqDatabase::hashToken(credential.toLatin1()))))),
                 1);
    }

    void aCredentialFromAnotherDeviceIsRefusedAndEnds()
    {
        const QString credential = credentialOf(m_hq.url(), QStringLiteral("RM02"), QStringLiteral("laptop-a"));
        QVERIFY(!credential.isEmpty());
        QCOMPARE(renew(m_hq.url(), QStringLiteral("laptop-a"), credential).status, 200);
        const HttpAnswer copied = renew(m_hq.url(), QStringLiteral("laptop-b"), credential);
        ATTACK(m_tally, "a device credential replayed from another device id",
               copied.status == 401 && copied.error() == QLatin1String("credential_invalid")
                   && copied.json().value(QStringLiteral("token")).toString().isEmpty());
        // Once seen elsewhere it is stolen: the owner signs in with the password again.
        ATTACK(m_tally, "a credential seen on another device still renews on its own",
               renew(m_hq.url(), QStringLiteral("laptop-a"), credential).status == 401
                   && events().contains(QStringLiteral("credential_other_device\tRM02\tlaptop-b")));
    }

    void aTamperedCredentialIsRefused()
    {
        const QString credential = credentialOf(m_hq.url(), QStringLiteral("RM03"), QStringLiteral("laptop-c"));
        QVERIFY(!credential.isEmpty());
        QString flipped = credential;
        flipped[10] = flipped.at(10) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        const HttpAnswer a = renew(m_hq.url(), QStringLiteral("laptop-c"), flipped);
        const HttpAnswer b = renew(m_hq.url(), QStringLiteral("laptop-c"), credential.left(42));
        const HttpAnswer c = renew(m_hq.url(), QStringLiteral("laptop-c"), QStringLiteral("' OR '1'='1"));
        const HttpAnswer d = http(m_hq.url(), "POST", QStringLiteral("/v1/token"),
                                  json({{QStringLiteral("device"), QStringLiteral("laptop-c")}, {QStringLiteral("credential"), 5}}));
        ATTACK(m_tally, "a tampered or malformed device credential", a.status == 401 && b.status == 400 && c.status == 400
                                                                        && d.status == 400);
        QCOMPARE(renew(m_hq.url(), QStringLiteral("laptop-c"), credential).status, 200); // the real one still works
    }

    void aPasswordResetDisableOrLogoutEndsTheCredential()
    {
        const QString reset = credentialOf(m_hq.url(), QStringLiteral("RM03"), QStringLiteral("laptop-c"));
        QVERIFY(addStaff(QStringLiteral("RM03"), QStringLiteral("a-new-password-3")));
        ATTACK(m_tally, "a device credential survives a password reset",
               renew(m_hq.url(), QStringLiteral("laptop-c"), reset).status == 401);
        QString token;
        const QString loggedOut = credentialOf(m_hq.url(), QStringLiteral("RM04"), QStringLiteral("laptop-d"), &token);
        QVERIFY(!loggedOut.isEmpty());
        QCOMPARE(http(m_hq.url(), "POST", QStringLiteral("/v1/logout"), "{}", token).status, 200);
        ATTACK(m_tally, "a device credential survives a logout",
               renew(m_hq.url(), QStringLiteral("laptop-d"), loggedOut).status == 401);
        const QString disabled = credentialOf(m_hq.url(), QStringLiteral("RM05"), QStringLiteral("laptop-e"));
        QVERIFY(!disabled.isEmpty());
        QVERIFY(m_hq.hq({QStringLiteral("disable-staff"), QStringLiteral("--branch"), kBranch, QStringLiteral("--id"),
                         QStringLiteral("RM05")}));
        const HttpAnswer a = renew(m_hq.url(), QStringLiteral("laptop-e"), disabled);
        ATTACK(m_tally, "a disabled staff member renews with their device credential",
               (a.status == 401 || a.status == 403) && a.json().value(QStringLiteral("token")).toString().isEmpty());
    }

    // The wipe of issue 15 holds when the desktop comes with its credential, its token gone.
    void aLostDevicesCredentialOrdersTheWipe()
    {
        const QString credential = credentialOf(m_hq.url(), QStringLiteral("RM02"), QStringLiteral("laptop-f"));
        QVERIFY(!credential.isEmpty());
        QVERIFY(m_hq.hq({QStringLiteral("mark-device-lost"), QStringLiteral("--branch"), kBranch, QStringLiteral("--device"),
                         QStringLiteral("laptop-f")}));
        const HttpAnswer a = renew(m_hq.url(), QStringLiteral("laptop-f"), credential);
        ATTACK(m_tally, "a lost device renews with its device credential",
               a.status == 403 && a.error() == QLatin1String("device_lost"));
        // And the desktop itself: its round ends in DeviceLost, with the token that reports the erase.
        const QString store = m_dir.filePath(QStringLiteral("rm01.db"));
        QString device;
        {
            Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
            device = ContactRepository::deviceId(db);
        }
        QVERIFY(m_hq.hq({QStringLiteral("mark-device-lost"), QStringLiteral("--branch"), kBranch, QStringLiteral("--device"), device}));
        QThread::msleep(2500);
        const SyncEngine::Report r = sync(store, QString());
        QCOMPARE(r.status, HqClient::Status::DeviceLost);
        QVERIFY(!r.token.isEmpty());
    }

    void theCredentialNeverTravelsInClearToAnotherHost()
    {
        HqClient far(QUrl(QStringLiteral("http://192.0.2.10:9")));
        HqClient::Login login;
        QElapsedTimer t;
        t.start();
        const HqClient::Status st = far.renew(QStringLiteral("d"), QString(43, QLatin1Char('A')), &login);
        ATTACK(m_tally, "a device credential sent over plain HTTP to another host",
               st == HqClient::Status::Forbidden && far.lastError().contains(QStringLiteral("https")) && t.elapsed() < 2000);
    }

    // Issue 19: the throttle lives in PostgreSQL, so a second node (or a restarted one) counts
    // the failures the first one saw.
    void failedSignInsCountOnEveryNode()
    {
        QProcess second;
        second.setProcessEnvironment(m_hq.env());
        second.start(qEnvironmentVariable("BRANCHDESK_HQ"), {QStringLiteral("serve"), QStringLiteral("--listen"),
                                                            QStringLiteral("127.0.0.1:0")});
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!out.contains('\n') && t.elapsed() < 20000 && second.state() != QProcess::NotRunning) {
            second.waitForReadyRead(200);
            out += second.readAllStandardOutput();
        }
        const int at = out.indexOf("listening 127.0.0.1:");
        QVERIFY2(at >= 0, out.constData());
        const QUrl other(QStringLiteral("http://127.0.0.1:%1").arg(out.mid(at + 20).trimmed().toInt()));
        HttpAnswer a;
        for (int i = 0; i < 5; ++i)
            signIn(m_hq.url(), QStringLiteral("RM04"), QStringLiteral("guess-%1").arg(i), QStringLiteral("d-guess"), &a);
        signIn(other, QStringLiteral("RM04"), kPassword, QStringLiteral("laptop-d"), &a);
        const bool lockedOnSecond = a.status == 429;
        QVERIFY(m_hq.startServer({QStringLiteral("--token-ttl"), QStringLiteral("2")}));
        QThread::msleep(1100); // the first wait is over; the sixth failure waits 2 s unless the count was lost
        signIn(m_hq.url(), QStringLiteral("RM04"), QStringLiteral("guess-5"), QStringLiteral("d-guess"), &a);
        signIn(m_hq.url(), QStringLiteral("RM04"), kPassword, QStringLiteral("laptop-d"), &a);
        ATTACK(m_tally, "a second HQ node or a restart forgets failed sign-ins", lockedOnSecond && a.status == 429);
        second.terminate();
        second.waitForFinished(5000);
        qInfo("ATTACKS credential: %d tried, %d succeeded", m_tally.tried, m_tally.succeeded);
    }
};

QTEST_GUILESS_MAIN(TestAttacksCredential)
#include "tst_attacks_credential.moc"
