// HQ as production runs it: nginx terminates TLS in front of `branchdesk-hq serve` on
// loopback, with the configuration the branchdesk-hq package ships
// (installer/hq/nginx/branchdesk-hq.conf, only its ports and paths replaced). A desktop
// that pins the throwaway certificate syncs through it; nginx refuses what is not /v1/
// and oversized bodies. Then hq on its own: it enforces its body limits without nginx
// and its errors never echo what was sent (personal data included).
// Exit code 77 (ctest: skipped) when nginx is not installed.
#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "hqfixture.h"
#include "pgconnection.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/syncengine.h"
#include "protocol/wireformat.h"

#include <QCborMap>
#include <QCborValue>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QtTest>

#include <cstdio>

namespace {
const QString kPass = QStringLiteral("nginx-pass");
const QString kHqPassword = QStringLiteral("nginx-password");
const QString kBranch = QStringLiteral("EDGE01");
const QString kNginx = QStringLiteral("/usr/sbin/nginx");
} // namespace

class TestNginxFront : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    BranchData m_branch;
    QProcess m_nginx;
    quint16 m_tlsPort = 0;
    QList<QSslCertificate> m_pinned;
    int m_hostile = 0; // hostile requests sent

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static quint16 freeTcpPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    struct Answer
    {
        int status = 0;
        QByteArray body;
        QString error; // transport error, if any
    };
    Answer send(const QByteArray &method, const QUrl &url, const QByteArray &body, const QByteArray &contentType = "application/cbor")
    {
        QNetworkAccessManager nam;
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        if (url.scheme() == QLatin1String("https")) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setCaCertificates(m_pinned);
            req.setSslConfiguration(ssl);
        }
        QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        done.wait(30000);
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError && a.status == 0)
            a.error = reply->errorString();
        reply->deleteLater();
        return a;
    }

    // The shipped site with only its ports and paths changed; each replacement must hit.
    bool writeNginxConfig(QString *why)
    {
        QFile shipped(QStringLiteral(BRANCHDESK_SOURCE_DIR "/installer/hq/nginx/branchdesk-hq.conf"));
        if (!shipped.open(QIODevice::ReadOnly)) {
            *why = shipped.errorString();
            return false;
        }
        QString site = QString::fromUtf8(shipped.readAll());
        const QList<QPair<QString, QString>> replacements{
            // One hq here: both of the shipped upstream's nodes point at it.
            {QStringLiteral("server 127.0.0.1:8443 "), QStringLiteral("server 127.0.0.1:%1 ").arg(m_hq.url().port())},
            {QStringLiteral("server 127.0.0.1:8444 "), QStringLiteral("server 127.0.0.1:%1 ").arg(m_hq.url().port())},
            {QStringLiteral("listen 443 ssl;"), QStringLiteral("listen 127.0.0.1:%1 ssl;").arg(m_tlsPort)},
            {QStringLiteral("/etc/branchdesk-hq/tls/hq.pem"), path(QStringLiteral("hq.pem"))},
            {QStringLiteral("/etc/branchdesk-hq/tls/hq.key"), path(QStringLiteral("hq.key"))},
            {QStringLiteral("/var/log/nginx/branchdesk-hq.access.log"), path(QStringLiteral("access.log"))},
        };
        for (const auto &r : replacements) {
            if (!site.contains(r.first)) {
                *why = QStringLiteral("the shipped configuration no longer contains '%1'").arg(r.first);
                return false;
            }
            site.replace(r.first, r.second);
        }
        QFile siteFile(path(QStringLiteral("branchdesk-hq.conf")));
        QFile main(path(QStringLiteral("nginx.conf")));
        if (!siteFile.open(QIODevice::WriteOnly) || !main.open(QIODevice::WriteOnly)) {
            *why = QStringLiteral("cannot write the nginx configuration");
            return false;
        }
        siteFile.write(site.toUtf8());
        // What /etc/nginx/nginx.conf would give, in the temp dir: no daemon, no root-owned paths.
        QString top = QStringLiteral("daemon off;\nworker_processes 1;\npid %1/nginx.pid;\nerror_log %1/error.log info;\n"
                                     "events { worker_connections 64; }\n"
                                     "http {\n  client_body_temp_path %1/body;\n  proxy_temp_path %1/proxy;\n"
                                     "  fastcgi_temp_path %1/fastcgi;\n  uwsgi_temp_path %1/uwsgi;\n  scgi_temp_path %1/scgi;\n"
                                     "  include %1/branchdesk-hq.conf;\n}\n")
                          .arg(m_dir.path());
        if (getuid() == 0)
            top.prepend(QStringLiteral("user root;\n"));
        main.write(top.toUtf8());
        return true;
    }

    bool waitForPort(quint16 port)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 15000) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            if (s.waitForConnected(200))
                return true;
            if (m_nginx.state() == QProcess::NotRunning)
                return false;
            QThread::msleep(50);
        }
        return false;
    }

    SyncEngine::Settings settings(const QUrl &hq) const
    {
        SyncEngine::Settings s;
        s.hq = hq;
        s.staffId = QStringLiteral("RM01");
        s.password = kHqPassword;
        s.timeoutMs = 20000;
        s.caCertificates = m_pinned;
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({800, 5, QDate(2026, 11, 23)}, &m_branch));
        m_branch.branchCode = kBranch;
        QVERIFY2(m_hq.importBranch(m_branch, kBranch, QStringLiteral("edge.csv"), QStringLiteral("RM01"),
                                   QStringLiteral("前台经理"), kHqPassword, QStringLiteral("manager")),
                 qPrintable(m_hq.lastError()));
        QVERIFY(m_hq.startServer());

        // A throwaway certificate for 127.0.0.1, which the desktop pins
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), path(QStringLiteral("hq.key")), QStringLiteral("-out"),
                       path(QStringLiteral("hq.pem")), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
        m_pinned = QSslCertificate::fromPath(path(QStringLiteral("hq.pem")));
        QCOMPARE(m_pinned.size(), 1);

        m_tlsPort = freeTcpPort();
        QString why;
        QVERIFY2(writeNginxConfig(&why), qPrintable(why));
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(kNginx, {QStringLiteral("-p"), m_dir.path(), QStringLiteral("-e"), path(QStringLiteral("error.log")),
                               QStringLiteral("-c"), path(QStringLiteral("nginx.conf"))});
        QVERIFY2(waitForPort(m_tlsPort), m_nginx.readAll().constData());
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate(); // SIGTERM: nginx's fast shutdown
            if (!m_nginx.waitForFinished(5000))
                m_nginx.kill();
        }
        m_hq.stop();
        qInfo("HOSTILE test=tst_nginxfront faults=0 inputs=%d lost=0 crashes=0", m_hostile);
    }

    void aDesktopSyncsThroughNginx()
    {
        // Given a desktop that pins the front end's certificate
        const QString store = path(QStringLiteral("desk.db"));
        const QUrl front(QStringLiteral("https://127.0.0.1:%1").arg(m_tlsPort));
        {
            Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
            // When it syncs through nginx
            const SyncEngine::Report r = SyncEngine::run(db, settings(front));
            // Then it has the whole branch
            QVERIFY2(r.ok, qPrintable(r.error));
            Statement count(db, QStringLiteral("SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM holding)"));
            QVERIFY(count.step());
            QCOMPARE(count.int64(0), qint64(m_branch.customers.size()));
            QCOMPARE(count.int64(1), qint64(m_branch.holdings.size()));
        }
        // And a contact logged afterwards reaches HQ through it
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        Contact c;
        c.customerNo = m_branch.customers.front().customerNo;
        c.staffId = QStringLiteral("RM01");
        c.channel = Contact::Channel::Phone;
        c.outcome = Contact::Outcome::Reached;
        c.contactedAt = QDateTime(QDate(2026, 11, 23), QTime(10, 0), Qt::OffsetFromUTC, 8 * 3600);
        c.note = QStringLiteral("经由前置机");
        const QString id = ContactRepository(db).log(c).contactId;
        const SyncEngine::Report r = SyncEngine::run(db, settings(front));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.pushed, 1);
        PgConnection pg(m_hq.conninfo());
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = 'contact' AND record_id = $2",
                         {kBranch, id})
                     .int64(0, 0),
                 qint64(1));
        // And nginx logged the requests without their bodies
        QFile log(path(QStringLiteral("access.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray lines = log.readAll();
        QVERIFY(lines.contains("POST /v1/login"));
        QVERIFY(lines.contains("/push"));
        QVERIFY(!lines.contains(kHqPassword.toUtf8()));
    }

    void nginxPassesOnlyV1AndBoundedBodies()
    {
        const QString front = QStringLiteral("https://127.0.0.1:%1").arg(m_tlsPort);
        // Only /v1/ reaches hq
        QCOMPARE(send("GET", QUrl(front + QStringLiteral("/v1/health")), {}).status, 200);
        for (const char *elsewhere : {"/", "/admin", "/v2/health", "/.env"}) {
            QCOMPARE(send("GET", QUrl(front + QString::fromLatin1(elsewhere)), {}).status, 404);
            ++m_hostile;
        }
        // A login body over 64 KiB is stopped at the front (413), a push over 64 MiB too
        QCOMPARE(send("POST", QUrl(front + QStringLiteral("/v1/login")), QByteArray(65 * 1024, 'x')).status, 413);
        ++m_hostile;
        const Answer huge = send("POST", QUrl(front + QStringLiteral("/v1/branches/%1/push").arg(kBranch)),
                                 QByteArray(65 * 1024 * 1024, 'x'));
        QVERIFY2(huge.status == 413 || !huge.error.isEmpty(), qPrintable(QString::number(huge.status)));
        ++m_hostile;
        // Plain HTTP to the TLS port is not served
        QVERIFY(send("GET", QUrl(QStringLiteral("http://127.0.0.1:%1/v1/health").arg(m_tlsPort)), {}).status != 200);
        ++m_hostile;
    }

    void hqLimitsBodiesOnItsOwn()
    {
        // Straight to hq, no nginx in between
        const QString direct = m_hq.url().toString();
        // An oversized login body: 413 from hq itself
        Answer a = send("POST", QUrl(direct + QStringLiteral("/v1/login")), QByteArray(65 * 1024, 'x'));
        QCOMPARE(a.status, 413);
        QCOMPARE(QCborValue::fromCbor(a.body).toMap().value(QLatin1String("error")).toString(), QStringLiteral("too_large"));
        // A small deflated body that inflates past the limit (a "zip bomb"): refused, not inflated
        const QByteArray bomb = WireFormat::deflate(QByteArray(8 * 1024 * 1024, '\0'));
        QVERIFY(bomb.size() < 64 * 1024);
        QNetworkAccessManager nam;
        QNetworkRequest req(QUrl(direct + QStringLiteral("/v1/login")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/cbor"));
        req.setRawHeader("Content-Encoding", "deflate");
        QNetworkReply *reply = nam.post(req, bomb);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(30000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 413);
        reply->deleteLater();
        m_hostile += 2;
    }

    void hqErrorsNeverEchoWhatWasSent()
    {
        const QString direct = m_hq.url().toString();
        // Personal data of a real customer of the branch, sent where it does not belong
        const Customer &victim = m_branch.customers.at(3);
        const QStringList secrets{victim.name, victim.phone, victim.idNumber};
        QList<QPair<QString, QByteArray>> requests;
        QCborMap login;
        login.insert(QLatin1String("staff_id"), victim.name + victim.phone);
        login.insert(QLatin1String("password"), victim.idNumber);
        login.insert(QLatin1String("device"), victim.phone);
        requests.append({QStringLiteral("/v1/login"), login.toCborValue().toCbor()});
        QCborMap badLogin;
        badLogin.insert(QLatin1String("staff_id"), 42);
        badLogin.insert(QLatin1String("password"), victim.idNumber);
        requests.append({QStringLiteral("/v1/login"), badLogin.toCborValue().toCbor()});
        requests.append({QStringLiteral("/v1/login"), (victim.name + victim.idNumber).toUtf8()});
        requests.append({QStringLiteral("/v1/branches/%1/push").arg(victim.idNumber), (victim.name + victim.phone).toUtf8()});
        requests.append({QStringLiteral("/v1/branches/%1/changes?after=%2").arg(kBranch, victim.phone), {}});
        for (const auto &r : requests) {
            const Answer a = send(r.second.isEmpty() ? "GET" : "POST", QUrl(direct + r.first), r.second);
            ++m_hostile;
            QVERIFY2(a.status >= 400 && a.status < 500, qPrintable(QStringLiteral("%1 -> %2").arg(r.first).arg(a.status)));
            const QString text = QString::fromUtf8(a.body) + QCborValue::fromCbor(a.body).toMap().value(QLatin1String("message")).toString();
            for (const QString &secret : secrets)
                QVERIFY2(!text.contains(secret), qPrintable(QStringLiteral("%1 echoed personal data").arg(r.first)));
        }
        // Nor does hq's own log
        const QByteArray serverLog = m_hq.serverOutput();
        for (const QString &secret : secrets)
            QVERIFY(!serverLog.contains(secret.toUtf8()));
    }
};

int main(int argc, char **argv)
{
    if (!QFile::exists(kNginx)) {
        std::printf("nginx is not installed (%s): skipped\n", qPrintable(kNginx));
        return 77;
    }
    QCoreApplication app(argc, argv);
    TestNginxFront test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_nginxfront.moc"
