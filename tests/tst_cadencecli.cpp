#include "store/branchstore.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/worklistrepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// branchdesk-cli tasks, log-contact and list maturity|retention|conversion|payroll, run as a process.
class TestCadenceCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    QJsonObject runJson(const QStringList &args, int expectedExit = 0)
    {
        const QByteArray out = run(args, expectedExit);
        return QJsonDocument::fromJson(out).object();
    }
    QByteArray run(const QStringList &args, int expectedExit = 0)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), QStringLiteral("cli-pass"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("BRANCHDESK_CLI"), args);
        if (!p.waitForFinished(60000))
            return {};
        const QByteArray err = p.readAllStandardError();
        if (p.exitCode() != expectedExit)
            qWarning("exit %d: %s", p.exitCode(), err.constData());
        m_lastExit = p.exitCode();
        return p.readAllStandardOutput();
    }
    int m_lastExit = -1;

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("cli.db"));
        QVERIFY(BranchStore::createDemo(m_store, QStringLiteral("cli-pass"), DemoGenerator::Options{2000, 7, QDate(2026, 11, 23)}));
        // The manager issued a threshold list, each customer to their RM: 4+1 runs for them.
        Database db = Database::open(m_store, QStringLiteral("cli-pass"), Database::OpenMode::ExistingOnly);
        SchemaMigrations::migrate(db);
        IssuedList list;
        list.name = QStringLiteral("临界客户提升");
        list.kind = QStringLiteral("threshold");
        list.issuedBy = QStringLiteral("MGR01");
        Statement st(db, QStringLiteral("SELECT customer_no, rm_id FROM customer WHERE rm_id <> ''"
                                        " AND aum_fen >= 3000000 AND aum_fen < 5000000"));
        while (st.step())
            list.shares.push_back({st.text(0), st.text(1)});
        QVERIFY(list.shares.size() > 20);
        WorkListRepository(db).issue(list);
    }

    void tasksThenLogContactTurnsAStepDone()
    {
        const QStringList base = {QStringLiteral("tasks"), QStringLiteral("--store"), m_store, QStringLiteral("--date"),
                                  QStringLiteral("2026-11-23"), QStringLiteral("--format"), QStringLiteral("json")};
        const QJsonObject all = runJson(base);
        QCOMPARE(m_lastExit, 0);
        QCOMPARE(all.value(QStringLiteral("date")).toString(), QStringLiteral("2026-11-23"));
        const QJsonArray tasks = all.value(QStringLiteral("tasks")).toArray();
        QVERIFY(tasks.size() > 10);
        // The day plan: each RM's rows for today stay within the capacity; the rest are later or flagged.
        QCOMPARE(all.value(QStringLiteral("capacity")).toInt() % 40, 0);
        QHash<QString, int> todayByRm;
        int today = 0;
        QSet<QString> cadences;
        for (const QJsonValue &t : tasks) {
            const QJsonObject o = t.toObject();
            cadences.insert(o.value(QStringLiteral("cadence")).toString());
            if (o.value(QStringLiteral("section")).toString() == QLatin1String("today")) {
                ++today;
                ++todayByRm[o.value(QStringLiteral("rm_id")).toString()];
                QCOMPARE(o.value(QStringLiteral("planned_on")).toString(), QStringLiteral("2026-11-23"));
            } else {
                QVERIFY(o.value(QStringLiteral("section")).toString() != QLatin1String("today"));
            }
        }
        QCOMPARE(all.value(QStringLiteral("due")).toInt() + all.value(QStringLiteral("overdue")).toInt(), today);
        QVERIFY(!todayByRm.isEmpty());
        for (int n : todayByRm)
            QVERIFY(n <= 40);
        QCOMPARE(today + all.value(QStringLiteral("later")).toInt() + all.value(QStringLiteral("overload")).toInt()
                     + all.value(QStringLiteral("beyond")).toInt(),
                 int(tasks.size()));
        QVERIFY(cadences.contains(QStringLiteral("731")) && cadences.contains(QStringLiteral("4+1")));

        // One RM's share
        const QJsonObject rm = runJson(base + QStringList{QStringLiteral("--rm"), QStringLiteral("RM02")});
        const QJsonArray mine = rm.value(QStringLiteral("tasks")).toArray();
        QVERIFY(!mine.isEmpty() && mine.size() < tasks.size());
        for (const QJsonValue &t : mine)
            QCOMPARE(t.toObject().value(QStringLiteral("rm_id")).toString(), QStringLiteral("RM02"));

        // Log a phone call for the first 731 task's customer, that day (a phone call is no first
        // meeting for a new customer's list step, issue 18)
        QJsonObject first = mine.first().toObject();
        for (const QJsonValue &t : mine) {
            if (t.toObject().value(QStringLiteral("cadence")).toString() == QLatin1String("731")) {
                first = t.toObject();
                break;
            }
        }
        const QString customer = first.value(QStringLiteral("customer_no")).toString();
        const QJsonObject logged = runJson({QStringLiteral("log-contact"), QStringLiteral("--store"), m_store,
                                            QStringLiteral("--customer"), customer, QStringLiteral("--channel"),
                                            QStringLiteral("phone"), QStringLiteral("--outcome"), QStringLiteral("reached"),
                                            QStringLiteral("--at"), QStringLiteral("2026-11-23T10:30:00+08:00"),
                                            QStringLiteral("--note"), QStringLiteral("已提醒到期")});
        QCOMPARE(m_lastExit, 0);
        QCOMPARE(logged.value(QStringLiteral("customer_no")).toString(), customer);
        QCOMPARE(logged.value(QStringLiteral("staff_id")).toString(), QStringLiteral("RM02"));
        QCOMPARE(logged.value(QStringLiteral("note")).toString(), QStringLiteral("已提醒到期"));

        const QJsonObject after = runJson(base + QStringList{QStringLiteral("--rm"), QStringLiteral("RM02")});
        QVERIFY(after.value(QStringLiteral("done")).toInt() >= 1);
        bool done = false;
        for (const QJsonValue &t : after.value(QStringLiteral("tasks")).toArray()) {
            const QJsonObject o = t.toObject();
            if (o.value(QStringLiteral("customer_no")).toString() == customer
                && o.value(QStringLiteral("step")).toInt() == first.value(QStringLiteral("step")).toInt()
                && o.value(QStringLiteral("cadence")) == first.value(QStringLiteral("cadence")))
                done = o.value(QStringLiteral("state")).toString() == QLatin1String("on_time");
        }
        QVERIFY(done);
        QCOMPARE(after.value(QStringLiteral("due")).toInt() + after.value(QStringLiteral("done")).toInt(),
                 rm.value(QStringLiteral("due")).toInt());

        // CSV has a header and one line per task
        const QList<QByteArray> csv = run({QStringLiteral("tasks"), QStringLiteral("--store"), m_store, QStringLiteral("--rm"),
                                           QStringLiteral("RM02"), QStringLiteral("--date"), QStringLiteral("2026-11-23")})
                                          .trimmed()
                                          .split('\n');
        QVERIFY(csv.first().startsWith("rm_id,customer_no,name,tier,cadence,step"));
        QCOMPARE(csv.size(), mine.size() + 1);
    }

    void wrongUsageSaysSo()
    {
        run({QStringLiteral("log-contact"), QStringLiteral("--store"), m_store, QStringLiteral("--customer"),
             QStringLiteral("600100000003"), QStringLiteral("--channel"), QStringLiteral("telepathy"),
             QStringLiteral("--outcome"), QStringLiteral("reached")},
            2);
        QCOMPARE(m_lastExit, 2);
        run({QStringLiteral("tasks"), QStringLiteral("--store"), m_store, QStringLiteral("--rm"), QStringLiteral("NOBODY")}, 2);
        QCOMPARE(m_lastExit, 2);
        run({QStringLiteral("log-contact"), QStringLiteral("--store"), m_store, QStringLiteral("--customer"),
             QStringLiteral("nope"), QStringLiteral("--channel"), QStringLiteral("phone"), QStringLiteral("--outcome"),
             QStringLiteral("reached")},
            1);
        QCOMPARE(m_lastExit, 1);
    }

    void lists()
    {
        const QStringList common = {QStringLiteral("--store"), m_store, QStringLiteral("--date"), QStringLiteral("2026-11-23"),
                                    QStringLiteral("--format"), QStringLiteral("json")};
        const QJsonObject maturity = runJson(QStringList{QStringLiteral("list"), QStringLiteral("maturity")} + common
                                             + QStringList{QStringLiteral("--days"), QStringLiteral("10")});
        QCOMPARE(maturity.value(QStringLiteral("to")).toString(), QStringLiteral("2026-12-03"));
        const QJsonArray products = maturity.value(QStringLiteral("products")).toArray();
        QVERIFY(!products.isEmpty());
        QString previous;
        for (const QJsonValue &p : products) {
            const QString date = p.toObject().value(QStringLiteral("maturity_date")).toString();
            QVERIFY(date >= previous && date <= QLatin1String("2026-12-03"));
            QVERIFY(p.toObject().value(QStringLiteral("product_type")).toString() != QLatin1String("fund"));
            previous = date;
        }
        QCOMPARE(maturity.value(QStringLiteral("conversion")).toObject().value(QStringLiteral("target")).toDouble(), 0.9);

        const QJsonObject retention = runJson(QStringList{QStringLiteral("list"), QStringLiteral("retention")} + common);
        QVERIFY(retention.value(QStringLiteral("count")).toInt() > 0);
        QVERIFY(retention.value(QStringLiteral("triangles")).toObject().contains(QStringLiteral("product")));
        const QJsonObject conversion = runJson(QStringList{QStringLiteral("list"), QStringLiteral("conversion")} + common);
        QVERIFY(conversion.value(QStringLiteral("count")).toInt() > 0);
        const QJsonObject payroll = runJson(QStringList{QStringLiteral("list"), QStringLiteral("payroll")} + common);
        QVERIFY(payroll.value(QStringLiteral("count")).toInt() > 5);
        // The tiers issue's lists still answer through the same command
        const QByteArray threshold = run({QStringLiteral("list"), QStringLiteral("threshold"), QStringLiteral("--store"), m_store});
        QCOMPARE(m_lastExit, 0);
        QVERIFY(threshold.startsWith("rank,customer_no"));
    }
};

QTEST_GUILESS_MAIN(TestCadenceCli)
#include "tst_cadencecli.moc"
