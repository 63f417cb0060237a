#pragma once

#include "store/loadedbranch.h"
#include "sync/syncengine.h"

#include <QObject>
#include <QString>

class QWidget;

// The way into the app: unlock an existing store, or create the demo branch
// on first run. The passphrase is asked in a dialog (twice when creating);
// the slow parts (key derivation, generation, reading, indexing) run on a
// worker thread behind a progress dialog that can be cancelled.
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
    };

    explicit BranchOpener(QWidget *parent = nullptr);

    // Runs the whole flow. Returns false when the user cancelled or the store
    // cannot be opened (after telling the user why).
    bool open(const Request &request, LoadedBranch *out);
    // The passphrase that opened the store: the sync worker opens its own connection with it.
    QString passphrase() const { return m_passphrase; }

private:
    enum class Job { Load, CreateDemo, ConnectHq };
    struct Outcome
    {
        LoadedBranch branch;
        QString error;
        bool wrongPassphrase = false;
        bool cancelled = false;
        bool syncedSomething = false;
    };
    Outcome runInBackground(const Request &request, const QString &passphrase, Job job,
                            const SyncEngine::Settings &hq = {});
    bool createDemo(const Request &request, LoadedBranch *out);
    bool connectToHq(const Request &request, LoadedBranch *out);
    static void removeStore(const QString &path);

    QWidget *m_parent;
    QString m_passphrase;
};
