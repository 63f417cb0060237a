// bench_dashboard: the manager's dashboard at 100k customers (issue 6).
//
//   dashboard       one refresh of the dashboard as the page runs it on its
//                   worker thread (DashboardData::load): open the store, read
//                   the campaigns and frozen lists, then every campaign metric
//                   for the branch and per RM, the one table per RM and the
//                   weekly trend, over a 3-month campaign with its history,
//                   target <= 300 ms; printed with its split (read / compute)
//   dashboard_raw   one plain pass over every customer and holding (sum of AUM
//                   and of holding amounts): the floor a full recomputation
//                   cannot beat, printed for the ratio
//
// The branch is generated in memory (seed 7, 2026-11-23); the demo's maturities
// lie ahead of that day, so the campaign runs from 2026-11-23 for three months
// and is measured on its last day, with three months of history: plans enrolled
// as they entered their lists, contacts on a third of the assigned customers,
// outcomes on two thirds of the matured products, a frozen threshold list.
// The campaign and the list are in a real (SQLCipher) store in a temporary
// directory, opened with a raw key as the app does after unlocking.

#include "benchutil.h"

#include "domain/branchsnapshot.h"
#include "domain/cadenceengine.h"
#include "domain/campaignmetrics.h"
#include "domain/demogenerator.h"
#include "domain/seededrandom.h"
#include "session/dashboarddata.h"
#include "store/campaignrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/storekey.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <ctime>

using bench::detail;
using bench::median;
using bench::Stopwatch;
using bench::Target;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption customersOpt(QStringLiteral("customers"), QString(), QStringLiteral("N"));
    const QCommandLineOption runsOpt(QStringLiteral("runs"), QString(), QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({customersOpt, runsOpt});
    parser.process(app);
    const int customers = parser.isSet(customersOpt) ? parser.value(customersOpt).toInt() : bench::customersFromEnvironment();
    const int runs = std::max(1, parser.value(runsOpt).toInt());
    const QDate today(2026, 11, 23);

    BranchData data;
    DemoGenerator::generate({customers, 7, today}, &data);
    const BranchSnapshot s(std::move(data), TierPolicy::defaultPolicy(), today);
    const CadencePolicy policy = CadencePolicy::defaultPolicy();
    const WorkingCalendar calendar = WorkingCalendar::standard();
    const CadenceRoster roster(s, policy, today);

    Campaign campaign;
    campaign.name = QStringLiteral("bench");
    campaign.startsOn = today;
    campaign.endsOn = today.addMonths(3);
    const QDate day = campaign.endsOn; // the dashboard is looked at on the campaign's last day

    // Three months of history: plans enrolled at the start, contacts on a third
    // of the assigned customers, outcomes on two thirds of the matured products.
    std::vector<Contact> contacts;
    std::vector<CadenceEnrolment> enrolments;
    std::vector<MaturityOutcome> outcomes;
    CampaignList threshold;
    threshold.id = 1;
    threshold.name = QStringLiteral("bench threshold");
    threshold.kind = CustomerList::Kind::Threshold;
    threshold.frozenOn = campaign.startsOn;
    SeededRandom rng(11);
    int n = 0;
    for (int c = 0; c < s.customerCount(); ++c) {
        const Customer &cu = s.customer(c);
        if (roster.onFourPlusOne(c))
            enrolments.push_back({CadenceEngine::cycleEnrolmentKey(cu.customerNo), cu.customerNo, campaign.startsOn, {}});
        if (cu.aumFen >= 3000000 && cu.aumFen < 5000000)
            threshold.members.push_back({cu.customerNo, cu.aumFen, QStringLiteral("mass"), QStringLiteral("gold"), {}});
        for (const Holding &h : s.holdingsOf(c)) {
            if (!h.maturityDate.isValid() || h.maturityDate < campaign.startsOn || h.maturityDate > day.addDays(10))
                continue;
            enrolments.push_back({CadenceEngine::maturityKey(h.holdingId), cu.customerNo,
                                  std::max(campaign.startsOn, h.maturityDate.addDays(-10)), {}});
            if (h.maturityDate <= day && rng.chance(0.66)) {
                MaturityOutcome o;
                o.outcomeId = QStringLiteral("o%1").arg(++n);
                o.holdingId = h.holdingId;
                o.customerNo = cu.customerNo;
                o.kind = MaturityOutcome::Kind(rng.between(0, MaturityOutcome::kKindCount - 1));
                o.keptFen = o.kind == MaturityOutcome::Kind::Withdrawn ? 0 : h.amountFen;
                o.markedAt = QDateTime(h.maturityDate, QTime(16, 0));
                outcomes.push_back(o);
            }
        }
        if (cu.rmId.isEmpty() || !rng.chance(0.33))
            continue;
        const int k = int(rng.between(1, 4));
        for (int i = 0; i < k; ++i) {
            Contact ct;
            ct.contactId = QStringLiteral("c%1").arg(++n);
            ct.customerNo = cu.customerNo;
            ct.staffId = cu.rmId;
            ct.channel = Contact::Channel(rng.between(0, Contact::kChannelCount - 1));
            ct.outcome = Contact::Outcome(rng.between(0, 5));
            ct.contactedAt = QDateTime(today.addDays(rng.between(0, 90)), QTime(10, 0), Qt::OffsetFromUTC, 8 * 3600);
            contacts.push_back(ct);
        }
    }
    const ActivityLog activity = ActivityLog::build(s, contacts, {}, enrolments, outcomes);
    detail("%d customers, %d holdings, %d contacts, %d enrolments, %d outcomes, threshold list %d",
           s.customerCount(), s.holdingCount(), int(contacts.size()), int(enrolments.size()), int(outcomes.size()),
           int(threshold.members.size()));

    // The store the page reads: the campaign, linked to the frozen threshold list.
    QTemporaryDir dir;
    StoreAccess store;
    store.path = dir.filePath(QStringLiteral("dashboard.db"));
    store.key = StoreKey::random();
    {
        Database db = Database::open(store.path, *store.key, Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        CampaignRepository repo(db);
        campaign.listIds = {repo.insert(threshold, QStringLiteral("2026-11-23T09:00:00"))};
        campaign = repo.save(campaign, QStringLiteral("M01"));
    }
    DashboardData::Request request;
    request.snapshot = std::shared_ptr<const BranchSnapshot>(&s, [](const BranchSnapshot *) {});
    request.store = store;
    request.roster = std::shared_ptr<const CadenceRoster>(&roster, [](const CadenceRoster *) {});
    request.activity = activity;
    request.policy = policy;
    request.calendar = calendar;
    request.asOf = day;
    request.wantedId = campaign.campaignId;

    std::vector<double> ms, cpuMs, readMs, computeMs, rawMs;
    CampaignMetrics metrics;
    for (int r = 0; r < runs; ++r) {
        Stopwatch sw;
        const std::clock_t cpu = std::clock();
        const DashboardData data = DashboardData::load(request);
        ms.push_back(sw.ms());
        cpuMs.push_back(double(std::clock() - cpu) * 1000.0 / CLOCKS_PER_SEC);
        if (!data.error.isEmpty() || data.shown.campaignId != campaign.campaignId) {
            std::fprintf(stderr, "bench_dashboard: the store was not read: %s\n", qPrintable(data.error));
            return 1;
        }
        metrics = data.metrics;
        readMs.push_back(data.readMs);
        computeMs.push_back(data.computeMs);
        sw.restart();
        qint64 sum = 0;
        for (int c = 0; c < s.customerCount(); ++c) {
            sum += s.customer(c).aumFen;
            for (const Holding &h : s.holdingsOf(c))
                sum += h.amountFen;
        }
        rawMs.push_back(sw.ms());
        if (sum == 42)
            detail("(sum)");
    }
    const auto &b = metrics.branch();
    detail("branch: maturity %lld/%lld kept, uplift %lld/%lld, 731 on time %lld/%lld, 4+1 complete %lld/%lld, "
           "steps due %d, %d weeks, %d RMs ranked",
           b.metric[Campaign::MaturityCount].num, b.metric[Campaign::MaturityCount].den,
           b.metric[Campaign::ThresholdUplift].num, b.metric[Campaign::ThresholdUplift].den,
           b.metric[Campaign::OnTime731].num, b.metric[Campaign::OnTime731].den, b.metric[Campaign::Complete41].num,
           b.metric[Campaign::Complete41].den, b.stepsDue, int(metrics.weeks().size()), int(metrics.ranking().size()));
    for (size_t r = 0; r < ms.size(); ++r)
        detail("run %d: dashboard %.1f ms (read %.1f ms, compute %.1f ms; CPU %.1f ms), raw pass %.1f ms", int(r + 1),
               ms[r], readMs[r], computeMs[r], cpuMs[r], rawMs[r]);
    bench::result("dashboard", "Dashboard refresh, 3-month campaign", median(ms), "ms", Target::Absolute, 300);
    bench::result("dashboard_read", "  of which reading the store", median(readMs), "ms", Target::Info);
    bench::result("dashboard_compute", "  of which computing the metrics", median(computeMs), "ms", Target::Info);
    bench::result("dashboard_cpu", "  CPU time (shared machine)", median(cpuMs), "ms", Target::Info);
    bench::result("dashboard_raw", "  plain pass over customers+holdings", median(rawMs), "ms", Target::Info);
    std::printf("dashboard %.1f ms (target 300 ms, %.2fx target; read %.1f ms + compute %.1f ms; %.1fx a plain pass "
                "of %.1f ms)\n",
                median(ms), median(ms) / 300.0, median(readMs), median(computeMs),
                median(rawMs) > 0 ? median(ms) / median(rawMs) : 0.0, median(rawMs));
    return 0;
}
