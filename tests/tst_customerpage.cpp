#include "aumtrendchart.h"
#include "customer360panel.h"
#include "customerpage.h"
#include "items/customertablemodel.h"
#include "testsupport.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

#include "mainwindow.h"
#include "session/cadenceworkspace.h"
#include "store/branchrepository.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

class TestCustomerPage : public QObject
{
    Q_OBJECT

private:
    LoadedBranch m_branch;

    static QStringList shownNames(CustomerPage &page)
    {
        QStringList names;
        QAbstractItemModel *m = page.table()->model();
        for (int r = 0; r < m->rowCount(); ++r)
            names << m->index(r, CustomerTableModel::Name).data().toString();
        return names;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        m_branch.snapshot = std::make_shared<const BranchSnapshot>(TestSupport::smallBranch(),
                                                                   TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        m_branch.search = std::make_shared<const CustomerSearchIndex>(m_branch.snapshot);
    }

    void typingFiltersTheRowsShown()
    {
        CustomerPage page;
        page.resize(1200, 700);
        page.setBranch(m_branch);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.table()->model()->rowCount(), 6);

        // When the user types "zs" into the search box
        QTest::keyClicks(page.searchBox(), QStringLiteral("zs"));
        // Then only 张三 and 张珊珊 are shown, and the count says so
        QStringList names = shownNames(page);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("张三"), QStringLiteral("张珊珊")}));
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("customerCount"))->text().contains(QLatin1String("2")));

        // When they type a space and the last 4 of a phone
        QTest::keyClicks(page.searchBox(), QStringLiteral(" 5678"));
        QCOMPARE(shownNames(page), QStringList{QStringLiteral("张三")});

        // When they press Esc, the search is cleared and everyone is back
        QTest::keyClick(page.searchBox(), Qt::Key_Escape);
        QCOMPARE(page.searchBox()->text(), QString());
        QCOMPARE(page.table()->model()->rowCount(), 6);
    }

    void searchTypedBeforeTheIndexIsReadyWaitsForIt()
    {
        // Given a branch shown before its search index is built (issue 19's cold start)
        LoadedBranch branch;
        branch.snapshot = m_branch.snapshot;
        CustomerPage page;
        page.resize(1200, 700);
        page.setBranch(branch);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        // Then the whole list is there and the search box says it is preparing
        QCOMPARE(page.table()->model()->rowCount(), 6);
        QVERIFY(!page.isSearchReady());
        QVERIFY(page.searchBox()->placeholderText().contains(QLatin1String("Preparing")));
        // When the user types before it is ready, nothing is filtered yet and the count says why
        QTest::keyClicks(page.searchBox(), QStringLiteral("zs"));
        QCOMPARE(page.table()->model()->rowCount(), 6);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("customerCount"))->text().contains(QLatin1String("preparing")));
        // An index of another snapshot (a branch replaced meanwhile) changes nothing
        auto other = std::make_shared<const BranchSnapshot>(TestSupport::smallBranch(), TierPolicy::defaultPolicy(),
                                                            QDate(2026, 11, 23));
        page.setSearchIndex(std::make_shared<const CustomerSearchIndex>(other));
        QVERIFY(!page.isSearchReady());
        // When this branch's index arrives, what was typed is applied
        page.setSearchIndex(m_branch.search);
        QVERIFY(page.isSearchReady());
        QStringList names = shownNames(page);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("张三"), QStringLiteral("张珊珊")}));
        QVERIFY(!page.searchBox()->placeholderText().contains(QLatin1String("Preparing")));
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("customerCount"))->text().contains(QLatin1String("preparing")));
    }

    void filtersByTierAndRm()
    {
        CustomerPage page;
        page.setBranch(m_branch);
        page.show();
        QCOMPARE(page.tierFilter()->count(), 6); // all + 5 tiers
        page.tierFilter()->setCurrentIndex(page.tierFilter()->findText(QStringLiteral("私人银行客户")));
        QCOMPARE(shownNames(page), QStringList{QStringLiteral("王小明")});
        page.tierFilter()->setCurrentIndex(0);
        page.rmFilter()->setCurrentIndex(page.rmFilter()->findText(QStringLiteral("吴经理")));
        QStringList names = shownNames(page);
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("单田芳"), QStringLiteral("李四")}));
        // The manager is not offered as an RM
        QCOMPARE(page.rmFilter()->findText(QStringLiteral("郑行长")), -1);
    }

    void selectingARowShowsTheMaskedProfile()
    {
        CustomerPage page;
        page.resize(1200, 700);
        page.setBranch(m_branch);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::keyClicks(page.searchBox(), QStringLiteral("lisi"));
        QCOMPARE(page.table()->model()->rowCount(), 1);
        const QRect cell = page.table()->visualRect(page.table()->model()->index(0, 0));
        QTest::mouseClick(page.table()->viewport(), Qt::LeftButton, {}, cell.center());

        Customer360Panel *panel = page.panel();
        QCOMPARE(panel->fieldText(QStringLiteral("name")), QStringLiteral("李四"));
        QCOMPARE(panel->fieldText(QStringLiteral("phone")), QStringLiteral("139****5678"));
        QCOMPARE(panel->fieldText(QStringLiteral("id")), QStringLiteral("310104********432X"));
        QCOMPARE(panel->fieldText(QStringLiteral("tier")), QStringLiteral("贵宾客户"));
        QCOMPARE(panel->holdingsTable()->rowCount(), 1);
        QVERIFY(panel->holdingsTable()->item(0, 4)->text().contains(QLatin1String("2026")));
        QCOMPARE(panel->holdingsTable()->item(0, 5)->text(), QStringLiteral("8 days"));
        QCOMPARE(panel->chart()->values().size(), 12);
        QCOMPARE(panel->chart()->values().last(), 520000.0);
    }

    void panelFollowsTheFirstMatchWhenTheSelectionIsFilteredOut()
    {
        CustomerPage page;
        page.setBranch(m_branch);
        page.show();
        const int wang = m_branch.snapshot->indexOfCustomer(QStringLiteral("600000000004"));
        page.table()->selectRow(page.model()->rowOfCustomer(wang));
        QCOMPARE(page.panel()->fieldText(QStringLiteral("name")), QStringLiteral("王小明"));
        QTest::keyClicks(page.searchBox(), QStringLiteral("oyn"));
        // The panel follows after a short pause, not on every keystroke
        QCOMPARE(page.panel()->fieldText(QStringLiteral("name")), QStringLiteral("王小明"));
        QTRY_COMPARE(page.panel()->fieldText(QStringLiteral("name")), QStringLiteral("欧阳娜娜"));
        QTest::keyClicks(page.searchBox(), QStringLiteral("qqq"));
        QCOMPARE(page.table()->model()->rowCount(), 0);
        QCOMPARE(page.panel()->currentCustomer(), -1);
    }

    void selectionSurvivesRefiltering()
    {
        CustomerPage page;
        page.setBranch(m_branch);
        page.show();
        const int li = m_branch.snapshot->indexOfCustomer(QStringLiteral("600000000002"));
        const int row = page.model()->rowOfCustomer(li);
        page.table()->selectRow(row);
        QCOMPARE(page.panel()->currentCustomer(), li);
        QTest::keyClicks(page.searchBox(), QStringLiteral("l"));
        const QModelIndex current = page.table()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(page.model()->customerAt(current.row()), li);
    }

    // Issue 6: the manager selects two customers and gives them to an RM.
    void managerAssignsSelectionToAnRm()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        BranchStore::setDemoSignedInAs(QString()); // the branch's manager
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("assign.db"));
        const QString pass = QStringLiteral("assign-pass");
        {
            Database db = Database::open(path, pass, Database::OpenMode::CreateIfMissing);
            SchemaMigrations::migrate(db);
            QVERIFY(BranchRepository(db).replaceAll(TestSupport::smallBranch()));
        }
        LoadedBranch branch;
        QVERIFY(BranchStore::load(path, pass, &branch, {}, QDate(2026, 11, 23)));
        MainWindow window(nullptr);
        window.setBranch(branch);
        window.showPage(QStringLiteral("customers"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.workspace()->isReady());
        CustomerPage *page = window.customerPage();
        QVERIFY(page->assignButton()->isVisible());

        // Given 张三 (RM01) and 王小明 (unassigned) selected with Ctrl+click
        auto rowOf = [&](const QString &no) {
            const BranchSnapshot *s = window.branch().snapshot.get();
            return page->model()->rowOfCustomer(s->indexOfCustomer(no));
        };
        QTableView *table = page->table();
        const QRect first = table->visualRect(table->model()->index(rowOf(QStringLiteral("600000000001")), 1));
        const QRect second = table->visualRect(table->model()->index(rowOf(QStringLiteral("600000000004")), 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, first.center());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::ControlModifier, second.center());
        QCOMPARE(page->selectedCustomerNos().size(), 2);

        // When the manager picks RM02 and clicks "Assign selected"
        QComboBox *target = page->assignTarget();
        target->setCurrentIndex(target->findData(QStringLiteral("RM02")));
        QSignalSpy reloaded(&window, &MainWindow::branchReloaded);
        QTest::mouseClick(page->assignButton(), Qt::LeftButton);
        QVERIFY(reloaded.wait(10000));

        // Then both belong to RM02 on screen and in the store, waiting in the outbox for HQ
        const BranchSnapshot *s = window.branch().snapshot.get();
        QCOMPARE(s->customer(s->indexOfCustomer(QStringLiteral("600000000001"))).rmId, QStringLiteral("RM02"));
        QCOMPARE(s->customer(s->indexOfCustomer(QStringLiteral("600000000004"))).rmId, QStringLiteral("RM02"));
        page->rmFilter()->setCurrentIndex(page->rmFilter()->findText(QStringLiteral("吴经理")));
        QCOMPARE(page->table()->model()->rowCount(), 4); // 李四, 单田芳 and the two assigned
        QVERIFY(window.workspace()->waitForIdle());
        Database db = Database::open(path, pass, Database::OpenMode::ExistingOnly);
        Statement outbox(db, QStringLiteral("SELECT count(*) FROM outbox WHERE entity = 'assignment'"));
        QVERIFY(outbox.step());
        QCOMPARE(outbox.integer(0), 2);

        // When the manager puts 王小明 back in the pool
        page->rmFilter()->setCurrentIndex(0); // all RMs
        const QRect wang = table->visualRect(table->model()->index(rowOf(QStringLiteral("600000000004")), 1));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier, wang.center());
        QCOMPARE(page->selectedCustomerNos(), QStringList{QStringLiteral("600000000004")});
        target->setCurrentIndex(target->findData(QString()));
        QSignalSpy pooled(&window, &MainWindow::branchReloaded);
        QTest::mouseClick(page->assignButton(), Qt::LeftButton);
        QVERIFY(pooled.wait(10000));
        const BranchSnapshot *inPool = window.branch().snapshot.get();
        QCOMPARE(inPool->customer(inPool->indexOfCustomer(QStringLiteral("600000000004"))).rmId, QString());
        QTRY_VERIFY(window.workspace()->isReady());

        // and balances every customer shown by workload
        page->table()->clearSelection();
        QSignalSpy balanced(&window, &MainWindow::branchReloaded);
        QTest::mouseClick(page->balanceButton(), Qt::LeftButton);
        QVERIFY(balanced.wait(10000));
        // Then the pool is empty again: 王小明 (on the VIP retention list) went to an RM
        const BranchSnapshot *after = window.branch().snapshot.get();
        QVERIFY(!after->customer(after->indexOfCustomer(QStringLiteral("600000000004"))).rmId.isEmpty());
        QVERIFY(window.workspace()->waitForIdle());

        // And an RM signed in sees no assignment controls
        LoadedBranch asRm;
        QVERIFY(BranchStore::load(path, pass, &asRm, {}, QDate(2026, 11, 23), QStringLiteral("RM01")));
        window.setBranch(asRm);
        QVERIFY(!page->assignButton()->isVisible());
        QVERIFY(!page->balanceButton()->isVisible());
    }
};

QTEST_MAIN(TestCustomerPage)
#include "tst_customerpage.moc"
