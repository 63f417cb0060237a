#pragma once

#include "session/branchsession.h"
#include "domain/securitypolicy.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>

class QWidget;
class QProgressDialog;
template <typename T>
class QPromise;
class LanguageManager;
class PassphraseDialog;
class HqConnectDialog;
class FirstRunWizard;
class QDialog;

// The way into the app: unlock an existing store, or, when there is none, the
// first-run guide (FirstRunWizard: language, HQ, demo branch or a file to import,
// passphrase) and then the download from HQ, the demo branch or the import wizard. The slow parts (key derivation,
// generation, download, reading, indexing) run on a worker thread behind a
// progress dialog that can be cancelled. Nothing waits: open() returns as soon as the first
// dialog is answered or the first job started, each later step runs in a slot, and finished()
// ends the flow.
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
        QDate day; // the branch is read as of this day; invalid: the calendar's (BranchSession::day)
    };

    explicit BranchOpener(QWidget *parent = nullptr);
    ~BranchOpener() override;
    // The guide's language page switches the language through it.
    void setLanguageManager(LanguageManager *languages) { m_languages = languages; }
    // Run once on this thread as soon as the first background job has started (issue 19: the
    // app builds its window while Argon2id unwraps the key on the worker).
    void setWhileWaiting(std::function<void()> work) { m_whileWaiting = std::move(work); }

    // Starts the whole flow; finished() follows, possibly before open() returns (a dialog
    // cancelled at once). One flow at a time.
    void open(const Request &request);
    // After finished(true): the branch as loaded.
    const LoadedBranch &branch() const { return m_branch; }
    // The key that opened the store (secure memory): the sync worker and pages open their
    // own connections with it; locking wipes it.
    std::shared_ptr<StoreKey> key() const { return m_key; }
    // After finished(true): whether the store is within its offline grace period under the
    // policy given (read on the worker with the branch), and when HQ last answered.
    void setSecurityPolicy(const SecurityPolicy &policy) { m_policy = policy; }
    bool withinGracePeriod() const { return m_withinGrace; }
    QDateTime lastHqContact() const { return m_lastHqContact; }

signals:
    // True: branch() and key() hold the open branch. False: the user cancelled or the store
    // cannot be opened (the user was told why).
    void finished(bool opened);

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
        bool withinGrace = true;
        QDateTime lastHqContact;
    };
    struct NewBranch // Job::CreateEmpty
    {
        QString code;
        QString name;
        Staff manager;
    };
    struct JobInput; // what the worker needs, copied off this object
    static Outcome runJob(const JobInput &input, QPromise<Outcome> &promise);
    using Then = std::function<void(const Outcome &)>;
    // Starts `job` on a worker behind a progress dialog; `then` runs on this thread when it ends.
    void runInBackground(const QString &passphrase, Job job, Then then, const SyncEngine::Settings &hq = {},
                         const NewBranch &newBranch = {});
    // Every dialog of the flow is shown with open(), not exec(): `then(accepted)` goes on
    // from the event loop. Owner::Flow dialogs are deleted once closed; the opener's own
    // (unlock, HQ connection) are kept between tries.
    enum class Owner { Flow, Opener };
    void ask(QDialog *dialog, std::function<void(bool accepted)> then, Owner owner = Owner::Flow);
    void showError(const QString &text, std::function<void()> then);
    QDate day() const { return BranchSession::dayOr(m_request.day); }
    void firstRun();
    void startAsChosen(const FirstRunWizard &wizard);
    void unlockExisting();
    void unlockWith(const QString &passphrase);
    // An empty passphrase is asked for (twice) in a dialog.
    void createDemo(QString passphrase);
    // Tries `hq` first when it is filled in; asks again (HqConnectDialog) after a failure.
    void connectToHq(const QString &passphrase, SyncEngine::Settings hq);
    // A new branch (the manager who sets it up) then the import wizard on `file`. Closing the
    // import wizard without importing keeps no empty branch.
    void importFile(const QString &passphrase, const QString &file, const NewBranch &branch);
    // An existing store: the preset passphrase, or the unlock dialog until it opens.
    void unlockWithPreset();
    void askPassphrase();
    void succeed(const Outcome &outcome);
    void fail();
    static void removeStore(const QString &path);

    QWidget *m_parent;
    LanguageManager *m_languages = nullptr;
    Request m_request;
    LoadedBranch m_branch;
    std::shared_ptr<StoreKey> m_key;
    SecurityPolicy m_policy;
    bool m_withinGrace = true;
    QDateTime m_lastHqContact;
    // Kept between tries: they show what was typed and why it failed.
    std::unique_ptr<PassphraseDialog> m_unlockDialog;
    std::unique_ptr<HqConnectDialog> m_hqDialog;
    QPointer<QProgressDialog> m_progress;
    std::function<void()> m_whileWaiting;
};
