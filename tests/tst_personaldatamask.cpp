#include "domain/personaldatamask.h"

#include <QtTest>

class TestPersonalDataMask : public QObject
{
    Q_OBJECT

private slots:
    void phone_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("mobile") << QStringLiteral("13812345678") << QStringLiteral("138****5678");
        QTest::newRow("short") << QStringLiteral("12345") << QStringLiteral("*****");
        QTest::newRow("empty") << QString() << QString();
    }
    void phone()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(PersonalDataMask::phone(in), out);
    }

    void idNumber_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("18 digits") << QStringLiteral("110101199001011234") << QStringLiteral("110101********1234");
        QTest::newRow("ends in X") << QStringLiteral("11010119900101123X") << QStringLiteral("110101********123X");
        QTest::newRow("short") << QStringLiteral("1234") << QStringLiteral("****");
    }
    void idNumber()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(PersonalDataMask::idNumber(in), out);
        QCOMPARE(PersonalDataMask::idNumber(in).size(), in.size());
    }

    void address()
    {
        QCOMPARE(PersonalDataMask::address(QStringLiteral("滨江区人民路12号301室")), QStringLiteral("滨江区****"));
        QCOMPARE(PersonalDataMask::address(QStringLiteral("人民路12号")), QStringLiteral("人民路****"));
    }

    void name_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("two characters") << QStringLiteral("张三") << QStringLiteral("张*");
        QTest::newRow("three") << QStringLiteral("单田芳") << QStringLiteral("单**");
        QTest::newRow("compound surname") << QStringLiteral("欧阳娜娜") << QStringLiteral("欧***");
        QTest::newRow("one") << QStringLiteral("李") << QStringLiteral("*");
        QTest::newRow("empty") << QString() << QString();
    }
    void name()
    {
        // Lists and exports (issue 8): the surname's first character stays, the rest is hidden.
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(PersonalDataMask::name(in), out);
    }
};

QTEST_GUILESS_MAIN(TestPersonalDataMask)
#include "tst_personaldatamask.moc"
