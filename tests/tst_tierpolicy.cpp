#include "domain/tierpolicy.h"

#include <QtTest>

class TestTierPolicy : public QObject
{
    Q_OBJECT

private slots:
    void boundaries_data()
    {
        QTest::addColumn<qint64>("fen");
        QTest::addColumn<QString>("tier");
        QTest::newRow("0") << qint64(0) << QStringLiteral("low");
        QTest::newRow("overdrawn") << qint64(-500) << QStringLiteral("low");
        QTest::newRow("9,999.99") << qint64(999999) << QStringLiteral("low");
        QTest::newRow("10,000") << qint64(1000000) << QStringLiteral("mass");
        QTest::newRow("49,999.99") << qint64(4999999) << QStringLiteral("mass");
        QTest::newRow("50,000") << qint64(5000000) << QStringLiteral("gold");
        QTest::newRow("499,999.99") << qint64(49999999) << QStringLiteral("gold");
        QTest::newRow("500,000") << qint64(50000000) << QStringLiteral("vip");
        QTest::newRow("5,999,999.99") << qint64(599999999) << QStringLiteral("vip");
        QTest::newRow("6,000,000") << qint64(600000000) << QStringLiteral("private");
        QTest::newRow("1e9") << qint64(100000000000) << QStringLiteral("private");
    }
    void boundaries()
    {
        QFETCH(qint64, fen);
        QFETCH(QString, tier);
        const TierPolicy p = TierPolicy::defaultPolicy();
        QCOMPARE(p.tier(p.tierOfAmount(fen)).id, tier);
    }

    void basisIsLastMonthAverageByDefault()
    {
        const TierPolicy p = TierPolicy::defaultPolicy();
        Customer c;
        c.aumFen = 70000000;            // 700k today
        c.aumHistoryFen.fill(40000000); // 400k last month
        QCOMPARE(p.tier(p.tierOf(c)).id, QStringLiteral("gold"));
    }

    void parsesAndRejectsPolicies_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("ok") << QByteArray(R"({"tiers":[{"id":"a","min_fen":0},{"id":"b","min_fen":5000000}]})")
                            << QString();
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("JSON error");
        QTest::newRow("no tiers") << QByteArray(R"({"tiers":[]})") << QStringLiteral("tiers is missing");
        QTest::newRow("unordered") << QByteArray(R"({"tiers":[{"id":"a","min_fen":10},{"id":"b","min_fen":5}]})")
                                   << QStringLiteral("tiers[1].min_fen");
        QTest::newRow("bad basis") << QByteArray(R"({"tierBasis":"weekly","tiers":[{"id":"a","min_fen":0}]})")
                                   << QStringLiteral("tierBasis");
    }
    void parsesAndRejectsPolicies()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        TierPolicy p;
        QString message;
        const bool ok = TierPolicy::fromJson(json, &p, &message);
        QCOMPARE(ok, error.isEmpty());
        if (!ok)
            QVERIFY2(message.contains(error), qPrintable(message));
        else
            QCOMPARE(p.count(), 2);
    }

    void namesFollowTheLanguage()
    {
        const TierPolicy p = TierPolicy::defaultPolicy();
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        QCOMPARE(p.displayName(2), QStringLiteral("金卡客户"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(p.displayName(2), QStringLiteral("Gold"));
    }
};

QTEST_GUILESS_MAIN(TestTierPolicy)
#include "tst_tierpolicy.moc"
