#include "extractscanvalues.h"

#include "domain/holding.h"
#include "domain/idcardnumber.h"

#include <QDate>
#include <QString>

#include <algorithm>
#include <charconv>

namespace {

using ExtractScanValues::Kind;

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

// The kinds written as a JSON string: Text and Required, and TextOrNull, Gender, Date and
// Month, which are null when empty.
bool writeString(std::string &json, Kind kind, QByteArrayView v)
{
    switch (kind) {
    case Kind::Required:
        if (v.isEmpty())
            return false;
        break;
    case Kind::TextOrNull:
    case Kind::Gender:
    case Kind::Date:
    case Kind::Month:
        if (v.isEmpty()) {
            json += "null";
            return true;
        }
        if (kind == Kind::Gender && v != "M" && v != "F")
            return false;
        if ((kind == Kind::Date && !isoDate(v)) || (kind == Kind::Month && !month(v)))
            return false;
        break;
    default: // Text
        break;
    }
    appendJsonString(json, v);
    return true;
}

// Flag, Count and Signed: a JSON number, 0 when empty.
bool writeWhole(std::string &json, Kind kind, QByteArrayView v)
{
    if (kind == Kind::Flag) {
        if (!v.isEmpty() && v != "0" && v != "1")
            return false;
        json += v == "1" ? '1' : '0';
        return true;
    }
    qint64 n = 0;
    if (!v.isEmpty() && !wholeNumber(v, kind == Kind::Signed, &n))
        return false;
    appendNumber(json, n);
    return true;
}

// Phone and IdNumber: the digits as they stand, empty allowed.
bool writeIdentity(std::string &json, Kind kind, QByteArrayView v)
{
    if (kind == Kind::Phone) {
        // Digits only: 11 starting with 1 (a mobile), or 7-12 not starting with 1 (a landline).
        if (!v.isEmpty() && (!digits(v) || (v[0] == '1' ? v.size() != 11 : v.size() < 7 || v.size() > 12)))
            return false;
    } else if (!v.isEmpty()
               && (v.size() != 18 || !digits(v.sliced(0, 17)) || (v[17] != 'X' && !digits(v.sliced(17)))
                   || IdCardNumber::check(latin1(v)) != IdCardNumber::Problem::None)) {
        return false;
    }
    appendJsonString(json, v);
    return true;
}

// History: at most 12 whole numbers separated by ';', written as a string separated by ','.
bool writeHistory(std::string &json, QByteArrayView v)
{
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

// Product and Status: one of Holding's keys (a status is active when empty).
bool writeHoldingKey(std::string &json, Kind kind, QByteArrayView v)
{
    if (kind == Kind::Status && v.isEmpty())
        v = "active";
    if (!ascii(v))
        return false;
    Holding::ProductType t;
    Holding::Status s;
    if (kind == Kind::Product ? !Holding::productTypeFromKey(latin1(v), &t) : !Holding::statusFromKey(latin1(v), &s))
        return false;
    appendJsonString(json, v);
    return true;
}

} // namespace

bool ExtractScanValues::writeValue(std::string &json, const Key &key, QByteArrayView v)
{
    json += '"';
    json += key.name;
    json += "\":";
    switch (key.kind) {
    case Kind::Required:
    case Kind::Text:
    case Kind::TextOrNull:
    case Kind::Gender:
    case Kind::Date:
    case Kind::Month:
        return writeString(json, key.kind, v);
    case Kind::Flag:
    case Kind::Count:
    case Kind::Signed:
        return writeWhole(json, key.kind, v);
    case Kind::Phone:
    case Kind::IdNumber:
        return writeIdentity(json, key.kind, v);
    case Kind::History:
        return writeHistory(json, v);
    case Kind::Product:
    case Kind::Status:
        return writeHoldingKey(json, key.kind, v);
    }
    return false;
}
