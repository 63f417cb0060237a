#include "customerrowmenu.h"

#include "contactdialog.h"
#include "donotcontactdelegate.h"
#include "donotcontactdialog.h"
#include "domain/branchsnapshot.h"
#include "session/cadenceworkspace.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QItemSelectionModel>
#include <QMenu>

#include <algorithm>

CustomerRowMenu::CustomerRowMenu(QAbstractItemView *view, CadenceWorkspace *workspace, int nameColumn,
                                 CustomerOf customerOf)
    : QObject(view), m_view(view), m_ws(workspace), m_customerOf(std::move(customerOf))
{
    m_delegate = new DoNotContactDelegate(workspace, m_customerOf, this);
    view->setItemDelegateForColumn(nameColumn, m_delegate);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, &CustomerRowMenu::onContextMenu);
    // A flag set or lifted anywhere shows on this list at once.
    connect(workspace, &CadenceWorkspace::activityChanged, view->viewport(), qOverload<>(&QWidget::update));
    connect(workspace, &CadenceWorkspace::ready, view->viewport(), qOverload<>(&QWidget::update));
}

CustomerRowMenu::CustomerOf CustomerRowMenu::byRole(CadenceWorkspace *workspace, int role,
                                                    std::function<const BranchSnapshot *()> snapshot)
{
    return [workspace, role, snapshot](const QModelIndex &index) {
        const QVariant v = index.siblingAtColumn(0).data(role);
        const BranchSnapshot *own = snapshot();
        const BranchSnapshot *ws = workspace->snapshot();
        const int c = v.isValid() ? v.toInt() : -1;
        if (c < 0 || !own || !ws || c >= own->customerCount())
            return -1;
        return own == ws ? c : ws->indexOfCustomer(own->customer(c).customerNo);
    };
}

QStringList CustomerRowMenu::selectedCustomerNos() const
{
    QStringList out;
    const BranchSnapshot *s = m_ws->snapshot();
    if (!s || !m_view->selectionModel())
        return out;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows) {
        const int c = m_customerOf(index);
        if (c >= 0)
            out << s->customer(c).customerNo;
    }
    out.removeDuplicates(); // Today: two steps of one customer
    return out;
}

QMenu *CustomerRowMenu::menuFor(const QModelIndex &index)
{
    const BranchSnapshot *s = m_ws->snapshot();
    const int customer = index.isValid() && m_ws->isReady() ? m_customerOf(index) : -1;
    if (!s || customer < 0)
        return nullptr;
    auto *menu = new QMenu(m_view);
    menu->setObjectName(QStringLiteral("customerRowMenu"));
    for (QAction *a : std::as_const(m_leading))
        menu->addAction(a);
    if (!m_leading.isEmpty())
        menu->addSeparator();
    if (m_open360Shown) {
        menu->addAction(tr("Open the customer's 360"), this, [this, customer] { emit open360Requested(customer); })
            ->setObjectName(QStringLiteral("open360"));
    }
    if (m_logShown) {
        menu->addAction(tr("Log contact…"), this, [this, customer] { logContact(m_view->window(), m_ws, customer); })
            ->setObjectName(QStringLiteral("logContact"));
    }
    const bool refused = m_ws->activity().doNotContact(customer) != nullptr;
    menu->addAction(refused ? tr("Lift the refusal of marketing…") : tr("Refuses marketing…"), this,
                    [this, customer] { editDoNotContact(m_view->window(), m_ws, customer); })
        ->setObjectName(QStringLiteral("doNotContact"));
    const QString no = s->customer(customer).customerNo;
    menu->addAction(tr("Copy customer number"), this, [no] { QApplication::clipboard()->setText(no); })
        ->setObjectName(QStringLiteral("copyCustomerNo"));
    const QStringList selected = selectedCustomerNos();
    if (selected.size() > 1) {
        menu->addSeparator();
        menu->addAction(tr("Batch touch the %n selected customer(s)…", nullptr, int(selected.size())), this,
                        [this, selected] { emit batchTouchRequested(selected); })
            ->setObjectName(QStringLiteral("batchTouchSelected"));
    }
    return menu;
}

void CustomerRowMenu::onContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    // The row clicked becomes the current one, keeping a selection it belongs to.
    QItemSelectionModel *sel = m_view->selectionModel();
    if (sel && !sel->isRowSelected(index.row(), index.parent()))
        sel->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu *menu = menuFor(index);
    if (!menu)
        return;
    menu->setAttribute(Qt::WA_DeleteOnClose);
    m_open = menu;
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void CustomerRowMenu::logContact(QWidget *parent, CadenceWorkspace *workspace, int customer)
{
    const BranchSnapshot *s = workspace->snapshot();
    if (!s || !workspace->isReady() || customer < 0 || customer >= s->customerCount())
        return;
    ContactDialog::Subject subject;
    subject.customerNo = s->customer(customer).customerNo;
    subject.customerName = s->customer(customer).name;
    subject.task = tr("Contact or note, not tied to a step");
    subject.staffId = workspace->actingStaffId();
    subject.day = workspace->today();
    auto *dialog = new ContactDialog(subject, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, workspace, [workspace, dialog] {
        const Contact contact = dialog->contact();
        workspace->logContact(contact);
        if (dialog->refusesMarketing()) {
            DoNotContact flag;
            flag.customerNo = contact.customerNo;
            flag.since = workspace->today();
            flag.source = QStringLiteral("customer");
            flag.note = contact.note;
            workspace->setDoNotContact(flag);
        }
    });
    dialog->open();
}

void CustomerRowMenu::editDoNotContact(QWidget *parent, CadenceWorkspace *workspace, int customer)
{
    const BranchSnapshot *s = workspace->snapshot();
    if (!s || !workspace->isReady() || customer < 0 || customer >= s->customerCount())
        return;
    auto *dialog = new DoNotContactDialog(s->customer(customer).customerNo, workspace->activity().doNotContact(customer),
                                          workspace->today(), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, workspace, [workspace, dialog] { workspace->setDoNotContact(dialog->record()); });
    dialog->open();
}
