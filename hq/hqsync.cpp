// HqDatabase's sync half (issue 15): need-to-know pulls, scopes and removals, and the check of
// each pushed record against the entity schema with identities taken from the session
// (hq/hqpush.cpp stores them).
#include "hqdatabase.h"

#include "pageencoder.h"
#include "domain/personaldatamask.h"
#include "domain/poolpolicy.h"
#include "domain/tierpolicy.h"
#include "protocol/entityschema.h"
#include "protocol/syncentities.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <optional>

namespace {

// The customer a record belongs to, in SQL over `record r`.
const char *const kCustomerOf = "(CASE WHEN r.entity = 'customer' THEN r.record_id ELSE r.payload->>'customer_no' END)";

// Who may pull a live record: '*' everyone, '!' nobody, '' managers only (the unassigned
// pool), '~' a pool customer that every RM pulls masked (the pool policy, $3), else the one
// RM whose customer it concerns (or who owns or captured it).
const char *const kScopeOf = "(CASE WHEN r.entity IN ('staff', 'campaign', 'event', 'policy', 'issued_list') THEN '*'"
                             " WHEN r.entity = 'audit' THEN '!'"
                             " WHEN r.entity = 'customer' AND coalesce(o.rm_id, '') = '' AND $3::boolean THEN '~'"
                             " WHEN r.entity = 'prospect' THEN coalesce(r.payload->>'owner_id', '')"
                             " WHEN r.entity = 'event_visitor' THEN coalesce(r.payload->>'captured_by', '')"
                             " ELSE coalesce(o.rm_id, '') END)";

// A PostgreSQL text[] literal.
QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (QString v : values) {
        v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted << QLatin1Char('"') + v + QLatin1Char('"');
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

QByteArray sql(std::initializer_list<const char *> parts)
{
    QByteArray out;
    for (const char *p : parts)
        out += p;
    return out;
}

// The policy document HQ issued the branch under `id`, or an empty array.
QByteArray issuedPolicy(PgConnection &db, const QString &branch, const char *id)
{
    const PgResult r = db.exec("SELECT payload->>'body' FROM record WHERE branch_id = $1 AND entity = 'policy'"
                               " AND record_id = $2 AND NOT deleted",
                               {branch, QString::fromLatin1(id)});
    return r.rows() == 1 && !r.isNull(0, 0) ? r.text(0, 0).toUtf8() : QByteArray();
}

PoolPolicy poolPolicy(PgConnection &db, const QString &branch)
{
    PoolPolicy p;
    QString error;
    const QByteArray body = issuedPolicy(db, branch, "pool");
    if (!body.isEmpty() && !PoolPolicy::fromJson(body, &p, &error))
        p = PoolPolicy(); // checked when issued; off if it cannot be read
    return p;
}

TierPolicy branchTierPolicy(PgConnection &db, const QString &branch)
{
    TierPolicy p = TierPolicy::defaultPolicy();
    QString error;
    const QByteArray body = issuedPolicy(db, branch, "tier");
    if (!body.isEmpty() && !TierPolicy::fromJson(body, &p, &error))
        p = TierPolicy::defaultPolicy();
    return p;
}

// The masked copy of a pool customer that an RM pulls (issue 15): the number, the name as
// PersonalDataMask masks it, no RM, `masked` = the tier's id when the policy shows it (else
// ""). Phone, ID number, address and every figure stay at HQ.
QByteArray maskedCustomer(QByteArrayView json, const PoolPolicy &pool, const TierPolicy &tiers)
{
    const QJsonObject full = QJsonDocument::fromJson(json.toByteArray()).object();
    QString tier = QStringLiteral(""); // text, never null: a null would store a full customer
    if (pool.showTier) {
        // The figures the desktop would tier on, read as BranchRepository reads them.
        Customer c;
        c.aumFen = full.value(QLatin1String("aum_fen")).toInteger();
        c.aumMtdAvgFen = full.value(QLatin1String("aum_mtd_avg_fen")).toInteger();
        const QStringList hist = full.value(QLatin1String("aum_hist")).toString().split(QLatin1Char(','));
        for (int i = 0; i < hist.size() && i < Customer::kHistoryMonths; ++i)
            c.aumHistoryFen[size_t(i)] = hist.at(i).toLongLong();
        tier = tiers.tier(tiers.tierOf(c)).id;
    }
    const QJsonObject masked{{QStringLiteral("customer_no"), full.value(QLatin1String("customer_no")).toString()},
                             {QStringLiteral("name"), PersonalDataMask::name(full.value(QLatin1String("name")).toString())},
                             {QStringLiteral("rm_id"), QStringLiteral("")},
                             {QStringLiteral("masked"), tier}};
    return QJsonDocument(masked).toJson(QJsonDocument::Compact);
}

// Nobody reassigned (issue 19: most pushes): only the records written without a scope get
// theirs, all newer than the branch's `scoped_through`, so nothing is removed or renumbered;
// one statement instead of temp tables under the branch's lock. Returns the records scoped.
qint64 scopeUnscoped(PgConnection &db, const QString &branch, const QString &pool)
{
    const qint64 changed = db.exec(sql({"WITH x AS (SELECT r.entity, r.record_id, ", kScopeOf, " AS new_scope FROM record r"
                   " LEFT JOIN customer_owner o ON o.branch_id = r.branch_id AND o.customer_no = ", kCustomerOf,
                   " WHERE r.branch_id = $1 AND r.scope IS NULL AND NOT r.deleted AND ($2::text IS NULL OR true)),"
                   " up AS (UPDATE record t SET scope = x.new_scope FROM x WHERE t.branch_id = $1"
                   "  AND t.entity = x.entity AND t.record_id = x.record_id RETURNING t.entity, t.record_id, t.scope),"
                   " del AS (DELETE FROM removal m USING up WHERE m.branch_id = $1 AND m.rm_id = up.scope"
                   "  AND m.entity = up.entity AND m.record_id = up.record_id RETURNING 1)"
                   " SELECT (SELECT count(*) FROM up), (SELECT count(*) FROM del)"})
                                           .constData(),
                                       {branch, QString(), pool}) // $2 unused: kScopeOf reads the pool flag as $3
                                 .int64(0, 0);
    db.exec("UPDATE branch SET scoped_through = last_seq WHERE branch_id = $1", {branch});
    return changed;
}

// customer_owner brought in line with the customers' (or the listed customers') RMs, by way
// of the temp table new_owner; `filter` is a text[] literal, null for the whole branch.
void refreshOwners(PgConnection &db, const QString &branch, const QString &filter)
{
    db.exec("CREATE TEMP TABLE new_owner ON COMMIT DROP AS"
            " SELECT c.record_id AS customer_no, coalesce(a.payload->>'rm_id', c.payload->>'rm_id', '') AS rm_id"
            " FROM record c LEFT JOIN record a ON a.branch_id = c.branch_id AND a.entity = 'assignment'"
            "  AND a.record_id = c.record_id AND NOT a.deleted"
            " WHERE c.branch_id = $1 AND c.entity = 'customer' AND NOT c.deleted"
            "  AND ($2::text[] IS NULL OR c.record_id = ANY($2::text[]))",
            {branch, filter});
    db.exec("DELETE FROM customer_owner o WHERE o.branch_id = $1 AND ($2::text[] IS NULL OR o.customer_no = ANY($2::text[]))"
            " AND NOT EXISTS (SELECT 1 FROM new_owner n WHERE n.customer_no = o.customer_no)",
            {branch, filter});
    db.exec("INSERT INTO customer_owner (branch_id, customer_no, rm_id) SELECT $1, customer_no, rm_id FROM new_owner"
            " ON CONFLICT (branch_id, customer_no) DO UPDATE SET rm_id = EXCLUDED.rm_id"
            " WHERE customer_owner.rm_id <> EXCLUDED.rm_id",
            {branch});
}

// The temp table rescoped: the records whose scope changes, with their old and new scope.
void findRescoped(PgConnection &db, const QString &branch, const QStringList *customers, const QString &filter,
                  const QString &pool)
{
    // Whole branch after an import; after a push only what it wrote (scope NULL) and the
    // customers it reassigned.
    // customers the import added to the pool while the policy sends it to RMs ('' -> '~').
    QByteArray which;
    if (customers)
        which = customers->isEmpty()
                    ? QByteArray(" AND (r.scope IS NULL OR (r.entity = 'customer' AND r.scope = '' AND $3::boolean))")
                    : sql({" AND (r.scope IS NULL OR (r.entity = 'customer' AND r.scope = '' AND $3::boolean) OR ",
                           kCustomerOf, " = ANY($2::text[]))"});
    db.exec(sql({"CREATE TEMP TABLE rescoped ON COMMIT DROP AS SELECT * FROM ("
                 " SELECT r.entity, r.record_id, r.seq, r.scope AS old_scope, ", kScopeOf, " AS new_scope"
                 " FROM record r LEFT JOIN customer_owner o ON o.branch_id = r.branch_id AND o.customer_no = ", kCustomerOf,
                 " WHERE r.branch_id = $1 AND NOT r.deleted AND ($2::text[] IS NULL OR true)", which.constData(),
                 ") x WHERE old_scope IS DISTINCT FROM new_scope"})
                .constData(),
            {branch, filter, pool});
}

// The RM who loses a record pulls its removal (rm_id '~': every RM drops a masked pool
// copy); dependents before the customer, numbered after `last`. Returns how many.
qint64 queueRemovals(PgConnection &db, const QString &branch, qint64 last)
{
    const qint64 removed =
        db.exec("WITH ins AS (INSERT INTO removal (branch_id, rm_id, seq, entity, record_id)"
                " SELECT $1, old_scope, $2::bigint + row_number() OVER (ORDER BY entity = 'customer', seq), entity, record_id"
                " FROM rescoped WHERE old_scope IS NOT NULL AND old_scope NOT IN ('*', '!', '') RETURNING 1)"
                " SELECT count(*) FROM ins",
                {branch, QString::number(last)})
            .int64(0, 0);
    db.exec("DELETE FROM removal m USING rescoped x WHERE m.branch_id = $1 AND m.rm_id = x.new_scope"
            " AND m.entity = x.entity AND m.record_id = x.record_id",
            {branch});
    return removed;
}

// Records the new RM could not have seen yet (after `through`) keep their number; older ones
// get a new one after `last` so the new RM's cursor reaches them (customer first). Returns how many.
qint64 renumberRescoped(PgConnection &db, const QString &branch, qint64 last, qint64 through)
{
    return db.exec("WITH up AS (UPDATE record r SET seq = $2::bigint + x.n, updated_at = now()"
                   " FROM (SELECT entity, record_id, row_number() OVER (ORDER BY entity <> 'customer', seq) AS n"
                   "       FROM rescoped WHERE new_scope NOT IN ('', '!', '*') AND seq <= $3::bigint) x"
                   " WHERE r.branch_id = $1 AND r.entity = x.entity AND r.record_id = x.record_id RETURNING 1)"
                   " SELECT count(*) FROM up",
                   {branch, QString::number(last), QString::number(through)})
        .int64(0, 0);
}

// The new scopes written; returns how many records changed.
qint64 writeScopes(PgConnection &db, const QString &branch)
{
    return db.exec("WITH up AS (UPDATE record r SET scope = x.new_scope FROM rescoped x"
                   " WHERE r.branch_id = $1 AND r.entity = x.entity AND r.record_id = x.record_id"
                   " RETURNING 1) SELECT count(*) FROM up",
                   {branch})
        .int64(0, 0);
}

} // namespace

const char *HqDatabase::scopeSql()
{
    return kScopeOf;
}

const char *HqDatabase::customerOfSql()
{
    return kCustomerOf;
}

int HqDatabase::rescope(const QString &branch, const QStringList &customers, bool inTransaction)
{
    return rescopeIn(branch, customers.isEmpty() ? nullptr : &customers, inTransaction);
}

int HqDatabase::rescopeImported(const QString &branch, const QStringList &moved)
{
    return rescopeIn(branch, &moved, true);
}

int HqDatabase::rescopeIn(const QString &branch, const QStringList *customers, bool inTransaction)
{
    std::optional<PgTransaction> tx;
    if (!inTransaction)
        tx.emplace(m_db);
    PgResult b = m_db.exec("SELECT last_seq, scoped_through FROM branch WHERE branch_id = $1 FOR UPDATE", {branch});
    if (b.rows() == 0)
        return 0;
    const qint64 last = b.int64(0, 0);
    const qint64 through = b.int64(0, 1);
    // The pool policy decides whether unassigned customers are '' (managers only) or '~'.
    const QString pool = poolPolicy(m_db, branch).rmSeesPool ? QStringLiteral("t") : QStringLiteral("f");
    if (customers && customers->isEmpty()) {
        const qint64 changed = scopeUnscoped(m_db, branch, pool);
        if (tx)
            tx->commit();
        return int(changed);
    }
    const QString filter = customers ? textArray(*customers) : QString(); // null: the whole branch
    m_db.exec("DROP TABLE IF EXISTS pg_temp.new_owner, pg_temp.rescoped");
    refreshOwners(m_db, branch, filter);
    findRescoped(m_db, branch, customers, filter, pool);
    const qint64 removed = queueRemovals(m_db, branch, last);
    const qint64 bumped = renumberRescoped(m_db, branch, last + removed, through);
    const qint64 changed = writeScopes(m_db, branch);
    m_db.exec("UPDATE branch SET last_seq = $2, scoped_through = $2 WHERE branch_id = $1",
              {branch, QString::number(last + removed + bumped)});
    m_db.exec("DROP TABLE IF EXISTS pg_temp.new_owner, pg_temp.rescoped");
    if (tx)
        tx->commit();
    return int(changed);
}

int HqDatabase::pruneTombstones(const QString &branch, int days)
{
    PgTransaction tx(m_db);
    m_db.exec("SELECT last_seq FROM branch WHERE branch_id = $1 FOR UPDATE", {branch});
    // The audit trail is never pruned (kept >= 6 months, Cybersecurity Law art. 21).
    PgResult r = m_db.exec("WITH gone AS (DELETE FROM record WHERE branch_id = $1 AND deleted AND entity <> 'audit'"
                           "   AND updated_at <= now() - make_interval(days => $2) RETURNING seq),"
                           " lost AS (DELETE FROM removal WHERE branch_id = $1 AND at <= now() - make_interval(days => $2)"
                           "   RETURNING seq),"
                           " both_ AS (SELECT seq FROM gone UNION ALL SELECT seq FROM lost)"
                           " SELECT count(*), coalesce(max(seq), 0) FROM both_",
                           {branch, QString::number(days)});
    const int dropped = int(r.int64(0, 0));
    if (dropped > 0)
        m_db.exec("UPDATE branch SET tombstone_floor = greatest(tombstone_floor, $2) WHERE branch_id = $1",
                  {branch, QString::number(r.int64(0, 1))});
    tx.commit();
    return dropped;
}

WireFormat::Page HqDatabase::pull(const Session &session, qint64 after, int limit, bool fullReload)
{
    WireFormat::Page page;
    page.after = after;
    const QString &branch = session.branch;
    PgResult b = m_db.exec("SELECT tombstone_floor, last_seq, scoped_through FROM branch WHERE branch_id = $1", {branch});
    if (!fullReload && b.rows() == 1 && after > 0 && after < b.int64(0, 0)) {
        page.fullResync = true;
        return page;
    }
    const bool manager = session.role == QLatin1String("manager");
    qint64 through = b.rows() == 1 ? b.int64(0, 2) : 0;
    if (!manager && b.rows() == 1 && through < b.int64(0, 1)) {
        rescope(branch); // an import wrote records nobody scoped yet
        through = m_db.exec("SELECT scoped_through FROM branch WHERE branch_id = $1", {branch}).int64(0, 0);
    }
    // The change counter's row lock makes writers of a branch commit in
    // sequence order, so everything at or below a visible seq is visible too.
    PgResult r = manager
                     ? m_db.exec("SELECT entity, record_id, seq, deleted, payload::text, false FROM record"
                                 " WHERE branch_id = $1 AND seq > $2 AND entity <> 'audit' ORDER BY seq LIMIT $3",
                                 {branch, QString::number(after), QString::number(limit + 1)})
                     // An RM: their customers' records, the branch-wide ones, the masked pool
                     // ('~', issue 15) and removals of what they lost or what left the pool;
                     // other devices' ids blanked.
                     : m_db.exec("SELECT entity, record_id, seq, deleted,"
                                 "  CASE WHEN payload ? 'device_id' AND origin <> $6"
                                 "       THEN (payload || '{\"device_id\": \"\"}')::text ELSE payload::text END, masked"
                                 " FROM ("
                                 "  (SELECT entity, record_id, seq, deleted, payload, origin, false AS masked FROM record"
                                 "    WHERE branch_id = $1 AND scope = $4 AND seq > $2 AND seq <= $5 ORDER BY seq LIMIT $3)"
                                 "  UNION ALL"
                                 "  (SELECT entity, record_id, seq, deleted, payload, origin, false FROM record WHERE branch_id = $1"
                                 "    AND scope = '*' AND seq > $2 AND seq <= $5 ORDER BY seq LIMIT $3)"
                                 "  UNION ALL"
                                 "  (SELECT entity, record_id, seq, deleted, payload, origin, true FROM record WHERE branch_id = $1"
                                 "    AND scope = '~' AND seq > $2 AND seq <= $5 ORDER BY seq LIMIT $3)"
                                 "  UNION ALL"
                                 "  (SELECT entity, record_id, seq, true, NULL::jsonb, '', false FROM removal WHERE branch_id = $1"
                                 "    AND rm_id = $4 AND seq > $2 AND seq <= $5 ORDER BY seq LIMIT $3)"
                                 "  UNION ALL"
                                 "  (SELECT entity, record_id, seq, true, NULL::jsonb, '', false FROM removal WHERE branch_id = $1"
                                 "    AND rm_id = '~' AND seq > $2 AND seq <= $5 ORDER BY seq LIMIT $3)"
                                 " ) u ORDER BY seq LIMIT $3",
                                 {branch, QString::number(after), QString::number(limit + 1), session.staffId,
                                  QString::number(through), session.deviceId});
    // Written straight from the jsonb text (PageEncoder), the bytes encodeRecords wrote.
    const int n = qMin(r.rows(), limit);
    PageEncoder encoder(n);
    std::optional<std::pair<PoolPolicy, TierPolicy>> pool; // read once, if the page has pool rows
    QByteArray masked;
    for (int i = 0; i < n; ++i) {
        const bool deleted = r.boolean(i, 3);
        std::optional<QByteArrayView> payload;
        if (!deleted && !r.isNull(i, 4))
            payload = r.view(i, 4);
        if (payload && r.boolean(i, 5)) {
            // Masked here, at HQ: the clear values never leave it (issue 15).
            if (!pool)
                pool.emplace(poolPolicy(m_db, branch), branchTierPolicy(m_db, branch));
            masked = maskedCustomer(*payload, pool->first, pool->second);
            payload = QByteArrayView(masked);
        }
        encoder.add(r.view(i, 0), r.view(i, 1), r.int64(i, 2), deleted, payload);
    }
    page.hasMore = r.rows() > limit;
    page.next = n == 0 ? after : r.int64(n - 1, 2);
    // Everything an RM may see up to the scoped mark has been sent: the cursor moves there.
    if (!manager && !page.hasMore)
        page.next = qMax(page.next, through);
    page.records = encoder.finish();
    page.checksum = WireFormat::checksum(page.records);
    return page;
}

bool HqDatabase::checkRecord(const Session &s, const SyncRecord &rec, QJsonObject *payload, QString *reason)
{
    const SyncEntities::Entity *entity = SyncEntities::find(rec.entity);
    if (!entity || !EntitySchema::validId(rec.id)) {
        *reason = entity ? QStringLiteral("bad record id") : QStringLiteral("unknown entity");
        return false;
    }
    const EntitySchema::Identity who = EntitySchema::identity(rec.entity);
    if (rec.entity == QLatin1String("audit")) {
        // Hash-chained, so not rewritten: only this session's device's own entries.
        if (rec.deleted || payload->value(QStringLiteral("device_id")).toString() != s.deviceId) {
            *reason = QStringLiteral("audit entries are accepted only from the device that made them");
            return false;
        }
    } else if (!rec.deleted) {
        // Who and where come from the session, never from the payload (issue 15).
        if (!who.staffColumn.isEmpty())
            payload->insert(who.staffColumn, s.staffId);
        if (!who.deviceColumn.isEmpty())
            payload->insert(who.deviceColumn, s.deviceId);
    }
    if (!rec.deleted && !EntitySchema::validate(rec.entity, rec.id, *payload, reason))
        return false;
    if (rec.deleted && entity->rule == SyncEntities::Rule::AppendOnly) {
        *reason = QStringLiteral("append-only records are never deleted");
        return false;
    }
    if (who.authorOnly) {
        PgResult ex = m_db.exec("SELECT payload->>$4 FROM record WHERE branch_id = $1 AND entity = $2 AND record_id = $3"
                                " AND NOT deleted",
                                {s.branch, rec.entity, rec.id, who.staffColumn});
        if (ex.rows() == 1 && ex.text(0, 0) != s.staffId) {
            *reason = QStringLiteral("only the record's author may change it");
            return false;
        }
    }
    return true;
}
