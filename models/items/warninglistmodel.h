#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/cadencepolicy.h"
#include "../domain/conversionlist.h"
#include "../domain/retentionlist.h"

#include <QAbstractTableModel>
#include <vector>

// The members of the VIP retention warning list or of the conversion list,
// each with the words and numbers that put them there.
class WarningListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Customer, Tier, Rm, Aum, Triangles, Reason, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, CustomerIndexRole };

    explicit WarningListModel(QObject *parent = nullptr);

    void setRetention(SnapshotPtr snapshot, const CadencePolicy &policy, std::vector<RetentionList::Member> members);
    void setConversion(SnapshotPtr snapshot, const CadencePolicy &policy, std::vector<ConversionList::Member> members);
    int customerAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void retranslate();

private:
    SnapshotPtr m_snapshot;
    CadencePolicy m_policy;
    bool m_retention = true;
    std::vector<RetentionList::Member> m_retentionMembers;
    std::vector<ConversionList::Member> m_conversionMembers;
};
