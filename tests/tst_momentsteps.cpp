// Issue 18: the new-customer, loss-recovery and MOT lists feed Today. On a hand-made branch each
// row builds one customer to meet (or just miss) one rule; Today must show that customer with the
// list's own reason, and no one else, within the RM's capacity.
#include "domain/branchsnapshot.h"
#include "domain/dayplan.h"
#include "domain/momentlists.h"
#include "domain/todaylist.h"
#include "testsupport.h"

#include <QtTest>

namespace {

const QDate kToday(2026, 12, 3); // Thursday
const QString kSubject = QStringLiteral("700000000001");

enum class Setup {
    Control, FirstMeeting, FirstMeetingDoneToday, FirstMeetingPhoneToday, Honeymoon, HoneymoonRecent, LossRecovery,
    VipFall, LargeOutflow, OutflowNoAnswer, DormantActive, MaturityNoPlan, Maturity731, Birthday, DoNotContact,
    OtherRm,
};

Customer make(const QString &no, qint64 yuan, const QString &rm)
{
    Customer c = TestSupport::customer(no, QStringLiteral("客户") + no.right(2), yuan, {}, {}, rm);
    c.openedOn = QDate(2015, 1, 1);
    c.transactions90d = 30;
    c.birthDate = QDate(1980, 1, 15);
    c.lastActivity = QDate(2026, 12, 2);
    return c;
}

Contact contact(const QString &id, const QDate &day, Contact::Channel channel,
                Contact::Outcome outcome = Contact::Outcome::Reached)
{
    Contact k;
    k.contactId = id;
    k.customerNo = kSubject;
    k.staffId = QStringLiteral("RM01");
    k.channel = channel;
    k.outcome = outcome;
    k.contactedAt = QDateTime(day, QTime(10, 0), Qt::OffsetFromUTC, 8 * 3600);
    return k;
}

Holding maturing(qint64 yuan)
{
    Holding h;
    h.holdingId = QStringLiteral("M1");
    h.customerNo = kSubject;
    h.productType = Holding::ProductType::TimeDeposit;
    h.productName = QStringLiteral("三个月定期");
    h.amountFen = yuan * 100;
    h.openDate = QDate(2026, 9, 8);
    h.maturityDate = QDate(2026, 12, 8);
    return h;
}

struct Built
{
    std::shared_ptr<BranchSnapshot> snapshot;
    ActivityLog activity;
};

Built build(Setup setup)
{
    BranchData d = TestSupport::smallBranch();
    d.customers.clear();
    d.holdings.clear();
    Customer c = make(kSubject, 80000, QStringLiteral("RM01"));
    std::vector<Contact> contacts;
    switch (setup) {
    case Setup::Control:
        break;
    case Setup::FirstMeeting:
    case Setup::DoNotContact:
    case Setup::OtherRm:
        c.openedOn = kToday.addDays(-13); // 80,000: past every milestone, never met
        if (setup == Setup::OtherRm)
            c.rmId = QStringLiteral("RM02");
        break;
    case Setup::FirstMeetingDoneToday:
        c.openedOn = kToday.addDays(-13);
        contacts.push_back(contact(QStringLiteral("k1"), kToday, Contact::Channel::Visit));
        break;
    case Setup::FirstMeetingPhoneToday: // a phone call is no first meeting
        c.openedOn = kToday.addDays(-13);
        contacts.push_back(contact(QStringLiteral("k1"), kToday, Contact::Channel::Phone));
        break;
    case Setup::Honeymoon:
    case Setup::HoneymoonRecent:
        c.openedOn = kToday.addDays(-32);
        c.aumFen = c.aumMtdAvgFen = 800000; // 8,000: next milestone 1万
        contacts.push_back(contact(QStringLiteral("k1"), kToday.addDays(-31), Contact::Channel::Branch));
        if (setup == Setup::HoneymoonRecent)
            contacts.push_back(contact(QStringLiteral("k2"), kToday.addDays(-5), Contact::Channel::Phone));
        break;
    case Setup::LossRecovery: // 3 months at 200,000, last month 100,000: −50%, −100,000
    case Setup::VipFall:      // 3 months at 1,000,000, last month 600,000: a VIP, the retention list's
    {
        const qint64 before = setup == Setup::LossRecovery ? 20000000 : 100000000;
        const qint64 last = setup == Setup::LossRecovery ? 10000000 : 60000000;
        c.aumHistoryFen.fill(before);
        c.aumHistoryFen.back() = last;
        c.aumFen = c.aumMtdAvgFen = last;
        break;
    }
    case Setup::LargeOutflow:
    case Setup::OutflowNoAnswer: // last month 300,000, today 100,000
        c.aumHistoryFen.fill(30000000);
        c.aumFen = c.aumMtdAvgFen = 10000000;
        if (setup == Setup::OutflowNoAnswer)
            contacts.push_back(contact(QStringLiteral("k1"), kToday.addDays(-1), Contact::Channel::Phone,
                                       Contact::Outcome::NoAnswer));
        break;
    case Setup::DormantActive:
        c.transactions90d = 1;
        c.lastActivity = kToday.addDays(-2);
        break;
    case Setup::MaturityNoPlan: // 30,000 of a mass customer: under the 731 floor
        c.aumHistoryFen.fill(3000000);
        c.aumFen = c.aumMtdAvgFen = 3000000;
        d.holdings.push_back(maturing(30000));
        break;
    case Setup::Maturity731: // 100,000: 731 plans it, no second row
        d.holdings.push_back(maturing(100000));
        break;
    case Setup::Birthday:
        c.birthDate = QDate(1980, 12, 5);
        break;
    }
    d.customers.push_back(c);
    d.customers.push_back(make(QStringLiteral("700000000002"), 60000, QStringLiteral("RM01"))); // meets nothing
    Built b;
    b.snapshot = std::make_shared<BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), kToday);
    b.activity = ActivityLog::build(*b.snapshot, contacts, {}, {}, {});
    if (setup == Setup::DoNotContact) {
        DoNotContact flag;
        flag.recordId = QStringLiteral("d1");
        flag.customerNo = kSubject;
        flag.since = kToday.addDays(-1);
        flag.createdAt = QDateTime(kToday.addDays(-1), QTime(9, 0));
        b.activity.addDoNotContact(0, flag);
    }
    return b;
}

CustomerList listOf(CustomerList::Kind kind, const Built &b, const MomentRules &rules)
{
    switch (kind) {
    case CustomerList::Kind::NewCustomer:
        return MomentLists::newCustomers(*b.snapshot, &b.activity, rules, kToday);
    case CustomerList::Kind::LossRecovery:
        return MomentLists::lossRecovery(*b.snapshot, rules, kToday);
    default:
        return MomentLists::moments(*b.snapshot, &b.activity, rules, kToday);
    }
}

std::vector<TodayItem> listSteps(const std::vector<TodayItem> &items)
{
    std::vector<TodayItem> out;
    for (const TodayItem &i : items) {
        if (i.kind == TodayItem::Kind::ListStep)
            out.push_back(i);
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Setup)

class TestMomentSteps : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void eachRule_data()
    {
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<int>("kind"); // CustomerList::Kind of the one expected step, -1: none
        QTest::addColumn<QString>("task");
        QTest::addColumn<QString>("reasonPart"); // a figure the reason must carry
        QTest::addColumn<bool>("done");
        QTest::addColumn<QDate>("deadline");
        using K = CustomerList::Kind;
        QTest::newRow("no rule met") << Setup::Control << -1 << QString() << QString() << false << QDate();
        QTest::newRow("new customer, no first meeting")
            << Setup::FirstMeeting << int(K::NewCustomer) << "New customer: first meeting"
            << "no face-to-face meeting yet" << false << QDate(2026, 12, 20);
        QTest::newRow("first meeting held today")
            << Setup::FirstMeetingDoneToday << int(K::NewCustomer) << "New customer: first meeting"
            << "no face-to-face meeting yet" << true << QDate(2026, 12, 20);
        QTest::newRow("a phone call is no first meeting")
            << Setup::FirstMeetingPhoneToday << int(K::NewCustomer) << "New customer: first meeting"
            << "no face-to-face meeting yet" << false << QDate(2026, 12, 20);
        QTest::newRow("honeymoon, milestone ahead")
            << Setup::Honeymoon << int(K::NewCustomer) << "New customer: honeymoon touch"
            << "next milestone" << false << QDate(2027, 1, 29);
        QTest::newRow("honeymoon, called 5 days ago")
            << Setup::HoneymoonRecent << -1 << QString() << QString() << false << QDate();
        QTest::newRow("loss recovery under the VIP line")
            << Setup::LossRecovery << int(K::LossRecovery) << "Loss recovery call" << "−50.0%" << false
            << QDate(2026, 12, 31);
        QTest::newRow("a VIP who fell is not on loss recovery")
            << Setup::VipFall << -1 << QString() << QString() << false << QDate();
        QTest::newRow("large outflow") << Setup::LargeOutflow << int(K::Moment) << "Moment of truth"
                                       << "large outflow" << false << QDate(2026, 12, 6);
        QTest::newRow("no answer is no contact") << Setup::OutflowNoAnswer << int(K::Moment) << "Moment of truth"
                                                 << "large outflow" << false << QDate(2026, 12, 6);
        QTest::newRow("dormant account active again")
            << Setup::DormantActive << int(K::Moment) << "Moment of truth" << "1 transactions in 90 days" << false
            << QDate(2026, 12, 6);
        QTest::newRow("maturing under the 731 floor, no plan")
            << Setup::MaturityNoPlan << int(K::Moment) << "Moment of truth" << "matures on" << false
            << QDate(2026, 12, 6);
        QTest::newRow("maturing with a 731 plan: left to 731")
            << Setup::Maturity731 << -1 << QString() << QString() << false << QDate();
        QTest::newRow("birthday in 2 days") << Setup::Birthday << int(K::Moment) << "Moment of truth"
                                            << "birthday in 2 days" << false << QDate(2026, 12, 5);
        QTest::newRow("do-not-contact") << Setup::DoNotContact << -1 << QString() << QString() << false << QDate();
        QTest::newRow("another RM's customer") << Setup::OtherRm << -1 << QString() << QString() << false << QDate();
    }

    void eachRule()
    {
        QFETCH(Setup, setup);
        QFETCH(int, kind);
        QFETCH(QString, task);
        QFETCH(QString, reasonPart);
        QFETCH(bool, done);
        QFETCH(QDate, deadline);
        const Built b = build(setup);
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::standard();
        const CadenceRoster roster(*b.snapshot, policy, kToday);
        const TodayList today(*b.snapshot, policy, calendar, b.activity, roster);
        const std::vector<TodayItem> steps = listSteps(today.build(0, kToday)); // RM01

        if (kind < 0) {
            QCOMPARE(int(steps.size()), 0);
            if (setup == Setup::Maturity731) { // the product is 731's
                bool has731 = false;
                for (const TodayItem &i : today.buildUntil(0, kToday, QDate(2026, 12, 7)))
                    has731 = has731 || i.kind == TodayItem::Kind::MaturityStep;
                QVERIFY(has731);
            }
            return;
        }
        QCOMPARE(int(steps.size()), 1);
        const TodayItem &item = steps.front();
        QCOMPARE(b.snapshot->customer(item.customer).customerNo, kSubject);
        QCOMPARE(item.listKind, kind);
        QCOMPARE(today.task(item), task);
        QCOMPARE(item.isDone(), done);
        QCOMPARE(item.due, kToday);
        QCOMPARE(item.deadline, deadline);
        const QString why = today.why(item, kToday);
        QVERIFY2(why.contains(reasonPart), qPrintable(why));
        QVERIFY2(why.startsWith(CustomerList::kindName(CustomerList::Kind(kind)) + QStringLiteral(": ")), qPrintable(why));
        if (!done) {
            // The same words as the list on the Lists page.
            const CustomerList list = listOf(CustomerList::Kind(kind), b, policy.moments);
            QCOMPARE(int(list.members.size()), 1);
            QCOMPARE(why, CustomerList::kindName(CustomerList::Kind(kind)) + QStringLiteral(": ")
                              + CustomerList::reason(CustomerList::Kind(kind), list.members.front(), *b.snapshot, nullptr));
        }
    }

    void policyCanKeepListsOffToday()
    {
        const Built b = build(Setup::FirstMeeting);
        CadencePolicy policy = CadencePolicy::defaultPolicy();
        policy.moments.inToday = false;
        const CadenceRoster roster(*b.snapshot, policy, kToday);
        const TodayList today(*b.snapshot, policy, WorkingCalendar::standard(), b.activity, roster);
        QCOMPARE(int(listSteps(today.build(0, kToday)).size()), 0);
    }

    void withinCapacity()
    {
        // Three list customers for RM01, a capacity of 2: two today, the third on the next working day.
        BranchData d = TestSupport::smallBranch();
        d.customers.clear();
        d.holdings.clear();
        for (int i = 0; i < 3; ++i) {
            Customer c = make(QStringLiteral("70000000010%1").arg(i), 80000 + i * 1000, QStringLiteral("RM01"));
            c.openedOn = kToday.addDays(-5);
            d.customers.push_back(c);
        }
        const BranchSnapshot s(std::move(d), TierPolicy::defaultPolicy(), kToday);
        const ActivityLog activity;
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::standard();
        const CadenceRoster roster(s, policy, kToday);
        const TodayList today(s, policy, calendar, activity, roster);
        const std::vector<QDate> days = DayPlan::planDays(calendar, kToday, policy.planHorizonDays);
        const DayPlan plan(today.buildUntil(0, kToday, days.back()), kToday, days, [](const QDate &) { return 2; });
        QCOMPARE(plan.count(DayPlan::Slot::Today), 2);
        QCOMPARE(plan.count(DayPlan::Slot::Later), 1);
        QCOMPARE(plan.on(QDate(2026, 12, 4)).size(), size_t(1));
        // The largest AUMs first (same deadline).
        QCOMPARE(s.customer(plan.on(kToday).front()->item.customer).customerNo, QStringLiteral("700000000102"));
    }
};

QTEST_GUILESS_MAIN(TestMomentSteps)
#include "tst_momentsteps.moc"
