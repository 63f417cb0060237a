#pragma once

#include "todayitem.h"

#include <QDate>
#include <QHash>
#include <functional>
#include <vector>

class WorkingCalendar;

// An RM's planned days (issue 17): the open cadence steps and follow-ups of
// the coming working days spread over them so that no day holds more than
// the RM's capacity (policy day_plan.daily_capacity, 40; the RM may lower it
// for a day). Each day takes the most urgent steps that can be done on it
// (due on or before it, deadline on or after it), by the last possible day,
// then amount, then tier (TodayList::moreUrgent). Steps done today count
// against today's capacity. Nothing disappears: a step is planned on a day,
// or flagged to the manager as overload (its deadline passes before a free
// slot), or carried past the horizon when its deadline lies beyond it.
class DayPlan
{
public:
    enum class Slot : quint8 { Today, Later, Overload, Beyond };
    struct Entry
    {
        TodayItem item;
        Slot slot = Slot::Today;
        QDate plannedOn; // invalid for Overload and Beyond
    };
    // Capacity of a day; the default is the policy's.
    using CapacityOf = std::function<int(const QDate &)>;

    DayPlan() = default;
    // items: TodayList::buildUntil(rm, asOf, lastDay(...)) for one RM.
    DayPlan(std::vector<TodayItem> items, const QDate &asOf, const std::vector<QDate> &days, const CapacityOf &capacity);

    // asOf, then the next working days: `count` days in all.
    static std::vector<QDate> planDays(const WorkingCalendar &calendar, const QDate &asOf, int count);

    int staffIndex = -1; // whose plan (snapshot.staff()), when the caller says

    QDate asOf() const { return m_asOf; }
    const std::vector<QDate> &days() const { return m_days; }
    int capacityOn(const QDate &day) const { return m_capacity.value(day); }
    // Entries planned on the day (done today first, then by urgency).
    std::vector<const Entry *> on(const QDate &day) const;
    int plannedOn(const QDate &day) const { return m_load.value(day); }
    std::vector<const Entry *> slot(Slot s) const;
    int count(Slot s) const;
    const std::vector<Entry> &entries() const { return m_entries; }

private:
    QDate m_asOf;
    std::vector<QDate> m_days;
    QHash<QDate, int> m_capacity;
    QHash<QDate, int> m_load;
    std::vector<Entry> m_entries; // sorted: by planned day, then urgency; unplanned last
};
