#include "branchsession.h"

#include "analysiscontroller.h"
#include "cadenceworkspace.h"
#include "dashboarddata.h"
#include "syncservice.h"
#include "../store/auditlog.h"
#include "../store/auditwriter.h"
#include "../store/database.h"
#include "../store/schemamigrations.h"
#include "../store/storeerror.h"
#include "../store/storefiles.h"
#include "../store/storekeyfile.h"

#include <QFutureWatcher>
#include <QThreadPool>
#include <QtConcurrent>

BranchSession::BranchSession(QObject *parent)
    : QObject(parent), m_workspace(new CadenceWorkspace(this)), m_analysis(new AnalysisController(this))
{
}

// The sync thread goes before the workspace and the analysis (children, deleted after this body).
BranchSession::~BranchSession() = default;

void BranchSession::setBranch(const LoadedBranch &branch)
{
    // A branch read for another day than the calendar's (a test, a picture, --today) pins the day,
    // so that reloads after a sync or a lock show the same day.
    if (branch.snapshot && !m_pinnedDay.isValid() && branch.snapshot->asOf() != QDate::currentDate())
        m_pinnedDay = branch.snapshot->asOf();
    adopt(branch);
}

void BranchSession::adopt(const LoadedBranch &branch)
{
    if (!branch.store.path.isEmpty())
        m_store = branch.store;
    m_branch = branch;
    // The window's pages let go of the old branch first, then the workspace and its pages.
    emit branchChanged(m_branch);
    m_workspace->setBranch(branch, day());
}

void BranchSession::setSearchIndex(const std::shared_ptr<const CustomerSearchIndex> &index)
{
    m_branch.search = index;
}

QDate BranchSession::day() const
{
    return dayOr(m_pinnedDay);
}

void BranchSession::setDay(const QDate &day)
{
    m_pinnedDay = day;
    m_workspace->setToday(this->day());
}

void BranchSession::reload()
{
    if (m_reloading) {
        m_readAgain = true; // what asked for it may have written after the running read began
        return;
    }
    if (m_locked || !m_store.isValid()) {
        emit reloaded(false);
        return;
    }
    m_reloading = true;
    readAgain();
}

void BranchSession::readAgain()
{
    m_readAgain = false;
    auto *watcher = new QFutureWatcher<LoadedBranch>(this);
    connect(watcher, &QFutureWatcher<LoadedBranch>::finished, this, [this, watcher] {
        const LoadedBranch branch = watcher->future().resultCount() ? watcher->future().result() : LoadedBranch{};
        watcher->deleteLater();
        if (m_readAgain && !m_locked) {
            readAgain();
            return;
        }
        m_reloading = false;
        const bool ok = branch.snapshot && !m_locked; // locked meanwhile: what was read is dropped
        if (ok)
            adopt(branch);
        emit reloaded(ok);
    });
    watcher->setFuture(read(m_store, day()));
}

void BranchSession::lock(KeyOnLock key)
{
    m_locked = true;
    adopt(LoadedBranch{});
    if (key == KeyOnLock::Wipe && m_store.key)
        m_store.key->wipe();
}

void BranchSession::restoreKey(const StoreKey &key)
{
    if (m_store.key)
        m_store.key->assign(key);
}

void BranchSession::unlock()
{
    m_locked = false;
}

SyncService *BranchSession::syncService()
{
    if (!m_sync)
        m_sync = std::make_unique<SyncService>(m_store);
    return m_sync.get();
}

QThreadPool *BranchSession::writer()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(1);
        p->setObjectName(QStringLiteral("BranchSession writer"));
        return p;
    }();
    return pool;
}

QFuture<LoadedBranch> BranchSession::read(const StoreAccess &store, QDate asOf)
{
    const QString staff = signedInAs();
    return QtConcurrent::run([store, asOf, staff] {
        LoadedBranch out;
        try {
            if (store.isValid()) // not while locked: the key is wiped
                BranchStore::load(store, &out, {}, asOf, staff);
        } catch (...) {
            // The branch on screen stays; the next sync or start-up reads it again.
        }
        return out;
    });
}

QString BranchSession::signedInAs()
{
    return BranchStore::demoSignedInAs();
}

void BranchSession::setSignedInAs(const QString &staffId)
{
    BranchStore::setDemoSignedInAs(staffId);
}

std::shared_ptr<StoreKey> BranchSession::unwrapKey(const QString &path, const QString &passphrase, bool create)
{
    std::shared_ptr<StoreKey> key;
    Database::open(path, passphrase, create ? Database::OpenMode::CreateIfMissing : Database::OpenMode::ExistingOnly, &key)
        .close();
    return key;
}

void BranchSession::createEmpty(const StoreAccess &store, const QString &code, const QString &name, const Staff &manager)
{
    BranchStore::createEmpty(store, code, name, manager);
}

SyncEngine::Report BranchSession::firstSync(const StoreAccess &store, const SyncEngine::Settings &hq,
                                            const SyncEngine::Progress &progress)
{
    Database db = store.open();
    std::atomic_bool never{false};
    return SyncEngine::run(db, hq, progress, &never);
}

bool BranchSession::createDemo(const StoreAccess &store, const DemoGenerator::Options &options, const Progress &progress)
{
    return BranchStore::createDemo(store, options, progress);
}

bool BranchSession::loadForOpening(const StoreAccess &store, LoadedBranch *out, const Progress &progress,
                                   const QString &signedInAs, QDate asOf)
{
    // The window builds the search index after the first paint.
    return BranchStore::load(store, out, progress, asOf, signedInAs, BranchStore::SearchIndex::Later);
}

bool BranchSession::withinGracePeriod(const StoreAccess &store, const SecurityPolicy &policy, QDateTime *lastContact)
{
    Database db = store.open();
    const bool within = StoreUnlocker::withinGracePeriod(db, policy, QDateTime::currentDateTime(), lastContact);
    db.close();
    return within;
}

QString BranchSession::errorMessage(const std::exception &e)
{
    if (const auto *store = dynamic_cast<const StoreError *>(&e))
        return store->message();
    return QString::fromLocal8Bit(e.what());
}

bool BranchSession::isWrongPassphrase(const std::exception &e)
{
    const auto *store = dynamic_cast<const StoreError *>(&e);
    return store && store->kind() == StoreError::Kind::WrongPassphrase;
}

void BranchSession::eraseStore(const QString &path)
{
    StoreFiles::erase(path);
}

QFuture<StoreUnlocker::Outcome> BranchSession::unlock(const QString &path, const QString &passphrase,
                                                      const SecurityPolicy &policy)
{
    return QtConcurrent::run([path, passphrase, policy] { return StoreUnlocker::unlock(path, passphrase, policy); });
}

QFuture<QString> BranchSession::changePassphrase(const QString &path, const QString &current, const QString &fresh)
{
    return QtConcurrent::run(writer(), [path, current, fresh]() -> QString {
        try {
            StoreKeyFile::changePassphrase(path, current, fresh);
            return {};
        } catch (const StoreError &e) {
            return e.kind() == StoreError::Kind::WrongPassphrase ? QStringLiteral("wrong") : e.message();
        }
    });
}

QFuture<DashboardData> BranchSession::loadDashboard(const DashboardData::Request &request)
{
    return QtConcurrent::run([request] { return DashboardData::load(request); });
}

QFuture<QString> BranchSession::recordReveal(const StoreAccess &store, const QString &customerNo, const QString &detail)
{
    return QtConcurrent::run(writer(), [store, customerNo, detail]() -> QString {
        try {
            AuditLog::record(store, QStringLiteral("reveal"), customerNo, detail);
            return {};
        } catch (const StoreError &e) {
            return e.message();
        }
    });
}

QFuture<QString> BranchSession::saveCampaign(const StoreAccess &store, const Campaign &campaign, const QString &by)
{
    return QtConcurrent::run(writer(), [store, campaign, by]() -> QString {
        try {
            return DashboardData::saveCampaign(store, campaign, by);
        } catch (const StoreError &e) {
            return QLatin1Char('!') + e.message();
        }
    });
}

bool BranchSession::appendAudit(const StoreAccess &store, const QString &event, const QString &staffId,
                                const QString &subject, const QString &detail, QString *error)
{
    return AuditWriter::append(store, event, staffId, subject, detail, error);
}

BranchSession::ImportOutcome BranchSession::importCustomers(const StoreAccess &store, const CustomerImport::Source &source,
                                                            const CustomerImport::Result &result,
                                                            const CustomerImportJob::Options &options, QDate asOf,
                                                            const std::function<bool(int, int)> &progress)
{
    ImportOutcome out;
    try {
        Database db = store.open();
        SchemaMigrations::migrate(db);
        out.result = CustomerImportJob::commit(db, source, result, options, &out.summary, &out.error, progress);
        db.close();
        if (out.result == CustomerImportJob::Result::Done)
            BranchStore::load(store, &out.branch, {}, asOf, signedInAs());
    } catch (const StoreError &e) {
        if (out.result != CustomerImportJob::Result::Done)
            out.result = CustomerImportJob::Result::Failed;
        out.error = e.message();
    }
    return out;
}
