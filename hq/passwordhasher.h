#pragma once

#include <QString>

class HashHelperPool;

// Salted, slow password hashes: libsodium's Argon2id (crypto_pwhash_str),
// interactive limits. The encoded hash carries its own salt and parameters.
// `serve` hashes in helper processes (HashHelperPool, issues 15 and 19): then hash() and
// verify() throw HashHelperPool::Unavailable when no helper answers in time. Admin
// commands, one hash per process, hash in process.
class PasswordHasher
{
public:
    static bool init();
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    // A valid hash of a random secret, verified for unknown staff IDs.
    static QString dummyHash();
    // Where hash() and verify() send their work from now on (nullptr: this process).
    static void useHelpers(HashHelperPool *pool);
};
