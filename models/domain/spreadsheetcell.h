#pragma once

#include <QString>

// What a cell of an exported CSV or .xlsx holds. A text cell that starts with
// = + - @, a tab or a carriage return is something Excel or LibreOffice may run
// as a formula (CSV/formula injection, OWASP); it is written with a leading
// apostrophe instead. Plain numbers ("-12", "3.5", "-18.6%") are left alone:
// they cannot carry a formula and stay numbers.
class SpreadsheetCell
{
public:
    static QString escapeFormula(const QString &text);
    static bool isPlainNumber(const QString &text);
    // RFC 4180 quoting for one CSV field.
    static QString csvField(const QString &text);
};
