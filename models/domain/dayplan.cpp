#include "dayplan.h"

#include "todaylist.h"
#include "workingcalendar.h"

#include <algorithm>
#include <set>

std::vector<QDate> DayPlan::planDays(const WorkingCalendar &calendar, const QDate &asOf, int count)
{
    std::vector<QDate> days;
    if (!asOf.isValid() || count < 1)
        return days;
    days.push_back(asOf); // an RM at work on a weekend plans that day too
    QDate d = asOf;
    while (int(days.size()) < count) {
        d = calendar.onOrAfter(d.addDays(1));
        days.push_back(d);
    }
    return days;
}

DayPlan::DayPlan(std::vector<TodayItem> items, const QDate &asOf, const std::vector<QDate> &days,
                 const CapacityOf &capacity)
    : m_asOf(asOf), m_days(days)
{
    for (const QDate &d : m_days)
        m_capacity.insert(d, std::max(0, capacity(d)));
    TodayList::sort(items);
    // Done today: in today's plan, and they use today's capacity.
    std::vector<size_t> open;
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].isDone()) {
            m_entries.push_back({std::move(items[i]), Slot::Today, asOf});
            ++m_load[asOf];
        } else {
            open.push_back(i); // already in urgency order
        }
    }
    // Earliest day a step can be planned: its due day, or today when overdue.
    std::stable_sort(open.begin(), open.end(), [&](size_t a, size_t b) {
        return std::max(items[a].due, asOf) < std::max(items[b].due, asOf);
    });
    // Ready steps, most urgent first (the indexes are in urgency order).
    std::set<size_t> ready;
    std::vector<bool> planned(items.size(), false);
    size_t next = 0;
    for (const QDate &day : m_days) {
        while (next < open.size() && std::max(items[open[next]].due, asOf) <= day)
            ready.insert(open[next++]);
        int free = m_capacity.value(day) - m_load.value(day);
        for (auto it = ready.begin(); it != ready.end();) {
            const TodayItem &item = items[*it];
            if (item.deadline.isValid() && item.deadline < day) {
                ++it; // missed its last day: overload, below
                continue;
            }
            if (free <= 0)
                break;
            m_entries.push_back({std::move(items[*it]), day == asOf ? Slot::Today : Slot::Later, day});
            planned[*it] = true;
            ++m_load[day];
            --free;
            it = ready.erase(it);
        }
    }
    const QDate last = m_days.empty() ? asOf : m_days.back();
    for (size_t i : open) {
        if (planned[i])
            continue;
        TodayItem &item = items[i];
        const bool beyond = !item.deadline.isValid() || item.deadline > last;
        m_entries.push_back({std::move(item), beyond ? Slot::Beyond : Slot::Overload, QDate()});
    }
    std::stable_sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        if (a.plannedOn.isValid() != b.plannedOn.isValid())
            return a.plannedOn.isValid();
        if (a.plannedOn != b.plannedOn)
            return a.plannedOn < b.plannedOn;
        if (a.item.isDone() != b.item.isDone())
            return a.item.isDone();
        return TodayList::moreUrgent(a.item, b.item);
    });
}

std::vector<const DayPlan::Entry *> DayPlan::on(const QDate &day) const
{
    std::vector<const Entry *> out;
    for (const Entry &e : m_entries) {
        if (e.plannedOn == day)
            out.push_back(&e);
    }
    return out;
}

std::vector<const DayPlan::Entry *> DayPlan::slot(Slot s) const
{
    std::vector<const Entry *> out;
    for (const Entry &e : m_entries) {
        if (e.slot == s)
            out.push_back(&e);
    }
    return out;
}

int DayPlan::count(Slot s) const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(), [s](const Entry &e) { return e.slot == s; }));
}
