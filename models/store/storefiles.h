#pragma once

#include <QString>

// The files that make up one store (the database, its WAL and shared-memory
// files, the key file and the unlock-attempt counter). erase() removes them
// all: used when HQ reports the device lost.
class StoreFiles
{
public:
    static QStringList paths(const QString &storePath);
    // Returns true when none of the files remains.
    static bool erase(const QString &storePath);
};
