// The desktop refuses a wrong TLS certificate before it sends anything: a test TLS
// server on 127.0.0.1 presents, in turn, a certificate for another host, a self-signed
// one nobody pinned, and an expired one, all but the second issued by the CA the desktop
// pins. The server counts the application bytes it receives: a refusal must leave that
// count at 0 (the sign-in request with the password never left the laptop) and no token
// in the store. A correct certificate is the control: there the request does arrive.
// Certificates are throwaway ones made with the openssl CLI (and faketime for expired).
#include "store/metatable.h"
#include "store/database.h"
#include "store/syncengine.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>

namespace {

const QString kPass = QStringLiteral("tls-pass");
const QByteArray kHqPassword = QByteArrayLiteral("tls-password-never-sent");

// A TLS endpoint on its own thread: it completes handshakes it is allowed to and
// answers any request with 503, counting every decrypted byte it was sent.
class TlsEndpoint : public QTcpServer
{
public:
    QSslCertificate certificate;
    QSslKey key;
    std::atomic<int> applicationBytes{0};
    std::atomic<int> handshakes{0};

protected:
    void incomingConnection(qintptr fd) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(fd)) {
            delete socket;
            return;
        }
        socket->setLocalCertificate(certificate);
        socket->setPrivateKey(key);
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(socket, &QSslSocket::encrypted, socket, [this] { ++handshakes; });
        connect(socket, &QSslSocket::readyRead, socket, [this, socket] {
            const QByteArray data = socket->readAll();
            applicationBytes += int(data.size());
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            socket->disconnectFromHost();
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }
};

} // namespace

class TestTlsPinning : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QThread m_thread;
    TlsEndpoint *m_endpoint = nullptr;
    quint16 m_port = 0;
    int m_refusals = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static bool run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            qWarning("%s failed: %s", qPrintable(program), p.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    // A key and a certificate request for `subjectAltName`, signed by the test CA (or
    // self-signed), valid for two days from now or from `fakeNow` (via faketime).
    bool makeCertificate(const QString &name, const QString &altName, bool selfSigned, const QString &fakeNow = {})
    {
        const QString key = path(name + QStringLiteral(".key"));
        const QString csr = path(name + QStringLiteral(".csr"));
        const QString pem = path(name + QStringLiteral(".pem"));
        const QString ext = path(name + QStringLiteral(".ext"));
        QFile f(ext);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write("subjectAltName=" + altName.toLatin1() + "\n");
        f.close();
        if (!run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                                             QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                                             QStringLiteral("-keyout"), key, QStringLiteral("-out"), csr,
                                             QStringLiteral("-subj"), QStringLiteral("/CN=") + name}))
            return false;
        QStringList sign{QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                         QStringLiteral("-out"), pem, QStringLiteral("-days"), QStringLiteral("2"),
                         QStringLiteral("-extfile"), ext};
        if (selfSigned)
            sign << QStringLiteral("-signkey") << key;
        else
            sign << QStringLiteral("-CA") << path(QStringLiteral("ca.pem")) << QStringLiteral("-CAkey")
                 << path(QStringLiteral("ca.key")) << QStringLiteral("-CAcreateserial");
        if (!fakeNow.isEmpty())
            return run(QStringLiteral("faketime"), QStringList{fakeNow, QStringLiteral("openssl")} + sign);
        return run(QStringLiteral("openssl"), sign);
    }

    void present(const QString &name)
    {
        QFile cert(path(name + QStringLiteral(".pem")));
        QFile key(path(name + QStringLiteral(".key")));
        QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
        const QSslCertificate c(&cert, QSsl::Pem);
        const QSslKey k(&key, QSsl::Ec, QSsl::Pem);
        QVERIFY(!c.isNull() && !k.isNull());
        QMetaObject::invokeMethod(m_endpoint, [this, c, k] {
            m_endpoint->certificate = c;
            m_endpoint->key = k;
            m_endpoint->applicationBytes = 0;
            m_endpoint->handshakes = 0;
        }, Qt::BlockingQueuedConnection);
    }

    SyncEngine::Report syncAgainst(const QList<QSslCertificate> &pinned, QString *token)
    {
        const QString store = path(QStringLiteral("store-%1.db").arg(QDateTime::currentMSecsSinceEpoch()));
        Database db = Database::open(store, kPass, Database::OpenMode::CreateIfMissing);
        SyncEngine::Settings s;
        s.hq = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port));
        s.staffId = QStringLiteral("RM01");
        s.password = QString::fromLatin1(kHqPassword);
        s.timeoutMs = 10000;
        s.caCertificates = pinned;
        const SyncEngine::Report r = SyncEngine::run(db, s);
        *token = MetaTable::value(db, QStringLiteral("sync.token"));
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QSslSocket::supportsSsl());
        QVERIFY(run(QStringLiteral("openssl"),
                    {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                     QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), path(QStringLiteral("ca.key")), QStringLiteral("-out"),
                     path(QStringLiteral("ca.pem")), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                     QStringLiteral("/CN=BranchDesk test CA")}));
        QVERIFY(makeCertificate(QStringLiteral("right"), QStringLiteral("IP:127.0.0.1"), false));
        QVERIFY(makeCertificate(QStringLiteral("wronghost"), QStringLiteral("DNS:hq.other-bank.example"), false));
        QVERIFY(makeCertificate(QStringLiteral("selfsigned"), QStringLiteral("IP:127.0.0.1"), true));
        if (QFile::exists(QStringLiteral("/usr/bin/faketime")))
            QVERIFY(makeCertificate(QStringLiteral("expired"), QStringLiteral("IP:127.0.0.1"), false,
                                    QStringLiteral("2020-01-01 00:00:00")));

        m_endpoint = new TlsEndpoint;
        QVERIFY(m_endpoint->listen(QHostAddress::LocalHost, 0));
        m_port = m_endpoint->serverPort();
        m_endpoint->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_endpoint, &QObject::deleteLater);
        m_thread.start();
    }

    void cleanupTestCase()
    {
        m_thread.quit();
        m_thread.wait();
        qInfo("HOSTILE test=tst_tlspinning faults=%d inputs=0 lost=0 crashes=0", m_refusals);
    }

    void refusesBeforeSendingAnything_data()
    {
        QTest::addColumn<QString>("presented");
        QTest::addColumn<bool>("pinCa");
        QTest::newRow("certificate for another host") << QStringLiteral("wronghost") << true;
        QTest::newRow("self-signed, not pinned") << QStringLiteral("selfsigned") << true;
        QTest::newRow("self-signed, system CAs only") << QStringLiteral("selfsigned") << false;
        QTest::newRow("expired, issued by the pinned CA") << QStringLiteral("expired") << true;
    }

    void refusesBeforeSendingAnything()
    {
        QFETCH(QString, presented);
        QFETCH(bool, pinCa);
        if (!QFile::exists(path(presented + QStringLiteral(".pem"))))
            QSKIP("faketime is not installed: no expired certificate to present");
        present(presented);
        // Given a server presenting the wrong certificate
        const QList<QSslCertificate> pinned = pinCa ? QSslCertificate::fromPath(path(QStringLiteral("ca.pem")))
                                                    : QList<QSslCertificate>{};
        // When the desktop syncs
        QString token;
        const SyncEngine::Report r = syncAgainst(pinned, &token);
        // Then it refuses, says why, and not one byte of the request reached the server
        QVERIFY(!r.ok);
        QCOMPARE(r.status, HqClient::Status::Offline);
        QVERIFY2(r.error.contains(QStringLiteral("certificate"), Qt::CaseInsensitive)
                     || r.error.contains(QStringLiteral("SSL"), Qt::CaseInsensitive),
                 qPrintable(r.error));
        QCOMPARE(m_endpoint->applicationBytes.load(), 0);
        QCOMPARE(m_endpoint->handshakes.load(), 0);
        QVERIFY(token.isEmpty());
        ++m_refusals;
    }

    void theRightCertificateIsTalkedTo()
    {
        // The control: with the right certificate the sign-in does reach the server
        // (which answers 503), so the zeros above are not an artefact of the harness.
        present(QStringLiteral("right"));
        QString token;
        const SyncEngine::Report r = syncAgainst(QSslCertificate::fromPath(path(QStringLiteral("ca.pem"))), &token);
        QVERIFY(!r.ok);
        QCOMPARE(r.status, HqClient::Status::ServerError);
        QVERIFY(m_endpoint->handshakes.load() >= 1);
        QVERIFY(m_endpoint->applicationBytes.load() > 0);
        QVERIFY(token.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTlsPinning)
#include "tst_tlspinning.moc"
