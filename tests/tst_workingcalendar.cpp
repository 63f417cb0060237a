#include "domain/workingcalendar.h"

#include <QTemporaryDir>
#include <QtTest>

class TestWorkingCalendar : public QObject
{
    Q_OBJECT

private slots:
    void builtInKnowsTheShippedYears()
    {
        const WorkingCalendar c = WorkingCalendar::builtIn();
        QCOMPARE(c.years(), (QList<int>{2024, 2025, 2026}));
        QVERIFY(!c.hasYear(2027));
    }

    void workingDays_data()
    {
        QTest::addColumn<QDate>("day");
        QTest::addColumn<bool>("working");
        QTest::addColumn<bool>("holiday");
        QTest::addColumn<bool>("makeUp");
        QTest::newRow("ordinary Monday") << QDate(2026, 11, 23) << true << false << false;
        QTest::newRow("ordinary Saturday") << QDate(2026, 11, 28) << false << false << false;
        QTest::newRow("National Day, Thursday") << QDate(2026, 10, 1) << false << true << false;
        QTest::newRow("National Day week, Wednesday") << QDate(2026, 10, 7) << false << true << false;
        QTest::newRow("make-up Sunday 2026-09-20") << QDate(2026, 9, 20) << true << false << true;
        QTest::newRow("make-up Saturday 2026-10-10") << QDate(2026, 10, 10) << true << false << true;
        QTest::newRow("Spring Festival make-up Saturday") << QDate(2026, 2, 14) << true << false << true;
        QTest::newRow("Mid-Autumn Friday") << QDate(2026, 9, 25) << false << true << false;
        QTest::newRow("2024 Labour Day make-up Sunday") << QDate(2024, 4, 28) << true << false << true;
        QTest::newRow("no calendar: 2027 New Year is a plain Friday") << QDate(2027, 1, 1) << true << false << false;
        QTest::newRow("no calendar: Saturday") << QDate(2028, 1, 8) << false << false << false;
    }
    void workingDays()
    {
        QFETCH(QDate, day);
        QFETCH(bool, working);
        QFETCH(bool, holiday);
        QFETCH(bool, makeUp);
        const WorkingCalendar c = WorkingCalendar::builtIn();
        QCOMPARE(c.isWorkingDay(day), working);
        QCOMPARE(c.isHoliday(day), holiday);
        QCOMPARE(c.isMakeUpWorkday(day), makeUp);
    }

    void previousAndNextWorkingDay()
    {
        const WorkingCalendar c = WorkingCalendar::builtIn();
        QCOMPARE(c.onOrBefore(QDate(2026, 10, 5)), QDate(2026, 9, 30));
        QCOMPARE(c.onOrBefore(QDate(2026, 10, 11)), QDate(2026, 10, 10)); // make-up Saturday
        QCOMPARE(c.onOrBefore(QDate(2026, 11, 23)), QDate(2026, 11, 23));
        QCOMPARE(c.onOrAfter(QDate(2026, 10, 1)), QDate(2026, 10, 8));
        QCOMPARE(c.holidayName(QDate(2026, 10, 3)), QStringLiteral("国庆节"));
    }

    void readsAFileAndANewerYearFromHq()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("2027.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"year": 2027, "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
            {"name": "春节", "date": "2027-02-20", "isOffDay": false}]})");
        f.close();
        WorkingCalendar c = WorkingCalendar::builtIn();
        QString error;
        QVERIFY2(c.loadFile(path, &error), qPrintable(error));
        QVERIFY(c.hasYear(2027));
        QVERIFY(!c.isWorkingDay(QDate(2027, 1, 1)));
        QVERIFY(c.isMakeUpWorkday(QDate(2027, 2, 20)));
        QCOMPARE(c.onOrBefore(QDate(2027, 1, 3)), QDate(2026, 12, 31));

        // A directory of files (what HQ drops into extraDirectory()) loads the same way.
        WorkingCalendar fromDir;
        QCOMPARE(fromDir.loadDirectory(dir.path()), 1);
        QVERIFY(fromDir.hasYear(2027));
    }

    void rejectsWhatIsNotACalendar()
    {
        WorkingCalendar c;
        QString error;
        QVERIFY(!c.loadJson("[1, 2]", &error));
        QVERIFY(!c.loadJson(R"({"year": 2027})", &error));
        QVERIFY(error.contains(QStringLiteral("days")));
        QVERIFY(!c.loadJson(R"({"year": 2027, "days": [{"date": "2027-13-01", "isOffDay": true}]})", &error));
        QVERIFY(error.contains(QStringLiteral("days[0]")));
        QVERIFY(!c.loadFile(QStringLiteral("/nonexistent/2030.json"), &error));
        QVERIFY(c.years().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkingCalendar)
#include "tst_workingcalendar.moc"
