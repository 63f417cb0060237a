#pragma once

#include "wireformat.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QString>
#include <QUrl>
#include <atomic>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;

// Talks to branchdesk-hq. Each call blocks its (worker) thread with a local
// event loop until the answer, an error or the timeout; never call it on the
// UI thread. Errors say what failed in plain words and never include
// personal data.
class HqClient
{
public:
    enum class Status { Ok, Offline, Unauthorized, Forbidden, FullResync, Conflict, BadResponse, ServerError, Cancelled, DeviceLost };

    struct Login
    {
        QString token;
        QDateTime expiresAt;
        QString branch;
        QString branchName;
        QString staffId;
        QString staffName;
        QString role;
        // Issue 15: the audit key HQ issued at this sign-in (only when the desktop had none
        // HQ knows): the key id and the 32-byte first key.
        QString auditKeyId;
        QByteArray auditKey;
        // Issue 19: given at an interactive sign-in only; kept (encrypted) to renew tokens.
        QString deviceCredential;
    };

    HqClient(QUrl base, std::atomic_bool *cancel = nullptr);
    ~HqClient();
    HqClient(const HqClient &) = delete;
    HqClient &operator=(const HqClient &) = delete;

    // Fault injection for tests: decides, per request, to fail before sending,
    // to send it twice (a retried request), or to lose HQ's answer.
    enum class Fault { None, FailBeforeSend, SendTwice, LoseAnswer };
    using FaultInjector = std::function<Fault(const QByteArray &method, const QString &path)>;
    void setFaultInjector(FaultInjector injector) { m_faults = std::move(injector); }

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    void setToken(const QString &token) { m_token = token; }
    // The audit key the store holds (AuditKey), sent at sign-in; empty asks HQ for one.
    void setAuditKeyId(const QString &keyId) { m_auditKeyId = keyId; }
    QString token() const { return m_token; }
    // Trust this certificate for TLS (a private CA or pinned server certificate).
    void setCaCertificates(const QList<QSslCertificate> &certs) { m_caCerts = certs; }

    Status login(const QString &branch, const QString &staffId, const QString &password, const QString &deviceId,
                 Login *out);
    // Issue 19: a new token for this device from its credential, without the password.
    // Unauthorized when the credential ended (sign in with the password again).
    Status renew(const QString &deviceId, const QString &credential, Login *out);
    // `fullReload`: the client is reloading from 0 after a full-resync answer; HQ then
    // serves cursors below its tombstone floor.
    Status pull(const QString &branch, qint64 after, int limit, WireFormat::Page *out, bool fullReload = false);
    Status push(const QString &branch, const WireFormat::PushBatch &batch, WireFormat::PushResult *out);
    // Issue 15: a lost device's report that it erased its store, with its saved token.
    Status reportErased();

    QString lastError() const { return m_error; }
    int lastHttpStatus() const { return m_httpStatus; }

private:
    Status request(const QByteArray &method, const QString &path, const QByteArray &body, const QByteArray &contentType,
                   QByteArray *response);
    bool secretsMayTravel();
    bool transientFailure() const;
    Status readSession(const QByteArray &response, Login *out);
    Status requestOnce(const QByteArray &method, const QString &path, const QByteArray &body,
                       const QByteArray &contentType, QByteArray *response);
    // The answer of a finished reply: its status, HQ's message in m_error, the body in `response`.
    Status readAnswer(QNetworkReply *reply, QByteArray *response);

    QUrl m_base;
    std::atomic_bool *m_cancel;
    QString m_token;
    QString m_auditKeyId;
    QString m_error;
    int m_httpStatus = 0;
    int m_networkError = 0;
    bool m_timedOut = false;
    int m_timeoutMs = 60000;
    QList<QSslCertificate> m_caCerts;
    QNetworkAccessManager *m_nam;
    FaultInjector m_faults;
};
