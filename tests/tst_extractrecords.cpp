#include "domain/extractcsv.h"
#include "protocol/extractrecords.h"

#include <QtTest>

// The core-banking extract's rows as HQ imports them: what is checked, and the
// message that names the line and the column.
class TestExtractRecords : public QObject
{
    Q_OBJECT

private:
    ExtractRecords m_converter;
    QStringList m_header;

    QStringList customerRow(const QString &column, const QString &value) const
    {
        QStringList row(m_header.size());
        row[int(m_header.indexOf(QStringLiteral("record_type")))] = QStringLiteral("customer");
        row[int(m_header.indexOf(QStringLiteral("customer_no")))] = QStringLiteral("600000000001");
        row[int(m_header.indexOf(QStringLiteral("name")))] = QStringLiteral("张三");
        row[int(m_header.indexOf(column))] = value;
        return row;
    }

private slots:
    void initTestCase()
    {
        m_header = ExtractCsv::header();
        QString error;
        QVERIFY2(m_converter.setHeader(m_header, &error), qPrintable(error));
    }

    void historyEndIsAMonth_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("October") << QStringLiteral("2026-10") << true;
        QTest::newRow("January") << QStringLiteral("2026-01") << true;
        QTest::newRow("December") << QStringLiteral("2025-12") << true;
        QTest::newRow("month 13") << QStringLiteral("2026-13") << false;
        QTest::newRow("month 00") << QStringLiteral("2026-00") << false;
        QTest::newRow("a day too") << QStringLiteral("2026-10-01") << false;
        QTest::newRow("short year") << QStringLiteral("26-10") << false;
        QTest::newRow("slash") << QStringLiteral("2026/10") << false;
        QTest::newRow("full-width digit") << QStringLiteral("２026-10") << false;
    }

    void historyEndIsAMonth()
    {
        QFETCH(QString, value);
        QFETCH(bool, ok);
        SyncRecord rec;
        QString error;
        QCOMPARE(m_converter.convert(customerRow(QStringLiteral("aum_hist_end"), value), 7, &rec, &error), ok);
        if (ok) {
            QCOMPARE(rec.entity, QStringLiteral("customer"));
            QCOMPARE(rec.payload.value(QStringLiteral("aum_hist_end")).toString(), value);
        } else {
            QCOMPARE(error, QStringLiteral("line 7, column aum_hist_end: '%1' is not a month as YYYY-MM").arg(value));
        }
    }

    void numbersAndFlagsAreChecked()
    {
        SyncRecord rec;
        QString error;
        QVERIFY(!m_converter.convert(customerRow(QStringLiteral("payroll"), QStringLiteral("2")), 9, &rec, &error));
        QCOMPARE(error, QStringLiteral("line 9, column payroll: must be 0 or 1, got '2'"));
        QVERIFY(!m_converter.convert(customerRow(QStringLiteral("txn_90d"), QStringLiteral("-1")), 10, &rec, &error));
        QCOMPARE(error, QStringLiteral("line 10, column txn_90d: must not be negative, got '-1'"));
        QVERIFY(m_converter.convert(customerRow(QStringLiteral("aum_fen"), QStringLiteral("123456789")), 11, &rec, &error));
        QCOMPARE(rec.payload.value(QStringLiteral("aum_fen")).toInteger(), 123456789);
    }
};

QTEST_MAIN(TestExtractRecords)
#include "tst_extractrecords.moc"
