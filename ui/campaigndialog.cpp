#include "campaigndialog.h"

#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

constexpr double kFenPerWan = 1000000.0; // 1万元 in fen

QDoubleSpinBox *amountBox(QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setRange(0, 9999999.99);
    box->setDecimals(2);
    box->setGroupSeparatorShown(true);
    return box;
}

} // namespace

CampaignDialog::CampaignDialog(const Campaign &campaign, const std::vector<CampaignList> &lists, QWidget *parent,
                               const std::vector<RmChoice> &rms)
    : QDialog(parent), m_campaign(campaign), m_rms(rms)
{
    setWindowTitle(tr("Campaign and targets"));
    m_name = new QLineEdit(campaign.name, this);
    m_name->setObjectName(QStringLiteral("campaignName"));
    m_start = new QDateEdit(campaign.startsOn, this);
    m_end = new QDateEdit(campaign.endsOn, this);
    for (QDateEdit *d : {m_start, m_end}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Starts on:"), m_start);
    form->addRow(tr("Ends on:"), m_end);

    auto *targets = buildTargets(campaign);
    auto *listBox = buildListBox(campaign, lists);
    auto *rmBox = buildRmBox(campaign);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CampaignDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CampaignDialog::reject);
    auto *right = new QVBoxLayout;
    right->addWidget(listBox, 1);
    right->addWidget(rmBox, 1);
    auto *columns = new QHBoxLayout;
    columns->addWidget(targets);
    columns->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(columns);
    layout->addWidget(buttons);
}

QGroupBox *CampaignDialog::buildTargets(const Campaign &campaign)
{
    auto *targets = new QGroupBox(tr("Targets"), this);
    auto *targetForm = new QFormLayout(targets);
    for (int m = 0; m < Campaign::MetricCount; ++m) {
        auto *box = new QSpinBox(targets);
        box->setRange(0, 100);
        box->setSuffix(QStringLiteral(" %"));
        box->setPrefix(Campaign::lowerIsBetter(Campaign::Metric(m)) ? QStringLiteral("≤ ") : QStringLiteral("≥ "));
        box->setValue(campaign.targetPermille[size_t(m)] / 10);
        box->setObjectName(QStringLiteral("target_") + Campaign::metricKey(Campaign::Metric(m)));
        m_targets[size_t(m)] = box;
        targetForm->addRow(Campaign::metricName(Campaign::Metric(m)), box);
    }
    return targets;
}

QGroupBox *CampaignDialog::buildListBox(const Campaign &campaign, const std::vector<CampaignList> &lists)
{
    m_lists = new QListWidget(this);
    m_lists->setObjectName(QStringLiteral("campaignLists"));
    for (const CampaignList &l : lists) {
        auto *item = new QListWidgetItem(tr("%1 (frozen %2, %n customer(s))", nullptr, int(l.members.size()))
                                             .arg(l.name, l.frozenOn.toString(Qt::ISODate)),
                                         m_lists);
        item->setData(Qt::UserRole, l.id);
        const bool linked = std::find(campaign.listIds.begin(), campaign.listIds.end(), l.id) != campaign.listIds.end();
        item->setCheckState(linked ? Qt::Checked : Qt::Unchecked);
    }
    auto *listBox = new QGroupBox(tr("Frozen lists worked in this campaign (none ticked: every threshold list)"), this);
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->addWidget(m_lists);
    return listBox;
}

QGroupBox *CampaignDialog::buildRmBox(const Campaign &campaign)
{
    // 一人一表: count and amount targets per RM.
    auto *rmBox = new QGroupBox(tr("Targets per RM (customers converted, amount in 10k yuan)"), this);
    auto *rmLayout = new QVBoxLayout(rmBox);
    m_rmTable = new QTableWidget(int(m_rms.size()), 3, rmBox);
    m_rmTable->setObjectName(QStringLiteral("rmTargets"));
    m_rmTable->setHorizontalHeaderLabels({tr("RM"), tr("Customers"), tr("Amount (10k yuan)")});
    m_rmTable->verticalHeader()->hide();
    m_rmTable->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    int sumCount = 0;
    qint64 sumFen = 0;
    for (size_t i = 0; i < m_rms.size(); ++i) {
        const Campaign::RmTarget t = campaign.rmTarget(m_rms[i].staffId);
        auto *name = new QTableWidgetItem(m_rms[i].name);
        name->setFlags(Qt::ItemIsEnabled);
        name->setData(Qt::UserRole, m_rms[i].staffId);
        m_rmTable->setItem(int(i), 0, name);
        auto *count = new QSpinBox(m_rmTable);
        count->setRange(0, 1000000);
        count->setValue(t.count);
        m_rmTable->setCellWidget(int(i), 1, count);
        QDoubleSpinBox *amount = amountBox(m_rmTable);
        amount->setValue(double(t.amountFen) / kFenPerWan);
        m_rmTable->setCellWidget(int(i), 2, amount);
        sumCount += t.count;
        sumFen += t.amountFen;
    }
    m_totalCount = new QSpinBox(rmBox);
    m_totalCount->setObjectName(QStringLiteral("totalCount"));
    m_totalCount->setRange(0, 10000000);
    m_totalCount->setValue(sumCount);
    m_totalAmount = amountBox(rmBox);
    m_totalAmount->setObjectName(QStringLiteral("totalAmount"));
    m_totalAmount->setValue(double(sumFen) / kFenPerWan);
    auto *split = new QPushButton(tr("Split by customers"), rmBox);
    split->setObjectName(QStringLiteral("splitTargets"));
    connect(split, &QPushButton::clicked, this, &CampaignDialog::splitByCustomers);
    auto *totals = new QHBoxLayout;
    totals->addWidget(new QLabel(tr("Branch total:"), rmBox));
    totals->addWidget(m_totalCount);
    totals->addWidget(m_totalAmount);
    totals->addWidget(split);
    rmLayout->addWidget(m_rmTable);
    rmLayout->addLayout(totals);
    rmBox->setVisible(!m_rms.empty());
    return rmBox;
}

Campaign CampaignDialog::campaign() const
{
    Campaign c = m_campaign;
    c.name = m_name->text().trimmed();
    c.startsOn = m_start->date();
    c.endsOn = m_end->date();
    for (int m = 0; m < Campaign::MetricCount; ++m)
        c.targetPermille[size_t(m)] = m_targets[size_t(m)]->value() * 10;
    c.rmTargets.clear();
    for (int i = 0; i < m_rmTable->rowCount(); ++i) {
        const int count = static_cast<QSpinBox *>(m_rmTable->cellWidget(i, 1))->value();
        const qint64 fen = qRound64(static_cast<QDoubleSpinBox *>(m_rmTable->cellWidget(i, 2))->value() * kFenPerWan);
        if (count > 0 || fen > 0)
            c.rmTargets.push_back({m_rmTable->item(i, 0)->data(Qt::UserRole).toString(), count, fen});
    }
    c.listIds.clear();
    for (int i = 0; i < m_lists->count(); ++i) {
        if (m_lists->item(i)->checkState() == Qt::Checked)
            c.listIds.push_back(m_lists->item(i)->data(Qt::UserRole).toLongLong());
    }
    return c;
}

void CampaignDialog::splitByCustomers()
{
    std::vector<QString> ids;
    std::vector<qint64> weights;
    for (const RmChoice &r : m_rms) {
        ids.push_back(r.staffId);
        weights.push_back(r.customers);
    }
    // The amount is split in the box's own step (0.01万 = 100 yuan) so the shares add up to the total as shown.
    const auto shares = Campaign::splitTargets(m_totalCount->value(), qRound64(m_totalAmount->value() * 100), ids, weights);
    for (size_t i = 0; i < shares.size(); ++i) {
        static_cast<QSpinBox *>(m_rmTable->cellWidget(int(i), 1))->setValue(shares[i].count);
        static_cast<QDoubleSpinBox *>(m_rmTable->cellWidget(int(i), 2))->setValue(double(shares[i].amountFen) / 100.0);
    }
}

void CampaignDialog::accept()
{
    const Campaign c = campaign();
    if (c.name.isEmpty()) {
        QMessageBox::warning(this, windowTitle(), tr("Give the campaign a name."));
        m_name->setFocus();
        return;
    }
    if (c.endsOn < c.startsOn) {
        QMessageBox::warning(this, windowTitle(), tr("The end date (%1) is before the start date (%2).")
                                                      .arg(c.endsOn.toString(Qt::ISODate), c.startsOn.toString(Qt::ISODate)));
        m_end->setFocus();
        return;
    }
    QDialog::accept();
}
