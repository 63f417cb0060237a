#include "devicecredentials.h"

#include "auditchain.h"
#include "pgconnection.h"
#include "sessiontokens.h"

#include <QCryptographicHash>
#include <sodium.h>

namespace {

QString hashOf(const QByteArray &credential)
{
    return QString::fromLatin1(QCryptographicHash::hash(credential, QCryptographicHash::Sha256).toHex());
}

} // namespace

const char *DeviceCredentials::schema()
{
    return R"SQL(
CREATE TABLE IF NOT EXISTS device_credential (
    branch_id       text NOT NULL,
    credential_hash text NOT NULL,            -- SHA-256 of the 32 random bytes, hex
    staff_id        text NOT NULL,
    device_id       text NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used       timestamptz NOT NULL DEFAULT now(),
    revoked         boolean NOT NULL DEFAULT false,
    PRIMARY KEY (branch_id, credential_hash)
);
CREATE INDEX IF NOT EXISTS device_credential_by_hash ON device_credential (credential_hash);
CREATE INDEX IF NOT EXISTS device_credential_by_device ON device_credential (branch_id, device_id);
CREATE INDEX IF NOT EXISTS token_by_device ON token (branch_id, staff_id, device_id);
)SQL";
}

QString DeviceCredentials::issue(const QString &branch, const QString &staffId, const QString &deviceId)
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    const QByteArray credential = QByteArray(reinterpret_cast<const char *>(raw), sizeof raw)
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw, sizeof raw);
    PgTransaction tx(m_db);
    // One live credential per device: a new sign-in ends the one before, and old rows go.
    m_db.exec("DELETE FROM device_credential WHERE branch_id = $1 AND device_id = $2 AND revoked"
              " AND last_used < now() - interval '30 days'",
              {branch, deviceId});
    m_db.exec("UPDATE device_credential SET revoked = true WHERE branch_id = $1 AND device_id = $2 AND NOT revoked",
              {branch, deviceId});
    m_db.exec("INSERT INTO device_credential (branch_id, credential_hash, staff_id, device_id) VALUES ($1, $2, $3, $4)",
              {branch, hashOf(credential), staffId, deviceId});
    tx.commit();
    return QString::fromLatin1(credential);
}

DeviceCredentials::Renewal DeviceCredentials::renew(const QByteArray &credential, const QString &deviceId, int ttlSeconds,
                                                    int idleDays, const QString &heldAuditKeyId,
                                                    HqDatabase::LoginResult *out, QString *staffId)
{
    // The staff member must still be enabled and on HQ's roster (not tombstoned by a re-import).
    PgResult r = m_db.exec(
        "SELECT c.branch_id, c.staff_id, c.device_id, c.revoked OR c.last_used < now() - make_interval(days => $2),"
        "       coalesce(d.lost, false), s.disabled OR s.staff_id IS NULL OR EXISTS (SELECT 1 FROM record x"
        "        WHERE x.branch_id = c.branch_id AND x.entity = 'staff' AND x.record_id = c.staff_id AND x.deleted),"
        "       s.name, s.role, b.name"
        " FROM device_credential c"
        " LEFT JOIN device d ON d.branch_id = c.branch_id AND d.device_id = c.device_id"
        " LEFT JOIN staff s ON s.branch_id = c.branch_id AND s.staff_id = c.staff_id"
        " LEFT JOIN branch b ON b.branch_id = c.branch_id"
        " WHERE c.credential_hash = $1",
        {hashOf(credential), QString::number(idleDays)});
    if (r.rows() != 1)
        return Renewal::Invalid;
    const QString branch = r.text(0, 0);
    *staffId = r.text(0, 1);
    out->branch = branch;
    // A lost device's credential, however old or revoked, is told to erase the store.
    if (r.boolean(0, 4))
        return Renewal::DeviceLost;
    if (r.text(0, 2) != deviceId) {
        // Copied to another machine: nobody may use it any more.
        m_db.exec("UPDATE device_credential SET revoked = true WHERE branch_id = $1 AND credential_hash = $2",
                  {branch, hashOf(credential)});
        return Renewal::OtherDevice;
    }
    if (r.boolean(0, 3))
        return Renewal::Invalid;
    if (r.boolean(0, 5))
        return Renewal::Disabled;
    // One transaction, committed without waiting for the disk: a renewal lost in a database
    // crash costs the desktop one more renewal, and the storm is thousands of these.
    PgTransaction tx(m_db);
    m_db.exec("SET LOCAL synchronous_commit = off");
    m_db.exec("UPDATE device_credential SET last_used = now() WHERE branch_id = $1 AND credential_hash = $2",
              {branch, hashOf(credential)});
    m_db.exec("UPDATE device SET last_seen = now() WHERE branch_id = $1 AND device_id = $2", {branch, deviceId});
    const SessionTokens::Issued token = SessionTokens(m_db).issue(branch, *staffId, deviceId, ttlSeconds);
    out->token = token.token;
    out->expiresAt = token.expiresAt;
    out->staffId = *staffId;
    out->staffName = r.text(0, 6);
    out->role = r.text(0, 7);
    out->branchName = r.text(0, 8);
    out->auditKeyId = AuditChain(m_db).issue(branch, deviceId, heldAuditKeyId, &out->auditKey, &out->auditRekeyed);
    if (!out->auditKey.isEmpty()) // a key the desktop will rely on is written to disk first
        m_db.exec("SET LOCAL synchronous_commit = on");
    tx.commit();
    return Renewal::Ok;
}

void DeviceCredentials::revokeForToken(const QByteArray &token)
{
    m_db.exec("UPDATE device_credential c SET revoked = true FROM token t WHERE t.token_hash = $1"
              " AND c.branch_id = t.branch_id AND c.device_id = t.device_id AND c.staff_id = t.staff_id",
              {QString::fromLatin1(HqDatabase::hashToken(token))});
}
