#include "workingcalendar.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace {
// Enough to cross the longest Chinese holiday run (9 days) several times over.
constexpr int kMaxSearchDays = 40;
} // namespace

WorkingCalendar WorkingCalendar::builtIn()
{
    static const WorkingCalendar calendar = [] {
        WorkingCalendar c;
        const QDir dir(QStringLiteral(":/holidays"));
        for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QString error;
            c.loadFile(dir.filePath(name), &error);
        }
        return c;
    }();
    return calendar;
}

QString WorkingCalendar::extraDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("holidays"));
}

WorkingCalendar WorkingCalendar::standard()
{
    WorkingCalendar c = builtIn();
    const QString extra = extraDirectory();
    if (QDir(extra).exists())
        c.loadDirectory(extra);
    return c;
}

bool WorkingCalendar::loadJson(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull() || !doc.isObject()) {
        *error = QStringLiteral("holiday calendar: not a JSON object (%1)").arg(pe.errorString());
        return false;
    }
    const QJsonObject root = doc.object();
    const int year = root.value(QLatin1String("year")).toInt(0);
    if (year < 1990 || year > 2200) {
        *error = QStringLiteral("holiday calendar: field year is missing or out of range");
        return false;
    }
    const QJsonValue daysValue = root.value(QLatin1String("days"));
    if (!daysValue.isArray()) {
        *error = QStringLiteral("holiday calendar %1: field days is missing").arg(year);
        return false;
    }
    QHash<qint64, Special> days;
    const QJsonArray array = daysValue.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject d = array.at(i).toObject();
        const QDate date = QDate::fromString(d.value(QLatin1String("date")).toString(), Qt::ISODate);
        const QJsonValue off = d.value(QLatin1String("isOffDay"));
        if (!date.isValid() || !off.isBool()) {
            *error = QStringLiteral("holiday calendar %1: days[%2] needs an ISO date and a boolean isOffDay")
                         .arg(year)
                         .arg(i);
            return false;
        }
        // A file speaks for its own year; a New Year holiday may reach into the next or
        // the previous one, nothing further (found by fuzz/fuzz_holidaycalendar).
        if (qAbs(date.year() - year) > 1) {
            *error = QStringLiteral("holiday calendar %1: days[%2] is in %3, not in or next to %1").arg(year).arg(i).arg(date.year());
            return false;
        }
        days.insert(date.toJulianDay(), Special{off.toBool(), d.value(QLatin1String("name")).toString()});
    }
    // A newer file for the same year replaces the old one completely.
    const QDate first(year, 1, 1);
    const QDate last(year, 12, 31);
    for (auto it = m_special.begin(); it != m_special.end();) {
        if (it.key() >= first.toJulianDay() && it.key() <= last.toJulianDay())
            it = m_special.erase(it);
        else
            ++it;
    }
    for (auto it = days.cbegin(); it != days.cend(); ++it)
        m_special.insert(it.key(), it.value());
    m_years.insert(year, QStringLiteral("json"));
    return true;
}

bool WorkingCalendar::loadFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("holiday calendar: cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    return loadJson(f.readAll(), error);
}

int WorkingCalendar::loadDirectory(const QString &path, QStringList *errors)
{
    const QDir dir(path);
    int loaded = 0;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        if (name == QLatin1String("schema.json"))
            continue;
        QString error;
        if (loadFile(dir.filePath(name), &error))
            ++loaded;
        else if (errors)
            errors->append(error);
    }
    return loaded;
}

QList<int> WorkingCalendar::years() const
{
    QList<int> years = m_years.keys();
    std::sort(years.begin(), years.end());
    return years;
}

bool WorkingCalendar::isWorkingDay(const QDate &day) const
{
    const auto it = m_special.constFind(day.toJulianDay());
    if (it != m_special.cend())
        return !it->off;
    return day.dayOfWeek() < 6;
}

bool WorkingCalendar::isHoliday(const QDate &day) const
{
    const auto it = m_special.constFind(day.toJulianDay());
    return it != m_special.cend() && it->off;
}

bool WorkingCalendar::isMakeUpWorkday(const QDate &day) const
{
    const auto it = m_special.constFind(day.toJulianDay());
    return it != m_special.cend() && !it->off && day.dayOfWeek() >= 6;
}

QString WorkingCalendar::holidayName(const QDate &day) const
{
    return m_special.value(day.toJulianDay()).name;
}

QDate WorkingCalendar::onOrBefore(const QDate &day) const
{
    QDate d = day;
    for (int i = 0; i < kMaxSearchDays && !isWorkingDay(d); ++i)
        d = d.addDays(-1);
    return d;
}

QDate WorkingCalendar::onOrAfter(const QDate &day) const
{
    QDate d = day;
    for (int i = 0; i < kMaxSearchDays && !isWorkingDay(d); ++i)
        d = d.addDays(1);
    return d;
}
