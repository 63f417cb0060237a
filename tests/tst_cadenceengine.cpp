#include "domain/branchsnapshot.h"
#include "domain/cadenceengine.h"
#include "testsupport.h"

#include <QtTest>

using State = CadencePlan::Step::State;
Q_DECLARE_METATYPE(QList<QDate>)

namespace {

Holding product(const QString &id, const QString &customerNo, const QDate &maturity, qint64 yuan,
                Holding::ProductType type = Holding::ProductType::Wealth)
{
    Holding h;
    h.holdingId = id;
    h.customerNo = customerNo;
    h.productType = type;
    h.productName = QStringLiteral("稳利理财");
    h.amountFen = yuan * 100;
    h.openDate = maturity.addMonths(-6);
    h.maturityDate = maturity;
    return h;
}

Contact contact(const QString &customerNo, const QDate &day, Contact::Channel channel = Contact::Channel::Phone,
                Contact::Outcome outcome = Contact::Outcome::Reached, const QString &holdingId = {})
{
    static int n = 0;
    Contact c;
    c.contactId = QStringLiteral("c%1").arg(++n);
    c.customerNo = customerNo;
    c.staffId = QStringLiteral("RM01");
    c.channel = channel;
    c.outcome = outcome;
    c.contactedAt = QDateTime(day, QTime(10, 0), Qt::OffsetFromUTC, 8 * 3600);
    c.holdingId = holdingId;
    return c;
}

const QString kZhang = QStringLiteral("600000000001"); // 45,000: threshold list, RM01

// The test branch with one wealth product maturing on `maturity` for 张三.
std::shared_ptr<BranchSnapshot> branchWith(const std::vector<Holding> &holdings)
{
    BranchData d = TestSupport::smallBranch();
    d.holdings = holdings;
    return std::make_shared<BranchSnapshot>(std::move(d), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
}

CadencePolicy unstaggered()
{
    CadencePolicy p = CadencePolicy::defaultPolicy();
    p.cycleStaggerDays = 1; // cycles start on the enrolment day: known dates for the tests
    return p;
}

ActivityLog enrolled(const QString &key, const QDate &on, std::vector<Contact> contacts = {})
{
    ActivityLog log;
    log.addEnrolment({key, kZhang, on, QStringLiteral("dev")});
    for (const Contact &c : contacts)
        log.addContact(0, c);
    return log;
}

} // namespace

class TestCadenceEngine : public QObject
{
    Q_OBJECT

private slots:
    void dueDates731_data()
    {
        QTest::addColumn<QDate>("maturity");
        QTest::addColumn<QList<QDate>>("due");
        QTest::addColumn<bool>("calendarMissing");
        // Plain weeks: T-7, T-3, T-1 are working days.
        QTest::newRow("plain December") << QDate(2026, 12, 10)
                                        << QList<QDate>{{2026, 12, 3}, {2026, 12, 7}, {2026, 12, 9}} << false;
        // T-1 on a Sunday moves to the Friday before.
        QTest::newRow("T-1 on a Sunday") << QDate(2026, 12, 7)
                                         << QList<QDate>{{2026, 11, 30}, {2026, 12, 4}, {2026, 12, 4}} << false;
        // National Day 10-01..10-07: all three steps fall in the holiday and move to 09-30.
        QTest::newRow("all steps in National Day") << QDate(2026, 10, 8)
                                                   << QList<QDate>{{2026, 9, 30}, {2026, 9, 30}, {2026, 9, 30}} << false;
        // T-7 in National Day; T-1 on Sunday 10-11 moves to make-up Saturday 10-10, which is a working day.
        QTest::newRow("make-up Saturday 10-10 is a due date") << QDate(2026, 10, 12)
                                                             << QList<QDate>{{2026, 9, 30}, {2026, 10, 9}, {2026, 10, 10}}
                                                             << false;
        // T-7 is make-up Sunday 09-20: it stays. T-1 (Sat 09-26) skips Mid-Autumn Friday 09-25.
        QTest::newRow("make-up Sunday 09-20 stays") << QDate(2026, 9, 27)
                                                   << QList<QDate>{{2026, 9, 20}, {2026, 9, 24}, {2026, 9, 24}} << false;
        QTest::newRow("T-7 on make-up Saturday 10-10") << QDate(2026, 10, 17)
                                                      << QList<QDate>{{2026, 10, 10}, {2026, 10, 14}, {2026, 10, 16}}
                                                      << false;
        // Spring Festival 02-15..02-23: back to make-up Saturday 02-14.
        QTest::newRow("Spring Festival") << QDate(2026, 2, 24)
                                         << QList<QDate>{{2026, 2, 14}, {2026, 2, 14}, {2026, 2, 14}} << false;
        // 2027 has no calendar loaded: weekends only (01-01 counts as a working Friday).
        QTest::newRow("into a year with no calendar") << QDate(2027, 1, 4)
                                                      << QList<QDate>{{2026, 12, 28}, {2027, 1, 1}, {2027, 1, 1}} << true;
        QTest::newRow("year with no calendar") << QDate(2028, 1, 10)
                                               << QList<QDate>{{2028, 1, 3}, {2028, 1, 7}, {2028, 1, 7}} << true;
    }
    void dueDates731()
    {
        QFETCH(QDate, maturity);
        QFETCH(QList<QDate>, due);
        QFETCH(bool, calendarMissing);
        auto s = branchWith({product(QStringLiteral("H1"), kZhang, maturity, 200000)});
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        const ActivityLog log = enrolled(CadenceEngine::maturityKey(QStringLiteral("H1")), maturity.addDays(-30));
        const CadenceEngine engine(*s, policy, calendar, log);
        const CadencePlan plan = engine.maturityPlan(0, 0, maturity.addDays(-20));
        QCOMPARE(int(plan.steps.size()), 3);
        bool missing = false;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(plan.steps[size_t(i)].due, due.at(i));
            QCOMPARE(plan.steps[size_t(i)].state, State::Upcoming);
            missing = missing || plan.steps[size_t(i)].calendarMissing;
        }
        QCOMPARE(missing, calendarMissing);
        QVERIFY(!plan.lateEntry);
    }

    void lateEntryGetsOnlyTheStepsAhead()
    {
        // Given a product that entered the maturity list on 12-05, five days before maturity
        auto s = branchWith({product(QStringLiteral("H1"), kZhang, QDate(2026, 12, 10), 200000)});
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        const ActivityLog log = enrolled(CadenceEngine::maturityKey(QStringLiteral("H1")), QDate(2026, 12, 5));
        // When the plan is derived on that day
        const CadencePlan plan = CadenceEngine(*s, policy, calendar, log).maturityPlan(0, 0, QDate(2026, 12, 5));
        // Then T-7 is skipped as late entry and the rest are ahead
        QVERIFY(plan.lateEntry);
        QCOMPARE(plan.steps[0].state, State::LateEntry);
        QCOMPARE(plan.steps[1].state, State::Upcoming);
        QCOMPARE(plan.steps[2].state, State::Upcoming);
        QCOMPARE(plan.openCount(), 2);

        // A product opened after its T-7 (entry = open date) is a late entry too, without any enrolment
        Holding shortTerm = product(QStringLiteral("H2"), kZhang, QDate(2026, 12, 10), 50000);
        shortTerm.openDate = QDate(2026, 12, 8);
        auto s2 = branchWith({shortTerm});
        const ActivityLog none;
        const CadencePlan p2 = CadenceEngine(*s2, policy, calendar, none).maturityPlan(0, 0, QDate(2026, 12, 8));
        QCOMPARE(p2.steps[0].state, State::LateEntry);
        QCOMPARE(p2.steps[1].state, State::LateEntry);
        QCOMPARE(p2.steps[2].state, State::Upcoming);
    }

    void onTimeLateMissed731()
    {
        auto s = branchWith({product(QStringLiteral("H1"), kZhang, QDate(2026, 12, 10), 200000)});
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        // T-7 (12-03) called on the day; T-3 (12-07) called a day late; T-1 (12-09) never.
        const ActivityLog log = enrolled(CadenceEngine::maturityKey(QStringLiteral("H1")), QDate(2026, 11, 10),
                                         {contact(kZhang, QDate(2026, 12, 3)), contact(kZhang, QDate(2026, 12, 8))});
        const CadenceEngine engine(*s, policy, calendar, log);
        const CadencePlan onT1 = engine.maturityPlan(0, 0, QDate(2026, 12, 9));
        QCOMPARE(onT1.steps[0].state, State::DoneOnTime);
        QCOMPARE(onT1.steps[1].state, State::DoneLate);
        QCOMPARE(onT1.steps[1].doneOn, QDate(2026, 12, 8));
        QCOMPARE(onT1.steps[2].state, State::DueToday);
        // On maturity day the T-1 step can still be done late; after it, it is missed.
        QCOMPARE(engine.maturityPlan(0, 0, QDate(2026, 12, 10)).steps[2].state, State::Overdue);
        QCOMPARE(engine.maturityPlan(0, 0, QDate(2026, 12, 11)).steps[2].state, State::Missed);
        // Before T-7 nothing is due yet.
        QCOMPARE(engine.maturityPlan(0, 0, QDate(2026, 12, 2)).steps[0].state, State::Upcoming);
    }

    void contactRulesFor731()
    {
        auto s = branchWith({product(QStringLiteral("H1"), kZhang, QDate(2026, 12, 10), 200000),
                             product(QStringLiteral("H2"), kZhang, QDate(2026, 12, 20), 80000)});
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        Contact noAnswer = contact(kZhang, QDate(2026, 12, 3), Contact::Channel::Phone, Contact::Outcome::NoAnswer);
        Contact aboutOther = contact(kZhang, QDate(2026, 12, 3), Contact::Channel::Phone, Contact::Outcome::Reached,
                                     QStringLiteral("H2"));
        Contact tooEarly = contact(kZhang, QDate(2026, 11, 20)); // before the plan opens (T-14)
        ActivityLog log = enrolled(CadenceEngine::maturityKey(QStringLiteral("H1")), QDate(2026, 11, 1),
                                   {noAnswer, aboutOther, tooEarly});
        const CadenceEngine engine(*s, policy, calendar, log);
        const CadencePlan plan = engine.maturityPlan(0, 0, QDate(2026, 12, 4));
        QCOMPARE(plan.steps[0].state, State::Overdue); // none of the three counts
        QCOMPARE(plan.opensOn, QDate(2026, 11, 26));

        // A correction supersedes the no-answer record: the corrected one counts, the old one stays.
        Contact fixed = noAnswer;
        fixed.contactId = QStringLiteral("fixed");
        fixed.outcome = Contact::Outcome::Interested;
        fixed.supersedes = noAnswer.contactId;
        log.addContact(0, fixed);
        const CadenceEngine engine2(*s, policy, calendar, log);
        const CadencePlan corrected = engine2.maturityPlan(0, 0, QDate(2026, 12, 4));
        QCOMPARE(corrected.steps[0].state, State::DoneOnTime);
        QCOMPARE(corrected.steps[0].contactId, QStringLiteral("fixed"));
        QCOMPARE(log.contactsOf(0).size(), 4);
    }

    void rolledOverClosesThePlan()
    {
        auto s = branchWith({product(QStringLiteral("H1"), kZhang, QDate(2026, 12, 10), 200000)});
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        const ActivityLog log = enrolled(CadenceEngine::maturityKey(QStringLiteral("H1")), QDate(2026, 11, 1),
                                         {contact(kZhang, QDate(2026, 12, 4), Contact::Channel::Branch,
                                                  Contact::Outcome::RolledOver, QStringLiteral("H1"))});
        const CadencePlan plan = CadenceEngine(*s, policy, calendar, log).maturityPlan(0, 0, QDate(2026, 12, 11));
        QVERIFY(plan.closed);
        QCOMPARE(plan.closedOn, QDate(2026, 12, 4));
        QCOMPARE(plan.steps[0].state, State::DoneLate);
        QCOMPARE(plan.steps[1].state, State::Closed);
        QCOMPARE(plan.steps[2].state, State::Closed);
    }

    void rescheduledStepIsJudgedOnItsNewDate()
    {
        auto s = branchWith({product(QStringLiteral("H1"), kZhang, QDate(2026, 12, 10), 200000)});
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        ActivityLog log = enrolled(CadenceEngine::maturityKey(QStringLiteral("H1")), QDate(2026, 11, 1),
                                   {contact(kZhang, QDate(2026, 12, 3)), contact(kZhang, QDate(2026, 12, 8))});
        StepOverride o;
        o.overrideId = QStringLiteral("o1");
        o.planKey = CadenceEngine::maturityKey(QStringLiteral("H1"));
        o.stepIndex = 1;
        o.dueDate = QDate(2026, 12, 8);
        o.reason = QStringLiteral("客户出差，周二回来");
        o.createdAt = QDateTime(QDate(2026, 12, 4), QTime(9, 0));
        log.addOverride(o);
        const CadencePlan plan = CadenceEngine(*s, policy, calendar, log).maturityPlan(0, 0, QDate(2026, 12, 9));
        QVERIFY(plan.steps[1].rescheduled);
        QCOMPARE(plan.steps[1].due, QDate(2026, 12, 8));
        QCOMPARE(plan.steps[1].state, State::DoneOnTime);
        QCOMPARE(plan.steps[1].rescheduleReason, o.reason);
    }

    void fourPlusOneDueDates()
    {
        auto s = branchWith({});
        const CadencePolicy policy = unstaggered();
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        const ActivityLog log = enrolled(CadenceEngine::cycleEnrolmentKey(kZhang), QDate(2026, 11, 2));
        const CadencePlan plan = CadenceEngine(*s, policy, calendar, log).cyclePlan(0, QDate(2026, 11, 2));
        QCOMPARE(plan.anchor, QDate(2026, 11, 2));
        QCOMPARE(plan.lateUntil, QDate(2026, 11, 29));
        QCOMPARE(plan.key, QStringLiteral("4+1:600000000001:2026-11-02"));
        const QList<QDate> due = {{2026, 11, 2}, {2026, 11, 9}, {2026, 11, 16}, {2026, 11, 23}, {2026, 11, 27}};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(plan.steps[size_t(i)].due, due.at(i));
        QCOMPARE(plan.steps[4].fit, CadenceTemplate::Fit::FaceToFace);
        QCOMPARE(plan.steps[0].state, State::DueToday);

        // The next cycle starts 28 days later.
        const CadencePlan next = CadenceEngine(*s, policy, calendar, log).cyclePlan(0, QDate(2026, 12, 1));
        QCOMPARE(next.cycleNumber, 1);
        QCOMPARE(next.anchor, QDate(2026, 11, 30));

        // A cycle starting in National Day: day 0 moves forward into the cycle, not back before it.
        const ActivityLog holiday = enrolled(CadenceEngine::cycleEnrolmentKey(kZhang), QDate(2026, 10, 3));
        const CadencePlan h = CadenceEngine(*s, policy, calendar, holiday).cyclePlan(0, QDate(2026, 10, 3));
        QCOMPARE(h.steps[0].due, QDate(2026, 10, 8));
        QCOMPARE(h.steps[1].due, QDate(2026, 10, 10)); // day 7 is make-up Saturday 10-10: a working day
    }

    void fourPlusOneFaceToFaceOutOfOrder()
    {
        auto s = branchWith({});
        const CadencePolicy policy = unstaggered();
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        // A visit on day 1 (before any touch), then calls on day 0, day 10 and a second visit on day 12.
        const ActivityLog log = enrolled(
            CadenceEngine::cycleEnrolmentKey(kZhang), QDate(2026, 11, 2),
            {contact(kZhang, QDate(2026, 11, 2)), contact(kZhang, QDate(2026, 11, 3), Contact::Channel::Visit),
             contact(kZhang, QDate(2026, 11, 12), Contact::Channel::WeChat),
             contact(kZhang, QDate(2026, 11, 14), Contact::Channel::Branch)});
        const CadenceEngine engine(*s, policy, calendar, log);
        const CadencePlan plan = engine.cyclePlan(0, QDate(2026, 11, 20));
        QCOMPARE(plan.steps[4].state, State::DoneOnTime);   // the visit took the face-to-face, early
        QCOMPARE(plan.steps[4].doneOn, QDate(2026, 11, 3));
        QCOMPARE(plan.steps[0].state, State::DoneOnTime);   // call on day 0
        QCOMPARE(plan.steps[1].state, State::DoneLate);     // WeChat on day 10, due day 7
        QCOMPARE(plan.steps[2].state, State::Overdue);      // the second visit does not count as a touch
        QCOMPARE(plan.steps[3].state, State::Upcoming);
        // After the cycle ends, what was not done is missed.
        const CadencePlan after = engine.cyclePlan(0, QDate(2026, 11, 30), 0);
        QCOMPARE(after.steps[2].state, State::Missed);
        QCOMPARE(after.steps[3].state, State::Missed);
        QCOMPARE(after.doneCount(), 3);
    }

    void staggerIsStableAndSpread()
    {
        QCOMPARE(CadenceEngine::staggerDays(kZhang, 7), CadenceEngine::staggerDays(kZhang, 7));
        QCOMPARE(CadenceEngine::staggerDays(kZhang, 1), 0);
        QSet<int> seen;
        for (int i = 0; i < 200; ++i) {
            const int d = CadenceEngine::staggerDays(QStringLiteral("6%1").arg(100000000 + i * 7 + 3), 7);
            QVERIFY(d >= 0 && d < 7);
            seen.insert(d);
        }
        QCOMPARE(seen.size(), 7);
    }

    // The campaign metrics take only the cycles overlapping the campaign: they
    // must be the very plans cyclePlan(n) gives, found without deriving the rest.
    void cyclesOverlappingAWindowAreThoseOfCyclePlan()
    {
        auto s = branchWith({});
        const CadencePolicy policy = CadencePolicy::defaultPolicy(); // staggered, 28-day cycles
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        const QDate asOf(2026, 11, 23);
        const std::vector<Contact> contacts = {contact(kZhang, QDate(2026, 9, 1)),
                                               contact(kZhang, QDate(2026, 10, 20), Contact::Channel::Visit),
                                               contact(kZhang, QDate(2026, 11, 5), Contact::Channel::WeChat)};
        const QList<QDate> enrolments = {QDate(2022, 1, 10), QDate(2025, 12, 30), QDate(2026, 8, 14),
                                         QDate(2026, 9, 30), QDate(2026, 11, 23), QDate(2027, 1, 5)};
        const QList<QPair<QDate, QDate>> windows = {{QDate(2026, 8, 24), QDate(2026, 11, 23)},
                                                    {QDate(2026, 10, 1), QDate(2026, 10, 1)},
                                                    {QDate(2026, 11, 23), QDate(2027, 2, 28)},
                                                    {QDate(2025, 1, 1), QDate(2026, 12, 31)},
                                                    {QDate(2026, 10, 9), QDate(2026, 9, 1)}}; // empty
        for (const QDate &enrolledOn : enrolments) {
            const ActivityLog log = enrolled(CadenceEngine::cycleEnrolmentKey(kZhang), enrolledOn, contacts);
            const CadenceEngine engine(*s, policy, calendar, log);
            for (const auto &[from, to] : windows) {
                for (int limit : {60, 3}) {
                    // What the metrics did before: every cycle from enrolment, up to the limit.
                    std::vector<CadencePlan> expected;
                    for (int n = 0; n < limit; ++n) {
                        CadencePlan plan = engine.cyclePlan(0, asOf, n);
                        if (plan.anchor > to)
                            break;
                        if (plan.lateUntil >= from)
                            expected.push_back(std::move(plan));
                    }
                    const std::vector<CadencePlan> got = engine.cyclePlansOverlapping(0, from, to, asOf, limit);
                    QCOMPARE(got.size(), expected.size());
                    for (size_t i = 0; i < got.size(); ++i) {
                        QCOMPARE(got[i].key, expected[i].key);
                        QCOMPARE(got[i].enrolmentKey, expected[i].enrolmentKey);
                        QCOMPARE(got[i].cycleNumber, expected[i].cycleNumber);
                        QCOMPARE(got[i].anchor, expected[i].anchor);
                        QCOMPARE(got[i].enteredOn, expected[i].enteredOn);
                        QCOMPARE(got[i].lateUntil, expected[i].lateUntil);
                        QCOMPARE(got[i].steps.size(), expected[i].steps.size());
                        for (size_t k = 0; k < got[i].steps.size(); ++k) {
                            QCOMPARE(got[i].steps[k].due, expected[i].steps[k].due);
                            QCOMPARE(got[i].steps[k].state, expected[i].steps[k].state);
                            QCOMPARE(got[i].steps[k].contactId, expected[i].steps[k].contactId);
                            QCOMPARE(got[i].steps[k].calendarMissing, expected[i].steps[k].calendarMissing);
                        }
                    }
                }
            }
        }
    }

    // Plan keys are stored (step overrides) and synced: the date part stays QDate's ISO text.
    void cycleKeyKeepsTheIsoDate()
    {
        for (const QDate &d : {QDate(2026, 1, 5), QDate(2026, 12, 31), QDate(1999, 10, 1), QDate(9999, 12, 31),
                               QDate(999, 3, 4), QDate(12000, 1, 1)})
            QCOMPARE(CadenceEngine::cycleKey(kZhang, d), QStringLiteral("4+1:") + kZhang + QLatin1Char(':')
                                                             + d.toString(Qt::ISODate));
    }

    // The metrics hand the product's mark in (looked up once): the same plan as looking it up.
    void maturityPlanWithTheMarkGiven()
    {
        auto s = branchWith({product(QStringLiteral("H1"), kZhang, QDate(2026, 11, 20), 100000)});
        const CadencePolicy policy = CadencePolicy::defaultPolicy();
        const WorkingCalendar calendar = WorkingCalendar::builtIn();
        ActivityLog log = enrolled(CadenceEngine::maturityKey(QStringLiteral("H1")), QDate(2026, 11, 1));
        MaturityOutcome o;
        o.outcomeId = QStringLiteral("o1");
        o.holdingId = QStringLiteral("H1");
        o.customerNo = kZhang;
        o.kind = MaturityOutcome::Kind::Renewed;
        o.keptFen = 10000000;
        o.markedAt = QDateTime(QDate(2026, 11, 18), QTime(16, 0));
        log.addMaturityOutcome(o);
        const CadenceEngine engine(*s, policy, calendar, log);
        const CadencePlan looked = engine.maturityPlan(0, 0, QDate(2026, 11, 23));
        const CadencePlan given = engine.maturityPlan(0, 0, QDate(2026, 11, 23), log.maturityOutcome(QStringLiteral("H1")));
        QVERIFY(looked.closed);
        QCOMPARE(given.closed, looked.closed);
        QCOMPARE(given.closedOn, QDate(2026, 11, 18));
        for (size_t k = 0; k < looked.steps.size(); ++k)
            QCOMPARE(given.steps[k].state, looked.steps[k].state);
    }
};

QTEST_GUILESS_MAIN(TestCadenceEngine)
#include "tst_cadenceengine.moc"
