#include "branchstore.h"

#include "branchrepository.h"
#include "database.h"
#include "schemamigrations.h"

#include <QCoreApplication>

bool BranchStore::createDemo(const QString &path, const QString &passphrase,
                             const DemoGenerator::Options &options, const Progress &progress)
{
    std::shared_ptr<StoreKey> key;
    Database::open(path, passphrase, Database::OpenMode::CreateIfMissing, &key).close();
    return createDemo(StoreAccess{path, {}, key}, options, progress);
}

bool BranchStore::createDemo(const StoreAccess &store, const DemoGenerator::Options &options, const Progress &progress)
{
    BranchData data;
    const bool generated = DemoGenerator::generate(options, &data, [&](int done, int total) {
        return !progress || progress(QT_TRANSLATE_NOOP("BranchStore", "Generating the demo branch"), done, total);
    });
    if (!generated)
        return false;
    Database db = store.key ? Database::open(store.path, *store.key, Database::OpenMode::CreateIfMissing)
                            : Database::open(store.path, store.passphrase, Database::OpenMode::CreateIfMissing);
    SchemaMigrations::migrate(db);
    BranchRepository repo(db);
    const bool written = repo.replaceAll(data, [&](int done, int total) {
        return !progress || progress(QT_TRANSLATE_NOOP("BranchStore", "Writing the encrypted store"), done, total);
    });
    if (!written)
        return false;
    repo.setMetaValue(QStringLiteral("source"), QStringLiteral("demo"));
    repo.setMetaValue(QStringLiteral("demo_seed"), QString::number(options.seed));
    return true;
}

bool BranchStore::load(const QString &path, const QString &passphrase, LoadedBranch *out,
                       const Progress &progress, QDate asOf)
{
    std::shared_ptr<StoreKey> key;
    Database::open(path, passphrase, Database::OpenMode::ExistingOnly, &key).close();
    return load(StoreAccess{path, {}, key}, out, progress, asOf);
}

bool BranchStore::load(const StoreAccess &store, LoadedBranch *out, const Progress &progress, QDate asOf)
{
    const char *readStage = QT_TRANSLATE_NOOP("BranchStore", "Reading the store");
    if (progress && !progress(readStage, 0, 1))
        return false;
    Database db = store.open();
    SchemaMigrations::migrate(db);
    BranchData data;
    BranchRepository repo(db);
    if (!repo.loadAll(&data, [&](int done, int total) { return !progress || progress(readStage, done, total); }))
        return false;
    db.close();
    if (progress && !progress(QT_TRANSLATE_NOOP("BranchStore", "Indexing customers"), 0, 1))
        return false;
    auto snapshot = std::make_shared<const BranchSnapshot>(std::move(data), TierPolicy::defaultPolicy(), asOf);
    auto search = std::make_shared<const CustomerSearchIndex>(snapshot);
    out->snapshot = std::move(snapshot);
    out->search = std::move(search);
    out->store = store;
    return true;
}
