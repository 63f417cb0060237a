#include "pulledrecords.h"

#include <QCborStreamReader>
#include <QJsonValue>

#include <cstring>
#include <limits>

namespace {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF,
// which is what QCborStreamReader::readString() accepts. Mostly ASCII: 8 bytes at a time.
bool validUtf8(const char *data, qsizetype n)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data);
    qsizetype i = 0;
    while (i < n) {
        while (i + 8 <= n) {
            quint64 w;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len;
        quint32 cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (n - i < len)
            return false;
        for (int k = 1; k < len; ++k) {
            const unsigned char cc = p[i + k];
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            return false;
        if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))
            return false;
        i += len;
    }
    return true;
}

// Appends the text string under the reader to `buf` as validated UTF-8 and moves past it.
// `limit` is the size of the whole body: no string can be longer, whatever its header says.
// Text that is not UTF-8 sets `badAt` to where the string starts (where Qt's reader reports it).
bool readUtf8(QCborStreamReader &r, QByteArray &buf, qsizetype limit, qint64 *badAt)
{
    if (!r.isString())
        return false;
    const qsizetype start = buf.size();
    for (;;) {
        qsizetype n = r.currentStringChunkSize();
        if (n < 0)
            n = 0;
        if (n > limit - (buf.size() - start))
            return false;
        const qsizetype at = buf.size();
        buf.resize(at + n);
        const auto res = r.readStringChunk(buf.data() + at, n);
        if (res.status == QCborStreamReader::Error) {
            buf.truncate(start);
            return false;
        }
        buf.truncate(at + (res.status == QCborStreamReader::Ok ? res.data : 0));
        if (res.status == QCborStreamReader::EndOfString)
            break;
    }
    if (!validUtf8(buf.constData() + start, buf.size() - start)) {
        // Where the string's bytes start, which Qt's reader reports (exact unless it came in chunks).
        *badAt = r.currentOffset() - (buf.size() - start);
        buf.truncate(start);
        return false;
    }
    return true;
}

bool equals(const QByteArray &a, const char *data, qsizetype size)
{
    return a.size() == size && std::memcmp(a.constData(), data, size_t(size)) == 0;
}

// A double that is a whole qint64 is kept as an integer (exact fen); any other stays a real,
// which the applier refuses where it wants an integer.
PulledRecords::Value numberValue(double d)
{
    PulledRecords::Value v;
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 && d == double(qint64(d))) {
        v.kind = PulledRecords::Value::Kind::Integer;
        v.integer = qint64(d);
    } else {
        v.kind = PulledRecords::Value::Kind::Real;
        v.real = d;
    }
    return v;
}

} // namespace

const PulledRecords::Value PulledRecords::kAbsent{};

void PulledRecords::appendValues(Record &r, quint64 present, const Value *byColumn)
{
    r.present = present;
    r.values = qsizetype(m_values.size());
    for (quint64 bits = present; bits; bits &= bits - 1)
        m_values.push_back(byColumn[qCountTrailingZeroBits(bits)]);
}

const std::vector<PulledRecords::EntityColumns> &PulledRecords::columns()
{
    static const std::vector<EntityColumns> all = [] {
        std::vector<EntityColumns> out;
        for (const SyncEntities::Entity &e : SyncEntities::all()) {
            if (e.columns.size() > kMaxColumns)
                qFatal("SyncEntities: %s has more than %d columns", qPrintable(e.name), kMaxColumns);
            EntityColumns c;
            c.name = e.name.toUtf8();
            for (const QString &col : e.columns)
                c.columns.push_back(col.toUtf8());
            c.key = int(e.columns.indexOf(e.key));
            if (c.key < 0)
                qFatal("SyncEntities: the key of %s is not one of its columns", qPrintable(e.name));
            out.push_back(std::move(c));
        }
        return out;
    }();
    return all;
}

void PulledRecords::clear()
{
    m_records.clear();
    m_values.clear();
    m_text.clear();
}

const SyncEntities::Entity *PulledRecords::entity(const Record &r) const
{
    return r.entity < 0 ? nullptr : &SyncEntities::all().at(r.entity);
}

QString PulledRecords::textOf(const Record &r, const QString &name) const
{
    if (r.entity < 0)
        return {};
    const int c = int(SyncEntities::all().at(r.entity).columns.indexOf(name));
    if (c < 0)
        return {};
    const Value &v = value(r, c);
    return v.kind == Value::Kind::Text ? QString::fromUtf8(text(v)) : QString();
}

qint64 PulledRecords::appendText(QByteArrayView utf8)
{
    const qint64 at = m_text.size();
    m_text.append(utf8.data(), utf8.size());
    return at;
}

namespace {

// One payload value that is not text (text goes to the page's text, see Decoder::readPayloadValue).
// False, with the reader where it was, for a type a payload may not hold.
bool readScalar(QCborStreamReader &r, PulledRecords::Value &v)
{
    using Kind = PulledRecords::Value::Kind;
    if (r.isUnsignedInteger()) {
        const quint64 u = r.toUnsignedInteger();
        if (u > quint64(std::numeric_limits<qint64>::max())) {
            v.kind = Kind::Real; // does not fit: refused when applied
            v.real = double(u);
        } else {
            v.kind = Kind::Integer;
            v.integer = qint64(u);
        }
    } else if (r.isNegativeInteger()) {
        // -1 - n; QCborNegativeInteger holds n + 1, and 0 when that wrapped (n = 2^64 - 1).
        const quint64 magnitude = quint64(r.toNegativeInteger());
        if (magnitude == 0 || magnitude > quint64(1) << 63) {
            v.kind = Kind::Real;
            v.real = magnitude == 0 ? -18446744073709551616.0 : -double(magnitude);
        } else {
            v.kind = Kind::Integer;
            v.integer = qint64(0 - magnitude);
        }
    } else if (r.isDouble()) {
        v = numberValue(r.toDouble());
    } else if (r.isBool()) {
        v.kind = Kind::Integer;
        v.integer = r.toBool() ? 1 : 0;
    } else if (r.isNull() || r.isUndefined()) {
        v.kind = Kind::Null;
    } else {
        return false;
    }
    r.next();
    return true;
}

} // namespace

// decode()'s reader and the scratch space it reuses from record to record.
class PulledRecords::Decoder
{
public:
    Decoder(PulledRecords &out, const QByteArray &cbor)
        : m_out(out)
        , m_entities(columns())
        , m_limit(cbor.size())
        , m_r(cbor)
    {
    }
    bool run();
    const QString &error() const { return m_error; }

private:
    // A payload's fields, kept until the record's entity is known (a map's keys may come in
    // any order). Names go to `m_names`; text values straight to the page's text.
    struct Field
    {
        qsizetype nameAt;
        qsizetype nameSize;
        Value value;
    };

    bool fail(const QString &what);
    bool openArray();
    bool readRecord(Record &rec);
    bool readField(Record &rec, bool &haveEntity, bool &haveId);
    bool readPayload();
    bool readPayloadValue(Value &v);
    int entityIndex();
    void placeFields(Record &rec);

    PulledRecords &m_out;
    const std::vector<EntityColumns> &m_entities;
    const qsizetype m_limit; // the body's size: no string can be longer
    QCborStreamReader m_r;
    qint64 m_badAt = -1;
    QString m_error;
    std::vector<Field> m_fields;
    QByteArray m_names;
    QByteArray m_key;
    QByteArray m_entityName;
    int m_lastEntity = -1;
    // Per entity, the column each field position matched last time: pages are runs of
    // records with the same fields in the same order, so a lookup is mostly one compare.
    std::vector<std::vector<int>> m_orderHint;
    Value m_byColumn[kMaxColumns]; // one record's values by column, before they are appended
};

bool PulledRecords::Decoder::fail(const QString &what)
{
    m_error = QStringLiteral("records: %1 at byte %2").arg(what).arg(m_badAt >= 0 ? m_badAt : m_r.currentOffset());
    return false;
}

bool PulledRecords::Decoder::run()
{
    // Text never takes more room than the bytes it came in: one allocation per page.
    m_out.m_text.reserve(m_limit);
    if (!openArray())
        return false;
    m_orderHint.resize(m_entities.size());
    while (m_r.hasNext()) {
        const qsizetype textStart = m_out.m_text.size();
        Record rec;
        if (!readRecord(rec))
            return false;
        rec.entity = entityIndex();
        if (rec.entity < 0) {
            // Unknown to this build (a newer HQ): kept to be counted, its payload dropped.
            m_out.m_text.truncate(qMax(textStart, rec.idOffset + rec.idSize));
        } else {
            placeFields(rec);
        }
        m_out.m_records.push_back(rec);
    }
    if (!m_r.leaveContainer() || m_r.lastError() != QCborError::NoError)
        return fail(QStringLiteral("bad array end"));
    return true;
}

bool PulledRecords::Decoder::openArray()
{
    if (!m_r.isArray())
        return fail(QStringLiteral("expected an array"));
    if (m_r.isLengthKnown() && m_r.length() > quint64(m_limit))
        return fail(QStringLiteral("array length exceeds the body"));
    if (m_r.isLengthKnown())
        m_out.m_records.reserve(size_t(m_r.length()));
    if (!m_r.enterContainer())
        return fail(QStringLiteral("bad array"));
    return true;
}

// One record map: its entity name into m_entityName, its payload into m_fields.
bool PulledRecords::Decoder::readRecord(Record &rec)
{
    if (!m_r.isMap() || !m_r.enterContainer())
        return fail(QStringLiteral("expected a record map"));
    bool haveEntity = false;
    bool haveId = false;
    m_fields.clear();
    m_names.truncate(0);
    while (m_r.hasNext()) {
        if (!readField(rec, haveEntity, haveId))
            return false;
    }
    if (!m_r.leaveContainer())
        return fail(QStringLiteral("bad record end"));
    if (!haveEntity || !haveId)
        return fail(QStringLiteral("record without entity or id"));
    return true;
}

// One key of a record map and its value.
bool PulledRecords::Decoder::readField(Record &rec, bool &haveEntity, bool &haveId)
{
    m_key.truncate(0);
    if (!readUtf8(m_r, m_key, m_limit, &m_badAt))
        return fail(QStringLiteral("expected a text key"));
    if (m_key.size() != 1) {
        if (!m_r.next()) // skip fields a newer server may add
            return fail(QStringLiteral("bad value"));
        return true;
    }
    switch (m_key.at(0)) {
    case 'e':
        m_entityName.truncate(0);
        if (!readUtf8(m_r, m_entityName, m_limit, &m_badAt))
            return fail(QStringLiteral("entity must be text"));
        haveEntity = !m_entityName.isEmpty();
        break;
    case 'i': {
        const qsizetype at = m_out.m_text.size();
        if (!readUtf8(m_r, m_out.m_text, m_limit, &m_badAt))
            return fail(QStringLiteral("id must be text"));
        rec.idOffset = at;
        rec.idSize = qint32(m_out.m_text.size() - at);
        haveId = rec.idSize > 0;
        break;
    }
    case 's':
        if (!m_r.isInteger())
            return fail(QStringLiteral("seq must be an integer"));
        rec.seq = qint64(m_r.toInteger());
        m_r.next();
        break;
    case 'd':
        if (!m_r.isBool())
            return fail(QStringLiteral("deleted must be a boolean"));
        rec.deleted = m_r.toBool();
        m_r.next();
        break;
    case 'p':
        return readPayload();
    default:
        if (!m_r.next())
            return fail(QStringLiteral("bad value"));
        break;
    }
    return true;
}

bool PulledRecords::Decoder::readPayload()
{
    if (!m_r.isMap() || !m_r.enterContainer())
        return fail(QStringLiteral("payload must be a map"));
    while (m_r.hasNext()) {
        Field f;
        f.nameAt = m_names.size();
        if (!readUtf8(m_r, m_names, m_limit, &m_badAt))
            return fail(QStringLiteral("bad payload field"));
        f.nameSize = m_names.size() - f.nameAt;
        if (!readPayloadValue(f.value))
            return fail(QStringLiteral("bad payload field"));
        m_fields.push_back(f);
    }
    if (!m_r.leaveContainer())
        return fail(QStringLiteral("bad payload end"));
    return true;
}

bool PulledRecords::Decoder::readPayloadValue(Value &v)
{
    if (!m_r.isString())
        return readScalar(m_r, v);
    const qsizetype at = m_out.m_text.size();
    if (!readUtf8(m_r, m_out.m_text, m_limit, &m_badAt))
        return false;
    v.kind = Value::Kind::Text;
    v.offset = at;
    v.size = qint32(m_out.m_text.size() - at);
    return true;
}

// The index of m_entityName in columns(), -1 when this build does not know it.
int PulledRecords::Decoder::entityIndex()
{
    if (m_lastEntity < 0 || m_entities[size_t(m_lastEntity)].name != m_entityName) {
        m_lastEntity = -1;
        for (size_t i = 0; i < m_entities.size(); ++i) {
            if (m_entities[i].name == m_entityName) {
                m_lastEntity = int(i);
                break;
            }
        }
    }
    return m_lastEntity;
}

// Matches the payload's fields to the entity's columns and appends their values.
void PulledRecords::Decoder::placeFields(Record &rec)
{
    const EntityColumns &ec = m_entities[size_t(rec.entity)];
    const qsizetype ncols = qsizetype(ec.columns.size());
    quint64 present = 0;
    std::vector<int> &hint = m_orderHint[size_t(rec.entity)];
    if (hint.size() < m_fields.size())
        hint.resize(m_fields.size(), -1);
    for (size_t k = 0; k < m_fields.size(); ++k) {
        const Field &f = m_fields[k];
        const char *name = m_names.constData() + f.nameAt;
        int c = hint[k];
        if (c < 0 || !equals(ec.columns[size_t(c)], name, f.nameSize)) {
            c = -1;
            for (qsizetype j = 0; j < ncols; ++j) {
                if (equals(ec.columns[size_t(j)], name, f.nameSize)) {
                    c = int(j);
                    break;
                }
            }
            hint[k] = c;
        }
        if (c < 0)
            continue; // a column this build does not have: ignored
        m_byColumn[c] = f.value; // a repeated field: the last one counts
        present |= quint64(1) << c;
    }
    m_out.appendValues(rec, present, m_byColumn);
}

bool PulledRecords::decode(const QByteArray &cbor, QString *error)
{
    clear();
    Decoder decoder(*this, cbor);
    if (decoder.run())
        return true;
    *error = decoder.error();
    clear();
    return false;
}

PulledRecords PulledRecords::fromSyncRecords(const std::vector<SyncRecord> &records)
{
    PulledRecords out;
    const std::vector<EntityColumns> &entities = columns();
    for (const SyncRecord &s : records) {
        Record rec;
        rec.seq = s.seq;
        rec.deleted = s.deleted;
        const QByteArray id = s.id.toUtf8();
        rec.idOffset = out.appendText(id);
        rec.idSize = qint32(id.size());
        const QByteArray name = s.entity.toUtf8();
        for (size_t i = 0; i < entities.size(); ++i) {
            if (entities[i].name == name)
                rec.entity = int(i);
        }
        if (rec.entity >= 0) {
            const QStringList &cols = SyncEntities::all().at(rec.entity).columns;
            Value byColumn[kMaxColumns];
            quint64 present = 0;
            for (int c = 0; c < cols.size(); ++c) {
                const auto it = s.payload.constFind(cols.at(c));
                if (it == s.payload.constEnd())
                    continue;
                Value &v = byColumn[c];
                const QJsonValue j = it.value();
                switch (j.type()) {
                case QJsonValue::String: {
                    const QByteArray utf8 = j.toString().toUtf8();
                    v.kind = Value::Kind::Text;
                    v.offset = out.appendText(utf8);
                    v.size = qint32(utf8.size());
                    break;
                }
                case QJsonValue::Double: {
                    v = numberValue(j.toDouble());
                    break;
                }
                case QJsonValue::Bool:
                    v.kind = Value::Kind::Integer;
                    v.integer = j.toBool() ? 1 : 0;
                    break;
                default:
                    v.kind = Value::Kind::Null;
                    break;
                }
                present |= quint64(1) << c;
            }
            out.appendValues(rec, present, byColumn);
        }
        out.m_records.push_back(rec);
    }
    return out;
}
