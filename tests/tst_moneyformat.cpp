#include "domain/moneyformat.h"

#include <QLocale>
#include <QtTest>

class TestMoneyFormat : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void chinese_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("readable");
        QTest::newRow("612,000") << qint64(61200000) << QStringLiteral("61.20") << QStringLiteral("61.20万元");
        QTest::newRow("9,876.54") << qint64(987654) << QStringLiteral("0.99") << QStringLiteral("9,876.54元");
        QTest::newRow("1.23e8") << qint64(12300000000) << QStringLiteral("12,300.00") << QStringLiteral("1.23亿元");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0.00") << QStringLiteral("0.00元");
    }
    void chinese()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, list);
        QFETCH(QString, readable);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        QCOMPARE(MoneyFormat::listAmount(fen), list);
        QCOMPARE(MoneyFormat::readable(fen), readable);
        QCOMPARE(MoneyFormat::listUnit(), QStringLiteral("万元"));
    }

    void english()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(MoneyFormat::listAmount(61200000), QStringLiteral("612,000"));
        QCOMPARE(MoneyFormat::readable(61200050), QStringLiteral("CNY 612,000.50"));
        QCOMPARE(MoneyFormat::listUnit(), QStringLiteral("CNY"));
    }
};

QTEST_GUILESS_MAIN(TestMoneyFormat)
#include "tst_moneyformat.moc"
