#include "momentmetricsmodel.h"

#include "../domain/moneyformat.h"

#include <QLocale>

MomentMetricsModel::MomentMetricsModel(QObject *parent) : QAbstractTableModel(parent) {}

void MomentMetricsModel::setMetrics(const MomentMetrics &metrics, const MaturityList::Conversion &maturity,
                                    qint64 milestoneFen)
{
    beginResetModel();
    m_metrics = metrics;
    m_maturity = maturity;
    m_milestoneFen = milestoneFen;
    m_set = true;
    endResetModel();
}

int MomentMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_set ? 0 : RowCount;
}

int MomentMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

MomentMetricsModel::Figures MomentMetricsModel::figures(int row) const
{
    const auto &n = m_metrics.newCustomers;
    const auto &l = m_metrics.lossRecovery;
    const auto &m = m_metrics.moments;
    switch (Row(row)) {
    case FirstMeeting:
        return {n.onList, n.contacted, n.firstMeetings, -1};
    case Milestone:
        return {n.onList, n.contacted, n.milestone, -1};
    case LossRecovery:
        return {l.onList, l.contacted, l.recovered, l.recoveredFen};
    case Moments:
        return {m.onList, m.contacted, m.handled, -1};
    case MaturityRetained:
        return {m_maturity.known, -1, m_maturity.retained, m_maturity.retainedFen};
    case MaturityConverted:
        return {m_maturity.known, -1, m_maturity.converted, m_maturity.convertedFen};
    default:
        return {};
    }
}

QString MomentMetricsModel::outcome(int row, const Figures &f) const
{
    const QLocale locale;
    switch (Row(row)) {
    case FirstMeeting:
        return tr("%n first meeting(s) held", nullptr, f.done);
    case Milestone:
        return tr("%n reached %1", nullptr, f.done).arg(MoneyFormat::readable(m_milestoneFen));
    case LossRecovery:
        return tr("%n back above last month's average, %1 recovered", nullptr, f.done)
            .arg(MoneyFormat::readable(f.amountFen));
    case Moments:
        return tr("%n handled", nullptr, f.done);
    case MaturityRetained:
        return tr("%n retained in the bank, %1", nullptr, f.done).arg(MoneyFormat::readable(f.amountFen));
    case MaturityConverted:
        return tr("%n converted into a product, %1", nullptr, f.done).arg(MoneyFormat::readable(f.amountFen));
    default:
        return {};
    }
}

QVariant MomentMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Figures f = figures(index.row());
    const QLocale locale;
    const double rate = f.onList ? double(f.done) / double(f.onList) : 0.0;
    if (role == RawValueRole) {
        switch (index.column()) {
        case OnList:
            return f.onList;
        case Contacted:
            return f.contacted >= 0 ? QVariant(f.contacted) : QVariant();
        case Outcome:
            return f.done;
        case Rate:
            return f.onList ? QVariant(rate) : QVariant();
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != List && index.column() != Outcome)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case List:
        switch (Row(index.row())) {
        case FirstMeeting:
            return tr("New customers: first meeting");
        case Milestone:
            return tr("New customers: honeymoon milestone");
        case LossRecovery:
            return tr("Loss recovery");
        case Moments:
            return tr("Moments of truth");
        case MaturityRetained:
            return tr("Maturity: retained in the bank");
        case MaturityConverted:
            return tr("Maturity: converted into a product");
        default:
            return {};
        }
    case OnList:
        return locale.toString(f.onList);
    case Contacted:
        return f.contacted >= 0 ? locale.toString(f.contacted) : QStringLiteral("—");
    case Outcome:
        return outcome(index.row(), f);
    case Rate:
        return f.onList ? locale.toString(rate * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
    default:
        return {};
    }
}

QVariant MomentMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case List:
        return tr("List");
    case OnList:
        return tr("On the list");
    case Contacted:
        return tr("Contacted");
    case Outcome:
        return tr("Outcome");
    case Rate:
        return tr("Rate");
    default:
        return {};
    }
}

void MomentMetricsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(RowCount - 1, ColumnCount - 1));
}
