#include "extractscan.h"
#include "extractscanvalues.h"

#include "domain/customercolumns.h"
#include "domain/importtablereader.h"
#include "hqdatabase.h"
#include "protocol/wireformat.h"

#include <QHash>

#include <openssl/evp.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace {

using ExtractScanValues::Key;
using Kind = ExtractScanValues::Kind;

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
    // HqDatabase's digest (WireFormat::checksum), with the algorithm fetched once: OpenSSL 3
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
    finishRow(this, row, HqDatabase::payloadText(rec.payload).toUtf8());
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
        if (!ExtractScanValues::writeValue(out->json, keys[k], v))
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
        if (!ExtractScanValues::writeValue(out->json, keys[k], v))
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
