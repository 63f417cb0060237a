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

bool PulledRecords::decode(const QByteArray &cbor, QString *error)
{
    clear();
    const std::vector<EntityColumns> &entities = columns();
    // Text never takes more room than the bytes it came in: one allocation per page.
    m_text.reserve(cbor.size());
    QCborStreamReader r(cbor);
    qint64 badAt = -1;
    auto fail = [&](const QString &what) {
        *error = QStringLiteral("records: %1 at byte %2").arg(what).arg(badAt >= 0 ? badAt : r.currentOffset());
        clear();
        return false;
    };
    if (!r.isArray())
        return fail(QStringLiteral("expected an array"));
    if (r.isLengthKnown() && r.length() > quint64(cbor.size()))
        return fail(QStringLiteral("array length exceeds the body"));
    if (r.isLengthKnown())
        m_records.reserve(size_t(r.length()));
    if (!r.enterContainer())
        return fail(QStringLiteral("bad array"));

    // A payload's fields, kept until the record's entity is known (a map's keys may come in
    // any order). Names go to `names`; text values straight to the page's text.
    struct Field
    {
        qsizetype nameAt;
        qsizetype nameSize;
        Value value;
    };
    std::vector<Field> fields;
    QByteArray names;
    QByteArray key;
    QByteArray entityName;
    int lastEntity = -1;
    // Per entity, the column each field position matched last time: pages are runs of
    // records with the same fields in the same order, so a lookup is mostly one compare.
    std::vector<std::vector<int>> orderHint(entities.size());
    Value byColumn[kMaxColumns]; // one record's values by column, before they are appended

    while (r.hasNext()) {
        if (!r.isMap() || !r.enterContainer())
            return fail(QStringLiteral("expected a record map"));
        Record rec;
        bool haveEntity = false;
        bool haveId = false;
        fields.clear();
        names.truncate(0);
        const qsizetype textStart = m_text.size();
        while (r.hasNext()) {
            key.truncate(0);
            if (!readUtf8(r, key, cbor.size(), &badAt))
                return fail(QStringLiteral("expected a text key"));
            if (key.size() != 1) {
                if (!r.next()) // skip fields a newer server may add
                    return fail(QStringLiteral("bad value"));
                continue;
            }
            switch (key.at(0)) {
            case 'e':
                entityName.truncate(0);
                if (!readUtf8(r, entityName, cbor.size(), &badAt))
                    return fail(QStringLiteral("entity must be text"));
                haveEntity = !entityName.isEmpty();
                break;
            case 'i': {
                const qsizetype at = m_text.size();
                if (!readUtf8(r, m_text, cbor.size(), &badAt))
                    return fail(QStringLiteral("id must be text"));
                rec.idOffset = at;
                rec.idSize = qint32(m_text.size() - at);
                haveId = rec.idSize > 0;
                break;
            }
            case 's':
                if (!r.isInteger())
                    return fail(QStringLiteral("seq must be an integer"));
                rec.seq = qint64(r.toInteger());
                r.next();
                break;
            case 'd':
                if (!r.isBool())
                    return fail(QStringLiteral("deleted must be a boolean"));
                rec.deleted = r.toBool();
                r.next();
                break;
            case 'p':
                if (!r.isMap() || !r.enterContainer())
                    return fail(QStringLiteral("payload must be a map"));
                while (r.hasNext()) {
                    Field f;
                    f.nameAt = names.size();
                    if (!readUtf8(r, names, cbor.size(), &badAt))
                        return fail(QStringLiteral("bad payload field"));
                    f.nameSize = names.size() - f.nameAt;
                    Value &v = f.value;
                    if (r.isString()) {
                        const qsizetype at = m_text.size();
                        if (!readUtf8(r, m_text, cbor.size(), &badAt))
                            return fail(QStringLiteral("bad payload field"));
                        v.kind = Value::Kind::Text;
                        v.offset = at;
                        v.size = qint32(m_text.size() - at);
                    } else if (r.isUnsignedInteger()) {
                        const quint64 u = r.toUnsignedInteger();
                        if (u > quint64(std::numeric_limits<qint64>::max())) {
                            v.kind = Value::Kind::Real; // does not fit: refused when applied
                            v.real = double(u);
                        } else {
                            v.kind = Value::Kind::Integer;
                            v.integer = qint64(u);
                        }
                        r.next();
                    } else if (r.isNegativeInteger()) {
                        // -1 - n; QCborNegativeInteger holds n + 1, and 0 when that wrapped (n = 2^64 - 1).
                        const quint64 magnitude = quint64(r.toNegativeInteger());
                        if (magnitude == 0 || magnitude > quint64(1) << 63) {
                            v.kind = Value::Kind::Real;
                            v.real = magnitude == 0 ? -18446744073709551616.0 : -double(magnitude);
                        } else {
                            v.kind = Value::Kind::Integer;
                            v.integer = qint64(0 - magnitude);
                        }
                        r.next();
                    } else if (r.isDouble()) {
                        v = numberValue(r.toDouble());
                        r.next();
                    } else if (r.isBool()) {
                        v.kind = Value::Kind::Integer;
                        v.integer = r.toBool() ? 1 : 0;
                        r.next();
                    } else if (r.isNull() || r.isUndefined()) {
                        v.kind = Value::Kind::Null;
                        r.next();
                    } else {
                        return fail(QStringLiteral("bad payload field"));
                    }
                    fields.push_back(f);
                }
                if (!r.leaveContainer())
                    return fail(QStringLiteral("bad payload end"));
                break;
            default:
                if (!r.next())
                    return fail(QStringLiteral("bad value"));
                break;
            }
        }
        if (!r.leaveContainer())
            return fail(QStringLiteral("bad record end"));
        if (!haveEntity || !haveId)
            return fail(QStringLiteral("record without entity or id"));

        if (lastEntity < 0 || entities[size_t(lastEntity)].name != entityName) {
            lastEntity = -1;
            for (size_t i = 0; i < entities.size(); ++i) {
                if (entities[i].name == entityName) {
                    lastEntity = int(i);
                    break;
                }
            }
        }
        rec.entity = lastEntity;
        if (rec.entity < 0) {
            // Unknown to this build (a newer HQ): kept to be counted, its payload dropped.
            m_text.truncate(qMax(textStart, rec.idOffset + rec.idSize));
            m_records.push_back(rec);
            continue;
        }
        const EntityColumns &ec = entities[size_t(rec.entity)];
        const qsizetype ncols = qsizetype(ec.columns.size());
        quint64 present = 0;
        std::vector<int> &hint = orderHint[size_t(rec.entity)];
        if (hint.size() < fields.size())
            hint.resize(fields.size(), -1);
        for (size_t k = 0; k < fields.size(); ++k) {
            const Field &f = fields[k];
            const char *name = names.constData() + f.nameAt;
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
            byColumn[c] = f.value; // a repeated field: the last one counts
            present |= quint64(1) << c;
        }
        appendValues(rec, present, byColumn);
        m_records.push_back(rec);
    }
    if (!r.leaveContainer() || r.lastError() != QCborError::NoError)
        return fail(QStringLiteral("bad array end"));
    return true;
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
