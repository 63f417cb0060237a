#include "dashboarddata.h"

#include "../store/campaignrepository.h"
#include "../store/database.h"
#include "../store/storeerror.h"
#include "../store/worklistrepository.h"

#include <QElapsedTimer>

#include <algorithm>

DashboardData DashboardData::load(const Request &request)
{
    DashboardData out;
    QHash<QString, int> capacities; // an RM's capacity lowered for the day shown
    QElapsedTimer timer;
    timer.start();
    try {
        if (request.store.isValid()) {
            Database db = request.store.open();
            CampaignRepository repo(db);
            out.campaigns = repo.campaigns();
            out.lists = repo.loadAll();
            WorkListRepository work(db);
            out.issued = work.issuedLists();
            if (request.snapshot) {
                for (const Staff &st : request.snapshot->staff()) {
                    const QHash<QDate, int> days = work.dayCapacities(st.staffId);
                    if (days.contains(request.asOf))
                        capacities.insert(st.staffId, days.value(request.asOf));
                }
            }
        }
    } catch (const StoreError &e) {
        out.error = e.message();
    }
    out.readMs = double(timer.nsecsElapsed()) / 1e6;

    out.shown = request.fallback;
    for (const Campaign &k : out.campaigns) {
        if (request.wantedId.isEmpty() || k.campaignId == request.wantedId) {
            out.shown = k;
            break;
        }
    }
    // The lists the campaign works; none chosen: every frozen list.
    std::vector<CampaignList> lists;
    for (const CampaignList &l : out.lists) {
        if (out.shown.listIds.empty()
            || std::find(out.shown.listIds.begin(), out.shown.listIds.end(), l.id) != out.shown.listIds.end())
            lists.push_back(l);
    }
    if (request.snapshot && request.roster) {
        timer.restart();
        out.metrics = CampaignMetrics::compute(*request.snapshot, request.policy, request.calendar, request.activity,
                                               *request.roster, out.shown, lists, request.asOf);
        out.momentMetrics =
            MomentMetrics::compute(*request.snapshot, request.activity, request.policy.moments, request.asOf);
        out.maturity = MaturityList::build(*request.snapshot, request.policy, request.activity,
                                           request.asOf.addDays(-request.policy.maturityLookbackDays), request.asOf,
                                           request.asOf)
                           .conversion();
        // Activation is lifting a member over the low-efficiency line: the mass tier's floor (1万 by default).
        const TierPolicy &tiers = request.snapshot->tierPolicy();
        const int mass = tiers.indexOfId(QStringLiteral("mass"));
        const qint64 line = mass >= 0 ? tiers.tier(mass).minFen : 1000000;
        out.listMetrics = ListMetrics::compute(*request.snapshot, lists, out.issued, line, out.shown.startsOn);
        out.metrics.addListMetrics(out.listMetrics);
        out.progress = RmProgress::compute(*request.snapshot, request.activity, out.shown, out.metrics, out.listMetrics,
                                           lists, request.calendar, request.asOf, request.policy.dailyCapacity,
                                           capacities);
        out.computeMs = double(timer.nsecsElapsed()) / 1e6;
    }
    return out;
}

QString DashboardData::saveCampaign(const StoreAccess &store, const Campaign &campaign, const QString &byStaffId)
{
    Database db = store.open();
    return CampaignRepository(db).save(campaign, byStaffId).campaignId;
}
