#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/campaignlist.h"

#include <QAbstractTableModel>

#include <vector>

// The members of a frozen campaign list against today's data: baseline tier
// and AUM, today's, the change, and whether the target tier is reached.
// A filter shows everyone, those who reached the target, moved up, moved down
// or are gone from the branch.
class CampaignProgressModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, CustomerNo, BaselineTier, BaselineAum, CurrentTier, CurrentAum, Change, Status, Reason, ColumnCount };
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        CustomerIndexRole, // -1 when the customer is gone
    };
    enum class Filter { All, Reached, Upgraded, Downgraded, Gone };

    explicit CampaignProgressModel(QObject *parent = nullptr);

    void setCampaign(SnapshotPtr snapshot, const CampaignList &campaign);
    void clear();
    void setFilter(Filter filter);
    Filter filter() const { return m_filter; }
    const CampaignProgress &progress() const { return m_progress; }
    const CampaignList &campaign() const { return m_campaign; }
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void refilter();
    QVariant rawValue(const CampaignProgress::Row &row, int column) const;
    QString statusText(const CampaignProgress::Row &row) const;

    SnapshotPtr m_snapshot;
    CampaignList m_campaign;
    CampaignProgress m_progress;
    Filter m_filter = Filter::All;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_rows; // indexes into m_progress.rows()
};
