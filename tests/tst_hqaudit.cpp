// HQ's side of the audit trail (issue 8): `branchdesk-hq audit --branch` lists what the
// branch's desktops pushed, checks each device's hash chain and says where it breaks, and
// prune-tombstones never removes audit entries (kept at least 6 months).
#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "hqfixture.h"
#include "pgconnection.h"
#include "store/auditlog.h"
#include "store/storeaccess.h"

#include <QFile>
#include <QtTest>

namespace {
const QString kPass = QStringLiteral("audit-pass");
const QString kHqPassword = QStringLiteral("audit-password");
const QString kBranch = QStringLiteral("AUDIT01");
} // namespace

class TestHqAudit : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    BranchData m_branch;

    bool cliSync(const QString &store)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), kPass);
        env.insert(QStringLiteral("BRANCHDESK_HQ_PASSWORD"), kHqPassword);
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("BRANCHDESK_CLI"), {QStringLiteral("sync"), QStringLiteral("--store"), store,
                                                         QStringLiteral("--hq"), m_hq.url().toString(),
                                                         QStringLiteral("--user"), QStringLiteral("MGR01")});
        p.waitForFinished(120000);
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
    QString audit(bool *ok = nullptr)
    {
        QString out;
        const bool done = m_hq.hq({QStringLiteral("audit"), QStringLiteral("--branch"), kBranch}, {}, &out);
        if (ok)
            *ok = done;
        return out;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({60, 5, QDate(2026, 11, 23)}, &m_branch));
        m_branch.branchCode = kBranch;
        const QString csv = m_hq.path(QStringLiteral("audit.csv"));
        QFile f(csv);
        QString error;
        QVERIFY(f.open(QIODevice::WriteOnly) && ExtractCsv::write(m_branch, &f, &error));
        f.close();
        QVERIFY(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), kBranch, csv}));
        QVERIFY(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), kBranch, QStringLiteral("--id"),
                         QStringLiteral("MGR01"), QStringLiteral("--name"), QStringLiteral("行长"), QStringLiteral("--role"),
                         QStringLiteral("manager")},
                        kHqPassword.toUtf8() + '\n'));
        QVERIFY(m_hq.startServer());
    }
    void cleanupTestCase() { m_hq.stop(); }

    void managersViewListsTheTrailAndFindsTheBreak()
    {
        // Given a desktop that signed in, revealed a phone with a reason and synced
        const QString store = m_dir.filePath(QStringLiteral("desk.db"));
        QVERIFY(cliSync(store));
        const QString customerNo = m_branch.customers[3].customerNo;
        AuditLog::record(StoreAccess{store, kPass, nullptr}, QStringLiteral("reveal"), customerNo,
                         QStringLiteral("field=phone; reason=Calling the customer back"));
        QVERIFY(cliSync(store));

        // When HQ lists the branch's audit trail
        bool ok = false;
        QString out = audit(&ok);
        // Then both entries are there, with the customer number and the reason, the chain holds
        QVERIFY2(ok, qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("\tsign_in\t")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("\treveal\t%1\tfield=phone; reason=Calling the customer back").arg(customerNo)));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("chain \\S+ ok [2-9]"))), qPrintable(out));
        // And no personal data
        for (const Customer &c : m_branch.customers)
            QVERIFY(!out.contains(c.name) && !out.contains(c.phone) && !out.contains(c.idNumber));

        // When someone edits an entry at HQ
        PgConnection pg(m_hq.conninfo());
        PgResult edited = pg.exec("UPDATE record SET payload = jsonb_set(payload, '{detail}', '\"nothing to see\"')"
                                  " WHERE branch_id = $1 AND entity = 'audit' AND payload->>'event' = 'reveal'"
                                  " RETURNING record_id",
                                  {kBranch});
        QCOMPARE(edited.rows(), 1);
        // Then the check says where the chain breaks, and the command fails
        out = audit(&ok);
        QVERIFY(!ok);
        QVERIFY2(out.contains(QStringLiteral("broken at %1").arg(edited.text(0, 0))), qPrintable(out));
    }

    void pruningNeverRemovesTheAuditTrail()
    {
        PgConnection pg(m_hq.conninfo());
        const qint64 before = pg.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = 'audit'", {kBranch}).int64(0, 0);
        QVERIFY(before >= 2);
        // Even marked deleted and a year old, audit entries survive prune-tombstones
        pg.exec("UPDATE record SET deleted = true, updated_at = now() - interval '400 days'"
                " WHERE branch_id = $1 AND entity = 'audit'",
                {kBranch});
        QVERIFY(m_hq.hq({QStringLiteral("prune-tombstones"), QStringLiteral("--branch"), kBranch,
                         QStringLiteral("--older-than"), QStringLiteral("180")}));
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = 'audit'", {kBranch}).int64(0, 0),
                 before);
    }
};

QTEST_GUILESS_MAIN(TestHqAudit)
#include "tst_hqaudit.moc"
