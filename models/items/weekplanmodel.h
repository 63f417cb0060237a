#pragma once

#include "todaymodel.h"

#include "../domain/dayplan.h"

#include <QAbstractTableModel>

// The Today page's "later this week" section: the steps of the RM's plan
// that go to a later day of this week, with that day, and the steps that
// cannot fit before their deadline (flagged to the manager, shown last, in red).
class WeekPlanModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { PlannedOn, Customer, Task, Why, Deadline, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, SlotRole, CustomerIndexRole };

    explicit WeekPlanModel(QObject *parent = nullptr);

    // Entries of `plans` planned after today up to the end of today's week, then overload.
    void setPlans(const TodayModel::Context &context, const std::vector<DayPlan> &plans);
    void clear();

    int laterThisWeek() const { return m_later; }
    int afterThisWeek() const { return m_afterWeek; }
    int overload() const { return m_overload; }
    const DayPlan::Entry &entry(int row) const { return m_entries.at(size_t(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString dayText(const QDate &d) const;

    TodayModel::Context m_context;
    std::vector<DayPlan::Entry> m_entries;
    int m_later = 0;
    int m_afterWeek = 0;
    int m_overload = 0;
};
