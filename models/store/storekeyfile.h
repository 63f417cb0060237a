#pragma once

#include "storekey.h"

#include <QString>
#include <memory>

// The sidecar "<store>.key" that holds the store's random SQLCipher key,
// wrapped (XChaCha20-Poly1305) by a key derived from the passphrase with
// Argon2id. The file is small JSON, written atomically (QSaveFile, mode 0600);
// its KDF parameters and salt are authenticated as associated data, so a
// tampered file fails like a wrong passphrase. Changing the passphrase rewrites
// only this file, never the database. Deleting it makes the store unreadable.
class StoreKeyFile
{
public:
    struct KdfParams
    {
        quint64 opslimit = 0;
        quint64 memlimit = 0; // bytes
        // Measured on the reference machine: ~0.5-0.9 s (see docs/security.md).
        static KdfParams standard();
        // What a new key file gets: standard(), or a cheap setting when the
        // environment says BRANCHDESK_KDF_PROFILE=test (the test suite only;
        // stores keep the parameters they were made with).
        static KdfParams forNewStores();
    };
    // The on-disk cipher format of the store the key opens.
    enum class CipherFormat { SqlCipher3, SqlCipher4 };

    static QString pathFor(const QString &storePath);
    static bool exists(const QString &storePath);

    // Writes a key file wrapping `key` under `passphrase`. Replaces any existing one atomically.
    static void write(const QString &storePath, const StoreKey &key, const QString &passphrase,
                      KdfParams params = KdfParams::forNewStores(),
                      CipherFormat format = CipherFormat::SqlCipher3);
    // Derives the wrapping key and unwraps. Throws StoreError: WrongPassphrase when the
    // passphrase (or a tampered file) does not unwrap it, NotFound without a key file,
    // Generic with the field name for a malformed file.
    static std::shared_ptr<StoreKey> unlock(const QString &storePath, const QString &passphrase);
    // Re-wraps the same key under a new passphrase (and fresh salt). The database is untouched.
    static void changePassphrase(const QString &storePath, const QString &oldPassphrase,
                                 const QString &newPassphrase);

    static KdfParams params(const QString &storePath);
    static CipherFormat cipherFormat(const QString &storePath);
    // Records that the store was exported to another cipher format (no passphrase needed:
    // the format is not part of the authenticated data).
    static void setCipherFormat(const QString &storePath, CipherFormat format);
};
