#include "pageencoder.h"

#include "protocol/wireformat.h"

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

// One payload's JSON text, read token by token. Strings are unescaped into the encoder's
// scratch when they must be.
class PageEncoder::JsonCursor
{
public:
    // A string without escapes stays where it is in `json`; one with short escapes is
    // unescaped into the scratch.
    struct Str
    {
        bool ok = false;
        bool inScratch = false;
        qsizetype offset = 0; // in json, or in the scratch
        qsizetype size = 0;
    };

    JsonCursor(QByteArrayView json, QByteArray &scratch)
        : m_p(json.data())
        , m_end(json.data() + json.size())
        , m_scratch(scratch)
        , m_base(json.data())
    {
    }

    void skip()
    {
        while (m_p < m_end && isSpace(*m_p))
            ++m_p;
    }
    bool at(char c) const { return m_p < m_end && *m_p == c; }
    bool take(char c)
    {
        if (!at(c))
            return false;
        ++m_p;
        return true;
    }
    bool atEnd() const { return m_p >= m_end; }
    bool done() const { return m_p == m_end; }

    Str string();
    bool value(Field &f);

private:
    bool unescape(const char *s, Str &r);
    bool wholeNumber(Field &f);
    bool literal(const char *word, qsizetype n)
    {
        if (m_end - m_p < n || std::memcmp(m_p, word, size_t(n)) != 0)
            return false;
        m_p += n;
        return true;
    }

    const char *m_p;
    const char *m_end;
    QByteArray &m_scratch;
    const char *m_base;
};

// The string at the cursor (on its opening quote). Fails for \u escapes, control
// characters, a cut string.
PageEncoder::JsonCursor::Str PageEncoder::JsonCursor::string()
{
    Str r;
    ++m_p; // the opening quote
    const char *s = m_p;
    while (m_p < m_end && *m_p != '"' && *m_p != '\\' && uchar(*m_p) >= 0x20)
        ++m_p;
    if (m_p < m_end && *m_p == '"') {
        r.offset = s - m_base;
        r.size = m_p - s;
        r.ok = true;
        ++m_p;
        return r;
    }
    if (unescape(s, r))
        r.ok = true;
    return r;
}

// The rest of a string that starts at `s` and has an escape (or a control character) at
// the cursor, copied unescaped to the scratch.
bool PageEncoder::JsonCursor::unescape(const char *s, Str &r)
{
    const qsizetype at = m_scratch.size();
    m_scratch.append(s, m_p - s);
    while (m_p < m_end && *m_p != '"') {
        const char c = *m_p++;
        if (uchar(c) < 0x20)
            return false;
        if (c != '\\') {
            m_scratch.append(c);
            continue;
        }
        if (m_p >= m_end)
            return false;
        switch (*m_p++) {
        case '"': m_scratch.append('"'); break;
        case '\\': m_scratch.append('\\'); break;
        case '/': m_scratch.append('/'); break;
        case 'b': m_scratch.append('\b'); break;
        case 'f': m_scratch.append('\f'); break;
        case 'n': m_scratch.append('\n'); break;
        case 'r': m_scratch.append('\r'); break;
        case 't': m_scratch.append('\t'); break;
        default: return false; // \u and anything else: the slow way
        }
    }
    if (m_p >= m_end)
        return false;
    ++m_p;
    r.inScratch = true;
    r.offset = at;
    r.size = m_scratch.size() - at;
    return true;
}

// A member's value (the cursor is on its first character) into `f`.
bool PageEncoder::JsonCursor::value(Field &f)
{
    if (*m_p == '"') {
        const Str value = string();
        if (!value.ok)
            return false;
        f.kind = Field::Kind::Text;
        // Texts from `json` are marked by a negative offset: -(1 + offset in json).
        f.text = value.inScratch ? value.offset : -(1 + value.offset);
        f.textSize = value.size;
    } else if (*m_p == '-' || (*m_p >= '0' && *m_p <= '9')) {
        return wholeNumber(f);
    } else if (literal("true", 4)) {
        f.kind = Field::Kind::True;
    } else if (literal("false", 5)) {
        f.kind = Field::Kind::False;
    } else if (literal("null", 4)) {
        f.kind = Field::Kind::Null;
    } else {
        return false; // objects, arrays, anything else
    }
    return true;
}

// Whole numbers of at most 15 digits are exact as doubles, which is how QJsonDocument
// holds them; "-0", fractions and exponents go the slow way.
bool PageEncoder::JsonCursor::wholeNumber(Field &f)
{
    const bool negative = *m_p == '-';
    if (negative)
        ++m_p;
    const char *digits = m_p;
    qint64 v = 0;
    while (m_p < m_end && *m_p >= '0' && *m_p <= '9')
        v = v * 10 + (*m_p++ - '0');
    const qsizetype n = m_p - digits;
    if (n == 0 || n > 15 || (n > 1 && *digits == '0') || (negative && v == 0))
        return false;
    if (m_p < m_end && (*m_p == '.' || *m_p == 'e' || *m_p == 'E'))
        return false;
    f.kind = Field::Kind::Integer;
    f.integer = negative ? -v : v;
    return true;
}

// Parses a flat JSON object into m_fields, then writes it as a CBOR map with the keys in
// QJsonObject's order. Returns false, having written nothing, when it cannot be sure of
// writing what QJsonDocument + encodeRecords would.
bool PageEncoder::transcode(QByteArrayView json)
{
    m_fields.clear();
    m_scratch.truncate(0);
    if (!parseObject(json) || !sortFields(json.data()))
        return false;
    writeMap(json.data());
    return true;
}

// The whole of `json` as one flat object, its members into m_fields.
bool PageEncoder::parseObject(QByteArrayView json)
{
    JsonCursor c(json, m_scratch);
    c.skip();
    if (!c.take('{'))
        return false;
    c.skip();
    if (!c.take('}')) {
        for (;;) {
            if (!parseMember(c, json))
                return false;
            c.skip();
            if (c.take(','))
                continue;
            if (c.take('}'))
                break;
            return false;
        }
    }
    c.skip();
    return c.done();
}

// One "key": value member of the object.
bool PageEncoder::parseMember(JsonCursor &c, QByteArrayView json)
{
    c.skip();
    if (!c.at('"'))
        return false;
    const JsonCursor::Str key = c.string();
    if (!key.ok || key.inScratch)
        return false; // escaped keys: the slow way
    for (qsizetype k = 0; k < key.size; ++k) {
        if (uchar(json[key.offset + k]) >= 0x80)
            return false; // QJsonObject orders non-ASCII keys as UTF-16
    }
    c.skip();
    if (!c.take(':'))
        return false;
    c.skip();
    if (c.atEnd())
        return false;
    Field f{key.offset, key.size, Field::Kind::Null, 0, 0, 0};
    if (!c.value(f))
        return false;
    m_fields.push_back(f);
    return true;
}

// Sorts m_fields by key, as QJsonObject orders them; false for a repeated key
// (QJsonDocument keeps one of them).
bool PageEncoder::sortFields(const char *base)
{
    auto keyOf = [&](const Field &f) { return QByteArrayView(base + f.key, f.keySize); };
    std::sort(m_fields.begin(), m_fields.end(), [&](const Field &a, const Field &b) { return keyOf(a) < keyOf(b); });
    for (size_t i = 1; i < m_fields.size(); ++i) {
        if (keyOf(m_fields[i - 1]) == keyOf(m_fields[i]))
            return false;
    }
    return true;
}

// m_fields as a CBOR map; `base` is the JSON text the fields point into.
void PageEncoder::writeMap(const char *base)
{
    head(m_out, 5, quint64(m_fields.size()));
    for (const Field &f : m_fields) {
        text(m_out, base + f.key, f.keySize);
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
}
