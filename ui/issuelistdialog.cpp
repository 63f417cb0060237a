#include "issuelistdialog.h"

#include "domain/branchsnapshot.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

IssueListDialog::IssueListDialog(const BranchSnapshot &snapshot, const QString &name, const QString &kind,
                                 const QStringList &customerNos, const QHash<QString, int> &load, QWidget *parent)
    : QDialog(parent), m_snapshot(snapshot), m_customers(customerNos), m_load(load)
{
    setObjectName(QStringLiteral("issueListDialog"));
    setWindowTitle(tr("Issue list to RMs"));
    m_list.name = name;
    m_list.kind = kind;
    m_list.frozenOn = snapshot.asOf();
    m_intro = new QLabel(tr("\"%1\": %n customer(s). Each RM works their share with 4+1 from today.", nullptr,
                            int(customerNos.size()))
                             .arg(name),
                         this);
    m_intro->setWordWrap(true);
    m_rms = new QListWidget(this);
    m_rms->setObjectName(QStringLiteral("issueRms"));
    for (const Staff &st : snapshot.staff()) {
        if (st.role != Staff::Role::RelationshipManager)
            continue;
        auto *item = new QListWidgetItem(st.name + QStringLiteral(" (") + st.staffId + QLatin1Char(')'), m_rms);
        item->setData(Qt::UserRole, st.staffId);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("issueMode"));
    m_mode->addItem(tr("Balance by workload"), int(ListSplitter::Mode::Balance));
    m_mode->addItem(tr("Keep each customer's current RM"), int(ListSplitter::Mode::CurrentRm));
    m_preview = new QTableWidget(0, 2, this);
    m_preview->setObjectName(QStringLiteral("issuePreview"));
    m_preview->setHorizontalHeaderLabels({tr("RM"), tr("Customers")});
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Issue"));

    auto *form = new QFormLayout;
    form->addRow(tr("RMs:"), m_rms);
    form->addRow(tr("Split:"), m_mode);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_buttons);
    connect(m_rms, &QListWidget::itemChanged, this, &IssueListDialog::updatePreview);
    connect(m_mode, &QComboBox::currentIndexChanged, this, &IssueListDialog::updatePreview);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updatePreview();
}

void IssueListDialog::chooseRms(const QStringList &staffIds)
{
    const QSignalBlocker block(m_rms);
    for (int i = 0; i < m_rms->count(); ++i) {
        QListWidgetItem *item = m_rms->item(i);
        item->setCheckState(staffIds.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
    updatePreview();
}

void IssueListDialog::setMode(ListSplitter::Mode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
    updatePreview();
}

QStringList IssueListDialog::chosenRms() const
{
    QStringList out;
    for (int i = 0; i < m_rms->count(); ++i) {
        if (m_rms->item(i)->checkState() == Qt::Checked)
            out << m_rms->item(i)->data(Qt::UserRole).toString();
    }
    return out;
}

void IssueListDialog::updatePreview()
{
    const QStringList rms = chosenRms();
    m_list.shares = ListSplitter::split(m_snapshot, m_customers, ListSplitter::Mode(m_mode->currentData().toInt()), rms,
                                        m_load);
    const auto counts = m_list.countsByRm();
    m_preview->setRowCount(0);
    const QLocale locale;
    for (const QString &rm : rms) {
        int n = 0;
        for (const auto &[id, c] : counts) {
            if (id == rm)
                n = c;
        }
        const int row = m_preview->rowCount();
        m_preview->insertRow(row);
        m_preview->setItem(row, 0, new QTableWidgetItem(rm));
        auto *count = new QTableWidgetItem(locale.toString(n));
        count->setData(Qt::UserRole, n);
        m_preview->setItem(row, 1, count);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!rms.isEmpty() && !m_customers.isEmpty());
}
