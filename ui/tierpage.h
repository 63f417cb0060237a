#pragma once

#include "session/branchsession.h"

#include <QWidget>

class QLabel;
class QTableWidget;
class TierChart;

// 客户分层: the branch by AUM tier, as a chart (customers and AUM per tier)
// and a table with each tier's bounds and shares. Tier movement since a
// campaign started is on the lists page, beside the campaign.
class TierPage : public QWidget
{
    Q_OBJECT
public:
    explicit TierPage(QWidget *parent = nullptr);

    void setBranch(const LoadedBranch &branch);
    TierChart *chart() const { return m_chart; }
    QTableWidget *table() const { return m_table; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    LoadedBranch m_branch;
    QLabel *m_title;
    TierChart *m_chart;
    QTableWidget *m_table;
};
