#include "dateformat.h"

#include <QDateTime>
#include <QLocale>

bool DateFormat::chinese()
{
    return QLocale().language() == QLocale::Chinese;
}

QString DateFormat::date(const QDate &date)
{
    if (!date.isValid())
        return {};
    const QLocale locale;
    return locale.toString(date, chinese() ? QStringLiteral("yyyy年M月d日") : QStringLiteral("MMM d, yyyy"));
}

QString DateFormat::dateWithWeekday(const QDate &date)
{
    if (!date.isValid())
        return {};
    const QLocale locale;
    return chinese() ? DateFormat::date(date) + QLatin1Char(' ') + locale.dayName(date.dayOfWeek(), QLocale::LongFormat)
                     : locale.dayName(date.dayOfWeek(), QLocale::LongFormat) + QStringLiteral(", ") + DateFormat::date(date);
}

QString DateFormat::dateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    const QLocale locale;
    return date(dateTime.date()) + QLatin1Char(' ') + locale.toString(dateTime.time(), QLocale::ShortFormat);
}

QString DateFormat::monthDay(const QDate &date)
{
    if (!date.isValid())
        return {};
    const QLocale locale;
    return locale.toString(date, chinese() ? QStringLiteral("M月d日") : QStringLiteral("MMM d"));
}
