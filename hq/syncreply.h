#pragma once

#include "syncserver.h"

#include <QCborMap>
#include <QHttpServerResponse>

class PgError;

// The answers SyncServer's handlers build, on their worker threads: CBOR (JSON when the
// request asks), deflated when the request accepts it and the body is worth it.
namespace SyncReply {

using Status = QHttpServerResponse::StatusCode;

bool wantsJson(const SyncServer::Request &r);
QHttpServerResponse reply(const SyncServer::Request &req, const QCborMap &body, Status status = Status::Ok);
QHttpServerResponse error(const SyncServer::Request &req, Status status, const char *code, const QString &message);
QHttpServerResponse databaseDown(const SyncServer::Request &req, const char *what, const PgError &e);

} // namespace SyncReply
