#include "pagecache.h"

#include <QMutexLocker>

QString PageCache::key(const QString &branch, const QString &viewer, qint64 after, int limit)
{
    // Branch codes, staff and device ids hold no tab (the decoder refuses control characters).
    return branch + QLatin1Char('\t') + viewer + QLatin1Char('\t') + QString::number(after) + QLatin1Char('\t')
           + QString::number(limit);
}

bool PageCache::deviceFree(const QByteArray &encodedRecords)
{
    // A CBOR text string of 9 bytes "device_id" starts 0x69.
    return !encodedRecords.contains(QByteArrayView("\x69" "device_id"));
}

bool PageCache::find(const QString &key, const Version &version, Page *out, Version *stale)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || !(it->version == version)) {
        if (it != m_entries.end() && stale)
            *stale = it->version;
        ++m_misses;
        return false;
    }
    m_lru.splice(m_lru.begin(), m_lru, it->lru);
    *out = it->page;
    ++m_hits;
    return true;
}

bool PageCache::restamp(const QString &key, const Version &from, const Version &to, Page *out)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end() || !(it->version == from))
        return false;
    it->version = to;
    m_lru.splice(m_lru.begin(), m_lru, it->lru);
    *out = it->page;
    --m_misses; // counted by the find that saw it stale
    ++m_hits;
    return true;
}

bool PageCache::onlyAuditSince(const Version &from, const Version &to, qint64 auditEntries, qint64 otherEntries)
{
    if (from.tombstoneFloor != to.tombstoneFloor || to.lastSeq <= from.lastSeq)
        return false;
    // A number not held by an audit entry was taken by a record that has since moved on.
    if (otherEntries != 0 || auditEntries != to.lastSeq - from.lastSeq)
        return false;
    const bool scopedKeptUp = from.scopedThrough == from.lastSeq && to.scopedThrough == to.lastSeq;
    return from.scopedThrough == to.scopedThrough || scopedKeptUp;
}

void PageCache::insert(const QString &key, const Version &version, const Page &page)
{
    const qsizetype size = page.deflated.size() + key.size() * 2;
    if (size > m_maxBytes / 4)
        return; // one page may not push out most of the others
    QMutexLocker lock(&m_mutex);
    auto it = m_entries.find(key);
    if (it != m_entries.end()) {
        m_bytes -= it->page.deflated.size() + key.size() * 2;
        m_lru.erase(it->lru);
        m_entries.erase(it);
    }
    m_lru.push_front(key);
    m_entries.insert(key, Entry{version, page, m_lru.begin()});
    m_bytes += size;
    while (m_bytes > m_maxBytes && !m_lru.empty()) {
        const QString &oldest = m_lru.back();
        const auto old = m_entries.find(oldest);
        m_bytes -= old->page.deflated.size() + oldest.size() * 2;
        m_entries.erase(old);
        m_lru.pop_back();
    }
}

qint64 PageCache::hits() const
{
    QMutexLocker lock(&m_mutex);
    return m_hits;
}

qint64 PageCache::misses() const
{
    QMutexLocker lock(&m_mutex);
    return m_misses;
}
