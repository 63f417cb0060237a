#pragma once

#include <QWidget>

class CadenceWorkspace;
class MomentListsTab;
class QAbstractItemModel;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTabWidget;
class AnalysisController;
class CampaignProgressModel;
class CustomerListModel;
class CustomerRowMenu;
class Customer360Dialog;
class ListImportDialog;

// 名单: the threshold list (临界客户) and the low-efficiency list (低效客户)
// as the policy defines them, each freezable into a named campaign list; and
// the campaign lists with their uplift rate and tier movement since freezing.
class ListsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ListsPage(AnalysisController *analysis, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    CustomerListModel *thresholdModel() const { return m_threshold; }
    CustomerListModel *lowEfficiencyModel() const { return m_low; }
    CampaignProgressModel *campaignModel() const { return m_campaign; }
    QComboBox *bandBox() const { return m_band; }
    QComboBox *lineBox() const { return m_line; }
    QComboBox *campaignBox() const { return m_campaigns; }
    QComboBox *movementBox() const { return m_movement; }
    // Issue 6: the manager spreads a frozen list's customers over the RMs.
    QPushButton *balanceListButton() const { return m_balanceList; }
    // Issue 17: the manager issues the frozen list shown to RMs (白名单下发).
    QPushButton *issueListButton() const { return m_issueList; }
    // ... and logs one SMS / WeChat / 企业微信 / mobile-banking push against its members.
    QPushButton *batchTouchButton() const { return m_batchTouch; }
    QLabel *campaignSummary() const { return m_summary; }
    // Freezes the list of the current tab under a name (the buttons ask for it).
    // The contact log for the new-customer and moments lists (their "met" and "called").
    void setWorkspace(CadenceWorkspace *workspace);
    MomentListsTab *momentsTab() const { return m_moments; }
    // Right-click on a row (issue 17): 360, log contact, do-not-contact, batch touch of the selection.
    CustomerRowMenu *rowMenu(int tab) const { return tab >= 0 && tab < m_menus.size() ? m_menus.at(tab) : nullptr; }
    QTableView *thresholdTable() const { return m_thresholdTable; }
    QTableView *campaignTable() const { return m_campaignTable; }
    // 导入名单: a department's .xlsx/.csv name list, matched and frozen as a campaign list (issue 17).
    QPushButton *importListButton() const { return m_importList; }
    ListImportDialog *importList(const QString &path);
    // Opened by a row's "Open the customer's 360" (index into the workspace's snapshot).
    Customer360Dialog *open360(int customer);
    void freezeThreshold(const QString &name);
    void freezeLowEfficiency(const QString &name);

signals:
    // Balance by workload over the present members of the campaign list shown.
    void balanceRequested(const QStringList &customerNos);
    // The frozen list shown, to split across RMs and issue: name, kind key, members.
    void issueRequested(const QString &name, const QString &kind, const QStringList &customerNos);
    // `source`: the list's name, for the phone-list file and its audit entry.
    void batchTouchRequested(const QStringList &customerNos, const QString &source);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's steps, in the order the widgets are made (the keyboard's tab order).
    void createThresholdTab();
    void createLowEfficiencyTab();
    void createCampaignTab();
    void createMomentsTab();
    void connectLists();
    void connectCampaignButtons();
    void onScoresReady();
    void onCampaignsChanged();
    void rebuildThreshold();
    void rebuildLowEfficiency();
    void showCampaign();
    void askFreeze(CustomerListModel *model);
    QString askListName(int customers); // empty when cancelled
    // Customer numbers of the campaign list's rows as shown (filter applied).
    QStringList shownCampaignCustomers() const;
    void fillCombos();
    void retranslateUi();
    QTableView *makeTable(QAbstractItemModel *model, const QString &name);

    AnalysisController *m_analysis;
    QTabWidget *m_tabs;
    QLabel *m_bandLabel;
    QComboBox *m_band;
    QLabel *m_thresholdCount;
    QPushButton *m_freezeThreshold;
    CustomerListModel *m_threshold;
    QTableView *m_thresholdTable;
    QLabel *m_lineLabel;
    QComboBox *m_line;
    QLabel *m_lowCount;
    QPushButton *m_freezeLow;
    CustomerListModel *m_low;
    QTableView *m_lowTable;
    QLabel *m_campaignLabel;
    QComboBox *m_campaigns;
    QLabel *m_movementLabel;
    QComboBox *m_movement;
    QPushButton *m_deleteCampaign;
    QPushButton *m_balanceList;
    QPushButton *m_issueList;
    QPushButton *m_batchTouch;
    QPushButton *m_importList;
    QLabel *m_summary;
    CampaignProgressModel *m_campaign;
    QTableView *m_campaignTable;
    MomentListsTab *m_moments;
    CadenceWorkspace *m_ws = nullptr;
    QList<CustomerRowMenu *> m_menus; // threshold, low-efficiency, campaign, moments
    Customer360Dialog *m_360 = nullptr;
};
