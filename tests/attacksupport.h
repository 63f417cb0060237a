#pragma once

// Helpers for the attack suites (issue 15): hand-made requests to the real HQ, the
// way a penetration tester sends them, and a tally of attacks tried and refused.
#include "hqfixture.h"
#include "protocol/hqclient.h"
#include "protocol/wireformat.h"

#include <QCborMap>
#include <QCborValue>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString error() const { return json().value(QStringLiteral("error")).toString(); }
};

// One request with JSON in and out (HQ accepts JSON for debugging, as a tester would use it).
inline HttpAnswer http(const QUrl &base, const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QString &token = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkAccessManager nam;
    QUrl url = base;
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(q < 0 ? path : path.left(q));
    if (q >= 0)
        url.setQuery(path.mid(q + 1));
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    req.setRawHeader("Accept", "application/json");
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(300000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpAnswer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    reply->deleteLater();
    return a;
}

inline QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// Signs in and returns the token ("" when refused).
inline QString signIn(const QUrl &base, const QString &staff, const QString &password, const QString &device,
                      HttpAnswer *answer = nullptr)
{
    const HttpAnswer a = http(base, "POST", QStringLiteral("/v1/login"),
                              json({{QStringLiteral("staff_id"), staff}, {QStringLiteral("password"), password},
                                    {QStringLiteral("device"), device}}));
    if (answer)
        *answer = a;
    return a.status == 200 ? a.json().value(QStringLiteral("token")).toString() : QString();
}

// A push in JSON: records as {entity, id, seq, deleted, data}.
inline HttpAnswer pushJson(const QUrl &base, const QString &branch, const QString &token, const QString &device,
                           const QJsonArray &records, int schema = 6)
{
    return http(base, "POST", QStringLiteral("/v1/branches/%1/push").arg(branch),
                json({{QStringLiteral("v"), 1}, {QStringLiteral("schema"), schema}, {QStringLiteral("device"), device},
                      {QStringLiteral("records"), records}}),
                token);
}

inline QJsonObject rec(const QString &entity, const QString &id, qint64 seq, const QJsonObject &data, bool deleted = false)
{
    QJsonObject o{{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}, {QStringLiteral("seq"), double(seq)},
                  {QStringLiteral("deleted"), deleted}};
    if (!deleted)
        o.insert(QStringLiteral("data"), data);
    return o;
}

// Resident memory of a process in MiB, from /proc.
inline double residentMiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

// Every attack prints one line; the suite's last test prints the totals (docs/security.md).
struct AttackTally
{
    int tried = 0;
    int succeeded = 0;
    void count(const char *name, bool refused)
    {
        ++tried;
        succeeded += refused ? 0 : 1;
        qInfo("ATTACK %s: %s", name, refused ? "refused" : "SUCCEEDED");
    }
};

#define ATTACK(tally, name, refusedCondition)                                                                          \
    do {                                                                                                              \
        const bool refused_ = (refusedCondition);                                                                     \
        (tally).count(name, refused_);                                                                                \
        QVERIFY2(refused_, name);                                                                                     \
    } while (false)
