#pragma once

#include "domain/campaign.h"
#include "domain/campaignlist.h"
#include "domain/campaignmetrics.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableView;
class CadenceWorkspace;
class CampaignMetricsModel;
class RmTableModel;
class ListMetricsModel;
class MomentMetricsModel;
class RmProgressModel;

// The branch manager's dashboard: the campaign's metrics against their
// targets for the branch and per RM, a weekly trend chart, and one table per
// RM (一人一表) whose rows filter every page to that RM. Campaigns and lists
// are read and the metrics computed off the UI thread.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(CadenceWorkspace *workspace, QWidget *parent = nullptr);

    QComboBox *campaignBox() const { return m_campaignBox; }
    QTableView *metricsTable() const { return m_metricsView; }
    QTableView *rmTable() const { return m_rmView; }
    // Issue 17: low-efficiency activation, cross-line conversion, payroll retention per RM.
    QTableView *listMetricsTable() const { return m_listView; }
    ListMetricsModel *listMetricsModel() const { return m_listModel; }
    QTableView *momentMetricsTable() const { return m_momentView; }
    // Issue 17: each RM against their count and amount targets, time progress, today.
    QTableView *progressTable() const { return m_progressView; }
    RmProgressModel *progressModel() const { return m_progressModel; }
    CampaignMetricsModel *metricsModel() const { return m_metricsModel; }
    RmTableModel *rmModel() const { return m_rmModel; }
    QCustomPlot *trendPlot() const { return m_plot; }
    QPushButton *editButton() const { return m_edit; }
    QPushButton *newButton() const { return m_new; }
    const std::vector<Campaign> &campaigns() const { return m_campaigns; }
    bool isSettled() const { return !m_busy && !m_pending; }

    // Reads campaigns and lists and computes the metrics again.
    void refresh();
    // Saves a campaign (manager) on a worker thread, then refreshes on it.
    void saveCampaign(const Campaign &campaign);

signals:
    void rmChosen(int staffIndex);
    void refreshed();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // The constructor's parts: the tables and the trend plot, the layout, the signals.
    void buildTables();
    void buildLayout();
    void connectSignals();
    void retranslateUi();
    void showTrend();
    void editCampaign(bool fresh);
    Campaign defaultCampaign() const;

    CadenceWorkspace *m_ws;
    QLabel *m_campaignLabel;
    QComboBox *m_campaignBox;
    QPushButton *m_new;
    QPushButton *m_edit;
    QLabel *m_summary;
    QLabel *m_metricsTitle;
    QLabel *m_trendTitle;
    QLabel *m_rmTitle;
    QLabel *m_progressTitle;
    QTableView *m_progressView;
    RmProgressModel *m_progressModel;
    QTableView *m_metricsView;
    QTableView *m_rmView;
    QTableView *m_listView;
    ListMetricsModel *m_listModel;
    MomentMetricsModel *m_momentModel;
    QTableView *m_momentView;
    CampaignMetricsModel *m_metricsModel;
    RmTableModel *m_rmModel;
    QCustomPlot *m_plot;
    std::vector<Campaign> m_campaigns;
    std::vector<CampaignList> m_lists;
    Campaign m_shown;
    CampaignMetrics m_metrics;
    QString m_wantedId;
    bool m_busy = false;
    bool m_pending = false;
    int m_generation = 0;
};
