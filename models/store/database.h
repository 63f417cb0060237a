#pragma once

#include <QString>
#include <memory>

struct sqlite3;
class Statement;
class StoreKey;

// One SQLCipher connection. Owns the sqlite3 handle; closes it on destruction.
// The store is encrypted with a random 256-bit key given to SQLCipher as a raw
// key; that key is wrapped under the passphrase in the sidecar key file
// (StoreKeyFile). The cipher settings SQLCipher does not store in the file are
// issued on every open and read back before the store is used.
class Database
{
public:
    enum class OpenMode {
        ExistingOnly,    // unlock: fail if the file is missing, never create it
        CreateIfMissing, // first run or generator: create the file if needed
    };
    // What the open connection really uses, read back from SQLCipher.
    struct CipherSettings
    {
        QString version;   // PRAGMA cipher_version, e.g. "3.4.1"
        int pageSize = 0;  // PRAGMA cipher_page_size
        bool hmac = false; // PRAGMA cipher_use_hmac (3.x) / a non-empty cipher_hmac_algorithm (4.x)
        QString cipher;    // PRAGMA cipher (3.x), e.g. "AES-256-CBC"
    };

    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;

    // Opens `path` with the raw store key. Throws StoreError(WrongPassphrase) when the key
    // does not decrypt the file (nothing has been written to disk then), Generic when the
    // cipher settings read back are not the expected ones.
    static Database open(const QString &path, const StoreKey &key, OpenMode mode);
    // Convenience for the CLI and tests: unwraps the key file with `passphrase` (Argon2id),
    // creating key file and store when missing; a store still keyed by the passphrase
    // itself (before key files) is re-keyed to a random raw key once.
    // `keyOut`, when given, receives the unwrapped key for further connections.
    static Database open(const QString &path, const QString &passphrase, OpenMode mode,
                         std::shared_ptr<StoreKey> *keyOut = nullptr);

    bool isOpen() const { return m_db != nullptr; }
    void close();
    void exec(const QString &sql);
    qint64 lastInsertRowId() const;
    bool inTransaction() const;
    int changes() const;
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }
    CipherSettings cipherSettings();

    // One-way copy of this store into a new file at `destination` with the library's
    // current cipher format (sqlcipher_export), same key. Used to move a SQLCipher 3
    // store to SQLCipher 4 where the build links it.
    void exportTo(const QString &destination, const StoreKey &key);

    // Throws StoreError with SQLite's message when rc is not OK/ROW/DONE.
    void check(int rc, const char *what) const;

    static bool fileExists(const QString &path);
    // True when this build links SQLCipher 4 (detected at configure time).
    static bool linksSqlCipher4();

private:
    static Database openRaw(const QString &path, OpenMode mode);
    void applyCipherSettings(bool legacyCompatibility);
    void verifyReadable(bool existed);
    void verifyCipherSettings();
    void finishOpen();
    static Database openLegacy(const QString &path, const QString &passphrase);
    static void upgradeToSqlCipher4(const QString &path, const StoreKey &key);

    sqlite3 *m_db = nullptr;
    QString m_path;
};
