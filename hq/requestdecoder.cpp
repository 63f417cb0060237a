#include "requestdecoder.h"

#include <QCborMap>
#include <QCborValue>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

bool bodyMap(const QByteArray &body, RequestDecoder::Format format, QCborMap *out)
{
    if (format == RequestDecoder::Format::Json) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (!doc.isObject())
            return false;
        *out = QCborMap::fromJsonObject(doc.object());
        return true;
    }
    QCborParserError pe;
    const QCborValue v = QCborValue::fromCbor(body, &pe);
    if (pe.error != QCborError::NoError || !v.isMap())
        return false;
    *out = v.toMap();
    return true;
}

} // namespace

RequestDecoder::Format RequestDecoder::format(const QByteArray &contentType)
{
    return contentType.contains("application/json") ? Format::Json : Format::Cbor;
}

bool RequestDecoder::body(const QByteArray &sent, const QByteArray &contentEncoding, qsizetype limit, QByteArray *out,
                          QString *error, bool *tooLarge)
{
    if (tooLarge)
        *tooLarge = false;
    out->clear();
    if (sent.size() > limit) {
        *error = QStringLiteral("request body larger than %1 bytes").arg(limit);
        if (tooLarge)
            *tooLarge = true;
        return false;
    }
    if (contentEncoding.trimmed().isEmpty() || contentEncoding.trimmed() == "identity") {
        *out = sent;
        return true;
    }
    if (contentEncoding.trimmed() != "deflate") {
        *error = QStringLiteral("Content-Encoding must be deflate or absent");
        return false;
    }
    bool bomb = false;
    if (!WireFormat::inflate(sent, out, error, limit, &bomb)) {
        if (bomb) {
            *error = QStringLiteral("request body larger than %1 bytes when inflated").arg(limit);
            if (tooLarge)
                *tooLarge = true;
        }
        return false;
    }
    return true;
}

bool RequestDecoder::login(const QByteArray &body, Format format, Login *out, QString *error)
{
    QCborMap m;
    if (!bodyMap(body, format, &m)) {
        *error = QStringLiteral("The login body is not a CBOR or JSON map");
        return false;
    }
    const auto text = [&](const char *key, QString *field) {
        const QCborValue v = m.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            return true;
        if (!v.isString())
            return false;
        *field = v.toString();
        return true;
    };
    if (!text("branch", &out->branch) || !text("staff_id", &out->staffId) || !text("password", &out->password)
        || !text("device", &out->device) || !text("audit_key_id", &out->auditKeyId)) {
        *error = QStringLiteral("branch, staff_id, password and device must be text");
        return false;
    }
    if (out->staffId.isEmpty() || out->password.isEmpty() || out->device.isEmpty()) {
        *error = QStringLiteral("staff_id, password and device are required");
        return false;
    }
    // A NUL or other control character would be cut or ignored further down (libpq ends a
    // parameter at NUL), so "RM01\0x" would reach RM01 past RM01's lockout (issue 15).
    const auto clean = [](const QString &s) {
        if (s.size() > 128)
            return false;
        for (const QChar c : s) {
            if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format)
                return false;
        }
        return true;
    };
    if (!clean(out->branch) || !clean(out->staffId) || !clean(out->device) || !clean(out->auditKeyId)
        || out->password.size() > 1024
        || out->password.contains(QChar(0))) {
        *error = QStringLiteral("branch, staff_id, password or device has a control character or is too long");
        return false;
    }
    return true;
}

bool RequestDecoder::renewal(const QByteArray &body, Format format, Renewal *out, QString *error)
{
    QCborMap m;
    if (!bodyMap(body, format, &m)) {
        *error = QStringLiteral("The renewal body is not a CBOR or JSON map");
        return false;
    }
    const QCborValue device = m.value(QLatin1String("device"));
    const QCborValue credential = m.value(QLatin1String("credential"));
    const QCborValue keyId = m.value(QLatin1String("audit_key_id"));
    if (!device.isString() || !credential.isString() || !(keyId.isUndefined() || keyId.isNull() || keyId.isString())) {
        *error = QStringLiteral("device and credential are required and must be text");
        return false;
    }
    out->device = device.toString();
    out->auditKeyId = keyId.toString();
    const QString c = credential.toString();
    // 32 bytes in base64url: 43 characters of its alphabet, nothing else.
    bool ok = c.size() == 43;
    for (const QChar ch : c)
        ok = ok && ((ch.isLetterOrNumber() && ch.unicode() < 0x80) || ch == QLatin1Char('-') || ch == QLatin1Char('_'));
    const auto clean = [](const QString &s) {
        if (s.isEmpty() || s.size() > 128)
            return false;
        for (const QChar ch : s) {
            if (ch.unicode() < 0x20 || ch.unicode() == 0x7f || ch.category() == QChar::Other_Format)
                return false;
        }
        return true;
    };
    if (!ok || !clean(out->device) || (!out->auditKeyId.isEmpty() && !clean(out->auditKeyId))) {
        *error = QStringLiteral("device or credential is malformed");
        return false;
    }
    out->credential = c.toLatin1();
    return true;
}

bool RequestDecoder::push(const QByteArray &body, Format format, WireFormat::PushBatch *out, QString *error)
{
    out->records.clear();
    if (format == Format::Cbor)
        return WireFormat::decodePush(body, out, error);
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject()) {
        *error = QStringLiteral("push: not a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    out->schemaVersion = o.value(QLatin1String("schema")).toInt();
    out->deviceId = o.value(QLatin1String("device")).toString();
    if (out->deviceId.isEmpty()) {
        *error = QStringLiteral("push: field device is missing");
        return false;
    }
    const QJsonArray records = o.value(QLatin1String("records")).toArray();
    for (qsizetype i = 0; i < records.size(); ++i) {
        const QJsonObject r = records.at(i).toObject();
        const QJsonValue seq = r.value(QLatin1String("seq"));
        SyncRecord rec{r.value(QLatin1String("entity")).toString(), r.value(QLatin1String("id")).toString(),
                       // Doubles past 2^53 or outside qint64 are refused, not converted (UB).
                       0, r.value(QLatin1String("deleted")).toBool(), r.value(QLatin1String("data")).toObject()};
        const double s = seq.toDouble(-1);
        if (!seq.isDouble() || s < 0 || s > 9007199254740992.0 || s != double(qint64(s))) {
            *error = QStringLiteral("push: records[%1]: seq must be a whole number from 0 to 2^53").arg(i);
            out->records.clear();
            return false;
        }
        rec.seq = qint64(s);
        if (rec.entity.isEmpty() || rec.id.isEmpty()) {
            *error = QStringLiteral("push: records[%1]: entity and id are required").arg(i);
            out->records.clear();
            return false;
        }
        out->records.push_back(std::move(rec));
    }
    return true;
}
