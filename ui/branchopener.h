#pragma once

#include "store/loadedbranch.h"
#include "sync/syncengine.h"

#include <QObject>
#include <QString>
#include <functional>

class QWidget;
class LanguageManager;

// The way into the app: unlock an existing store, or, when there is none, the
// first-run guide (FirstRunWizard: language, HQ, demo branch or a file to import,
// passphrase) and then the download from HQ, the demo branch or the import wizard. The slow parts (key derivation,
// generation, download, reading, indexing) run on a worker thread behind a
// progress dialog that can be cancelled.
class BranchOpener : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QString storePath;
        bool createDemoIfMissing = false; // false: ask before creating the demo branch
        int demoCustomers = 20000;
        quint64 demoSeed = 7;
        QString passphrase; // preset (automation via BRANCHDESK_PASSPHRASE); empty = ask
        bool showGuide = false; // --first-run: the whole first-run guide even if it was seen
    };

    explicit BranchOpener(QWidget *parent = nullptr);
    // The guide's language page switches the language through it.
    void setLanguageManager(LanguageManager *languages) { m_languages = languages; }
    // Run once on this thread as soon as the first background job has started (issue 19: the
    // app builds its window while Argon2id unwraps the key on the worker).
    void setWhileWaiting(std::function<void()> work) { m_whileWaiting = std::move(work); }

    // Runs the whole flow. Returns false when the user cancelled or the store
    // cannot be opened (after telling the user why).
    bool open(const Request &request, LoadedBranch *out);
    // The key that opened the store (secure memory): the sync worker and pages open their
    // own connections with it; locking wipes it.
    std::shared_ptr<StoreKey> key() const { return m_key; }

private:
    enum class Job { Load, CreateDemo, ConnectHq, CreateEmpty };
    struct Outcome
    {
        LoadedBranch branch;
        std::shared_ptr<StoreKey> key;
        QString error;
        bool wrongPassphrase = false;
        bool cancelled = false;
        bool syncedSomething = false;
        bool wrongPassword = false; // HQ refused the staff ID and password
    };
    struct NewBranch // Job::CreateEmpty
    {
        QString code;
        QString name;
        Staff manager;
    };
    Outcome runInBackground(const Request &request, const QString &passphrase, Job job,
                            const SyncEngine::Settings &hq = {}, const NewBranch &newBranch = {});
    bool firstRun(const Request &request, LoadedBranch *out);
    // An empty passphrase is asked for (twice) in a dialog.
    bool createDemo(const Request &request, QString passphrase, LoadedBranch *out);
    // Tries `hq` first when it is filled in; asks again (HqConnectDialog) after a failure.
    bool connectToHq(const Request &request, const QString &passphrase, SyncEngine::Settings hq, LoadedBranch *out);
    // A new branch (the manager who sets it up) then the import wizard on `file`. Closing the
    // import wizard without importing keeps the empty branch: File -> Import customers later.
    bool importFile(const Request &request, const QString &passphrase, const QString &file, const NewBranch &branch,
                    LoadedBranch *out);
    static void removeStore(const QString &path);

    QWidget *m_parent;
    LanguageManager *m_languages = nullptr;
    std::shared_ptr<StoreKey> m_key;
    std::function<void()> m_whileWaiting;
};
