#pragma once

#include "domain/branchdata.h"
#include "domain/extractcsv.h"

#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>

// A throwaway PostgreSQL cluster in a temp dir (unix socket only, nothing on
// the network) and the real branchdesk-hq binary on 127.0.0.1, for tests.
// As root, initdb refuses to run, so the cluster belongs to the postgres user.
class HqFixture
{
public:
    ~HqFixture() { stop(); }

    bool start()
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temp dir"));
        m_pgBin = QStringLiteral("/usr/lib/postgresql/15/bin");
        m_port = freePort();
        const QString data = m_dir.filePath(QStringLiteral("data"));
        if (getuid() == 0 && !run(QStringLiteral("chown"), {QStringLiteral("postgres"), m_dir.path()}))
            return false;
        if (!runPg(QStringLiteral("initdb"), {QStringLiteral("-D"), data, QStringLiteral("-A"), QStringLiteral("trust"),
                                               QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-E"),
                                               QStringLiteral("UTF8"), QStringLiteral("--no-sync")}))
            return false;
        if (!runPg(QStringLiteral("pg_ctl"),
                   {QStringLiteral("-D"), data, QStringLiteral("-o"),
                    QStringLiteral("-k %1 -p %2 -c listen_addresses='' -c fsync=off -c synchronous_commit=off")
                        .arg(m_dir.path())
                        .arg(m_port),
                    QStringLiteral("-l"), m_dir.filePath(QStringLiteral("pg.log")), QStringLiteral("-w"), QStringLiteral("start")}))
            return false;
        m_pgStarted = true;
        return hq({QStringLiteral("init-db")});
    }

    void stop()
    {
        stopServer();
        if (m_pgStarted) {
            runPg(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                                            QStringLiteral("fast"), QStringLiteral("stop")});
            m_pgStarted = false;
        }
    }

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("PGHOST"), m_dir.path());
        e.insert(QStringLiteral("PGPORT"), QString::number(m_port));
        e.insert(QStringLiteral("PGUSER"), QStringLiteral("postgres"));
        e.insert(QStringLiteral("PGDATABASE"), QStringLiteral("postgres"));
        return e;
    }
    QString conninfo() const
    {
        return QStringLiteral("host=%1 port=%2 user=postgres dbname=postgres").arg(m_dir.path()).arg(m_port);
    }

    // Runs a branchdesk-hq admin command; stdin is written first when given.
    bool hq(const QStringList &args, const QByteArray &stdinData = {}, QString *output = nullptr)
    {
        QProcess p;
        p.setProcessEnvironment(env());
        p.start(qEnvironmentVariable("BRANCHDESK_HQ"), args);
        if (!stdinData.isEmpty())
            p.write(stdinData);
        p.closeWriteChannel();
        if (!p.waitForFinished(300000))
            return fail(QStringLiteral("branchdesk-hq %1 timed out").arg(args.join(QLatin1Char(' '))));
        if (output)
            *output = QString::fromUtf8(p.readAllStandardOutput());
        m_lastError = QString::fromUtf8(p.readAllStandardError());
        if (p.exitCode() != 0)
            return fail(QStringLiteral("branchdesk-hq %1 failed: %2").arg(args.join(QLatin1Char(' ')), m_lastError));
        return true;
    }

    bool startServer(const QStringList &extra = {})
    {
        stopServer();
        m_server = new QProcess;
        m_server->setProcessEnvironment(env());
        m_server->start(qEnvironmentVariable("BRANCHDESK_HQ"),
                        QStringList{QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + extra);
        QElapsedTimer t;
        t.start();
        QByteArray out;
        while (t.elapsed() < 20000) {
            m_server->waitForReadyRead(200);
            out += m_server->readAllStandardOutput();
            const int at = out.indexOf("listening 127.0.0.1:");
            if (at >= 0 && out.indexOf('\n', at) > 0) {
                m_httpPort = out.mid(at + 20, out.indexOf('\n', at) - at - 20).trimmed().toInt();
                return true;
            }
            if (m_server->state() == QProcess::NotRunning)
                break;
        }
        return fail(QStringLiteral("hq serve did not start: %1").arg(QString::fromUtf8(m_server->readAllStandardError())));
    }

    void killServer() // kill -9: no goodbye
    {
        if (m_server) {
            serverOutput();
            m_server->kill();
            m_server->waitForFinished(5000);
            delete m_server;
            m_server = nullptr;
        }
    }
    void stopServer()
    {
        if (m_server) {
            serverOutput();
            m_server->terminate();
            if (!m_server->waitForFinished(3000))
                m_server->kill();
            m_server->waitForFinished(3000);
            delete m_server;
            m_server = nullptr;
        }
    }

    QUrl url(bool tls = false) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2").arg(tls ? QStringLiteral("https") : QStringLiteral("http")).arg(m_httpPort));
    }
    // Everything the running server printed (for the no-personal-data-in-logs check).
    QByteArray serverOutput()
    {
        if (m_server) {
            m_serverLog += m_server->readAllStandardOutput();
            m_serverLog += m_server->readAllStandardError();
        }
        return m_serverLog;
    }
    QString lastError() const { return m_lastError; }
    qint64 serverPid() const { return m_server ? m_server->processId() : 0; }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // The branch as a core-banking extract (written to `csvName` here), imported by the real
    // `branchdesk-hq import`, plus a staff member (an RM unless `role` says "manager") who can
    // sign in with `password`. Since issue 15 an RM's desktop holds only their own customers:
    // tests that compare a desktop with the whole branch sign in as a manager.
    bool importBranch(const BranchData &branch, const QString &code, const QString &csvName, const QString &rmId,
                      const QString &rmName, const QString &password, const QString &role = QStringLiteral("rm"))
    {
        const QString csv = path(csvName);
        QFile f(csv);
        QString error;
        if (!f.open(QIODevice::WriteOnly) || !ExtractCsv::write(branch, &f, &error))
            return fail(QStringLiteral("cannot write %1: %2").arg(csv, error));
        f.close();
        return hq({QStringLiteral("import"), QStringLiteral("--branch"), code, csv})
            && hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), code, QStringLiteral("--id"), rmId,
                   QStringLiteral("--name"), rmName, QStringLiteral("--role"), role},
                  password.toUtf8() + '\n');
    }

private:
    bool fail(const QString &why)
    {
        m_lastError = why;
        qWarning("%s", qPrintable(why));
        return false;
    }
    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return 20000 + (probe.serverPort() % 40000); // a port for the unix socket name only
    }
    bool run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(120000) || p.exitCode() != 0)
            return fail(QStringLiteral("%1 failed: %2").arg(program, QString::fromUtf8(p.readAllStandardError())));
        return true;
    }
    bool runPg(const QString &tool, const QStringList &args)
    {
        const QString binary = m_pgBin + QLatin1Char('/') + tool;
        if (getuid() == 0)
            return run(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), binary} + args);
        return run(binary, args);
    }

    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/branchdesk-pg-XXXXXX")};
    QString m_pgBin;
    int m_port = 0;
    int m_httpPort = 0;
    bool m_pgStarted = false;
    QProcess *m_server = nullptr;
    QByteArray m_serverLog;
    QString m_lastError;
};
