#include "tierchart.h"
#include "domain/tierpolicy.h"

#include <QtTest>
#include <qcustomplot.h>

// The tier chart's axes read like the rest of the program: numbers grouped the
// way the language groups them, never in scientific notation.
class TestTierChart : public QObject
{
    Q_OBJECT

private slots:
    void axisNumbersAreGrouped()
    {
        // Given a branch with 72 亿元 in one tier, shown in Chinese (万元 on the right axis)
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const TierPolicy policy = TierPolicy::defaultPolicy();
        TierDistribution d;
        for (int t = 0; t < policy.count(); ++t) {
            d.customers << (t == 0 ? 40000 : 300 * (t + 1));
            d.aumFen << (t == policy.count() - 2 ? qint64(722627) * 1000000 : qint64(1000) * 1000000);
        }
        TierChart chart;
        chart.resize(900, 400);
        chart.setDistribution(d, policy);
        chart.plot()->replot();
        // Then the tick labels carry group separators and no exponent
        const QVector<QString> counts = chart.plot()->yAxis->tickVectorLabels();
        const QVector<QString> aum = chart.plot()->yAxis2->tickVectorLabels();
        QVERIFY(!counts.isEmpty() && !aum.isEmpty());
        QVERIFY2(counts.contains(QStringLiteral("40,000")) || counts.contains(QStringLiteral("20,000")),
                 qPrintable(QStringList(counts.begin(), counts.end()).join(QLatin1Char(' '))));
        bool grouped = false;
        for (const QString &label : aum) {
            QVERIFY2(!label.contains(QLatin1Char('e'), Qt::CaseInsensitive), qPrintable(label));
            grouped = grouped || label.contains(QLatin1Char(','));
        }
        QVERIFY2(grouped, qPrintable(QStringList(aum.begin(), aum.end()).join(QLatin1Char(' '))));
    }
};

QTEST_MAIN(TestTierChart)
#include "tst_tierchart.moc"
