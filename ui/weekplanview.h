#pragma once

#include "items/managerloadmodel.h"
#include "items/weekplanmodel.h"

#include <QWidget>

class QLabel;
class QSpinBox;
class QTableView;

// Below the Today list: "later this week", the RM's capacity for today (the
// RM may lower it for a day), and what cannot fit before its deadline.
class WeekPlanView : public QWidget
{
    Q_OBJECT
public:
    explicit WeekPlanView(QWidget *parent = nullptr);

    WeekPlanModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QSpinBox *capacity() const { return m_capacity; }
    // The manager's load view: shown when the plans of several RMs are.
    ManagerLoadModel *loadModel() const { return m_load; }
    QTableView *loadTable() const { return m_loadTable; }
    // plannedToday: rows in today's plan; capacity: today's, -1 for several RMs.
    void setPlans(const TodayModel::Context &context, const std::vector<DayPlan> &plans, int plannedToday,
                  int capacity);
    QString summaryText() const;

signals:
    void capacityEdited(int capacity);
    // Double-click on an RM in the load view: look at that RM's day.
    void rmActivated(int staffIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    WeekPlanModel *m_model;
    QLabel *m_summary;
    QLabel *m_capacityLabel;
    QSpinBox *m_capacity;
    QTableView *m_table;
    ManagerLoadModel *m_load;
    QLabel *m_loadTitle;
    QTableView *m_loadTable;
    int m_planned = 0;
    int m_cap = -1;
};
