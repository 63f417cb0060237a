#include "domain/customersearchindex.h"
#include "domain/demogenerator.h"
#include "domain/pinyin.h"
#include "testsupport.h"

#include <QtTest>

class TestCustomerSearchIndex : public QObject
{
    Q_OBJECT

private:
    SnapshotPtr m_snapshot;
    std::unique_ptr<CustomerSearchIndex> m_index;

    QStringList namesFound(const QString &query) const
    {
        std::vector<int> all;
        for (int i = 0; i < m_snapshot->customerCount(); ++i)
            all.push_back(i);
        QStringList names;
        for (int i : m_index->filter(all, query))
            names << m_snapshot->customer(i).name;
        names.sort();
        return names;
    }

private slots:
    void initTestCase()
    {
        m_snapshot = std::make_shared<const BranchSnapshot>(TestSupport::smallBranch(), TierPolicy::defaultPolicy(),
                                                            QDate(2026, 11, 23));
        m_index = std::make_unique<CustomerSearchIndex>(m_snapshot);
    }

    void pinyinOfNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("full");
        QTest::addColumn<QString>("initials");
        QTest::newRow("张三") << QStringLiteral("张三") << QStringLiteral("zhangsan") << QStringLiteral("zs");
        QTest::newRow("单田芳: surname reading") << QStringLiteral("单田芳") << QStringLiteral("shantianfang")
                                                 << QStringLiteral("stf");
        QTest::newRow("曾: surname reading") << QStringLiteral("曾小贤") << QStringLiteral("zengxiaoxian")
                                             << QStringLiteral("zxx");
        QTest::newRow("欧阳娜娜") << QStringLiteral("欧阳娜娜") << QStringLiteral("ouyangnana") << QStringLiteral("oynn");
    }
    void pinyinOfNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, full);
        QFETCH(QString, initials);
        QCOMPARE(Pinyin::instance().full(name), full);
        QCOMPARE(Pinyin::instance().initials(name), initials);
    }

    void rules_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        const QString zs = QStringLiteral("张三"), ls = QStringLiteral("李四"), zss = QStringLiteral("张珊珊"),
                      wxm = QStringLiteral("王小明"), stf = QStringLiteral("单田芳"), oynn = QStringLiteral("欧阳娜娜");
        // names
        QTest::newRow("name substring") << QStringLiteral("张") << QStringList{zs, zss};
        QTest::newRow("whole name") << QStringLiteral("张三") << QStringList{zs};
        QTest::newRow("inner substring") << QStringLiteral("小明") << QStringList{wxm};
        // pinyin initials
        QTest::newRow("initials zs") << QStringLiteral("zs") << QStringList{zs, zss};
        QTest::newRow("initials zss") << QStringLiteral("zss") << QStringList{zss};
        QTest::newRow("initials upper case") << QStringLiteral("ZS") << QStringList{zs, zss};
        QTest::newRow("initials stf (单 as surname)") << QStringLiteral("stf") << QStringList{stf};
        QTest::newRow("initials inside a name") << QStringLiteral("xm") << QStringList{wxm};
        // full pinyin
        QTest::newRow("full zhangsan") << QStringLiteral("zhangsan") << QStringList{zs};
        QTest::newRow("full zhangshanshan") << QStringLiteral("zhangshanshan") << QStringList{zss};
        QTest::newRow("full prefix zhangs") << QStringLiteral("zhangs") << QStringList{zs, zss};
        QTest::newRow("full ouyang") << QStringLiteral("ouyang") << QStringList{oynn};
        QTest::newRow("given name only") << QStringLiteral("nana") << QStringList{oynn};
        QTest::newRow("no match") << QStringLiteral("zhangsi") << QStringList{};
        // phone and ID last 4
        QTest::newRow("phone last 4") << QStringLiteral("5678") << QStringList{zs, ls};
        QTest::newRow("ID last 4") << QStringLiteral("2222") << QStringList{zss, wxm};
        QTest::newRow("ID ending in X") << QStringLiteral("432x") << QStringList{ls};
        QTest::newRow("ID ending in upper X") << QStringLiteral("432X") << QStringList{ls};
        QTest::newRow("middle digits don't match phones") << QStringLiteral("1234") << QStringList{zs, oynn};
        // customer number
        QTest::newRow("customer no.") << QStringLiteral("600000000004") << QStringList{wxm};
        QTest::newRow("customer no. part") << QStringLiteral("0000003") << QStringList{zss};
        // mixed
        QTest::newRow("han + pinyin") << QStringLiteral("张s") << QStringList{zs, zss};
        QTest::newRow("pinyin + han") << QStringLiteral("zhang三") << QStringList{zs};
        QTest::newRow("mixed syllables zhangss") << QStringLiteral("zhangss") << QStringList{zss};
        QTest::newRow("two terms: name and phone") << QStringLiteral("zs 5678") << QStringList{zs};
        QTest::newRow("two terms: name and ID") << QStringLiteral("张 2222") << QStringList{zss};
        QTest::newRow("full-width space separates terms") << QStringLiteral("zs\u30005678") << QStringList{zs};
        QTest::newRow("blank") << QStringLiteral("   ") << QStringList{zs, ls, zss, wxm, stf, oynn};
    }
    void rules()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        expected.sort();
        QCOMPARE(namesFound(query), expected);
    }

    // The letter masks (a term's letters must all occur in the name's syllables or its own
    // Latin letters) must not cost a name written partly in Latin letters its matches.
    void latinLettersInANameStillMatch()
    {
        BranchData branch = TestSupport::smallBranch();
        branch.customers[0].name = QStringLiteral("lily王");
        branch.customers[1].name = QStringLiteral("王lily");
        const auto snapshot = std::make_shared<const BranchSnapshot>(branch, TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const CustomerSearchIndex index(snapshot);
        const auto found = [&](const QString &query) {
            QStringList names;
            for (int i = 0; i < snapshot->customerCount(); ++i) {
                if (index.matches(i, query))
                    names << snapshot->customer(i).name;
            }
            names.sort();
            return names;
        };
        QCOMPARE(found(QStringLiteral("lily")), (QStringList{QStringLiteral("lily王"), QStringLiteral("王lily")}));
        QCOMPARE(found(QStringLiteral("lilyw")), QStringList{QStringLiteral("lily王")});
        QCOMPARE(found(QStringLiteral("wangl")), QStringList{QStringLiteral("王lily")});
        QCOMPARE(found(QStringLiteral("ly")), (QStringList{QStringLiteral("lily王"), QStringLiteral("王lily")}));
        QCOMPARE(found(QStringLiteral("lilyz")), QStringList{});
    }

    void pinyinKeySortsByReading()
    {
        // 李 (li) < 欧阳 (ou) < 单 (shan) < 王 (wang) < 张 (zhang)
        const int li = m_snapshot->indexOfCustomer(QStringLiteral("600000000002"));
        const int ou = m_snapshot->indexOfCustomer(QStringLiteral("600000000006"));
        const int shan = m_snapshot->indexOfCustomer(QStringLiteral("600000000005"));
        const int zhang = m_snapshot->indexOfCustomer(QStringLiteral("600000000001"));
        QVERIFY(m_index->pinyinKey(li) < m_index->pinyinKey(ou));
        QVERIFY(m_index->pinyinKey(ou) < m_index->pinyinKey(shan));
        QVERIFY(m_index->pinyinKey(shan) < m_index->pinyinKey(zhang));
    }

    // The digit lookup (suffix buckets, one customer-number buffer) answers exactly what
    // trying every customer answers, on a generated branch with a few odd numbers added.
    void digitLookupAgreesWithTryingEveryCustomer()
    {
        BranchData data;
        QVERIFY(DemoGenerator::generate({3000, 11, QDate(2026, 11, 23)}, &data));
        data.customers[0].phone = QStringLiteral("123");              // shorter than four
        data.customers[1].idNumber = QStringLiteral("11010519491231002X");
        data.customers[2].phone = QStringLiteral("138-0000-56 78");   // ends in digits after a space
        data.customers[3].phone = QStringLiteral("1380000567X");     // a phone's X is not an ID's x
        data.customers[4].phone.clear();
        data.customers[4].idNumber.clear();
        const auto snapshot = std::make_shared<const BranchSnapshot>(data, TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const CustomerSearchIndex index(snapshot);
        std::vector<int> all;
        for (int i = 0; i < snapshot->customerCount(); ++i)
            all.push_back(i);
        const Customer &sample = snapshot->customer(100);
        const QStringList queries = {
            QStringLiteral("5"), QStringLiteral("56"), QStringLiteral("567"), QStringLiteral("5678"),
            QStringLiteral("0"), QStringLiteral("002x"), QStringLiteral("002X"), QStringLiteral("2x"),
            QStringLiteral("1231002x"), QStringLiteral("123"), QStringLiteral("78"), QStringLiteral("567x"),
            sample.phone.right(4), sample.phone.right(7), sample.phone, sample.idNumber.right(6),
            sample.customerNo.right(5), sample.customerNo, QStringLiteral("zs ") + sample.phone.right(4),
            sample.phone.right(4) + QLatin1Char(' ') + sample.idNumber.right(4), QStringLiteral("１２３"),
        };
        int nonEmpty = 0;
        for (const QString &q : queries) {
            std::vector<int> expected;
            for (int i : all) {
                if (index.matches(i, q))
                    expected.push_back(i);
            }
            QCOMPARE(index.filter(all, q), expected);
            nonEmpty += expected.empty() ? 0 : 1;
        }
        QVERIFY2(nonEmpty >= 15, qPrintable(QString::number(nonEmpty))); // the queries do find customers
        // A phone's own last four find its customer; a phone's X is not an ID's x.
        const std::vector<int> found = index.filter(all, sample.phone.right(4));
        QVERIFY(std::find(found.begin(), found.end(), 100) != found.end());
        const std::vector<int> x = index.filter(all, QStringLiteral("567x"));
        QVERIFY(std::find(x.begin(), x.end(), 3) == x.end());
    }
};

QTEST_GUILESS_MAIN(TestCustomerSearchIndex)
#include "tst_customersearchindex.moc"
