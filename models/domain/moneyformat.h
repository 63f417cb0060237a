#pragma once

#include <QString>

// Money display. Amounts are integer fen everywhere; these turn them into what
// a branch reads: 万元 and 亿元 where Chinese is the language, grouped yuan in English.
class MoneyFormat
{
public:
    // For a list column whose header names the unit (万元 in Chinese, CNY in English).
    static QString listAmount(qint64 fen);
    static QString listUnit();
    // Self-describing amount: "61.20万元", "1.23亿元", "9,876.54元" / "CNY 612,000.00".
    static QString readable(qint64 fen);
    static bool chineseUnits();
};
