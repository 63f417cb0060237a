#include "domain/textdecoding.h"
#include "store/metatable.h"
#include "store/auditlog.h"
#include "store/branchrepository.h"
#include "store/database.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// branchdesk-cli import: the real binary on a GBK CSV and a mapping file,
// into a new encrypted store, rejects beside the file, counts on stdout.
class TestImportCommand : public QObject
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
    Run cli(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), QStringLiteral("cli-pass"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("BRANCHDESK_CLI"), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return path;
    }

private slots:
    void importsAGbkFileIntoANewStore()
    {
        const QString file = write(
            QStringLiteral("branch.csv"),
            TextDecoding::encodeGbk(QStringLiteral("客户号,姓名,身份证号码,资产(万元),开户日期\r\n"
                                                   "600000000001,张三,11010519491231002X,61.2,2020/3/1\r\n"
                                                   "600000000002,李四,110105194912310021,5,2021-01-01\r\n"
                                                   "600000000003,王五,,\"1,234.5\",20220101\r\n"
                                                   "600000000001,张三,,1,2020-03-01\r\n")));
        const QString store = m_dir.filePath(QStringLiteral("import.db"));
        const Run r = cli({QStringLiteral("import"), file, QStringLiteral("--store"), store, QStringLiteral("--today"),
                           QStringLiteral("2026-11-23")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("read 4 rows (csv, GBK): 2 new, 0 updated, 2 rejected")), qPrintable(r.out));
        // No personal data on the terminal.
        QVERIFY(!r.out.contains(QStringLiteral("张三")) && !r.err.contains(QStringLiteral("张三")));
        QVERIFY(!r.out.contains(QStringLiteral("11010519491231002")));
        const QString rejectsPath = m_dir.filePath(QStringLiteral("branch.rejects.csv"));
        QVERIFY(r.out.contains(rejectsPath));
        QFile rejects(rejectsPath);
        QVERIFY(rejects.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(rejects.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4); // the personal-data notice, the header, two rejects
        QVERIFY2(lines[2].startsWith(QStringLiteral("3,id_number,")), qPrintable(lines[2]));
        QVERIFY2(lines[3].startsWith(QStringLiteral("5,customer_no,")), qPrintable(lines[3]));

        Database db = Database::open(store, QStringLiteral("cli-pass"), Database::OpenMode::ExistingOnly);
        BranchData data;
        BranchRepository(db).loadAll(&data);
        QCOMPARE(int(data.customers.size()), 2);
        const Customer &c = data.customers[0].customerNo == QLatin1String("600000000001") ? data.customers[0] : data.customers[1];
        QCOMPARE(c.name, QStringLiteral("张三"));
        QCOMPARE(c.aumFen, qint64(61200000));
        QCOMPARE(c.openedOn, QDate(2020, 3, 1));
        QCOMPARE(c.birthDate, QDate(1949, 12, 31));
        QCOMPARE(AuditLog(db).entries().back().event, QStringLiteral("import"));
        QVERIFY(AuditLog(db).verify().ok);
    }

    void mappingFileAndReimportUpdates()
    {
        const QString store = m_dir.filePath(QStringLiteral("mapped.db"));
        const QString file = write(QStringLiteral("odd.csv"), QStringLiteral("编号,称呼,余额\n900001,赵六,3\n").toUtf8());
        const QString mapping = write(QStringLiteral("odd.json"),
                                      QStringLiteral("{\"columns\": {\"编号\": \"customer_no\", \"称呼\": \"name\", \"余额\": \"aum\"},"
                                                     " \"amount_units\": {\"余额\": \"wan\"}}")
                                          .toUtf8());
        // Without the mapping the header says nothing the importer knows.
        Run r = cli({QStringLiteral("import"), file, QStringLiteral("--store"), store});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("odd.csv, line 1")), qPrintable(r.err));
        r = cli({QStringLiteral("import"), file, QStringLiteral("--store"), store, QStringLiteral("--mapping"), mapping});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("1 new, 0 updated, 0 rejected")), qPrintable(r.out));
        r = cli({QStringLiteral("import"), file, QStringLiteral("--store"), store, QStringLiteral("--mapping"), mapping});
        QVERIFY2(r.out.contains(QStringLiteral("0 new, 1 updated, 0 rejected")), qPrintable(r.out));
        Database db = Database::open(store, QStringLiteral("cli-pass"), Database::OpenMode::ExistingOnly);
        BranchData data;
        BranchRepository(db).loadAll(&data);
        QCOMPARE(int(data.customers.size()), 1);
        QCOMPARE(data.customers[0].aumFen, qint64(3000000));
    }

    void rmIdsJoinALocalBranchsStaffOnly()
    {
        // Given a new store and a file naming two RMs, one of them twice
        const QString store = m_dir.filePath(QStringLiteral("rms.db"));
        const QString file = write(QStringLiteral("rms.csv"), QStringLiteral("客户号,姓名,客户经理\n"
                                                                            "910001,赵六,RM01\n"
                                                                            "910002,钱七,RM02\n"
                                                                            "910003,孙八,RM02\n"
                                                                            "910004,李九,\n")
                                                                 .toUtf8());
        Run r = cli({QStringLiteral("import"), file, QStringLiteral("--store"), store});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // Then the local branch's staff gains them as RMs named by their id
        QVERIFY2(r.out.contains(QStringLiteral("2 RM id(s) from the file added to the branch's staff")), qPrintable(r.out));
        {
            Database db = Database::open(store, QStringLiteral("cli-pass"), Database::OpenMode::ExistingOnly);
            BranchData data;
            BranchRepository(db).loadAll(&data);
            QCOMPARE(int(data.staff.size()), 2);
            for (const Staff &st : data.staff) {
                QCOMPARE(st.role, Staff::Role::RelationshipManager);
                QCOMPARE(st.name, st.staffId);
            }
            // When the store has since signed in to HQ (HQ owns the staff list)
            MetaTable::setValue(db, QStringLiteral("sync.staff_id"), QStringLiteral("MGR01"));
        }
        const QString more = write(QStringLiteral("more.csv"), QStringLiteral("客户号,姓名,客户经理\n910005,周十,RM07\n").toUtf8());
        r = cli({QStringLiteral("import"), more, QStringLiteral("--store"), store});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // Then an unknown RM id is kept on the customer but not added to the staff
        QVERIFY2(!r.out.contains(QStringLiteral("added to the branch's staff")), qPrintable(r.out));
        Database db = Database::open(store, QStringLiteral("cli-pass"), Database::OpenMode::ExistingOnly);
        BranchData data;
        BranchRepository(db).loadAll(&data);
        QCOMPARE(int(data.staff.size()), 2);
        QCOMPARE(int(data.customers.size()), 5);
    }

    void wrongUsage()
    {
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("x.csv")}).code, 2);
        const Run r = cli({QStringLiteral("import"), m_dir.filePath(QStringLiteral("missing.csv")), QStringLiteral("--store"),
                           m_dir.filePath(QStringLiteral("m.db"))});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QStringLiteral("missing.csv")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
