#pragma once

#include <QList>
#include <QMenu>
#include <QObject>
#include <QPointer>
#include <functional>

class BranchSnapshot;
class CadenceWorkspace;
class DoNotContactDelegate;
class QAbstractItemView;
class QAction;

class QModelIndex;
class QPoint;

// What an RM expects on a right-click on a list row that shows a customer (Lists,
// Today, Customers, the quadrant's list; issue 17): open the 360, log a contact,
// set or lift the refusal of marketing (拒绝营销), copy the customer number, and
// with several rows selected, one batch touch for them. It also puts the
// do-not-contact mark on the view's name column (DoNotContactDelegate).
// Writes go through the workspace (audited there); the menu only asks.
class CustomerRowMenu : public QObject
{
    Q_OBJECT
public:
    // customerOf: the row's customer as an index into the workspace's snapshot, -1 when none.
    using CustomerOf = std::function<int(const QModelIndex &)>;
    CustomerRowMenu(QAbstractItemView *view, CadenceWorkspace *workspace, int nameColumn, CustomerOf customerOf);

    // The view's model gives snapshot indexes in `role` of `snapshot()`, which may be another
    // snapshot of the same branch than the workspace's (the analysis reloads on its own).
    static CustomerOf byRole(CadenceWorkspace *workspace, int role, std::function<const BranchSnapshot *()> snapshot);

    // The page's own entries, shown first (Today: log for the step, reschedule).
    void setLeadingActions(const QList<QAction *> &actions) { m_leading = actions; }
    // Off where the page's own "Log contact" is the right one (Today ties it to the step).
    void setLogContactShown(bool shown) { m_logShown = shown; }
    void setOpen360Shown(bool shown) { m_open360Shown = shown; }
    DoNotContactDelegate *delegate() const { return m_delegate; }

    // The menu for the row at `index` (a new menu the caller owns; null when the row has no customer).
    QMenu *menuFor(const QModelIndex &index);
    // The menu last popped up by a right-click (tests), while it is open.
    QMenu *openMenu() const { return m_open; }
    // Customer numbers of the selected rows, in the view's order.
    QStringList selectedCustomerNos() const;

    // Opens the contact dialog for a customer; a ticked "refuses marketing" also sets the flag.
    static void logContact(QWidget *parent, CadenceWorkspace *workspace, int customer);
    // Opens the dialog that sets, or lifts a standing, refusal of marketing.
    static void editDoNotContact(QWidget *parent, CadenceWorkspace *workspace, int customer);

signals:
    void open360Requested(int customer);
    void batchTouchRequested(const QStringList &customerNos);

private:
    void onContextMenu(const QPoint &pos);

    QAbstractItemView *m_view;
    CadenceWorkspace *m_ws;
    CustomerOf m_customerOf;
    DoNotContactDelegate *m_delegate;
    QList<QAction *> m_leading;
    bool m_logShown = true;
    bool m_open360Shown = true;
    QPointer<QMenu> m_open;
};
