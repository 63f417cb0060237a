#pragma once

#include "../domain/activitylog.h"
#include "../domain/branchsnapshot.h"
#include "../domain/cadencepolicy.h"
#include "../domain/cadenceroster.h"
#include "../domain/campaign.h"
#include "../domain/campaignlist.h"
#include "../domain/campaignmetrics.h"
#include "../domain/issuedlist.h"
#include "../domain/listmetrics.h"
#include "../domain/maturitylist.h"
#include "../domain/momentmetrics.h"
#include "../domain/rmprogress.h"
#include "../domain/workingcalendar.h"
#include "../store/storeaccess.h"

#include <QDate>
#include <QString>
#include <memory>
#include <vector>

// What the manager's dashboard shows, read and computed off the UI thread:
// the campaigns, the frozen lists, the campaign shown and its metrics. The
// page hands a Request to a worker thread and shows the result (widgets run
// no SQL); bench_dashboard times the same call.
struct DashboardData
{
    struct Request
    {
        SnapshotPtr snapshot;
        StoreAccess store; // empty for a branch built in memory: no campaigns, the fallback is shown
        std::shared_ptr<const CadenceRoster> roster;
        ActivityLog activity;
        CadencePolicy policy;
        WorkingCalendar calendar;
        QDate asOf;
        QString wantedId;  // the campaign to show; empty: the newest
        Campaign fallback; // shown while there is no campaign in the store
    };

    std::vector<Campaign> campaigns;
    std::vector<CampaignList> lists;
    Campaign shown;
    CampaignMetrics metrics;
    std::vector<IssuedList> issued; // issue 17: lists issued to RMs
    ListMetrics listMetrics;        // activation, cross-line conversion, payroll retention
    MomentMetrics momentMetrics;    // issue 18: new customers, loss recovery, moments of truth
    MaturityList::Conversion maturity; // products matured in the policy's lookback: retained and converted apart
    RmProgress progress;            // each RM against their count and amount targets, and today
    QString error;        // the store could not be read (the fallback is shown)
    double readMs = 0;    // open the store, read campaigns and lists
    double computeMs = 0; // CampaignMetrics::compute

    // Reads the campaigns and lists and computes the shown campaign's metrics,
    // on any thread. Only reads: the store's schema is brought up to date when
    // the branch is opened (CadenceWorkspace::setBranch), not on every refresh.
    static DashboardData load(const Request &request);
    // Saves a campaign (a manager's) through its own connection, on any thread:
    // CampaignRepository::save. Returns its id; throws StoreError.
    static QString saveCampaign(const StoreAccess &store, const Campaign &campaign, const QString &byStaffId);
};
