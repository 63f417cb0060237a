#include "connectionguard.h"

#include <QCborMap>
#include <QCborValue>
#include <QTcpSocket>

namespace {

QTcpSocket *guard(QTcpSocket *socket, const GuardLimits &limits, int *open)
{
    if (!socket)
        return nullptr;
    new ConnectionGuard(socket, limits, open);
    return socket;
}

} // namespace

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const GuardLimits &limits, int *open)
    : QObject(socket), m_socket(socket), m_limits(limits), m_open(open)
{
    ++*m_open;
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, m_socket, [this] {
        // Slow or idle: the connection is dropped, whatever it was doing.
        m_socket->abort();
    });
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Idle)
            arm(m_limits.idleMs);
    });
    arm(m_limits.idleMs);
    if (*m_open > m_limits.maxConnections)
        refuse(503, "busy", "HQ has too many open connections: try again later");
}

ConnectionGuard::~ConnectionGuard()
{
    --*m_open;
}

void ConnectionGuard::arm(int ms)
{
    m_timer.start(ms);
}

void ConnectionGuard::onReadyRead()
{
    if (m_state == State::Refused) {
        m_socket->readAll(); // nothing reaches QHttpServer
        return;
    }
    const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < data.size() && m_state != State::Refused) {
        if (m_state == State::Body) {
            const qint64 n = qMin<qint64>(m_bodyLeft, data.size() - pos);
            m_bodyLeft -= n;
            pos += n;
            if (m_bodyLeft == 0) {
                m_state = State::Idle;
                arm(m_limits.idleMs);
            } else {
                arm(m_limits.bodyIdleMs);
            }
            continue;
        }
        if (m_state == State::Idle) {
            m_state = State::Headers;
            arm(m_limits.headerTimeoutMs);
        }
        const qsizetype before = m_head.size();
        m_head += data.mid(pos, m_limits.maxHeaderBytes + 4 - before);
        const qsizetype end = m_head.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_head.size() > m_limits.maxHeaderBytes)
                refuse(431, "headers_too_large", "The request's headers are too large");
            pos = data.size();
            break;
        }
        pos += end + 4 - before;
        if (!headersDone(end))
            break;
    }
    if (m_state == State::Refused)
        m_socket->readAll();
}

bool ConnectionGuard::headersDone(qsizetype end)
{
    const QList<QByteArray> lines = m_head.left(end).split('\n');
    m_head.clear();
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QByteArray path = requestLine.value(1);
    qint64 length = -1;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qint64 n = value.toLongLong(&ok);
            if (!ok || n < 0 || (length >= 0 && length != n)) {
                refuse(400, "bad_request", "The request's Content-Length is not valid");
                return false;
            }
            length = n;
        } else if (name == "transfer-encoding") {
            chunked = true;
        }
    }
    if (chunked) {
        refuse(411, "length_required", "Send the body with a Content-Length");
        return false;
    }
    const bool post = requestLine.value(0) == "POST";
    if (post && length < 0) {
        refuse(411, "length_required", "Send the body with a Content-Length");
        return false;
    }
    qsizetype limit = m_limits.maxOtherBody;
    if (path.startsWith("/v1/login"))
        limit = m_limits.maxLoginBody;
    else if (path.startsWith("/v1/branches/") && path.contains("/push"))
        limit = m_limits.maxPushBody;
    if (length > limit) {
        refuse(413, "too_large", "The request body is larger than HQ accepts");
        return false;
    }
    m_bodyLeft = qMax<qint64>(length, 0);
    m_state = m_bodyLeft > 0 ? State::Body : State::Idle;
    arm(m_bodyLeft > 0 ? m_limits.bodyIdleMs : m_limits.idleMs);
    return true;
}

void ConnectionGuard::refuse(int status, const char *code, const char *message)
{
    m_state = State::Refused;
    m_socket->readAll();
    m_socket->setReadBufferSize(4096); // stop reading what the client keeps sending
    // The same {error, message} map as every HQ error, in CBOR (what desktops read).
    QCborMap m;
    m.insert(QLatin1String("error"), QString::fromLatin1(code));
    m.insert(QLatin1String("message"), QString::fromLatin1(message));
    const QByteArray body = m.toCborValue().toCbor();
    QByteArray reason = status == 413 ? "Payload Too Large" : status == 411 ? "Length Required"
                      : status == 431 ? "Request Header Fields Too Large" : status == 503 ? "Service Unavailable"
                                                                          : "Bad Request";
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: application/cbor\r\n"
                    "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->flush();
    // Closing at once would reset the connection under a client still sending, which may
    // then never read the answer: the client gets 2 s to read it, then the socket goes.
    arm(2000);
}

QTcpSocket *GuardedTcpServer::nextPendingConnection()
{
    return guard(QTcpServer::nextPendingConnection(), m_limits, &m_open);
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    return guard(QSslServer::nextPendingConnection(), m_limits, &m_open);
}
