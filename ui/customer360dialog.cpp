#include "customer360dialog.h"

#include "customer360panel.h"
#include "session/cadenceworkspace.h"

#include <QDialogButtonBox>
#include <QScrollArea>
#include <QVBoxLayout>

Customer360Dialog::Customer360Dialog(CadenceWorkspace *workspace, QWidget *parent)
    : QDialog(parent), m_ws(workspace)
{
    setObjectName(QStringLiteral("customer360Dialog"));
    m_panel = new Customer360Panel(this);
    m_panel->setWorkspace(workspace);
    // The panel scrolls: the window must fit a 1366x768 laptop.
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(520, 640);
}

void Customer360Dialog::showCustomer(int customer)
{
    m_panel->setBranch(m_ws->branch());
    m_panel->showCustomer(customer);
    setWindowTitle(tr("Customer 360"));
}

Customer360Dialog *Customer360Dialog::open(Customer360Dialog **slot, CadenceWorkspace *workspace, QWidget *page,
                                           int customer)
{
    if (!*slot)
        *slot = new Customer360Dialog(workspace, page);
    (*slot)->showCustomer(customer);
    (*slot)->show();
    (*slot)->raise();
    return *slot;
}
