#include "domain/dateformat.h"

#include <QDateTime>
#include <QLocale>
#include <QtTest>

// Dates read the same everywhere in the app: 2026年11月23日 in Chinese (Qt's short
// format would say 2026/11/23), Nov 23, 2026 in English.
class TestDateFormat : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void chinese()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China));
        QCOMPARE(DateFormat::date(QDate(2026, 11, 23)), QStringLiteral("2026年11月23日"));
        QCOMPARE(DateFormat::date(QDate(2026, 1, 5)), QStringLiteral("2026年1月5日"));
        QCOMPARE(DateFormat::dateWithWeekday(QDate(2026, 11, 23)), QStringLiteral("2026年11月23日 星期一"));
        QCOMPARE(DateFormat::dateTime(QDateTime(QDate(2026, 11, 23), QTime(9, 5))), QStringLiteral("2026年11月23日 09:05"));
        QCOMPARE(DateFormat::monthDay(QDate(2026, 11, 3)), QStringLiteral("11月3日"));
        QVERIFY(DateFormat::chinese());
    }

    void english()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCOMPARE(DateFormat::date(QDate(2026, 11, 23)), QStringLiteral("Nov 23, 2026"));
        QCOMPARE(DateFormat::dateWithWeekday(QDate(2026, 11, 23)), QStringLiteral("Monday, Nov 23, 2026"));
        QCOMPARE(DateFormat::dateTime(QDateTime(QDate(2026, 11, 23), QTime(14, 5))), QStringLiteral("Nov 23, 2026 2:05 PM"));
        QCOMPARE(DateFormat::monthDay(QDate(2026, 11, 3)), QStringLiteral("Nov 3"));
        QVERIFY(!DateFormat::chinese());
    }

    void invalidDatesAreEmpty()
    {
        QCOMPARE(DateFormat::date(QDate()), QString());
        QCOMPARE(DateFormat::dateWithWeekday(QDate()), QString());
        QCOMPARE(DateFormat::dateTime(QDateTime()), QString());
        QCOMPARE(DateFormat::monthDay(QDate()), QString());
    }
};

QTEST_GUILESS_MAIN(TestDateFormat)
#include "tst_dateformat.moc"
