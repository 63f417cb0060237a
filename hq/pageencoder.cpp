#include "pageencoder.h"

#include "sync/wireformat.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <cstring>

namespace {

// A CBOR head with the shortest argument, as QCborStreamWriter writes it.
void head(QByteArray &out, int major, quint64 v)
{
    const char m = char(major << 5);
    if (v < 24) {
        out.append(char(m | char(v)));
    } else if (v < 0x100) {
        out.append(char(m | 24));
        out.append(char(v));
    } else if (v < 0x10000) {
        out.append(char(m | 25));
        out.append(char(v >> 8));
        out.append(char(v));
    } else if (v < 0x100000000ULL) {
        out.append(char(m | 26));
        for (int s = 24; s >= 0; s -= 8)
            out.append(char(v >> s));
    } else {
        out.append(char(m | 27));
        for (int s = 56; s >= 0; s -= 8)
            out.append(char(v >> s));
    }
}

void text(QByteArray &out, const char *data, qsizetype size)
{
    head(out, 3, quint64(size));
    out.append(data, size);
}

void text(QByteArray &out, QByteArrayView v)
{
    text(out, v.data(), v.size());
}

void integer(QByteArray &out, qint64 v)
{
    if (v >= 0)
        head(out, 0, quint64(v));
    else
        head(out, 1, ~quint64(v)); // -1 - v
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

} // namespace

PageEncoder::PageEncoder(qsizetype records)
{
    head(m_out, 4, quint64(records));
}

QByteArray PageEncoder::finish()
{
    return std::move(m_out);
}

void PageEncoder::add(QByteArrayView entity, QByteArrayView id, qint64 seq, bool deleted,
                      std::optional<QByteArrayView> payload)
{
    const qsizetype start = m_out.size();
    head(m_out, 5, deleted ? 4 : 5);
    text(m_out, "e", 1);
    text(m_out, entity);
    text(m_out, "i", 1);
    text(m_out, id);
    text(m_out, "s", 1);
    integer(m_out, seq);
    text(m_out, "d", 1);
    m_out.append(deleted ? char(0xf5) : char(0xf4));
    if (deleted)
        return;
    text(m_out, "p", 1);
    if (!payload) {
        head(m_out, 5, 0);
        return;
    }
    if (transcode(*payload))
        return;
    // The old way, for this record only.
    ++m_fallbacks;
    m_out.truncate(start);
    SyncRecord rec;
    rec.entity = QString::fromUtf8(entity);
    rec.id = QString::fromUtf8(id);
    rec.seq = seq;
    rec.payload = QJsonDocument::fromJson(payload->toByteArray()).object();
    m_out.append(WireFormat::encodeRecord(rec));
}

// Parses a flat JSON object into m_fields, then writes it as a CBOR map with the keys in
// QJsonObject's order. Returns false, having written nothing, when it cannot be sure of
// writing what QJsonDocument + encodeRecords would.
bool PageEncoder::transcode(QByteArrayView json)
{
    m_fields.clear();
    m_scratch.truncate(0);
    const char *p = json.data();
    const char *end = p + json.size();
    auto skip = [&] {
        while (p < end && isSpace(*p))
            ++p;
    };
    // A string without escapes stays where it is in `json`; one with short escapes is
    // unescaped into m_scratch. Fails for \u escapes, control characters, a cut string.
    struct Str
    {
        bool ok = false;
        bool inScratch = false;
        qsizetype offset = 0; // in json, or in m_scratch
        qsizetype size = 0;
    };
    auto string = [&]() {
        Str r;
        ++p; // the opening quote
        const char *s = p;
        while (p < end && *p != '"' && *p != '\\' && uchar(*p) >= 0x20)
            ++p;
        if (p < end && *p == '"') {
            r.offset = s - json.data();
            r.size = p - s;
            r.ok = true;
            ++p;
            return r;
        }
        const qsizetype at = m_scratch.size();
        m_scratch.append(s, p - s);
        while (p < end && *p != '"') {
            const char c = *p++;
            if (uchar(c) < 0x20)
                return r;
            if (c != '\\') {
                m_scratch.append(c);
                continue;
            }
            if (p >= end)
                return r;
            switch (*p++) {
            case '"': m_scratch.append('"'); break;
            case '\\': m_scratch.append('\\'); break;
            case '/': m_scratch.append('/'); break;
            case 'b': m_scratch.append('\b'); break;
            case 'f': m_scratch.append('\f'); break;
            case 'n': m_scratch.append('\n'); break;
            case 'r': m_scratch.append('\r'); break;
            case 't': m_scratch.append('\t'); break;
            default: return r; // \u and anything else: the slow way
            }
        }
        if (p >= end)
            return r;
        ++p;
        r.inScratch = true;
        r.offset = at;
        r.size = m_scratch.size() - at;
        r.ok = true;
        return r;
    };

    skip();
    if (p >= end || *p != '{')
        return false;
    ++p;
    skip();
    if (p < end && *p == '}') {
        ++p;
    } else {
        for (;;) {
            skip();
            if (p >= end || *p != '"')
                return false;
            const Str key = string();
            if (!key.ok || key.inScratch)
                return false; // escaped keys: the slow way
            for (qsizetype k = 0; k < key.size; ++k) {
                if (uchar(json[key.offset + k]) >= 0x80)
                    return false; // QJsonObject orders non-ASCII keys as UTF-16
            }
            skip();
            if (p >= end || *p != ':')
                return false;
            ++p;
            skip();
            if (p >= end)
                return false;
            Field f{key.offset, key.size, Field::Kind::Null, 0, 0, 0};
            if (*p == '"') {
                const Str value = string();
                if (!value.ok)
                    return false;
                f.kind = Field::Kind::Text;
                // Texts from `json` are marked by a negative offset: -(1 + offset in json).
                f.text = value.inScratch ? value.offset : -(1 + value.offset);
                f.textSize = value.size;
            } else if (*p == '-' || (*p >= '0' && *p <= '9')) {
                // Whole numbers of at most 15 digits are exact as doubles, which is how
                // QJsonDocument holds them; "-0", fractions and exponents go the slow way.
                const bool negative = *p == '-';
                if (negative)
                    ++p;
                const char *digits = p;
                qint64 v = 0;
                while (p < end && *p >= '0' && *p <= '9')
                    v = v * 10 + (*p++ - '0');
                const qsizetype n = p - digits;
                if (n == 0 || n > 15 || (n > 1 && *digits == '0') || (negative && v == 0))
                    return false;
                if (p < end && (*p == '.' || *p == 'e' || *p == 'E'))
                    return false;
                f.kind = Field::Kind::Integer;
                f.integer = negative ? -v : v;
            } else if (end - p >= 4 && std::memcmp(p, "true", 4) == 0) {
                f.kind = Field::Kind::True;
                p += 4;
            } else if (end - p >= 5 && std::memcmp(p, "false", 5) == 0) {
                f.kind = Field::Kind::False;
                p += 5;
            } else if (end - p >= 4 && std::memcmp(p, "null", 4) == 0) {
                f.kind = Field::Kind::Null;
                p += 4;
            } else {
                return false; // objects, arrays, anything else
            }
            m_fields.push_back(f);
            skip();
            if (p < end && *p == ',') {
                ++p;
                continue;
            }
            if (p < end && *p == '}') {
                ++p;
                break;
            }
            return false;
        }
    }
    skip();
    if (p != end)
        return false;

    const char *base = json.data();
    auto keyOf = [&](const Field &f) { return QByteArrayView(base + f.key, f.keySize); };
    std::sort(m_fields.begin(), m_fields.end(), [&](const Field &a, const Field &b) { return keyOf(a) < keyOf(b); });
    for (size_t i = 1; i < m_fields.size(); ++i) {
        if (keyOf(m_fields[i - 1]) == keyOf(m_fields[i]))
            return false; // a repeated key: QJsonDocument keeps one of them
    }
    head(m_out, 5, quint64(m_fields.size()));
    for (const Field &f : m_fields) {
        text(m_out, keyOf(f));
        switch (f.kind) {
        case Field::Kind::Text:
            if (f.text < 0)
                text(m_out, base + (-f.text - 1), f.textSize);
            else
                text(m_out, m_scratch.constData() + f.text, f.textSize);
            break;
        case Field::Kind::Integer:
            integer(m_out, f.integer);
            break;
        case Field::Kind::True:
            m_out.append(char(0xf5));
            break;
        case Field::Kind::False:
            m_out.append(char(0xf4));
            break;
        case Field::Kind::Null:
            m_out.append(char(0xf6));
            break;
        }
    }
    return true;
}
