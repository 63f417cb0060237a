#include "importvalue.h"

#include <QStringList>

#include <cmath>
#include <limits>

namespace {

bool asciiDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

} // namespace

std::optional<qint64> ImportValue::amountFen(const QString &raw, AmountUnit unit)
{
    QString s = raw.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    // Currency marks and units around the number.
    for (const QString &prefix : {QStringLiteral("¥"), QStringLiteral("￥"), QStringLiteral("RMB"),
                                  QStringLiteral("CNY")}) {
        if (s.startsWith(prefix, Qt::CaseInsensitive))
            s = s.mid(prefix.size()).trimmed();
    }
    qint64 multiplierFen = unit == AmountUnit::Fen ? 1 : unit == AmountUnit::TenThousandYuan ? 1000000 : 100;
    if (s.size() != raw.trimmed().size())
        multiplierFen = 100; // a currency mark says yuan, whatever the column
    if (s.endsWith(QStringLiteral("万元")) || s.endsWith(QStringLiteral("万"))) {
        s.chop(s.endsWith(QStringLiteral("万元")) ? 2 : 1);
        multiplierFen = 1000000;
    } else if (s.endsWith(QStringLiteral("元"))) {
        s.chop(1);
        multiplierFen = 100;
    }
    s = s.trimmed();
    // Thousands separators: ',' (also full-width), spaces, apostrophes.
    QString digits;
    digits.reserve(s.size());
    int point = -1;
    int group = -1; // digits since the last thousands separator, -1 before the first
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (asciiDigit(c)) {
            digits += c;
            if (group >= 0 && point < 0)
                ++group;
        } else if (c == QLatin1Char('.') && point < 0) {
            if (group >= 0 && group != 3)
                return std::nullopt;
            point = int(digits.size());
        } else if (c == QLatin1Char(',') || c == QChar(0xFF0C) || c == QLatin1Char(' ') || c == QChar(0x00A0)
                   || c == QLatin1Char('\'')) {
            if (point >= 0)
                return std::nullopt; // separator after the decimal point
            if (digits.isEmpty() || (group < 0 && digits.size() > 3) || (group >= 0 && group != 3))
                return std::nullopt; // 12,34 or 1234,567: not thousands
            group = 0;
        } else {
            return std::nullopt; // a sign, a letter, a second point...
        }
    }
    if (digits.isEmpty() || digits.size() > 17 || (group >= 0 && point < 0 && group != 3))
        return std::nullopt;
    const int decimals = point < 0 ? 0 : int(digits.size()) - point;
    qint64 mantissa = digits.toLongLong();
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    // fen = mantissa * multiplier / scale, exact or rejected.
    if (mantissa > 0 && multiplierFen > std::numeric_limits<qint64>::max() / mantissa)
        return std::nullopt;
    const qint64 product = mantissa * multiplierFen;
    if (product % scale != 0) {
        // Excel's binary floats give 1234.5600000001: accept what rounds within 1/1000 fen.
        const double fen = double(product) / double(scale);
        if (std::abs(fen - std::llround(fen)) > 1e-3)
            return std::nullopt;
        return std::llround(fen);
    }
    return product / scale;
}

std::optional<QDate> ImportValue::date(const QString &raw, bool excelSerial)
{
    const QString s = raw.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    // The common case first, without allocations: YYYY-MM-DD.
    if (s.size() == 10 && s.at(4) == QLatin1Char('-') && s.at(7) == QLatin1Char('-')) {
        int v[3] = {0, 0, 0};
        const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
        bool digits = true;
        for (int k = 0; k < 3 && digits; ++k) {
            for (int i = starts[k]; i < starts[k] + lens[k]; ++i) {
                if (!asciiDigit(s.at(i))) {
                    digits = false;
                    break;
                }
                v[k] = v[k] * 10 + (s.at(i).unicode() - '0');
            }
        }
        if (digits) {
            const QDate d(v[0], v[1], v[2]);
            if (!d.isValid() || d.year() < 1900 || d.year() > 2200)
                return std::nullopt;
            return d;
        }
    }
    // An Excel serial day number (an .xlsx date cell without its format).
    bool isNumber = true;
    for (QChar c : s)
        isNumber = isNumber && (asciiDigit(c) || c == QLatin1Char('.'));
    const double serial = isNumber ? s.toDouble(&isNumber) : 0;
    if (isNumber && s.size() != 8) {
        if (!excelSerial || serial < 1 || serial > 2958465 || std::floor(serial) != serial)
            return std::nullopt;
        return QDate(1899, 12, 30).addDays(qint64(serial));
    }
    QDate d;
    if (s.size() == 8 && isNumber && !s.contains(QLatin1Char('.')))
        d = QDate(s.left(4).toInt(), s.mid(4, 2).toInt(), s.mid(6, 2).toInt());
    if (!d.isValid()) {
        // Split on any of - / . 年 月 日 and spaces.
        QString norm = s;
        for (QChar &c : norm) {
            if (c == QLatin1Char('/') || c == QLatin1Char('.') || c == QChar(0x5E74) /*年*/ || c == QChar(0x6708) /*月*/)
                c = QLatin1Char('-');
        }
        if (norm.endsWith(QChar(0x65E5) /*日*/))
            norm.chop(1);
        // Drop a time part ("2026-01-15 00:00:00").
        const int space = int(norm.indexOf(QLatin1Char(' ')));
        if (space > 0)
            norm = norm.left(space);
        const QStringList parts = norm.split(QLatin1Char('-'));
        if (parts.size() == 3 && parts[0].size() == 4) {
            bool a = false, b = false, c = false;
            const int y = parts[0].toInt(&a), m = parts[1].toInt(&b), day = parts[2].toInt(&c);
            if (a && b && c && parts[1].size() <= 2 && parts[2].size() <= 2)
                d = QDate(y, m, day);
        }
    }
    if (!d.isValid() || d.year() < 1900 || d.year() > 2200)
        return std::nullopt;
    return d;
}

std::optional<QChar> ImportValue::gender(const QString &raw)
{
    const QString s = raw.trimmed().toLower();
    if (s == QStringLiteral("男") || s == QLatin1String("m") || s == QLatin1String("male"))
        return QLatin1Char('M');
    if (s == QStringLiteral("女") || s == QLatin1String("f") || s == QLatin1String("female"))
        return QLatin1Char('F');
    return std::nullopt;
}

std::optional<bool> ImportValue::flag(const QString &raw)
{
    const QString s = raw.trimmed().toLower();
    if (s == QStringLiteral("是") || s == QLatin1String("y") || s == QLatin1String("yes") || s == QLatin1String("true")
        || s == QLatin1String("1"))
        return true;
    if (s == QStringLiteral("否") || s == QLatin1String("n") || s == QLatin1String("no") || s == QLatin1String("false")
        || s == QLatin1String("0") || s.isEmpty())
        return false;
    return std::nullopt;
}

std::optional<QString> ImportValue::phone(const QString &raw)
{
    QString s = raw.trimmed();
    if (s.startsWith(QLatin1String("+86")))
        s = s.mid(3);
    else if (s.startsWith(QLatin1String("0086")))
        s = s.mid(4);
    QString digits;
    for (QChar c : s) {
        if (asciiDigit(c))
            digits += c;
        else if (c != QLatin1Char(' ') && c != QLatin1Char('-') && c != QLatin1Char('(') && c != QLatin1Char(')'))
            return std::nullopt;
    }
    if (digits.size() == 11 && digits.startsWith(QLatin1Char('1')))
        return digits;
    if (digits.size() >= 7 && digits.size() <= 12 && !digits.startsWith(QLatin1Char('1')))
        return digits; // landline, with or without area code
    return std::nullopt;
}
