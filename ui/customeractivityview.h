#pragma once

#include <QTabWidget>

class BranchSnapshot;
class CadenceWorkspace;
class QPushButton;
class QTableWidget;
class QTreeWidget;

// Part of the customer 360: the customer's open cadences (731 per maturing
// product, the current 4+1 cycle) with each step's due date and state, and
// the contact history, where a record can be corrected (a new record
// supersedes it; both are kept).
class CustomerActivityView : public QTabWidget
{
    Q_OBJECT
public:
    explicit CustomerActivityView(QWidget *parent = nullptr);

    void setWorkspace(CadenceWorkspace *workspace);
    void showCustomer(int customerIndex);
    QTreeWidget *cadences() const { return m_cadences; }
    QTableWidget *history() const { return m_history; }
    QPushButton *logButton() const { return m_log; }
    // A contact (or a note of what the customer said) for the customer shown, not tied to a
    // step: a customer who phoned in, or one found by search (issue 16).
    void logContact();
    int currentCustomer() const { return m_customer; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void correctSelected();
    // The two tabs for a customer showCustomer found usable.
    void showCadences(const BranchSnapshot *s, int customerIndex);
    void showHistory(const BranchSnapshot *s, int customerIndex);

    CadenceWorkspace *m_ws = nullptr;
    int m_customer = -1;
    QTreeWidget *m_cadences;
    QWidget *m_historyTab;
    QTableWidget *m_history;
    QPushButton *m_correct;
    QPushButton *m_log;
};
