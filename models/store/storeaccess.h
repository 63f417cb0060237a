#pragma once

#include "storekey.h"

#include <QString>
#include <memory>

class Database;

// Where a loaded branch came from, so pages can write back to it (campaign
// lists, edited policy) through their own short-lived connection on a worker
// thread. Empty for branches built in memory (tests, benchmarks).
// The app holds only the unwrapped key (secure memory, wiped on lock); the
// passphrase form is for tools and tests and costs an Argon2id derivation per open.
struct StoreAccess
{
    QString path;
    QString passphrase;
    std::shared_ptr<StoreKey> key;

    bool isValid() const { return !path.isEmpty() && (!passphrase.isEmpty() || (key && key->isValid())); }
    // Opens an existing store with the key when there is one, else the passphrase.
    Database open() const;
};
