#include "storefiles.h"

#include <QFile>
#include <QStringList>

QStringList StoreFiles::paths(const QString &storePath)
{
    return {storePath, storePath + QStringLiteral("-wal"), storePath + QStringLiteral("-shm"),
            storePath + QStringLiteral("-journal")};
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
