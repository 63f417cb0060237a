#include "idcardnumber.h"

namespace {

// yyyyMMdd at `from`, digits already checked. QDate::fromString with a format
// builds a parser per call, which an import of 100k rows notices.
QDate dateAt(const QString &id, int from)
{
    auto num = [&](int at, int len) {
        int v = 0;
        for (int i = at; i < at + len; ++i)
            v = v * 10 + (id.at(i).unicode() - '0');
        return v;
    };
    return QDate(num(from, 4), num(from + 4, 2), num(from + 6, 2));
}

} // namespace

QString IdCardNumber::normalized(const QString &id)
{
    QString s = id.trimmed();
    if (s.endsWith(QLatin1Char('x')))
        s[s.size() - 1] = QLatin1Char('X');
    if (s.size() == 15) {
        // The first-generation number (before 1999): 6 of region, yyMMdd of birth in the 1900s,
        // 3 of sequence. GB 11643 makes it 18 by writing the century and adding the check character.
        for (QChar c : std::as_const(s)) {
            if (c.unicode() < '0' || c.unicode() > '9')
                return s;
        }
        s.insert(6, QLatin1String("19"));
        s += checkCharacter(s);
    }
    return s;
}

QChar IdCardNumber::checkCharacter(const QString &first17)
{
    static const int weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static const char codes[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += (first17.at(i).unicode() - '0') * weights[i];
    return QLatin1Char(codes[sum % 11]);
}

IdCardNumber::Problem IdCardNumber::check(const QString &raw)
{
    const QString id = normalized(raw);
    if (id.size() != 18)
        return Problem::Length;
    for (int i = 0; i < 17; ++i) {
        if (id.at(i).unicode() < '0' || id.at(i).unicode() > '9')
            return Problem::Characters;
    }
    const QChar last = id.at(17);
    if (!((last.unicode() >= '0' && last.unicode() <= '9') || last == QLatin1Char('X')))
        return Problem::Characters;
    const QDate birth = dateAt(id, 6);
    if (!birth.isValid() || birth.year() < 1900)
        return Problem::BirthDate;
    if (checkCharacter(id) != last)
        return Problem::CheckDigit;
    return Problem::None;
}

QDate IdCardNumber::birthDate(const QString &id)
{
    if (check(id) != Problem::None)
        return {};
    return dateAt(normalized(id), 6);
}
