#pragma once

#include "../store/syncengine.h"
#include "store/storeaccess.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>
#include <atomic>

class SyncWorker;

// Runs sync rounds on a worker thread with its own store connection, every
// `interval` while HQ answers and on demand, backing off exponentially while
// it does not. The UI only sees queued signals: it never waits on the network.
class SyncService : public QObject
{
    Q_OBJECT
public:
    enum class State { NotConfigured, Idle, Syncing, Offline, NeedsSignIn, Failed };
    Q_ENUM(State)

    struct Status
    {
        State state = State::NotConfigured;
        QDateTime lastSuccess;
        int pending = 0;        // records waiting to go up
        QString message;        // the last error, in plain words
        QString staffName;
        QString hqUrl;
        // NeedsSignIn because HQ ended this device's sign-in (Report::signInEnded): the UI asks
        // for the password once.
        bool signInEnded = false;
    };

    // The app passes the unwrapped key (StoreAccess::key); tools and tests may pass a passphrase.
    explicit SyncService(const StoreAccess &store, QObject *parent = nullptr);
    SyncService(const QString &storePath, const QString &passphrase, QObject *parent = nullptr);
    ~SyncService() override;

    // Reads the HQ settings saved in the store (by the first-run connection) and starts the timer.
    void start();
    void setInterval(int minutes);
    // While the app is locked: no rounds, a running one is cancelled. Resuming schedules one soon.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    Status status() const { return m_status; }
    bool isConfigured() const { return m_status.state != State::NotConfigured; }

public slots:
    void syncNow();
    void signIn(const QString &password);
    void cancel();

signals:
    void statusChanged(const SyncService::Status &status);
    void progress(const QString &stage, qint64 done, qint64 total);
    // A round ended; `changed` when it brought new rows the UI should reload.
    void finished(bool ok, bool changed, const SyncEngine::Report &report);
    void logRows(const QVector<QStringList> &rows);
    // HQ reported this device lost; the store has been erased.
    void deviceLost(bool erased);

private:
    void run(const QString &password);
    void onFinished(const SyncEngine::Report &report);
    void scheduleNext(bool ok);

    QString m_storePath;
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    QTimer m_timer;
    int m_intervalMs = 15 * 60 * 1000;
    int m_backoffMs = 0;
    bool m_running = false;
    bool m_paused = false;
    std::atomic_bool m_cancel{false};
    Status m_status;
};

Q_DECLARE_METATYPE(SyncService::Status)
Q_DECLARE_METATYPE(SyncEngine::Report)
