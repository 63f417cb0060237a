#include "domain/cadenceengine.h"
#include "domain/todaylist.h"
#include "items/todaymodel.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QtTest>

namespace {
const QDate kToday(2026, 12, 3);

Holding product(const QString &id, const QString &customerNo, const QDate &maturity, qint64 yuan)
{
    Holding h;
    h.holdingId = id;
    h.customerNo = customerNo;
    h.productType = Holding::ProductType::TimeDeposit;
    h.productName = QStringLiteral("三个月定期存款");
    h.amountFen = yuan * 100;
    h.openDate = maturity.addMonths(-3);
    h.maturityDate = maturity;
    return h;
}
} // namespace

class TestTodayModel : public QObject
{
    Q_OBJECT

private:
    TodayModel::Context m_ctx;

    std::vector<TodayItem> build() const
    {
        const TodayList list(*m_ctx.snapshot, m_ctx.policy, m_ctx.calendar, m_ctx.activity, *m_ctx.roster);
        return list.build(0, kToday);
    }
    std::vector<TodayItem> forCustomer(int c) const
    {
        const TodayList list(*m_ctx.snapshot, m_ctx.policy, m_ctx.calendar, m_ctx.activity, *m_ctx.roster);
        return list.forCustomer(c, kToday);
    }

private slots:
    void init()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        BranchData d = TestSupport::smallBranch();
        d.holdings = {product(QStringLiteral("Z1"), QStringLiteral("600000000001"), QDate(2026, 12, 10), 200000),
                      product(QStringLiteral("S1"), QStringLiteral("600000000003"), QDate(2026, 12, 4), 50000),
                      product(QStringLiteral("O1"), QStringLiteral("600000000006"), QDate(2026, 12, 10), 80000)};
        m_ctx.snapshot = std::make_shared<const BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), kToday);
        m_ctx.policy = CadencePolicy::defaultPolicy();
        m_ctx.policy.cycleNeedsIssuedList = false; // judged on the screened lists
        m_ctx.calendar = WorkingCalendar::builtIn();
        m_ctx.asOf = kToday;
        m_ctx.roster = std::make_shared<const CadenceRoster>(*m_ctx.snapshot, m_ctx.policy, kToday);
        m_ctx.activity = ActivityLog();
        for (const Holding &h : m_ctx.snapshot->holdings())
            m_ctx.activity.addEnrolment({CadenceEngine::maturityKey(h.holdingId), h.customerNo, QDate(2026, 10, 1), {}});
        m_ctx.activity.addEnrolment({CadenceEngine::cycleEnrolmentKey(QStringLiteral("600000000001")),
                                     QStringLiteral("600000000001"), QDate(2026, 12, 3), {}});
        m_ctx.policy.cycleStaggerDays = 1;
    }

    void showsTheRowsWithRawValues()
    {
        TodayModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counts(&model, &TodayModel::countsChanged);
        model.setItems(m_ctx, build());
        // S1: T-7, T-3 overdue, T-1 due; Z1 T-7 due; O1 T-7 due; 张三's 4+1 touch 1 due.
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(counts.count(), 1);
        QCOMPARE(counts.last(), (QVariantList{0, 4, 2}));
        QCOMPARE(model.data(model.index(0, TodayModel::Customer)).toString(), QStringLiteral("张珊珊"));
        QCOMPARE(model.data(model.index(0, TodayModel::State)).toString(), QStringLiteral("Overdue 6 day(s)"));
        QCOMPARE(model.data(model.index(0, TodayModel::Due), TodayModel::RawValueRole).toString(),
                 QStringLiteral("2026-11-27"));
        QCOMPARE(model.data(model.index(3, TodayModel::Amount), TodayModel::RawValueRole).toLongLong(), 20000000);
        QCOMPARE(model.data(model.index(3, TodayModel::Task)).toString(), QStringLiteral("731 step 1 of 3"));
        QVERIFY(model.data(model.index(3, TodayModel::Why)).toString().contains(QStringLiteral("CNY 200,000.00")));
        QCOMPARE(model.data(model.index(5, TodayModel::Task)).toString(), QStringLiteral("4+1 touch 1 of 4"));
        QCOMPARE(model.data(model.index(1, TodayModel::DaysLeft)).toString(), QStringLiteral("tomorrow"));
        QCOMPARE(model.headerData(TodayModel::Amount, Qt::Horizontal).toString(), QStringLiteral("Amount (CNY)"));
    }

    void aContactChangesOnlyThatCustomersRows()
    {
        // Given the page for RM01 with a view's persistent index on another customer's row
        TodayModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(m_ctx, build());
        const QPersistentModelIndex olive(model.index(4, 0));
        QCOMPARE(model.data(olive, TodayModel::ItemKeyRole).toString(), QStringLiteral("731:O1#0"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &TodayModel::countsChanged);

        // When 张三 is called today (satisfying his 731 T-7 and his 4+1 touch 1)
        Contact c;
        c.contactId = QStringLiteral("k1");
        c.customerNo = QStringLiteral("600000000001");
        c.staffId = QStringLiteral("RM01");
        c.contactedAt = QDateTime(kToday, QTime(9, 0), Qt::OffsetFromUTC, 8 * 3600);
        m_ctx.activity.addContact(0, c);
        model.updateCustomer(m_ctx, 0, forCustomer(0));

        // Then his two rows change in place and turn done; nothing else moves
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.data(model.index(3, TodayModel::State), TodayModel::StateKeyRole).toString(), QStringLiteral("on_time"));
        QCOMPARE(model.data(model.index(3, TodayModel::State)).toString(), QStringLiteral("✓ Done"));
        QCOMPARE(olive.row(), 4);
        QCOMPARE(counts.last(), (QVariantList{2, 2, 2}));

        // When the S1 product's rows go away (e.g. list for another day), they are removed, others stay
        model.updateCustomer(m_ctx, 2, {});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(removed.count(), 3);
        QCOMPARE(olive.row(), 1);
        // And come back in urgency order
        model.updateCustomer(m_ctx, 2, forCustomer(2));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(model.data(model.index(0, TodayModel::Customer)).toString(), QStringLiteral("张珊珊"));
        QCOMPARE(olive.row(), 4);
    }

    void flagsAYearWithoutCalendar()
    {
        TodayModel model;
        TodayModel::Context ctx = m_ctx;
        ctx.asOf = QDate(2028, 1, 3);
        model.setItems(ctx, {});
        QCOMPARE(model.yearsWithoutCalendar(), (QList<int>{2028}));
        model.setItems(m_ctx, build());
        QVERIFY(model.yearsWithoutCalendar().isEmpty());
    }
};

QTEST_MAIN(TestTodayModel)
#include "tst_todaymodel.moc"
