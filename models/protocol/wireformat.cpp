#include "wireformat.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborStreamReader>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QCryptographicHash>
#include <QJsonValue>
#include <QtEndian>

#include <openssl/evp.h>
#include <zlib.h>

namespace {

void writeValue(QCborStreamWriter &w, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        w.append(v.toString());
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        const qint64 i = qint64(d);
        if (double(i) == d)
            w.append(i);
        else
            w.append(d);
        break;
    }
    case QJsonValue::Bool:
        w.append(v.toBool());
        break;
    default:
        w.appendNull();
        break;
    }
}

bool readString(QCborStreamReader &r, QString *out)
{
    if (!r.isString())
        return false;
    out->clear();
    auto chunk = r.readString();
    while (chunk.status == QCborStreamReader::Ok) {
        *out += chunk.data;
        chunk = r.readString();
    }
    return chunk.status != QCborStreamReader::Error;
}

bool readValue(QCborStreamReader &r, QJsonValue *out)
{
    if (r.isString()) {
        QString s;
        if (!readString(r, &s))
            return false;
        *out = s;
        return true;
    }
    if (r.isInteger()) {
        *out = double(r.toInteger());
        return r.next();
    }
    if (r.isDouble()) {
        *out = r.toDouble();
        return r.next();
    }
    if (r.isBool()) {
        *out = r.toBool();
        return r.next();
    }
    if (r.isNull() || r.isUndefined()) {
        *out = QJsonValue::Null;
        return r.next();
    }
    return false;
}

qint64 intOf(const QCborMap &m, const char *key)
{
    // QCborValue::toInteger() casts a double straight to qint64, which is undefined
    // for NaN or values out of range (found by fuzz/fuzz_hqrequest): those count as absent.
    const QCborValue v = m.value(QLatin1String(key));
    if (v.isInteger())
        return v.toInteger();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0)
            return qint64(d);
    }
    return 0;
}

} // namespace

static void writeRecord(QCborStreamWriter &w, const SyncRecord &rec)
{
    {
        w.startMap(rec.deleted ? 4 : 5);
        w.append(QLatin1String("e"));
        w.append(rec.entity);
        w.append(QLatin1String("i"));
        w.append(rec.id);
        w.append(QLatin1String("s"));
        w.append(rec.seq);
        w.append(QLatin1String("d"));
        w.append(rec.deleted);
        if (!rec.deleted) {
            w.append(QLatin1String("p"));
            w.startMap(quint64(rec.payload.size()));
            for (auto it = rec.payload.constBegin(); it != rec.payload.constEnd(); ++it) {
                w.append(it.key());
                writeValue(w, it.value());
            }
            w.endMap();
        }
        w.endMap();
    }
}

QByteArray WireFormat::encodeRecords(const std::vector<SyncRecord> &records)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(quint64(records.size()));
    for (const SyncRecord &rec : records)
        writeRecord(w, rec);
    w.endArray();
    return out;
}

QByteArray WireFormat::encodeRecord(const SyncRecord &record)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    writeRecord(w, record);
    return out;
}

bool WireFormat::decodeRecords(const QByteArray &cbor, std::vector<SyncRecord> *out, QString *error)
{
    out->clear();
    QCborStreamReader r(cbor);
    auto fail = [&](const QString &what) {
        *error = QStringLiteral("records: %1 at byte %2").arg(what).arg(r.currentOffset());
        out->clear();
        return false;
    };
    if (!r.isArray())
        return fail(QStringLiteral("expected an array"));
    if (r.isLengthKnown() && r.length() > quint64(cbor.size()))
        return fail(QStringLiteral("array length exceeds the body"));
    if (!r.enterContainer())
        return fail(QStringLiteral("bad array"));
    while (r.hasNext()) {
        if (!r.isMap() || !r.enterContainer())
            return fail(QStringLiteral("expected a record map"));
        SyncRecord rec;
        while (r.hasNext()) {
            QString key;
            if (!readString(r, &key))
                return fail(QStringLiteral("expected a text key"));
            if (key == QLatin1String("e")) {
                if (!readString(r, &rec.entity))
                    return fail(QStringLiteral("entity must be text"));
            } else if (key == QLatin1String("i")) {
                if (!readString(r, &rec.id))
                    return fail(QStringLiteral("id must be text"));
            } else if (key == QLatin1String("s")) {
                if (!r.isInteger())
                    return fail(QStringLiteral("seq must be an integer"));
                rec.seq = qint64(r.toInteger());
                r.next();
            } else if (key == QLatin1String("d")) {
                if (!r.isBool())
                    return fail(QStringLiteral("deleted must be a boolean"));
                rec.deleted = r.toBool();
                r.next();
            } else if (key == QLatin1String("p")) {
                if (!r.isMap() || !r.enterContainer())
                    return fail(QStringLiteral("payload must be a map"));
                while (r.hasNext()) {
                    QString column;
                    QJsonValue value;
                    if (!readString(r, &column) || !readValue(r, &value))
                        return fail(QStringLiteral("bad payload field"));
                    rec.payload.insert(column, value);
                }
                if (!r.leaveContainer())
                    return fail(QStringLiteral("bad payload end"));
            } else {
                if (!r.next()) // skip fields a newer server may add
                    return fail(QStringLiteral("bad value"));
            }
        }
        if (!r.leaveContainer())
            return fail(QStringLiteral("bad record end"));
        if (rec.entity.isEmpty() || rec.id.isEmpty())
            return fail(QStringLiteral("record without entity or id"));
        out->push_back(std::move(rec));
    }
    if (!r.leaveContainer() || r.lastError() != QCborError::NoError)
        return fail(QStringLiteral("bad array end"));
    return true;
}

QByteArray WireFormat::checksum(const QByteArray &bytes)
{
    // OpenSSL rather than QCryptographicHash: it uses the CPU's SHA extensions, about ten
    // times faster on a page of several megabytes (decision 34). The same digest.
    QByteArray out(32, Qt::Uninitialized);
    unsigned int size = 0;
    if (EVP_Digest(bytes.constData(), size_t(bytes.size()), reinterpret_cast<unsigned char *>(out.data()), &size,
                   EVP_sha256(), nullptr) != 1
        || size != 32)
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    return out;
}

QByteArray WireFormat::encodePage(const Page &page)
{
    QCborMap m;
    m.insert(QLatin1String("v"), kProtocolVersion);
    m.insert(QLatin1String("after"), page.after);
    m.insert(QLatin1String("next"), page.next);
    m.insert(QLatin1String("has_more"), page.hasMore);
    m.insert(QLatin1String("full_resync"), page.fullResync);
    m.insert(QLatin1String("records"), page.records);
    m.insert(QLatin1String("checksum"), page.checksum);
    return m.toCborValue().toCbor();
}

bool WireFormat::decodePage(const QByteArray &cbor, Page *out, QString *error)
{
    QCborParserError pe;
    const QCborValue v = QCborValue::fromCbor(cbor, &pe);
    if (pe.error != QCborError::NoError || !v.isMap()) {
        *error = QStringLiteral("page: not a CBOR map (%1)").arg(pe.errorString());
        return false;
    }
    const QCborMap m = v.toMap();
    if (!m.value(QLatin1String("records")).isByteArray() || !m.value(QLatin1String("checksum")).isByteArray()) {
        *error = QStringLiteral("page: records and checksum must be byte strings");
        return false;
    }
    out->after = intOf(m, "after");
    out->next = intOf(m, "next");
    out->hasMore = m.value(QLatin1String("has_more")).toBool();
    out->fullResync = m.value(QLatin1String("full_resync")).toBool();
    out->records = m.value(QLatin1String("records")).toByteArray();
    out->checksum = m.value(QLatin1String("checksum")).toByteArray();
    return true;
}

bool WireFormat::verify(const Page &page)
{
    return checksum(page.records) == page.checksum;
}

QByteArray WireFormat::encodePush(const PushBatch &batch)
{
    QCborMap m;
    m.insert(QLatin1String("v"), kProtocolVersion);
    m.insert(QLatin1String("schema"), batch.schemaVersion);
    m.insert(QLatin1String("device"), batch.deviceId);
    m.insert(QLatin1String("records"), encodeRecords(batch.records));
    return m.toCborValue().toCbor();
}

bool WireFormat::decodePush(const QByteArray &cbor, PushBatch *out, QString *error)
{
    QCborParserError pe;
    const QCborValue v = QCborValue::fromCbor(cbor, &pe);
    if (pe.error != QCborError::NoError || !v.isMap()) {
        *error = QStringLiteral("push: not a CBOR map (%1)").arg(pe.errorString());
        return false;
    }
    const QCborMap m = v.toMap();
    out->schemaVersion = int(intOf(m, "schema"));
    out->deviceId = m.value(QLatin1String("device")).toString();
    if (out->deviceId.isEmpty()) {
        *error = QStringLiteral("push: field device is missing");
        return false;
    }
    return decodeRecords(m.value(QLatin1String("records")).toByteArray(), &out->records, error);
}

QByteArray WireFormat::encodePushResult(const PushResult &result)
{
    QCborMap m;
    m.insert(QLatin1String("acked_through"), result.ackedThrough);
    m.insert(QLatin1String("accepted"), result.accepted);
    m.insert(QLatin1String("duplicates"), result.duplicates);
    if (!result.refused.empty()) {
        QCborArray refused;
        for (const PushResult::Refusal &r : result.refused)
            refused.append(QCborMap{{QLatin1String("s"), r.seq}, {QLatin1String("why"), r.reason}});
        m.insert(QLatin1String("refused"), refused);
    }
    return m.toCborValue().toCbor();
}

bool WireFormat::decodePushResult(const QByteArray &cbor, PushResult *out, QString *error)
{
    QCborParserError pe;
    const QCborValue v = QCborValue::fromCbor(cbor, &pe);
    if (pe.error != QCborError::NoError || !v.isMap()) {
        *error = QStringLiteral("push result: not a CBOR map");
        return false;
    }
    const QCborMap m = v.toMap();
    out->ackedThrough = intOf(m, "acked_through");
    out->accepted = int(intOf(m, "accepted"));
    out->duplicates = int(intOf(m, "duplicates"));
    const QCborArray refused = m.value(QLatin1String("refused")).toArray();
    for (qsizetype i = 0; i < refused.size() && i < 100000; ++i) {
        const QCborMap r = refused.at(i).toMap();
        out->refused.push_back({r.value(QLatin1String("s")).toInteger(), r.value(QLatin1String("why")).toString().left(200)});
    }
    return true;
}

QByteArray WireFormat::deflate(const QByteArray &raw)
{
    // Level 1: most of level 6's size win at a third of its time; pages are mostly text.
    return qCompress(raw, 1).mid(4); // drop Qt's 4-byte length prefix: plain zlib remains
}

bool WireFormat::inflate(const QByteArray &compressed, QByteArray *out, QString *error, qsizetype limit,
                         bool *tooLarge)
{
    // Streamed through zlib in chunks so the limit is checked as the output grows:
    // qUncompress would first inflate a "zip bomb" completely.
    out->clear();
    if (tooLarge)
        *tooLarge = false;
    z_stream zs{};
    if (inflateInit(&zs) != Z_OK) {
        *error = QStringLiteral("body: cannot start inflating");
        return false;
    }
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    zs.avail_in = uInt(compressed.size());
    int rc = Z_OK;
    char chunk[64 * 1024];
    while (rc != Z_STREAM_END) {
        zs.next_out = reinterpret_cast<Bytef *>(chunk);
        zs.avail_out = sizeof chunk;
        rc = ::inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            // Z_BUF_ERROR with no input left: the stream was cut short.
            inflateEnd(&zs);
            out->clear();
            *error = QStringLiteral("body: not a valid zlib stream");
            return false;
        }
        const qsizetype produced = qsizetype(sizeof chunk - zs.avail_out);
        if (out->size() + produced > limit) {
            inflateEnd(&zs);
            out->clear();
            if (tooLarge)
                *tooLarge = true;
            *error = QStringLiteral("body: larger than %1 bytes when inflated").arg(limit);
            return false;
        }
        out->append(chunk, produced);
        if (rc == Z_OK && produced == 0 && zs.avail_in == 0) {
            inflateEnd(&zs);
            out->clear();
            *error = QStringLiteral("body: not a valid zlib stream");
            return false;
        }
    }
    inflateEnd(&zs);
    if (zs.avail_in != 0) {
        out->clear();
        *error = QStringLiteral("body: bytes after the end of the zlib stream");
        return false;
    }
    return true;
}
