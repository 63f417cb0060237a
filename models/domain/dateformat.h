#pragma once

#include <QString>

class QDate;
class QDateTime;

// Dates as the app shows them, one format everywhere. Chinese: 2026年11月23日 (Qt's
// short format would give 2026/11/23); English: Nov 23, 2026. Which applies follows
// the default QLocale, which the language switch sets (like MoneyFormat).
class DateFormat
{
public:
    static QString date(const QDate &date);              // 2026年11月23日 · Nov 23, 2026
    static QString dateWithWeekday(const QDate &date);   // 2026年11月23日 星期一 · Monday, Nov 23, 2026
    static QString dateTime(const QDateTime &dateTime);  // 2026年11月23日 09:05 · Nov 23, 2026 9:05 AM
    static QString monthDay(const QDate &date);          // 11月23日 · Nov 23 (tight columns)
    static bool chinese();
};
