#include "storefiles.h"

#include <QFile>
#include <QStringList>

QStringList StoreFiles::paths(const QString &storePath)
{
    // The key file first: without it the rest is unreadable, so erasing stops being
    // a race with a crash half-way.
    return {storePath + QStringLiteral(".key"), storePath, storePath + QStringLiteral("-wal"),
            storePath + QStringLiteral("-shm"), storePath + QStringLiteral("-journal"),
            storePath + QStringLiteral(".unlock"), storePath + QStringLiteral(".auditkey")};
}

bool StoreFiles::erase(const QString &storePath)
{
    bool ok = true;
    for (const QString &p : paths(storePath)) {
        if (QFile::exists(p) && !QFile::remove(p))
            ok = false;
    }
    return ok;
}
