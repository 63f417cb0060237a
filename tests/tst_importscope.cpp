// Issue 14 and 15 together: HQ's import writes who may pull each new record with the record
// (no second pass over a new branch), and a re-import that gives a customer another RM moves
// that customer's records from the old RM's desktop to the new one's. Real branchdesk-hq,
// real PostgreSQL, real desktops syncing.
#include "hqfixture.h"

#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "pgconnection.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/syncengine.h"

#include <QtTest>

#include <algorithm>

namespace {
const QString kPass = QStringLiteral("desk-pass");
const QString kPassword = QStringLiteral("staff-password-1");
const QString kBranch = QStringLiteral("SCOPE01");

int count(Database &db, const QString &sql, const QString &arg = {})
{
    Statement st(db, sql);
    if (!arg.isNull())
        st.bind(1, arg);
    return st.step() ? int(st.integer(0)) : -1;
}
} // namespace

class TestImportScope : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    BranchData m_branch;
    QString m_rm01, m_rm02;

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
    bool import(const BranchData &branch, const QString &name, QString *out)
    {
        QFile f(m_hq.path(name));
        QString error;
        if (!f.open(QIODevice::WriteOnly) || !ExtractCsv::write(branch, &f, &error))
            return false;
        f.close();
        return m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), kBranch, f.fileName()}, {}, out);
    }
    // Records of the branch whose scope is not what the branch's owners say it is, and
    // whether HQ considers the branch scoped.
    qint64 hqScalar(const char *sql)
    {
        PgConnection pg(m_hq.conninfo());
        return pg.exec(sql, {kBranch}).int64(0, 0);
    }
    int holdingsOf(const QString &customer) const
    {
        return int(std::count_if(m_branch.holdings.begin(), m_branch.holdings.end(),
                                 [&](const Holding &h) { return h.customerNo == customer; }));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({2000, 11, QDate(2026, 11, 23)}, &m_branch));
        QString out;
        QVERIFY2(import(m_branch, QStringLiteral("first.csv"), &out), qPrintable(m_hq.lastError()));
        for (const char *id : {"RM01", "RM02"})
            QVERIFY2(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), kBranch, QStringLiteral("--id"),
                              QString::fromLatin1(id), QStringLiteral("--name"), QStringLiteral("员工"), QStringLiteral("--role"),
                              QStringLiteral("rm")},
                             kPassword.toUtf8() + '\n'),
                     qPrintable(m_hq.lastError()));
        QVERIFY(m_hq.startServer());
        m_rm01 = m_hq.path(QStringLiteral("rm01.db"));
        m_rm02 = m_hq.path(QStringLiteral("rm02.db"));
    }

    void cleanupTestCase() { m_hq.stop(); }

    // The first import leaves no record unscoped, and each customer's records carry the RM
    // the file names (or '' for the unassigned pool, which only managers pull).
    void aFirstImportScopesEveryRecordAsItWritesIt()
    {
        QCOMPARE(hqScalar("SELECT count(*) FROM record WHERE branch_id = $1 AND scope IS NULL"), qint64(0));
        QCOMPARE(hqScalar("SELECT (last_seq = scoped_through)::int FROM branch WHERE branch_id = $1"), qint64(1));
        QCOMPARE(hqScalar("SELECT count(*) FROM record r WHERE r.branch_id = $1 AND r.entity = 'customer'"
                          " AND r.scope <> coalesce(r.payload->>'rm_id', '')"),
                 qint64(0));
        QCOMPARE(hqScalar("SELECT count(*) FROM record h JOIN record c ON c.branch_id = h.branch_id"
                          " AND c.entity = 'customer' AND c.record_id = h.payload->>'customer_no'"
                          " WHERE h.branch_id = $1 AND h.entity = 'holding' AND h.scope <> c.scope"),
                 qint64(0));
        QCOMPARE(hqScalar("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = 'staff' AND scope <> '*'"), qint64(0));
        const qint64 rm01 = std::count_if(m_branch.customers.begin(), m_branch.customers.end(),
                                          [](const Customer &c) { return c.rmId == QLatin1String("RM01"); });
        QVERIFY(rm01 > 0);
        QCOMPARE(hqScalar("SELECT count(*) FROM customer_owner WHERE branch_id = $1 AND rm_id = 'RM01'"), rm01);
        const SyncEngine::Report r1 = sync(m_rm01, QStringLiteral("RM01"));
        QVERIFY2(r1.ok, qPrintable(r1.error));
        QVERIFY(sync(m_rm02, QStringLiteral("RM02")).ok);
        Database db = Database::open(m_rm01, kPass, Database::OpenMode::ExistingOnly);
        QCOMPARE(qint64(count(db, QStringLiteral("SELECT count(*) FROM customer"))), rm01);
    }

    // A re-import that hands one of RM01's customers to RM02 and brings a new customer of
    // RM02: after one sync each, the moved customer and their holdings are on RM02's desktop
    // only, and the new customer too.
    void aReimportMovesACustomersRecordsBetweenDesktops()
    {
        auto moved = std::find_if(m_branch.customers.begin(), m_branch.customers.end(), [&](const Customer &c) {
            return c.rmId == QLatin1String("RM01") && holdingsOf(c.customerNo) > 0;
        });
        QVERIFY(moved != m_branch.customers.end());
        const QString movedNo = moved->customerNo;
        const int movedHoldings = holdingsOf(movedNo);
        moved->rmId = QStringLiteral("RM02");
        Customer fresh = *moved;
        fresh.customerNo = QStringLiteral("C9900001");
        m_branch.customers.push_back(fresh);
        Holding h = *std::find_if(m_branch.holdings.begin(), m_branch.holdings.end(),
                                  [&](const Holding &x) { return x.customerNo == movedNo; });
        h.holdingId = QStringLiteral("H9900001");
        h.customerNo = fresh.customerNo;
        m_branch.holdings.push_back(h);

        QString out;
        QVERIFY2(import(m_branch, QStringLiteral("second.csv"), &out), qPrintable(m_hq.lastError()));
        QVERIFY2(out.contains(QStringLiteral("customer: new 1 changed 1 ")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("holding: new 1 changed 0 ")), qPrintable(out));
        QCOMPARE(hqScalar("SELECT count(*) FROM record WHERE branch_id = $1 AND scope IS NULL"), qint64(0));
        QCOMPARE(hqScalar("SELECT count(*) FROM record WHERE branch_id = $1 AND scope = 'RM02'"
                          " AND (record_id = 'C9900001' OR payload->>'customer_no' = 'C9900001')"),
                 qint64(2));

        QVERIFY(sync(m_rm01, QStringLiteral("RM01")).ok);
        QVERIFY(sync(m_rm02, QStringLiteral("RM02")).ok);
        Database old = Database::open(m_rm01, kPass, Database::OpenMode::ExistingOnly);
        Database now = Database::open(m_rm02, kPass, Database::OpenMode::ExistingOnly);
        const QString byCustomer = QStringLiteral("SELECT count(*) FROM customer WHERE customer_no = ?");
        const QString byHolding = QStringLiteral("SELECT count(*) FROM holding WHERE customer_no = ?");
        QCOMPARE(count(old, byCustomer, movedNo), 0);
        QCOMPARE(count(old, byHolding, movedNo), 0);
        QCOMPARE(count(now, byCustomer, movedNo), 1);
        QCOMPARE(count(now, byHolding, movedNo), movedHoldings);
        QCOMPARE(count(now, byCustomer, fresh.customerNo), 1);
        QCOMPARE(count(now, byHolding, fresh.customerNo), 1);
        QCOMPARE(count(old, byCustomer, fresh.customerNo), 0);
    }

    // Importing the same file again changes nothing and rescopes nothing.
    void theSameFileAgainScopesNothingAnew()
    {
        const qint64 before = hqScalar("SELECT last_seq FROM branch WHERE branch_id = $1");
        QString out;
        QVERIFY2(import(m_branch, QStringLiteral("third.csv"), &out), qPrintable(m_hq.lastError()));
        QVERIFY2(out.startsWith(QStringLiteral("rows ")) && out.contains(QStringLiteral(" changed 0 ")), qPrintable(out));
        QCOMPARE(hqScalar("SELECT last_seq FROM branch WHERE branch_id = $1"), before);
        QCOMPARE(hqScalar("SELECT count(*) FROM record WHERE branch_id = $1 AND scope IS NULL"), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestImportScope)
#include "tst_importscope.moc"
