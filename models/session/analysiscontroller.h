#pragma once

#include "domain/campaignlist.h"
#include "domain/policyversions.h"
#include "domain/valuescores.h"
#include "store/loadedbranch.h"

#include <QObject>

#include <memory>
#include <optional>
#include <vector>

// Keeps the branch's value scores and campaign lists for the tier, quadrant
// and list pages. Scoring and every store access run on a worker thread
// (QtConcurrent, own connection); results come back as signals. A branch
// built in memory (no store) keeps campaigns in memory only.
class AnalysisController : public QObject
{
    Q_OBJECT
public:
    explicit AnalysisController(QObject *parent = nullptr);
    ~AnalysisController() override;

    void setBranch(const LoadedBranch &branch);
    const LoadedBranch &branch() const { return m_branch; }
    std::shared_ptr<const ValueScores> scores() const { return m_scores; }
    const ValuePolicy &policy() const { return m_policy; }
    // Which version of each policy is in force (HQ's or the built-in default), read with the policy.
    const PolicyVersions &policyVersions() const { return m_versions; }
    const std::vector<CampaignList> &campaigns() const { return m_campaigns; }
    bool busy() const { return m_pending > 0; }

    // A manager's edit: stored on the branch, then every score recomputed.
    void applyPolicy(const ValuePolicy &policy);
    void freezeCampaign(const CampaignList &campaign);
    void deleteCampaign(qint64 id);

signals:
    void scoresReady();
    // The manager's edited value policy is stored: whatever reads its threshold bands
    // (the 4+1 roster, the dashboard) reloads.
    void policySaved();
    void campaignsChanged();
    void failed(const QString &message);

private:
    struct Result
    {
        std::shared_ptr<const ValueScores> scores;
        ValuePolicy policy;
        std::vector<CampaignList> campaigns;
        bool hasCampaigns = false;
        bool policySaved = false;
        std::optional<PolicyVersions> versions;
        QString error;
    };
    template<typename Job>
    void run(Job job);
    void accept(const Result &result, quint64 generation);

    LoadedBranch m_branch;
    ValuePolicy m_policy;
    PolicyVersions m_versions;
    std::shared_ptr<const ValueScores> m_scores;
    std::vector<CampaignList> m_campaigns;
    quint64 m_generation = 0; // results of an older branch are dropped
    int m_pending = 0;
    qint64 m_nextMemoryId = 1;
};
