#include "syncreply.h"

#include "pgconnection.h"
#include "protocol/wireformat.h"

#include <QCborValue>
#include <QJsonDocument>

namespace SyncReply {

bool wantsJson(const SyncServer::Request &r)
{
    return r.accept.contains("application/json");
}

QHttpServerResponse reply(const SyncServer::Request &req, const QCborMap &body, Status status)
{
    if (wantsJson(req))
        return QHttpServerResponse("application/json", QJsonDocument(body.toJsonObject()).toJson(QJsonDocument::Compact), status);
    const QByteArray cbor = body.toCborValue().toCbor();
    if (req.acceptEncoding.contains("deflate") && cbor.size() > 512) {
        QHttpServerResponse r("application/cbor", WireFormat::deflate(cbor), status);
        r.addHeader("Content-Encoding", "deflate");
        return r;
    }
    return QHttpServerResponse("application/cbor", cbor, status);
}

QHttpServerResponse error(const SyncServer::Request &req, Status status, const char *code, const QString &message)
{
    QCborMap m;
    m.insert(QLatin1String("error"), QString::fromLatin1(code));
    m.insert(QLatin1String("message"), message);
    return reply(req, m, status);
}

QHttpServerResponse databaseDown(const SyncServer::Request &req, const char *what, const PgError &e)
{
    qWarning("%s failed: database error %s", what, e.sqlState().constData());
    return error(req, Status::ServiceUnavailable, "database", QStringLiteral("HQ's database is unavailable"));
}

} // namespace SyncReply
