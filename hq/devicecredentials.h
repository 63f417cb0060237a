#pragma once

#include "hqdatabase.h"

#include <QByteArray>
#include <QString>

class PgConnection;

// Sign-in once per device (issue 19). An interactive sign-in (a password, Argon2id) also
// issues the device a credential: 32 random bytes the desktop keeps in its encrypted store
// beside its token. Later syncs trade it for a short-lived token with a few indexed
// queries and no password hash, so the 8:30 storm is renewals, not Argon2id. HQ keeps only
// the credential's SHA-256, bound to the branch, the staff member and the device; it ends
// when unused for `idleDays`, at a new password, a disabled account, a roster drop, a
// logout or a new interactive sign-in on the device, and a lost device's credential is
// answered device_lost like its tokens.
class DeviceCredentials
{
public:
    enum class Renewal {
        Ok,
        Invalid,     // unknown, revoked, expired or malformed: sign in with the password
        OtherDevice, // presented by another device id than its own: revoked now
        DeviceLost,  // the device was reported lost: erase the store
        Disabled,    // the staff member is disabled or dropped from the roster
    };

    explicit DeviceCredentials(PgConnection &db) : m_db(db) {}
    static const char *schema();

    // After an interactive sign-in: the device's one live credential (earlier ones end).
    QString issue(const QString &branch, const QString &staffId, const QString &deviceId);
    // Checks a credential presented by `deviceId` and, when it holds, issues a token as a
    // sign-in would (and the device's audit key when it names none HQ issued it).
    Renewal renew(const QByteArray &credential, const QString &deviceId, int ttlSeconds, int idleDays,
                  const QString &heldAuditKeyId, HqDatabase::LoginResult *out, QString *staffId);
    // The credential of the device a token belongs to (logout).
    void revokeForToken(const QByteArray &token);

private:
    PgConnection &m_db;
};
