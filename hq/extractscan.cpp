#include "extractscan.h"

#include "domain/customercolumns.h"
#include "domain/holding.h"
#include "domain/importtablereader.h"
#include "domain/idcardnumber.h"
#include "hqstore.h"
#include "sync/wireformat.h"

#include <QHash>

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <string>

namespace {

// How a payload key's value is checked and written on the fast path; anything a rule does not
// accept as it stands goes to ExtractRecords::convert.
enum class Kind : quint8 {
    Text,       // a string
    TextOrNull, // a string, null when empty
    Required,   // a string that must not be empty
    Gender,     // M, F, or null when empty
    Date,       // YYYY-MM-DD (1900-2200), null when empty
    Flag,       // 0 or 1 (empty: 0)
    Count,      // a whole number >= 0 (empty: 0)
    Signed,     // a whole number (empty: 0)
    Phone,      // a mobile or landline number as its digits
    IdNumber,   // an 18-character ID number, upper-case X
    Month,      // YYYY-MM, null when empty
    History,    // whole numbers separated by ';', written separated by ','
    Product,    // a product type key
    Status,     // active, matured or closed (empty: active)
};
struct Key
{
    const char *name;
    Kind kind;
};

// ExtractRecords' payloads, key by key (QJsonObject writes its keys sorted: so do we).
std::vector<Key> sorted(std::initializer_list<Key> keys)
{
    std::vector<Key> v(keys);
    std::sort(v.begin(), v.end(), [](const Key &a, const Key &b) { return std::strcmp(a.name, b.name) < 0; });
    return v;
}
// The customer's keys are its registered extract columns (domain/customercolumns.h).
Kind customerKind(CustomerColumn::Kind kind)
{
    using C = CustomerColumn::Kind;
    switch (kind) {
    case C::Key:
    case C::Name: return Kind::Required;
    case C::Text: return Kind::Text;
    case C::OptionalText: return Kind::TextOrNull;
    case C::Gender: return Kind::Gender;
    case C::Phone: return Kind::Phone;
    case C::IdNumber: return Kind::IdNumber;
    case C::Date: return Kind::Date;
    case C::Flag: return Kind::Flag;
    case C::Count:
    case C::Money: return Kind::Count;
    case C::SignedMoney: return Kind::Signed;
    case C::Month: return Kind::Month;
    case C::History: return Kind::History;
    case C::Masked: break;
    }
    return Kind::Text;
}
const std::vector<Key> &customerKeys()
{
    static const std::vector<Key> keys = [] {
        std::vector<Key> v;
        for (const CustomerColumn *c : CustomerColumns::csvColumns())
            v.push_back({c->name, customerKind(c->kind)}); // the payload key; its header is c->csv
        std::sort(v.begin(), v.end(), [](const Key &a, const Key &b) { return std::strcmp(a.name, b.name) < 0; });
        return v;
    }();
    return keys;
}
const std::vector<Key> &holdingKeys()
{
    static const std::vector<Key> keys = sorted({
        {"holding_id", Kind::Required}, {"customer_no", Kind::Required}, {"product_type", Kind::Product},
        {"product_name", Kind::Text}, {"status", Kind::Status}, {"amount_fen", Kind::Count},
        {"open_date", Kind::Date}, {"maturity_date", Kind::Date},
    });
    return keys;
}

// Decodes the code point at `p` (valid UTF-8 assumed, see validUtf8).
char32_t codePointAt(const uchar *p, int *length)
{
    if (p[0] < 0x80) {
        *length = 1;
        return p[0];
    }
    if (p[0] < 0xe0) {
        *length = 2;
        return char32_t(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
    }
    if (p[0] < 0xf0) {
        *length = 3;
        return char32_t(p[0] & 0x0f) << 12 | char32_t(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
    }
    *length = 4;
    return char32_t(p[0] & 0x07) << 18 | char32_t(p[1] & 0x3f) << 12 | char32_t(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
}

// Strict UTF-8 with nothing QString::fromUtf8 might treat otherwise: no overlong forms,
// surrogates, noncharacters or byte order marks (a row with one goes the slow way).
bool validUtf8(QByteArrayView text)
{
    const uchar *p = reinterpret_cast<const uchar *>(text.data());
    const uchar *const end = p + text.size();
    while (p < end) {
        if (*p < 0x80) {
            ++p;
            continue;
        }
        int n = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc2 ? 2 : 0;
        if (n == 0 || *p > 0xf4 || end - p < n)
            return false;
        for (int i = 1; i < n; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
        }
        const char32_t c = codePointAt(p, &n);
        if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff)
            || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe || c == 0xfeff)
            return false;
        p += n;
    }
    return true;
}

// QString::trimmed on UTF-8 bytes: the same white space (QChar::isSpace), valid UTF-8 assumed.
QByteArrayView trimmed(QByteArrayView v)
{
    const uchar *b = reinterpret_cast<const uchar *>(v.data());
    const uchar *e = b + v.size();
    int n = 0;
    while (b < e && QChar::isSpace(codePointAt(b, &n)))
        b += n;
    while (e > b) {
        const uchar *p = e - 1;
        while (p > b && (*p & 0xc0) == 0x80)
            --p;
        if (!QChar::isSpace(codePointAt(p, &n)))
            break;
        e = p;
    }
    return QByteArrayView(reinterpret_cast<const char *>(b), e - b);
}

bool digits(QByteArrayView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number(QByteArrayView v)
{
    int n = 0;
    for (char c : v)
        n = n * 10 + (c - '0');
    return n;
}

// A plain whole number of at most 15 digits (written as QJsonDocument writes the double).
bool wholeNumber(QByteArrayView v, bool negativeOk, qint64 *n)
{
    const bool minus = negativeOk && v.startsWith('-');
    const QByteArrayView d = minus ? v.sliced(1) : v;
    if (!digits(d) || d.size() > 15)
        return false;
    *n = 0;
    for (char c : d)
        *n = *n * 10 + (c - '0');
    if (minus)
        *n = -*n;
    return true;
}

bool isoDate(QByteArrayView v)
{
    if (v.size() != 10 || v[4] != '-' || v[7] != '-' || !digits(v.sliced(0, 4)) || !digits(v.sliced(5, 2))
        || !digits(v.sliced(8, 2)))
        return false;
    const int y = number(v.sliced(0, 4));
    return y >= 1900 && y <= 2200 && QDate::isValid(y, number(v.sliced(5, 2)), number(v.sliced(8, 2)));
}

bool month(QByteArrayView v)
{
    if (v.size() != 7 || v[4] != '-' || !digits(v.sliced(0, 4)) || !digits(v.sliced(5, 2)))
        return false;
    const int m = number(v.sliced(5, 2));
    return m >= 1 && m <= 12;
}

// A scratch QString of this thread holding ASCII `v`: the shared checks take QStrings.
const QString &latin1(QByteArrayView v)
{
    thread_local QString s;
    s.resize(v.size());
    for (qsizetype i = 0; i < v.size(); ++i)
        s[i] = QLatin1Char(v[i]);
    return s;
}

bool ascii(QByteArrayView v)
{
    return std::all_of(v.begin(), v.end(), [](char c) { return uchar(c) < 0x80; });
}

void appendJsonString(std::string &out, QByteArrayView v)
{
    static const char hex[] = "0123456789abcdef";
    out += '"';
    const char *p = v.data();
    const char *const end = p + v.size();
    while (p < end) {
        const char *q = p;
        while (q < end && uchar(*q) >= 0x20 && *q != '"' && *q != '\\')
            ++q;
        out.append(p, size_t(q - p));
        if (q == end)
            break;
        const uchar u = uchar(*q);
        p = q + 1;
        out += '\\';
        switch (u) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case 0x08: out += 'b'; break;
        case 0x0c: out += 'f'; break;
        case '\n': out += 'n'; break;
        case '\r': out += 'r'; break;
        case '\t': out += 't'; break;
        default:
            out += "u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        }
    }
    out += '"';
}

void appendNumber(std::string &out, qint64 n)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, r.ptr);
}

void appendCopyEscaped(QByteArray &arena, QByteArrayView v)
{
    const char *p = v.data();
    const char *const end = p + v.size();
    while (p < end) {
        const char *q = p;
        while (q < end && *q != '\\' && *q != '\t' && *q != '\n' && *q != '\r')
            ++q;
        arena.append(p, q - p);
        if (q == end)
            break;
        arena += '\\';
        arena += *q == '\\' ? '\\' : *q == '\t' ? 't' : *q == '\n' ? 'n' : 'r';
        p = q + 1;
    }
}

// Places `v` in the chunk's arena (escaped for COPY); returns its offset and length.
void place(QByteArray &arena, QByteArrayView v, qint32 *offset, qint32 *length)
{
    *offset = qint32(arena.size());
    appendCopyEscaped(arena, v);
    *length = qint32(arena.size()) - *offset;
}

void finishRow(ExtractChunk *chunk, ExtractRow &row, QByteArrayView json)
{
    static const char hex[] = "0123456789abcdef";
    // HqStore's digest (WireFormat::checksum), with the algorithm fetched once: OpenSSL 3
    // looks it up under a lock on every EVP_sha256() digest, and the workers queued on it.
    static EVP_MD *const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    unsigned char sha[32];
    unsigned int size = 0;
    if (!sha256 || EVP_Digest(json.data(), size_t(json.size()), sha, &size, sha256, nullptr) != 1 || size != 32) {
        const QByteArray q = WireFormat::checksum(QByteArray::fromRawData(json.data(), json.size()));
        std::memcpy(sha, q.constData(), 32);
    }
    for (int i = 0; i < 32; ++i) {
        row.digest[size_t(2 * i)] = hex[uchar(sha[i]) >> 4];
        row.digest[size_t(2 * i + 1)] = hex[uchar(sha[i]) & 0xf];
    }
    place(chunk->arena, json, &row.payload, &row.payloadLen);
    chunk->rows.push_back(row);
}

} // namespace

void ExtractChunk::addConverted(const ExtractRecords &converter, const QStringList &cells, int line)
{
    ExtractRow row;
    row.line = line;
    SyncRecord rec;
    QString error;
    if (!converter.convert(cells, line, &rec, &error)) {
        row.error = int(errors.size());
        errors << error;
        rows.push_back(row);
        return;
    }
    row.rank = quint8(ExtractRecords::entityRank(rec.entity));
    place(arena, rec.id.toUtf8(), &row.id, &row.idLen);
    place(arena, rec.payload.value(QLatin1String("customer_no")).toString().toUtf8(), &row.customer, &row.customerLen);
    place(arena, rec.payload.value(QLatin1String("rm_id")).toString().toUtf8(), &row.rm, &row.rmLen);
    finishRow(this, row, HqStore::payloadText(rec.payload).toUtf8());
}

struct ExtractScan::Out
{
    std::string json;
    quint8 rank = 0;
    QByteArrayView id, customer, rm;
};

ExtractScan::ExtractScan(const QStringList &header, const ExtractRecords &converter) : m_converter(converter)
{
    QHash<QString, int> column; // the last of equal names, as ExtractRecords takes it
    for (int i = 0; i < header.size(); ++i)
        column.insert(header.at(i).trimmed(), i);
    m_columns = int(column.size());
    for (const Key &k : customerKeys()) {
        const char *header = CustomerColumns::find(QString::fromLatin1(k.name))->csv;
        m_customerColumn.push_back(column.value(QLatin1String(header), -1));
    }
    for (const Key &k : holdingKeys())
        m_holdingColumn.push_back(column.value(QLatin1String(k.name), -1));
    m_recordType = column.value(QStringLiteral("record_type"), -1);
}

bool ExtractScan::split(QByteArrayView line, std::vector<QByteArrayView> *fields, QByteArray *scratch)
{
    fields->clear();
    scratch->resize(0);
    scratch->reserve(line.size()); // views into it stay valid: it never grows past the line
    const char *p = line.data();
    const char *const end = p + line.size();
    for (;;) {
        if (p < end && *p == '"') {
            const qsizetype start = scratch->size();
            for (++p;; ++p) {
                if (p == end)
                    return false; // the quote runs over the end of the line
                if (*p == '"') {
                    if (p + 1 < end && p[1] == '"') {
                        scratch->append('"');
                        ++p;
                        continue;
                    }
                    ++p;
                    break;
                }
                scratch->append(*p);
            }
            fields->push_back(QByteArrayView(scratch->constData() + start, scratch->size() - start));
            if (p == end)
                return true;
            if (*p != ',')
                return false; // text after a closing quote: CsvReader's malformed row
            ++p;
            continue;
        }
        const char *const start = p;
        while (p < end && *p != ',' && *p != '\r')
            ++p;
        if (p < end && *p == '\r')
            return false; // a carriage return that is not the line's end
        fields->push_back(QByteArrayView(start, p - start));
        if (p == end)
            return true;
        ++p;
    }
}

bool ExtractScan::convertFast(const std::vector<QByteArrayView> &fields, Out *out) const
{
    if (int(fields.size()) != m_columns || m_recordType < 0)
        return false;
    const QByteArrayView type = trimmed(fields[size_t(m_recordType)]);
    out->json.clear();
    out->rm = {};
    out->rank = type == "customer" ? 1 : 2;
    if (type == "customer")
        return writeCustomer(fields, out);
    if (type == "holding")
        return writeHolding(fields, out);
    return false; // staff (a few rows) and bad types: ExtractRecords
}

namespace {

// Writes `"key":value` for one rule; false when the value is not in its plain form.
bool writeValue(std::string &json, const Key &key, QByteArrayView v)
{
    json += '"';
    json += key.name;
    json += "\":";
    qint64 n = 0;
    switch (key.kind) {
    case Kind::Required:
        if (v.isEmpty())
            return false;
        [[fallthrough]];
    case Kind::Text:
        appendJsonString(json, v);
        return true;
    case Kind::TextOrNull:
    case Kind::Gender:
        if (v.isEmpty()) {
            json += "null";
            return true;
        }
        if (key.kind == Kind::Gender && v != "M" && v != "F")
            return false;
        appendJsonString(json, v);
        return true;
    case Kind::Date:
    case Kind::Month:
        if (v.isEmpty()) {
            json += "null";
            return true;
        }
        if (key.kind == Kind::Date ? !isoDate(v) : !month(v))
            return false;
        appendJsonString(json, v);
        return true;
    case Kind::Flag:
        if (!v.isEmpty() && v != "0" && v != "1")
            return false;
        json += v == "1" ? '1' : '0';
        return true;
    case Kind::Count:
    case Kind::Signed:
        if (!v.isEmpty() && !wholeNumber(v, key.kind == Kind::Signed, &n))
            return false;
        appendNumber(json, n);
        return true;
    case Kind::Phone:
        // Digits only: 11 starting with 1 (a mobile), or 7-12 not starting with 1 (a landline).
        if (!v.isEmpty() && (!digits(v) || (v[0] == '1' ? v.size() != 11 : v.size() < 7 || v.size() > 12)))
            return false;
        appendJsonString(json, v);
        return true;
    case Kind::IdNumber:
        if (!v.isEmpty()
            && (v.size() != 18 || !digits(v.sliced(0, 17)) || (v[17] != 'X' && !digits(v.sliced(17)))
                || IdCardNumber::check(latin1(v)) != IdCardNumber::Problem::None))
            return false;
        appendJsonString(json, v);
        return true;
    case Kind::History: {
        json += '"';
        int parts = 0;
        for (qsizetype from = 0; from <= v.size();) {
            qsizetype to = v.indexOf(';', from);
            if (to < 0)
                to = v.size();
            const QByteArrayView part = v.sliced(from, to - from);
            from = to + 1;
            if (part.isEmpty())
                continue;
            const bool minus = part.startsWith('-');
            if (!digits(minus ? part.sliced(1) : part) || part.size() > 18 || ++parts > 12)
                return false;
            if (parts > 1)
                json += ',';
            json.append(part.data(), size_t(part.size()));
        }
        json += '"';
        return true;
    }
    case Kind::Product:
    case Kind::Status: {
        if (key.kind == Kind::Status && v.isEmpty())
            v = "active";
        if (!ascii(v))
            return false;
        Holding::ProductType t;
        Holding::Status s;
        if (key.kind == Kind::Product ? !Holding::productTypeFromKey(latin1(v), &t) : !Holding::statusFromKey(latin1(v), &s))
            return false;
        appendJsonString(json, v);
        return true;
    }
    }
    return false;
}

} // namespace

bool ExtractScan::writeCustomer(const std::vector<QByteArrayView> &fields, Out *out) const
{
    const std::vector<Key> &keys = customerKeys();
    out->json += '{';
    for (size_t k = 0; k < keys.size(); ++k) {
        // A column added after the first schema may be missing from an older extract: empty.
        const int i = m_customerColumn[k];
        const QByteArrayView v = i < 0 ? QByteArrayView() : trimmed(fields[size_t(i)]);
        if (k > 0)
            out->json += ',';
        if (!writeValue(out->json, keys[k], v))
            return false;
        if (std::strcmp(keys[k].name, "customer_no") == 0)
            out->id = out->customer = v;
        else if (std::strcmp(keys[k].name, "rm_id") == 0)
            out->rm = v;
    }
    out->json += '}';
    return true;
}

bool ExtractScan::writeHolding(const std::vector<QByteArrayView> &fields, Out *out) const
{
    const std::vector<Key> &keys = holdingKeys();
    out->json += '{';
    for (size_t k = 0; k < keys.size(); ++k) {
        const QByteArrayView v = trimmed(fields[size_t(m_holdingColumn[k])]);
        if (k > 0)
            out->json += ',';
        if (!writeValue(out->json, keys[k], v))
            return false;
        if (std::strcmp(keys[k].name, "holding_id") == 0)
            out->id = v;
        else if (std::strcmp(keys[k].name, "customer_no") == 0)
            out->customer = v;
    }
    out->json += '}';
    return true;
}

ExtractChunk ExtractScan::convert(QByteArrayView text, int firstLine) const
{
    ExtractChunk chunk;
    chunk.arena.reserve(text.size() + text.size() / 4);
    chunk.rows.reserve(size_t(text.size() / 120));
    std::vector<QByteArrayView> fields;
    QByteArray scratch;
    Out out;
    int line = firstLine;
    for (qsizetype at = 0; at < text.size(); ++line) {
        qsizetype nl = text.indexOf('\n', at);
        if (nl < 0)
            nl = text.size();
        QByteArrayView raw = text.sliced(at, nl - at);
        at = nl + 1;
        if (raw.endsWith('\r'))
            raw.chop(1);
        if (!split(raw, &fields, &scratch)) {
            chunk.unsupported = true;
            return chunk;
        }
        const bool utf8 = validUtf8(raw);
        if (utf8 && std::all_of(fields.begin(), fields.end(), [](QByteArrayView f) { return trimmed(f).isEmpty(); }))
            continue; // blank, or commas only
        if (utf8 && convertFast(fields, &out)) {
            ExtractRow row;
            row.line = line;
            row.rank = out.rank;
            place(chunk.arena, out.id, &row.id, &row.idLen);
            place(chunk.arena, out.customer, &row.customer, &row.customerLen);
            place(chunk.arena, out.rm, &row.rm, &row.rmLen);
            finishRow(&chunk, row, QByteArrayView(out.json.data(), qsizetype(out.json.size())));
            continue;
        }
        QStringList cells;
        cells.reserve(qsizetype(fields.size()));
        for (QByteArrayView f : fields)
            cells << QString::fromUtf8(f);
        if (!utf8 && ImportTableReader::blank(cells))
            continue;
        chunk.addConverted(m_converter, cells, line);
    }
    return chunk;
}

std::array<qint64, 4> ExtractScan::countTypes(QByteArrayView text) const
{
    std::array<qint64, 4> counts{};
    std::vector<QByteArrayView> fields;
    QByteArray scratch;
    for (qsizetype at = 0; at < text.size();) {
        qsizetype nl = text.indexOf('\n', at);
        if (nl < 0)
            nl = text.size();
        QByteArrayView raw = text.sliced(at, nl - at);
        at = nl + 1;
        QByteArrayView type;
        if (m_recordType == 0) { // the usual layout: no need to split the line
            const qsizetype comma = raw.indexOf(',');
            type = raw.sliced(0, comma < 0 ? raw.size() : comma);
        } else if (split(raw.endsWith('\r') ? raw.chopped(1) : raw, &fields, &scratch) && m_recordType >= 0
                   && m_recordType < int(fields.size())) {
            type = fields[size_t(m_recordType)];
        }
        type = type.trimmed();
        ++counts[type == "staff" ? 0 : type == "customer" ? 1 : type == "holding" ? 2 : 3];
    }
    return counts;
}
