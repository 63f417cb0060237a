// Issue 18: the dashboard's figures for the new-customer, loss-recovery and MOT lists, and the
// maturity split, on a hand-made branch whose every value the test knows.
#include "domain/activitylog.h"
#include "domain/branchsnapshot.h"
#include "domain/momentmetrics.h"
#include "items/momentmetricsmodel.h"
#include "testsupport.h"

#include <QtTest>

namespace {

const QDate kToday(2026, 12, 3);

Customer make(int n, qint64 yuan)
{
    Customer c = TestSupport::customer(QStringLiteral("71000000000%1").arg(n), QStringLiteral("客户%1").arg(n), yuan, {},
                                       {}, QStringLiteral("RM01"));
    c.openedOn = QDate(2015, 1, 1);
    c.transactions90d = 30;
    c.birthDate = QDate(1980, 1, 15);
    c.lastActivity = QDate(2026, 12, 2);
    return c;
}

Contact contact(int n, const QDate &day, Contact::Channel channel, Contact::Outcome outcome = Contact::Outcome::Reached)
{
    static int id = 0;
    Contact k;
    k.contactId = QStringLiteral("k%1").arg(++id);
    k.customerNo = QStringLiteral("71000000000%1").arg(n);
    k.staffId = QStringLiteral("RM01");
    k.channel = channel;
    k.outcome = outcome;
    k.contactedAt = QDateTime(day, QTime(10, 0), Qt::OffsetFromUTC, 8 * 3600);
    return k;
}

} // namespace

class TestMomentMetrics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void figuresOnAHandMadeBranch()
    {
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        using Ch = Contact::Channel;
        d.customers.push_back(make(0, 80000)); // new, met at the branch, past 1万
        d.customers.back().openedOn = QDate(2026, 11, 20);
        d.customers.push_back(make(1, 5000)); // new, called without answer, under 1万
        d.customers.back().openedOn = QDate(2026, 11, 1);
        d.customers.push_back(make(2, 20000)); // new, not contacted, past 1万
        d.customers.back().openedOn = QDate(2026, 10, 1);
        d.customers.push_back(make(3, 120000)); // loss: 200,000 → 100,000, today 120,000: recovered 20,000
        d.customers.back().aumHistoryFen.fill(20000000);
        d.customers.back().aumHistoryFen.back() = 10000000;
        d.customers.push_back(make(4, 150000)); // loss: 300,000 → 150,000, still there
        d.customers.back().aumHistoryFen.fill(30000000);
        d.customers.back().aumHistoryFen.back() = 15000000;
        d.customers.push_back(make(5, 60000)); // birthday 12-05, called 12-01: handled
        d.customers.back().birthDate = QDate(1975, 12, 5);
        d.customers.push_back(make(6, 100000)); // outflow 300,000 → 100,000; no answer on 12-02
        d.customers.back().aumHistoryFen.fill(30000000);
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        const std::vector<Contact> contacts = {
            contact(0, QDate(2026, 11, 25), Ch::Branch),
            contact(1, QDate(2026, 11, 10), Ch::Phone, Contact::Outcome::NoAnswer),
            contact(3, QDate(2026, 11, 20), Ch::Phone),
            contact(5, QDate(2026, 12, 1), Ch::WeChat),
            contact(6, QDate(2026, 11, 25), Ch::Phone), // before the outflow's month: not for this moment
            contact(6, QDate(2026, 12, 2), Ch::Phone, Contact::Outcome::NoAnswer),
        };
        const ActivityLog activity = ActivityLog::build(s, contacts, {}, {}, {});
        const MomentMetrics m = MomentMetrics::compute(s, activity, MomentRules(), kToday);

        QCOMPARE(m.newCustomers.onList, 3);
        QCOMPARE(m.newCustomers.contacted, 2);
        QCOMPARE(m.newCustomers.firstMeetings, 1);
        QCOMPARE(m.newCustomers.milestone, 2);
        QCOMPARE(m.lossRecovery.onList, 2);
        QCOMPARE(m.lossRecovery.contacted, 1);
        QCOMPARE(m.lossRecovery.recovered, 1);
        QCOMPARE(m.lossRecovery.recoveredFen, qint64(2000000));
        QCOMPARE(m.moments.onList, 2);
        QCOMPARE(m.moments.contacted, 2);
        QCOMPARE(m.moments.handled, 1);

        // The dashboard's rows, maturity split included.
        MaturityList::Conversion maturity;
        maturity.matured = 5;
        maturity.known = 4;
        maturity.retained = 3;
        maturity.converted = 1;
        maturity.retainedFen = 90000000;
        maturity.convertedFen = 62000000;
        MomentMetricsModel model;
        model.setMetrics(m, maturity, MomentRules().milestonesFen[1]);
        QCOMPARE(model.rowCount(), int(MomentMetricsModel::RowCount));
        auto text = [&](int row, int column) { return model.data(model.index(row, column)).toString(); };
        using M = MomentMetricsModel;
        QCOMPARE(text(M::FirstMeeting, M::OnList), QStringLiteral("3"));
        QCOMPARE(text(M::FirstMeeting, M::Contacted), QStringLiteral("2"));
        QCOMPARE(text(M::FirstMeeting, M::Rate), QStringLiteral("33.3%"));
        QCOMPARE(text(M::Milestone, M::Rate), QStringLiteral("66.7%"));
        QCOMPARE(text(M::LossRecovery, M::Rate), QStringLiteral("50.0%"));
        QVERIFY2(text(M::LossRecovery, M::Outcome).startsWith(QStringLiteral("1 back above")),
                 qPrintable(text(M::LossRecovery, M::Outcome)));
        QCOMPARE(text(M::Moments, M::Outcome), QStringLiteral("1 handled"));
        QCOMPARE(text(M::MaturityRetained, M::Rate), QStringLiteral("75.0%"));
        QCOMPARE(text(M::MaturityConverted, M::Rate), QStringLiteral("25.0%"));
        QCOMPARE(text(M::MaturityConverted, M::Contacted), QStringLiteral("—"));
    }
};

QTEST_GUILESS_MAIN(TestMomentMetrics)
#include "tst_momentmetrics.moc"
