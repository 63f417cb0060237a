#include "schemamigrations.h"

#include "database.h"
#include "domain/customercolumns.h"
#include "protocol/schemaversion.h"
#include "statement.h"
#include "storeerror.h"
#include "transaction.h"

#include <algorithm>
#include <iterator>
#include <span>

namespace {

// Version 1: the branch's master data as HQ sends it. Money is integer fen,
// dates ISO YYYY-MM-DD, ids from HQ are text.
const char *const kV1[] = {
    R"(CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ))",
    R"(CREATE TABLE branch (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL
    ))",
    R"(CREATE TABLE staff (
        staff_id TEXT PRIMARY KEY,
        name     TEXT NOT NULL,
        role     TEXT NOT NULL CHECK (role IN ('rm', 'manager'))
    ))",
};

// The customer table (CustomerColumns::createTable(), the columns registered with since = 1)
// comes between kV1 and kV1Tail.
const char *const kV1Tail[] = {
    R"(CREATE TABLE holding (
        holding_id    TEXT PRIMARY KEY,
        customer_no   TEXT NOT NULL,
        -- OR chains, not IN (...): SQLite 3.15 builds a temporary table per row for an IN list
        -- of more than two values, which cost a third of a 300k-row bulk insert.
        product_type  TEXT NOT NULL CHECK (product_type = 'demand_deposit' OR product_type = 'time_deposit'
                      OR product_type = 'wealth' OR product_type = 'fund' OR product_type = 'insurance'
                      OR product_type = 'precious_metal'),
        product_name  TEXT NOT NULL,
        amount_fen    INTEGER NOT NULL,
        open_date     TEXT,
        maturity_date TEXT,
        status        TEXT NOT NULL DEFAULT 'active' CHECK (status = 'active' OR status = 'matured' OR status = 'closed')
    ))",
    "CREATE INDEX holding_customer ON holding (customer_no)",
    "CREATE INDEX holding_maturity ON holding (maturity_date)",
    "CREATE INDEX customer_rm ON customer (rm_id)",
};

// Version 2: what desktops own and sync up (contacts, notes), the outbox that
// carries them to HQ, and the sync log the user can read.
const char *const kV2[] = {
    R"(CREATE TABLE contact (
        contact_id     TEXT PRIMARY KEY,   -- UUID made by the desktop that logged it
        customer_no    TEXT NOT NULL,
        staff_id       TEXT NOT NULL,
        channel        TEXT NOT NULL,
        outcome        TEXT NOT NULL,
        contacted_at   TEXT NOT NULL,      -- ISO date-time with offset
        note           TEXT NOT NULL DEFAULT '',
        next_step_date TEXT,
        holding_id     TEXT,               -- the maturing product a 731 contact is about
        supersedes     TEXT,               -- contact_id this record corrects (never edited in place)
        device_id      TEXT NOT NULL,
        created_at     TEXT NOT NULL
    ))",
    "CREATE INDEX contact_customer ON contact (customer_no, contacted_at)",
    R"(CREATE TABLE note (
        note_id     TEXT PRIMARY KEY,
        customer_no TEXT NOT NULL,
        body        TEXT NOT NULL,
        author_id   TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        device_id   TEXT NOT NULL
    ))",
    "CREATE INDEX note_customer ON note (customer_no)",
    // Superseded note texts stay visible in the customer's history.
    R"(CREATE TABLE note_history (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        note_id     TEXT NOT NULL,
        body        TEXT NOT NULL,
        author_id   TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        reason      TEXT NOT NULL
    ))",
    // seq is this device's push sequence: it only grows, even across deletes.
    R"(CREATE TABLE outbox (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        entity     TEXT NOT NULL,
        record_id  TEXT NOT NULL,
        op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        customer_no TEXT,                 -- so a customer HQ removes is purged only once sent
        payload    TEXT NOT NULL,
        created_at TEXT NOT NULL
    ))",
    R"(CREATE TABLE sync_log (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        at        TEXT NOT NULL,
        kind      TEXT NOT NULL,
        entity    TEXT,
        record_id TEXT,
        rule      TEXT,
        base      TEXT,
        theirs    TEXT,
        yours     TEXT,
        message   TEXT NOT NULL DEFAULT ''
    ))",
    // Customers HQ removed while this desktop still had unsent changes for them.
    R"(CREATE TABLE pending_purge (
        entity    TEXT NOT NULL,
        record_id TEXT NOT NULL,
        seq       INTEGER NOT NULL,
        PRIMARY KEY (entity, record_id)
    ))",
};

// Version 3: campaign lists frozen from the threshold, low-efficiency and
// quadrant lists, with each member's baseline, and the policy documents a
// manager edited (value-score weights, bands). Members keep the customer
// number, not a foreign key: a customer HQ removes stays counted as gone.
const char *const kV3[] = {
    R"(CREATE TABLE campaign_list (
        list_id    INTEGER PRIMARY KEY AUTOINCREMENT,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('threshold', 'low_efficiency', 'quadrant', 'selection')),
        criteria   TEXT NOT NULL DEFAULT '',
        frozen_on  TEXT NOT NULL,
        created_at TEXT NOT NULL
    ))",
    R"(CREATE TABLE campaign_member (
        list_id       INTEGER NOT NULL REFERENCES campaign_list (list_id) ON DELETE CASCADE,
        customer_no   TEXT NOT NULL,
        baseline_fen  INTEGER NOT NULL,
        baseline_tier TEXT NOT NULL,
        target_tier   TEXT NOT NULL,
        reason        TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (list_id, customer_no)
    ))",
    R"(CREATE TABLE policy_document (
        name       TEXT PRIMARY KEY,
        body       TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ))",
};

// Version 4: cadences (731, 4+1) and community events. Steps are derived from
// holdings, lists and contacts; only what cannot be derived is stored: step
// reschedules, the day a plan first entered its list, maturity outcomes the
// RM marks, events with their visitors, and prospects. All append-only or
// earliest-wins, all synced through the outbox.
const char *const kV4[] = {
    R"(CREATE TABLE step_override (
        override_id TEXT PRIMARY KEY,      -- UUID
        plan_key    TEXT NOT NULL,         -- "731:<holding id>" or "4+1:<customer no>:<cycle start>"
        step_index  INTEGER NOT NULL,
        due_date    TEXT NOT NULL,
        reason      TEXT NOT NULL,
        staff_id    TEXT NOT NULL,
        customer_no TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        created_at  TEXT NOT NULL
    ))",
    "CREATE INDEX step_override_plan ON step_override (plan_key, step_index)",
    R"(CREATE TABLE cadence_enrolment (
        enrolment_key TEXT PRIMARY KEY,    -- "731:<holding id>" or "4+1:<customer no>"
        customer_no   TEXT NOT NULL,
        entered_on    TEXT NOT NULL,       -- earliest date any desktop saw it on its list
        device_id     TEXT NOT NULL
    ))",
    R"(CREATE TABLE maturity_outcome (
        outcome_id  TEXT PRIMARY KEY,
        holding_id  TEXT NOT NULL,
        customer_no TEXT NOT NULL,
        outcome     TEXT NOT NULL CHECK (outcome IN ('renewed', 'reinvested', 'partly_kept', 'withdrawn')),
        kept_fen    INTEGER NOT NULL DEFAULT 0,
        note        TEXT NOT NULL DEFAULT '',
        staff_id    TEXT NOT NULL,
        supersedes  TEXT,
        device_id   TEXT NOT NULL,
        marked_at   TEXT NOT NULL
    ))",
    "CREATE INDEX maturity_outcome_holding ON maturity_outcome (holding_id)",
    R"(CREATE TABLE community_event (
        event_id   TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        held_on    TEXT NOT NULL,
        place      TEXT NOT NULL DEFAULT '',
        campaign   TEXT NOT NULL DEFAULT '',
        created_by TEXT NOT NULL,
        device_id  TEXT NOT NULL,
        created_at TEXT NOT NULL
    ))",
    R"(CREATE TABLE event_visitor (
        visitor_id  TEXT PRIMARY KEY,
        event_id    TEXT NOT NULL,
        name        TEXT NOT NULL DEFAULT '',
        phone       TEXT,                  -- NULL for a non-customer who did not consent (PIPL)
        interest    TEXT NOT NULL DEFAULT '',
        consent     INTEGER NOT NULL DEFAULT 0,
        customer_no TEXT,
        contact_id  TEXT,
        prospect_id TEXT,
        captured_by TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        captured_at TEXT NOT NULL
    ))",
    "CREATE INDEX event_visitor_event ON event_visitor (event_id)",
    R"(CREATE TABLE prospect (
        prospect_id     TEXT PRIMARY KEY,
        name            TEXT NOT NULL DEFAULT '',
        phone           TEXT NOT NULL,
        interest        TEXT NOT NULL DEFAULT '',
        owner_id        TEXT NOT NULL,
        source_event_id TEXT,
        consent         INTEGER NOT NULL DEFAULT 1,
        device_id       TEXT NOT NULL,
        created_at      TEXT NOT NULL
    ))",
};

// Version 5: the audit trail. Each entry carries the SHA-256 of the previous
// entry's hash and its own fields, so editing or deleting one breaks the chain.
const char *const kV5[] = {
    R"(CREATE TABLE audit_log (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_id  TEXT NOT NULL UNIQUE,   -- UUID, the sync id
        at        TEXT NOT NULL,          -- ISO date-time with offset
        staff_id  TEXT NOT NULL,
        event     TEXT NOT NULL,          -- sign_in, unlock_failed, reveal, export, print, assignment, policy_change
        subject   TEXT NOT NULL DEFAULT '',
        detail    TEXT NOT NULL DEFAULT '',
        device_id TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash      TEXT NOT NULL
    ))",
};

// Version 6: the branch manager's desk. An assignment gives a customer to an
// RM (empty rm_id: back to the unassigned pool); it overrides HQ's rm_id and
// syncs, last writer wins at HQ. A campaign carries its dates and targets
// (entered by the manager or sent by HQ) and is linked to the local frozen lists.
const char *const kV6[] = {
    R"(CREATE TABLE assignment (
        customer_no TEXT PRIMARY KEY,
        rm_id       TEXT NOT NULL DEFAULT '',
        assigned_by TEXT NOT NULL,
        assigned_at TEXT NOT NULL,         -- ISO date-time with offset
        device_id   TEXT NOT NULL
    ))",
    R"(CREATE TABLE campaign (
        campaign_id TEXT PRIMARY KEY,      -- UUID, or HQ's id
        name        TEXT NOT NULL,
        starts_on   TEXT NOT NULL,
        ends_on     TEXT NOT NULL,
        targets     TEXT NOT NULL DEFAULT '', -- JSON: metric key -> target in per mille
        updated_by  TEXT NOT NULL DEFAULT '',
        updated_at  TEXT NOT NULL,
        device_id   TEXT NOT NULL DEFAULT ''
    ))",
    R"(CREATE TABLE campaign_list_link (
        campaign_id TEXT NOT NULL,
        list_id     INTEGER NOT NULL REFERENCES campaign_list (list_id) ON DELETE CASCADE,
        PRIMARY KEY (campaign_id, list_id)
    ))",
};

// Version 7 (issue 17): work as issued. Do-not-contact flags (拒绝营销,
// append-only, the latest record per customer wins), lists issued to RMs with
// their per-RM shares (the latest issue of a list wins), and an RM's capacity
// lowered for a day (local to the desk). Self-contained: renumber freely.
const char *const kV7[] = {
    R"(CREATE TABLE do_not_contact (
        record_id   TEXT PRIMARY KEY,      -- UUID made by the desktop
        customer_no TEXT NOT NULL,
        active      INTEGER NOT NULL DEFAULT 1,
        since       TEXT NOT NULL,         -- ISO date
        source      TEXT NOT NULL DEFAULT '',
        note        TEXT NOT NULL DEFAULT '',
        staff_id    TEXT NOT NULL DEFAULT '',
        device_id   TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL          -- ISO date-time with offset
    ))",
    R"(CREATE INDEX do_not_contact_customer ON do_not_contact (customer_no))",
    R"(CREATE TABLE issued_list (
        list_id     TEXT PRIMARY KEY,      -- UUID, or HQ's id
        name        TEXT NOT NULL,
        kind        TEXT NOT NULL DEFAULT '',
        campaign_id TEXT NOT NULL DEFAULT '',
        frozen_on   TEXT NOT NULL DEFAULT '',
        issued_at   TEXT NOT NULL,
        issued_by   TEXT NOT NULL DEFAULT '',
        withdrawn   INTEGER NOT NULL DEFAULT 0,
        device_id   TEXT NOT NULL DEFAULT ''
    ))",
    R"(CREATE TABLE issued_share (
        share_id    TEXT PRIMARY KEY,      -- "<list id>:<customer no>"
        list_id     TEXT NOT NULL,
        customer_no TEXT NOT NULL,
        rm_id       TEXT NOT NULL DEFAULT '',
        device_id   TEXT NOT NULL DEFAULT ''
    ))",
    R"(CREATE INDEX issued_share_list ON issued_share (list_id))",
    R"(CREATE TABLE day_capacity (
        staff_id    TEXT NOT NULL,
        day         TEXT NOT NULL,         -- ISO date
        capacity    INTEGER NOT NULL,
        PRIMARY KEY (staff_id, day)
    ))",
};

// Version 8 (issue 18): policies and holiday calendars as HQ issues them, one row per
// document ("tier", "value", "cadence", "calendar-2027"), versioned, synced from HQ.
const char *const kV8[] = {
    R"(CREATE TABLE hq_policy (
        policy_id   TEXT PRIMARY KEY,      -- kind, or "calendar-<year>"
        kind        TEXT NOT NULL,         -- tier, value, cadence, calendar
        version     INTEGER NOT NULL,
        body        TEXT NOT NULL,         -- the document as HQ checked it
        issued_at   TEXT NOT NULL,
        local_edits INTEGER NOT NULL DEFAULT 0 -- 1: the branch manager may adjust it locally
    ))",
};

// Version 9 (issue 15): audit entries keyed by HQ. Entry n of key `key_id` carries
// HMAC(k[n], key_id | n | hash); the desktop keeps only the next key (AuditKey).
const char *const kV9[] = {
    "ALTER TABLE audit_log ADD COLUMN key_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE audit_log ADD COLUMN n INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE audit_log ADD COLUMN mac TEXT NOT NULL DEFAULT ''",
};

// Version 10 (issue 15): the unassigned pool as an RM receives it when HQ's pool policy
// allows, masked at HQ. NULL for a customer in full; for a masked copy the tier's id when
// the policy shows it, else ''. Such a row has no phone, ID number, address or figures.
// The column is registered in domain/customercolumns.h (since = 10).

// One entry per step, in order; a new step goes here and bumps kSchemaVersion. A step's
// SQL is frozen once released; after it come the customer columns registered with its
// number (CustomerColumns::addedIn), so a step that only adds a customer column is {}.
struct Step
{
    std::span<const char *const> sql;
};
const Step kSteps[] = {{kV1}, {kV2}, {kV3}, {kV4}, {kV5}, {kV6}, {kV7}, {kV8}, {kV9},
                       {} /* 10: customer.masked */, {} /* 11: customer.preferred_channel */};
static_assert(std::size(kSteps) == static_cast<std::size_t>(kSchemaVersion),
              "protocol/schemaversion.h's kSchemaVersion must equal the number of migration steps");
static_assert(CustomerColumns::latestSince() <= kSchemaVersion,
              "a customer column is registered for a schema version that has no migration step");

} // namespace

int SchemaMigrations::latestVersion()
{
    return kSchemaVersion;
}

QStringList SchemaMigrations::step(int version)
{
    QStringList sql;
    if (version < 1 || version > kSchemaVersion)
        return sql;
    for (const char *s : kSteps[version - 1].sql)
        sql << QString::fromUtf8(s);
    if (version == 1) {
        sql << CustomerColumns::createTable();
        for (const char *s : kV1Tail)
            sql << QString::fromUtf8(s);
    }
    return sql + CustomerColumns::addedIn(version);
}

int SchemaMigrations::currentVersion(Database &db)
{
    Statement st(db, QStringLiteral("PRAGMA user_version"));
    return st.step() ? st.integer(0) : 0;
}

int SchemaMigrations::migrate(Database &db)
{
    return migrate(db, latestVersion());
}

int SchemaMigrations::migrate(Database &db, int version)
{
    const int from = currentVersion(db);
    if (from > latestVersion()) {
        throw StoreError(QStringLiteral("The store has schema version %1; this build knows up to %2. "
                                        "Install a newer BranchDesk.")
                             .arg(from)
                             .arg(latestVersion()));
    }
    int applied = 0;
    for (int v = from + 1; v <= std::min(version, latestVersion()); ++v) {
        Transaction tx(db);
        for (const QString &sql : step(v))
            db.exec(sql);
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(v));
        tx.commit();
        ++applied;
    }
    return applied;
}
