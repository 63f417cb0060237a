#include "hqclient.h"

#include <QCborMap>
#include <QCborValue>
#include <QEventLoop>
#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

namespace {

// The request for `path` (with its query) under HQ's address `base`.
QNetworkRequest makeRequest(const QUrl &base, const QString &path, const QString &token,
                            const QList<QSslCertificate> &caCerts)
{
    QUrl url = base;
    const int q = path.indexOf(QLatin1Char('?'));
    url.setPath(base.path().chopped(base.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    req.setRawHeader("Accept", "application/cbor");
    // We inflate bodies ourselves (with a size limit), so ask for deflate explicitly.
    req.setRawHeader("Accept-Encoding", "deflate");
    req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    if (!caCerts.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(caCerts); // replaces the system CAs: only these are trusted
        req.setSslConfiguration(ssl);
    }
    return req;
}

// Waits until the reply finished, `timeoutMs` passed or `cancel` was set.
void waitFor(QNetworkReply *reply, int timeoutMs, std::atomic_bool *cancel)
{
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QTimer cancelPoll;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
        if (cancel && cancel->load())
            loop.quit();
    });
    timeout.start(timeoutMs);
    cancelPoll.start(100);
    loop.exec();
}

// The status of an answer HQ gave with an error code; `err` is its {error, message} body.
HqClient::Status errorStatus(int httpStatus, const QCborMap &err)
{
    using Status = HqClient::Status;
    switch (httpStatus) {
    case 401:
        return Status::Unauthorized;
    case 403:
        return err.value(QLatin1String("error")).toString() == QLatin1String("device_lost") ? Status::DeviceLost
                                                                                          : Status::Forbidden;
    case 409:
        return Status::Conflict;
    case 410:
        return Status::FullResync;
    case 429:
        return Status::Unauthorized;
    default:
        return httpStatus >= 500 ? Status::ServerError : Status::BadResponse;
    }
}

} // namespace

HqClient::HqClient(QUrl base, std::atomic_bool *cancel)
    : m_base(std::move(base)), m_cancel(cancel), m_nam(new QNetworkAccessManager)
{
}

HqClient::~HqClient()
{
    delete m_nam;
}

HqClient::Status HqClient::request(const QByteArray &method, const QString &path, const QByteArray &body,
                                   const QByteArray &contentType, QByteArray *response)
{
    const Fault fault = m_faults ? m_faults(method, path) : Fault::None;
    switch (fault) {
    case Fault::None:
        break;
    case Fault::FailBeforeSend:
        m_error = QStringLiteral("HQ is not reachable (injected fault)");
        m_httpStatus = 0;
        return Status::Offline;
    case Fault::SendTwice:
        requestOnce(method, path, body, contentType, response);
        break;
    case Fault::LoseAnswer:
        requestOnce(method, path, body, contentType, response);
        response->clear();
        m_error = QStringLiteral("the answer from HQ was lost (injected fault)");
        m_httpStatus = 0;
        return Status::Offline;
    }
    Status st = requestOnce(method, path, body, contentType, response);
    // Issue 19: one HQ node of several went away mid-request (refused, reset, a gateway's
    // 502-504): ask again, twice at most, a moment later; the load balancer sends it to
    // another node. Every request is safe to repeat (pushes by device sequence). Not after
    // our own timeout: that one already waited long enough.
    for (int attempt = 1; attempt <= 2 && transientFailure(); ++attempt) {
        for (int waited = 0; waited < 500 * attempt; waited += 50) {
            if (m_cancel && m_cancel->load())
                return Status::Cancelled;
            QThread::msleep(50);
        }
        st = requestOnce(method, path, body, contentType, response);
    }
    return st;
}

bool HqClient::transientFailure() const
{
    if (m_timedOut)
        return false;
    if (m_httpStatus == 502 || m_httpStatus == 503 || m_httpStatus == 504)
        return true;
    // Closed or reset mid-request, a network timeout, a temporary failure: not a TLS or HTTP
    // error, and not a refused connection (HQ is down, or nginx is: asking again only delays
    // "offline"; a node that went away behind nginx shows as a cut or a 502).
    switch (QNetworkReply::NetworkError(m_networkError)) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::UnknownNetworkError:
        return true;
    default:
        return false;
    }
}

HqClient::Status HqClient::requestOnce(const QByteArray &method, const QString &path, const QByteArray &body,
                                       const QByteArray &contentType, QByteArray *response)
{
    m_error.clear();
    m_httpStatus = 0;
    m_networkError = 0;
    m_timedOut = false;
    if (m_cancel && m_cancel->load())
        return Status::Cancelled;
    QNetworkRequest req = makeRequest(m_base, path, m_token, m_caCerts);
    QByteArray payload = body;
    if (!body.isEmpty()) {
        req.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        payload = WireFormat::deflate(body);
        req.setRawHeader("Content-Encoding", "deflate");
    }
    QNetworkReply *reply = m_nam->sendCustomRequest(req, method, payload);
    waitFor(reply, m_timeoutMs, m_cancel);
    if (!reply->isFinished()) {
        const bool cancelled = m_cancel && m_cancel->load();
        reply->abort();
        reply->deleteLater();
        m_timedOut = !cancelled;
        m_error = cancelled ? QStringLiteral("cancelled") : QStringLiteral("HQ did not answer within %1 s").arg(m_timeoutMs / 1000);
        return cancelled ? Status::Cancelled : Status::Offline;
    }
    return readAnswer(reply, response);
}

HqClient::Status HqClient::readAnswer(QNetworkReply *reply, QByteArray *response)
{
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray raw = reply->readAll();
    const QByteArray encoding = reply->rawHeader("Content-Encoding");
    const QNetworkReply::NetworkError netError = reply->error();
    m_networkError = int(netError);
    const QString netErrorText = reply->errorString();
    reply->deleteLater();
    // A connection cut in the middle of the answer is no answer, whatever its status line said.
    if (m_httpStatus == 0 || (netError > QNetworkReply::NoError && netError <= QNetworkReply::UnknownNetworkError)) {
        m_error = QStringLiteral("HQ is not reachable: %1").arg(netErrorText);
        return Status::Offline;
    }
    QByteArray data = raw;
    if (encoding == "deflate") {
        QString error;
        if (!WireFormat::inflate(raw, &data, &error)) {
            m_error = error;
            return Status::BadResponse;
        }
    }
    *response = data;
    if (m_httpStatus >= 200 && m_httpStatus < 300)
        return Status::Ok;
    // Error bodies are {error, message}; show HQ's message, which never holds personal data.
    const QCborMap err = QCborValue::fromCbor(data).toMap();
    m_error = err.value(QLatin1String("message")).toString();
    if (m_error.isEmpty())
        m_error = QStringLiteral("HQ answered HTTP %1 (%2)").arg(m_httpStatus).arg(netError);
    return errorStatus(m_httpStatus, err);
}

bool HqClient::secretsMayTravel()
{
    // A password or device credential never crosses a network in clear text: plain HTTP
    // only to this computer.
    const QHostAddress host(m_base.host());
    if (m_base.scheme() != QLatin1String("https") && !host.isLoopback() && m_base.host() != QLatin1String("localhost")) {
        m_error = QStringLiteral("HQ's address must start with https:// (plain http only to this computer)");
        return false;
    }
    return true;
}

HqClient::Status HqClient::login(const QString &branch, const QString &staffId, const QString &password,
                                 const QString &deviceId, Login *out)
{
    if (!secretsMayTravel())
        return Status::Forbidden;
    QCborMap body;
    if (!branch.isEmpty())
        body.insert(QLatin1String("branch"), branch);
    body.insert(QLatin1String("staff_id"), staffId);
    body.insert(QLatin1String("password"), password);
    body.insert(QLatin1String("device"), deviceId);
    body.insert(QLatin1String("audit_key_id"), m_auditKeyId);
    QByteArray response;
    m_token.clear();
    const Status s = request("POST", QStringLiteral("/v1/login"), body.toCborValue().toCbor(), "application/cbor", &response);
    if (s != Status::Ok)
        return s;
    return readSession(response, out);
}

HqClient::Status HqClient::renew(const QString &deviceId, const QString &credential, Login *out)
{
    if (!secretsMayTravel())
        return Status::Forbidden;
    QCborMap body;
    body.insert(QLatin1String("device"), deviceId);
    body.insert(QLatin1String("credential"), credential);
    body.insert(QLatin1String("audit_key_id"), m_auditKeyId);
    QByteArray response;
    m_token.clear();
    const Status s = request("POST", QStringLiteral("/v1/token"), body.toCborValue().toCbor(), "application/cbor", &response);
    if (s != Status::Ok)
        return s;
    return readSession(response, out);
}

HqClient::Status HqClient::readSession(const QByteArray &response, Login *out)
{
    const QCborMap m = QCborValue::fromCbor(response).toMap();
    out->token = m.value(QLatin1String("token")).toString();
    out->expiresAt = QDateTime::fromString(m.value(QLatin1String("expires_at")).toString(), Qt::ISODate);
    out->branch = m.value(QLatin1String("branch")).toString();
    out->branchName = m.value(QLatin1String("branch_name")).toString();
    out->staffId = m.value(QLatin1String("staff_id")).toString();
    out->staffName = m.value(QLatin1String("staff_name")).toString();
    out->role = m.value(QLatin1String("role")).toString();
    const QCborMap auditKey = m.value(QLatin1String("audit_key")).toMap();
    out->auditKeyId = auditKey.value(QLatin1String("id")).toString();
    out->auditKey = QByteArray::fromHex(auditKey.value(QLatin1String("key")).toString().toLatin1());
    out->deviceCredential = m.value(QLatin1String("device_credential")).toString();
    if (out->token.isEmpty() || out->branch.isEmpty()) {
        m_error = QStringLiteral("HQ's login answer has no token or branch");
        return Status::BadResponse;
    }
    m_token = out->token;
    return Status::Ok;
}

HqClient::Status HqClient::reportErased()
{
    QByteArray response;
    return request("POST", QStringLiteral("/v1/device/erased"), QCborMap().toCborValue().toCbor(), "application/cbor", &response);
}

HqClient::Status HqClient::pull(const QString &branch, qint64 after, int limit, WireFormat::Page *out, bool fullReload)
{
    QByteArray response;
    QString path = QStringLiteral("/v1/branches/%1/changes?after=%2&limit=%3")
                       .arg(QString::fromLatin1(QUrl::toPercentEncoding(branch)))
                       .arg(after)
                       .arg(limit);
    if (fullReload)
        path += QStringLiteral("&full=1");
    Status s = request("GET", path, {}, {}, &response);
    if (s == Status::FullResync) {
        out->fullResync = true;
        return s;
    }
    if (s != Status::Ok)
        return s;
    QString error;
    if (!WireFormat::decodePage(response, out, &error)) {
        m_error = error;
        return Status::BadResponse;
    }
    return Status::Ok;
}

HqClient::Status HqClient::push(const QString &branch, const WireFormat::PushBatch &batch, WireFormat::PushResult *out)
{
    QByteArray response;
    const QString path = QStringLiteral("/v1/branches/%1/push").arg(QString::fromLatin1(QUrl::toPercentEncoding(branch)));
    const Status s = request("POST", path, WireFormat::encodePush(batch), "application/cbor", &response);
    if (s != Status::Ok)
        return s;
    QString error;
    if (!WireFormat::decodePushResult(response, out, &error)) {
        m_error = error;
        return Status::BadResponse;
    }
    return Status::Ok;
}
