#pragma once

#include "session/branchsession.h"

#include <QWidget>

class AssignBar;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QSplitter;
class QTimer;
class CustomerTableModel;
class Customer360Panel;
class CadenceWorkspace;
class CustomerRowMenu;

// The customer list: one search box (name, pinyin, phone or ID last 4,
// customer number), tier and RM filters, the table, and the 360 panel of the
// selected customer.
class CustomerPage : public QWidget
{
    Q_OBJECT
public:
    explicit CustomerPage(QWidget *parent = nullptr);

    void setBranch(const LoadedBranch &branch);
    // The branch's search index, built after the list was painted (issue 19). Until it is
    // here the search box says it is preparing and what is typed waits for it.
    void setSearchIndex(const std::shared_ptr<const CustomerSearchIndex> &index);
    bool isSearchReady() const;
    // The 360's contact history, and the rows' do-not-contact mark and context menu (issue 17).
    void setWorkspace(CadenceWorkspace *workspace);
    void focusSearch();

    QLineEdit *searchBox() const { return m_search; }
    QComboBox *tierFilter() const { return m_tier; }
    QComboBox *rmFilter() const { return m_rm; }
    QTableView *table() const { return m_table; }
    CustomerTableModel *model() const { return m_model; }
    Customer360Panel *panel() const { return m_panel; }
    // The manager's assignment controls (hidden for an RM).
    QComboBox *assignTarget() const;
    QPushButton *assignButton() const;
    QPushButton *balanceButton() const { return m_balance; }
    // Batch touch (issue 17): the selected rows when more than one, else every customer shown.
    QPushButton *batchTouchButton() const { return m_batchTouch; }
    CustomerRowMenu *rowMenu() const { return m_menu; }
    // Customer numbers of the selected rows.
    QStringList selectedCustomerNos() const;
    // Customer numbers of every row shown (the current filter).
    QStringList shownCustomerNos() const;
    // Enter on a row: the panel shows that customer at once and takes the keyboard.
    void openPanelOfCurrent();

signals:
    // A manager gives the customers to an RM (empty rmId: the unassigned pool).
    void assignRequested(const QStringList &customerNos, const QString &rmId);
    // A manager spreads the customers over the RMs by open steps.
    void balanceRequested(const QStringList &customerNos);
    // One SMS / WeChat / 企业微信 / mobile-banking push for these customers; source: how they were chosen.
    void batchTouchRequested(const QStringList &customerNos, const QString &source);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The constructor's steps, in the order the widgets are made.
    void createFilters();
    void createTable();
    void createPanelAndKeys();
    void layOut();
    void connectParts();
    void retranslateUi();
    void fillFilters();
    void updateCount(int shown, int total);
    void showSearchState();
    void onCurrentRowChanged();
    void restoreSelection();
    void requestBatchTouch();

    LoadedBranch m_branch;
    QLineEdit *m_search;
    QComboBox *m_tier;
    QComboBox *m_rm;
    QLabel *m_count;
    QLabel *m_tierLabel;
    QLabel *m_rmLabel;
    AssignBar *m_assignBar;
    QPushButton *m_balance;
    QPushButton *m_batchTouch;
    CustomerRowMenu *m_menu = nullptr;
    QTableView *m_table;
    CustomerTableModel *m_model;
    Customer360Panel *m_panel;
    QSplitter *m_splitter;
    class QScrollArea *m_panelScroll = nullptr;
    class QAction *m_logAction = nullptr;
    QTimer *m_panelTimer;
    int m_selectedCustomer = -1;
    bool m_restoring = false;
    int m_shown = 0;
    int m_total = 0;
};
