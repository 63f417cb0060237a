#pragma once

#include <QJsonObject>
#include <QString>

// One record on the wire: an entity's row, keyed by its id. `seq` is HQ's
// per-branch change sequence (pull) or the device's push sequence (push).
struct SyncRecord
{
    QString entity;
    QString id;
    qint64 seq = 0;
    bool deleted = false; // a tombstone: payload is empty
    QJsonObject payload;  // column name -> text, integer or null
};
