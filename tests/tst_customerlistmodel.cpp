#include "domain/thresholdlist.h"
#include "domain/valuescores.h"
#include "items/customerlistmodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

class TestCustomerListModel : public QObject
{
    Q_OBJECT

private:
    SnapshotPtr m_snapshot;
    std::shared_ptr<const ValueScores> m_scores;

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        BranchData d = TestSupport::smallBranch();
        const qint64 extra[] = {31000, 48000, 450000, 320000};
        for (int i = 0; i < 4; ++i)
            d.customers.push_back(TestSupport::customer(QStringLiteral("94000000000%1").arg(i), QStringLiteral("临界%1").arg(i), extra[i]));
        m_snapshot = std::make_shared<const BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        m_scores = std::make_shared<const ValueScores>(*m_snapshot, ValuePolicy::defaultPolicy());
    }

    void showsTheThresholdList()
    {
        // Given a model under the tester
        CustomerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        // When the threshold list is set
        model.setList(m_snapshot, m_scores, ThresholdList::build(*m_snapshot, ValuePolicy::defaultPolicy()));
        QCOMPARE(resets.count(), 1);
        // Then closest to the line comes first: 48k (2k to gold), 张三 45k, 31k, 450k, 320k
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, CustomerListModel::Name).data().toString(), QStringLiteral("临界1"));
        QCOMPARE(model.index(0, CustomerListModel::Gap).data(CustomerListModel::RawValueRole).toLongLong(), qint64(200000));
        QCOMPARE(model.index(0, CustomerListModel::Gap).data().toString(), QStringLiteral("0.20"));
        QCOMPARE(model.index(0, CustomerListModel::TargetTier).data().toString(), QStringLiteral("金卡客户"));
        QCOMPARE(model.index(1, CustomerListModel::Name).data().toString(), QStringLiteral("张三"));
        QCOMPARE(model.index(4, CustomerListModel::TargetTier).data().toString(), QStringLiteral("贵宾客户"));
        QVERIFY(model.index(0, CustomerListModel::Reason).data().toString().contains(QStringLiteral("金卡客户")));
        QCOMPARE(model.headerData(CustomerListModel::Aum, Qt::Horizontal).toString(), QStringLiteral("AUM, tier basis (万元)"));
    }

    void sortsOnRawValuesAndKeepsPersistentIndexes()
    {
        CustomerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setList(m_snapshot, m_scores, ThresholdList::build(*m_snapshot, ValuePolicy::defaultPolicy()));
        const QPersistentModelIndex zhang = model.index(1, CustomerListModel::Name);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        // When sorted by AUM, largest first
        model.sort(CustomerListModel::Aum, Qt::DescendingOrder);
        QCOMPARE(layout.count(), 1);
        QList<qint64> aum;
        for (int r = 0; r < model.rowCount(); ++r)
            aum << model.index(r, CustomerListModel::Aum).data(CustomerListModel::RawValueRole).toLongLong();
        QCOMPARE(aum, (QList<qint64>{45000000, 32000000, 4800000, 4500000, 3100000}));
        // Then the persistent index still points at 张三, now on row 3
        QCOMPARE(zhang.row(), 3);
        QCOMPARE(zhang.data().toString(), QStringLiteral("张三"));
        // And the shown list follows the order
        QCOMPARE(model.shownList().members.front().basisFen, qint64(45000000));
        model.sort(CustomerListModel::Potential, Qt::AscendingOrder);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r - 1, CustomerListModel::Potential).data(CustomerListModel::RawValueRole).toDouble()
                    <= model.index(r, CustomerListModel::Potential).data(CustomerListModel::RawValueRole).toDouble());
        model.sort(CustomerListModel::Name, Qt::AscendingOrder);
        QCOMPARE(model.rowCount(), 5);
    }

    void clearEmpties()
    {
        CustomerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setList(m_snapshot, m_scores, CustomerList::selection(*m_snapshot, {0, 1}));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, CustomerListModel::Gap).data().toString(), QString());
        QCOMPARE(model.customerAt(1), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestCustomerListModel)
#include "tst_customerlistmodel.moc"
