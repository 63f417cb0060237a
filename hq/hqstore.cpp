#include "hqstore.h"

#include "pageencoder.h"

#include "passwordhasher.h"
#include "store/auditlog.h"
#include "sync/syncentities.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <sodium.h>

namespace {

const char *const kSchema = R"SQL(
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS hq_schema (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS branch (
    branch_id       text PRIMARY KEY,
    name            text NOT NULL DEFAULT '',
    last_seq        bigint NOT NULL DEFAULT 0,   -- the change counter; its row lock orders writers
    tombstone_floor bigint NOT NULL DEFAULT 0    -- tombstones at or below this seq are purged
);
CREATE TABLE IF NOT EXISTS staff (
    branch_id     text NOT NULL REFERENCES branch (branch_id),
    staff_id      text NOT NULL,
    name          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('rm', 'manager')),
    password_hash text,
    disabled      boolean NOT NULL DEFAULT false,
    PRIMARY KEY (branch_id, staff_id)
);
CREATE TABLE IF NOT EXISTS record (
    branch_id  text NOT NULL,
    entity     text NOT NULL,
    record_id  text NOT NULL,
    seq        bigint NOT NULL,
    deleted    boolean NOT NULL DEFAULT false,
    digest     text NOT NULL,
    payload    jsonb,
    origin     text NOT NULL DEFAULT 'hq',      -- 'hq' (import) or the device that pushed it
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch_id, entity, record_id)
);
CREATE INDEX IF NOT EXISTS record_seq ON record (branch_id, seq);
CREATE TABLE IF NOT EXISTS token (
    branch_id  text NOT NULL,
    token_hash text NOT NULL,
    staff_id   text NOT NULL,
    device_id  text NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked    boolean NOT NULL DEFAULT false,
    PRIMARY KEY (branch_id, token_hash)
);
CREATE INDEX IF NOT EXISTS token_by_hash ON token (token_hash);
CREATE TABLE IF NOT EXISTS device (
    branch_id   text NOT NULL,
    device_id   text NOT NULL,
    staff_id    text NOT NULL,
    first_seen  timestamptz NOT NULL DEFAULT now(),
    last_seen   timestamptz NOT NULL DEFAULT now(),
    lost        boolean NOT NULL DEFAULT false,
    lost_reason text NOT NULL DEFAULT '',
    PRIMARY KEY (branch_id, device_id)
);
CREATE TABLE IF NOT EXISTS device_push (
    branch_id  text NOT NULL,
    device_id  text NOT NULL,
    device_seq bigint NOT NULL,
    entity     text NOT NULL,
    record_id  text NOT NULL,
    staff_id   text NOT NULL,
    received   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch_id, device_id, device_seq)
);
)SQL";

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

QString HqStore::payloadText(const QJsonObject &payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

QByteArray HqStore::hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

void HqStore::initSchema()
{
    // Every statement is idempotent (IF NOT EXISTS), so init-db also upgrades.
    m_db.execScript(QString::fromUtf8(kSchema));
    m_db.exec("DELETE FROM hq_schema");
    m_db.exec("INSERT INTO hq_schema (version) VALUES ($1)", {QString::number(kSchemaVersion)});
}

int HqStore::schemaVersion()
{
    try {
        PgResult r = m_db.exec("SELECT max(version) FROM hq_schema");
        return r.rows() == 1 && !r.isNull(0, 0) ? int(r.int64(0, 0)) : 0;
    } catch (const PgError &) {
        return 0; // no hq_schema table: never initialised
    }
}

void HqStore::addStaff(const QString &branch, const QString &staffId, const QString &name, const QString &role,
                       const QString &password)
{
    const QString hash = PasswordHasher::hash(password);
    PgTransaction tx(m_db);
    m_db.exec("INSERT INTO branch (branch_id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING", {branch});
    m_db.exec("INSERT INTO staff (branch_id, staff_id, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)"
              " ON CONFLICT (branch_id, staff_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,"
              " password_hash = EXCLUDED.password_hash, disabled = false",
              {branch, staffId, name, role, hash});
    // The roster travels to desktops as the "staff" entity, like any record.
    QJsonObject payload{{QStringLiteral("staff_id"), staffId}, {QStringLiteral("name"), name}, {QStringLiteral("role"), role}};
    const QString text = payloadText(payload);
    const qint64 seq = m_db.exec("UPDATE branch SET last_seq = last_seq + 1 WHERE branch_id = $1 RETURNING last_seq",
                                 {branch}).int64(0, 0);
    m_db.exec("INSERT INTO record (branch_id, entity, record_id, seq, deleted, digest, payload, origin)"
              " VALUES ($1, 'staff', $2, $3, false, $4, $5::jsonb, 'roster')"
              " ON CONFLICT (branch_id, entity, record_id) DO UPDATE SET seq = EXCLUDED.seq, deleted = false,"
              " digest = EXCLUDED.digest, payload = EXCLUDED.payload, updated_at = now()",
              {branch, staffId, QString::number(seq), sha256Hex(text.toUtf8()), text});
    tx.commit();
}

void HqStore::putRecord(const QString &branch, const QString &entity, const QString &recordId, const QJsonObject &payload)
{
    PgTransaction tx(m_db);
    m_db.exec("INSERT INTO branch (branch_id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING", {branch});
    const QString text = payloadText(payload);
    const qint64 seq = m_db.exec("UPDATE branch SET last_seq = last_seq + 1 WHERE branch_id = $1 RETURNING last_seq",
                                 {branch}).int64(0, 0);
    m_db.exec("INSERT INTO record (branch_id, entity, record_id, seq, deleted, digest, payload, origin)"
              " VALUES ($1, $2, $3, $4, false, $5, $6::jsonb, 'hq')"
              " ON CONFLICT (branch_id, entity, record_id) DO UPDATE SET seq = EXCLUDED.seq, deleted = false,"
              " digest = EXCLUDED.digest, payload = EXCLUDED.payload, origin = EXCLUDED.origin, updated_at = now()",
              {branch, entity, recordId, QString::number(seq), sha256Hex(text.toUtf8()), text});
    tx.commit();
}

HqStore::LoginStatus HqStore::login(const QString &branch, const QString &staffId, const QString &password,
                                    const QString &deviceId, int ttlSeconds, LoginResult *out)
{
    PgResult staff = branch.isEmpty()
                         ? m_db.exec("SELECT s.branch_id, s.name, s.role, s.password_hash, s.disabled, b.name"
                                     " FROM staff s JOIN branch b USING (branch_id) WHERE s.staff_id = $1",
                                     {staffId})
                         : m_db.exec("SELECT s.branch_id, s.name, s.role, s.password_hash, s.disabled, b.name"
                                     " FROM staff s JOIN branch b USING (branch_id)"
                                     " WHERE s.branch_id = $1 AND s.staff_id = $2",
                                     {branch, staffId});
    if (staff.rows() > 1)
        return LoginStatus::Ambiguous;
    // Verify a hash even for unknown staff, so timing does not tell who exists.
    const QString hash = staff.rows() == 1 && !staff.isNull(0, 3) ? staff.text(0, 3) : PasswordHasher::dummyHash();
    const bool ok = PasswordHasher::verify(hash, password) && staff.rows() == 1;
    if (!ok)
        return LoginStatus::WrongCredentials;
    if (staff.boolean(0, 4))
        return LoginStatus::Disabled;

    PgResult device = m_db.exec("SELECT lost FROM device WHERE branch_id = $1 AND device_id = $2",
                                {staff.text(0, 0), deviceId});
    if (device.rows() == 1 && device.boolean(0, 0))
        return LoginStatus::DeviceLost;
    m_db.exec("INSERT INTO device (branch_id, device_id, staff_id) VALUES ($1, $2, $3)"
              " ON CONFLICT (branch_id, device_id) DO UPDATE SET staff_id = EXCLUDED.staff_id, last_seen = now()",
              {staff.text(0, 0), deviceId, staffId});

    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(raw), sizeof raw)
                                 .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw, sizeof raw);
    out->branch = staff.text(0, 0);
    out->staffName = staff.text(0, 1);
    out->role = staff.text(0, 2);
    out->branchName = staff.text(0, 5);
    out->staffId = staffId;
    out->token = QString::fromLatin1(token);
    PgResult r = m_db.exec("INSERT INTO token (branch_id, token_hash, staff_id, device_id, expires_at)"
                           " VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))"
                           " RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
                           {out->branch, QString::fromLatin1(hashToken(token)), staffId, deviceId,
                            QString::number(ttlSeconds)});
    out->expiresAt = QDateTime::fromString(r.text(0, 0), Qt::ISODate);
    return LoginStatus::Ok;
}

bool HqStore::authenticate(const QByteArray &token, Session *out)
{
    PgResult r = m_db.exec("SELECT t.branch_id, t.staff_id, s.role, t.device_id, coalesce(d.lost, false),"
                           "       coalesce(d.lost_reason, '')"
                           " FROM token t"
                           " JOIN staff s ON s.branch_id = t.branch_id AND s.staff_id = t.staff_id"
                           " LEFT JOIN device d ON d.branch_id = t.branch_id AND d.device_id = t.device_id"
                           " WHERE t.token_hash = $1 AND NOT t.revoked AND t.expires_at > now() AND NOT s.disabled",
                           {QString::fromLatin1(hashToken(token))});
    if (r.rows() != 1)
        return false;
    out->branch = r.text(0, 0);
    out->staffId = r.text(0, 1);
    out->role = r.text(0, 2);
    out->deviceId = r.text(0, 3);
    out->deviceLost = r.boolean(0, 4);
    out->lostReason = r.text(0, 5);
    return true;
}

bool HqStore::disableStaff(const QString &branch, const QString &staffId)
{
    PgTransaction tx(m_db);
    const PgResult r = m_db.exec("UPDATE staff SET disabled = true WHERE branch_id = $1 AND staff_id = $2 RETURNING staff_id",
                                 {branch, staffId});
    m_db.exec("UPDATE token SET revoked = true WHERE branch_id = $1 AND staff_id = $2", {branch, staffId});
    tx.commit();
    return r.rows() == 1;
}

bool HqStore::markDeviceLost(const QString &branch, const QString &deviceId, const QString &reason)
{
    PgTransaction tx(m_db);
    const PgResult r = m_db.exec("UPDATE device SET lost = true, lost_reason = $3 WHERE branch_id = $1 AND device_id = $2"
                                 " RETURNING device_id",
                                 {branch, deviceId, reason});
    m_db.exec("UPDATE token SET revoked = true WHERE branch_id = $1 AND device_id = $2", {branch, deviceId});
    tx.commit();
    return r.rows() == 1;
}

QStringList HqStore::devices(const QString &branch)
{
    QStringList out;
    PgResult r = m_db.exec("SELECT device_id, staff_id, to_char(last_seen, 'YYYY-MM-DD HH24:MI'), lost FROM device"
                           " WHERE branch_id = $1 ORDER BY staff_id, last_seen DESC",
                           {branch});
    for (int i = 0; i < r.rows(); ++i)
        out << QStringLiteral("%1\t%2\t%3\t%4").arg(r.text(i, 0), r.text(i, 1), r.text(i, 2),
                                                   r.boolean(i, 3) ? QStringLiteral("lost") : QStringLiteral("ok"));
    return out;
}

QStringList HqStore::auditTrail(const QString &branch, const QString &since)
{
    QStringList out;
    PgResult r = m_db.exec("SELECT payload::text FROM record WHERE branch_id = $1 AND entity = 'audit' AND NOT deleted"
                           " AND (coalesce($2, '') = '' OR payload->>'at' >= $2)"
                           " ORDER BY payload->>'device_id', payload->>'at', seq",
                           {branch, since});
    QString device;
    QString prevHash;
    int count = 0;
    QString broken;
    auto closeChain = [&] {
        if (device.isNull())
            return;
        out << (broken.isEmpty() ? QStringLiteral("chain %1 ok %2").arg(device).arg(count)
                                 : QStringLiteral("chain %1 broken at %2").arg(device, broken));
    };
    for (int i = 0; i < r.rows(); ++i) {
        const QJsonObject o = QJsonDocument::fromJson(r.text(i, 0).toUtf8()).object();
        AuditLog::Entry e;
        e.entryId = o.value(QStringLiteral("entry_id")).toString();
        e.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
        e.staffId = o.value(QStringLiteral("staff_id")).toString();
        e.event = o.value(QStringLiteral("event")).toString();
        e.subject = o.value(QStringLiteral("subject")).toString();
        e.detail = o.value(QStringLiteral("detail")).toString();
        e.deviceId = o.value(QStringLiteral("device_id")).toString();
        e.prevHash = o.value(QStringLiteral("prev_hash")).toString();
        e.hash = o.value(QStringLiteral("hash")).toString();
        if (e.deviceId != device) {
            closeChain();
            device = e.deviceId;
            prevHash.clear();
            count = 0;
            broken.clear();
        }
        // With --since the first entry's predecessor is not listed: the chain is checked from there.
        const bool linked = prevHash.isEmpty() ? (since.isEmpty() ? e.prevHash == QLatin1String("genesis") : true)
                                               : e.prevHash == prevHash;
        if (broken.isEmpty() && (!linked || AuditLog::hashOf(e) != e.hash))
            broken = e.entryId;
        prevHash = e.hash;
        ++count;
        out << QStringList{o.value(QStringLiteral("at")).toString(), e.deviceId, e.staffId, e.event, e.subject, e.detail}
                   .join(QLatin1Char('\t'));
    }
    closeChain();
    return out;
}

void HqStore::revokeTokens(const QString &branch, const QString &staffId)
{
    m_db.exec("UPDATE token SET revoked = true WHERE branch_id = $1 AND staff_id = $2", {branch, staffId});
}

qint64 HqStore::lastSequence(const QString &branch)
{
    PgResult r = m_db.exec("SELECT last_seq FROM branch WHERE branch_id = $1", {branch});
    return r.rows() ? r.int64(0, 0) : 0;
}

int HqStore::pruneTombstones(const QString &branch, int days)
{
    PgTransaction tx(m_db);
    m_db.exec("SELECT last_seq FROM branch WHERE branch_id = $1 FOR UPDATE", {branch});
    // The audit trail is never pruned (kept >= 6 months, Cybersecurity Law art. 21).
    PgResult r = m_db.exec("WITH gone AS (DELETE FROM record WHERE branch_id = $1 AND deleted AND entity <> 'audit'"
                           "   AND updated_at <= now() - make_interval(days => $2) RETURNING seq)"
                           " SELECT count(*), coalesce(max(seq), 0) FROM gone",
                           {branch, QString::number(days)});
    const int dropped = int(r.int64(0, 0));
    if (dropped > 0)
        m_db.exec("UPDATE branch SET tombstone_floor = greatest(tombstone_floor, $2) WHERE branch_id = $1",
                  {branch, QString::number(r.int64(0, 1))});
    tx.commit();
    return dropped;
}

WireFormat::Page HqStore::pull(const QString &branch, qint64 after, int limit, bool fullReload)
{
    WireFormat::Page page;
    page.after = after;
    PgResult floor = m_db.exec("SELECT tombstone_floor FROM branch WHERE branch_id = $1", {branch});
    if (!fullReload && floor.rows() == 1 && after > 0 && after < floor.int64(0, 0)) {
        page.fullResync = true;
        return page;
    }
    // The change counter's row lock makes writers of a branch commit in
    // sequence order, so everything at or below a visible seq is visible too.
    PgResult r = m_db.exec("SELECT entity, record_id, seq, deleted, payload::text FROM record"
                           " WHERE branch_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                           {branch, QString::number(after), QString::number(limit + 1)});
    // Written straight from the jsonb text (PageEncoder), the bytes encodeRecords wrote.
    const int n = qMin(r.rows(), limit);
    PageEncoder encoder(n);
    for (int i = 0; i < n; ++i) {
        const bool deleted = r.boolean(i, 3);
        std::optional<QByteArrayView> payload;
        if (!deleted && !r.isNull(i, 4))
            payload = r.view(i, 4);
        encoder.add(r.view(i, 0), r.view(i, 1), r.int64(i, 2), deleted, payload);
    }
    page.hasMore = r.rows() > limit;
    page.next = n == 0 ? after : r.int64(n - 1, 2);
    page.records = encoder.finish();
    page.checksum = WireFormat::checksum(page.records);
    return page;
}

HqStore::PushStatus HqStore::push(const Session &session, const WireFormat::PushBatch &batch,
                                  WireFormat::PushResult *out, QString *error)
{
    static const QRegularExpression entityName(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    for (const SyncRecord &rec : batch.records) {
        // Desktops never write HQ's master data. An entity this HQ does not know yet
        // (a newer desktop) is kept as a desktop-owned record, so nothing is lost.
        const SyncEntities::Entity *known = SyncEntities::find(rec.entity);
        if ((known && known->owner == SyncEntities::Owner::Hq) || !entityName.match(rec.entity).hasMatch()) {
            *error = QStringLiteral("a desktop may not write '%1' records").arg(rec.entity);
            return PushStatus::Rejected;
        }
        // The branch manager owns assignments and campaign targets (issue 6).
        if ((rec.entity == QLatin1String("assignment") || rec.entity == QLatin1String("campaign"))
            && session.role != QLatin1String("manager")) {
            *error = QStringLiteral("only a branch manager may write '%1' records").arg(rec.entity);
            return PushStatus::Rejected;
        }
        if (rec.seq <= 0) {
            *error = QStringLiteral("record %1 has no device sequence").arg(rec.id);
            return PushStatus::Rejected;
        }
    }
    PgTransaction tx(m_db);
    // Take the branch's counter lock first: pushes and imports of a branch serialize here.
    m_db.exec("SELECT last_seq FROM branch WHERE branch_id = $1 FOR UPDATE", {session.branch});
    qint64 acked = 0;
    for (const SyncRecord &rec : batch.records) {
        PgResult seen = m_db.exec("SELECT entity, record_id FROM device_push"
                                  " WHERE branch_id = $1 AND device_id = $2 AND device_seq = $3",
                                  {session.branch, batch.deviceId, QString::number(rec.seq)});
        if (seen.rows() == 1) {
            if (seen.text(0, 0) != rec.entity || seen.text(0, 1) != rec.id)
                return PushStatus::DeviceSequenceReused; // the transaction rolls back
            ++out->duplicates;
            acked = qMax(acked, rec.seq);
            continue;
        }
        m_db.exec("INSERT INTO device_push (branch_id, device_id, device_seq, entity, record_id, staff_id)"
                  " VALUES ($1, $2, $3, $4, $5, $6)",
                  {session.branch, batch.deviceId, QString::number(rec.seq), rec.entity, rec.id, session.staffId});
        const SyncEntities::Entity *entity = SyncEntities::find(rec.entity);
        const bool appendOnly = entity && entity->rule == SyncEntities::Rule::AppendOnly;
        const QString text = payloadText(rec.payload);
        const QString digest = sha256Hex(text.toUtf8());
        PgResult existing = m_db.exec("SELECT digest, deleted FROM record WHERE branch_id = $1 AND entity = $2 AND record_id = $3",
                                      {session.branch, rec.entity, rec.id});
        bool write = existing.rows() == 0;
        if (!write) {
            if (appendOnly)
                write = false; // a contact never changes once stored
            else
                write = existing.text(0, 0) != digest || existing.boolean(0, 1) != rec.deleted;
        }
        if (write) {
            const qint64 seq = m_db.exec("UPDATE branch SET last_seq = last_seq + 1 WHERE branch_id = $1 RETURNING last_seq",
                                         {session.branch}).int64(0, 0);
            m_db.exec("INSERT INTO record (branch_id, entity, record_id, seq, deleted, digest, payload, origin)"
                      " VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)"
                      " ON CONFLICT (branch_id, entity, record_id) DO UPDATE SET seq = EXCLUDED.seq,"
                      " deleted = EXCLUDED.deleted, digest = EXCLUDED.digest, payload = EXCLUDED.payload,"
                      " origin = EXCLUDED.origin, updated_at = now()",
                      {session.branch, rec.entity, rec.id, QString::number(seq), rec.deleted ? QStringLiteral("t") : QStringLiteral("f"),
                       digest, rec.deleted ? QString() : text, batch.deviceId});
            ++out->accepted;
        } else {
            ++out->duplicates;
        }
        acked = qMax(acked, rec.seq);
    }
    tx.commit();
    out->ackedThrough = acked;
    return PushStatus::Ok;
}
