#pragma once

#include "../domain/maturitylist.h"
#include "../domain/momentmetrics.h"

#include <QAbstractTableModel>

// The dashboard's rows for the lists of issue 18 and the maturity outcome split: per list,
// how many are on it, how many were contacted, and the list's own outcome with its rate.
class MomentMetricsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Row { FirstMeeting, Milestone, LossRecovery, Moments, MaturityRetained, MaturityConverted, RowCount };
    enum Column { List, OnList, Contacted, Outcome, Rate, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1 };

    explicit MomentMetricsModel(QObject *parent = nullptr);
    void setMetrics(const MomentMetrics &metrics, const MaturityList::Conversion &maturity, qint64 milestoneFen);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    struct Figures
    {
        int onList = 0;
        int contacted = -1; // -1: not counted for this row
        int done = 0;
        qint64 amountFen = -1; // -1: no amount for this row
    };
    Figures figures(int row) const;
    QString outcome(int row, const Figures &f) const;

    MomentMetrics m_metrics;
    MaturityList::Conversion m_maturity;
    qint64 m_milestoneFen = 1000000;
    bool m_set = false;
};
