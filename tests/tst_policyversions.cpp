// Issue 18: the UI says which rules are in force: for the tier, value and cadence policies the
// version HQ issued (or the built-in default, or an issue this build could not read), and which
// holiday calendars are present. Real store, real widgets.
#include "session/analysiscontroller.h"
#include "session/cadenceworkspace.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "store/analysisjobs.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/statement.h"
#include "valuepolicydialog.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestPolicyVersions : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    const QString m_pass = QStringLiteral("test-pass");
    const QDate m_day{2026, 11, 23};

    void issue(const QString &id, const QString &kind, int version, const QByteArray &body)
    {
        Database db = Database::open(m_store, m_pass, Database::OpenMode::ExistingOnly);
        Statement st(db, QStringLiteral("INSERT INTO hq_policy (policy_id, kind, version, body, issued_at, local_edits)"
                                        " VALUES (?, ?, ?, ?, ?, 0)"));
        st.bind(1, id).bind(2, kind).bind(3, version).bind(4, QString::fromUtf8(body)).bind(5, QStringLiteral("2026-11-20T09:00:00+08:00"));
        st.step();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_store = m_dir.filePath(QStringLiteral("versions.db"));
        QVERIFY(BranchStore::createDemo(m_store, m_pass, DemoGenerator::Options{500, 7, m_day}));
    }

    void builtInDefaultsAreSaid()
    {
        const PolicyVersions v = AnalysisJobs::policyVersions(StoreAccess{m_store, m_pass, {}});
        QCOMPARE(v.tier.version, 0);
        QCOMPARE(v.value.version, 0);
        QCOMPARE(v.cadence.version, 0);
        QCOMPARE(v.lines().at(0), QStringLiteral("Tier policy: built-in default"));
        QVERIFY2(v.calendarText().endsWith(QStringLiteral("built in")), qPrintable(v.calendarText()));
    }

    void issuedVersionsAreShown()
    {
        issue(QStringLiteral("value"), QStringLiteral("value"), 3, ValuePolicy::defaultPolicy().toJson());
        issue(QStringLiteral("cadence"), QStringLiteral("cadence"), 4, "{\"templates\": []}"); // this build refuses it
        const PolicyVersions v = AnalysisJobs::policyVersions(StoreAccess{m_store, m_pass, {}});
        QCOMPARE(v.value.version, 3);
        QCOMPARE(v.cadence.version, 0);
        QCOMPARE(v.cadence.rejectedVersion, 4);
        QCOMPARE(v.lines().at(1), QStringLiteral("Value policy: HQ version 3 (2026-11-20)"));
        QCOMPARE(v.lines().at(2),
                 QStringLiteral("Cadence policy: built-in default (HQ version 4 could not be read by this build)"));

        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch, {}, m_day));

        // The value-policy dialog, as the quadrant page opens it.
        AnalysisController analysis;
        QSignalSpy scored(&analysis, &AnalysisController::scoresReady);
        analysis.setBranch(branch);
        QVERIFY(scored.wait(20000));
        QCOMPARE(analysis.policyVersions().value.version, 3);
        ValuePolicyDialog dialog(analysis.policy());
        dialog.setInForce(PolicyVersions::describe(analysis.policyVersions().value));
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("policyVersion"))->text(),
                 QStringLiteral("In force: HQ version 3 (2026-11-20)"));

        // The About box of the main window.
        LanguageManager languages;
        languages.apply(QStringLiteral("en"));
        MainWindow window(&languages);
        QSignalSpy ready(window.workspace(), &CadenceWorkspace::ready);
        window.setBranch(branch);
        QVERIFY(ready.count() > 0 || ready.wait(20000));
        const QString about = window.aboutText();
        QVERIFY2(about.contains(QStringLiteral("Value policy: HQ version 3 (2026-11-20)")), qPrintable(about));
        QVERIFY2(about.contains(QStringLiteral("Tier policy: built-in default")), qPrintable(about));
        QVERIFY2(about.contains(QStringLiteral("Holiday calendars: ")), qPrintable(about));
    }
};

QTEST_MAIN(TestPolicyVersions)
#include "tst_policyversions.moc"
