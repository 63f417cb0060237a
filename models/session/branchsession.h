#pragma once

#include "../domain/campaign.h"
#include "../domain/demogenerator.h"
#include "../domain/securitypolicy.h"
#include "../domain/staff.h"
#include "../store/branchstore.h"
#include "../store/customerimportjob.h"
#include "../store/loadedbranch.h"
#include "../store/storeunlocker.h"
#include "../store/syncengine.h"

#include <QCoreApplication>
#include <QDate>
#include <QFuture>
#include <QString>
#include <atomic>
#include <exception>
#include <functional>
#include <memory>

class QThreadPool;

// Issue 13: what the widgets ask of an open branch's store, so that ui/ never includes
// store/ and never holds a Database. Reads and the slow key work run on worker threads and
// come back as futures (continued with QFutureWatcher); writes run in order on the one
// writer thread. A store failure comes back as its message, never as a StoreError.
class BranchSession
{
    Q_DECLARE_TR_FUNCTIONS(BranchSession)
public:
    // Stage text (untranslated source string), done, total. false = cancel.
    using Progress = BranchStore::Progress;

    // The thread every write of the session runs on, one after the other.
    static QThreadPool *writer();

    // The branch in `store` as of `asOf` for the staff signed in; an empty branch when the
    // store is locked (invalid) or cannot be read (the branch on screen stays).
    static QFuture<LoadedBranch> reload(const StoreAccess &store, QDate asOf);
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
                               const QString &signedInAs);
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
                                         const std::function<bool(int done, int total)> &progress);
};
