#include "schemamigrations.h"

#include "database.h"
#include "statement.h"
#include "storeerror.h"
#include "transaction.h"

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
    R"(CREATE TABLE customer (
        customer_no         TEXT PRIMARY KEY,
        name                TEXT NOT NULL,
        gender              TEXT CHECK (gender IN ('M', 'F')),
        birth_date          TEXT,
        phone               TEXT,
        id_number           TEXT,
        address             TEXT,
        occupation          TEXT,
        employer            TEXT,
        payroll             INTEGER NOT NULL DEFAULT 0,
        credit_card_active  INTEGER NOT NULL DEFAULT 0,
        loan_start_date     TEXT,
        corporate_executive INTEGER NOT NULL DEFAULT 0,
        mb_logins_90d       INTEGER NOT NULL DEFAULT 0,
        txn_90d             INTEGER NOT NULL DEFAULT 0,
        last_activity       TEXT,
        opened_on           TEXT,
        rm_id               TEXT REFERENCES staff (staff_id),
        aum_fen             INTEGER NOT NULL DEFAULT 0,
        aum_mtd_avg_fen     INTEGER NOT NULL DEFAULT 0,
        aum_hist_end        TEXT,
        aum_hist            TEXT NOT NULL DEFAULT '',
        contribution_fen    INTEGER NOT NULL DEFAULT 0,
        settlement_products INTEGER NOT NULL DEFAULT 0,
        service_events_12m  INTEGER NOT NULL DEFAULT 0,
        referral_links      INTEGER NOT NULL DEFAULT 0
    ))",
    R"(CREATE TABLE holding (
        holding_id    TEXT PRIMARY KEY,
        customer_no   TEXT NOT NULL REFERENCES customer (customer_no) ON DELETE CASCADE,
        product_type  TEXT NOT NULL CHECK (product_type IN
                      ('demand_deposit', 'time_deposit', 'wealth', 'fund', 'insurance', 'precious_metal')),
        product_name  TEXT NOT NULL,
        amount_fen    INTEGER NOT NULL,
        open_date     TEXT,
        maturity_date TEXT,
        status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'matured', 'closed'))
    ))",
    "CREATE INDEX holding_customer ON holding (customer_no)",
    "CREATE INDEX holding_maturity ON holding (maturity_date)",
    "CREATE INDEX customer_rm ON customer (rm_id)",
};

} // namespace

int SchemaMigrations::latestVersion()
{
    return 1;
}

QStringList SchemaMigrations::step(int version)
{
    QStringList sql;
    if (version == 1) {
        for (const char *s : kV1)
            sql << QString::fromUtf8(s);
    }
    return sql;
}

int SchemaMigrations::currentVersion(Database &db)
{
    Statement st(db, QStringLiteral("PRAGMA user_version"));
    return st.step() ? st.integer(0) : 0;
}

int SchemaMigrations::migrate(Database &db)
{
    const int from = currentVersion(db);
    if (from > latestVersion()) {
        throw StoreError(QStringLiteral("The store has schema version %1; this build knows up to %2. "
                                        "Install a newer BranchDesk.")
                             .arg(from)
                             .arg(latestVersion()));
    }
    int applied = 0;
    for (int v = from + 1; v <= latestVersion(); ++v) {
        Transaction tx(db);
        for (const QString &sql : step(v))
            db.exec(sql);
        db.exec(QStringLiteral("PRAGMA user_version = %1").arg(v));
        tx.commit();
        ++applied;
    }
    return applied;
}
