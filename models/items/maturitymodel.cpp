#include "maturitymodel.h"

#include "personalfield.h"

#include "../domain/dateformat.h"
#include "../domain/moneyformat.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

MaturityModel::MaturityModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void MaturityModel::setList(SnapshotPtr snapshot, MaturityList list)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_list = std::move(list);
    m_dates.clear();
    const auto &entries = m_list.entries();
    for (size_t i = 0; i < entries.size(); ++i) {
        const MaturityList::Entry &e = entries[i];
        if (m_dates.empty() || m_dates.back().date != e.maturity)
            m_dates.push_back(DateGroup{e.maturity, {}, 0, 0});
        DateGroup &d = m_dates.back();
        if (d.types.empty() || d.types.back().type != e.type)
            d.types.push_back(TypeGroup{e.type, {}, 0});
        d.types.back().entries.push_back(int(i));
        d.types.back().amountFen += e.amountFen;
        ++d.count;
        d.amountFen += e.amountFen;
    }
    endResetModel();
}

const MaturityList::Entry *MaturityModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid() || !(index.internalId() & kLeaf))
        return nullptr;
    const quintptr id = index.internalId();
    const size_t date = (id >> 8) & 0xffffffu;
    const size_t type = id & 0xffu;
    return &m_list.entries()[size_t(m_dates[date].types[type].entries[size_t(index.row())])];
}

QModelIndex MaturityModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const quintptr pid = parent.internalId();
    if (pid == 0)
        return createIndex(row, column, quintptr(1) + quintptr(parent.row()));
    if (!(pid & kLeaf)) {
        const quintptr date = pid - 1;
        return createIndex(row, column, kLeaf | (date << 8) | quintptr(parent.row()));
    }
    return {};
}

QModelIndex MaturityModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const quintptr id = child.internalId();
    if (id == 0)
        return {};
    if (!(id & kLeaf))
        return createIndex(int(id - 1), 0, quintptr(0));
    const quintptr date = (id >> 8) & 0xffffffu;
    const quintptr type = id & 0xffu;
    return createIndex(int(type), 0, quintptr(1) + date);
}

int MaturityModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_dates.size());
    if (parent.column() != 0)
        return 0;
    const quintptr id = parent.internalId();
    if (id == 0)
        return int(m_dates[size_t(parent.row())].types.size());
    if (!(id & kLeaf))
        return int(m_dates[size_t(id - 1)].types[size_t(parent.row())].entries.size());
    return 0;
}

int MaturityModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant MaturityModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_snapshot)
        return {};
    const quintptr id = index.internalId();
    if (id == 0 || !(id & kLeaf))
        return groupData(index, role);
    return leafData(index, role);
}

QVariant MaturityModel::groupData(const QModelIndex &index, int role) const
{
    // A group row: a date, or a product type under it.
    const quintptr id = index.internalId();
    const bool isDate = id == 0;
    const DateGroup &d = m_dates[size_t(isDate ? index.row() : int(id - 1))];
    const TypeGroup *t = isDate ? nullptr : &d.types[size_t(index.row())];
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return groupDisplay(d, t, col);
    case RawValueRole:
        return groupRawValue(d, t, col);
    case Qt::TextAlignmentRole:
        if (col == Count || col == Amount)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case CustomerIndexRole:
    case EntryIndexRole:
        return -1;
    default:
        return {};
    }
}

QVariant MaturityModel::groupDisplay(const DateGroup &d, const TypeGroup *t, int column)
{
    switch (column) {
    case Label: {
        if (t)
            return Holding::productTypeName(t->type);
        const QLocale locale;
        return DateFormat::date(d.date) + QStringLiteral("  ") + locale.dayName(d.date.dayOfWeek(), QLocale::ShortFormat);
    }
    case Count:
        return t ? int(t->entries.size()) : d.count;
    case Amount:
        return MoneyFormat::listAmount(t ? t->amountFen : d.amountFen);
    default:
        return {};
    }
}

QVariant MaturityModel::groupRawValue(const DateGroup &d, const TypeGroup *t, int column)
{
    switch (column) {
    case Label:
        return t ? QVariant(Holding::productTypeKey(t->type)) : QVariant(d.date.toString(Qt::ISODate));
    case Count:
        return t ? int(t->entries.size()) : d.count;
    case Amount:
        return t ? t->amountFen : d.amountFen;
    default:
        return {};
    }
}

QVariant MaturityModel::leafData(const QModelIndex &index, int role) const
{
    const quintptr id = index.internalId();
    const size_t date = (id >> 8) & 0xffffffu;
    const size_t type = id & 0xffu;
    const int entryIndex = m_dates[date].types[type].entries[size_t(index.row())];
    const MaturityList::Entry &e = m_list.entries()[size_t(entryIndex)];
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return leafDisplay(e, col);
    case Qt::TextAlignmentRole:
        if (col == Amount || col == Converted || col == Retained)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (col == Outcome && e.hasOutcome())
            return QBrush(e.retained ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        return {};
    case RawValueRole:
        return leafRawValue(e, col);
    case CustomerIndexRole:
        return e.customer;
    case EntryIndexRole:
        return entryIndex;
    default:
        return {};
    }
}

QVariant MaturityModel::leafDisplay(const MaturityList::Entry &e, int column) const
{
    const BranchSnapshot &s = *m_snapshot;
    switch (column) {
    case Label:
        return s.holdings()[size_t(e.holding)].productName;
    case Amount:
        return MoneyFormat::listAmount(e.amountFen);
    case Customer:
        return s.customer(e.customer).name;
    case Tier:
        return s.tierPolicy().displayName(s.tierOf(e.customer));
    case Rm: {
        const int rm = s.rmOf(e.customer);
        return rm >= 0 ? s.staff()[size_t(rm)].name : tr("Unassigned");
    }
    case Outcome: {
        const bool matured = e.maturity <= m_list.asOf();
        if (!matured)
            return tr("Not matured yet");
        return e.hasOutcome() ? tr("%1 (%2)").arg(MaturityOutcome::kindName(e.outcome), MaturityList::sourceName(e.source))
                              : MaturityList::sourceName(e.source);
    }
    case Converted:
        return e.hasOutcome() ? MoneyFormat::listAmount(e.convertedFen) : QString();
    case Retained:
        return e.hasOutcome() ? MoneyFormat::listAmount(e.retainedFen) : QString();
    default:
        return {};
    }
}

QVariant MaturityModel::leafRawValue(const MaturityList::Entry &e, int column) const
{
    const BranchSnapshot &s = *m_snapshot;
    switch (column) {
    case Label:
        return s.holdings()[size_t(e.holding)].holdingId;
    case Amount:
        return e.amountFen;
    case Customer:
        return s.customer(e.customer).customerNo;
    case Tier:
        return s.tierOf(e.customer);
    case Rm: {
        const int rm = s.rmOf(e.customer);
        return rm >= 0 ? s.staff()[size_t(rm)].staffId : QString();
    }
    case Outcome:
        return e.hasOutcome() ? MaturityOutcome::kindKey(e.outcome) : QString();
    case Converted:
        return e.convertedFen;
    case Retained:
        return e.retainedFen;
    default:
        return {};
    }
}

QVariant MaturityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == PersonalField::HeaderRole) // exports mask it
        return section == Customer ? PersonalField::Name : PersonalField::None;
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Label:
        return tr("Date / type / product");
    case Count:
        return tr("Products");
    case Amount:
        return tr("Amount (%1)").arg(MoneyFormat::listUnit());
    case Customer:
        return tr("Customer");
    case Tier:
        return tr("Tier");
    case Rm:
        return tr("RM");
    case Outcome:
        return tr("Outcome");
    case Converted:
        return tr("Converted (%1)").arg(MoneyFormat::listUnit());
    case Retained:
        return tr("Retained in bank (%1)").arg(MoneyFormat::listUnit());
    }
    return {};
}

void MaturityModel::retranslate()
{
    // Same rows, new words: a layout change keeps the view's expansion and selection.
    emit layoutAboutToBeChanged();
    emit layoutChanged();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}
