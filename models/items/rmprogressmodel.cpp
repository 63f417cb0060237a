#include "rmprogressmodel.h"

#include "../domain/moneyformat.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

RmProgressModel::RmProgressModel(QObject *parent) : QAbstractTableModel(parent)
{
}

void RmProgressModel::setProgress(const SnapshotPtr &snapshot, const RmProgress &progress)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_progress = progress;
    endResetModel();
}

int RmProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_snapshot ? 0 : int(m_progress.rows().size());
}

int RmProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RmProgressModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const RmProgress::Row &r = m_progress.rows()[size_t(index.row())];
    const QLocale l;
    const auto pct = [&](double rate) { return l.toString(rate * 100, 'f', 1) + QLatin1Char('%'); };
    const double pace = m_progress.timeProgress();
    switch (index.column()) {
    case Rm: {
        const Staff &st = m_snapshot->staff()[size_t(r.staff)];
        if (role == Qt::DisplayRole)
            return st.name;
        if (role == RawValueRole)
            return st.staffId;
        return {};
    }
    case Count:
    case Amount: {
        const bool count = index.column() == Count;
        const bool hasTarget = count ? r.target.count > 0 : r.target.amountFen > 0;
        const double rate = count ? r.countRate() : r.amountRate();
        switch (role) {
        case Qt::DisplayRole: {
            const QString done = count ? l.toString(r.countDone) : MoneyFormat::readable(r.amountDoneFen);
            if (!hasTarget)
                return tr("%1 (no target)").arg(done);
            const QString target = count ? l.toString(r.target.count) : MoneyFormat::readable(r.target.amountFen);
            return tr("%1 of %2 (%3)").arg(done, target, pct(rate));
        }
        case RawValueRole:
            return count ? QVariant(r.countDone) : QVariant(r.amountDoneFen);
        case TargetRole:
            return count ? QVariant(r.target.count) : QVariant(r.target.amountFen);
        case OnPaceRole:
            return hasTarget ? QVariant(rate + 1e-9 >= pace) : QVariant();
        case Qt::ForegroundRole:
            if (!hasTarget)
                return {};
            return QBrush(rate + 1e-9 >= pace ? QColor(0x1e, 0x8e, 0x3e) : QColor(0xc5, 0x22, 0x1f));
        default:
            return {};
        }
    }
    case TimeProgress:
        if (role == Qt::DisplayRole)
            return tr("%1 (%2 of %3 working days)")
                .arg(pct(pace), l.toString(m_progress.workingDaysGone()), l.toString(m_progress.workingDays()));
        if (role == RawValueRole)
            return pace;
        return {};
    case ContactsToday:
        if (role == Qt::DisplayRole)
            return tr("%1 / %2").arg(l.toString(r.contactsToday), l.toString(r.capacityToday));
        if (role == RawValueRole)
            return r.contactsToday;
        if (role == TargetRole)
            return r.capacityToday;
        return {};
    case KeptToday:
        if (role == Qt::DisplayRole)
            return r.keptToday ? tr("%n kept, %1", nullptr, r.keptToday).arg(MoneyFormat::readable(r.keptTodayFen))
                               : QStringLiteral("–");
        if (role == RawValueRole)
            return r.keptToday;
        if (role == TargetRole)
            return r.keptTodayFen;
        return {};
    default:
        return {};
    }
}

QVariant RmProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rm:
        return tr("RM");
    case Count:
        return tr("Customers converted / target");
    case Amount:
        return tr("Amount / target");
    case TimeProgress:
        return tr("Time progress");
    case ContactsToday:
        return tr("Contacts today / capacity");
    case KeptToday:
        return tr("Maturities kept today");
    }
    return {};
}
