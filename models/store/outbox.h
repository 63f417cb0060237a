#pragma once

#include <QJsonObject>
#include <QString>
#include <vector>

class Database;

// Changes waiting to go up to HQ. enqueue() must be called inside the same
// transaction as the change it describes, so a change and its outbox entry
// exist together or not at all. Entries are removed only after HQ acknowledges.
class Outbox
{
public:
    struct Entry
    {
        qint64 seq = 0;
        QString entity;
        QString recordId;
        QString op; // "upsert" or "delete"
        QJsonObject payload;
    };

    static void enqueue(Database &db, const QString &entity, const QString &recordId, const QString &op,
                        const QJsonObject &payload, const QString &customerNo = {});
    static std::vector<Entry> peek(Database &db, int limit);
    static void acknowledge(Database &db, qint64 upToSeq);
    static int pendingCount(Database &db);
    static bool hasPendingFor(Database &db, const QString &customerNo);
};
