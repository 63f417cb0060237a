// Issue 17: a customer who refused marketing (拒绝营销) is marked on every list row
// (Lists, Today, the customer list) with a tooltip giving the date and source,
// never the note; the rows' context menu sets or lifts the refusal, opens the
// 360, and Today never proposes a refused customer's cadence, list or
// earlier-agreed follow-up. Real store, real MainWindow, driven with events.
#include "customer360dialog.h"
#include "customer360panel.h"
#include "customerpage.h"
#include "customerrowmenu.h"
#include "donotcontactdelegate.h"
#include "donotcontactdialog.h"
#include "listspage.h"
#include "maturitypage.h"
#include "warninglistspage.h"
#include "weekplanview.h"
#include "mainwindow.h"
#include "todaypage.h"
#include "session/analysiscontroller.h"
#include "session/cadenceworkspace.h"
#include "items/customerlistmodel.h"
#include "items/customertablemodel.h"
#include "items/maturitymodel.h"
#include "items/warninglistmodel.h"
#include "items/weekplanmodel.h"
#include "items/todaymodel.h"
#include "store/auditlog.h"
#include "store/branchrepository.h"
#include "store/branchstore.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/worklistrepository.h"
#include "domain/dateformat.h"
#include "domain/todaylist.h"
#include "testsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QContextMenuEvent>
#include <QMenu>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QToolTip>
#include <QtTest>

#include <functional>

namespace {
const QString kPass = QStringLiteral("dnc-pass");
const QDate kToday(2026, 11, 23);
const QString kZhangSan = QStringLiteral("600000000001");   // RM01, 45k: threshold list, refused 11-03
const QString kShanShan = QStringLiteral("600000000003");   // RM01, 8k
const QString kOuyang = QStringLiteral("600000000006");     // RM01, 12k: refused 11-05, asked for a call 11-10
const QString kLiSi = QStringLiteral("600000000002");       // RM02, time deposit maturing 12-01: refused 11-20

Contact call(const QString &no, const QDate &on, const QDate &next)
{
    Contact c;
    c.customerNo = no;
    c.staffId = QStringLiteral("RM01");
    c.channel = Contact::Channel::Phone;
    c.outcome = Contact::Outcome::Reached;
    c.contactedAt = QDateTime(on, QTime(10, 0), Qt::OffsetFromUTC, 8 * 3600);
    c.nextStepDate = next;
    return c;
}

DoNotContact refusal(const QString &no, const QDate &since, const QString &source, const QString &note)
{
    DoNotContact d;
    d.customerNo = no;
    d.since = since;
    d.source = source;
    d.note = note;
    d.staffId = QStringLiteral("RM01");
    d.createdAt = QDateTime(since, QTime(15, 0), Qt::OffsetFromUTC, 8 * 3600);
    return d;
}
} // namespace

class TestDoNotContactRows : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

    static int rowOf(QAbstractItemModel *model, int column, const QString &text)
    {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->index(r, column).data().toString() == text)
                return r;
        }
        return -1;
    }
    static QMenu *rightClick(QTableView *table, const QModelIndex &index, CustomerRowMenu *menu)
    {
        table->scrollTo(index);
        const QPoint pos = table->visualRect(index).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, table->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(table->viewport(), &event);
        return menu->openMenu();
    }
    static QAction *action(QMenu *menu, const char *name)
    {
        return menu ? menu->findChild<QAction *>(QString::fromLatin1(name)) : nullptr;
    }

    // The store opened as `staff` on 2026-11-23 in a shown 1366x740 main window, analysed.
    bool openAs(const QString &staff, LoadedBranch *branch, MainWindow *window)
    {
        if (!BranchStore::load(m_store, kPass, branch, {}, kToday, staff))
            return false;
        window->resize(1366, 740);
        window->show();
        window->workspace()->setToday(kToday);
        QSignalSpy ready(window->workspace(), &CadenceWorkspace::ready);
        window->setBranch(*branch);
        return ready.wait(20000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        m_store = m_dir.filePath(QStringLiteral("dnc.db"));
        Database db = Database::open(m_store, kPass, Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        QVERIFY(BranchRepository(db).replaceAll(TestSupport::smallBranch()));
        // The threshold list issued to RM01: 张三 and 张珊珊 run 4+1
        IssuedList list;
        list.name = QStringLiteral("临界客户提升");
        list.kind = QStringLiteral("threshold");
        list.issuedBy = QStringLiteral("MGR01");
        list.issuedAt = QDateTime(QDate(2026, 10, 30), QTime(9, 0), Qt::OffsetFromUTC, 8 * 3600);
        list.shares = {{kZhangSan, QStringLiteral("RM01")}, {kShanShan, QStringLiteral("RM01")}};
        WorkListRepository(db).issue(list);
        // 张三 agreed a call for today on 11-01, then complained on 11-03 and refused marketing
        ContactRepository(db).log(call(kZhangSan, QDate(2026, 11, 1), kToday));
        WorkListRepository(db).setDoNotContact(refusal(kZhangSan, QDate(2026, 11, 3), QStringLiteral("complaint"),
                                                       QStringLiteral("电话太多，很烦")));
        // 欧阳娜娜 refused on 11-05, then on 11-10 asked to be called back today about her card
        WorkListRepository(db).setDoNotContact(refusal(kOuyang, QDate(2026, 11, 5), QStringLiteral("customer"), {}));
        ContactRepository(db).log(call(kOuyang, QDate(2026, 11, 10), kToday));
        // 张珊珊 agreed a call for today on 11-02
        ContactRepository(db).log(call(kShanShan, QDate(2026, 11, 2), kToday));
        // 李四 (RM02) refused on 11-20; his time deposit matures on 12-01
        WorkListRepository(db).setDoNotContact(refusal(kLiSi, QDate(2026, 11, 20), QStringLiteral("customer"), {}));
    }

    void maturityRetentionAndWeekRowsCarryTheMarkToo()
    {
        // Given the manager's desktop on 2026-11-23
        LoadedBranch branch;
        MainWindow window(nullptr);
        QVERIFY(openAs(QStringLiteral("MGR01"), &branch, &window));
        CadenceWorkspace *ws = window.workspace();
        const BranchSnapshot *s = ws->snapshot();
        const int liSi = s->indexOfCustomer(kLiSi);
        QVERIFY(liSi >= 0 && ws->activity().isDoNotContact(liSi));

        // Maturity: 李四's product row is marked, with date and source; the group rows name nobody
        window.showPage(QStringLiteral("maturity"));
        MaturityPage *maturity = window.findChild<MaturityPage *>();
        QVERIFY(maturity);
        QTRY_VERIFY_WITH_TIMEOUT(maturity->model()->rowCount() > 0, 20000);
        QCOMPARE(maturity->tree()->itemDelegateForColumn(MaturityModel::Customer), maturity->rowMenu()->delegate());
        // Walk the date and product-type groups down to the product rows
        QModelIndex leaf;
        int groups = 0;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
            QAbstractItemModel *m = maturity->model();
            for (int r = 0; r < m->rowCount(parent); ++r) {
                const QModelIndex row = m->index(r, MaturityModel::Customer, parent);
                const int c = row.siblingAtColumn(0).data(MaturityModel::CustomerIndexRole).toInt();
                if (m->rowCount(row.siblingAtColumn(0)) > 0) {
                    ++groups;
                    QVERIFY(maturity->rowMenu()->delegate()->flagAt(row) == nullptr);
                    walk(row.siblingAtColumn(0));
                } else if (c == liSi) {
                    leaf = row;
                }
            }
        };
        walk(QModelIndex());
        QVERIFY(groups > 0);
        QVERIFY(leaf.isValid());
        const QString tip = maturity->rowMenu()->delegate()->toolTipAt(leaf);
        QVERIFY2(tip.contains(DateFormat::date(QDate(2026, 11, 20))), qPrintable(tip));
        QMenu *menu = maturity->rowMenu()->menuFor(leaf);
        QVERIFY(menu);
        QCOMPARE(action(menu, "doNotContact")->text(), CustomerRowMenu::tr("Lift the refusal of marketing…"));
        delete menu;

        // When the manager opens 李四's product group, stands on his row and a refusal is then
        // logged for someone else, the list is rebuilt and the manager keeps their place
        maturity->tree()->setExpanded(leaf.parent().siblingAtColumn(0), true);
        maturity->tree()->setCurrentIndex(leaf.siblingAtColumn(0));
        QSignalSpy changed(ws, &CadenceWorkspace::activityChanged);
        ws->setDoNotContact(refusal(QStringLiteral("600000000005"), kToday, QStringLiteral("customer"), {}));
        QVERIFY(changed.wait(10000));
        QVERIFY(ws->waitForIdle());
        const QModelIndex now = maturity->tree()->currentIndex();
        QVERIFY(now.isValid());
        QCOMPARE(now.siblingAtColumn(0).data(MaturityModel::CustomerIndexRole).toInt(), liSi);
        QVERIFY(maturity->tree()->isExpanded(now.parent().siblingAtColumn(0)));

        // Retention and conversion: the mark sits on the customer column, and follows the flag row by row
        WarningListsPage *warnings = window.findChild<WarningListsPage *>();
        QVERIFY(warnings);
        const std::pair<QTableView *, int> tables[] = {{warnings->retentionTable(), 0}, {warnings->conversionTable(), 1}};
        for (const auto &[table, tab] : tables) {
            QCOMPARE(table->itemDelegateForColumn(WarningListModel::Customer), warnings->rowMenu(tab)->delegate());
            QAbstractItemModel *m = table->model();
            for (int r = 0; r < m->rowCount(); ++r) {
                const QModelIndex i = m->index(r, WarningListModel::Customer);
                const int c = i.data(WarningListModel::CustomerIndexRole).toInt();
                QCOMPARE(warnings->rowMenu(tab)->delegate()->flagAt(i) != nullptr, ws->activity().isDoNotContact(c));
            }
        }
        // The week plan's rows have the same menu and mark
        TodayPage *today = window.todayPage();
        QCOMPARE(today->weekPlan()->table()->itemDelegateForColumn(WeekPlanModel::Customer),
                 today->weekRowMenu()->delegate());
    }

    void everyListMarksTheRefusalAndTodayNeverProposesIt()
    {
        // Given RM01's desktop on 2026-11-23
        LoadedBranch branch;
        MainWindow window(nullptr);
        QVERIFY(openAs(QStringLiteral("RM01"), &branch, &window));
        CadenceWorkspace *ws = window.workspace();
        const BranchSnapshot *s = ws->snapshot();
        const int zhangSan = s->indexOfCustomer(kZhangSan);
        const int shanShan = s->indexOfCustomer(kShanShan);
        const int ouyang = s->indexOfCustomer(kOuyang);

        // Today: 张三 nowhere (no 4+1 step, and the call agreed before the refusal is gone),
        // 欧阳娜娜's call asked for after the refusal stays and is marked, 张珊珊 unmarked
        TodayPage *today = window.todayPage();
        QTRY_VERIFY_WITH_TIMEOUT(today->isSettled() && today->model()->rowCount() > 0, 20000);
        TodayModel *tm = today->model();
        QSet<int> onToday;
        int ouyangRow = -1, shanShanRow = -1;
        for (int r = 0; r < tm->rowCount(); ++r) {
            onToday.insert(tm->item(r).customer);
            if (tm->item(r).customer == ouyang) {
                QCOMPARE(tm->item(r).kind, TodayItem::Kind::FollowUp);
                ouyangRow = r;
            }
            if (tm->item(r).customer == shanShan && tm->item(r).kind == TodayItem::Kind::FollowUp)
                shanShanRow = r;
        }
        QVERIFY(!onToday.contains(zhangSan));
        QVERIFY(ouyangRow >= 0 && shanShanRow >= 0);
        const DayPlan plan = ws->dayPlan(TodayList(*s, ws->policy(), ws->calendar(), ws->activity(), *ws->roster()),
                                         ws->actingStaffIndex());
        QVERIFY(!plan.entries().empty());
        for (const DayPlan::Entry &e : plan.entries())
            QVERIFY2(e.item.customer != zhangSan, "a refused customer is planned later in the week");
        DoNotContactDelegate *todayMarks = today->rowMenu()->delegate();
        const QString ouyangTip = todayMarks->toolTipAt(tm->index(ouyangRow, TodayModel::Customer));
        QVERIFY2(ouyangTip.contains(DateFormat::date(QDate(2026, 11, 5))), qPrintable(ouyangTip));
        QVERIFY(ouyangTip.contains(DoNotContactDelegate::sourceName(QStringLiteral("customer"))));
        QVERIFY(todayMarks->toolTipAt(tm->index(shanShanRow, TodayModel::Customer)).isEmpty());
        QCOMPARE(today->table()->itemDelegateForColumn(TodayModel::Customer), todayMarks);

        // The customer list: 张三's row carries the mark; hovering shows date and source, never the note
        window.showPage(QStringLiteral("customers"));
        CustomerPage *customers = window.customerPage();
        QTableView *table = customers->table();
        const QModelIndex zs = customers->model()->index(customers->model()->rowOfCustomer(zhangSan), CustomerTableModel::Name);
        table->scrollTo(zs);
        QTest::qWait(50);
        const QPoint at = table->visualRect(zs).center();
        QHelpEvent hover(QEvent::ToolTip, at, table->viewport()->mapToGlobal(at));
        QApplication::sendEvent(table->viewport(), &hover);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QVERIFY2(tip.contains(DateFormat::date(QDate(2026, 11, 3))), qPrintable(tip));
        QVERIFY2(tip.contains(DoNotContactDelegate::sourceName(QStringLiteral("complaint"))), qPrintable(tip));
        QVERIFY(!tip.contains(QStringLiteral("电话太多")));
        QVERIFY(customers->rowMenu()->delegate()->flagAt(zs) != nullptr);
        const QModelIndex ss = customers->model()->index(customers->model()->rowOfCustomer(shanShan), CustomerTableModel::Name);
        QVERIFY(customers->rowMenu()->delegate()->flagAt(ss) == nullptr);

        // The Lists page: 张三 on the threshold list, marked
        window.showPage(QStringLiteral("lists"));
        ListsPage *lists = window.listsPage();
        QTRY_VERIFY_WITH_TIMEOUT(lists->thresholdModel()->rowCount() > 0, 20000);
        const int zsListRow = rowOf(lists->thresholdModel(), CustomerListModel::CustomerNo, kZhangSan);
        QVERIFY(zsListRow >= 0);
        const QModelIndex zsList = lists->thresholdModel()->index(zsListRow, CustomerListModel::Name);
        QVERIFY(lists->rowMenu(0)->delegate()->toolTipAt(zsList).contains(DateFormat::date(QDate(2026, 11, 3))));

        // When the RM right-clicks 张三 there: the menu offers to lift, and opens the 360
        QMenu *menu = rightClick(lists->thresholdTable(), zsList, lists->rowMenu(0));
        QVERIFY(menu);
        QVERIFY(action(menu, "doNotContact")->text() == CustomerRowMenu::tr("Lift the refusal of marketing…"));
        action(menu, "open360")->trigger();
        menu->close();
        Customer360Dialog *dialog360 = lists->findChild<Customer360Dialog *>();
        QVERIFY(dialog360 && dialog360->isVisible());
        QCOMPARE(dialog360->panel()->fieldText(QStringLiteral("customerNo")), kZhangSan);
        QVERIFY(dialog360->panel()->doNotContactMark()->isVisible());
        dialog360->close();

        // And on the customer list, right-click 张珊珊 → "Refuses marketing…", source: branch
        window.showPage(QStringLiteral("customers"));
        menu = rightClick(table, ss, customers->rowMenu());
        QVERIFY(menu);
        QCOMPARE(action(menu, "doNotContact")->text(), CustomerRowMenu::tr("Refuses marketing…"));
        QVERIFY(!action(menu, "logContact")); // the page's own, which lands in the 360's history, leads
        action(menu, "doNotContact")->trigger();
        menu->close();
        DoNotContactDialog *dnc = nullptr;
        QTRY_VERIFY((dnc = window.findChild<DoNotContactDialog *>()) && dnc->isVisible());
        dnc->sourceBox()->setCurrentIndex(dnc->sourceBox()->findData(QStringLiteral("branch")));
        QSignalSpy changed(ws, &CadenceWorkspace::activityChanged);
        dnc->accept();
        QVERIFY(changed.wait(10000));
        QVERIFY(ws->waitForIdle());

        // Then her row is marked on the customer list and the Lists page, and Today drops her
        QVERIFY(customers->rowMenu()->delegate()->toolTipAt(ss).contains(
            DoNotContactDelegate::sourceName(QStringLiteral("branch"))));
        QTRY_VERIFY_WITH_TIMEOUT(today->isSettled(), 20000);
        for (int r = 0; r < tm->rowCount(); ++r)
            QVERIFY2(tm->item(r).customer != shanShan, "Today still proposes a customer who refused marketing");
        QVERIFY(ws->activity().isDoNotContact(shanShan));
        // The refusal is audited with the customer number and source, never a name
        Database db = Database::open(m_store, kPass, Database::OpenMode::ExistingOnly);
        bool audited = false;
        for (const AuditLog::Entry &e : AuditLog(db).entries()) {
            if (e.subject.contains(kShanShan) && e.detail.contains(QStringLiteral("branch")))
                audited = !e.detail.contains(QStringLiteral("张珊珊"));
        }
        QVERIFY(audited);
    }
};

QTEST_MAIN(TestDoNotContactRows)
#include "tst_donotcontactrows.moc"
