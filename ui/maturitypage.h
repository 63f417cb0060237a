#pragma once

#include <QWidget>

class AssignBar;
class CadenceWorkspace;
class Customer360Dialog;
class CustomerRowMenu;
class MaturityModel;
class QLabel;
class RmFilterCombo;
class QPushButton;
class QSpinBox;
class QTreeView;

// 到期: products maturing in the next N days and matured in the last M,
// grouped by date and product type, with the conversion rate (share kept
// in the bank after maturity, by count and by amount) against the target.
class MaturityPage : public QWidget
{
    Q_OBJECT
public:
    explicit MaturityPage(CadenceWorkspace *workspace, QWidget *parent = nullptr);

    MaturityModel *model() const { return m_model; }
    QTreeView *tree() const { return m_tree; }
    QSpinBox *aheadBox() const { return m_ahead; }
    QSpinBox *backBox() const { return m_back; }
    QString summaryText() const;
    void markSelected();
    // The branch manager narrows the list to one RM (RmFilter value).
    RmFilterCombo *rmFilter() const { return m_rm; }
    void showRm(int rm);
    // The manager gives the customers of the selected products to an RM.
    AssignBar *assignBar() const { return m_assign; }
    QStringList selectedCustomerNos() const;
    // Right-click on a product row: the customer's menu and the do-not-contact mark (issue 17).
    CustomerRowMenu *rowMenu() const { return m_menu; }
    Customer360Dialog *open360(int customer);

signals:
    void assignRequested(const QStringList &customerNos, const QString &rmId);
    void batchTouchRequested(const QStringList &customerNos, const QString &source);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // The constructor's parts: the product tree, the layout with the assign bar, the signals and the row menu.
    void buildTree();
    void buildLayout();
    void connectSignals();
    void retranslateUi();
    void rebuild();
    void updateSummary();
    void onCurrentChanged();

    CadenceWorkspace *m_ws;
    QLabel *m_aheadLabel;
    QSpinBox *m_ahead;
    QLabel *m_backLabel;
    QSpinBox *m_back;
    QLabel *m_rmLabel;
    RmFilterCombo *m_rm;
    QLabel *m_summary;
    QLabel *m_conversion;
    QTreeView *m_tree;
    MaturityModel *m_model;
    QPushButton *m_mark;
    AssignBar *m_assign;
    CustomerRowMenu *m_menu;
    Customer360Dialog *m_360 = nullptr;
    bool m_stale = false;
};
