#pragma once

#include "../domain/campaign.h"
#include "../domain/demogenerator.h"
#include "../domain/securitypolicy.h"
#include "../domain/staff.h"
#include "dashboarddata.h"
#include "../store/branchstore.h"
#include "../store/customerimportjob.h"
#include "../store/loadedbranch.h"
#include "../store/storeunlocker.h"
#include "../store/syncengine.h"

#include <QCoreApplication>
#include <QDate>
#include <QFuture>
#include <QObject>
#include <QString>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>

class AnalysisController;
class CadenceWorkspace;
class QThreadPool;
class SyncService;

// Issue 13: the one owner of the open branch. An instance (the window holds one) owns the
// store access and its key, the branch on screen, the day it is shown for, its reloads, the
// lock, the sync service, and the services that work on the branch (the cadence workspace,
// the analysis). The static side is what the widgets ask of a store, so that ui/ never
// includes store/ and never holds a Database: reads and the slow key work run on worker
// threads and come back as futures (continued with QFutureWatcher); writes run in order on
// the one writer thread. A store failure comes back as its message, never as a StoreError.
class BranchSession : public QObject
{
    Q_OBJECT
public:
    explicit BranchSession(QObject *parent = nullptr);
    ~BranchSession() override;

    // The branch on screen (empty while locked or before opening) and the store it came from;
    // the store stays known while locked (its key wiped).
    const LoadedBranch &branch() const { return m_branch; }
    const StoreAccess &store() const { return m_store; }
    // Adopts a branch read elsewhere (the opener, the import wizard, a test); branchChanged follows.
    void setBranch(const LoadedBranch &branch);
    // The search index built after the first paint joins the branch it was built from.
    void setSearchIndex(const std::shared_ptr<const CustomerSearchIndex> &index);

    // The one "as of" day of every list, plan and reload: the calendar's date, or the day it was
    // pinned to (--today, a test, a branch opened for another day). The cadence workspace follows it.
    QDate day() const;
    void setDay(const QDate &day);
    // The rule of day() for a flow before the session exists (the opener, the import wizard):
    // `pinned` when valid, else the calendar's date.
    static QDate dayOr(const QDate &pinned) { return pinned.isValid() ? pinned : QDate::currentDate(); }

    // Reads the branch again for day() on a worker and adopts it, unless locked meanwhile.
    // A request while one runs reads once more after it. reloaded(ok) follows every request.
    void reload();

    // The lock: the branch is dropped (every page lets go of it), then the key is wiped, unless
    // kept for sync to reach HQ (a store past its offline grace period). Reloads are refused
    // while locked. restoreKey() refills the key from the unwrapped one; unlock() lets reloads in.
    enum class KeyOnLock { Wipe, Keep };
    void lock(KeyOnLock key = KeyOnLock::Wipe);
    void restoreKey(const StoreKey &key);
    void unlock();
    bool isLocked() const { return m_locked; }

    // Sync with HQ on its own thread and connection, created on first use.
    SyncService *syncService();
    CadenceWorkspace *workspace() const { return m_workspace; }
    AnalysisController *analysis() const { return m_analysis; }

signals:
    void branchChanged(const LoadedBranch &branch);
    void reloaded(bool ok);

public:
    // Stage text (untranslated source string), done, total. false = cancel.
    using Progress = BranchStore::Progress;

    // The thread every write of the session runs on, one after the other.
    static QThreadPool *writer();

    // The branch in `store` as of `asOf` for the staff signed in; an empty branch when the
    // store is locked (invalid) or cannot be read (the branch on screen stays).
    static QFuture<LoadedBranch> read(const StoreAccess &store, QDate asOf);
    // The staff ID the demo branch is shown for (empty: the manager), and switching it.
    static QString signedInAs();
    static void setSignedInAs(const QString &staffId);

    // Opening: the key unwrapped from the passphrase (the store created when `create`), a
    // new empty branch, the first sync with HQ, the demo branch and the first read (search
    // index later). They throw; errorMessage() and isWrongPassphrase() read what they threw.
    static std::shared_ptr<StoreKey> unwrapKey(const QString &path, const QString &passphrase, bool create);
    static void createEmpty(const StoreAccess &store, const QString &code, const QString &name, const Staff &manager);
    static SyncEngine::Report firstSync(const StoreAccess &store, const SyncEngine::Settings &hq,
                                        const SyncEngine::Progress &progress);
    static bool createDemo(const StoreAccess &store, const DemoGenerator::Options &options, const Progress &progress);
    static bool loadForOpening(const StoreAccess &store, LoadedBranch *out, const Progress &progress,
                               const QString &signedInAs, QDate asOf);
    // Whether the store was in touch with HQ within the policy's offline grace period, and when
    // HQ last answered (invalid: never). Throws like the others.
    static bool withinGracePeriod(const StoreAccess &store, const SecurityPolicy &policy, QDateTime *lastContact);
    static QString errorMessage(const std::exception &e);
    static bool isWrongPassphrase(const std::exception &e);
    // Removes a store and its side files (a first run given up).
    static void eraseStore(const QString &path);

    // Unlocking after a lock (Argon2id, the grace period) on a worker.
    static QFuture<StoreUnlocker::Outcome> unlock(const QString &path, const QString &passphrase,
                                                  const SecurityPolicy &policy);
    // Rewraps the store key on a worker: empty when changed, "wrong" for a wrong current
    // passphrase, else the error.
    static QFuture<QString> changePassphrase(const QString &path, const QString &current, const QString &fresh);

    // The dashboard's figures read on a worker.
    static QFuture<DashboardData> loadDashboard(const DashboardData::Request &request);
    // On the writer: the audit entry of a revealed field; the error, empty when recorded.
    static QFuture<QString> recordReveal(const StoreAccess &store, const QString &customerNo, const QString &detail);
    // On the writer: the campaign saved; its id, or '!' and the error.
    static QFuture<QString> saveCampaign(const StoreAccess &store, const Campaign &campaign, const QString &by);
    // The audit entry of an export or a print, on the caller's (worker) thread; false with *error.
    static bool appendAudit(const StoreAccess &store, const QString &event, const QString &staffId,
                            const QString &subject, const QString &detail, QString *error);

    // The import wizard's commit, and the branch read again after it.
    struct ImportOutcome
    {
        CustomerImportJob::Result result = CustomerImportJob::Result::Failed;
        CustomerImportJob::Summary summary;
        QString error;
        LoadedBranch branch;
    };
    static ImportOutcome importCustomers(const StoreAccess &store, const CustomerImport::Source &source,
                                         const CustomerImport::Result &result, const CustomerImportJob::Options &options,
                                         QDate asOf, const std::function<bool(int done, int total)> &progress);

private:
    void adopt(const LoadedBranch &branch);
    void readAgain();

    StoreAccess m_store;
    LoadedBranch m_branch;
    QDate m_pinnedDay; // invalid: the calendar's date
    bool m_reloading = false;
    bool m_readAgain = false;
    bool m_locked = false;
    std::unique_ptr<SyncService> m_sync;
    CadenceWorkspace *m_workspace;
    AnalysisController *m_analysis;
};
