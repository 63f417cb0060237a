#include "aumtrendchart.h"

#include "domain/customer.h"
#include "domain/moneyformat.h"
#include "domain/tierpolicy.h"

#include <QDate>
#include <QLocale>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

AumTrendChart::AumTrendChart(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setWidth(0.7);
    m_bars->setPen(Qt::NoPen);
    m_bars->setBrush(QColor(0x42, 0x85, 0xf4));
    m_plot->setMinimumHeight(180);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->yAxis->setNumberFormat(QStringLiteral("f")); // never 2E+08 for a large customer
    m_plot->yAxis->setNumberPrecision(0);
}

void AumTrendChart::clear()
{
    m_values.clear();
    m_bars->data()->clear();
    m_plot->replot();
}

void AumTrendChart::showCustomer(const Customer &customer, const TierPolicy &policy)
{
    const bool chinese = MoneyFormat::chineseUnits();
    const double unit = chinese ? 1000000.0 : 100.0; // fen per 万元, or per yuan
    m_plot->setLocale(QLocale()); // the language's grouping on the axis (1,200), not C's
    QVector<double> keys;
    QVector<double> vals;
    QVector<QString> labels;
    QDate end = QDate::fromString(customer.historyEndMonth + QStringLiteral("-01"), Qt::ISODate);
    m_values.clear();
    for (int i = 0; i < Customer::kHistoryMonths; ++i) {
        keys << i + 1;
        const qint64 fen = customer.aumHistoryFen[size_t(i)];
        vals << double(fen) / unit;
        m_values << double(fen) / 100.0;
        const QDate month = end.isValid() ? end.addMonths(i - (Customer::kHistoryMonths - 1)) : QDate();
        labels << (month.isValid() ? QLocale().toString(month, chinese ? QStringLiteral("M月") : QStringLiteral("MMM"))
                                   : QString::number(i + 1));
    }
    m_bars->setData(keys, vals, true);
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->setTicks(keys, labels);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(0.3, Customer::kHistoryMonths + 0.7);
    m_plot->yAxis->setLabel(chinese ? tr("Monthly average (10k CNY)") : tr("Monthly average (CNY)"));

    double top = std::max(0.0, *std::max_element(vals.begin(), vals.end()));
    double nextLine = 0; // the first tier line above the customer's highest month
    for (int t = 1; t < policy.count(); ++t) {
        const double line = double(policy.tier(t).minFen) / unit;
        if (line > top) {
            nextLine = line;
            break;
        }
    }
    m_plot->clearItems();
    const double upper = std::max(top * 1.6, nextLine <= top * 4 ? nextLine : 0.0);
    for (int t = 1; t < policy.count(); ++t) {
        const double line = double(policy.tier(t).minFen) / unit;
        if (line < top * 0.3 || line > upper)
            continue;
        auto *item = new QCPItemStraightLine(m_plot);
        item->point1->setCoords(0, line);
        item->point2->setCoords(1, line);
        item->setPen(QPen(TierPolicy::color(t), 1, Qt::DashLine));
        auto *label = new QCPItemText(m_plot);
        label->position->setCoords(0.5, line);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setText(policy.displayName(t));
        label->setColor(TierPolicy::color(t));
        top = std::max(top, line);
    }
    m_plot->yAxis->setRange(0, top <= 0 ? 1 : top * 1.15);
    m_plot->replot();
}
