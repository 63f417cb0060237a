#pragma once

#include "../protocol/syncentities.h"
#include "../protocol/syncrecord.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QtAlgorithms>
#include <vector>

// The records of one pull page, decoded straight from their CBOR into typed
// columns of the entity they belong to: what the desktop applies
// (PageApplier). No QJsonObject per record and no UTF-16 detour: text stays
// the UTF-8 it arrived as (validated) and is bound to SQLite as it is.
//
// Decoding is as strict as WireFormat::decodeRecords, which HQ still uses for
// pushes: the same shape, the same types, the same refusals and messages
// ("records: ... at byte N"). Payload columns an entity does not have are
// ignored, an entity this build does not know is kept (PageApplier skips and
// counts it), and numbers that are not whole are kept as reals for the
// applier to refuse (a page with one fails, as before).
class PulledRecords
{
public:
    struct Value
    {
        enum class Kind : quint8 { Absent, Null, Integer, Real, Text };
        Kind kind = Kind::Absent;
        qint32 size = 0; // Text: bytes
        union {
            qint64 integer = 0; // Integer (a boolean is 0 or 1)
            double real;        // Real: a number that is not a qint64, refused when applied
            qint64 offset;      // Text: where its UTF-8 starts in the page's text
        };
    };

    struct Record
    {
        int entity = -1; // index in SyncEntities::all(); -1: unknown to this build
        bool deleted = false;
        qint64 seq = 0;
        qint64 idOffset = 0;
        qint32 idSize = 0;
        quint64 present = 0;   // bit c: column c of the entity is in the payload
        qsizetype values = 0;  // the present columns' values start here, in column order
    };

    // An entity may have at most this many columns (one bit each in Record::present).
    static constexpr int kMaxColumns = 64;

    // Replaces the contents with the records in `cbor` (a CBOR array of record
    // maps). On failure the object is empty and `error` says what and where.
    bool decode(const QByteArray &cbor, QString *error);
    // The same records built from SyncRecords (tests, tools, the fuzz harness).
    static PulledRecords fromSyncRecords(const std::vector<SyncRecord> &records);

    void clear();
    size_t size() const { return m_records.size(); }
    bool empty() const { return m_records.empty(); }
    const Record &at(size_t i) const { return m_records[i]; }
    const SyncEntities::Entity *entity(const Record &r) const;
    // Column c of a record of a known entity (Absent when not in the payload). Only the
    // columns a payload has take room, so a page cannot make many times its size in values.
    const Value &value(const Record &r, int column) const
    {
        const quint64 bit = quint64(1) << column;
        if (!(r.present & bit))
            return kAbsent;
        return m_values[size_t(r.values + qPopulationCount(r.present & (bit - 1)))];
    }
    QByteArrayView text(const Value &v) const { return {m_text.constData() + v.offset, v.size}; }
    QByteArrayView id(const Record &r) const { return {m_text.constData() + r.idOffset, r.idSize}; }
    QString idString(const Record &r) const { return QString::fromUtf8(id(r)); }
    // Column `name` as text, as QJsonValue::toString() gave it: a null string unless it is text.
    QString textOf(const Record &r, const QString &name) const;

    // Entity names and columns as UTF-8, in SyncEntities::all() order.
    struct EntityColumns
    {
        QByteArray name;
        std::vector<QByteArray> columns;
        int key = -1; // index of the key column
    };
    static const std::vector<EntityColumns> &columns();

private:
    class Decoder; // decode()'s reader and scratch space (pulledrecords.cpp)
    static const Value kAbsent;
    qint64 appendText(QByteArrayView utf8);
    // Appends the values of the columns in `present` from a per-column table, in column order.
    void appendValues(Record &r, quint64 present, const Value *byColumn);

    std::vector<Record> m_records;
    std::vector<Value> m_values;
    QByteArray m_text; // every text of the page, UTF-8, back to back
};
