#include "todaymodel.h"

#include "personalfield.h"

#include "../domain/moneyformat.h"
#include "../domain/todaylist.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

#include <algorithm>

TodayModel::TodayModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TodayModel::setItems(const Context &context, std::vector<TodayItem> items)
{
    beginResetModel();
    m_context = context;
    m_items = std::move(items);
    m_why.assign(m_items.size(), QString());
    endResetModel();
    emitCounts();
}

void TodayModel::clear()
{
    setItems(Context{}, {});
}

void TodayModel::updateCustomer(const Context &context, int customer, std::vector<TodayItem> items)
{
    m_context = context;
    std::sort(items.begin(), items.end(), TodayList::moreUrgent);
    // Rows that stay: new data in place. Rows that went: removed. New rows: inserted in order.
    std::vector<bool> used(items.size(), false);
    for (int row = int(m_items.size()) - 1; row >= 0; --row) {
        if (m_items[size_t(row)].customer != customer)
            continue;
        const QString key = m_items[size_t(row)].key();
        auto it = std::find_if(items.begin(), items.end(), [&](const TodayItem &i) { return i.key() == key; });
        if (it != items.end()) {
            used[size_t(it - items.begin())] = true;
            m_items[size_t(row)] = *it;
            m_why[size_t(row)].clear();
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            beginRemoveRows({}, row, row);
            m_items.erase(m_items.begin() + row);
            m_why.erase(m_why.begin() + row);
            endRemoveRows();
        }
    }
    for (size_t i = 0; i < items.size(); ++i) {
        if (used[i])
            continue;
        const auto pos = std::lower_bound(m_items.begin(), m_items.end(), items[i], TodayList::moreUrgent);
        const int row = int(pos - m_items.begin());
        beginInsertRows({}, row, row);
        m_items.insert(pos, items[i]);
        m_why.insert(m_why.begin() + row, QString());
        endInsertRows();
    }
    emitCounts();
}

int TodayModel::rowOfKey(const QString &key) const
{
    for (size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].key() == key)
            return int(i);
    }
    return -1;
}

QList<int> TodayModel::yearsWithoutCalendar() const
{
    QList<int> years;
    for (const TodayItem &i : m_items) {
        if (i.calendarMissing && !years.contains(i.due.year()))
            years << i.due.year();
    }
    if (m_context.asOf.isValid() && !m_context.calendar.hasYear(m_context.asOf.year())
        && !years.contains(m_context.asOf.year()))
        years << m_context.asOf.year();
    std::sort(years.begin(), years.end());
    return years;
}

void TodayModel::emitCounts()
{
    const TodayList::Counts c = TodayList::count(m_items, m_context.asOf);
    emit countsChanged(c.done, c.due, c.overdue);
}

int TodayModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int TodayModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TodayModel::whyText(int row) const
{
    QString &cached = m_why[size_t(row)];
    if (cached.isNull() && m_context.snapshot && m_context.roster) {
        const TodayList list(*m_context.snapshot, m_context.policy, m_context.calendar, m_context.activity,
                             *m_context.roster);
        cached = list.why(m_items[size_t(row)], m_context.asOf);
    }
    return cached;
}

QVariant TodayModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_items.size()) || !m_context.snapshot)
        return {};
    const TodayItem &item = m_items[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row(), index.column());
    case Qt::ToolTipRole:
        if (index.column() == Why || index.column() == Task)
            return whyText(index.row());
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Amount || index.column() == DaysLeft)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        return foreground(item, index.column());
    case Qt::FontRole:
        if (item.isDone()) {
            QFont f;
            f.setStrikeOut(index.column() == Task);
            return f;
        }
        break;
    case RawValueRole:
        return rawValue(index.row(), index.column());
    case CustomerIndexRole:
        return item.customer;
    case ItemKeyRole:
        return item.key();
    case StateKeyRole:
        return CadencePlan::Step::stateKey(item.state);
    case PhoneRole:
        return m_context.snapshot->customer(item.customer).phone;
    default:
        break;
    }
    return {};
}

QVariant TodayModel::displayText(int row, int column) const
{
    const TodayItem &item = m_items[size_t(row)];
    const BranchSnapshot &s = *m_context.snapshot;
    switch (column) {
    case State:
        if (item.isDone())
            return item.state == TodayItem::State::DoneLate ? tr("✓ Done late") : tr("✓ Done");
        return item.due < m_context.asOf ? tr("Overdue %n day(s)", nullptr, int(item.due.daysTo(m_context.asOf)))
                                         : tr("Due today");
    case Due:
        return QLocale().language() == QLocale::Chinese ? item.due.toString(QStringLiteral("M月d日"))
                                                        : item.due.toString(QStringLiteral("MM-dd"));
    case Customer:
        return s.customer(item.customer).name;
    case Tier:
        return s.tierPolicy().displayName(item.tier);
    case Task: {
        const TodayList list(s, m_context.policy, m_context.calendar, m_context.activity, *m_context.roster);
        return list.task(item);
    }
    case Why:
        return whyText(row);
    case Amount:
        return MoneyFormat::listAmount(item.amountFen);
    case DaysLeft: {
        const qint64 daysLeft = m_context.asOf.daysTo(item.deadline);
        return daysLeft == 0 ? tr("today") : daysLeft == 1 ? tr("tomorrow") : tr("%n days", nullptr, int(daysLeft));
    }
    case Rm:
        return item.rm >= 0 ? s.staff()[size_t(item.rm)].name : QString();
    }
    return {};
}

QVariant TodayModel::foreground(const TodayItem &item, int column) const
{
    if (item.isDone())
        return QBrush(QColor(0x2e, 0x7d, 0x32));
    if (column == State && item.due < m_context.asOf)
        return QBrush(QColor(0xc6, 0x28, 0x28));
    return {};
}

QVariant TodayModel::rawValue(int row, int column) const
{
    const TodayItem &item = m_items[size_t(row)];
    const BranchSnapshot &s = *m_context.snapshot;
    switch (column) {
    case State:
        return CadencePlan::Step::stateKey(item.state);
    case Due:
        return item.due.toString(Qt::ISODate);
    case Customer:
        return s.customer(item.customer).customerNo;
    case Tier:
        return item.tier;
    case Amount:
        return item.amountFen;
    case DaysLeft:
        return m_context.asOf.daysTo(item.deadline);
    case Rm:
        return item.rm >= 0 ? s.staff()[size_t(item.rm)].staffId : QString();
    default:
        return displayText(row, column);
    }
}

QVariant TodayModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == PersonalField::HeaderRole) // exports mask it
        return section == Customer ? PersonalField::Name : PersonalField::None;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case State:
        return tr("State");
    case Due:
        return tr("Due");
    case Customer:
        return tr("Customer");
    case Tier:
        return tr("Tier");
    case Task:
        return tr("Step");
    case Why:
        return tr("Why");
    case Amount:
        return tr("Amount (%1)").arg(MoneyFormat::listUnit());
    case DaysLeft:
        return tr("Time left");
    case Rm:
        return tr("RM");
    }
    return {};
}

void TodayModel::retranslate()
{
    std::fill(m_why.begin(), m_why.end(), QString());
    if (!m_items.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}
