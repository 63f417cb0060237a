// bench_today: the RM's Today page at 100k customers / ~300k holdings (issue 5).
//
//   today_rm        the busiest RM's Today rows (731 and 4+1 steps due, overdue or
//                   done today, follow-ups), sorted by urgency, target <= 100 ms
//   today_branch    every RM's open steps for the whole branch, info
//   today_roster    who runs a 4+1 cycle: threshold, conversion and retention lists
//                   over the whole branch (built once per snapshot), info
//   today_contact   after a contact: that customer's rows recomputed, target <= 5 ms
//   today_activity  reading the contact log (60k contacts) and the other cadence
//                   records from the encrypted store into the engine's index, info
//   maturity_list   the maturity list (30 days back, 30 ahead) with outcomes, info
//   today_plan      issue 17: the busiest RM's day plan: open steps of the next 10
//                   working days spread over them up to capacity 40, target <= 100 ms
//   batch_touch     issue 17: one SMS logged against 10,000 customers, written to the
//                   encrypted store with an outbox entry each, target <= 1 s
//
// 4+1 runs for the threshold list, issued to each customer's RM (issued lists only).
//
// The branch is generated in memory (seed 7, today 2026-11-23) with a contact log
// of the last 30 days on about a third of the customers, and every plan enrolled
// a month ago, so plans have done, overdue and due steps. Pure computation is
// measured; the activity figure adds the store read.

#include "benchutil.h"

#include "domain/branchsnapshot.h"
#include "domain/cadenceengine.h"
#include "domain/dayplan.h"
#include "domain/demogenerator.h"
#include "domain/thresholdbands.h"
#include "domain/maturitylist.h"
#include "domain/seededrandom.h"
#include "domain/todaylist.h"
#include "store/cadencerepository.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/transaction.h"
#include "store/worklistrepository.h"
#include "store/pageapplier.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>

using bench::detail;
using bench::median;
using bench::Stopwatch;
using bench::Target;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption customersOpt(QStringLiteral("customers"), QString(), QStringLiteral("N"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QString(), QStringLiteral("N"), QStringLiteral("7"));
    parser.addOptions({customersOpt, runsOpt});
    parser.process(app);
    const int customers = parser.isSet(customersOpt) ? parser.value(customersOpt).toInt() : bench::customersFromEnvironment();
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const QDate today(2026, 11, 23);

    BranchData data;
    DemoGenerator::generate({customers, 7, today}, &data);
    const auto snapshot = std::make_shared<const BranchSnapshot>(std::move(data), TierPolicy::defaultPolicy(), today);
    const BranchSnapshot &s = *snapshot;
    const CadencePolicy policy = CadencePolicy::defaultPolicy();
    const WorkingCalendar calendar = WorkingCalendar::builtIn();
    detail("%d customers, %d holdings", s.customerCount(), s.holdingCount());

    // Who runs 4+1: the threshold list as issued, each customer to their RM; the roster, whole branch.
    IssuedList issued;
    issued.listId = QStringLiteral("bench-threshold");
    for (int c = 0; c < s.customerCount(); ++c) {
        if (s.rmOf(c) >= 0 && ThresholdBands::position(s, policy, c))
            issued.shares.push_back({s.customer(c).customerNo, s.customer(c).rmId});
    }
    const std::vector<IssuedList> issuedLists{issued};
    std::vector<double> rosterMs;
    CadenceRoster roster;
    for (int r = 0; r < runs; ++r) {
        Stopwatch sw;
        roster = CadenceRoster(s, policy, today, issuedLists);
        rosterMs.push_back(sw.ms());
    }
    detail("4+1 members: threshold %d, conversion %d, retention %d; with an RM %d",
           roster.memberCount(CadenceRoster::Threshold), roster.memberCount(CadenceRoster::Conversion),
           roster.memberCount(CadenceRoster::Retention), roster.fourPlusOneCount());

    // A month of history: enrolments a month ago, contacts on a third of the customers.
    std::vector<Contact> contacts;
    std::vector<CadenceEnrolment> enrolments;
    SeededRandom rng(11);
    int contactNo = 0;
    for (int c = 0; c < s.customerCount(); ++c) {
        const Customer &cu = s.customer(c);
        if (roster.onFourPlusOne(c))
            enrolments.push_back({CadenceEngine::cycleEnrolmentKey(cu.customerNo), cu.customerNo, today.addDays(-30), {}});
        for (const Holding &h : s.holdingsOf(c)) {
            if (h.maturityDate.isValid() && h.maturityDate >= today.addDays(-30) && h.maturityDate <= today.addDays(30))
                enrolments.push_back({CadenceEngine::maturityKey(h.holdingId), cu.customerNo, today.addDays(-30), {}});
        }
        if (cu.rmId.isEmpty() || !rng.chance(0.33))
            continue;
        const int n = int(rng.between(1, 3));
        for (int k = 0; k < n; ++k) {
            Contact ct;
            ct.contactId = QStringLiteral("bench-%1").arg(++contactNo);
            ct.customerNo = cu.customerNo;
            ct.staffId = cu.rmId;
            ct.channel = Contact::Channel(rng.between(0, Contact::kChannelCount - 1));
            ct.outcome = Contact::Outcome(rng.between(0, 5));
            ct.contactedAt = QDateTime(today.addDays(-rng.between(0, 30)), QTime(10, 0), Qt::OffsetFromUTC, 8 * 3600);
            if (rng.chance(0.1))
                ct.nextStepDate = ct.contactedAt.date().addDays(rng.between(1, 10));
            ct.deviceId = QStringLiteral("bench");
            ct.createdAt = ct.contactedAt;
            contacts.push_back(ct);
        }
    }
    const ActivityLog activity = ActivityLog::build(s, contacts, {}, enrolments, {});
    detail("%d contacts, %d enrolments", int(contacts.size()), int(enrolments.size()));

    // The busiest RM.
    const TodayList list(s, policy, calendar, activity, roster);
    int busiest = 0;
    size_t most = 0;
    for (size_t i = 0; i < s.staff().size(); ++i) {
        const size_t n = list.build(int(i), today).size();
        if (n > most) {
            most = n;
            busiest = int(i);
        }
    }
    std::vector<double> rmMs;
    std::vector<TodayItem> items;
    for (int r = 0; r < runs; ++r) {
        Stopwatch sw;
        items = list.build(busiest, today);
        rmMs.push_back(sw.ms());
    }
    const TodayList::Counts counts = TodayList::count(items, today);
    detail("busiest RM %s: %d customers, %d rows (done %d, due %d, overdue %d)",
           qPrintable(s.staff()[size_t(busiest)].staffId), int(roster.customersOf(busiest).size()), int(items.size()),
           counts.done, counts.due, counts.overdue);

    // The day plan of the busiest RM: the next 10 working days, capacity 40.
    const std::vector<QDate> days = DayPlan::planDays(calendar, today, policy.planHorizonDays);
    std::vector<double> planMs;
    DayPlan plan;
    for (int r = 0; r < runs; ++r) {
        Stopwatch sw;
        plan = DayPlan(list.buildUntil(busiest, today, days.back()), today, days,
                       [&](const QDate &) { return policy.dailyCapacity; });
        planMs.push_back(sw.ms());
    }
    detail("busiest RM's plan: %d today, %d later, %d overload, %d beyond %s",
           plan.count(DayPlan::Slot::Today), plan.count(DayPlan::Slot::Later), plan.count(DayPlan::Slot::Overload),
           plan.count(DayPlan::Slot::Beyond), qPrintable(days.back().toString(Qt::ISODate)));

    std::vector<double> branchMs;
    size_t branchRows = 0;
    for (int r = 0; r < runs; ++r) {
        Stopwatch sw;
        branchRows = list.build(TodayList::kAllRms, today).size();
        branchMs.push_back(sw.ms());
    }
    detail("whole branch: %d rows", int(branchRows));

    // After a contact: one customer's rows, for every customer on the RM's page.
    std::vector<double> contactMs;
    for (int r = 0; r < runs; ++r) {
        Stopwatch sw;
        int n = 0;
        for (const TodayItem &i : items) {
            list.forCustomer(i.customer, today);
            ++n;
        }
        contactMs.push_back(n ? 1000.0 * sw.ms() / n : 0);
    }

    std::vector<double> maturityMs;
    for (int r = 0; r < runs; ++r) {
        Stopwatch sw;
        const MaturityList m = MaturityList::build(s, policy, activity, today.addDays(-30), today.addDays(30), today);
        maturityMs.push_back(sw.ms());
        if (r == 0)
            detail("maturity list: %d products", int(m.entries().size()));
    }

    // The contact log from the encrypted store.
    std::vector<double> loadMs;
    std::vector<double> batchMs;
    {
        QTemporaryDir dir;
        Database db = Database::open(dir.filePath(QStringLiteral("today.db")), QStringLiteral("bench"),
                                     Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        {
            // As a pull writes other desktops' records: one page through PageApplier.
            std::vector<SyncRecord> records;
            records.reserve(contacts.size() + enrolments.size());
            for (const Contact &c : contacts)
                records.push_back({QStringLiteral("contact"), c.contactId, 0, false, ContactRepository::toJson(c)});
            for (const CadenceEnrolment &e : enrolments)
                records.push_back({QStringLiteral("enrolment"), e.enrolmentKey, 0, false, CadenceRepository::toJson(e)});
            PageApplier::apply(db, records, 0);
        }
        {
            Stopwatch sw;
            const auto rows = ContactRepository(db).all();
            detail("contact rows read: %.1f ms", sw.ms());
            sw.restart();
            const ActivityLog built = ActivityLog::build(s, rows, {}, {}, {});
            detail("indexed: %.1f ms", sw.ms());
        }
        for (int r = 0; r < runs; ++r) {
            Stopwatch sw;
            const ActivityLog loaded = CadenceRepository(db).loadActivity(s);
            loadMs.push_back(sw.ms());
            if (r == 0)
                detail("read back %d contacts", loaded.contactCount());
        }
        // A batch touch: one SMS against 10,000 customers (a different set each run).
        for (int r = 0; r < runs; ++r) {
            QStringList nos;
            for (int c = r * 10000; c < s.customerCount() && nos.size() < 10000; ++c)
                nos << s.customer(c).customerNo;
            Contact sms;
            sms.staffId = QStringLiteral("RM01");
            sms.channel = Contact::Channel::Sms;
            sms.note = QStringLiteral("开门红理财专享");
            sms.contactedAt = QDateTime(today, QTime(9, 30), Qt::OffsetFromUTC, 8 * 3600);
            Stopwatch sw;
            const auto done = WorkListRepository(db).logBatch(nos, sms, QStringLiteral("bench-%1").arg(r));
            batchMs.push_back(sw.ms());
            if (r == 0)
                detail("batch touch: %d logged", int(done.logged.size()));
        }
    }

    bench::result("today_rm", "Today page, busiest RM", median(rmMs), "ms", Target::Absolute, 100);
    bench::result("today_branch", "  all open steps, whole branch", median(branchMs), "ms", Target::Info);
    bench::result("today_roster", "  4+1 roster, whole branch", median(rosterMs), "ms", Target::Info);
    bench::result("today_contact", "Today rows after a contact", median(contactMs), "us", Target::Absolute, 5000);
    bench::result("today_activity", "  contact log read (encrypted store)", median(loadMs), "ms", Target::Info);
    bench::result("maturity_list", "  maturity list, 60 days", median(maturityMs), "ms", Target::Info);
    bench::result("today_plan", "Day plan, busiest RM (10 working days)", median(planMs), "ms", Target::Absolute, 100);
    bench::result("batch_touch", "Batch touch, 10,000 customers to the store", median(batchMs), "ms", Target::Absolute,
                  1000);
    return 0;
}
