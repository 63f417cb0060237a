#include "branchstore.h"

#include "branchrepository.h"
#include "database.h"
#include "metatable.h"
#include "policysource.h"
#include "schemamigrations.h"

#include <QCoreApplication>
#include <QSettings>

#include <atomic>
#include <exception>
#include <thread>

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
    MetaTable::setValue(db, QStringLiteral("source"), QStringLiteral("demo"));
    MetaTable::setValue(db, QStringLiteral("demo_seed"), QString::number(options.seed));
    return true;
}

void BranchStore::createEmpty(const StoreAccess &store, const QString &branchCode, const QString &branchName,
                              const Staff &manager)
{
    Database db = store.open();
    SchemaMigrations::migrate(db);
    BranchData data;
    data.branchCode = branchCode;
    data.branchName = branchName;
    data.staff.push_back(manager);
    BranchRepository repo(db);
    repo.replaceAll(data);
    MetaTable::setValue(db, QStringLiteral("source"), QStringLiteral("import"));
}

bool BranchStore::load(const QString &path, const QString &passphrase, LoadedBranch *out,
                       const Progress &progress, QDate asOf, const QString &signedInAs)
{
    std::shared_ptr<StoreKey> key;
    Database::open(path, passphrase, Database::OpenMode::ExistingOnly, &key).close();
    return load(StoreAccess{path, {}, key}, out, progress, asOf, signedInAs);
}

namespace {

// Reads the branch: holdings on a second connection and thread while this one reads the
// customers (issue 19: the two largest tables on two cores). False when cancelled.
bool readBranch(const StoreAccess &store, Database &db, BranchData *data, const BranchStore::Progress &progress,
                const char *stage)
{
    BranchRepository repo(db);
    if (!store.key) // a second connection would derive the key from the passphrase again
        return repo.loadAll(data, [&](int done, int total) { return !progress || progress(stage, done, total); });
    repo.loadHeader(data);
    const int total = progress ? repo.rowEstimate() : 0;
    std::atomic_bool stop{false};
    std::vector<Holding> holdings;
    std::exception_ptr holdingError;
    std::thread holdingReader([&] {
        try {
            Database second = store.open();
            BranchRepository(second).loadHoldings(&holdings, [&](int) { return !stop.load(); });
        } catch (...) {
            holdingError = std::current_exception();
        }
    });
    bool complete = false;
    try {
        complete = repo.loadCustomers(&data->customers, [&](int done) {
            return !progress || progress(stage, done, total);
        });
    } catch (...) {
        stop = true;
        holdingReader.join();
        throw;
    }
    stop = !complete;
    holdingReader.join();
    if (holdingError)
        std::rethrow_exception(holdingError);
    if (!complete)
        return false;
    data->holdings = std::move(holdings);
    repo.overlayAssignments(data);
    return true;
}

} // namespace

bool BranchStore::load(const StoreAccess &store, LoadedBranch *out, const Progress &progress, QDate asOf,
                       const QString &signedInAs, SearchIndex searchIndex)
{
    const char *readStage = QT_TRANSLATE_NOOP("BranchStore", "Reading the store");
    if (progress && !progress(readStage, 0, 1))
        return false;
    Database db = store.open();
    SchemaMigrations::migrate(db); // before the second connection reads
    BranchData data;
    if (!readBranch(store, db, &data, progress, readStage))
        return false;
    BranchRepository repo(db);
    const QString hqStaff = MetaTable::value(db, QStringLiteral("sync.staff_id"));
    const TierPolicy tiers = PolicySource(db).tierPolicy(); // HQ's issued ladder, else the shipped one
    db.close();
    if (progress && !progress(QT_TRANSLATE_NOOP("BranchStore", "Indexing customers"), 0, 1))
        return false;
    StaffScope scope;
    if (!hqStaff.isEmpty()) {
        // Signed in to HQ: the roster's role; someone not (yet) on it gets the narrow view.
        scope = StaffScope::of(data, hqStaff);
        if (scope.staffId().isEmpty())
            scope = StaffScope::rm(hqStaff);
    } else {
        scope = StaffScope::of(data, signedInAs);
        if (scope.staffId().isEmpty()) // a demo store: the branch's manager unless someone else was chosen
            scope = StaffScope::of(data, StaffScope::firstManager(data));
    }
    auto snapshot = std::make_shared<const BranchSnapshot>(std::move(data), tiers, asOf, scope);
    out->search.reset();
    if (searchIndex == SearchIndex::Build)
        out->search = std::make_shared<const CustomerSearchIndex>(snapshot);
    out->snapshot = std::move(snapshot);
    out->store = store;
    out->signedInToHq = !hqStaff.isEmpty();
    return true;
}

QString BranchStore::hqStaffId(const QString &path, const QString &passphrase)
{
    return hqStaffId(StoreAccess{path, passphrase, {}});
}

QString BranchStore::hqStaffId(const StoreAccess &store)
{
    Database db = store.open();
    SchemaMigrations::migrate(db);
    return MetaTable::value(db, QStringLiteral("sync.staff_id"));
}

QString BranchStore::demoSignedInAs()
{
    return QSettings().value(QStringLiteral("session/signedInAs")).toString();
}

void BranchStore::setDemoSignedInAs(const QString &staffId)
{
    QSettings().setValue(QStringLiteral("session/signedInAs"), staffId);
}
