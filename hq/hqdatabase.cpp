#include "hqdatabase.h"

#include "pageencoder.h"

#include "auditchain.h"
#include "devicecredentials.h"
#include "loginthrottle.h"
#include "passwordhasher.h"
#include "sessiontokens.h"
#include "protocol/auditentry.h"
#include "protocol/syncentities.h"

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
-- Issue 15: need-to-know pulls. scope = who may pull a record: an RM's staff id, '*'
-- (everyone of the branch), '' (the unassigned pool: managers only), '!' (nobody: the
-- audit trail), NULL (not scoped yet: an import just wrote it).
ALTER TABLE record ADD COLUMN IF NOT EXISTS scope text;
CREATE INDEX IF NOT EXISTS record_scope ON record (branch_id, scope, seq);
ALTER TABLE branch ADD COLUMN IF NOT EXISTS scoped_through bigint NOT NULL DEFAULT 0;
CREATE TABLE IF NOT EXISTS customer_owner (
    branch_id   text NOT NULL,
    customer_no text NOT NULL,
    rm_id       text NOT NULL,   -- the assignment's RM, else the extract's; '' = unassigned
    PRIMARY KEY (branch_id, customer_no)
);
-- What an RM lost (a customer reassigned): pulled by that RM as tombstones.
CREATE TABLE IF NOT EXISTS removal (
    branch_id text NOT NULL,
    rm_id     text NOT NULL,
    seq       bigint NOT NULL,
    entity    text NOT NULL,
    record_id text NOT NULL,
    at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (branch_id, rm_id, seq)
);
CREATE TABLE IF NOT EXISTS hq_event (
    branch_id text NOT NULL,
    id        bigserial,
    at        timestamptz NOT NULL DEFAULT now(),
    kind      text NOT NULL,
    staff_id  text NOT NULL DEFAULT '',
    device_id text NOT NULL DEFAULT '',
    detail    text NOT NULL DEFAULT '',
    PRIMARY KEY (branch_id, id)
);
ALTER TABLE token ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now();
-- Issue 15: the audit key HQ issued each device (AuditChain) and what it expects next.
CREATE TABLE IF NOT EXISTS audit_key (
    branch_id text NOT NULL,
    device_id text NOT NULL,
    key_id    text NOT NULL,
    first_key text NOT NULL,               -- k[1], hex
    next_n    bigint NOT NULL DEFAULT 1,   -- the number HQ expects next
    next_key  text NOT NULL,               -- k[next_n], hex
    head_hash text NOT NULL DEFAULT '',    -- the hash of the last entry HQ took
    issued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (branch_id, device_id, key_id)
);
)SQL";

// A staff member HQ's roster dropped (a re-import tombstoned their "staff" record).
const char *const kNotDropped =
    " NOT EXISTS (SELECT 1 FROM record d WHERE d.branch_id = s.branch_id AND d.entity = 'staff'"
    " AND d.record_id = s.staff_id AND d.deleted)";

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

QString HqDatabase::payloadText(const QJsonObject &payload)
{
    return QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact));
}

QString HqDatabase::printable(const QString &field)
{
    QString out;
    out.reserve(field.size());
    for (const QChar c : field) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0)
            || c.category() == QChar::Other_Format)
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QByteArray HqDatabase::hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

void HqDatabase::initSchema()
{
    // Every statement is idempotent (IF NOT EXISTS), so init-db also upgrades.
    m_db.execScript(QString::fromUtf8(kSchema));
    m_db.execScript(QString::fromUtf8(DeviceCredentials::schema())); // issue 19
    m_db.execScript(QString::fromUtf8(LoginThrottle::schema()));
    m_db.exec("DELETE FROM hq_schema");
    m_db.exec("INSERT INTO hq_schema (version) VALUES ($1)", {QString::number(kSchemaVersion)});
}

int HqDatabase::schemaVersion()
{
    try {
        PgResult r = m_db.exec("SELECT max(version) FROM hq_schema");
        return r.rows() == 1 && !r.isNull(0, 0) ? int(r.int64(0, 0)) : 0;
    } catch (const PgError &) {
        return 0; // no hq_schema table: never initialised
    }
}

HqDatabase::AddStaff HqDatabase::addStaff(const QString &branch, const QString &staffId, const QString &name,
                                    const QString &role, const QString &password, bool newBranch, bool enable)
{
    const QString hash = PasswordHasher::hash(password);
    PgTransaction tx(m_db);
    if (newBranch)
        m_db.exec("INSERT INTO branch (branch_id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING", {branch});
    if (m_db.exec("SELECT 1 FROM branch WHERE branch_id = $1", {branch}).rows() == 0)
        return AddStaff::NoSuchBranch;
    PgResult existing = m_db.exec("SELECT disabled FROM staff WHERE branch_id = $1 AND staff_id = $2", {branch, staffId});
    if (existing.rows() == 1 && existing.boolean(0, 0) && !enable)
        return AddStaff::Disabled;
    m_db.exec("INSERT INTO staff (branch_id, staff_id, name, role, password_hash) VALUES ($1, $2, $3, $4, $5)"
              " ON CONFLICT (branch_id, staff_id) DO UPDATE SET name = EXCLUDED.name, role = EXCLUDED.role,"
              " password_hash = EXCLUDED.password_hash, disabled = false",
              {branch, staffId, name, role, hash});
    // A new password ends every session signed in with the old one, device credentials too.
    m_db.exec("UPDATE token SET revoked = true WHERE branch_id = $1 AND staff_id = $2", {branch, staffId});
    m_db.exec("UPDATE device_credential SET revoked = true WHERE branch_id = $1 AND staff_id = $2", {branch, staffId});
    // The roster travels to desktops as the "staff" entity, like any record.
    QJsonObject payload{{QStringLiteral("staff_id"), staffId}, {QStringLiteral("name"), name}, {QStringLiteral("role"), role}};
    const QString text = payloadText(payload);
    PgResult b = m_db.exec("SELECT last_seq, scoped_through FROM branch WHERE branch_id = $1 FOR UPDATE", {branch});
    const bool scoped = b.int64(0, 0) == b.int64(0, 1);
    const qint64 seq = m_db.exec("UPDATE branch SET last_seq = last_seq + 1 WHERE branch_id = $1 RETURNING last_seq",
                                 {branch}).int64(0, 0);
    m_db.exec("INSERT INTO record (branch_id, entity, record_id, seq, deleted, digest, payload, origin, scope)"
              " VALUES ($1, 'staff', $2, $3, false, $4, $5::jsonb, 'roster', '*')"
              " ON CONFLICT (branch_id, entity, record_id) DO UPDATE SET seq = EXCLUDED.seq, deleted = false,"
              " digest = EXCLUDED.digest, payload = EXCLUDED.payload, scope = '*', updated_at = now()",
              {branch, staffId, QString::number(seq), sha256Hex(text.toUtf8()), text});
    if (scoped)
        m_db.exec("UPDATE branch SET scoped_through = last_seq WHERE branch_id = $1", {branch});
    tx.commit();
    return AddStaff::Ok;
}

void HqDatabase::putRecord(const QString &branch, const QString &entity, const QString &recordId, const QJsonObject &payload)
{
    PgTransaction tx(m_db);
    m_db.exec("INSERT INTO branch (branch_id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING", {branch});
    const QString text = payloadText(payload);
    PgResult b = m_db.exec("SELECT last_seq, scoped_through FROM branch WHERE branch_id = $1 FOR UPDATE", {branch});
    const bool scoped = b.int64(0, 0) == b.int64(0, 1);
    const qint64 seq = m_db.exec("UPDATE branch SET last_seq = last_seq + 1 WHERE branch_id = $1 RETURNING last_seq",
                                 {branch}).int64(0, 0);
    m_db.exec("INSERT INTO record (branch_id, entity, record_id, seq, deleted, digest, payload, origin)"
              " VALUES ($1, $2, $3, $4, false, $5, $6::jsonb, 'hq')"
              " ON CONFLICT (branch_id, entity, record_id) DO UPDATE SET seq = EXCLUDED.seq, deleted = false,"
              " digest = EXCLUDED.digest, payload = EXCLUDED.payload, origin = EXCLUDED.origin, scope = NULL,"
              " updated_at = now()",
              {branch, entity, recordId, QString::number(seq), sha256Hex(text.toUtf8()), text});
    Q_UNUSED(scoped);
    rescope(branch, {}, true);
    tx.commit();
}

HqDatabase::LoginStatus HqDatabase::login(const QString &branch, const QString &staffId, const QString &password,
                                    const QString &deviceId, int ttlSeconds, LoginResult *out,
                                    const QString &heldAuditKeyId)
{
    PgResult staff = branch.isEmpty()
                         ? m_db.exec(QByteArray("SELECT s.branch_id, s.name, s.role, s.password_hash, s.disabled, b.name,"
                                                "  " + QByteArray(kNotDropped) +
                                                " FROM staff s JOIN branch b USING (branch_id) WHERE s.staff_id = $1").constData(),
                                     {staffId})
                         : m_db.exec(QByteArray("SELECT s.branch_id, s.name, s.role, s.password_hash, s.disabled, b.name,"
                                                "  " + QByteArray(kNotDropped) +
                                                " FROM staff s JOIN branch b USING (branch_id)"
                                                " WHERE s.branch_id = $1 AND s.staff_id = $2").constData(),
                                     {branch, staffId});
    if (staff.rows() > 1)
        return LoginStatus::Ambiguous;
    // Verify a hash even for unknown staff, so timing does not tell who exists.
    const QString hash = staff.rows() == 1 && !staff.isNull(0, 3) ? staff.text(0, 3) : PasswordHasher::dummyHash();
    const bool ok = PasswordHasher::verify(hash, password) && staff.rows() == 1;
    if (!ok)
        return LoginStatus::WrongCredentials;
    if (staff.boolean(0, 4) || !staff.boolean(0, 6))
        return LoginStatus::Disabled; // disabled, or dropped from HQ's roster by a re-import

    // A device is bound to the staff member who first signed in on it (issue 15): another
    // user cannot borrow its id, and a lost one stays lost.
    PgResult device = m_db.exec("SELECT lost, staff_id FROM device WHERE branch_id = $1 AND device_id = $2",
                                {staff.text(0, 0), deviceId});
    if (device.rows() == 1 && device.boolean(0, 0))
        return LoginStatus::DeviceLost;
    if (device.rows() == 1 && device.text(0, 1) != staffId)
        return LoginStatus::DeviceTaken;
    m_db.exec("INSERT INTO device (branch_id, device_id, staff_id) VALUES ($1, $2, $3)"
              " ON CONFLICT (branch_id, device_id) DO UPDATE SET last_seen = now()",
              {staff.text(0, 0), deviceId, staffId});
    out->branch = staff.text(0, 0);
    out->staffName = staff.text(0, 1);
    out->role = staff.text(0, 2);
    out->branchName = staff.text(0, 5);
    out->staffId = staffId;
    // The audit key (issue 15): kept when the desktop holds one HQ issued it, else a new one.
    out->auditKeyId = AuditChain(m_db).issue(out->branch, deviceId, heldAuditKeyId, &out->auditKey, &out->auditRekeyed);
    // At most 2 live sessions per device of a staff member and 256 in all (SessionTokens).
    const SessionTokens::Issued issued = SessionTokens(m_db).issue(out->branch, staffId, deviceId, ttlSeconds);
    out->token = issued.token;
    out->expiresAt = issued.expiresAt;
    return LoginStatus::Ok;
}

HqDatabase::AuthStatus HqDatabase::authenticate(const QByteArray &token, Session *out)
{
    PgResult r = m_db.exec(QByteArray("SELECT t.branch_id, t.staff_id, s.role, t.device_id, coalesce(d.lost, false),"
                                      "       coalesce(d.lost_reason, ''),"
                                      "       NOT t.revoked AND t.expires_at > now() AND NOT s.disabled AND " +
                                      QByteArray(kNotDropped) +
                                      " FROM token t"
                                      " JOIN staff s ON s.branch_id = t.branch_id AND s.staff_id = t.staff_id"
                                      " LEFT JOIN device d ON d.branch_id = t.branch_id AND d.device_id = t.device_id"
                                      " WHERE t.token_hash = $1").constData(),
                           {QString::fromLatin1(hashToken(token))});
    if (r.rows() != 1)
        return AuthStatus::Unknown;
    out->branch = r.text(0, 0);
    out->staffId = r.text(0, 1);
    out->role = r.text(0, 2);
    out->deviceId = r.text(0, 3);
    out->deviceLost = r.boolean(0, 4);
    out->lostReason = r.text(0, 5);
    // A lost device's saved token, however old, is told to erase the store (issue 15):
    // revoking it alone left the store in place.
    if (out->deviceLost)
        return AuthStatus::DeviceLost;
    return r.boolean(0, 6) ? AuthStatus::Ok : AuthStatus::Unknown;
}

void HqDatabase::logout(const QByteArray &token)
{
    m_db.exec("UPDATE token SET revoked = true WHERE token_hash = $1", {QString::fromLatin1(hashToken(token))});
}

void HqDatabase::event(const QString &branch, const QString &kind, const QString &staffId, const QString &deviceId,
                    const QString &detail)
{
    // A null QString is SQL NULL: every column is text, empty when not given.
    m_db.exec("INSERT INTO hq_event (branch_id, kind, staff_id, device_id, detail)"
              " VALUES (coalesce($1, ''), $2, coalesce($3, ''), coalesce($4, ''), coalesce($5, ''))",
              {branch, kind, staffId.left(64), deviceId.left(64), detail.left(200)});
}

QStringList HqDatabase::events(const QString &branch)
{
    QStringList out;
    PgResult r = m_db.exec("SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), kind, staff_id, device_id, detail"
                           " FROM hq_event WHERE branch_id = $1 ORDER BY id",
                           {branch});
    for (int i = 0; i < r.rows(); ++i)
        out << QStringList{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4)}.join(QLatin1Char('\t'));
    return out;
}

bool HqDatabase::disableStaff(const QString &branch, const QString &staffId)
{
    PgTransaction tx(m_db);
    const PgResult r = m_db.exec("UPDATE staff SET disabled = true WHERE branch_id = $1 AND staff_id = $2 RETURNING staff_id",
                                 {branch, staffId});
    m_db.exec("UPDATE token SET revoked = true WHERE branch_id = $1 AND staff_id = $2", {branch, staffId});
    m_db.exec("UPDATE device_credential SET revoked = true WHERE branch_id = $1 AND staff_id = $2", {branch, staffId});
    tx.commit();
    return r.rows() == 1;
}

bool HqDatabase::markDeviceLost(const QString &branch, const QString &deviceId, const QString &reason)
{
    PgTransaction tx(m_db);
    const PgResult r = m_db.exec("UPDATE device SET lost = true, lost_reason = $3 WHERE branch_id = $1 AND device_id = $2"
                                 " RETURNING staff_id",
                                 {branch, deviceId, reason.isNull() ? QStringLiteral("") : reason});
    // The tokens stay (marked revoked): their next use is answered "device_lost", which
    // makes the desktop erase its store. Nothing else is served to them.
    m_db.exec("UPDATE token SET revoked = true WHERE branch_id = $1 AND device_id = $2", {branch, deviceId});
    m_db.exec("UPDATE device_credential SET revoked = true WHERE branch_id = $1 AND device_id = $2", {branch, deviceId});
    if (r.rows() == 1)
        event(branch, QStringLiteral("device_marked_lost"), r.text(0, 0), deviceId, QString());
    tx.commit();
    return r.rows() == 1;
}

QStringList HqDatabase::devices(const QString &branch)
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

QStringList HqDatabase::auditTrail(const QString &branch, const QString &since, bool *intact)
{
    QStringList out;
    // Per device in chain order: unkeyed entries (before the first sign-in) by time, then
    // each key in the order HQ issued it, by number.
    PgResult r = m_db.exec("SELECT r.payload::text FROM record r LEFT JOIN audit_key k ON k.branch_id = r.branch_id"
                           "  AND k.device_id = r.payload->>'device_id' AND k.key_id = r.payload->>'key_id'"
                           " WHERE r.branch_id = $1 AND r.entity = 'audit' AND NOT r.deleted"
                           " AND (coalesce($2, '') = '' OR r.payload->>'at' >= $2)"
                           " ORDER BY r.payload->>'device_id', k.issued_at NULLS FIRST,"
                           "  (r.payload->>'n')::bigint NULLS FIRST, r.payload->>'at', r.seq",
                           {branch, since});
    AuditChain chain(m_db);
    QString device;
    std::vector<AuditEntry> entries;
    if (intact)
        *intact = true;
    auto closeChain = [&] {
        if (device.isNull())
            return;
        const QString problem = chain.check(branch, device, entries, !since.isEmpty());
        if (!problem.isEmpty() && intact)
            *intact = false;
        out << (problem.isEmpty() ? QStringLiteral("chain %1 ok %2").arg(printable(device)).arg(entries.size())
                                  : QStringLiteral("chain %1 %2").arg(printable(device), printable(problem)));
    };
    for (int i = 0; i < r.rows(); ++i) {
        const QJsonObject o = QJsonDocument::fromJson(r.text(i, 0).toUtf8()).object();
        const AuditEntry e = AuditChain::entryOf(o);
        if (e.deviceId != device) {
            closeChain();
            device = e.deviceId;
            entries.clear();
        }
        entries.push_back(e);
        // Fields typed on a desktop may hold tabs, newlines or terminal escapes: one entry, one line.
        QStringList fields{o.value(QStringLiteral("at")).toString(), e.deviceId, e.staffId, e.event, e.subject, e.detail};
        for (QString &f : fields)
            f = printable(f);
        out << fields.join(QLatin1Char('\t'));
    }
    closeChain();
    return out;
}

void HqDatabase::revokeTokens(const QString &branch, const QString &staffId)
{
    m_db.exec("UPDATE token SET revoked = true WHERE branch_id = $1 AND staff_id = $2", {branch, staffId});
    m_db.exec("UPDATE device_credential SET revoked = true WHERE branch_id = $1 AND staff_id = $2", {branch, staffId});
}

qint64 HqDatabase::lastSequence(const QString &branch)
{
    PgResult r = m_db.exec("SELECT last_seq FROM branch WHERE branch_id = $1", {branch});
    return r.rows() ? r.int64(0, 0) : 0;
}

