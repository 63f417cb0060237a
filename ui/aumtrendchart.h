#pragma once

#include <QWidget>

class QCustomPlot;
class QCPBars;
struct Customer;
class TierPolicy;

// The 12-month AUM trend of one customer (monthly daily averages, 万元),
// with the tier lines that fall inside the chart's range drawn dashed so the
// distance to the next tier is visible at a glance.
class AumTrendChart : public QWidget
{
    Q_OBJECT
public:
    explicit AumTrendChart(QWidget *parent = nullptr);

    void showCustomer(const Customer &customer, const TierPolicy &policy);
    void clear();
    QCustomPlot *plot() const { return m_plot; }
    // Values plotted, in yuan, oldest month first (for tests).
    QVector<double> values() const { return m_values; }

private:
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QVector<double> m_values;
};
