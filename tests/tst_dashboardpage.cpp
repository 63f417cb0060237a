// The manager's dashboard: metrics against targets, one table per RM, and a
// click on an RM that filters the customer list and the Today page.
#include "dashboardpage.h"
#include "mainwindow.h"
#include "customerpage.h"
#include "todaypage.h"
#include "maturitypage.h"
#include "rmfiltercombo.h"
#include "assignbar.h"
#include "warninglistspage.h"
#include "domain/maturitylist.h"
#include "domain/retentionlist.h"
#include "domain/rmfilter.h"
#include "items/maturitymodel.h"
#include "items/warninglistmodel.h"
#include "domain/todaylist.h"
#include "items/cadenceworkspace.h"
#include "items/campaignmetricsmodel.h"
#include "items/customertablemodel.h"
#include "items/rmtablemodel.h"
#include "items/todaymodel.h"
#include "store/branchstore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QPushButton>
#include <QTreeView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

class TestDashboardPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    const QString m_pass = QStringLiteral("dash-pass");
    const QDate m_today{2026, 11, 23};

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_store = m_dir.filePath(QStringLiteral("demo.db"));
        QVERIFY(BranchStore::createDemo(m_store, m_pass, DemoGenerator::Options{3000, 7, m_today}));
    }

    void dashboardShowsMetricsAndRmTableAndFilters()
    {
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch, {}, m_today));
        MainWindow window(nullptr);
        window.workspace()->setToday(m_today);
        window.setBranch(branch);
        DashboardPage *page = window.dashboardPage();
        QSignalSpy refreshed(page, &DashboardPage::refreshed);
        QVERIFY(window.showPage(QStringLiteral("dashboard")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(refreshed.wait(30000));
        QTRY_VERIFY(page->isSettled());
        QAbstractItemModelTester metricsTester(page->metricsModel());
        QAbstractItemModelTester rmTester(page->rmModel());

        // Every metric against its target, for the branch and each RM
        const BranchSnapshot *s = window.branch().snapshot.get();
        int rms = 0;
        for (const Staff &st : s->staff())
            rms += st.role == Staff::Role::RelationshipManager ? 1 : 0;
        QCOMPARE(page->metricsModel()->rowCount(), int(Campaign::MetricCount));
        QCOMPARE(page->metricsModel()->columnCount(), CampaignMetricsModel::FirstRm + rms);
        QCOMPARE(page->metricsModel()->index(Campaign::MaturityCount, CampaignMetricsModel::Target).data().toString(),
                 QStringLiteral("≥ 90.0%"));
        QCOMPARE(page->metricsModel()->index(Campaign::VipChurn, CampaignMetricsModel::Target).data().toString(),
                 QStringLiteral("≤ 10.0%"));
        // The triangle coverage of the branch is a real ratio of its VIP customers
        const QVariant coverage = page->metricsModel()->index(Campaign::TriangleProduct, CampaignMetricsModel::Branch)
                                      .data(CampaignMetricsModel::RawValueRole);
        QVERIFY(coverage.isValid());
        QVERIFY(coverage.toDouble() > 0 && coverage.toDouble() < 1);
        // One table per RM: a row per RM, ranked 1..n, customers adding up to the assigned ones
        QCOMPARE(page->rmModel()->rowCount(), rms);
        int assigned = 0, sum = 0;
        for (int c = 0; c < s->customerCount(); ++c)
            assigned += s->rmOf(c) >= 0 ? 1 : 0;
        for (int r = 0; r < rms; ++r) {
            QCOMPARE(page->rmModel()->index(r, RmTableModel::Rank).data(RmTableModel::RawValueRole).toInt(), r + 1);
            sum += page->rmModel()->index(r, RmTableModel::Customers).data(RmTableModel::RawValueRole).toInt();
        }
        QCOMPARE(sum, assigned);
        // The weekly trend has a bar per week of the last three months
        QVERIFY(page->trendPlot()->plottableCount() == 3);
        QVERIFY(page->trendPlot()->graph(0)->dataCount() >= 12);

        // When the manager clicks the second RM in the table
        QTableView *table = page->rmTable();
        const int staff = page->rmModel()->staffIndexAt(1);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, Qt::NoModifier,
                          table->visualRect(page->rmModel()->index(1, RmTableModel::Rm)).center());
        // Then the customer list and the Today page show that RM only
        QCOMPARE(window.customerPage()->rmFilter()->currentData().toInt(), staff);
        CustomerTableModel *customers = window.customerPage()->model();
        QVERIFY(customers->rowCount() > 0);
        for (int r = 0; r < customers->rowCount(); ++r)
            QCOMPARE(s->rmOf(customers->customerAt(r)), staff);
        QCOMPARE(window.todayPage()->rmFilter()->currentData().toInt(), staff);
        QTRY_VERIFY(window.todayPage()->isSettled());
        const TodayModel *today = window.todayPage()->model();
        QVERIFY(today->rowCount() > 0);
        for (int r = 0; r < today->rowCount(); ++r)
            QCOMPARE(today->item(r).rm, staff);
        // and so do the maturity list and the retention and conversion lists
        QCOMPARE(window.maturityPage()->rmFilter()->rm(), staff);
        const MaturityList &maturities = window.maturityPage()->model()->list();
        QVERIFY(!maturities.entries().empty());
        for (const MaturityList::Entry &e : maturities.entries())
            QCOMPARE(s->rmOf(e.customer), staff);
        const MaturityList whole = MaturityList::build(*s, window.workspace()->policy(), window.workspace()->activity(),
                                                       maturities.from(), maturities.to(), maturities.asOf());
        QVERIFY(maturities.entries().size() < whole.entries().size());
        QCOMPARE(window.warningListsPage()->rmFilter()->rm(), staff);
        for (WarningListModel *list : {window.warningListsPage()->retentionModel(), window.warningListsPage()->conversionModel()}) {
            for (int r = 0; r < list->rowCount(); ++r)
                QCOMPARE(s->rmOf(list->customerAt(r)), staff);
        }
        const auto retentionAll = RetentionList::build(*s, window.workspace()->policy());
        int ofStaff = 0;
        for (const RetentionList::Member &m : retentionAll)
            ofStaff += s->rmOf(m.customer) == staff ? 1 : 0;
        QCOMPARE(window.warningListsPage()->retentionModel()->rowCount(), ofStaff);
        // And "All RMs" brings the whole list back
        window.maturityPage()->rmFilter()->setRm(RmFilter::kAll);
        QCOMPARE(window.maturityPage()->model()->list().entries().size(), whole.entries().size());
    }

    void assignsFromTheRetentionAndMaturityLists()
    {
        // Given a copy of the demo branch open for its manager, on the retention list
        const QString path = m_dir.filePath(QStringLiteral("assign.db"));
        QVERIFY(BranchStore::createDemo(path, m_pass, DemoGenerator::Options{3000, 7, m_today}));
        LoadedBranch branch;
        QVERIFY(BranchStore::load(path, m_pass, &branch, {}, m_today));
        MainWindow window(nullptr);
        window.workspace()->setToday(m_today);
        window.setBranch(branch);
        QVERIFY(window.showPage(QStringLiteral("retention")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.workspace()->isReady());
        WarningListsPage *warnings = window.warningListsPage();
        QVERIFY(warnings->assignBar()->isVisible());
        QVERIFY(warnings->retentionModel()->rowCount() >= 2);

        // When the manager selects the first two members and gives them to the last RM
        QTableView *table = warnings->retentionTable();
        table->selectionModel()->select(table->model()->index(0, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        table->selectionModel()->select(table->model()->index(1, 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QStringList chosen = warnings->selectedCustomerNos();
        QCOMPARE(chosen.size(), 2);
        QComboBox *target = warnings->assignBar()->target();
        const BranchSnapshot *before = window.branch().snapshot.get();
        const QString owner = before->customer(before->indexOfCustomer(chosen.first())).rmId;
        target->setCurrentIndex(target->count() - 1);
        if (target->currentData().toString() == owner) // an RM the first one does not have yet
            target->setCurrentIndex(target->count() - 2);
        const QString rm = target->currentData().toString();
        QVERIFY(!rm.isEmpty() && rm != owner);
        QSignalSpy reloaded(&window, &MainWindow::branchReloaded);
        QTest::mouseClick(warnings->assignBar()->button(), Qt::LeftButton);
        QVERIFY(reloaded.wait(20000));
        // Then both are that RM's
        const BranchSnapshot *s = window.branch().snapshot.get();
        for (const QString &no : chosen)
            QCOMPARE(s->customer(s->indexOfCustomer(no)).rmId, rm);
        QTRY_VERIFY(window.workspace()->isReady());

        // When, on the maturity list, the customer of one product goes back to the pool
        QVERIFY(window.showPage(QStringLiteral("maturity")));
        MaturityPage *maturity = window.maturityPage();
        QTRY_VERIFY(!maturity->model()->list().entries().empty());
        QVERIFY(maturity->assignBar()->isVisible());
        const QModelIndex day = maturity->model()->index(0, 0);
        const QModelIndex type = maturity->model()->index(0, 0, day);
        const QModelIndex product = maturity->model()->index(0, 0, type);
        QVERIFY(maturity->model()->entryAt(product));
        maturity->tree()->selectionModel()->select(product, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        maturity->tree()->selectionModel()->select(day, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QStringList one = maturity->selectedCustomerNos();
        QCOMPARE(one.size(), 1); // the date row names no customer
        const BranchSnapshot *mid = window.branch().snapshot.get();
        QVERIFY(!mid->customer(mid->indexOfCustomer(one.first())).rmId.isEmpty()); // so the move shows
        QComboBox *pool = maturity->assignBar()->target();
        pool->setCurrentIndex(pool->findData(QString()));
        QSignalSpy pooled(&window, &MainWindow::branchReloaded);
        QTest::mouseClick(maturity->assignBar()->button(), Qt::LeftButton);
        QVERIFY(pooled.wait(20000));
        const BranchSnapshot *after = window.branch().snapshot.get();
        QCOMPARE(after->customer(after->indexOfCustomer(one.first())).rmId, QString());
        QVERIFY(window.workspace()->waitForIdle());
    }

    void rmSeesOnlyTheirOwnFiguresAndNoCampaignEditing()
    {
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch, {}, m_today, QStringLiteral("RM02")));
        MainWindow window(nullptr);
        window.workspace()->setToday(m_today);
        window.setBranch(branch);
        DashboardPage *page = window.dashboardPage();
        QSignalSpy refreshed(page, &DashboardPage::refreshed);
        window.showPage(QStringLiteral("dashboard"));
        window.show();
        QVERIFY(refreshed.wait(30000));
        QVERIFY(!page->editButton()->isVisible());
        QVERIFY(!page->newButton()->isVisible());
        // Other RMs have no customers in an RM's view, so their figures are empty
        const BranchSnapshot *s = window.branch().snapshot.get();
        for (int r = 0; r < page->rmModel()->rowCount(); ++r) {
            const int staff = page->rmModel()->staffIndexAt(r);
            const int customers = page->rmModel()->index(r, RmTableModel::Customers).data(RmTableModel::RawValueRole).toInt();
            if (s->staff()[size_t(staff)].staffId == QLatin1String("RM02"))
                QVERIFY(customers > 0);
            else
                QCOMPARE(customers, 0);
        }
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
