#pragma once

#include "../domain/campaign.h"
#include "../domain/campaignlist.h"

#include <vector>

class Database;

// Frozen campaign lists and their members' baselines (schema version 3).
class CampaignRepository
{
public:
    explicit CampaignRepository(Database &db) : m_db(db) {}

    // Writes the list and its members in one transaction; returns the new id.
    qint64 insert(const CampaignList &list, const QString &createdAt);
    // Every list with its members, newest first.
    std::vector<CampaignList> loadAll();
    // Returns false when there was no such list.
    bool remove(qint64 id);

    // Campaigns with their targets (schema v6). save() writes the campaign,
    // its list links and its outbox entry (it syncs) in one transaction, and
    // appends a policy_change entry to the audit log; fills in the id when empty.
    Campaign save(Campaign campaign, const QString &byStaffId);
    std::vector<Campaign> campaigns(); // newest start first

private:
    Database &m_db;
};
