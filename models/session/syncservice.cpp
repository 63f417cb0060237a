#include "syncservice.h"

#include <QtConcurrent>

#include "syncworker.h"

#include "store/storefiles.h"

SyncService::SyncService(const QString &storePath, const QString &passphrase, QObject *parent)
    : SyncService(StoreAccess{storePath, passphrase, nullptr}, parent)
{
}

SyncService::SyncService(const StoreAccess &store, QObject *parent) : QObject(parent), m_storePath(store.path)
{
    qRegisterMetaType<SyncEngine::Report>();
    qRegisterMetaType<SyncService::Status>();
    qRegisterMetaType<QVector<QStringList>>();
    m_worker = new SyncWorker(store, &m_cancel);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progress, this, &SyncService::progress);
    connect(m_worker, &SyncWorker::done, this, &SyncService::onFinished);
    connect(m_worker, &SyncWorker::logRead, this, &SyncService::logRows);
    connect(m_worker, &SyncWorker::settingsRead, this,
            [this](const QString &url, const QString &staffId, const QString &staffName, const QString &last, int pending) {
                m_status.hqUrl = url;
                m_status.staffName = staffName.isEmpty() ? staffId : staffName;
                m_status.lastSuccess = QDateTime::fromString(last, Qt::ISODate);
                m_status.pending = pending;
                m_status.state = url.isEmpty() || staffId.isEmpty() ? State::NotConfigured : State::Idle;
                emit statusChanged(m_status);
                if (m_status.state == State::Idle) {
                    m_timer.start(1000); // first round soon after start-up
                }
            });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncService::syncNow);
    m_thread.setObjectName(QStringLiteral("sync"));
    m_thread.start();
}

SyncService::~SyncService()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void SyncService::start()
{
    QMetaObject::invokeMethod(m_worker, &SyncWorker::readSettings, Qt::QueuedConnection);
}

void SyncService::setInterval(int minutes)
{
    m_intervalMs = qMax(1, minutes) * 60 * 1000;
}

void SyncService::setPaused(bool paused)
{
    m_paused = paused;
    if (paused) {
        m_cancel = true;
        m_timer.stop();
    } else if (m_status.state != State::NotConfigured) {
        m_timer.start(1000);
    }
}

void SyncService::syncNow()
{
    run(QString());
}

void SyncService::signIn(const QString &password)
{
    run(password);
}

void SyncService::cancel()
{
    m_cancel = true;
}

void SyncService::run(const QString &password)
{
    if (m_running || m_paused || m_status.state == State::NotConfigured)
        return;
    m_running = true;
    m_cancel = false;
    m_timer.stop();
    m_status.state = State::Syncing;
    emit statusChanged(m_status);
    QMetaObject::invokeMethod(m_worker, "runOnce", Qt::QueuedConnection, Q_ARG(QString, password));
}

void SyncService::onFinished(const SyncEngine::Report &report)
{
    m_running = false;
    if (report.status == HqClient::Status::DeviceLost) {
        // The worker's connection is closed after each round: nothing holds the files now.
        m_timer.stop();
        const bool erased = StoreFiles::erase(m_storePath);
        if (erased) {
            // HQ records that the erase happened, told with the lost device's own token.
            SyncEngine::Settings s;
            s.hq = QUrl(m_status.hqUrl);
            (void)QtConcurrent::run([s, token = report.token] { SyncEngine::reportErased(s, token); });
        }
        emit deviceLost(erased);
        return;
    }
    m_status.pending = report.pending;
    m_status.signInEnded = report.signInEnded;
    if (report.ok) {
        m_status.state = State::Idle;
        m_status.lastSuccess = QDateTime::currentDateTime();
        m_status.message.clear();
    } else {
        switch (report.status) {
        case HqClient::Status::Offline:
            m_status.state = State::Offline;
            break;
        case HqClient::Status::Unauthorized:
            m_status.state = State::NeedsSignIn;
            break;
        case HqClient::Status::Cancelled:
            m_status.state = State::Idle;
            break;
        default:
            m_status.state = State::Failed;
            break;
        }
        m_status.message = report.error;
    }
    emit statusChanged(m_status);
    emit finished(report.ok, report.pulled + report.deleted > 0, report);
    QMetaObject::invokeMethod(m_worker, "readLog", Qt::QueuedConnection, Q_ARG(int, 500));
    scheduleNext(report.ok);
}

void SyncService::scheduleNext(bool ok)
{
    if (m_status.state == State::NeedsSignIn || m_paused)
        return; // wait for the user
    if (ok) {
        m_backoffMs = 0;
        m_timer.start(m_intervalMs);
        return;
    }
    // 30 s, 1 min, 2 min, ... up to the normal interval.
    m_backoffMs = m_backoffMs == 0 ? 30 * 1000 : qMin(m_backoffMs * 2, m_intervalMs);
    m_timer.start(m_backoffMs);
}
