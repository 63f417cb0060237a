#include "tierchart.h"

#include "domain/moneyformat.h"
#include "domain/tierpolicy.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

TierChart::TierChart(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this))
{
    m_plot->setObjectName(QStringLiteral("tierChart"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->yAxis2->setVisible(true);
    m_plot->xAxis->grid()->setVisible(false);
    m_counts = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_aum = new QCPBars(m_plot->xAxis, m_plot->yAxis2);
    m_counts->setWidth(0.35);
    m_aum->setWidth(0.35);
    m_counts->setPen(Qt::NoPen);
    m_aum->setPen(QPen(QColor(0x30, 0x30, 0x30)));
    m_counts->setBrush(QColor(0x42, 0x85, 0xf4));
    m_aum->setBrush(QColor(0xf4, 0xb4, 0x00, 160));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->setMinimumHeight(260);
}

void TierChart::setDistribution(const TierDistribution &d, const TierPolicy &policy)
{
    const bool chinese = MoneyFormat::chineseUnits();
    const double unit = chinese ? 1000000.0 : 100.0; // fen per 万元 or per yuan
    // Axis numbers in the language's grouping (800,000), never as 8e+05 (QCustomPlot's
    // default locale is C, without group separators).
    m_plot->setLocale(QLocale());
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis2->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);
    m_plot->yAxis2->setNumberPrecision(0);
    QVector<double> countKeys, aumKeys, counts, aum, ticks;
    QVector<QString> labels;
    for (int t = 0; t < d.customers.size(); ++t) {
        ticks << t + 1;
        labels << policy.displayName(t);
        countKeys << t + 1 - 0.18;
        aumKeys << t + 1 + 0.18;
        counts << d.customers.at(t);
        aum << double(d.aumFen.at(t)) / unit;
    }
    m_counts->setData(countKeys, counts, true);
    m_aum->setData(aumKeys, aum, true);
    m_counts->setName(tr("Customers"));
    m_aum->setName(chinese ? tr("AUM (10k CNY)") : tr("AUM (CNY)"));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    ticker->setTicks(ticks, labels);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(0.4, d.customers.size() + 0.6);
    m_plot->yAxis->setLabel(tr("Customers"));
    m_plot->yAxis2->setLabel(m_aum->name());
    m_plot->yAxis->rescale();
    m_plot->yAxis2->rescale();
    m_plot->yAxis->setRangeLower(0);
    m_plot->yAxis2->setRangeLower(0);
    m_plot->yAxis->setRangeUpper(m_plot->yAxis->range().upper * 1.15 + 1);
    m_plot->yAxis2->setRangeUpper(m_plot->yAxis2->range().upper * 1.15 + 1);
    m_plot->replot();
}

QVector<double> TierChart::countValues() const
{
    QVector<double> v;
    for (auto it = m_counts->data()->constBegin(); it != m_counts->data()->constEnd(); ++it)
        v << it->value;
    return v;
}

QVector<double> TierChart::aumValues() const
{
    QVector<double> v;
    for (auto it = m_aum->data()->constBegin(); it != m_aum->data()->constEnd(); ++it)
        v << it->value;
    return v;
}
