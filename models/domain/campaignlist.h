#pragma once

#include "customerlist.h"

#include <QDate>
#include <QString>

#include <vector>

class BranchSnapshot;
class ValueScores;

// A working list frozen for a campaign (开门红 and the like): the date, and
// each member's baseline AUM and tier at that date. Progress is measured
// against the baseline as new data arrives, so members who leave the band
// later still count. Tiers are kept by id so a changed ladder still reads.
struct CampaignList
{
    struct Member
    {
        QString customerNo;
        qint64 baselineFen = 0;
        QString baselineTier;
        QString targetTier;
        QString reason; // in the words of the day it was frozen
    };

    qint64 id = 0; // store row id; 0 until saved
    QString name;
    CustomerList::Kind kind = CustomerList::Kind::Selection;
    QString criteria;
    QDate frozenOn;
    std::vector<Member> members;

    static CampaignList freeze(const QString &name, const CustomerList &list, const BranchSnapshot &snapshot,
                               const ValueScores *scores);
};

// Where a frozen list stands against today's snapshot.
class CampaignProgress
{
public:
    enum class Movement { Upgraded, Unchanged, Downgraded, Gone };
    struct Row
    {
        int member = 0;         // index into CampaignList::members
        int customer = -1;      // index into the snapshot, -1 when the customer is gone
        int baselineTier = -1;  // indexes into the snapshot's tier policy
        int targetTier = -1;
        int currentTier = -1;
        qint64 currentFen = 0;  // AUM on the tier basis today
        bool reached = false;   // current tier at or above the target
        Movement movement = Movement::Unchanged;
    };

    CampaignProgress() = default;
    CampaignProgress(const CampaignList &list, const BranchSnapshot &snapshot);

    const std::vector<Row> &rows() const { return m_rows; }
    int memberCount() const { return int(m_rows.size()); }
    int reached() const { return m_reached; }
    int upgraded() const { return m_upgraded; }
    int downgraded() const { return m_downgraded; }
    int gone() const { return m_gone; }
    // Share of the frozen list that reached its target tier (0 for an empty list).
    double upliftRate() const { return m_rows.empty() ? 0 : double(m_reached) / double(m_rows.size()); }

private:
    std::vector<Row> m_rows;
    int m_reached = 0;
    int m_upgraded = 0;
    int m_downgraded = 0;
    int m_gone = 0;
};
