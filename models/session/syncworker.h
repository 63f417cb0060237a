#pragma once

#include "../store/syncengine.h"
#include "store/storeaccess.h"

#include <QObject>
#include <atomic>

// Lives on SyncService's thread: opens its own connection for each round.
class SyncWorker : public QObject
{
    Q_OBJECT
public:
    SyncWorker(StoreAccess store, std::atomic_bool *cancel) : m_store(std::move(store)), m_cancel(cancel) {}

public slots:
    void readSettings();
    void runOnce(const QString &password);
    void readLog(int limit);

signals:
    void settingsRead(const QString &hqUrl, const QString &staffId, const QString &staffName, const QString &lastSuccess,
                      int pending);
    void progress(const QString &stage, qint64 done, qint64 total);
    void done(const SyncEngine::Report &report);
    void logRead(const QVector<QStringList> &rows);

private:
    StoreAccess m_store;
    std::atomic_bool *m_cancel;
};
