// Issue 18: HQ issues policies and holiday calendars (`branchdesk-hq policy set`,
// `branchdesk-hq calendar add`); one sync brings them to a desktop, which then runs on them:
// a hand-made 2027 calendar ends the Today warning and moves the January 731 steps around
// the 2027 Spring Festival; an issued value policy replaces the local one and, unless HQ
// allows it, cannot be edited on the branch.
#include "domain/cadenceengine.h"
#include "domain/idcardnumber.h"
#include "domain/todaylist.h"
#include "hqfixture.h"
#include "session/cadenceworkspace.h"
#include "items/todaymodel.h"
#include "store/analysisjobs.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/policyrepository.h"
#include "store/storeerror.h"
#include "store/syncengine.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QtTest>

namespace {
const QString kPass = QStringLiteral("desk-pass");
const QString kPassword = QStringLiteral("staff-password-1");
const QDate kToday(2027, 1, 25); // the T-7 day of the product maturing on 1 February

// A hand-made 2027 in holiday-cn's format: Spring Festival off 5-11 February, and Sunday
// 31 January worked in exchange (调休).
QByteArray calendar2027()
{
    QJsonArray days;
    for (int d = 5; d <= 11; ++d)
        days.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("春节")},
                                {QStringLiteral("date"), QDate(2027, 2, d).toString(Qt::ISODate)},
                                {QStringLiteral("isOffDay"), true}});
    days.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("春节")},
                            {QStringLiteral("date"), QStringLiteral("2027-01-31")},
                            {QStringLiteral("isOffDay"), false}});
    return QJsonDocument(QJsonObject{{QStringLiteral("year"), 2027}, {QStringLiteral("days"), days}}).toJson();
}

Holding deposit(const QString &id, const QString &customerNo, const QDate &maturity)
{
    Holding h;
    h.holdingId = id;
    h.customerNo = customerNo;
    h.productType = Holding::ProductType::TimeDeposit;
    h.productName = QStringLiteral("一年期定期存款");
    h.amountFen = 20000000;
    h.openDate = maturity.addYears(-1);
    h.maturityDate = maturity;
    return h;
}
} // namespace

class TestIssuedPolicy : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;
    QString m_store;

    bool writeFile(const QString &name, const QByteArray &body)
    {
        QFile f(m_hq.path(name));
        return f.open(QIODevice::WriteOnly) && f.write(body) == body.size();
    }

    SyncEngine::Report sync()
    {
        Database db = Database::open(m_store, kPass, Database::OpenMode::CreateIfMissing);
        SyncEngine::Settings s;
        s.hq = m_hq.url();
        s.staffId = QStringLiteral("RM01");
        s.password = kPassword;
        s.timeoutMs = 30000;
        return SyncEngine::run(db, s);
    }

    struct Loaded
    {
        LoadedBranch branch;
        std::unique_ptr<CadenceWorkspace> ws;
    };
    bool load(Loaded *out)
    {
        if (!BranchStore::load(m_store, kPass, &out->branch, {}, kToday))
            return false;
        out->ws = std::make_unique<CadenceWorkspace>();
        QSignalSpy ready(out->ws.get(), &CadenceWorkspace::ready);
        out->ws->setBranch(out->branch, kToday);
        return ready.wait(60000);
    }
    // The due days of the 731 plan of a holding, as the engine plans them.
    static QList<QDate> dueDays(const Loaded &l, const QString &holdingId, bool *calendarMissing)
    {
        const BranchSnapshot &s = *l.branch.snapshot;
        const CadenceEngine engine(s, l.ws->policy(), l.ws->calendar(), l.ws->activity());
        for (int c = 0; c < s.customerCount(); ++c) {
            const auto holdings = s.holdingsOf(c);
            for (const Holding &h : holdings) {
                if (h.holdingId != holdingId)
                    continue;
                const int index = int(&h - s.holdings().data());
                const CadencePlan plan = engine.maturityPlan(c, index, kToday);
                QList<QDate> days;
                *calendarMissing = false;
                for (const CadencePlan::Step &step : plan.steps) {
                    days << step.due;
                    *calendarMissing = *calendarMissing || step.calendarMissing;
                }
                return days;
            }
        }
        return {};
    }
    static QList<int> todayWarning(const Loaded &l)
    {
        const TodayList list(*l.ws->snapshot(), l.ws->policy(), l.ws->calendar(), l.ws->activity(), *l.ws->roster());
        TodayModel model;
        model.setItems({l.branch.snapshot, l.ws->roster(), l.ws->activity(), l.ws->policy(), l.ws->calendar(), kToday},
                       list.build(l.ws->actingStaffIndex(), kToday));
        return model.yearsWithoutCalendar();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        BranchData branch = TestSupport::smallBranch();
        for (Customer &c : branch.customers) // HQ's import checks GB 11643 check characters
            c.idNumber = c.idNumber.left(17) + IdCardNumber::checkCharacter(c.idNumber.left(17));
        branch.holdings.push_back(deposit(QStringLiteral("H2701"), QStringLiteral("600000000001"), QDate(2027, 2, 1)));
        branch.holdings.push_back(deposit(QStringLiteral("H2702"), QStringLiteral("600000000001"), QDate(2027, 2, 12)));
        QVERIFY2(m_hq.importBranch(branch, QStringLiteral("T001"), QStringLiteral("extract.csv"), QStringLiteral("RM01"),
                                   QStringLiteral("周经理"), kPassword),
                 qPrintable(m_hq.lastError()));
        QVERIFY(m_hq.startServer());
        m_store = m_dir.filePath(QStringLiteral("rm01.db"));
    }

    void cleanupTestCase() { m_hq.stop(); }

    void withoutA2027CalendarTodayWarns()
    {
        QVERIFY2(sync().ok, "first sync failed");
        Loaded l;
        QVERIFY(load(&l));
        QVERIFY(!l.ws->calendar().hasYear(2027));
        QCOMPARE(todayWarning(l), QList<int>{2027});
        QVERIFY(l.ws->roster()->listsOf(0) & CadenceRoster::Threshold); // 张三, 45,000: in the shipped [30k, 50k)
        bool missing = false;
        // Weekends only: T-1 of 1 February is Sunday 31 January, moved to Friday the 29th;
        // the 12 February product's steps stay on the festival's days.
        QCOMPARE(dueDays(l, QStringLiteral("H2701"), &missing),
                 (QList<QDate>{QDate(2027, 1, 25), QDate(2027, 1, 29), QDate(2027, 1, 29)}));
        QVERIFY(missing);
        QCOMPARE(dueDays(l, QStringLiteral("H2702"), &missing),
                 (QList<QDate>{QDate(2027, 2, 5), QDate(2027, 2, 9), QDate(2027, 2, 11)}));
        // Nothing issued yet: every policy is the built-in default, the calendars are the built-in years.
        const PolicyVersions &v = l.ws->policyVersions();
        QCOMPARE(v.tier.version, 0);
        QCOMPARE(v.value.version, 0);
        QCOMPARE(v.cadence.version, 0);
        QVERIFY(!v.calendars.empty());
        QCOMPARE(v.calendars.back().year, 2026);
        QCOMPARE(v.calendars.back().version, 0);
        QCOMPARE(PolicyVersions::describe(v.cadence), QStringLiteral("built-in default"));
    }

    void aCalendarIssuedAtHqReachesTheDesktop()
    {
        QVERIFY(writeFile(QStringLiteral("2027.json"), calendar2027()));
        QVERIFY2(m_hq.hq({QStringLiteral("calendar"), QStringLiteral("add"), m_hq.path(QStringLiteral("2027.json"))}),
                 qPrintable(m_hq.lastError()));
        QVERIFY2(sync().ok, "sync failed");
        {
            Database db = Database::open(m_store, kPass, Database::OpenMode::ExistingOnly);
            const auto issued = PolicyRepository(db).issued(QStringLiteral("calendar-2027"));
            QVERIFY(issued);
            QCOMPARE(issued->kind, QStringLiteral("calendar"));
            QCOMPARE(issued->version, 1);
        }
        Loaded l;
        QVERIFY(load(&l));
        QVERIFY(l.ws->calendar().hasYear(2027));
        QVERIFY(l.ws->calendar().isMakeUpWorkday(QDate(2027, 1, 31)));
        QCOMPARE(todayWarning(l), QList<int>{}); // the warning is gone
        // The version in force says where 2027 came from.
        QCOMPARE(l.ws->policyVersions().calendars.back().year, 2027);
        QCOMPARE(l.ws->policyVersions().calendars.back().version, 1);
        QVERIFY2(l.ws->policyVersions().calendarText().endsWith(QStringLiteral("2027 from HQ (version 1)")),
                 qPrintable(l.ws->policyVersions().calendarText()));
        bool missing = true;
        // Sunday 31 January is worked: T-1 stays on it. The festival's steps move to Thursday 4 February.
        QCOMPARE(dueDays(l, QStringLiteral("H2701"), &missing),
                 (QList<QDate>{QDate(2027, 1, 25), QDate(2027, 1, 29), QDate(2027, 1, 31)}));
        QVERIFY(!missing);
        QCOMPARE(dueDays(l, QStringLiteral("H2702"), &missing),
                 (QList<QDate>{QDate(2027, 2, 4), QDate(2027, 2, 4), QDate(2027, 2, 4)}));
    }

    void anIssuedValuePolicyIsTheBranchsPolicy()
    {
        // A document the desktop would refuse is refused at HQ, and nothing is issued.
        QVERIFY(writeFile(QStringLiteral("bad.json"), R"({"thresholdBands": [{"from_fen": -5, "tier": "gold"}]})"));
        QVERIFY(!m_hq.hq({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--kind"), QStringLiteral("value"),
                          m_hq.path(QStringLiteral("bad.json"))}));
        QVERIFY2(m_hq.lastError().contains(QLatin1String("thresholdBands")), qPrintable(m_hq.lastError()));
        QVERIFY(!m_hq.hq({QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--kind"), QStringLiteral("value"),
                          QStringLiteral("--branch"), QStringLiteral("NOPE"), m_hq.path(QStringLiteral("2027.json"))}));

        ValuePolicy issued = ValuePolicy::defaultPolicy();
        QVector<ValuePolicy::ThresholdBand> bands = issued.thresholdBands();
        bands[0].fromFen = 4600000; // gold band from 46,000
        issued.setThresholdBands(bands);
        QVERIFY(writeFile(QStringLiteral("value.json"), issued.toJson()));
        const QStringList set = {QStringLiteral("policy"), QStringLiteral("set"), QStringLiteral("--kind"),
                                 QStringLiteral("value"), QStringLiteral("--branch"), QStringLiteral("T001"),
                                 m_hq.path(QStringLiteral("value.json"))};
        QVERIFY2(m_hq.hq(set), qPrintable(m_hq.lastError()));
        QVERIFY2(m_hq.hq(set), qPrintable(m_hq.lastError())); // issued again: version 2
        QString listed;
        QVERIFY(m_hq.hq({QStringLiteral("policy"), QStringLiteral("list")}, {}, &listed));
        QVERIFY2(listed.contains(QLatin1String("T001\tvalue\tversion 2")), qPrintable(listed));
        QVERIFY2(listed.contains(QLatin1String("T001\tcalendar-2027\tversion 1")), qPrintable(listed));

        QVERIFY2(sync().ok, "sync failed");
        const StoreAccess access{m_store, kPass, {}};
        int version = 0;
        QVERIFY(!AnalysisJobs::valuePolicyEditable(access, &version));
        QCOMPARE(version, 2);
        QCOMPARE(AnalysisJobs::valuePolicy(access).thresholdBands().at(0).fromFen, qint64(4600000));
        bool refused = false;
        try {
            AnalysisJobs::saveValuePolicy(access, ValuePolicy::defaultPolicy());
        } catch (const StoreError &) {
            refused = true;
        }
        QVERIFY(refused);
        // The 4+1 roster runs on the issued bands too.
        Loaded l;
        QVERIFY(load(&l));
        QCOMPARE(l.ws->policy().thresholdBands.at(0).fromFen, qint64(4600000));
        // Shown with its version: HQ's second issue of the value policy; tier and cadence stay default.
        QCOMPARE(l.ws->policyVersions().value.version, 2);
        QVERIFY(!l.ws->policyVersions().value.editedHere);
        QCOMPARE(l.ws->policyVersions().tier.version, 0);
        QCOMPARE(AnalysisJobs::policyVersions(access).value.version, 2);
        QVERIFY2(PolicyVersions::describe(l.ws->policyVersions().value).startsWith(QStringLiteral("HQ version 2 (")),
                 qPrintable(PolicyVersions::describe(l.ws->policyVersions().value)));
        QVERIFY(!(l.ws->roster()->listsOf(0) & CadenceRoster::Threshold)); // 张三, 45,000: under the new band
    }
};

QTEST_GUILESS_MAIN(TestIssuedPolicy)
#include "tst_issuedpolicy.moc"
