#include "customerpage.h"
#include "mainwindow.h"
#include "todaypage.h"
#include "session/cadenceworkspace.h"
#include "items/customertablemodel.h"
#include "store/branchstore.h"

#include <QHeaderView>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

// Issue 16: what the user arranged (window size, splitters, columns and sort) survives a restart.
class TestViewState : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    const QString m_pass = QStringLiteral("view-pass");

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskViewStateTest"));
        QSettings().clear();
        m_store = m_dir.filePath(QStringLiteral("view.db"));
        QVERIFY(BranchStore::createDemo(m_store, m_pass, DemoGenerator::Options{300, 5, QDate(2026, 11, 23)}));
    }

    void cleanupTestCase() { QSettings().clear(); }

    void theArrangementSurvivesARestart()
    {
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch));
        QList<int> splitterSizes;
        {
            // Given a session in which the user sized the window, moved a splitter, widened
            // and hid a column and sorted by name
            MainWindow first(nullptr);
            first.setBranch(branch);
            first.resize(1300, 666);
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            first.showPage(QStringLiteral("customers"));
            auto *splitter = first.findChild<QSplitter *>(QStringLiteral("customerSplitter"));
            QVERIFY(splitter);
            splitter->setSizes({400, splitter->width() - 400 - splitter->handleWidth()});
            splitterSizes = splitter->sizes();
            QTableView *table = first.customerPage()->table();
            table->horizontalHeader()->resizeSection(CustomerTableModel::Name, 233);
            table->setColumnHidden(CustomerTableModel::Rm, true);
            table->sortByColumn(CustomerTableModel::Name, Qt::AscendingOrder);
            // When the window closes
            QVERIFY(first.close());
        }
        // Then a new window (the next start) comes back the same way
        MainWindow second(nullptr);
        second.setBranch(branch);
        second.restoreViewState();
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QCOMPARE(second.size(), QSize(1300, 666));
        second.showPage(QStringLiteral("customers"));
        QTableView *table = second.customerPage()->table();
        QCOMPARE(table->horizontalHeader()->sectionSize(CustomerTableModel::Name), 233);
        QVERIFY(table->isColumnHidden(CustomerTableModel::Rm));
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(), int(CustomerTableModel::Name));
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
        // the model itself is sorted that way, not only the arrow: sorting again changes nothing
        const QString first = table->model()->index(0, CustomerTableModel::CustomerNo).data().toString();
        table->sortByColumn(CustomerTableModel::Aum, Qt::DescendingOrder);
        QVERIFY(table->model()->index(0, CustomerTableModel::CustomerNo).data().toString() != first);
        table->sortByColumn(CustomerTableModel::Name, Qt::AscendingOrder);
        QCOMPARE(table->model()->index(0, CustomerTableModel::CustomerNo).data().toString(), first);
        auto *splitter = second.findChild<QSplitter *>(QStringLiteral("customerSplitter"));
        QCOMPARE(splitter->sizes(), splitterSizes);
    }
};

QTEST_MAIN(TestViewState)
#include "tst_viewstate.moc"
