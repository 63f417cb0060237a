#include "domain/branchdata.h"
#include "domain/branchsnapshot.h"
#include "domain/maturitylist.h"
#include "domain/todaylist.h"
#include "hqfixture.h"
#include "pgconnection.h"
#include "store/branchrepository.h"
#include "store/customerimportjob.h"
#include "store/database.h"
#include "store/schemamigrations.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

// Issue 14's acceptance: every file of the hostile corpus (tests/data/import, written by
// make-corpus.py) through BOTH importers, the desktop's (CustomerImportJob on a real
// SQLCipher store) and HQ's (the real `branchdesk-hq import` on a throwaway PostgreSQL).
// For each file: the exact rows stored, read back; the exact rejects (line + reason); and
// when the file is refused, that nothing already stored changed.
class TestImportCorpus : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    int m_n = 0;
    const QDate m_asOf{2026, 11, 23};

    static QString data(const char *name) { return QStringLiteral(BRANCHDESK_CORPUS_DIR "/") + QLatin1String(name); }

    // ---- desktop
    struct Desk
    {
        CustomerImportJob::Result result = CustomerImportJob::Result::Failed;
        CustomerImportJob::Summary summary;
        QString error;
    };
    QString newStore() { return m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)); }
    Desk desk(const QString &store, const QString &file)
    {
        Database db = Database::open(store, QStringLiteral("pass-word"), Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        CustomerImportJob::Options o;
        o.file = file;
        o.rejectsPath = m_dir.filePath(QStringLiteral("r%1.csv").arg(++m_n));
        o.staffId = QStringLiteral("test");
        o.asOf = m_asOf;
        Desk d;
        d.result = CustomerImportJob::run(db, o, &d.summary, &d.error);
        return d;
    }
    // What the store holds, one sorted line per record: the values the corpus sets.
    QStringList stored(const QString &store)
    {
        Database db = Database::open(store, QStringLiteral("pass-word"), Database::OpenMode::ExistingOnly);
        BranchData b;
        BranchRepository(db).loadAll(&b);
        QStringList out;
        for (const Staff &s : b.staff)
            out << QStringLiteral("staff %1 %2 %3").arg(s.staffId, s.name, Staff::roleKey(s.role));
        for (const Customer &c : b.customers)
            out << QStringLiteral("customer %1 %2 %3 %4 %5 %6 %7 %8")
                       .arg(c.customerNo, c.name, c.phone, c.idNumber, c.birthDate.toString(Qt::ISODate))
                       .arg(c.aumFen)
                       .arg(c.openedOn.toString(Qt::ISODate), c.rmId);
        for (const Holding &h : b.holdings)
            out << QStringLiteral("holding %1 %2 %3 %4 %5 %6 %7")
                       .arg(h.holdingId.startsWith(QLatin1String("F-")) ? QStringLiteral("F") : h.holdingId, h.customerNo,
                            Holding::productTypeKey(h.productType), h.productName)
                       .arg(h.amountFen)
                       .arg(h.openDate.toString(Qt::ISODate), h.maturityDate.toString(Qt::ISODate));
        out.sort();
        return out;
    }
    // "line,field,reason" of each reject, in file order.
    static QStringList rejects(const CustomerImportJob::Summary &s)
    {
        QStringList out;
        if (s.rejectsPath.isEmpty())
            return out;
        QFile f(s.rejectsPath);
        if (!f.open(QIODevice::ReadOnly))
            return {QStringLiteral("unreadable")};
        const QStringList lines = QString::fromUtf8(f.readAll().mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        for (qsizetype i = 2; i < lines.size(); ++i)
            out << lines.at(i).section(QLatin1Char(','), 0, 1);
        return out;
    }

    // ---- HQ
    struct Run
    {
        int code = -1;
        QString out, err;
    };
    Run hq(const QStringList &args, bool withDb = true)
    {
        QProcess p;
        QProcessEnvironment env = withDb ? m_hq.env() : QProcessEnvironment::systemEnvironment();
        if (!withDb)
            env.insert(QStringLiteral("PGHOST"), QStringLiteral("/nonexistent"));
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("BRANCHDESK_HQ"), args);
        if (!p.waitForFinished(120000))
            return {};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
    Run hqImport(const QString &branch, const QString &file, const QStringList &extra = {})
    {
        return hq(QStringList{QStringLiteral("import"), QStringLiteral("--branch"), branch, file} + extra);
    }
    // The branch's live records at HQ with the values the corpus sets, and its last sequence number.
    QStringList hqStored(const QString &branch)
    {
        PgConnection pg(m_hq.conninfo());
        const PgResult r = pg.exec("SELECT entity, record_id, coalesce(payload->>'name', ''), coalesce(payload->>'phone', ''),"
                                   " coalesce(payload->>'id_number', ''), coalesce(payload->>'aum_fen', payload->>'amount_fen', ''),"
                                   " coalesce(payload->>'maturity_date', payload->>'birth_date', '')"
                                   " FROM record WHERE branch_id = $1 AND NOT deleted ORDER BY entity, record_id",
                                   {branch});
        QStringList out;
        for (int i = 0; i < r.rows(); ++i) {
            QStringList cells;
            for (int c = 0; c < 7; ++c) {
                if (!r.text(i, c).isEmpty())
                    cells << r.text(i, c);
            }
            out << cells.join(QLatin1Char(' ')).trimmed();
        }
        out << QStringLiteral("last_seq %1").arg(pg.exec("SELECT coalesce(max(last_seq), 0) FROM branch WHERE branch_id = $1", {branch}).int64(0, 0));
        return out;
    }

    static QStringList baseStored()
    {
        return {QStringLiteral("customer C001 张三 13812345678 110105198005170017 1980-05-17 76875000 2015-06-01 RM01"),
                QStringLiteral("customer C002 李四 13900001111 310104197503020026 1975-03-02 5200000 2015-06-01 RM01"),
                QStringLiteral("customer C003 王五   1990-12-31 120000 2015-06-01 RM01"),
                QStringLiteral("customer C004 赵六 02087654321 440106198808080245 1988-08-08 61200000 2015-06-01 MGR1"),
                QStringLiteral("customer C005 孙七 13700002222 320102196501200132 1965-01-20 0 2015-06-01 "),
                QStringLiteral("holding H001 C001 time_deposit 三年期定期存款 50000000 2023-12-01 2026-12-01"),
                QStringLiteral("holding H002 C004 wealth 稳健理财181天 30000000 2026-06-10 2026-12-08"),
                QStringLiteral("staff MGR1 王芳 manager"),
                QStringLiteral("staff RM01 张敏 rm")};
    }
    QString seededStore()
    {
        const QString s = newStore();
        const Desk d = desk(s, data("extract-base.csv"));
        if (d.result != CustomerImportJob::Result::Done)
            qWarning() << d.error;
        return s;
    }
    QString seededBranch()
    {
        const QString branch = QStringLiteral("B%1").arg(++m_n);
        const Run r = hqImport(branch, data("extract-base.csv"));
        if (r.code != 0)
            qWarning() << r.err;
        return branch;
    }

private slots:
    void initTestCase();
    void cleanupTestCase() { m_hq.stop(); }
    void goodExtractsStoreTheSameRows_data();
    void goodExtractsStoreTheSameRows();
    void hostileValues();
    void refusedFilesChangeNothing_data();
    void refusedFilesChangeNothing();
    void cutAtALineEnd();
    void customerListInGbkWithTitles();
    void maturityList();
    void aFileOnlyBranchGetsMaturitiesAnd731();
    void rejectsFileIsPrivate();
    void failedCliImportLeavesNothingBehind();
    void everySubcommandAnswersHelp();
};

#include "tst_importcorpus_cases.h"

QTEST_GUILESS_MAIN(TestImportCorpus)
#include "tst_importcorpus.moc"
