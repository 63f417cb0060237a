#pragma once

#include "domain/tierdistribution.h"

#include <QWidget>

class QCustomPlot;
class QCPBars;
class TierPolicy;

// Customers and AUM per tier, side by side: counts on the left axis, AUM on
// the right (万元 in Chinese, CNY otherwise), one colour per tier.
class TierChart : public QWidget
{
    Q_OBJECT
public:
    explicit TierChart(QWidget *parent = nullptr);

    void setDistribution(const TierDistribution &distribution, const TierPolicy &policy);
    QCustomPlot *plot() const { return m_plot; }
    // Bar values as plotted (counts, AUM in display units), for tests.
    QVector<double> countValues() const;
    QVector<double> aumValues() const;

private:
    QCustomPlot *m_plot;
    QCPBars *m_counts;
    QCPBars *m_aum;
};
