#include "syncengine.h"

#include "outbox.h"
#include "pageapplier.h"
#include "store/auditkey.h"
#include "store/auditlog.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/transaction.h"
#include "syncentities.h"

#include <QDateTime>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent>

#include <memory>
#include <QUuid>

namespace {

// Keeps what HQ answered a sign-in or a renewal in the store; `interactive`: a password
// sign-in (audited as sign_in; it also brings the device credential).
bool applySession(Database &db, const SyncEngine::Settings &s, const HqClient::Login &login, SyncEngine::Report *report,
                  bool interactive)
{
    const QString previousBranch = SyncEngine::metaValue(db, QStringLiteral("sync.branch"));
    if (!previousBranch.isEmpty() && previousBranch != login.branch) {
        report->status = HqClient::Status::Forbidden;
        report->error = QStringLiteral("This store belongs to branch %1, not %2").arg(previousBranch, login.branch);
        return false;
    }
    Transaction tx(db);
    const QString previousRole = SyncEngine::metaValue(db, QStringLiteral("sync.role"));
    if (!previousRole.isEmpty() && previousRole != login.role) {
        // A new role sees more or less of the branch: load what it may see from the start.
        for (const SyncEntities::Entity &e : SyncEntities::all()) {
            if (e.owner == SyncEntities::Owner::Hq)
                db.exec(QStringLiteral("DELETE FROM %1").arg(e.table));
        }
        SyncEngine::setMetaValue(db, QStringLiteral("sync.cursor"), QStringLiteral("0"));
        SyncEngine::setMetaValue(db, QStringLiteral("sync.full_reload"), QStringLiteral("1"));
    }
    SyncEngine::setMetaValue(db, QStringLiteral("sync.branch"), login.branch);
    SyncEngine::setMetaValue(db, QStringLiteral("sync.staff_id"), login.staffId);
    SyncEngine::setMetaValue(db, QStringLiteral("sync.staff_name"), login.staffName);
    SyncEngine::setMetaValue(db, QStringLiteral("sync.role"), login.role);
    SyncEngine::setMetaValue(db, QStringLiteral("sync.token"), login.token);
    SyncEngine::setMetaValue(db, QStringLiteral("sync.hq_url"), s.hq.toString());
    // Issue 19: kept like the token, inside the encrypted store; renews tokens without the password.
    if (!login.deviceCredential.isEmpty())
        SyncEngine::setMetaValue(db, QStringLiteral("sync.device_credential"), login.deviceCredential);
    // A key HQ issued now numbers and MACs every entry from this sign-in on (issue 15).
    if (!login.auditKeyId.isEmpty() && login.auditKey.size() == 32
        && !AuditKey::save(db.path(), {login.auditKeyId, 1, login.auditKey})) {
        report->status = HqClient::Status::BadResponse;
        report->error = QStringLiteral("The audit key file could not be written");
        return false;
    }
    Statement branchRow(db, QStringLiteral("INSERT OR REPLACE INTO branch (code, name) VALUES (?, ?)"));
    branchRow.bind(1, login.branch).bind(2, login.branchName.isEmpty() ? login.branch : login.branchName).execute();
    if (interactive)
        AuditLog(db).append(QStringLiteral("sign_in"), login.staffId, login.branch, s.hq.host());
    tx.commit();
    return true;
}

enum class Renewed { Yes, No, Failed };

void forgetCredential(Database &db)
{
    db.exec(QStringLiteral("DELETE FROM meta WHERE key = 'sync.device_credential'"));
}

// Issue 19: a new token from the device credential, no password. No: there is no credential
// or it ended (it is forgotten; the password is needed). Failed: the report says why.
Renewed renewWithCredential(Database &db, HqClient &client, const SyncEngine::Settings &s, SyncEngine::Report *report)
{
    const QString credential = SyncEngine::metaValue(db, QStringLiteral("sync.device_credential"));
    if (credential.isEmpty())
        return Renewed::No;
    HqClient::Login login;
    client.setAuditKeyId(AuditKey::load(db.path()).keyId);
    const HqClient::Status st = client.renew(ContactRepository::deviceId(db), credential, &login);
    if (st == HqClient::Status::Ok)
        return applySession(db, s, login, report, false) ? Renewed::Yes : Renewed::Failed;
    if (st == HqClient::Status::Unauthorized || st == HqClient::Status::BadResponse) {
        forgetCredential(db);
        report->signInEnded = st == HqClient::Status::Unauthorized;
        return Renewed::No;
    }
    report->status = st;
    report->error = client.lastError();
    // A lost device reports its erase with the token it kept (POST /v1/device/erased).
    if (st == HqClient::Status::DeviceLost) {
        report->token = SyncEngine::metaValue(db, QStringLiteral("sync.token"));
        client.setToken(report->token);
    }
    return Renewed::Failed;
}

bool ensureLogin(Database &db, HqClient &client, const SyncEngine::Settings &s, SyncEngine::Report *report,
                 bool forceNew)
{
    const QString storedStaff = SyncEngine::metaValue(db, QStringLiteral("sync.staff_id"));
    const QString token = SyncEngine::metaValue(db, QStringLiteral("sync.token"));
    // A synced store holds what its own user may see: nobody else signs in with it (issue 15).
    if (!storedStaff.isEmpty() && storedStaff != s.staffId) {
        report->status = HqClient::Status::Forbidden;
        report->error = QStringLiteral("This store belongs to another staff member; sign in with a store of your own");
        return false;
    }
    // The token is tried whatever the local clock says; HQ decides whether it expired.
    if (!forceNew && !token.isEmpty() && storedStaff == s.staffId) {
        client.setToken(token);
        return true;
    }
    if (storedStaff == s.staffId) {
        switch (renewWithCredential(db, client, s, report)) {
        case Renewed::Yes:
            return true;
        case Renewed::Failed:
            return false;
        case Renewed::No:
            break;
        }
    }
    if (s.password.isEmpty()) {
        report->status = HqClient::Status::Unauthorized;
        report->error = QStringLiteral("Sign in to HQ again: the session expired and no password was given");
        return false;
    }
    HqClient::Login login;
    client.setAuditKeyId(AuditKey::load(db.path()).keyId);
    const QString branch = s.branch.isEmpty() ? SyncEngine::metaValue(db, QStringLiteral("sync.branch")) : s.branch;
    const HqClient::Status st = client.login(branch, s.staffId, s.password, ContactRepository::deviceId(db), &login);
    if (st != HqClient::Status::Ok) {
        report->status = st;
        report->error = client.lastError();
        return false;
    }
    return applySession(db, s, login, report, true);
}

} // namespace

QString SyncEngine::metaValue(Database &db, const QString &key)
{
    Statement st(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    st.bind(1, key);
    return st.step() ? st.text(0) : QString();
}

void SyncEngine::setMetaValue(Database &db, const QString &key, const QString &value)
{
    Statement st(db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    st.bind(1, key).bind(2, value).execute();
}

SyncEngine::Report SyncEngine::run(Database &db, const Settings &s, const Progress &progress, std::atomic_bool *cancel)
{
    Report report;
    SchemaMigrations::migrate(db);
    HqClient client(s.hq, cancel);
    client.setTimeoutMs(s.timeoutMs);
    client.setCaCertificates(s.caCertificates);
    client.setFaultInjector(s.faults);
    auto cancelled = [&](const char *stage, qint64 done, qint64 total) {
        if ((cancel && cancel->load()) || (progress && !progress(stage, done, total))) {
            report.status = HqClient::Status::Cancelled;
            report.error = QStringLiteral("cancelled");
            return true;
        }
        return false;
    };
    if (!ensureLogin(db, client, s, &report, false))
        return report;
    const QString branch = metaValue(db, QStringLiteral("sync.branch"));
    int relogins = 0;
    auto retryAfterLogin = [&](HqClient::Status st) {
        if (st != HqClient::Status::Unauthorized || relogins >= 3)
            return false;
        ++relogins;
        return ensureLogin(db, client, s, &report, true);
    };

    // Push first: our changes reach HQ before we apply theirs.
    const int totalPending = Outbox::pendingCount(db);
    for (;;) {
        if (cancelled(QT_TRANSLATE_NOOP("SyncEngine", "Sending changes"), report.pushed, totalPending))
            return report;
        const std::vector<Outbox::Entry> entries = Outbox::peek(db, s.pushBatch);
        if (entries.empty())
            break;
        WireFormat::PushBatch batch;
        batch.schemaVersion = SchemaMigrations::latestVersion();
        batch.deviceId = ContactRepository::deviceId(db);
        for (const Outbox::Entry &e : entries)
            batch.records.push_back({e.entity, e.recordId, e.seq, e.op == QLatin1String("delete"), e.payload});
        WireFormat::PushResult result;
        HqClient::Status st = client.push(branch, batch, &result);
        if (retryAfterLogin(st))
            st = client.push(branch, batch, &result);
        if (report.status == HqClient::Status::DeviceLost)
            return report;
        if (st == HqClient::Status::Conflict) {
            // HQ has seen these device sequence numbers with other records: this
            // store was restored from an older copy. Carry on as a new device;
            // record ids (UUIDs) keep HQ from storing anything twice.
            const QString fresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
            setMetaValue(db, QStringLiteral("device_id"), fresh);
            PageApplier::log(db, QStringLiteral("device_reset"),
                             QStringLiteral("HQ saw this store's change numbers before (restored from an older copy?); "
                                            "it now syncs as a new device and nothing was lost"));
            batch.deviceId = fresh;
            // A token and a device credential are bound to their device: the new device signs in again.
            forgetCredential(db);
            if (!ensureLogin(db, client, s, &report, true))
                return report;
            st = client.push(branch, batch, &result);
        }
        if (st != HqClient::Status::Ok) {
            report.status = st;
            report.error = client.lastError();
            report.pending = Outbox::pendingCount(db);
            if (st == HqClient::Status::DeviceLost)
                report.token = client.token();
            return report;
        }
        for (const WireFormat::PushResult::Refusal &r : result.refused) {
            // HQ kept these out (schema, or who may write what); they are not sent again.
            for (const Outbox::Entry &e : entries) {
                if (e.seq == r.seq)
                    PageApplier::log(db, QStringLiteral("refused"), QStringLiteral("HQ refused a change: %1").arg(r.reason),
                                     e.entity, e.recordId);
            }
            ++report.refused;
        }
        Outbox::acknowledge(db, result.ackedThrough);
        report.pushed += int(entries.size());
        if (result.ackedThrough < entries.back().seq) {
            report.status = HqClient::Status::BadResponse;
            report.error = QStringLiteral("HQ acknowledged only part of a batch");
            report.pending = Outbox::pendingCount(db);
            return report;
        }
    }
    PageApplier::purgeDeferred(db);

    // Pull pages until HQ has nothing newer. A fetcher thread only asks for pages:
    // as soon as page n is here and verified, it asks for page n+1, so HQ prepares
    // that one while this thread decodes and applies page n (decision 34).
    qint64 cursor = metaValue(db, QStringLiteral("sync.cursor")).toLongLong();
    // Set while a full reload runs, so an interrupted one resumes as a reload.
    bool fullReload = metaValue(db, QStringLiteral("sync.full_reload")) == QLatin1String("1");
    const bool fromNothing = cursor == 0; // a first sync: pages as large as HQ gives
    int badChecksums = 0;
    QThreadPool fetcherPool;
    fetcherPool.setMaxThreadCount(1);
    fetcherPool.setExpiryTimeout(-1);
    // A page as the fetcher thread hands it over: requested, verified and decoded there, so
    // this thread only applies (issue 19: decoding page n+1 overlaps applying page n).
    struct Fetched
    {
        HqClient::Status status = HqClient::Status::Ok;
        WireFormat::Page page; // its records are cleared once decoded
        QString error;
        bool damaged = false;  // checksum mismatch: fetched again
        PulledRecords records;
        QString decodeError;   // not empty: the page cannot be read
    };
    // The fetcher's client (and its connection) lives on the fetcher thread and dies there.
    auto fetcherClient = std::make_shared<std::unique_ptr<HqClient>>();
    // However the pull ends, a StoreError from a full disk included, the client dies on its
    // own thread after the fetch in flight (crashed the CLI before, tests/tst_crashsafety).
    struct FetcherCleanup
    {
        QThreadPool &pool;
        std::shared_ptr<std::unique_ptr<HqClient>> client;
        ~FetcherCleanup()
        {
            // waitForDone(), never QFuture::waitForFinished(): that one may steal a queued
            // task onto this thread, and reset() here would race the fetch still running.
            pool.waitForDone();
            pool.start([c = client] { c->reset(); });
            pool.waitForDone();
        }
    } fetcherCleanup{fetcherPool, fetcherClient};
    auto fetch = [&](qint64 after) {
        const QString token = client.token();
        const QUrl base = s.hq;
        const int limit = s.pageSize > 0 ? s.pageSize : fromNothing || fullReload ? 20000 : 5000;
        const int timeout = s.timeoutMs;
        const QList<QSslCertificate> certs = s.caCertificates;
        const bool full = fullReload;
        const HqClient::FaultInjector faults = s.faults;
        return QtConcurrent::run(&fetcherPool, [=, fetcherClient = fetcherClient]() {
            std::unique_ptr<HqClient> &fetcher = *fetcherClient;
            if (!fetcher)
                fetcher = std::make_unique<HqClient>(base, cancel);
            fetcher->setFaultInjector(faults);
            fetcher->setTimeoutMs(timeout);
            fetcher->setCaCertificates(certs);
            fetcher->setToken(token);
            Fetched f;
            f.status = fetcher->pull(branch, after, limit, &f.page, full);
            f.error = fetcher->lastError();
            if (f.status != HqClient::Status::Ok)
                return f;
            f.damaged = !WireFormat::verify(f.page);
            if (!f.damaged && !f.records.decode(f.page.records, &f.decodeError) && f.decodeError.isEmpty())
                f.decodeError = QStringLiteral("records: the page cannot be read");
            f.page.records.clear();
            return f;
        });
    };
    // Issue 19: a pull of many pages commits one transaction per page, and SQLite's automatic
    // checkpoint (every 1,000 WAL pages) would copy and sync the store some dozens of times
    // during a first sync. It waits for the end of the pull: one checkpoint, as a single bulk
    // insert has. A crash meanwhile loses nothing: the WAL is replayed at the next open.
    struct CheckpointAtEnd
    {
        Database &db;
        bool deferred = false;
        void defer()
        {
            if (!deferred)
                db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
            deferred = true;
        }
        ~CheckpointAtEnd()
        {
            if (!deferred)
                return;
            try {
                db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 1000"));
                db.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")); // never waits for readers
            } catch (const StoreError &) {
                // A full disk: the next commit or close checkpoints.
            }
        }
    } checkpoint{db};
    QFuture<Fetched> pending = fetch(cursor);
    for (;;) {
        if (cancelled(QT_TRANSLATE_NOOP("SyncEngine", "Receiving branch data"), report.pulled, 0))
            break;
        // Wait without QFuture::result() stealing a fetch not yet started onto this thread:
        // the fetcher's client and its connection belong to the fetcher thread.
        while (!pending.isFinished())
            QThread::usleep(500);
        Fetched f = pending.result();
        if (retryAfterLogin(f.status)) {
            pending = fetch(cursor);
            continue;
        }
        if (report.status == HqClient::Status::DeviceLost)
            break;
        if (f.status == HqClient::Status::FullResync) {
            if (report.fullResync) {
                report.status = f.status;
                report.error = QStringLiteral("HQ asked for a full resync twice");
                break;
            }
            // Our cursor is older than HQ's oldest tombstone: start over from 0 and
            // drop HQ-owned rows, which the full pull brings back.
            report.fullResync = true;
            Transaction tx(db);
            for (const SyncEntities::Entity &e : SyncEntities::all()) {
                if (e.owner == SyncEntities::Owner::Hq)
                    db.exec(QStringLiteral("DELETE FROM %1").arg(e.table));
            }
            setMetaValue(db, QStringLiteral("sync.cursor"), QStringLiteral("0"));
            setMetaValue(db, QStringLiteral("sync.full_reload"), QStringLiteral("1"));
            PageApplier::log(db, QStringLiteral("full_resync"),
                             QStringLiteral("Offline longer than HQ keeps deletions: reloading the branch data"));
            tx.commit();
            fullReload = true;
            cursor = 0;
            pending = fetch(cursor);
            continue;
        }
        if (f.status != HqClient::Status::Ok) {
            report.status = f.status;
            report.error = f.error;
            break;
        }
        if (f.damaged) {
            ++report.checksumRetries;
            PageApplier::log(db, QStringLiteral("checksum"),
                             QStringLiteral("A page after change %1 arrived damaged and was fetched again").arg(cursor));
            if (++badChecksums > 3) {
                report.status = HqClient::Status::BadResponse;
                report.error = QStringLiteral("Pages from HQ keep arriving damaged (checksum mismatch)");
                break;
            }
            pending = fetch(cursor);
            continue;
        }
        badChecksums = 0;
        if (!f.decodeError.isEmpty()) {
            report.status = HqClient::Status::BadResponse;
            report.error = f.decodeError;
            break;
        }
        if (f.page.hasMore) {
            pending = fetch(f.page.next); // fetched and decoded while this page is applied
            checkpoint.defer();
        }
        PageApplier::Result applied;
        try {
            applied = PageApplier::apply(db, f.records, f.page.next);
        } catch (const StoreError &e) {
            // The page's transaction rolled back; the cursor still points before it.
            report.status = HqClient::Status::BadResponse;
            report.error = e.message();
            break;
        }
        report.pulled += applied.applied;
        report.deleted += applied.deleted;
        report.conflicts += applied.conflicts;
        report.quarantined += applied.quarantined;
        ++report.pages;
        cursor = f.page.next;
        if (!f.page.hasMore) {
            if (fullReload)
                setMetaValue(db, QStringLiteral("sync.full_reload"), QStringLiteral("0"));
            report.ok = true;
            break;
        }
    }
    report.cursor = cursor;
    if (report.status == HqClient::Status::DeviceLost)
        report.token = client.token(); // to tell HQ once the store is erased
    report.pending = Outbox::pendingCount(db);
    if (!report.ok && report.status != HqClient::Status::Cancelled && report.status != HqClient::Status::Offline) {
        try {
            PageApplier::log(db, QStringLiteral("error"), report.error);
        } catch (const StoreError &) {
            // The disk is full: the line cannot be kept, the report still says why.
        }
    }
    if (report.ok)
        setMetaValue(db, QStringLiteral("sync.last_success"), QDateTime::currentDateTime().toString(Qt::ISODate));
    return report;
}

bool SyncEngine::reportErased(const Settings &s, const QString &token)
{
    if (token.isEmpty())
        return false;
    HqClient client(s.hq);
    client.setTimeoutMs(qMin(s.timeoutMs, 15000));
    client.setCaCertificates(s.caCertificates);
    client.setToken(token);
    return client.reportErased() == HqClient::Status::Ok;
}
