#pragma once

#include <QWidget>

class AssignBar;
class CadenceWorkspace;
class Customer360Dialog;
class CustomerRowMenu;
class PayrollModel;
class QAbstractItemModel;
class QLabel;
class RmFilterCombo;
class QTabWidget;
class QTableView;
class WarningListModel;

// The lists behind 4+1 that are not the threshold list: VIP retention
// warnings (with the four triangles' coverage against policy), cross-line
// conversion, and payroll customers by employer.
class WarningListsPage : public QWidget
{
    Q_OBJECT
public:
    explicit WarningListsPage(CadenceWorkspace *workspace, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    WarningListModel *retentionModel() const { return m_retention; }
    WarningListModel *conversionModel() const { return m_conversion; }
    PayrollModel *payrollModel() const { return m_payroll; }
    QString coverageText() const;
    // The branch manager narrows retention and conversion to one RM (RmFilter value);
    // payroll is by employer and is not narrowed (the filter hides on that tab).
    RmFilterCombo *rmFilter() const { return m_rm; }
    void showRm(int rm);
    // The manager gives the customers selected on the retention or conversion tab to an RM.
    AssignBar *assignBar() const { return m_assign; }
    QTableView *retentionTable() const { return m_retentionTable; }
    QTableView *conversionTable() const { return m_conversionTable; }
    QStringList selectedCustomerNos() const;
    // Right-click on a retention or conversion row: the customer's menu and the do-not-contact
    // mark (issue 17); 0 retention, 1 conversion.
    CustomerRowMenu *rowMenu(int tab) const { return m_menus[tab]; }
    Customer360Dialog *open360(int customer);

signals:
    void assignRequested(const QStringList &customerNos, const QString &rmId);
    void batchTouchRequested(const QStringList &customerNos, const QString &source);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The constructor's three tabs: retention, conversion, payroll.
    void buildTabs();
    // One tab: a wrapped note over a table of `model`; the tab's title comes with retranslateUi().
    QWidget *buildTab(QLabel **note, QTableView **table, const QString &tableName, QAbstractItemModel *model);
    void retranslateUi();
    void rebuild();
    void updateCoverage();
    void updateRmBox();
    QTableView *makeTable(const QString &name);

    CadenceWorkspace *m_ws;
    QTabWidget *m_tabs;
    QWidget *m_rmBox;
    QLabel *m_rmLabel;
    RmFilterCombo *m_rm;
    AssignBar *m_assign;
    QLabel *m_coverage;
    QLabel *m_conversionNote;
    QLabel *m_payrollNote;
    WarningListModel *m_retention;
    WarningListModel *m_conversion;
    PayrollModel *m_payroll;
    QTableView *m_retentionTable;
    QTableView *m_conversionTable;
    QTableView *m_payrollTable;
    CustomerRowMenu *m_menus[2];
    Customer360Dialog *m_360 = nullptr;
};
