#pragma once

#include <QString>

// Salted, slow password hashes: libsodium's Argon2id (crypto_pwhash_str),
// interactive limits. The encoded hash carries its own salt and parameters.
class PasswordHasher
{
public:
    static bool init();
    static QString hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    // A valid hash of a random secret, verified for unknown staff IDs.
    static QString dummyHash();
};
