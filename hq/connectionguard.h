#pragma once

#include <QByteArray>
#include <QObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>
#include <QTimer>

class QTcpSocket;

// What HQ refuses before QHttpServer reads a request (issue 15, pre-auth exhaustion):
// a body larger than its path allows, judged by Content-Length from the headers alone;
// chunked or length-less bodies; headers past 16 KiB; clients that send headers or
// body too slowly or sit idle; more than maxConnections at once.
struct GuardLimits
{
    qsizetype maxHeaderBytes = 16 * 1024;
    qsizetype maxLoginBody = 64 * 1024;
    qsizetype maxPushBody = 64 * 1024 * 1024;
    qsizetype maxOtherBody = 64 * 1024;
    int headerTimeoutMs = 10000;  // from a request's first byte to the end of its headers
    int bodyIdleMs = 30000;       // no body byte for this long
    int idleMs = 120000;          // a kept-alive connection with nothing to do
    int maxConnections = 1024;
};

// Watches one socket; its readyRead slot runs before QHttpServer's, so it sees each
// request's headers before anything is parsed or stored. Child of the socket.
class ConnectionGuard : public QObject
{

public:
    ConnectionGuard(QTcpSocket *socket, const GuardLimits &limits, int *open);
    ~ConnectionGuard() override;

private:
    void onReadyRead();
    bool headersDone(qsizetype end);
    void refuse(int status, const char *code, const char *message);
    void arm(int ms);

    QTcpSocket *m_socket;
    GuardLimits m_limits;
    int *m_open;
    enum class State { Idle, Headers, Body, Refused } m_state = State::Idle;
    QByteArray m_head;
    qint64 m_bodyLeft = 0;
    QTimer m_timer;
};

// Listeners whose sockets get a ConnectionGuard before QHttpServer sees them.
class GuardedTcpServer : public QTcpServer
{
public:
    explicit GuardedTcpServer(const GuardLimits &limits, QObject *parent = nullptr) : QTcpServer(parent), m_limits(limits) {}
    QTcpSocket *nextPendingConnection() override;

private:
    GuardLimits m_limits;
    int m_open = 0;
};

class GuardedSslServer : public QSslServer
{
public:
    explicit GuardedSslServer(const GuardLimits &limits, QObject *parent = nullptr) : QSslServer(parent), m_limits(limits) {}
    QTcpSocket *nextPendingConnection() override;

private:
    GuardLimits m_limits;
    int m_open = 0;
};
