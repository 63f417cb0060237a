#pragma once

#include <QDate>
#include <QString>
#include <optional>

// Reads the values of an imported spreadsheet cell the way branches write
// them. Each returns nothing when the text is not a valid value.
class ImportValue
{
public:
    enum class AmountUnit { Yuan, TenThousandYuan, Fen };

    // "1,234.56", "1 234", "¥3,000", "12.5万", "12.5万元", "3000元"; `unit` says what a bare
    // number means (a header "(万元)" makes it TenThousandYuan). A mark on the value wins over
    // the column's unit: ¥ and 元 are yuan, 万 is 10,000 yuan. Thousands separators must group
    // by three ("12,34" is refused: it may be a European decimal). At most fen precision; >= 0.
    static std::optional<qint64> amountFen(const QString &text, AmountUnit unit = AmountUnit::Yuan);
    // 2026-01-15, 2026/1/15, 2026.1.15, 20260115, 2026年1月15日; with `excelSerial` (an .xlsx
    // date cell arrives as its day number) also 45000 or 45000.0: days since 1899-12-30. A CSV
    // has no serials: a small whole number there is a mistake, not a date in 1900.
    static std::optional<QDate> date(const QString &text, bool excelSerial = false);
    // 男/女, M/F, male/female; empty -> nullopt with *empty = true.
    static std::optional<QChar> gender(const QString &text);
    // 是/否, Y/N, yes/no, true/false, 1/0.
    static std::optional<bool> flag(const QString &text);
    // A mainland mobile (11 digits starting with 1, optional +86 / spaces / dashes) or a
    // landline of 7-12 digits with an area code; returns the digits.
    static std::optional<QString> phone(const QString &text);
};
