#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHashFunctions>

#include <vector>

// A hash map from short byte strings to an int, for the import's duplicate check over
// millions of rows: the keys are copied into one buffer and the table holds 16-byte slots,
// so an insert allocates nothing most of the time (QSet<QString> allocated per row).
class ByteKeyMap
{
public:
    explicit ByteKeyMap(qsizetype expected = 1024)
    {
        qsizetype n = 1024;
        while (n < expected * 2)
            n *= 2;
        m_slots.assign(size_t(n), Slot{});
    }
    // Adds `key` with `value`; false (the stored value kept) when the key is there already.
    bool insert(QByteArrayView key, int value)
    {
        if ((m_count + 1) * 10 > qsizetype(m_slots.size()) * 7)
            grow();
        const quint32 h = hashOf(key);
        size_t i = h & (m_slots.size() - 1);
        for (;; i = (i + 1) & (m_slots.size() - 1)) {
            Slot &s = m_slots[i];
            if (s.length < 0) {
                s = Slot{h, quint32(m_keys.size()), qint32(key.size()), value};
                m_keys.append(key.data(), key.size());
                ++m_count;
                return true;
            }
            if (s.hash == h && keyAt(s) == key)
                return false;
        }
    }
    // The value stored for `key`, or `missing`.
    int value(QByteArrayView key, int missing = -1) const
    {
        const quint32 h = hashOf(key);
        for (size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const Slot &s = m_slots[i];
            if (s.length < 0)
                return missing;
            if (s.hash == h && keyAt(s) == key)
                return s.value;
        }
    }
    qsizetype size() const { return m_count; }

private:
    struct Slot
    {
        quint32 hash = 0;
        quint32 offset = 0;
        qint32 length = -1; // -1: empty
        qint32 value = 0;
    };
    static quint32 hashOf(QByteArrayView key) { return quint32(qHashBits(key.data(), size_t(key.size()), 0x9e3779b9)); }
    QByteArrayView keyAt(const Slot &s) const { return QByteArrayView(m_keys.constData() + s.offset, s.length); }
    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2, Slot{});
        old.swap(m_slots);
        for (const Slot &s : old) {
            if (s.length < 0)
                continue;
            size_t i = s.hash & (m_slots.size() - 1);
            while (m_slots[i].length >= 0)
                i = (i + 1) & (m_slots.size() - 1);
            m_slots[i] = s;
        }
    }

    std::vector<Slot> m_slots;
    QByteArray m_keys;
    qsizetype m_count = 0;
};
