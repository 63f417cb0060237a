#include "database.h"

#include "statement.h"
#include "storeerror.h"
#include "storefiles.h"
#include "storekey.h"
#include "storekeyfile.h"

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
constexpr int kCipherPageSize = 4096; // not stored in a SQLCipher 3 file: re-issued on every open
constexpr int kLegacyKdfIter = 64000; // stores keyed by the passphrase itself (before key files)

QString pragmaText(Database &db, const char *pragma)
{
    Statement st(db, QString::fromLatin1(pragma));
    return st.step() ? st.text(0) : QString();
}
} // namespace

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

bool Database::linksSqlCipher4()
{
#ifdef BRANCHDESK_SQLCIPHER4
    return true;
#else
    return false;
#endif
}

Database Database::openRaw(const QString &path, OpenMode mode)
{
    if (!fileExists(path) && mode == OpenMode::ExistingOnly)
        throw StoreError(QStringLiteral("Store file not found: %1").arg(path), StoreError::Kind::NotFound);
    Database db;
    db.m_path = path;
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
    if (mode == OpenMode::CreateIfMissing)
        flags |= SQLITE_OPEN_CREATE;
    const QByteArray file = QFile::encodeName(path);
    const int rc = sqlite3_open_v2(file.constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = db.m_db ? QString::fromUtf8(sqlite3_errmsg(db.m_db)) : QStringLiteral("out of memory");
        throw StoreError(QStringLiteral("Cannot open store %1: %2").arg(path, msg));
    }
    sqlite3_busy_timeout(db.m_db, 5000);
    return db;
}

void Database::applyCipherSettings(bool legacyCompatibility)
{
#ifdef BRANCHDESK_SQLCIPHER4
    // A store written by SQLCipher 3 (4096-byte pages, HMAC-SHA1) until it is exported.
    if (legacyCompatibility)
        exec(QStringLiteral("PRAGMA cipher_compatibility = 3"));
#else
    Q_UNUSED(legacyCompatibility)
#endif
    exec(QStringLiteral("PRAGMA cipher_page_size = %1").arg(kCipherPageSize));
}

void Database::verifyReadable(bool existed)
{
    // The first read proves the key. A wrong key fails here with SQLITE_NOTADB,
    // before any write could touch the file.
    const int rc = sqlite3_exec(m_db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        const bool wrongKey = rc == SQLITE_NOTADB && existed;
        const QString path = m_path;
        close();
        if (wrongKey)
            throw StoreError(QStringLiteral("The key does not unlock %1").arg(path), StoreError::Kind::WrongPassphrase);
        throw StoreError(QStringLiteral("Cannot read store %1 (SQLite code %2)").arg(path).arg(rc));
    }
}

Database::CipherSettings Database::cipherSettings()
{
    CipherSettings s;
    s.version = pragmaText(*this, "PRAGMA cipher_version");
    s.pageSize = pragmaText(*this, "PRAGMA cipher_page_size").toInt();
    if (s.version.startsWith(QLatin1String("3."))) {
        s.hmac = pragmaText(*this, "PRAGMA cipher_use_hmac") == QLatin1String("1");
        s.cipher = pragmaText(*this, "PRAGMA cipher");
    } else {
        s.hmac = !pragmaText(*this, "PRAGMA cipher_hmac_algorithm").isEmpty();
        s.cipher = QStringLiteral("AES-256-CBC"); // the only cipher SQLCipher 4 has
    }
    return s;
}

void Database::verifyCipherSettings()
{
    // SQLCipher answers OK to pragmas it ignores, so what counts is what it reads back.
    const CipherSettings s = cipherSettings();
    const QString expectedMajor = linksSqlCipher4() ? QStringLiteral("4.") : QStringLiteral("3.");
    QString problem;
    if (!s.version.startsWith(expectedMajor))
        problem = QStringLiteral("cipher_version %1").arg(s.version);
    else if (s.pageSize != kCipherPageSize)
        problem = QStringLiteral("cipher_page_size %1").arg(s.pageSize);
    else if (!s.hmac)
        problem = QStringLiteral("no page HMAC");
    else if (s.cipher != QLatin1String("AES-256-CBC"))
        problem = QStringLiteral("cipher %1").arg(s.cipher);
    if (!problem.isEmpty()) {
        const QString path = m_path;
        close();
        throw StoreError(QStringLiteral("Store %1 opened with unexpected cipher settings (%2)").arg(path, problem));
    }
}

void Database::finishOpen()
{
    exec(QStringLiteral("PRAGMA journal_mode = WAL"));
    exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    exec(QStringLiteral("PRAGMA temp_store = MEMORY")); // no plaintext temp files on disk
    exec(QStringLiteral("PRAGMA secure_delete = ON"));  // freed pages are zeroed, not left readable
}

Database Database::open(const QString &path, const StoreKey &key, OpenMode mode)
{
    const bool existed = fileExists(path);
    bool legacyFormat = false;
#ifdef BRANCHDESK_SQLCIPHER4
    legacyFormat = existed && StoreKeyFile::exists(path)
        && StoreKeyFile::cipherFormat(path) == StoreKeyFile::CipherFormat::SqlCipher3;
#else
    if (existed && StoreKeyFile::exists(path)
        && StoreKeyFile::cipherFormat(path) == StoreKeyFile::CipherFormat::SqlCipher4)
        throw StoreError(QStringLiteral("Store %1 was moved to SQLCipher 4; this build links SQLCipher 3").arg(path));
#endif
    Database db = openRaw(path, mode);
    key.withRawKeyLiteral([&](const char *literal, int size) { db.check(sqlite3_key(db.m_db, literal, size), "set key"); });
    db.applyCipherSettings(legacyFormat);
    db.verifyReadable(existed);
    db.verifyCipherSettings();
    db.finishOpen();
    if (legacyFormat) {
        // One way: the SQLCipher 3 file is exported to SQLCipher 4 and replaced.
        db.close();
        upgradeToSqlCipher4(path, key);
        return open(path, key, mode);
    }
    return db;
}

Database Database::openLegacy(const QString &path, const QString &passphrase)
{
    Database db = openRaw(path, OpenMode::ExistingOnly);
    const QByteArray utf8 = passphrase.toUtf8();
    db.check(sqlite3_key(db.m_db, utf8.constData(), int(utf8.size())), "set key");
    db.applyCipherSettings(true);
    db.exec(QStringLiteral("PRAGMA kdf_iter = %1").arg(kLegacyKdfIter));
    db.verifyReadable(true);
    return db;
}

Database Database::open(const QString &path, const QString &passphrase, OpenMode mode,
                        std::shared_ptr<StoreKey> *keyOut)
{
    if (passphrase.isEmpty())
        throw StoreError(QStringLiteral("An empty passphrase cannot open a store"), StoreError::Kind::WrongPassphrase);
    const bool existed = fileExists(path);
    if (!existed && mode == OpenMode::ExistingOnly)
        throw StoreError(QStringLiteral("Store file not found: %1").arg(path), StoreError::Kind::NotFound);

    if (!existed) {
        // A new store: a fresh random key, wrapped first, so the file never exists without its key.
        const auto key = StoreKey::random();
        StoreKeyFile::write(path, *key, passphrase, StoreKeyFile::KdfParams::forNewStores(),
                            linksSqlCipher4() ? StoreKeyFile::CipherFormat::SqlCipher4
                                              : StoreKeyFile::CipherFormat::SqlCipher3);
        if (keyOut)
            *keyOut = key;
        return open(path, *key, mode);
    }
    if (StoreKeyFile::exists(path)) {
        const auto key = StoreKeyFile::unlock(path, passphrase); // throws WrongPassphrase
        try {
            Database db = open(path, *key, mode);
            if (keyOut)
                *keyOut = key;
            return db;
        } catch (const StoreError &e) {
            if (e.kind() != StoreError::Kind::WrongPassphrase)
                throw;
            // The key file was written but the re-key below did not finish: finish it.
        }
    }
    // A store keyed by the passphrase itself: re-key it once to a random raw key. The key
    // file is written before PRAGMA rekey, so at every moment either the passphrase or the
    // key file opens the store; rekey runs in one transaction (rollback journal, not WAL).
    Database legacy = openLegacy(path, passphrase);
    std::shared_ptr<StoreKey> key;
    if (StoreKeyFile::exists(path))
        key = StoreKeyFile::unlock(path, passphrase);
    else {
        key = StoreKey::random();
        StoreKeyFile::write(path, *key, passphrase, StoreKeyFile::KdfParams::forNewStores(),
                            StoreKeyFile::CipherFormat::SqlCipher3);
    }
    legacy.exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
    key->withRawKeyLiteral([&](const char *literal, int size) {
        legacy.check(sqlite3_rekey(legacy.m_db, literal, size), "re-key store");
    });
    legacy.close();
    if (keyOut)
        *keyOut = key;
    return open(path, *key, mode);
}

void Database::exportTo(const QString &destination, const StoreKey &key)
{
    if (fileExists(destination))
        throw StoreError(QStringLiteral("Export target already exists: %1").arg(destination));
    const int version = pragmaText(*this, "PRAGMA user_version").toInt();
    key.withRawKeyLiteral([&](const char *literal, int size) {
        Statement attach(*this, QStringLiteral("ATTACH DATABASE ? AS upgraded KEY ?"));
        attach.bind(1, destination);
        QString literalText = QString::fromLatin1(literal, size);
        attach.bind(2, literalText);
        try {
            attach.execute();
        } catch (...) {
            literalText.fill(QLatin1Char('0'));
            throw;
        }
        literalText.fill(QLatin1Char('0'));
    });
    try {
#ifndef BRANCHDESK_SQLCIPHER4
        exec(QStringLiteral("PRAGMA upgraded.cipher_page_size = %1").arg(kCipherPageSize));
#endif
        exec(QStringLiteral("SELECT sqlcipher_export('upgraded')"));
        exec(QStringLiteral("PRAGMA upgraded.user_version = %1").arg(version));
        exec(QStringLiteral("DETACH DATABASE upgraded"));
    } catch (...) {
        sqlite3_exec(m_db, "DETACH DATABASE upgraded", nullptr, nullptr, nullptr);
        QFile::remove(destination);
        throw;
    }
}

void Database::upgradeToSqlCipher4(const QString &path, const StoreKey &key)
{
    const QString fresh = path + QStringLiteral(".upgrading");
    const QString old = path + QStringLiteral(".sqlcipher3");
    StoreFiles::erase(fresh);
    {
        Database src = openRaw(path, OpenMode::ExistingOnly);
        key.withRawKeyLiteral([&](const char *literal, int size) { src.check(sqlite3_key(src.m_db, literal, size), "set key"); });
        src.applyCipherSettings(true);
        src.verifyReadable(true);
        src.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        src.exportTo(fresh, key);
    }
    // Swap the files: the old one is kept until the key file says the new format.
    QFile::remove(old);
    if (!QFile::rename(path, old) || !QFile::rename(fresh, path))
        throw StoreError(QStringLiteral("Cannot replace %1 by its SQLCipher 4 copy").arg(path));
    StoreKeyFile::setCipherFormat(path, StoreKeyFile::CipherFormat::SqlCipher4);
    StoreFiles::erase(old);
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
