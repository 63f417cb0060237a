#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/rmprogress.h"

#include <QAbstractTableModel>

// The dashboard's targets and daily progress per RM (一人一表, issue 17): the
// count and the amount each RM has done against their target, the campaign's
// time progress (序时进度) beside it, and today's contacts against capacity and
// maturities kept today. Completion at or above the time progress is green.
class RmProgressModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Rm, Count, Amount, TimeProgress, ContactsToday, KeptToday, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, TargetRole, OnPaceRole };

    explicit RmProgressModel(QObject *parent = nullptr);
    void setProgress(const SnapshotPtr &snapshot, const RmProgress &progress);
    const RmProgress &progress() const { return m_progress; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    SnapshotPtr m_snapshot;
    RmProgress m_progress;
};
