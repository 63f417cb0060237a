#pragma once

#include <QDialog>

class CadenceWorkspace;
class Customer360Panel;

// The 360 of one customer in a window of its own, for pages without a 360 panel
// (Lists): opened from a row's context menu, non-modal, one at a time per page.
class Customer360Dialog : public QDialog
{
    Q_OBJECT
public:
    Customer360Dialog(CadenceWorkspace *workspace, QWidget *parent = nullptr);
    void showCustomer(int customer); // index into the workspace's snapshot
    Customer360Panel *panel() const { return m_panel; }
    // The page's one dialog (made on first use, kept in *slot), showing `customer`, raised.
    static Customer360Dialog *open(Customer360Dialog **slot, CadenceWorkspace *workspace, QWidget *page, int customer);

private:
    CadenceWorkspace *m_ws;
    Customer360Panel *m_panel;
};
