#include "domain/passphrasestrength.h"

#include <QtTest>

using Level = PassphraseStrength::Level;
Q_DECLARE_METATYPE(PassphraseStrength::Level)

class TestPassphraseStrength : public QObject
{
    Q_OBJECT

private slots:
    void levels_data()
    {
        QTest::addColumn<QString>("passphrase");
        QTest::addColumn<Level>("level");
        QTest::newRow("empty") << QString() << Level::Empty;
        QTest::newRow("7 characters") << QStringLiteral("k7#Qz!p") << Level::TooShort;
        // Exactly the minimum length is long enough; what it is made of decides the rest.
        QTest::newRow("8 digits, a run") << QStringLiteral("12345678") << Level::Weak;
        QTest::newRow("8 digits, random") << QStringLiteral("40719385") << Level::Weak;
        QTest::newRow("repeats") << QStringLiteral("aaaaaaaaaaaa") << Level::Weak;
        QTest::newRow("common word") << QStringLiteral("password") << Level::Weak;
        QTest::newRow("common with a suffix") << QStringLiteral("Password1!") << Level::Weak;
        QTest::newRow("Chinese favourite") << QStringLiteral("woaini1314") << Level::Weak;
        QTest::newRow("keyboard walk") << QStringLiteral("1qaz2wsx") << Level::Weak;
        QTest::newRow("8 mixed") << QStringLiteral("k7#Qz!pW") << Level::Fair;
        QTest::newRow("lower-case words") << QStringLiteral("chengnanzhihang") << Level::Fair;
        QTest::newRow("words, digits, dash") << QStringLiteral("chengnan-zhihang-2026") << Level::Strong;
        QTest::newRow("long mixed") << QStringLiteral("Tuesday rain, 3 umbrellas") << Level::Strong;
        QTest::newRow("Chinese sentence") << QStringLiteral("三月七日去城南支行") << Level::Strong;
    }
    void levels()
    {
        QFETCH(QString, passphrase);
        QFETCH(Level, level);
        const PassphraseStrength::Estimate e = PassphraseStrength::estimate(passphrase);
        QVERIFY2(e.level == level, qPrintable(QStringLiteral("%1: got level %2 (%3 bits)")
                                                  .arg(passphrase).arg(int(e.level)).arg(e.bits)));
    }

    void saysWhy()
    {
        QVERIFY(PassphraseStrength::estimate(QStringLiteral("5201314abc")).common);
        QVERIFY(PassphraseStrength::estimate(QStringLiteral("abcdefghij")).pattern);
        QVERIFY(PassphraseStrength::estimate(QStringLiteral("40719385")).oneKind);
        QVERIFY(!PassphraseStrength::estimate(QStringLiteral("chengnan-zhihang-2026")).common);
    }
};

QTEST_GUILESS_MAIN(TestPassphraseStrength)
#include "tst_passphrasestrength.moc"
