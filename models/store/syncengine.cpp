#include "syncengine.h"

#include "outbox.h"
#include "pageapplier.h"
#include "pagefetcher.h"
#include "protocol/auditkey.h"
#include "store/metatable.h"
#include "store/auditlog.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/transaction.h"
#include "../protocol/syncentities.h"

#include <QDateTime>
#include <QUuid>

namespace {

// Keeps what HQ answered a sign-in or a renewal in the store; `interactive`: a password
// sign-in (audited as sign_in; it also brings the device credential).
bool applySession(Database &db, const SyncEngine::Settings &s, const HqClient::Login &login, SyncEngine::Report *report,
                  bool interactive)
{
    const QString previousBranch = MetaTable::value(db, QStringLiteral("sync.branch"));
    if (!previousBranch.isEmpty() && previousBranch != login.branch) {
        report->status = HqClient::Status::Forbidden;
        report->error = QStringLiteral("This store belongs to branch %1, not %2").arg(previousBranch, login.branch);
        return false;
    }
    Transaction tx(db);
    const QString previousRole = MetaTable::value(db, QStringLiteral("sync.role"));
    if (!previousRole.isEmpty() && previousRole != login.role) {
        // A new role sees more or less of the branch: load what it may see from the start.
        for (const SyncEntities::Entity &e : SyncEntities::all()) {
            if (e.owner == SyncEntities::Owner::Hq)
                db.exec(QStringLiteral("DELETE FROM %1").arg(e.table));
        }
        MetaTable::setValue(db, QStringLiteral("sync.cursor"), QStringLiteral("0"));
        MetaTable::setValue(db, QStringLiteral("sync.full_reload"), QStringLiteral("1"));
    }
    MetaTable::setValue(db, QStringLiteral("sync.branch"), login.branch);
    MetaTable::setValue(db, QStringLiteral("sync.staff_id"), login.staffId);
    MetaTable::setValue(db, QStringLiteral("sync.staff_name"), login.staffName);
    MetaTable::setValue(db, QStringLiteral("sync.role"), login.role);
    MetaTable::setValue(db, QStringLiteral("sync.token"), login.token);
    MetaTable::setValue(db, QStringLiteral("sync.hq_url"), s.hq.toString());
    // Issue 19: kept like the token, inside the encrypted store; renews tokens without the password.
    if (!login.deviceCredential.isEmpty())
        MetaTable::setValue(db, QStringLiteral("sync.device_credential"), login.deviceCredential);
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
    const QString credential = MetaTable::value(db, QStringLiteral("sync.device_credential"));
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
        report->token = MetaTable::value(db, QStringLiteral("sync.token"));
        client.setToken(report->token);
    }
    return Renewed::Failed;
}

bool ensureLogin(Database &db, HqClient &client, const SyncEngine::Settings &s, SyncEngine::Report *report,
                 bool forceNew)
{
    const QString storedStaff = MetaTable::value(db, QStringLiteral("sync.staff_id"));
    const QString token = MetaTable::value(db, QStringLiteral("sync.token"));
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
    const QString branch = s.branch.isEmpty() ? MetaTable::value(db, QStringLiteral("sync.branch")) : s.branch;
    const HqClient::Status st = client.login(branch, s.staffId, s.password, ContactRepository::deviceId(db), &login);
    if (st != HqClient::Status::Ok) {
        report->status = st;
        report->error = client.lastError();
        return false;
    }
    return applySession(db, s, login, report, true);
}

// Issue 19: a pull of many pages commits one transaction per page, and SQLite's automatic
// checkpoint (every 1,000 WAL pages) would copy and sync the store some dozens of times
// during a first sync. It waits for the end of the pull: one checkpoint, as a single bulk
// insert has. A crash meanwhile loses nothing: the WAL is replayed at the next open.
class CheckpointAtEnd
{
public:
    explicit CheckpointAtEnd(Database &db) : m_db(db) {}
    CheckpointAtEnd(const CheckpointAtEnd &) = delete;
    CheckpointAtEnd &operator=(const CheckpointAtEnd &) = delete;
    void defer()
    {
        if (!m_deferred)
            m_db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0"));
        m_deferred = true;
    }
    ~CheckpointAtEnd()
    {
        if (!m_deferred)
            return;
        try {
            m_db.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 1000"));
            m_db.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")); // never waits for readers
        } catch (const StoreError &) {
            // A full disk: the next commit or close checkpoints.
        }
    }

private:
    Database &m_db;
    bool m_deferred = false;
};

// One round of SyncEngine::run, step by step: sign in, push the outbox, pull the pages, report.
class SyncRound
{
public:
    SyncRound(Database &db, const SyncEngine::Settings &s, const SyncEngine::Progress &progress, std::atomic_bool *cancel)
        : m_db(db), m_s(s), m_progress(progress), m_cancel(cancel), m_client(s.hq, cancel)
    {
        m_client.setTimeoutMs(s.timeoutMs);
        m_client.setCaCertificates(s.caCertificates);
        m_client.setFaultInjector(s.faults);
    }

    SyncEngine::Report run()
    {
        SchemaMigrations::migrate(m_db);
        if (!ensureLogin(m_db, m_client, m_s, &m_report, false))
            return m_report;
        m_branch = MetaTable::value(m_db, QStringLiteral("sync.branch"));
        // Push first: our changes reach HQ before we apply theirs.
        if (!pushOutbox())
            return m_report;
        PageApplier::purgeDeferred(m_db);
        pullPages();
        finish();
        return m_report;
    }

private:
    // True (and the report says so) when the user or the caller cancelled.
    bool cancelled(const char *stage, qint64 done, qint64 total)
    {
        if ((m_cancel && m_cancel->load()) || (m_progress && !m_progress(stage, done, total))) {
            m_report.status = HqClient::Status::Cancelled;
            m_report.error = QStringLiteral("cancelled");
            return true;
        }
        return false;
    }

    // A 401: sign in again (a renewal, else the password), at most three times a round.
    bool retryAfterLogin(HqClient::Status st)
    {
        if (st != HqClient::Status::Unauthorized || m_relogins >= 3)
            return false;
        ++m_relogins;
        return ensureLogin(m_db, m_client, m_s, &m_report, true);
    }

    // The outbox in batches, each removed once HQ acknowledges it. False: the round ends here.
    bool pushOutbox()
    {
        const int totalPending = Outbox::pendingCount(m_db);
        for (;;) {
            if (cancelled(QT_TRANSLATE_NOOP("SyncEngine", "Sending changes"), m_report.pushed, totalPending))
                return false;
            const std::vector<Outbox::Entry> entries = Outbox::peek(m_db, m_s.pushBatch);
            if (entries.empty())
                return true;
            if (!pushBatch(entries))
                return false;
        }
    }

    bool pushBatch(const std::vector<Outbox::Entry> &entries)
    {
        WireFormat::PushBatch batch;
        batch.schemaVersion = SchemaMigrations::latestVersion();
        batch.deviceId = ContactRepository::deviceId(m_db);
        for (const Outbox::Entry &e : entries)
            batch.records.push_back({e.entity, e.recordId, e.seq, e.op == QLatin1String("delete"), e.payload});
        WireFormat::PushResult result;
        HqClient::Status st = m_client.push(m_branch, batch, &result);
        if (retryAfterLogin(st))
            st = m_client.push(m_branch, batch, &result);
        if (m_report.status == HqClient::Status::DeviceLost)
            return false;
        if (st == HqClient::Status::Conflict) {
            if (!continueAsNewDevice(&batch))
                return false;
            st = m_client.push(m_branch, batch, &result);
        }
        if (st != HqClient::Status::Ok) {
            m_report.status = st;
            m_report.error = m_client.lastError();
            m_report.pending = Outbox::pendingCount(m_db);
            if (st == HqClient::Status::DeviceLost)
                m_report.token = m_client.token();
            return false;
        }
        acknowledge(entries, result);
        if (result.ackedThrough < entries.back().seq) {
            m_report.status = HqClient::Status::BadResponse;
            m_report.error = QStringLiteral("HQ acknowledged only part of a batch");
            m_report.pending = Outbox::pendingCount(m_db);
            return false;
        }
        return true;
    }

    // HQ has seen these device sequence numbers with other records: this store was restored
    // from an older copy. Carry on as a new device; record ids (UUIDs) keep HQ from storing
    // anything twice.
    bool continueAsNewDevice(WireFormat::PushBatch *batch)
    {
        const QString fresh = QUuid::createUuid().toString(QUuid::WithoutBraces);
        MetaTable::setValue(m_db, QStringLiteral("device_id"), fresh);
        PageApplier::log(m_db, QStringLiteral("device_reset"),
                         QStringLiteral("HQ saw this store's change numbers before (restored from an older copy?); "
                                        "it now syncs as a new device and nothing was lost"));
        batch->deviceId = fresh;
        // A token and a device credential are bound to their device: the new device signs in again.
        forgetCredential(m_db);
        return ensureLogin(m_db, m_client, m_s, &m_report, true);
    }

    // Logs what HQ refused (never sent again) and drops the acknowledged entries.
    void acknowledge(const std::vector<Outbox::Entry> &entries, const WireFormat::PushResult &result)
    {
        for (const WireFormat::PushResult::Refusal &r : result.refused) {
            for (const Outbox::Entry &e : entries) {
                if (e.seq == r.seq)
                    PageApplier::log(m_db, QStringLiteral("refused"), QStringLiteral("HQ refused a change: %1").arg(r.reason),
                                     e.entity, e.recordId);
            }
            ++m_report.refused;
        }
        Outbox::acknowledge(m_db, result.ackedThrough);
        m_report.pushed += int(entries.size());
    }

    // Pulls pages until HQ has nothing newer. The fetcher thread requests, verifies and
    // decodes page n+1 while this thread applies page n (decision 34, issue 19).
    void pullPages()
    {
        m_cursor = MetaTable::value(m_db, QStringLiteral("sync.cursor")).toLongLong();
        // Set while a full reload runs, so an interrupted one resumes as a reload.
        m_fullReload = MetaTable::value(m_db, QStringLiteral("sync.full_reload")) == QLatin1String("1");
        m_fromNothing = m_cursor == 0;
        PageFetcher fetcher(m_cancel);
        CheckpointAtEnd checkpoint(m_db);
        fetcher.start(pageRequest(), m_cursor);
        while (!cancelled(QT_TRANSLATE_NOOP("SyncEngine", "Receiving branch data"), m_report.pulled, 0)) {
            PageFetcher::Fetched f = fetcher.take();
            if (!onFetched(f, fetcher, checkpoint))
                break;
        }
    }

    // What the next page request carries: the current token, and pages as large as HQ gives
    // (20,000) while a store is filled from nothing, else 5,000, unless the settings say.
    PageFetcher::Request pageRequest() const
    {
        PageFetcher::Request r;
        r.hq = m_s.hq;
        r.branch = m_branch;
        r.token = m_client.token();
        r.limit = m_s.pageSize > 0 ? m_s.pageSize : m_fromNothing || m_fullReload ? 20000 : 5000;
        r.fullReload = m_fullReload;
        r.timeoutMs = m_s.timeoutMs;
        r.caCertificates = m_s.caCertificates;
        r.faults = m_s.faults;
        return r;
    }

    // One fetched page: fetched again, applied, or the end of the pull. False: the pull ends.
    bool onFetched(PageFetcher::Fetched &f, PageFetcher &fetcher, CheckpointAtEnd &checkpoint)
    {
        if (retryAfterLogin(f.status)) {
            fetcher.start(pageRequest(), m_cursor);
            return true;
        }
        if (m_report.status == HqClient::Status::DeviceLost)
            return false;
        if (f.status == HqClient::Status::FullResync)
            return restartAsFullReload(fetcher);
        if (f.status != HqClient::Status::Ok) {
            m_report.status = f.status;
            m_report.error = f.error;
            return false;
        }
        if (f.damaged)
            return fetchDamagedAgain(fetcher);
        m_badChecksums = 0;
        if (!f.decodeError.isEmpty()) {
            m_report.status = HqClient::Status::BadResponse;
            m_report.error = f.decodeError;
            return false;
        }
        if (f.page.hasMore) {
            fetcher.start(pageRequest(), f.page.next); // fetched and decoded while this page is applied
            checkpoint.defer();
        }
        return applyPage(f);
    }

    // Our cursor is older than HQ's oldest tombstone: start over from 0 and drop HQ-owned
    // rows, which the full pull brings back.
    bool restartAsFullReload(PageFetcher &fetcher)
    {
        if (m_report.fullResync) {
            m_report.status = HqClient::Status::FullResync;
            m_report.error = QStringLiteral("HQ asked for a full resync twice");
            return false;
        }
        m_report.fullResync = true;
        Transaction tx(m_db);
        for (const SyncEntities::Entity &e : SyncEntities::all()) {
            if (e.owner == SyncEntities::Owner::Hq)
                m_db.exec(QStringLiteral("DELETE FROM %1").arg(e.table));
        }
        MetaTable::setValue(m_db, QStringLiteral("sync.cursor"), QStringLiteral("0"));
        MetaTable::setValue(m_db, QStringLiteral("sync.full_reload"), QStringLiteral("1"));
        PageApplier::log(m_db, QStringLiteral("full_resync"),
                         QStringLiteral("Offline longer than HQ keeps deletions: reloading the branch data"));
        tx.commit();
        m_fullReload = true;
        m_cursor = 0;
        fetcher.start(pageRequest(), m_cursor);
        return true;
    }

    // A checksum mismatch: the page is logged and fetched again, at most three times in a row.
    bool fetchDamagedAgain(PageFetcher &fetcher)
    {
        ++m_report.checksumRetries;
        PageApplier::log(m_db, QStringLiteral("checksum"),
                         QStringLiteral("A page after change %1 arrived damaged and was fetched again").arg(m_cursor));
        if (++m_badChecksums > 3) {
            m_report.status = HqClient::Status::BadResponse;
            m_report.error = QStringLiteral("Pages from HQ keep arriving damaged (checksum mismatch)");
            return false;
        }
        fetcher.start(pageRequest(), m_cursor);
        return true;
    }

    // The page and its cursor in one transaction. False: the last page, or the store failed.
    bool applyPage(const PageFetcher::Fetched &f)
    {
        PageApplier::Result applied;
        try {
            applied = PageApplier::apply(m_db, f.records, f.page.next);
        } catch (const StoreError &e) {
            // The page's transaction rolled back; the cursor still points before it.
            m_report.status = HqClient::Status::BadResponse;
            m_report.error = e.message();
            return false;
        }
        m_report.pulled += applied.applied;
        m_report.deleted += applied.deleted;
        m_report.conflicts += applied.conflicts;
        m_report.quarantined += applied.quarantined;
        ++m_report.pages;
        m_cursor = f.page.next;
        if (f.page.hasMore)
            return true;
        if (m_fullReload)
            MetaTable::setValue(m_db, QStringLiteral("sync.full_reload"), QStringLiteral("0"));
        m_report.ok = true;
        return false;
    }

    // The report's last lines: cursor, what is still to send, the sync log, the time of success.
    void finish()
    {
        m_report.cursor = m_cursor;
        if (m_report.status == HqClient::Status::DeviceLost)
            m_report.token = m_client.token(); // to tell HQ once the store is erased
        m_report.pending = Outbox::pendingCount(m_db);
        if (!m_report.ok && m_report.status != HqClient::Status::Cancelled
            && m_report.status != HqClient::Status::Offline) {
            try {
                PageApplier::log(m_db, QStringLiteral("error"), m_report.error);
            } catch (const StoreError &) {
                // The disk is full: the line cannot be kept, the report still says why.
            }
        }
        if (m_report.ok)
            MetaTable::setValue(m_db, QStringLiteral("sync.last_success"),
                                     QDateTime::currentDateTime().toString(Qt::ISODate));
    }

    Database &m_db;
    const SyncEngine::Settings &m_s;
    const SyncEngine::Progress &m_progress;
    std::atomic_bool *m_cancel;
    HqClient m_client;
    SyncEngine::Report m_report;
    QString m_branch;
    int m_relogins = 0;
    qint64 m_cursor = 0;
    bool m_fullReload = false;
    bool m_fromNothing = false;
    int m_badChecksums = 0;
};

} // namespace

SyncEngine::Report SyncEngine::run(Database &db, const Settings &s, const Progress &progress, std::atomic_bool *cancel)
{
    return SyncRound(db, s, progress, cancel).run();
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
