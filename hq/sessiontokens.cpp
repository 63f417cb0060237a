#include "sessiontokens.h"

#include "hqdatabase.h"
#include "pgconnection.h"

#include <sodium.h>

SessionTokens::Issued SessionTokens::issue(const QString &branch, const QString &staffId, const QString &deviceId,
                                           int ttlSeconds)
{
    m_db.exec("UPDATE token SET revoked = true WHERE branch_id = $1 AND staff_id = $2 AND NOT revoked AND token_hash IN"
              " (SELECT token_hash FROM token WHERE branch_id = $1 AND staff_id = $2 AND NOT revoked AND expires_at > now()"
              "  AND device_id = $4 ORDER BY created_at DESC OFFSET $3)",
              {branch, staffId, QString::number(kMaxPerDevice - 1), deviceId});
    m_db.exec("UPDATE token SET revoked = true WHERE branch_id = $1 AND staff_id = $2 AND NOT revoked AND token_hash IN"
              " (SELECT token_hash FROM token WHERE branch_id = $1 AND staff_id = $2 AND NOT revoked AND expires_at > now()"
              "  ORDER BY created_at DESC OFFSET $3)",
              {branch, staffId, QString::number(kMaxLive - 1)});
    // Renewals make a token an hour: the device's tokens that ended over a day ago go. The
    // newest stays whatever its age, so a lost device's saved token still meets device_lost.
    m_db.exec("DELETE FROM token WHERE branch_id = $1 AND staff_id = $2 AND device_id = $3"
              " AND (revoked OR expires_at < now()) AND created_at < now() - interval '1 day'"
              " AND created_at < (SELECT max(created_at) FROM token WHERE branch_id = $1 AND staff_id = $2"
              "  AND device_id = $3)",
              {branch, staffId, deviceId});
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    const QByteArray token = QByteArray(reinterpret_cast<const char *>(raw), sizeof raw)
                                 .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(raw, sizeof raw);
    PgResult r = m_db.exec("INSERT INTO token (branch_id, token_hash, staff_id, device_id, expires_at)"
                           " VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))"
                           " RETURNING to_char(expires_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
                           {branch, QString::fromLatin1(HqDatabase::hashToken(token)), staffId, deviceId,
                            QString::number(ttlSeconds)});
    return {QString::fromLatin1(token), QDateTime::fromString(r.text(0, 0), Qt::ISODate)};
}
