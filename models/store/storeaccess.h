#pragma once

#include <QString>

// Where a loaded branch came from, so pages can write back to it (campaign
// lists, edited policy) through their own short-lived connection on a worker
// thread. Empty for branches built in memory (tests, benchmarks).
struct StoreAccess
{
    QString path;
    QString passphrase;

    bool isValid() const { return !path.isEmpty() && !passphrase.isEmpty(); }
};
