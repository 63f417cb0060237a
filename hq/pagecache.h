#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <list>

// Encoded pull pages kept for the next desktop that asks for the same ones (issue 19):
// the deflated answer of GET /v1/branches/B/changes, checksum inside, by branch, viewer,
// cursor and page size, stamped with the branch's version (its change counter, scoped mark
// and tombstone floor). Any write to the branch moves its version, so a page built before
// is not served again until the server has checked that every sequence number taken since
// went to an audit entry, which no viewer pulls (a desktop's sign-in pushes one before it
// pulls: without the check each new desktop's sign-in threw away every cached page of its
// branch); then the entry is restamped with the new version. The viewer is "m" for managers (they all see the same pages),
// "r:RM" for an RM's pages that hold no device_id (customers, holdings, the roster: the
// same for every device of that RM) and "r:RM:DEVICE" for the rest (other devices' ids
// are blanked per device). One RM's pages are never under another's key. Memory only,
// bounded, least recently used out first: a restarted node starts empty and loses nothing.
class PageCache
{
public:
    struct Version
    {
        qint64 lastSeq = -1;
        qint64 scopedThrough = -1;
        qint64 tombstoneFloor = -1;
        bool operator==(const Version &o) const = default;
    };
    struct Page
    {
        QByteArray deflated;    // the whole answer body, Content-Encoding: deflate
        qsizetype recordBytes = 0;
    };

    explicit PageCache(qsizetype maxBytes) : m_maxBytes(maxBytes) {}

    static QString key(const QString &branch, const QString &viewer, qint64 after, int limit);
    // Whether an RM's page may be shared by all their devices: no device_id key in it
    // (anything that merely looks like one makes it per device: never the other way).
    static bool deviceFree(const QByteArray &encodedRecords);

    // The page under `key` at `version`. When the entry is there at another version, false
    // with that version in *stale (else *stale is left alone).
    bool find(const QString &key, const Version &version, Page *out, Version *stale = nullptr);
    // The entry under `key`, if still at `from`, is now at `to` and *out holds it.
    bool restamp(const QString &key, const Version &from, const Version &to, Page *out);
    // Whether a page built at `from` is the same page at `to`, given what holds the sequence
    // numbers in (from.lastSeq, to.lastSeq] now: the floor is the same, every number went
    // to an audit entry and nothing else holds one (no record, no removal), and the scoped
    // mark either stayed or kept up with the counter (an RM's pages end at it).
    static bool onlyAuditSince(const Version &from, const Version &to, qint64 auditEntries, qint64 otherEntries);
    void insert(const QString &key, const Version &version, const Page &page);

    qint64 hits() const;
    qint64 misses() const;

private:
    struct Entry
    {
        Version version;
        Page page;
        std::list<QString>::iterator lru;
    };
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    std::list<QString> m_lru; // front: most recently used
    qsizetype m_bytes = 0;
    qsizetype m_maxBytes;
    qint64 m_hits = 0;
    qint64 m_misses = 0;
};
