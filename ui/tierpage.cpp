#include "tierpage.h"

#include "domain/moneyformat.h"
#include "domain/tierdistribution.h"
#include "tierchart.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

TierPage::TierPage(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("tierPage"));
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_chart = new TierChart(this);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("tierTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_chart, 3);
    layout->addWidget(m_table, 2);
    refresh();
}

void TierPage::setBranch(const LoadedBranch &branch)
{
    m_branch = branch;
    refresh();
}

void TierPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void TierPage::refresh()
{
    const BranchSnapshot *s = m_branch.snapshot.get();
    const QLocale locale;
    m_table->setColumnCount(6);
    m_table->setHorizontalHeaderLabels({tr("Tier"), tr("AUM range (tier basis)"), tr("Customers"), tr("Share"),
                                        tr("AUM (%1)").arg(MoneyFormat::listUnit()), tr("AUM share")});
    if (!s) {
        m_title->setText(tr("Customers by AUM tier"));
        m_table->setRowCount(0);
        return;
    }
    const TierPolicy &policy = s->tierPolicy();
    m_title->setText(tr("Customers by AUM tier, on last month's daily average · %1 customers")
                         .arg(locale.toString(s->customerCount())));
    const TierDistribution d = TierDistribution::of(*s);
    m_chart->setDistribution(d, policy);
    const int total = std::max(1, d.totalCustomers());
    const double totalAum = std::max<double>(1, double(d.totalAumFen()));
    m_table->setRowCount(policy.count());
    for (int t = 0; t < policy.count(); ++t) {
        const int row = policy.count() - 1 - t; // highest tier first
        const QString range = t + 1 < policy.count()
                                  ? tr("%1 to under %2").arg(MoneyFormat::readable(policy.tier(t).minFen),
                                                             MoneyFormat::readable(policy.tier(t + 1).minFen))
                                  : tr("%1 and above").arg(MoneyFormat::readable(policy.tier(t).minFen));
        const QStringList cells = {policy.displayName(t),
                                   t == 0 ? tr("under %1").arg(MoneyFormat::readable(policy.tier(1).minFen)) : range,
                                   locale.toString(d.customers.at(t)),
                                   locale.toString(100.0 * d.customers.at(t) / total, 'f', 1) + QLatin1Char('%'),
                                   MoneyFormat::listAmount(d.aumFen.at(t)),
                                   locale.toString(100.0 * double(d.aumFen.at(t)) / totalAum, 'f', 1) + QLatin1Char('%')};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c >= 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == 0)
                item->setData(Qt::DecorationRole, TierPolicy::color(t));
            m_table->setItem(row, c, item);
        }
    }
    m_table->resizeColumnsToContents();
}
