#include "analysiscontroller.h"

#include "store/analysisjobs.h"
#include "store/storeerror.h"

#include <QFutureWatcher>
#include <QtConcurrent>

AnalysisController::AnalysisController(QObject *parent)
    : QObject(parent), m_policy(ValuePolicy::defaultPolicy())
{
}

AnalysisController::~AnalysisController() = default;

template<typename Job>
void AnalysisController::run(Job job)
{
    const quint64 generation = m_generation;
    ++m_pending;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, generation] {
        --m_pending;
        accept(watcher->result(), generation);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([job]() {
        Result r;
        try {
            job(r);
        } catch (const StoreError &e) {
            r.error = e.message();
        } catch (const std::exception &e) {
            r.error = QString::fromLocal8Bit(e.what());
        }
        return r;
    }));
}

void AnalysisController::accept(const Result &result, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (!result.error.isEmpty())
        emit failed(result.error);
    if (result.scores) {
        m_scores = result.scores;
        m_policy = result.policy;
        emit scoresReady();
    }
    if (result.versions)
        m_versions = *result.versions;
    if (result.policySaved)
        emit policySaved();
    if (result.hasCampaigns) {
        m_campaigns = result.campaigns;
        emit campaignsChanged();
    }
}

void AnalysisController::setBranch(const LoadedBranch &branch)
{
    ++m_generation;
    m_branch = branch;
    m_scores.reset();
    // Lists frozen in memory (no store) stay, so their progress follows new data.
    if (branch.store.isValid())
        m_campaigns.clear();
    if (!branch.snapshot) {
        emit scoresReady(); // pages clear what they show (the lock)
        return;
    }
    const SnapshotPtr snapshot = branch.snapshot;
    const StoreAccess store = branch.store;
    run([snapshot, store](Result &r) {
        r.policy = store.isValid() ? AnalysisJobs::valuePolicy(store) : ValuePolicy::defaultPolicy();
        r.versions = store.isValid() ? AnalysisJobs::policyVersions(store) : PolicyVersions();
        r.scores = std::make_shared<const ValueScores>(*snapshot, r.policy);
        if (store.isValid()) {
            r.campaigns = AnalysisJobs::campaigns(store);
            r.hasCampaigns = true;
        }
    });
}

void AnalysisController::applyPolicy(const ValuePolicy &policy)
{
    if (!m_branch.snapshot)
        return;
    const SnapshotPtr snapshot = m_branch.snapshot;
    const StoreAccess store = m_branch.store;
    run([snapshot, store, policy](Result &r) {
        if (store.isValid()) {
            if (policy == ValuePolicy::defaultPolicy())
                AnalysisJobs::resetValuePolicy(store);
            else
                AnalysisJobs::saveValuePolicy(store, policy);
        }
        r.policy = policy;
        r.scores = std::make_shared<const ValueScores>(*snapshot, policy);
        r.policySaved = store.isValid();
        if (store.isValid())
            r.versions = AnalysisJobs::policyVersions(store);
    });
}

void AnalysisController::freezeCampaign(const CampaignList &campaign)
{
    if (!m_branch.store.isValid()) {
        CampaignList copy = campaign;
        copy.id = m_nextMemoryId++;
        m_campaigns.insert(m_campaigns.begin(), copy);
        emit campaignsChanged();
        return;
    }
    const StoreAccess store = m_branch.store;
    run([store, campaign](Result &r) {
        AnalysisJobs::saveCampaign(store, campaign);
        r.campaigns = AnalysisJobs::campaigns(store);
        r.hasCampaigns = true;
    });
}

void AnalysisController::deleteCampaign(qint64 id)
{
    if (!m_branch.store.isValid()) {
        std::erase_if(m_campaigns, [id](const CampaignList &c) { return c.id == id; });
        emit campaignsChanged();
        return;
    }
    const StoreAccess store = m_branch.store;
    run([store, id](Result &r) {
        AnalysisJobs::deleteCampaign(store, id);
        r.campaigns = AnalysisJobs::campaigns(store);
        r.hasCampaigns = true;
    });
}
