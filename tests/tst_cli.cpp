#include "domain/extractcsv.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run cli(const QStringList &args, const QString &passphrase = QStringLiteral("cli-pass"))
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (passphrase.isNull())
            env.remove(QStringLiteral("BRANCHDESK_PASSPHRASE"));
        else
            env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), passphrase);
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("BRANCHDESK_CLI"), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private slots:
    void demoThenStats()
    {
        const QString store = m_dir.filePath(QStringLiteral("cli.db"));
        Run demo = cli({QStringLiteral("demo"), QStringLiteral("--customers"), QStringLiteral("20000"),
                        QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--store"), store});
        QCOMPARE(demo.code, 0);
        Run stats = cli({QStringLiteral("stats"), QStringLiteral("--store"), store});
        QCOMPARE(stats.code, 0);
        const QJsonObject root = QJsonDocument::fromJson(stats.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("customers")).toInt(), 20000);
        const QJsonObject tiers = root.value(QStringLiteral("tiers")).toObject();
        QCOMPARE(tiers.size(), 5);
        int sum = 0;
        for (const QString &key : tiers.keys()) {
            QVERIFY2(tiers.value(key).toInt() > 0, qPrintable(key));
            sum += tiers.value(key).toInt();
        }
        QCOMPARE(sum, 20000);
        const QJsonObject types = root.value(QStringLiteral("holdings_by_type")).toObject();
        QCOMPARE(types.size(), 6);
        QCOMPARE(types.value(QStringLiteral("demand_deposit")).toInt(), 20000);
        QVERIFY(types.value(QStringLiteral("time_deposit")).toInt() > 0);
    }

    void wrongOrMissingPassphrase()
    {
        const QString store = m_dir.filePath(QStringLiteral("pw.db"));
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--customers"), QStringLiteral("10"), QStringLiteral("--store"),
                      store})
                     .code,
                 0);
        Run wrong = cli({QStringLiteral("stats"), QStringLiteral("--store"), store}, QStringLiteral("other"));
        QCOMPARE(wrong.code, 1);
        QVERIFY(wrong.err.contains(QStringLiteral("passphrase")));
        QVERIFY(wrong.out.isEmpty());
        Run none = cli({QStringLiteral("stats"), QStringLiteral("--store"), store}, QString());
        QCOMPARE(none.code, 2);
        QVERIFY(none.err.contains(QStringLiteral("BRANCHDESK_PASSPHRASE")));
    }

    void badArgumentsSayWhat()
    {
        Run r = cli({QStringLiteral("demo"), QStringLiteral("--customers"), QStringLiteral("0"), QStringLiteral("--store"),
                     m_dir.filePath(QStringLiteral("x.db"))});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("--customers")));
        Run d = cli({QStringLiteral("extract"), QStringLiteral("--customers"), QStringLiteral("5"), QStringLiteral("--today"),
                     QStringLiteral("2026-13-01"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(d.code, 2);
        QVERIFY(d.err.contains(QStringLiteral("--today")));
        QCOMPARE(cli({QStringLiteral("frobnicate")}).code, 2);
        Run v = cli({QStringLiteral("--version")});
        QCOMPARE(v.code, 0);
        QVERIFY(v.out.startsWith(QStringLiteral("branchdesk-cli ")));
    }

    void extractIsTheSameBranchAsCsv()
    {
        const QString csv = m_dir.filePath(QStringLiteral("extract.csv"));
        Run r = cli({QStringLiteral("extract"), QStringLiteral("--customers"), QStringLiteral("500"), QStringLiteral("--seed"),
                     QStringLiteral("7"), QStringLiteral("--today"), QStringLiteral("2026-11-23"), QStringLiteral("--out"), csv});
        QCOMPARE(r.code, 0);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(QString::fromUtf8(lines.at(0)), ExtractCsv::header().join(QLatin1Char(',')));
        int staff = 0, customers = 0, holdings = 0;
        const int columns = int(ExtractCsv::header().size());
        for (int i = 1; i < lines.size(); ++i) {
            if (lines.at(i).isEmpty())
                continue;
            QCOMPARE(int(lines.at(i).count(',')) + 1, columns); // demo values hold no commas
            if (lines.at(i).startsWith("staff,"))
                ++staff;
            else if (lines.at(i).startsWith("customer,"))
                ++customers;
            else if (lines.at(i).startsWith("holding,"))
                ++holdings;
            else
                QFAIL(lines.at(i).constData());
        }
        QCOMPARE(staff, 9);
        QCOMPARE(customers, 500);
        QVERIFY(holdings >= 500);
        // Same seed and date, same file
        const QString again = m_dir.filePath(QStringLiteral("again.csv"));
        cli({QStringLiteral("extract"), QStringLiteral("--customers"), QStringLiteral("500"), QStringLiteral("--seed"),
             QStringLiteral("7"), QStringLiteral("--today"), QStringLiteral("2026-11-23"), QStringLiteral("--out"), again});
        QFile g(again);
        QVERIFY(g.open(QIODevice::ReadOnly));
        f.seek(0);
        QCOMPARE(g.readAll(), f.readAll());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
