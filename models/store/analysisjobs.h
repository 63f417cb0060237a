#pragma once

#include "../domain/campaignlist.h"
#include "../domain/policyversions.h"
#include "../domain/valuepolicy.h"
#include "storeaccess.h"

#include <vector>

// The jobs the quadrant and list pages (and the CLI) run against a store file:
// read and write the manager's value policy and the frozen campaign lists.
// Each opens its own connection, so it runs on any thread. Errors arrive as
// StoreError.
class AnalysisJobs
{
public:
    // The value policy the branch runs on (PolicySource): HQ's issue, the manager's edit
    // where allowed, or the shipped default.
    static ValuePolicy valuePolicy(const StoreAccess &store);
    // Whether the manager may edit it here; `issuedVersion` gets HQ's version (0: none).
    static bool valuePolicyEditable(const StoreAccess &store, int *issuedVersion = nullptr);
    // Which version of each policy is in force, and the calendars present (issue 18).
    static PolicyVersions policyVersions(const StoreAccess &store);
    static void saveValuePolicy(const StoreAccess &store, const ValuePolicy &policy);
    // Back to the shipped default.
    static void resetValuePolicy(const StoreAccess &store);

    static std::vector<CampaignList> campaigns(const StoreAccess &store);
    static qint64 saveCampaign(const StoreAccess &store, const CampaignList &list);
    static bool deleteCampaign(const StoreAccess &store, qint64 id);
};
