#include "campaigndialog.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QSpinBox>
#include <QVBoxLayout>

CampaignDialog::CampaignDialog(const Campaign &campaign, const std::vector<CampaignList> &lists, QWidget *parent)
    : QDialog(parent), m_campaign(campaign)
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

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CampaignDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CampaignDialog::reject);
    auto *columns = new QHBoxLayout;
    columns->addWidget(targets);
    columns->addWidget(listBox, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(columns);
    layout->addWidget(buttons);
}

Campaign CampaignDialog::campaign() const
{
    Campaign c = m_campaign;
    c.name = m_name->text().trimmed();
    c.startsOn = m_start->date();
    c.endsOn = m_end->date();
    for (int m = 0; m < Campaign::MetricCount; ++m)
        c.targetPermille[size_t(m)] = m_targets[size_t(m)]->value() * 10;
    c.listIds.clear();
    for (int i = 0; i < m_lists->count(); ++i) {
        if (m_lists->item(i)->checkState() == Qt::Checked)
            c.listIds.push_back(m_lists->item(i)->data(Qt::UserRole).toLongLong());
    }
    return c;
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
