#pragma once

#include <QTcpServer>
#include <QTcpSocket>

#include <atomic>

// Sits between a desktop and HQ and damages HQ's answers to page requests in turn:
// cut short, bytes flipped, replaced by garbage, emptied; every fifth one passes.
class ManglingProxy : public QTcpServer
{
public:
    quint16 upstreamPort = 0;
    std::atomic<int> mangled{0};
    std::atomic<int> pages{0};

protected:
    void incomingConnection(qintptr fd) override
    {
        QTcpSocket client;
        if (!client.setSocketDescriptor(fd))
            return;
        const QByteArray request = readMessage(client);
        if (request.isEmpty())
            return;
        QTcpSocket hq;
        hq.connectToHost(QHostAddress::LocalHost, upstreamPort);
        if (!hq.waitForConnected(5000))
            return;
        hq.write(request);
        hq.waitForBytesWritten(5000);
        QByteArray response = readMessage(hq);
        if (request.startsWith("GET ") && request.left(request.indexOf('\n')).contains("/changes"))
            response = mangle(response, pages++);
        client.write(response);
        client.waitForBytesWritten(5000);
        client.disconnectFromHost();
        if (client.state() != QAbstractSocket::UnconnectedState)
            client.waitForDisconnected(2000);
    }

private:
    static QByteArray readMessage(QTcpSocket &s)
    {
        QByteArray data;
        qsizetype headerEnd = -1;
        qint64 length = -1;
        while (headerEnd < 0 || (length >= 0 && data.size() < headerEnd + 4 + length)) {
            if (!s.waitForReadyRead(10000))
                break;
            data += s.readAll();
            if (headerEnd < 0 && (headerEnd = data.indexOf("\r\n\r\n")) >= 0) {
                length = 0;
                for (const QByteArray &line : data.left(headerEnd).split('\n')) {
                    if (line.toLower().startsWith("content-length:"))
                        length = line.mid(15).trimmed().toLongLong();
                }
            }
        }
        return data;
    }
    QByteArray mangle(const QByteArray &response, int n)
    {
        const qsizetype bodyAt = response.indexOf("\r\n\r\n") + 4;
        const QByteArray head = response.left(bodyAt);
        QByteArray body = response.mid(bodyAt);
        if (n % 5 == 4 || body.size() < 8)
            return response;
        ++mangled;
        switch (n % 5) {
        case 0: // cut short: the connection closes before the promised length
            return head + body.left(body.size() / 2);
        case 1: // a few bytes flipped in the middle
            for (qsizetype i = body.size() / 3; i < body.size() / 3 + 4; ++i)
                body[i] = char(body[i] ^ 0x20);
            return head + body;
        case 2: { // garbage of the same length
            for (qsizetype i = 0; i < body.size(); ++i)
                body[i] = char((i * 131 + n) & 0xff);
            return head + body;
        }
        default: { // an empty body, announced as such
            QByteArray h = head;
            const qsizetype at = h.toLower().indexOf("content-length:");
            const qsizetype end = h.indexOf("\r\n", at);
            h.replace(at, end - at, "Content-Length: 0");
            return h;
        }
        }
    }
};

