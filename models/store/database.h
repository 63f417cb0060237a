#pragma once

#include <QString>

struct sqlite3;
class Statement;

// One SQLCipher connection. Owns the sqlite3 handle; closes it on destruction.
// Every connection is keyed before anything else touches the file, and the
// cipher settings that SQLCipher 3.4.1 does not store in the file are issued on
// every open.
class Database
{
public:
    enum class OpenMode {
        ExistingOnly,    // unlock: fail if the file is missing, never create it
        CreateIfMissing, // first run or generator: create the file if needed
    };

    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;

    // Opens and unlocks `path`. Throws StoreError(WrongPassphrase) when the key
    // does not decrypt the file; in that case nothing has been written to disk.
    static Database open(const QString &path, const QString &passphrase, OpenMode mode);

    bool isOpen() const { return m_db != nullptr; }
    void close();
    void exec(const QString &sql);
    qint64 lastInsertRowId() const;
    bool inTransaction() const;
    int changes() const;
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

    // Throws StoreError with SQLite's message when rc is not OK/ROW/DONE.
    void check(int rc, const char *what) const;

    static bool fileExists(const QString &path);

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};
