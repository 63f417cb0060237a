// HqDatabase's push half (issues 15 and 19). Everything that decides what a push stores (its
// device sequences, the entity schema, who wrote a note, the audit chain, whether the content
// is new) runs before the branch's counter lock; under the lock one statement numbers the
// records that are still new, writes them with their scope and moves the counter. A push with
// nothing new never takes the lock.
#include "hqdatabase.h"

#include "auditchain.h"
#include "protocol/syncentities.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString keyOf(const QString &entity, const QString &id)
{
    return entity + QLatin1Char('\x1f') + id;
}

// What makes a whole batch unacceptable, before anything is stored; empty when nothing does.
QString batchRejection(const HqDatabase::Session &session, const WireFormat::PushBatch &batch)
{
    // The device is the session's: a batch naming another is someone else's (issue 15).
    if (batch.deviceId != session.deviceId)
        return QStringLiteral("the batch names another device than the one signed in");
    for (const SyncRecord &rec : batch.records) {
        // Desktops never write HQ's master data.
        const SyncEntities::Entity *known = SyncEntities::find(rec.entity);
        if (known && known->owner == SyncEntities::Owner::Hq)
            return QStringLiteral("a desktop may not write HQ's master data");
        // The branch manager owns assignments and campaign targets (issue 6) and the lists
        // issued to RMs with their shares (issue 17): SyncEntities' Writers::Manager.
        if (known && known->writers == SyncEntities::Writers::Manager && session.role != QLatin1String("manager"))
            return QStringLiteral("only a branch manager may write assignments, campaigns and issued lists");
        if (rec.seq <= 0)
            return QStringLiteral("a record has no device sequence");
    }
    return {};
}

// The pushed records a PostgreSQL statement reads with jsonb_to_recordset.
QString jsonRows(const QJsonArray &rows)
{
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

// The device sequences of `batch` HQ has seen, and the stored versions of its records, in
// two reads.
void readPushState(PgConnection &db, const HqDatabase::Session &session, const WireFormat::PushBatch &batch,
                   QHash<qint64, QString> *seen, QHash<QString, std::pair<QString, bool>> *stored)
{
    QStringList seqs;
    QJsonArray keys;
    for (const SyncRecord &rec : batch.records) {
        seqs << QString::number(rec.seq);
        keys.append(QJsonObject{{QStringLiteral("e"), rec.entity}, {QStringLiteral("i"), rec.id}});
    }
    PgResult dp = db.exec("SELECT device_seq, entity, record_id FROM device_push"
                          " WHERE branch_id = $1 AND device_id = $2 AND device_seq = ANY($3::bigint[])",
                          {session.branch, session.deviceId, QLatin1Char('{') + seqs.join(QLatin1Char(',')) + QLatin1Char('}')});
    for (int i = 0; i < dp.rows(); ++i)
        seen->insert(dp.int64(i, 0), keyOf(dp.text(i, 1), dp.text(i, 2)));
    PgResult ex = db.exec("SELECT r.entity, r.record_id, r.digest, r.deleted FROM record r"
                          " JOIN (SELECT DISTINCT e, i FROM jsonb_to_recordset($2::jsonb) AS x(e text, i text)) x"
                          "  ON r.branch_id = $1 AND r.entity = x.e AND r.record_id = x.i",
                          {session.branch, jsonRows(keys)});
    for (int i = 0; i < ex.rows(); ++i)
        stored->insert(keyOf(ex.text(i, 0), ex.text(i, 1)), {ex.text(i, 2), ex.boolean(i, 3)});
}

enum class AuditOutcome { Store, Duplicate, Refused };

// Issue 15: an audit entry HQ took is never rewritten; a new one must continue its device's
// keyed chain (AuditChain). Gaps and breaks are stored and reported.
AuditOutcome admitAudit(HqDatabase &store, PgConnection &db, const HqDatabase::Session &session, const SyncRecord &rec,
                        const QJsonObject &payload, const std::pair<QString, bool> *existing, const QString &digest,
                        WireFormat::PushResult *out)
{
    QString detail;
    AuditChain::Verdict v = AuditChain::Verdict::Rewrite;
    if (existing && existing->first == digest)
        return AuditOutcome::Duplicate;
    if (existing)
        detail = QStringLiteral("an acknowledged entry was sent again changed");
    else
        v = AuditChain(db).admit(session.branch, session.deviceId, payload, &detail);
    if (v != AuditChain::Verdict::Ok)
        store.event(session.branch, AuditChain::verdictName(v), session.staffId, session.deviceId, detail);
    if (v == AuditChain::Verdict::Rewrite || v == AuditChain::Verdict::UnknownKey) {
        out->refused.push_back({rec.seq, QStringLiteral("audit entry refused: ") + detail});
        return AuditOutcome::Refused;
    }
    return AuditOutcome::Store;
}

} // namespace

// Phase 1 of a push, without the branch's lock: what the batch holds that is new. Fills
// `plan` (records to store, in push order, one per record id: the batch's last version)
// and `claims` (device sequences to record), and `out`'s duplicates and refusals.
HqDatabase::PushStatus HqDatabase::planPush(const Session &session, const WireFormat::PushBatch &batch, PushPlan *plan,
                                      WireFormat::PushResult *out)
{
    QHash<qint64, QString> seen;                     // device sequence -> entity and id
    QHash<QString, std::pair<QString, bool>> stored; // entity and id -> digest, deleted
    readPushState(m_db, session, batch, &seen, &stored);
    QHash<QString, qsizetype> planned; // entity and id -> index in plan->writes
    for (const SyncRecord &rec : batch.records) {
        const QString key = keyOf(rec.entity, rec.id);
        const auto was = seen.constFind(rec.seq);
        out->ackedThrough = qMax(out->ackedThrough, rec.seq);
        if (was != seen.cend()) {
            if (*was != key)
                return PushStatus::DeviceSequenceReused; // the transaction rolls back
            ++out->duplicates;
            continue;
        }
        QJsonObject payload = rec.payload;
        QString reason;
        if (!checkRecord(session, rec, &payload, &reason)) {
            out->refused.push_back({rec.seq, reason});
            continue; // acknowledged, not stored; the device learns why
        }
        seen.insert(rec.seq, key);
        plan->claims.append(QJsonObject{{QStringLiteral("s"), QString::number(rec.seq)}, {QStringLiteral("e"), rec.entity},
                                        {QStringLiteral("i"), rec.id}});
        const SyncEntities::Entity *entity = SyncEntities::find(rec.entity);
        const bool audit = rec.entity == QLatin1String("audit");
        const bool appendOnly = audit || (entity && entity->rule == SyncEntities::Rule::AppendOnly);
        const QString text = payloadText(payload);
        const QString digest = sha256Hex(text.toUtf8());
        const auto existing = stored.constFind(key);
        if (audit) {
            const AuditOutcome a = admitAudit(*this, m_db, session, rec, payload,
                                              existing == stored.cend() ? nullptr : &*existing, digest, out);
            if (a == AuditOutcome::Duplicate)
                ++out->duplicates;
            if (a != AuditOutcome::Store)
                continue;
        }
        bool write = existing == stored.cend();
        if (!write && !appendOnly) // a contact never changes once stored
            write = existing->first != digest || existing->second != rec.deleted;
        if (!write) {
            ++out->duplicates;
            continue;
        }
        stored.insert(key, {digest, rec.deleted});
        // A record written twice in one batch is stored once, at its last version's place.
        if (const auto again = planned.constFind(key); again != planned.cend()) {
            plan->writes[*again] = QJsonValue();
            ++plan->superseded;
        }
        planned.insert(key, plan->writes.size());
        plan->writes.append(QJsonObject{{QStringLiteral("n"), int(plan->writes.size())}, {QStringLiteral("e"), rec.entity},
                                        {QStringLiteral("i"), rec.id}, {QStringLiteral("d"), rec.deleted},
                                        {QStringLiteral("h"), digest},
                                        {QStringLiteral("p"), rec.deleted ? QJsonValue() : QJsonValue(text)},
                                        {QStringLiteral("a"), appendOnly}});
        if (rec.entity == QLatin1String("assignment") && !plan->reassigned.contains(rec.id))
            plan->reassigned << rec.id;
    }
    // Drop the versions a later one in the batch replaced.
    QJsonArray writes;
    for (const QJsonValue &w : std::as_const(plan->writes)) {
        if (w.isObject())
            writes.append(w);
    }
    plan->writes = writes;
    return PushStatus::Ok;
}

// Phase 2, under the branch's counter lock: the records that are still new get the next
// sequence numbers, gap-free, in push order, and (when nobody was reassigned) their scope.
// A push that reassigns nobody sends the lock, the write and the COMMIT in one round trip, so
// the lock is held for PostgreSQL's own work and the commit's flush, never while hq's thread
// waits for a CPU. Commits the transaction. Returns how many records were stored.
int HqDatabase::storePlanned(const Session &session, const PushPlan &plan, PgTransaction &tx)
{
    const QByteArray branch = m_db.literal(session.branch);
    // The records it writes are all newer than `scoped_through`, so nothing is removed or
    // renumbered: the scope is written with them, when the branch was scoped before (else
    // rescope does the branch below). One that reassigns leaves the scope NULL for rescopeIn.
    // A tombstone keeps its scope, so whoever had the record pulls its deletion. The pool
    // flag of the scope rule concerns customers only, which are never pushed.
    const QByteArray scopeHere = plan.reassigned.isEmpty() ? "(SELECT scoped FROM b)" : "false";
    QByteArray scope = scopeSql();
    scope.replace("$3::boolean", "false");
    QByteArray sql;
    // The lock first, in its own statement: the next one's snapshot then holds every write
    // committed by the branch's writers before this one.
    sql += "SELECT 1 FROM branch WHERE branch_id = " + branch + " FOR UPDATE;\n";
    sql += "WITH b AS (SELECT last_seq, scoped_through = last_seq AS scoped FROM branch WHERE branch_id = " + branch + "),"
           " inc AS (SELECT * FROM jsonb_to_recordset(" + m_db.literal(jsonRows(plan.writes)) + "::jsonb)"
           "   AS x(n int, e text, i text, d boolean, h text, p text, a boolean)),"
           " todo AS (SELECT inc.e AS entity, inc.i AS record_id, inc.d AS deleted, inc.h AS digest, inc.p::jsonb AS payload,"
           "   (SELECT last_seq FROM b) + row_number() OVER (ORDER BY inc.n) AS seq FROM inc"
           "   LEFT JOIN record s ON s.branch_id = " + branch + " AND s.entity = inc.e AND s.record_id = inc.i"
           "   WHERE s.record_id IS NULL OR (NOT inc.a AND (s.digest <> inc.h OR s.deleted <> inc.d))),"
           " ins AS (INSERT INTO record AS t (branch_id, entity, record_id, seq, deleted, digest, payload, origin, scope)"
           "   SELECT " + branch + ", r.entity, r.record_id, r.seq, r.deleted, r.digest, r.payload, "
           + m_db.literal(session.deviceId) + ", CASE WHEN r.deleted OR NOT " + scopeHere + " THEN NULL ELSE " + scope + " END"
           "   FROM todo r LEFT JOIN customer_owner o ON o.branch_id = " + branch + " AND o.customer_no = " + customerOfSql() +
           "   ON CONFLICT (branch_id, entity, record_id) DO UPDATE SET seq = EXCLUDED.seq, deleted = EXCLUDED.deleted,"
           "    digest = EXCLUDED.digest, payload = EXCLUDED.payload, origin = EXCLUDED.origin, updated_at = now(),"
           "    scope = CASE WHEN EXCLUDED.deleted THEN t.scope ELSE EXCLUDED.scope END"
           "   RETURNING t.entity, t.record_id, t.scope, t.deleted),"
           // The RM who gets a record back no longer pulls its removal.
           " gone AS (DELETE FROM removal m USING ins WHERE m.branch_id = " + branch + " AND NOT ins.deleted"
           "   AND m.rm_id = ins.scope AND m.entity = ins.entity AND m.record_id = ins.record_id RETURNING 1),"
           " up AS (UPDATE branch SET last_seq = last_seq + (SELECT count(*) FROM todo),"
           "   scoped_through = CASE WHEN " + scopeHere + " THEN last_seq + (SELECT count(*) FROM todo) ELSE scoped_through END"
           "   WHERE branch_id = " + branch + " RETURNING 1)"
           " SELECT (SELECT count(*) FROM ins), (SELECT scoped FROM b), (SELECT count(*) FROM gone), (SELECT count(*) FROM up);\n";
    if (plan.reassigned.isEmpty()) {
        const std::vector<PgResult> r = m_db.execStatements(sql + "COMMIT");
        tx.committed();
        if (!r.at(1).boolean(0, 1))
            rescope(session.branch); // an import was not scoped yet: the whole branch, now
        return int(r.at(1).int64(0, 0));
    }
    const std::vector<PgResult> r = m_db.execStatements(sql);
    if (!r.at(1).boolean(0, 1))
        rescopeIn(session.branch, nullptr, true); // an import is not scoped yet: do it first
    rescopeIn(session.branch, &plan.reassigned, true);
    tx.commit();
    return int(r.at(1).int64(0, 0));
}

HqDatabase::PushStatus HqDatabase::push(const Session &session, const WireFormat::PushBatch &batch,
                                  WireFormat::PushResult *out, QString *error)
{
    *error = batchRejection(session, batch);
    if (!error->isEmpty())
        return PushStatus::Rejected;
    // Twice at most: a second push of the same device sequences that ran alongside this one
    // (a retry while the first was still stored) is found committed the second time.
    for (int attempt = 0;; ++attempt) {
        WireFormat::PushResult result;
        PushPlan plan;
        PgTransaction tx(m_db);
        const PushStatus st = planPush(session, batch, &plan, &result);
        if (st != PushStatus::Ok)
            return st;
        if (!plan.claims.isEmpty()) {
            const qint64 claimed =
                m_db.exec("WITH ins AS (INSERT INTO device_push (branch_id, device_id, device_seq, entity, record_id, staff_id)"
                          " SELECT $1, $2, x.s::bigint, x.e, x.i, $3 FROM jsonb_to_recordset($4::jsonb) AS x(s text, e text, i text)"
                          " ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*) FROM ins",
                          {session.branch, session.deviceId, session.staffId, jsonRows(plan.claims)})
                    .int64(0, 0);
            if (claimed != plan.claims.size()) {
                if (attempt == 0)
                    continue; // rolled back; the other push has committed by now
                throw PgError(QStringLiteral("the device's push numbers were being stored by another request"));
            }
        }
        int stored = 0;
        if (plan.writes.isEmpty())
            tx.commit(); // nothing new: the branch's lock is never taken
        else
            stored = storePlanned(session, plan, tx);
        // A record another push stored meanwhile with the same content is a duplicate too.
        result.accepted = stored + plan.superseded;
        result.duplicates += int(plan.writes.size()) - stored;
        *out = result;
        return PushStatus::Ok;
    }
}
