#include "store/loadedbranch.h"
#include "items/customertablemodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

class TestCustomerTableModel : public QObject
{
    Q_OBJECT

private:
    LoadedBranch m_branch;

    static QStringList column(const CustomerTableModel &m, int col, int role = Qt::DisplayRole)
    {
        QStringList out;
        for (int r = 0; r < m.rowCount(); ++r)
            out << m.data(m.index(r, col), role).toString();
        return out;
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        m_branch.snapshot = std::make_shared<const BranchSnapshot>(TestSupport::smallBranch(),
                                                                   TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        m_branch.search = std::make_shared<const CustomerSearchIndex>(m_branch.snapshot);
    }

    void showsEveryCustomerWithDisplayValues()
    {
        CustomerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBranch(m_branch);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), int(CustomerTableModel::ColumnCount));
        const int row = model.rowOfCustomer(m_branch.snapshot->indexOfCustomer(QStringLiteral("600000000002")));
        QVERIFY(row >= 0);
        QCOMPARE(model.data(model.index(row, CustomerTableModel::Name)).toString(), QStringLiteral("李四"));
        QCOMPARE(model.data(model.index(row, CustomerTableModel::Tier)).toString(), QStringLiteral("贵宾客户"));
        QCOMPARE(model.data(model.index(row, CustomerTableModel::Aum)).toString(), QStringLiteral("52.00"));
        QCOMPARE(model.data(model.index(row, CustomerTableModel::Rm)).toString(), QStringLiteral("吴经理"));
        QCOMPARE(model.data(model.index(row, CustomerTableModel::Age)).toInt(), 46);
        QCOMPARE(model.headerData(CustomerTableModel::Aum, Qt::Horizontal).toString().contains(QStringLiteral("万元")),
                 true);
        const int unassigned = model.rowOfCustomer(m_branch.snapshot->indexOfCustomer(QStringLiteral("600000000004")));
        QCOMPARE(model.data(model.index(unassigned, CustomerTableModel::Rm), CustomerTableModel::RawValueRole).toString(),
                 QString());
    }

    void anUnknownBirthDateIsNotAge0()
    {
        // Given a customer imported without a birth date or ID number
        BranchData data = TestSupport::smallBranch();
        data.customers[0].birthDate = QDate();
        LoadedBranch branch;
        branch.snapshot = std::make_shared<const BranchSnapshot>(data, TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        branch.search = std::make_shared<const CustomerSearchIndex>(branch.snapshot);
        CustomerTableModel model;
        model.setBranch(branch);
        // Then the age reads as not known, and sorts before every known age
        const int index = branch.snapshot->indexOfCustomer(data.customers[0].customerNo);
        QCOMPARE(branch.snapshot->ageOf(index), -1);
        const int row = model.rowOfCustomer(index);
        QCOMPARE(model.data(model.index(row, CustomerTableModel::Age)).toString(), QStringLiteral("—"));
        model.sort(CustomerTableModel::Age, Qt::AscendingOrder);
        QCOMPARE(model.rowOfCustomer(index), 0);
    }

    void sortsOnRawValues()
    {
        CustomerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBranch(m_branch);
        // 7,000,000 must sort above 520,000 although "700.00" < "52.00" as text
        model.sort(CustomerTableModel::Aum, Qt::DescendingOrder);
        QCOMPARE(column(model, CustomerTableModel::Name),
                 (QStringList{QStringLiteral("王小明"), QStringLiteral("李四"), QStringLiteral("单田芳"),
                              QStringLiteral("张三"), QStringLiteral("欧阳娜娜"), QStringLiteral("张珊珊")}));
        model.sort(CustomerTableModel::Name, Qt::AscendingOrder); // pinyin order
        QCOMPARE(column(model, CustomerTableModel::Name),
                 (QStringList{QStringLiteral("李四"), QStringLiteral("欧阳娜娜"), QStringLiteral("单田芳"),
                              QStringLiteral("王小明"), QStringLiteral("张三"), QStringLiteral("张珊珊")}));
    }

    void sortKeepsPersistentIndexes()
    {
        CustomerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBranch(m_branch);
        model.sort(CustomerTableModel::Name, Qt::AscendingOrder);
        QPersistentModelIndex li(model.index(0, CustomerTableModel::Name));
        QCOMPARE(li.data().toString(), QStringLiteral("李四"));
        model.sort(CustomerTableModel::Aum, Qt::DescendingOrder);
        QVERIFY(li.isValid());
        QCOMPARE(li.data().toString(), QStringLiteral("李四"));
        QCOMPARE(li.row(), 1);
    }

    void theNameOrderFollowsTheSearchIndex()
    {
        // Given a branch whose search index (and with it the pinyin) is not built yet
        LoadedBranch branch;
        branch.snapshot = m_branch.snapshot;
        CustomerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBranch(branch);
        model.sort(CustomerTableModel::Name, Qt::AscendingOrder);
        model.setTierFilter(m_branch.snapshot->tierPolicy().indexOfId(QStringLiteral("low")));
        model.setTierFilter(-1);
        // Then every customer is listed, by customer number for now
        QCOMPARE(model.rowCount(), 6);
        QVERIFY(!model.searchReady());
        QStringList numbers = column(model, CustomerTableModel::CustomerNo);
        QStringList sorted = numbers;
        sorted.sort();
        QCOMPARE(numbers, sorted);
        // When the index arrives, the names are in pinyin order
        model.setSearchIndex(m_branch.search);
        QVERIFY(model.searchReady());
        QCOMPARE(column(model, CustomerTableModel::Name),
                 (QStringList{QStringLiteral("李四"), QStringLiteral("欧阳娜娜"), QStringLiteral("单田芳"),
                              QStringLiteral("王小明"), QStringLiteral("张三"), QStringLiteral("张珊珊")}));
    }

    void filtersBySearchTierAndRm()
    {
        CustomerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBranch(m_branch);
        model.sort(CustomerTableModel::Name, Qt::AscendingOrder);
        QSignalSpy spy(&model, &CustomerTableModel::filterChanged);

        model.setSearchText(QStringLiteral("z"));
        model.setSearchText(QStringLiteral("zs")); // refines the previous result
        QCOMPARE(column(model, CustomerTableModel::Name), (QStringList{QStringLiteral("张三"), QStringLiteral("张珊珊")}));
        QCOMPARE(spy.last().at(0).toInt(), 2);
        QCOMPARE(spy.last().at(1).toInt(), 6);

        model.setSearchText(QString());
        const TierPolicy &p = m_branch.snapshot->tierPolicy();
        model.setTierFilter(p.indexOfId(QStringLiteral("low")));
        QCOMPARE(column(model, CustomerTableModel::Name), (QStringList{QStringLiteral("张珊珊")}));
        model.setTierFilter(-1);

        model.setRmFilter(0); // RM01 周经理
        QCOMPARE(column(model, CustomerTableModel::Name),
                 (QStringList{QStringLiteral("欧阳娜娜"), QStringLiteral("张三"), QStringLiteral("张珊珊")}));
        model.setSearchText(QStringLiteral("oy"));
        QCOMPARE(column(model, CustomerTableModel::Name), (QStringList{QStringLiteral("欧阳娜娜")}));
        model.setSearchText(QStringLiteral("o")); // shorter: a full re-filter, still within RM01
        QCOMPARE(column(model, CustomerTableModel::Name), (QStringList{QStringLiteral("欧阳娜娜")}));
        // Typing a phone number key by key: "5678" is not a refinement of "567".
        model.setRmFilter(CustomerTableModel::kAllRms);
        for (const char *typed : {"5", "56", "567", "5678"})
            model.setSearchText(QString::fromLatin1(typed));
        QStringList byPhone = column(model, CustomerTableModel::Name);
        byPhone.sort();
        QCOMPARE(byPhone, (QStringList{QStringLiteral("张三"), QStringLiteral("李四")}));
        model.setSearchText(QString::fromLatin1("432"));
        model.setSearchText(QString::fromLatin1("432x"));
        QCOMPARE(column(model, CustomerTableModel::Name), (QStringList{QStringLiteral("李四")}));
        model.setRmFilter(CustomerTableModel::kUnassigned);
        model.setSearchText(QString());
        QCOMPARE(column(model, CustomerTableModel::Name), (QStringList{QStringLiteral("王小明")}));
    }
};

QTEST_MAIN(TestCustomerTableModel)
#include "tst_customertablemodel.moc"
