#pragma once

#include "../domain/activitylog.h"
#include "../domain/branchsnapshot.h"
#include "../domain/cadencepolicy.h"
#include "../domain/cadenceroster.h"
#include "../domain/todayitem.h"
#include "../domain/workingcalendar.h"

#include <QAbstractTableModel>
#include <memory>
#include <vector>

// The rows of the Today page, most urgent first. After a contact only the
// rows of that customer change (updateCustomer), so selection and scroll stay
// where they were and the counts move at once.
class TodayModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { State, Due, Customer, Tier, Task, Why, Amount, DaysLeft, Rm, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1, // number or ISO date, for sorting and tests
        CustomerIndexRole,
        ItemKeyRole,                     // TodayItem::key()
        StateKeyRole,                    // CadencePlan::Step::stateKey()
        PhoneRole,                       // the customer's phone, unmasked (call sheet)
    };
    // What the text of a row is worded from.
    struct Context
    {
        SnapshotPtr snapshot;
        std::shared_ptr<const CadenceRoster> roster;
        ActivityLog activity;
        CadencePolicy policy;
        WorkingCalendar calendar;
        QDate asOf;
    };

    explicit TodayModel(QObject *parent = nullptr);

    void setItems(const Context &context, std::vector<TodayItem> items);
    // Replaces the rows of one customer with `items` (that customer's items now).
    void updateCustomer(const Context &context, int customer, std::vector<TodayItem> items);
    void clear();

    const TodayItem &item(int row) const { return m_items.at(size_t(row)); }
    const std::vector<TodayItem> &items() const { return m_items; }
    int rowOfKey(const QString &key) const;
    QDate asOf() const { return m_context.asOf; }
    // Years of the due dates shown that have no holiday calendar.
    QList<int> yearsWithoutCalendar() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Re-words the rows after a language change.
    void retranslate();

signals:
    void countsChanged(int done, int due, int overdue);

private:
    QString whyText(int row) const;
    // data() per role: the text shown, the colour, the raw value (sorting, tests).
    QVariant displayText(int row, int column) const;
    QVariant foreground(const TodayItem &item, int column) const;
    QVariant rawValue(int row, int column) const;
    void emitCounts();

    Context m_context;
    std::vector<TodayItem> m_items;
    mutable std::vector<QString> m_why; // worded lazily, per row
};
