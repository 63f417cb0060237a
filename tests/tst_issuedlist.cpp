// Acceptance (issue 17), through a real branchdesk-hq and PostgreSQL:
//  - the manager freezes the threshold list, splits it across 3 RMs in the
//    issue dialog and issues it; after one sync each, each RM's Today plan
//    holds only their share of the list's 4+1 work;
//  - a batch touch of 500 customers is one action, satisfies each one's next
//    remote 4+1 step, skips the do-not-contact ones and reaches HQ as contacts.
#include "domain/campaignlist.h"
#include "domain/cadenceengine.h"
#include "domain/demogenerator.h"
#include "domain/extractcsv.h"
#include "domain/thresholdlist.h"
#include "domain/todaylist.h"
#include "domain/valuepolicy.h"
#include "hqfixture.h"
#include "issuelistdialog.h"
#include "session/cadenceworkspace.h"
#include "pgconnection.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/syncengine.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QtTest>

#include <map>

namespace {
const QString kPass = QStringLiteral("desk-pass");
const QString kPassword = QStringLiteral("staff-password-1");
const QString kBranch = QStringLiteral("DEMO007");
const QDate kToday(2026, 11, 23);
const QStringList kRms = {QStringLiteral("RM01"), QStringLiteral("RM02"), QStringLiteral("RM03")};
} // namespace

class TestIssuedList : public QObject
{
    Q_OBJECT

private:
    HqFixture m_hq;
    QTemporaryDir m_dir;

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
    static bool open(const QString &store, LoadedBranch *branch, CadenceWorkspace *ws)
    {
        if (!BranchStore::load(store, kPass, branch, {}, kToday))
            return false;
        QSignalSpy ready(ws, &CadenceWorkspace::ready);
        ws->setBranch(*branch, kToday);
        return ready.wait(60000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        BranchData branch;
        QVERIFY(DemoGenerator::generate({6000, 7, kToday}, &branch));
        const QString csv = m_hq.path(QStringLiteral("extract.csv"));
        {
            QFile f(csv);
            QString error;
            QVERIFY(f.open(QIODevice::WriteOnly) && ExtractCsv::write(branch, &f, &error));
        }
        QVERIFY2(m_hq.hq({QStringLiteral("import"), QStringLiteral("--branch"), kBranch, csv}), qPrintable(m_hq.lastError()));
        QList<QPair<QString, QString>> staff = {{QStringLiteral("MGR01"), QStringLiteral("manager")}};
        for (const QString &rm : kRms)
            staff.append({rm, QStringLiteral("rm")});
        for (const auto &[id, role] : staff) {
            QVERIFY2(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), kBranch, QStringLiteral("--id"), id,
                              QStringLiteral("--name"), QStringLiteral("员工"), QStringLiteral("--role"), role},
                             kPassword.toUtf8() + '\n'),
                     qPrintable(m_hq.lastError()));
        }
        QVERIFY(m_hq.startServer());
    }

    void cleanupTestCase() { m_hq.stop(); }

    void managerIssuesTheThresholdListAcrossThreeRms()
    {
        const QString manager = m_dir.filePath(QStringLiteral("manager.db"));
        QVERIFY(sync(manager, QStringLiteral("MGR01")).ok);
        std::map<QString, QString> rmStores;
        for (const QString &rm : kRms) {
            rmStores[rm] = m_dir.filePath(rm + QStringLiteral(".db"));
            QVERIFY(sync(rmStores[rm], rm).ok);
        }

        // The manager freezes the threshold list and issues it in the dialog, balanced over RM01-RM03
        LoadedBranch mb;
        CadenceWorkspace mws;
        QVERIFY(open(manager, &mb, &mws));
        const CampaignList frozen = CampaignList::freeze(QStringLiteral("临界客户提升"),
                                                         ThresholdList::build(*mb.snapshot, ValuePolicy::defaultPolicy()),
                                                         *mb.snapshot, nullptr);
        QStringList members;
        for (const CampaignList::Member &m : frozen.members)
            members << m.customerNo;
        QVERIFY(members.size() > 60);
        IssueListDialog dialog(*mb.snapshot, frozen.name, QStringLiteral("threshold"), members, {});
        dialog.show();
        dialog.chooseRms(kRms);
        dialog.setMode(ListSplitter::Mode::Balance);
        QCOMPARE(dialog.preview()->rowCount(), 3);
        int previewed = 0;
        for (int r = 0; r < 3; ++r) {
            const int n = dialog.preview()->item(r, 1)->data(Qt::UserRole).toInt();
            QVERIFY(std::abs(n - int(members.size()) / 3) <= 1); // balanced: nobody else carries issued work
            previewed += n;
        }
        QCOMPARE(previewed, int(members.size()));
        QSignalSpy issued(&mws, &CadenceWorkspace::listIssued);
        connect(&dialog, &QDialog::accepted, &mws, [&] { mws.issueList(dialog.issuedList()); });
        QTest::mouseClick(dialog.buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(issued.wait(30000));
        QVERIFY(mws.waitForIdle());
        const IssuedList list = mws.issuedLists().front();
        QHash<QString, QSet<QString>> shareOf;
        for (const IssuedList::Share &s : list.shares)
            shareOf[s.rmId].insert(s.customerNo);
        QCOMPARE(shareOf.size(), 3);

        // After one sync each
        const auto pushed = sync(manager, QStringLiteral("MGR01"));
        QVERIFY2(pushed.ok, qPrintable(pushed.error));
        for (const QString &rm : kRms) {
            const auto r = sync(rmStores[rm], rm);
            QVERIFY2(r.ok, qPrintable(r.error));
            LoadedBranch b;
            CadenceWorkspace ws;
            QVERIFY(open(rmStores[rm], &b, &ws));
            QCOMPARE(int(ws.issuedLists().size()), 1);
            const int me = ws.actingStaffIndex();
            QCOMPARE(b.snapshot->staff()[size_t(me)].staffId, rm);
            // Each RM's 4+1 customers are exactly their share
            QSet<QString> fourPlusOne;
            for (int c : ws.roster()->customersOf(me)) {
                if (ws.roster()->onFourPlusOne(c))
                    fourPlusOne.insert(b.snapshot->customer(c).customerNo);
            }
            QCOMPARE(fourPlusOne, shareOf.value(rm));
            // and their Today plan holds 4+1 steps of their share only, within capacity
            const TodayList today(*b.snapshot, ws.policy(), ws.calendar(), ws.activity(), *ws.roster());
            const DayPlan plan = ws.dayPlan(today, me);
            int cycle = 0;
            for (const DayPlan::Entry &e : plan.entries()) {
                QCOMPARE(b.snapshot->rmOf(e.item.customer), me);
                if (e.item.kind == TodayItem::Kind::CycleStep) {
                    ++cycle;
                    QVERIFY(shareOf.value(rm).contains(b.snapshot->customer(e.item.customer).customerNo));
                }
            }
            QVERIFY(cycle > 0);
            QVERIFY(plan.plannedOn(kToday) <= ws.policy().dailyCapacity);
        }
    }

    void batchTouchOfFiveHundredReachesHqAsContacts()
    {
        const QString store = m_dir.filePath(QStringLiteral("RM01.db"));
        LoadedBranch b;
        CadenceWorkspace ws;
        QVERIFY(open(store, &b, &ws));
        const int me = ws.actingStaffIndex();
        // 500 of RM01's customers, the first 20 of whom refused marketing
        const CadenceEngine before(*b.snapshot, ws.policy(), ws.calendar(), ws.activity());
        QString onCycle; // one whose 4+1 cycle has started, to check the touch counts for it
        for (int c : ws.roster()->customersOf(me)) {
            if (ws.roster()->onFourPlusOne(c) && before.cyclePlan(c, kToday).anchor <= kToday) {
                onCycle = b.snapshot->customer(c).customerNo;
                break;
            }
        }
        QVERIFY(!onCycle.isEmpty());
        QStringList chosen;
        for (int c : ws.roster()->customersOf(me)) {
            const QString &no = b.snapshot->customer(c).customerNo;
            if (no != onCycle && chosen.size() < 500)
                chosen << no;
            if (chosen.size() == 20)
                chosen << onCycle; // after the 20 who refused marketing
        }
        QCOMPARE(chosen.size(), 500);
        for (int i = 0; i < 20; ++i) {
            DoNotContact d;
            d.customerNo = chosen.at(i);
            d.source = QStringLiteral("customer");
            ws.setDoNotContact(d);
        }
        QVERIFY(ws.waitForIdle());
        const int customer = b.snapshot->indexOfCustomer(onCycle);
        const CadencePlan planBefore = before.cyclePlan(customer, kToday);
        const int openRemote = int(std::count_if(planBefore.steps.begin(), planBefore.steps.end(), [](const auto &s) {
            return s.isOpen() && s.fit == CadenceTemplate::Fit::Remote;
        }));
        QVERIFY(openRemote > 0);

        // One action
        Contact sms;
        sms.channel = Contact::Channel::Sms;
        sms.note = QStringLiteral("开门红理财专享");
        sms.contactedAt = QDateTime(kToday, QTime(9, 30), Qt::OffsetFromUTC, 8 * 3600);
        QSignalSpy logged(&ws, &CadenceWorkspace::batchLogged);
        ws.logBatch(chosen, sms);
        QVERIFY(logged.wait(30000));
        QCOMPARE(logged.front().at(0).toInt(), 480);
        QCOMPARE(logged.front().at(1).toInt(), 20);

        // Each one's next remote 4+1 step is done; the do-not-contact ones run no cadence at all
        const CadenceEngine after(*b.snapshot, ws.policy(), ws.calendar(), ws.activity());
        const CadencePlan planAfter = after.cyclePlan(customer, kToday);
        const int stillOpen = int(std::count_if(planAfter.steps.begin(), planAfter.steps.end(), [](const auto &s) {
            return s.isOpen() && s.fit == CadenceTemplate::Fit::Remote;
        }));
        QCOMPARE(stillOpen, openRemote - 1);
        const TodayList today(*b.snapshot, ws.policy(), ws.calendar(), ws.activity(), *ws.roster());
        for (int i = 0; i < 20; ++i) {
            for (const TodayItem &item : today.forCustomer(b.snapshot->indexOfCustomer(chosen.at(i)), kToday))
                QCOMPARE(int(item.kind), int(TodayItem::Kind::FollowUp));
        }

        // After a sync HQ holds the 480 contacts and the 20 flags
        const auto r = sync(store, QStringLiteral("RM01"));
        QVERIFY2(r.ok, qPrintable(r.error));
        PgConnection pg(m_hq.conninfo());
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = 'contact'"
                         " AND payload->>'note' = $2",
                         {kBranch, sms.note})
                     .int64(0, 0),
                 qint64(480));
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND entity = 'do_not_contact'", {kBranch})
                     .int64(0, 0),
                 qint64(20));
    }
};

QTEST_MAIN(TestIssuedList)
#include "tst_issuedlist.moc"
