// Issue 8: what unlocking costs. The Argon2id unwrap of the store key (the deliberate cost of
// a passphrase guess, aimed at 0.5-1 s), and opening the store with the raw key against a raw
// sqlite3_open + sqlite3_key of the same file (the limit: no key derivation inside SQLCipher).
#include "benchutil.h"
#include "store/database.h"
#include "store/storekey.h"
#include "store/storekeyfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>

#include <sqlcipher/sqlite3.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    qunsetenv("BRANCHDESK_KDF_PROFILE"); // the real parameters
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("unlock.db"));
    const QString pass = QStringLiteral("bench-unlock-passphrase");
    std::shared_ptr<StoreKey> key;
    Database::open(path, pass, Database::OpenMode::CreateIfMissing, &key).exec(QStringLiteral("CREATE TABLE t (x)"));
    const StoreKeyFile::KdfParams p = StoreKeyFile::params(path);
    bench::detail("Argon2id opslimit %llu, memlimit %llu MiB", p.opslimit, p.memlimit >> 20);

    std::vector<double> unwrap;
    for (int i = 0; i < 5; ++i) {
        bench::Stopwatch t;
        StoreKeyFile::unlock(path, pass);
        unwrap.push_back(t.ms());
        bench::detail("unwrap %d: %.0f ms", i + 1, unwrap.back());
    }
    bench::result("unlock_kdf", "unlock: Argon2id unwrap", bench::median(unwrap), "ms", bench::Target::Absolute, 1000);

    std::vector<double> ours, raw;
    for (int i = 0; i < 20; ++i) {
        bench::Stopwatch t;
        Database db = Database::open(path, *key, Database::OpenMode::ExistingOnly);
        ours.push_back(t.ms());
        db.close();
        bench::Stopwatch r;
        sqlite3 *h = nullptr;
        sqlite3_open_v2(QFile::encodeName(path).constData(), &h, SQLITE_OPEN_READWRITE, nullptr);
        key->withRawKeyLiteral([&](const char *literal, int size) { sqlite3_key(h, literal, size); });
        sqlite3_exec(h, "PRAGMA cipher_page_size = 4096; SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
        raw.push_back(r.ms());
        sqlite3_close(h);
    }
    // Ours also reads the cipher settings back and sets WAL and the other pragmas.
    bench::result("unlock_open", "unlock: open with the raw key", bench::median(ours), "ms", bench::Target::RatioToRaw, 20,
                  bench::median(raw));
    return 0;
}
