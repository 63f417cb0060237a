#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

class QByteArray;

// Which days a branch works. Knows China's public holidays and the make-up
// workdays (调休: a Saturday or Sunday that is a working day) from holiday-cn
// JSON files, one per year. A year with no file loaded falls back to
// "Saturday and Sunday are off": hasYear() tells callers to say so.
class WorkingCalendar
{
public:
    // The years shipped in resources/holidays/ (2024-2026), plus any newer
    // *.json HQ has dropped into extraDirectory() (a later file for the same
    // year replaces the built-in one).
    static WorkingCalendar standard();
    // Only the built-in resource years.
    static WorkingCalendar builtIn();
    // <AppDataLocation>/holidays: where newer holiday-cn files are picked up.
    static QString extraDirectory();

    // Adds (or replaces) one year from a holiday-cn document. Returns false and
    // says what is wrong when the document is not one.
    bool loadJson(const QByteArray &json, QString *error);
    bool loadFile(const QString &path, QString *error);
    // Loads every *.json in a directory; returns how many years were read.
    int loadDirectory(const QString &path, QStringList *errors = nullptr);

    bool hasYear(int year) const { return m_years.contains(year); }
    QList<int> years() const;

    bool isWorkingDay(const QDate &day) const;
    bool isHoliday(const QDate &day) const;       // an official day off (not a plain weekend)
    bool isMakeUpWorkday(const QDate &day) const; // a weekend day that is worked
    QString holidayName(const QDate &day) const;  // "国庆节" for both kinds of special day
    // `day` itself when it is a working day, otherwise the working day before it.
    QDate onOrBefore(const QDate &day) const;
    // `day` itself when it is a working day, otherwise the working day after it.
    QDate onOrAfter(const QDate &day) const;

private:
    struct Special
    {
        bool off = false;
        QString name;
    };
    QHash<qint64, Special> m_special; // by Julian day
    QHash<int, QString> m_years;      // year -> where it came from
};
