#include "database.h"

#include "storeerror.h"

#include <QFile>
#include <QFileInfo>
#include <sqlcipher/sqlite3.h>

#include <utility>

namespace {

// A full disk (or a file-size limit) must read as that, not as SQLite's words alone:
// SQLite has rolled the statement's transaction back, and nothing stored is lost.
void throwIfDiskFull(sqlite3 *db, int rc, const QString &path, const QString &what, const QString &sqliteMessage)
{
    const int extended = db ? sqlite3_extended_errcode(db) : rc;
    if ((rc & 0xff) == SQLITE_FULL || extended == SQLITE_IOERR_WRITE || extended == SQLITE_IOERR_FSYNC
        || extended == SQLITE_IOERR_TRUNCATE || extended == SQLITE_IOERR_SHMSIZE) {
        throw StoreError(QStringLiteral("%1: the disk holding %2 is full or the file may not grow: this change was not "
                                        "saved, everything saved before is intact; free some space and try again (%3)")
                             .arg(what, path, sqliteMessage),
                         StoreError::Kind::DiskFull);
    }
}

} // namespace

namespace {
constexpr int kCipherPageSize = 4096; // not stored in the file: re-issued on every open
}

Database::~Database()
{
    close();
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        close();
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

bool Database::fileExists(const QString &path)
{
    return QFileInfo(path).isFile();
}

Database Database::open(const QString &path, const QString &passphrase, OpenMode mode)
{
    if (passphrase.isEmpty())
        throw StoreError(QStringLiteral("An empty passphrase cannot open a store"),
                         StoreError::Kind::WrongPassphrase);
    const bool existed = fileExists(path);
    if (!existed && mode == OpenMode::ExistingOnly)
        throw StoreError(QStringLiteral("Store file not found: %1").arg(path),
                         StoreError::Kind::NotFound);

    Database db;
    db.m_path = path;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
    if (mode == OpenMode::CreateIfMissing)
        flags |= SQLITE_OPEN_CREATE;
    const QByteArray file = QFile::encodeName(path);
    int rc = sqlite3_open_v2(file.constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = db.m_db ? QString::fromUtf8(sqlite3_errmsg(db.m_db))
                                    : QStringLiteral("out of memory");
        throw StoreError(QStringLiteral("Cannot open store %1: %2").arg(path, msg));
    }
    sqlite3_busy_timeout(db.m_db, 5000);

    const QByteArray key = passphrase.toUtf8();
    rc = sqlite3_key(db.m_db, key.constData(), key.size());
    db.check(rc, "set key");
    db.exec(QStringLiteral("PRAGMA cipher_page_size = %1").arg(kCipherPageSize));
    db.exec(QStringLiteral("PRAGMA kdf_iter = 64000"));

    // The first read proves the key. A wrong key fails here with SQLITE_NOTADB,
    // before any write could touch the file.
    rc = sqlite3_exec(db.m_db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        const bool wrongKey = rc == SQLITE_NOTADB && existed;
        db.close();
        if (wrongKey)
            throw StoreError(QStringLiteral("The passphrase does not unlock %1").arg(path),
                             StoreError::Kind::WrongPassphrase);
        throw StoreError(QStringLiteral("Cannot read store %1 (SQLite code %2)").arg(path).arg(rc));
    }

    db.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    db.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    db.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    db.exec(QStringLiteral("PRAGMA temp_store = MEMORY")); // no plaintext temp files on disk
    return db;
}

void Database::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

void Database::exec(const QString &sql)
{
    if (!m_db)
        throw StoreError(QStringLiteral("Store is not open"));
    char *err = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_exec(m_db, utf8.constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = QString::fromUtf8(err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        throwIfDiskFull(m_db, rc, m_path, QStringLiteral("SQL failed (%1)").arg(sql.left(60)), msg);
        throw StoreError(QStringLiteral("SQL failed (%1): %2").arg(sql.left(60), msg),
                         rc == SQLITE_CONSTRAINT ? StoreError::Kind::Constraint
                                                 : StoreError::Kind::Generic);
    }
}

qint64 Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

bool Database::inTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

void Database::check(int rc, const char *what) const
{
    if (rc == SQLITE_OK || rc == SQLITE_ROW || rc == SQLITE_DONE)
        return;
    const QString msg = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db))
                             : QString::fromUtf8(sqlite3_errstr(rc));
    StoreError::Kind kind = StoreError::Kind::Generic;
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        kind = StoreError::Kind::Constraint;
    else if ((rc & 0xff) == SQLITE_BUSY)
        kind = StoreError::Kind::Busy;
    throwIfDiskFull(m_db, rc, m_path, QString::fromLatin1(what), msg);
    throw StoreError(QStringLiteral("%1: %2").arg(QString::fromLatin1(what), msg), kind);
}
