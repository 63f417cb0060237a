#include "unlockthrottle.h"

#include "storeerror.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

UnlockThrottle::UnlockThrottle(QString storePath) : m_storePath(std::move(storePath))
{
    QFile in(pathFor(m_storePath));
    if (!in.open(QIODevice::ReadOnly))
        return;
    // A damaged file counts as one failure at "now" rather than none: deleting or
    // corrupting it must not be a way around the wait.
    const QJsonObject o = QJsonDocument::fromJson(in.read(64 * 1024)).object();
    m_failures = qMax(1, o.value(QStringLiteral("failures")).toInt());
    m_last = QDateTime::fromString(o.value(QStringLiteral("last_failure")).toString(), Qt::ISODateWithMs);
    if (!m_last.isValid())
        m_last = QDateTime::currentDateTime();
    for (const QJsonValue &v : o.value(QStringLiteral("unaudited")).toArray()) {
        const QDateTime at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        if (at.isValid())
            m_unaudited << at;
    }
}

QString UnlockThrottle::pathFor(const QString &storePath)
{
    return storePath + QStringLiteral(".unlock");
}

qint64 UnlockThrottle::secondsToWait(qint64 delayAfterLastFailure, const QDateTime &now) const
{
    if (m_failures == 0 || delayAfterLastFailure <= 0)
        return 0;
    const QDateTime allowedAt = m_last.addSecs(delayAfterLastFailure);
    // A clock set back makes the wait start again rather than vanish.
    if (now < m_last)
        return delayAfterLastFailure;
    return qMax<qint64>(0, now.secsTo(allowedAt));
}

void UnlockThrottle::recordFailure(const QDateTime &now)
{
    ++m_failures;
    m_last = now;
    m_unaudited << now;
    while (m_unaudited.size() > 100)
        m_unaudited.removeFirst();
    save();
}

void UnlockThrottle::reset()
{
    m_failures = 0;
    m_last = {};
    m_unaudited.clear();
    QFile::remove(pathFor(m_storePath));
}

void UnlockThrottle::save() const
{
    QJsonArray times;
    for (const QDateTime &at : m_unaudited)
        times.append(at.toString(Qt::ISODateWithMs));
    const QJsonObject o{{QStringLiteral("failures"), m_failures},
                        {QStringLiteral("last_failure"), m_last.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("unaudited"), times}};
    QSaveFile out(pathFor(m_storePath));
    if (!out.open(QIODevice::WriteOnly))
        throw StoreError(QStringLiteral("Cannot write %1: %2").arg(pathFor(m_storePath), out.errorString()));
    out.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    if (!out.commit())
        throw StoreError(QStringLiteral("Cannot write %1: %2").arg(pathFor(m_storePath), out.errorString()));
}
