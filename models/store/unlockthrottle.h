#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// Counts wrong passphrases for one store in "<store>.unlock", outside the encrypted
// store (which cannot be read before the unlock), so a restart does not reset the
// count. It holds times only, no personal data. The failures it keeps are written
// to the audit log at the next successful unlock. It never deletes anything.
class UnlockThrottle
{
public:
    explicit UnlockThrottle(QString storePath);

    static QString pathFor(const QString &storePath);
    int failures() const { return m_failures; }
    QDateTime lastFailure() const { return m_last; }
    // The failed attempts not yet in the audit log (at most the last 100).
    QList<QDateTime> unaudited() const { return m_unaudited; }
    // Seconds left before the next attempt is accepted, for a given delay rule.
    qint64 secondsToWait(qint64 delayAfterLastFailure, const QDateTime &now) const;

    void recordFailure(const QDateTime &now); // atomic write
    void reset();                             // after a successful unlock

private:
    void save() const;

    QString m_storePath;
    int m_failures = 0;
    QDateTime m_last;
    QList<QDateTime> m_unaudited;
};
