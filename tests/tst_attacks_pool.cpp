// Issue 15, the unassigned pool: with HQ's pool policy on, each RM's pull carries the
// branch's unassigned customers masked at HQ (customer number, masked name, the tier when
// the policy shows it; never phone, ID number or address). Against the real branchdesk-hq
// and PostgreSQL: an RM gets no pool while the policy is off; with it on the raw HTTP answer
// holds none of the clear values; the desktop shows the pool masked and cannot reveal it;
// an assignment brings the full record to its RM and takes the copy off everyone else's
// desktop; withdrawing the policy takes the pool off every RM's desktop.
#include "attacksupport.h"

#include "customer360panel.h"
#include "domain/demogenerator.h"
#include "domain/moneyformat.h"
#include "domain/personaldatamask.h"
#include "domain/tierpolicy.h"
#include "items/customertablemodel.h"
#include "pgconnection.h"
#include "store/assignmentrepository.h"
#include "store/auditlog.h"
#include "store/branchstore.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/syncengine.h"

#include <QLabel>
#include <QSet>
#include <QToolButton>
#include <QtTest>

namespace {
const QString kPass = QStringLiteral("desk-pass");
const QString kPassword = QStringLiteral("staff-password-1");
const QString kBranch = QStringLiteral("DEMO007");

int count(Database &db, const QString &sql, const QString &arg = {})
{
    Statement st(db, sql);
    if (!arg.isNull())
        st.bind(1, arg);
    return st.step() ? int(st.integer(0)) : -1;
}
} // namespace

class TestAttacksPool : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    BranchData m_branch;
    AttackTally m_tally;
    QString m_rm01, m_rm02, m_mgr;
    std::vector<const Customer *> m_pool; // the extract's unassigned customers

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
    bool setPolicy(const QByteArray &document)
    {
        const QString file = m_dir.filePath(QStringLiteral("pool.json"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(document) != document.size())
            return false;
        f.close();
        return m_hq.hq({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--kind"), QStringLiteral("pool"), file,
                        QStringLiteral("--branch"), kBranch});
    }
    // The whole branch as a hand-made pull returns it, CBOR as a desktop gets it, uncompressed.
    QByteArray rawPull(const QString &staff, const QString &store)
    {
        Database db = Database::open(store, kPass, Database::OpenMode::ExistingOnly);
        const QString token = signIn(m_hq.url(), staff, kPassword, ContactRepository::deviceId(db));
        const HttpAnswer a = http(m_hq.url(), "GET", QStringLiteral("/v1/branches/%1/changes?after=0&limit=20000").arg(kBranch), {},
                                  token, {{"Accept", "application/cbor"}, {"Accept-Encoding", "identity"}});
        return a.status == 200 ? a.body : QByteArray();
    }
    // How many of the pool's phones, ID numbers and addresses are in `bytes` (a value that an
    // assigned customer shares, such as an address, does not count).
    int clearValuesIn(const QByteArray &bytes)
    {
        QSet<QString> assigned;
        for (const Customer &c : m_branch.customers) {
            if (!c.rmId.isEmpty())
                assigned << c.phone << c.idNumber << c.address;
        }
        int found = 0;
        for (const Customer *c : m_pool) {
            for (const QString &v : {c->phone, c->idNumber, c->address})
                found += !v.isEmpty() && !assigned.contains(v) && bytes.contains(v.toUtf8()) ? 1 : 0;
        }
        return found;
    }
    const Customer *poolCustomer(int n) { return m_pool.at(size_t(n)); }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({4000, 11, QDate(2026, 11, 23)}, &m_branch));
        for (const Customer &c : m_branch.customers) {
            if (c.rmId.isEmpty())
                m_pool.push_back(&c);
        }
        QVERIFY2(m_pool.size() >= 20, "the demo branch has an unassigned pool");
        QVERIFY2(m_hq.importBranch(m_branch, kBranch, QStringLiteral("extract.csv"), QStringLiteral("RM01"),
                                   QStringLiteral("客户经理"), kPassword),
                 qPrintable(m_hq.lastError()));
        for (const auto &[id, role] : {std::pair{"RM02", "rm"}, std::pair{"MGR01", "manager"}})
            QVERIFY2(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), kBranch, QStringLiteral("--id"),
                              QString::fromLatin1(id), QStringLiteral("--name"), QStringLiteral("员工"), QStringLiteral("--role"),
                              QString::fromLatin1(role)},
                             kPassword.toUtf8() + '\n'),
                     qPrintable(m_hq.lastError()));
        QVERIFY(m_hq.startServer());
        m_rm01 = m_dir.filePath(QStringLiteral("rm01.db"));
        m_rm02 = m_dir.filePath(QStringLiteral("rm02.db"));
        m_mgr = m_dir.filePath(QStringLiteral("mgr.db"));
        const SyncEngine::Report m = sync(m_mgr, QStringLiteral("MGR01"));
        QVERIFY2(m.ok, qPrintable(m.error));
    }

    void cleanupTestCase() { m_hq.stop(); }

    void withThePolicyOffAnRmGetsNoPool()
    {
        QVERIFY(sync(m_rm01, QStringLiteral("RM01")).ok);
        Database db = Database::open(m_rm01, kPass, Database::OpenMode::ExistingOnly);
        const int pool = count(db, QStringLiteral("SELECT count(*) FROM customer WHERE coalesce(rm_id, '') = ''"));
        const int masked = count(db, QStringLiteral("SELECT count(*) FROM customer WHERE masked IS NOT NULL"));
        const QByteArray raw = rawPull(QStringLiteral("RM01"), m_rm01);
        QVERIFY(!raw.isEmpty());
        int ids = 0;
        for (const Customer *c : m_pool)
            ids += raw.contains(c->customerNo.toUtf8()) ? 1 : 0;
        qInfo("policy off: RM01 holds %d pool customers, the raw pull names %d of %zu", pool, ids, m_pool.size());
        ATTACK(m_tally, "an RM pulls the unassigned pool while the policy is off", pool == 0 && masked == 0 && ids == 0);
        // A document HQ cannot read is refused with the field's name, and nothing is issued.
        QVERIFY(!setPolicy(R"({"rm_sees_pool": "yes"})"));
        QVERIFY2(m_hq.lastError().contains(QLatin1String("'rm_sees_pool' must be true or false")), qPrintable(m_hq.lastError()));
        QVERIFY(!setPolicy(R"({"rm_sees_pool": true, "show_phone": true})"));
        QVERIFY2(m_hq.lastError().contains(QLatin1String("unknown field 'show_phone'")), qPrintable(m_hq.lastError()));
        PgConnection pg(m_hq.conninfo());
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE entity = 'policy' AND record_id = 'pool'").int64(0, 0), qint64(0));
    }

    void withThePolicyOnEveryRmGetsThePoolMasked()
    {
        QVERIFY(setPolicy(R"({"rm_sees_pool": true, "show_tier": true})"));
        QVERIFY(sync(m_rm01, QStringLiteral("RM01")).ok);
        QVERIFY(sync(m_rm02, QStringLiteral("RM02")).ok);
        // The positive control: the manager's pull does carry the clear values.
        const QByteArray managers = rawPull(QStringLiteral("MGR01"), m_mgr);
        QVERIFY(clearValuesIn(managers) > int(m_pool.size()));
        const QByteArray raw = rawPull(QStringLiteral("RM02"), m_rm02);
        QVERIFY(!raw.isEmpty());
        int ids = 0, fullNames = 0;
        for (const Customer *c : m_pool) {
            ids += raw.contains(c->customerNo.toUtf8()) ? 1 : 0;
            fullNames += c->name.size() >= 2 && raw.contains(c->name.toUtf8()) ? 1 : 0;
        }
        QCOMPARE(ids, int(m_pool.size()));
        ATTACK(m_tally, "the masked pool carries phone, ID number or address", clearValuesIn(raw) == 0);
        // Names: the masked form only (a full name may still match one of RM02's own customers).
        Database db = Database::open(m_rm02, kPass, Database::OpenMode::ExistingOnly);
        const TierPolicy tiers = TierPolicy::defaultPolicy();
        int right = 0;
        for (const Customer *c : m_pool) {
            Statement st(db, QStringLiteral("SELECT name, phone, id_number, address, masked, rm_id, aum_fen FROM customer"
                                            " WHERE customer_no = ?"));
            st.bind(1, c->customerNo);
            QVERIFY2(st.step(), qPrintable(c->customerNo));
            const bool ok = st.text(0) == PersonalDataMask::name(c->name) && st.isNull(1) && st.isNull(2) && st.isNull(3)
                            && st.text(4) == tiers.tier(tiers.tierOf(*c)).id && st.text(5).isEmpty() && st.int64(6) == 0;
            right += ok ? 1 : 0;
        }
        QCOMPARE(right, int(m_pool.size()));
        QCOMPARE(count(db, QStringLiteral("SELECT count(*) FROM holding WHERE customer_no IN"
                                          " (SELECT customer_no FROM customer WHERE masked IS NOT NULL)")),
                 0);
        qInfo("policy on: RM02's pull names all %zu pool customers; full names matched %d times", m_pool.size(), fullNames);
        ATTACK(m_tally, "the masked pool carries full names", right == int(m_pool.size()));
        Database db1 = Database::open(m_rm01, kPass, Database::OpenMode::ExistingOnly);
        QCOMPARE(count(db1, QStringLiteral("SELECT count(*) FROM customer WHERE masked IS NOT NULL")), int(m_pool.size()));
    }

    void theDesktopShowsThePoolMaskedAndCannotRevealIt()
    {
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_rm02, kPass, &branch, {}, QDate(2026, 11, 23)));
        const BranchSnapshot &s = *branch.snapshot;
        QCOMPARE(int(s.pool().size()), int(m_pool.size()));
        for (int i = 0; i < s.customerCount(); ++i)
            QVERIFY(s.customer(i).rmId == QLatin1String("RM02")); // no pool copy among the customers the lists use
        CustomerTableModel model;
        model.setBranch(branch);
        model.setRmFilter(CustomerTableModel::kUnassigned);
        QCOMPARE(model.rowCount(), int(m_pool.size()));
        QVERIFY(model.isPoolRow(0));
        const QString no = model.customerNoAt(0);
        const auto it = std::find_if(m_pool.begin(), m_pool.end(), [&](const Customer *c) { return c->customerNo == no; });
        QVERIFY(it != m_pool.end());
        QCOMPARE(model.index(0, CustomerTableModel::Rm).data().toString(), QStringLiteral("Unassigned (masked)"));
        QCOMPARE(model.index(0, CustomerTableModel::Name).data().toString(), PersonalDataMask::name((*it)->name));
        // The tier HQ sent, and its band on the tier policy in place of the AUM.
        const int tier = s.tierPolicy().tierOf(**it);
        QCOMPARE(model.index(0, CustomerTableModel::Tier).data().toString(), s.tierPolicy().displayName(tier));
        const QString band = model.index(0, CustomerTableModel::Aum).data().toString();
        QCOMPARE(band, tier + 1 < s.tierPolicy().count()
                           ? QStringLiteral("%1–%2").arg(tier == 0 ? QStringLiteral("0") : MoneyFormat::listAmount(s.tierPolicy().tier(tier).minFen),
                                                         MoneyFormat::listAmount(s.tierPolicy().tier(tier + 1).minFen))
                           : QStringLiteral("≥ %1").arg(MoneyFormat::listAmount(s.tierPolicy().tier(tier).minFen)));
        // The 360 panel has nothing to reveal: no field, no "Show" button, no audit entry.
        Customer360Panel panel;
        panel.setBranch(branch);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showCustomer(model.customerAt(0));
        bool buttonShown = false;
        for (QToolButton *b : panel.findChildren<QToolButton *>()) {
            if (b->objectName().startsWith(QLatin1String("reveal_")))
                buttonShown = buttonShown || b->isVisible();
        }
        QString shown;
        for (QLabel *l : panel.findChildren<QLabel *>()) {
            if (l->isVisible())
                shown += l->text();
        }
        QVERIFY2(shown.contains(no), qPrintable(shown));
        int reveals = 0;
        {
            Database db = Database::open(m_rm02, kPass, Database::OpenMode::ExistingOnly);
            for (const AuditLog::Entry &e : AuditLog(db).entries())
                reveals += e.event == QLatin1String("reveal") ? 1 : 0;
        }
        ATTACK(m_tally, "a masked pool customer is revealed on the desktop",
               !buttonShown && reveals == 0 && !shown.contains((*it)->phone) && !shown.contains((*it)->name));
    }

    void anAssignmentUpgradesTheCopyAndTakesItOffOtherDesktops()
    {
        const Customer *toRm02 = poolCustomer(0);
        const Customer *toRm01 = poolCustomer(1);
        const int holdings = int(std::count_if(m_branch.holdings.begin(), m_branch.holdings.end(),
                                               [&](const Holding &h) { return h.customerNo == toRm02->customerNo; }));
        {
            Database db = Database::open(m_mgr, kPass, Database::OpenMode::ExistingOnly);
            AssignmentRepository repo(db);
            QCOMPARE(repo.assign({toRm02->customerNo}, QStringLiteral("RM02"), QStringLiteral("MGR01")), 1);
            QCOMPARE(repo.assign({toRm01->customerNo}, QStringLiteral("RM01"), QStringLiteral("MGR01")), 1);
        }
        QVERIFY(sync(m_mgr, QStringLiteral("MGR01")).ok);
        QVERIFY(sync(m_rm01, QStringLiteral("RM01")).ok);
        QVERIFY(sync(m_rm02, QStringLiteral("RM02")).ok);
        Database rm01 = Database::open(m_rm01, kPass, Database::OpenMode::ExistingOnly);
        Database rm02 = Database::open(m_rm02, kPass, Database::OpenMode::ExistingOnly);
        // (rm_id stays as the extract had it, empty: the assignment names the RM.)
        const QString full = QStringLiteral("SELECT count(*) FROM customer c JOIN assignment a USING (customer_no)"
                                            " WHERE customer_no = ? AND c.masked IS NULL AND c.phone IS NOT NULL"
                                            " AND a.rm_id IS NOT NULL AND a.rm_id <> ''");
        const QString any = QStringLiteral("SELECT count(*) FROM customer WHERE customer_no = ?");
        const QString byHolding = QStringLiteral("SELECT count(*) FROM holding WHERE customer_no = ?");
        // The new RM has the full record, with its holdings, where the masked copy was.
        QCOMPARE(count(rm02, full, toRm02->customerNo), 1);
        QCOMPARE(count(rm02, byHolding, toRm02->customerNo), holdings);
        Statement phone(rm02, QStringLiteral("SELECT phone, name FROM customer WHERE customer_no = ?"));
        phone.bind(1, toRm02->customerNo);
        QVERIFY(phone.step());
        QCOMPARE(phone.text(0), toRm02->phone);
        QCOMPARE(phone.text(1), toRm02->name);
        QCOMPARE(count(rm01, full, toRm01->customerNo), 1);
        // Everyone else: the customer left the pool.
        ATTACK(m_tally, "a pool customer assigned to another RM stays on this desktop",
               count(rm01, any, toRm02->customerNo) == 0 && count(rm02, any, toRm01->customerNo) == 0);
        const int left = int(m_pool.size()) - 2;
        QCOMPARE(count(rm01, QStringLiteral("SELECT count(*) FROM customer WHERE masked IS NOT NULL")), left);
        QCOMPARE(count(rm02, QStringLiteral("SELECT count(*) FROM customer WHERE masked IS NOT NULL")), left);
    }

    void withdrawingThePolicyTakesThePoolOff()
    {
        QVERIFY(setPolicy(R"({"rm_sees_pool": false})"));
        QVERIFY(sync(m_rm01, QStringLiteral("RM01")).ok);
        QVERIFY(sync(m_rm02, QStringLiteral("RM02")).ok);
        Database rm01 = Database::open(m_rm01, kPass, Database::OpenMode::ExistingOnly);
        Database rm02 = Database::open(m_rm02, kPass, Database::OpenMode::ExistingOnly);
        const QString masked = QStringLiteral("SELECT count(*) FROM customer WHERE masked IS NOT NULL");
        // What was assigned stays in full with its RM.
        QCOMPARE(count(rm02, QStringLiteral("SELECT count(*) FROM customer WHERE customer_no = ? AND masked IS NULL"),
                       poolCustomer(0)->customerNo),
                 1);
        ATTACK(m_tally, "the pool stays on RM desktops after the policy is withdrawn",
               count(rm01, masked) == 0 && count(rm02, masked) == 0);
        // A new desktop of the branch gets none of it either.
        const QString fresh = m_dir.filePath(QStringLiteral("rm01-new.db"));
        QVERIFY(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), kBranch, QStringLiteral("--id"),
                         QStringLiteral("RM03"), QStringLiteral("--name"), QStringLiteral("员工"), QStringLiteral("--role"),
                         QStringLiteral("rm")},
                        kPassword.toUtf8() + '\n'));
        QVERIFY(sync(fresh, QStringLiteral("RM03")).ok);
        Database rm03 = Database::open(fresh, kPass, Database::OpenMode::ExistingOnly);
        QCOMPARE(count(rm03, masked), 0);
        QCOMPARE(count(rm03, QStringLiteral("SELECT count(*) FROM customer WHERE coalesce(rm_id, '') = ''")), 0);
        qInfo("ATTACKS pool: %d tried, %d succeeded", m_tally.tried, m_tally.succeeded);
    }
};

QTEST_MAIN(TestAttacksPool)
#include "tst_attacks_pool.moc"
