#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/storefiles.h"
#include "store/storekey.h"
#include "store/storekeyfile.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlcipher/sqlite3.h>

// The store key: random, given to SQLCipher raw, wrapped under the passphrase with
// Argon2id in "<store>.key"; passphrase changes re-wrap it; old stores migrate once.
class TestStoreKeyFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QByteArray fileHash(const QString &file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    static void putNote(Database &db, const QString &text)
    {
        db.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS t (x TEXT)"));
        Statement ins(db, QStringLiteral("INSERT INTO t VALUES (?)"));
        ins.bind(1, text).execute();
    }
    static QStringList notes(Database &db)
    {
        QStringList out;
        Statement st(db, QStringLiteral("SELECT x FROM t ORDER BY rowid"));
        while (st.step())
            out << st.text(0);
        return out;
    }
    // A store as the app wrote it before key files: keyed by the passphrase itself.
    static void makeLegacyStore(const QString &file, const QByteArray &passphrase)
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(file).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_key(db, passphrase.constData(), int(passphrase.size())), SQLITE_OK);
        for (const char *sql : {"PRAGMA cipher_page_size = 4096", "PRAGMA kdf_iter = 64000", "PRAGMA journal_mode = WAL",
                                "CREATE TABLE t (x TEXT)", "INSERT INTO t VALUES ('old note')"})
            QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(db);
    }
    static bool opensWithLegacyPassphrase(const QString &file, const QByteArray &passphrase)
    {
        sqlite3 *db = nullptr;
        sqlite3_open(QFile::encodeName(file).constData(), &db);
        sqlite3_key(db, passphrase.constData(), int(passphrase.size()));
        sqlite3_exec(db, "PRAGMA cipher_page_size = 4096; PRAGMA kdf_iter = 64000", nullptr, nullptr, nullptr);
        const int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
        sqlite3_close(db);
        return rc == SQLITE_OK;
    }

private slots:
    void newStoreGetsARandomWrappedKey()
    {
        // Given a new store made with a passphrase
        const QString file = path(QStringLiteral("new.db"));
        std::shared_ptr<StoreKey> key;
        {
            Database db = Database::open(file, QStringLiteral("pass-one"), Database::OpenMode::CreateIfMissing, &key);
            putNote(db, QStringLiteral("hello"));
        }
        // Then a key file sits beside it, naming Argon2id and XChaCha20-Poly1305
        QVERIFY(StoreKeyFile::exists(file));
        QFile kf(StoreKeyFile::pathFor(file));
        QVERIFY(kf.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(kf.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("kdf")).toString(), QStringLiteral("argon2id13"));
        QCOMPARE(o.value(QStringLiteral("aead")).toString(), QStringLiteral("xchacha20poly1305-ietf"));
        QCOMPARE(QByteArray::fromBase64(o.value(QStringLiteral("salt")).toString().toLatin1()).size(), 16);
        QCOMPARE(QFileInfo(kf).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
        // And the key it wraps is the raw key that opens the store; the passphrase itself does not
        QVERIFY(key && key->isValid());
        const auto unwrapped = StoreKeyFile::unlock(file, QStringLiteral("pass-one"));
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(unwrapped->data()), StoreKey::kBytes),
                 QByteArray(reinterpret_cast<const char *>(key->data()), StoreKey::kBytes));
        Database raw = Database::open(file, *unwrapped, Database::OpenMode::ExistingOnly);
        QCOMPARE(notes(raw), QStringList{QStringLiteral("hello")});
        QVERIFY(!opensWithLegacyPassphrase(file, "pass-one"));
        // And two stores never share a key
        std::shared_ptr<StoreKey> other;
        Database::open(path(QStringLiteral("new2.db")), QStringLiteral("pass-one"), Database::OpenMode::CreateIfMissing, &other);
        QVERIFY(memcmp(other->data(), key->data(), StoreKey::kBytes) != 0);
    }

    void wrongPassphraseOrTamperedFileIsRefused()
    {
        const QString file = path(QStringLiteral("tamper.db"));
        Database::open(file, QStringLiteral("right"), Database::OpenMode::CreateIfMissing).close();
        QVERIFY_THROWS_EXCEPTION(StoreError, StoreKeyFile::unlock(file, QStringLiteral("wrong")));
        try {
            StoreKeyFile::unlock(file, QStringLiteral("wrong"));
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::WrongPassphrase);
        }
        // When the KDF parameters are lowered by someone editing the file
        QFile kf(StoreKeyFile::pathFor(file));
        QVERIFY(kf.open(QIODevice::ReadOnly));
        QJsonObject o = QJsonDocument::fromJson(kf.readAll()).object();
        kf.close();
        const QJsonObject original = o;
        o.insert(QStringLiteral("memlimit"), double(o.value(QStringLiteral("memlimit")).toDouble() * 2));
        QVERIFY(kf.open(QIODevice::WriteOnly | QIODevice::Truncate));
        kf.write(QJsonDocument(o).toJson());
        kf.close();
        // Then even the right passphrase fails, as a wrong one would (the header is authenticated)
        try {
            StoreKeyFile::unlock(file, QStringLiteral("right"));
            QFAIL("a tampered key file unwrapped");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::WrongPassphrase);
        }
        // And a malformed field is named
        o = original;
        o.insert(QStringLiteral("salt"), QStringLiteral("not base64!"));
        QVERIFY(kf.open(QIODevice::WriteOnly | QIODevice::Truncate));
        kf.write(QJsonDocument(o).toJson());
        kf.close();
        try {
            StoreKeyFile::unlock(file, QStringLiteral("right"));
            QFAIL("a malformed key file unwrapped");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Generic);
            QVERIFY2(e.message().contains(QStringLiteral("\"salt\"")), qPrintable(e.message()));
            QVERIFY(e.message().contains(StoreKeyFile::pathFor(file)));
        }
    }

    void changingThePassphraseLeavesTheDatabaseBytesAlone()
    {
        // Given a store with data, closed (WAL checkpointed)
        const QString file = path(QStringLiteral("change.db"));
        {
            Database db = Database::open(file, QStringLiteral("old-pass"), Database::OpenMode::CreateIfMissing);
            SchemaMigrations::migrate(db);
            putNote(db, QStringLiteral("kept"));
        }
        const QByteArray dbBefore = fileHash(file);
        const QByteArray keyFileBefore = fileHash(StoreKeyFile::pathFor(file));
        QVERIFY(!dbBefore.isEmpty());
        // When the passphrase is changed
        StoreKeyFile::changePassphrase(file, QStringLiteral("old-pass"), QStringLiteral("new-pass"));
        // Then the database file is byte for byte the same; only the key file changed
        QCOMPARE(fileHash(file), dbBefore);
        QVERIFY(fileHash(StoreKeyFile::pathFor(file)) != keyFileBefore);
        // And the new passphrase opens it, the old one no longer does
        Database db = Database::open(file, QStringLiteral("new-pass"), Database::OpenMode::ExistingOnly);
        QCOMPARE(notes(db), QStringList{QStringLiteral("kept")});
        QVERIFY_THROWS_EXCEPTION(StoreError, StoreKeyFile::unlock(file, QStringLiteral("old-pass")));
        // And a wrong old passphrase changes nothing
        const QByteArray keyFileNow = fileHash(StoreKeyFile::pathFor(file));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 StoreKeyFile::changePassphrase(file, QStringLiteral("guess"), QStringLiteral("x")));
        QCOMPARE(fileHash(StoreKeyFile::pathFor(file)), keyFileNow);
    }

    void passphraseKeyedStoreMigratesOnce()
    {
        // Given a store keyed by its passphrase, as before key files
        const QString file = path(QStringLiteral("legacy.db"));
        makeLegacyStore(file, "legacy-pass");
        QVERIFY(!StoreKeyFile::exists(file));
        QVERIFY(opensWithLegacyPassphrase(file, "legacy-pass"));
        // A wrong passphrase neither migrates nor writes a key file
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 Database::open(file, QStringLiteral("wrong"), Database::OpenMode::ExistingOnly));
        QVERIFY(!StoreKeyFile::exists(file));
        // When it is opened with the passphrase
        {
            Database db = Database::open(file, QStringLiteral("legacy-pass"), Database::OpenMode::ExistingOnly);
            QCOMPARE(notes(db), QStringList{QStringLiteral("old note")});
            Statement mode(db, QStringLiteral("PRAGMA journal_mode"));
            QVERIFY(mode.step());
            QCOMPARE(mode.text(0), QStringLiteral("wal"));
        }
        // Then it is re-keyed to the random key in the new key file, and the passphrase alone no longer opens it
        QVERIFY(StoreKeyFile::exists(file));
        QVERIFY(!opensWithLegacyPassphrase(file, "legacy-pass"));
        const auto key = StoreKeyFile::unlock(file, QStringLiteral("legacy-pass"));
        Database db = Database::open(file, *key, Database::OpenMode::ExistingOnly);
        QCOMPARE(notes(db), QStringList{QStringLiteral("old note")});
        // And opening it again does not migrate again
        const QByteArray keyFile = fileHash(StoreKeyFile::pathFor(file));
        Database::open(file, QStringLiteral("legacy-pass"), Database::OpenMode::ExistingOnly).close();
        QCOMPARE(fileHash(StoreKeyFile::pathFor(file)), keyFile);
    }

    void interruptedMigrationFinishesOnNextOpen()
    {
        // Given a crash after the key file was written but before PRAGMA rekey ran
        const QString file = path(QStringLiteral("half.db"));
        makeLegacyStore(file, "half-pass");
        const auto key = StoreKey::random();
        StoreKeyFile::write(file, *key, QStringLiteral("half-pass"));
        // When the store is opened with the passphrase
        Database db = Database::open(file, QStringLiteral("half-pass"), Database::OpenMode::ExistingOnly);
        // Then the data is there and the key file's key now opens it
        QCOMPARE(notes(db), QStringList{QStringLiteral("old note")});
        db.close();
        Database raw = Database::open(file, *key, Database::OpenMode::ExistingOnly);
        QCOMPARE(notes(raw), QStringList{QStringLiteral("old note")});
    }

    void cipherSettingsAreReadBack()
    {
        std::shared_ptr<StoreKey> key;
        Database db = Database::open(path(QStringLiteral("settings.db")), QStringLiteral("p"),
                                     Database::OpenMode::CreateIfMissing, &key);
        const Database::CipherSettings s = db.cipherSettings();
        QCOMPARE(s.pageSize, 4096);
        QVERIFY(s.hmac);
        QCOMPARE(s.cipher, QStringLiteral("AES-256-CBC"));
        QVERIFY2(s.version.startsWith(Database::linksSqlCipher4() ? QLatin1String("4.") : QLatin1String("3.")),
                 qPrintable(s.version));
        // No FTS3 anywhere in the schema (Debian's 3.4.1 has old FTS3 bugs)
        SchemaMigrations::migrate(db);
        Statement fts(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%fts3%' OR sql LIKE '%fts4%'"));
        QVERIFY(fts.step());
        QCOMPARE(fts.integer(0), 0);
    }

    void wipedKeyOpensNothing()
    {
        const QString file = path(QStringLiteral("wipe.db"));
        std::shared_ptr<StoreKey> key;
        Database::open(file, QStringLiteral("p"), Database::OpenMode::CreateIfMissing, &key).close();
        key->wipe();
        QVERIFY(!key->isValid());
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(key->data()), StoreKey::kBytes), QByteArray(StoreKey::kBytes, '\0'));
        QVERIFY_THROWS_EXCEPTION(StoreError, Database::open(file, *key, Database::OpenMode::ExistingOnly));
    }

    void exportCopiesTheStoreOneWay()
    {
        // The sqlcipher_export path that moves a SQLCipher 3 store to 4: on this machine
        // (3.4.1) it exports to the same format, which shows the copy is whole.
        const QString file = path(QStringLiteral("export.db"));
        std::shared_ptr<StoreKey> key;
        {
            Database db = Database::open(file, QStringLiteral("p"), Database::OpenMode::CreateIfMissing, &key);
            SchemaMigrations::migrate(db);
            putNote(db, QStringLiteral("copied"));
            const QString dest = path(QStringLiteral("exported.db"));
            db.exportTo(dest, *key);
            QVERIFY_THROWS_EXCEPTION(StoreError, db.exportTo(dest, *key)); // never over an existing file
        }
        Database copy = Database::open(path(QStringLiteral("exported.db")), *key, Database::OpenMode::ExistingOnly);
        QCOMPARE(notes(copy), QStringList{QStringLiteral("copied")});
        QCOMPARE(SchemaMigrations::currentVersion(copy), SchemaMigrations::latestVersion());
        QCOMPARE(copy.cipherSettings().pageSize, 4096);
    }

    void erasingTheStoreRemovesTheKeyFileFirst()
    {
        const QString file = path(QStringLiteral("erase.db"));
        Database::open(file, QStringLiteral("p"), Database::OpenMode::CreateIfMissing).close();
        QCOMPARE(StoreFiles::paths(file).first(), StoreKeyFile::pathFor(file));
        QVERIFY(StoreFiles::erase(file));
        QVERIFY(!QFile::exists(file));
        QVERIFY(!StoreKeyFile::exists(file));
    }

    void standardParametersAreArgon2id4x128MiB()
    {
        // The parameters every real store gets, and what one derivation costs here (printed, not asserted).
        const StoreKeyFile::KdfParams p = StoreKeyFile::KdfParams::standard();
        QCOMPARE(p.opslimit, quint64(4));
        QCOMPARE(p.memlimit, quint64(128) << 20);
        const QString file = path(QStringLiteral("timing.db"));
        const auto key = StoreKey::random();
        StoreKeyFile::write(file, *key, QStringLiteral("timing-pass"), p);
        QCOMPARE(StoreKeyFile::params(file).memlimit, p.memlimit);
        QElapsedTimer t;
        t.start();
        const auto back = StoreKeyFile::unlock(file, QStringLiteral("timing-pass"));
        qInfo("Argon2id opslimit %llu memlimit %llu MiB: unwrap took %lld ms (target 500-1000 ms)", p.opslimit,
              p.memlimit >> 20, t.elapsed());
        QCOMPARE(memcmp(back->data(), key->data(), StoreKey::kBytes), 0);
    }
};

QTEST_GUILESS_MAIN(TestStoreKeyFile)
#include "tst_storekeyfile.moc"
