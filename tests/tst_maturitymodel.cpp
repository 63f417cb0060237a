#include "domain/branchsnapshot.h"
#include "items/maturitymodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QtTest>

namespace {
Holding product(const QString &id, const QString &customerNo, const QDate &maturity, qint64 yuan,
                Holding::ProductType type)
{
    Holding h;
    h.holdingId = id;
    h.customerNo = customerNo;
    h.productType = type;
    h.productName = id;
    h.amountFen = yuan * 100;
    h.openDate = maturity.addMonths(-3);
    h.maturityDate = maturity;
    return h;
}
} // namespace

class TestMaturityModel : public QObject
{
    Q_OBJECT

private slots:
    void groupsByDateThenTypeAsATree()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        BranchData d = TestSupport::smallBranch();
        const QString zhang = QStringLiteral("600000000001");
        const QString li = QStringLiteral("600000000002");
        d.holdings = {product(QStringLiteral("A"), zhang, QDate(2026, 11, 20), 10000, Holding::ProductType::TimeDeposit),
                      product(QStringLiteral("B"), li, QDate(2026, 11, 25), 30000, Holding::ProductType::Wealth),
                      product(QStringLiteral("C"), zhang, QDate(2026, 11, 25), 20000, Holding::ProductType::Wealth),
                      product(QStringLiteral("D"), li, QDate(2026, 11, 25), 50000, Holding::ProductType::TimeDeposit),
                      product(QStringLiteral("E"), li, QDate(2026, 12, 1), 70000, Holding::ProductType::Insurance)};
        auto snapshot = std::make_shared<const BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        MaturityModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setList(snapshot, MaturityList::build(*snapshot, CadencePolicy::defaultPolicy(), ActivityLog(),
                                                    QDate(2026, 11, 16), QDate(2026, 12, 23), QDate(2026, 11, 23)));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 3); // three dates
        const QModelIndex day = model.index(1, 0);
        QCOMPARE(model.data(day, MaturityModel::RawValueRole).toString(), QStringLiteral("2026-11-25"));
        QCOMPARE(model.data(model.index(1, MaturityModel::Count)).toInt(), 3);
        QCOMPARE(model.data(model.index(1, MaturityModel::Amount), MaturityModel::RawValueRole).toLongLong(), 10000000);
        QCOMPARE(model.rowCount(day), 2); // time deposit, wealth
        const QModelIndex wealth = model.index(1, 0, day);
        QCOMPARE(model.data(wealth).toString(), QStringLiteral("Wealth product"));
        QCOMPARE(model.rowCount(wealth), 2);
        const QModelIndex first = model.index(0, 0, wealth);
        QCOMPARE(model.parent(first), wealth);
        QCOMPARE(model.parent(wealth), day);
        QCOMPARE(model.data(first, MaturityModel::RawValueRole).toString(), QStringLiteral("B")); // bigger first
        QCOMPARE(model.data(model.index(0, MaturityModel::Customer, wealth)).toString(), QStringLiteral("李四"));
        QCOMPARE(model.data(model.index(0, MaturityModel::Outcome, wealth)).toString(), QStringLiteral("Not matured yet"));
        QCOMPARE(model.entryAt(first)->amountFen, 3000000);
        QVERIFY(!model.entryAt(wealth));
        // Matured before asOf, no outcome known yet
        const QModelIndex past = model.index(0, 0, model.index(0, 0, model.index(0, 0)));
        QCOMPARE(model.data(past.siblingAtColumn(MaturityModel::Outcome)).toString(), QStringLiteral("Not known yet"));
        QCOMPARE(model.data(past, MaturityModel::CustomerIndexRole).toInt(), 0);
        model.retranslate();
        QCOMPARE(model.rowCount(day), 2);
    }
};

QTEST_MAIN(TestMaturityModel)
#include "tst_maturitymodel.moc"
