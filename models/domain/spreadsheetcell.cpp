#include "spreadsheetcell.h"

bool SpreadsheetCell::isPlainNumber(const QString &text)
{
    // -?digits[.digits][%], nothing else: no operator can follow.
    int i = 0;
    const int n = int(text.size());
    if (i < n && (text.at(i) == QLatin1Char('-') || text.at(i) == QLatin1Char('+')))
        ++i;
    int digits = 0;
    while (i < n && text.at(i).isDigit() && text.at(i).unicode() < 128) {
        ++i;
        ++digits;
    }
    if (digits == 0)
        return false;
    if (i < n && text.at(i) == QLatin1Char('.')) {
        ++i;
        int frac = 0;
        while (i < n && text.at(i).isDigit() && text.at(i).unicode() < 128) {
            ++i;
            ++frac;
        }
        if (frac == 0)
            return false;
    }
    if (i < n && text.at(i) == QLatin1Char('%'))
        ++i;
    return i == n;
}

QString SpreadsheetCell::escapeFormula(const QString &text)
{
    if (text.isEmpty())
        return text;
    const QChar first = text.at(0);
    const bool risky = first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
                       || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r')
                       // full-width forms that spreadsheet programs also accept as operators
                       || first == QChar(0xFF1D) || first == QChar(0xFF0B) || first == QChar(0xFF0D)
                       || first == QChar(0xFF20);
    if (!risky || isPlainNumber(text))
        return text;
    return QLatin1Char('\'') + text;
}

QString SpreadsheetCell::csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}
