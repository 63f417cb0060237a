#pragma once

// The raw floor the benchmarks compare against: SQLCipher's C API with the same
// per-connection settings Database::open issues, so a ratio measures our layer
// and not another configuration. Shared by bench_store, bench_sync and bench_import.

#ifndef SQLITE_HAS_CODEC
#define SQLITE_HAS_CODEC 1 // or sqlite3_key is not declared
#endif
#include <sqlcipher/sqlite3.h>

#include <QByteArray>
#include <QFile>
#include <QString>

#include <stdexcept>
#include <string>

namespace bench::raw {

inline void check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
        throw std::runtime_error(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

// One row of a prepared INSERT: stepped and reset; on failure the statement is finalized
// and the error thrown.
inline void insertRow(sqlite3 *db, sqlite3_stmt *st)
{
    const int rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
        sqlite3_finalize(st);
        check(db, rc == SQLITE_ROW ? SQLITE_MISUSE : rc, "insert");
    }
    sqlite3_reset(st);
}

inline void exec(sqlite3 *db, const char *sql)
{
    check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql);
}

// `key` is the store's raw key literal (StoreKey::withRawKeyLiteral), as the app's
// connections use after unlock: no key derivation on either side.
inline sqlite3 *open(const QByteArray &file, const QByteArray &key, bool create)
{
    sqlite3 *db = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(file.constData(), &db, flags, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(db);
        throw std::runtime_error("cannot open " + file.toStdString());
    }
    check(db, sqlite3_key(db, key.constData(), int(key.size())), "key");
    exec(db, "PRAGMA cipher_page_size = 4096");
    exec(db, "SELECT count(*) FROM sqlite_master"); // proves the key, as Database::open does
    exec(db, "PRAGMA journal_mode = WAL");
    exec(db, "PRAGMA synchronous = NORMAL");
    exec(db, "PRAGMA foreign_keys = ON");
    exec(db, "PRAGMA temp_store = MEMORY");
    return db;
}

// A store file and its WAL companions.
inline void removeStore(const QString &path)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
}

} // namespace bench::raw
