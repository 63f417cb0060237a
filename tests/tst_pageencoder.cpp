// HQ writes pull pages straight from PostgreSQL's jsonb text (hq/pageencoder). The bytes
// must be exactly what WireFormat::encodeRecords wrote for the same rows after
// QJsonDocument::fromJson: desktops verify the checksum over them and decode them.
#include "pageencoder.h"

#include "protocol/wireformat.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

class TestPageEncoder : public QObject
{
    Q_OBJECT

private:
    struct Row
    {
        QByteArray entity, id;
        qint64 seq;
        bool deleted;
        std::optional<QByteArray> payload;
    };
    static QByteArray reference(const std::vector<Row> &rows)
    {
        std::vector<SyncRecord> records;
        for (const Row &r : rows) {
            SyncRecord rec{QString::fromUtf8(r.entity), QString::fromUtf8(r.id), r.seq, r.deleted, {}};
            if (!r.deleted && r.payload)
                rec.payload = QJsonDocument::fromJson(*r.payload).object();
            records.push_back(rec);
        }
        return WireFormat::encodeRecords(records);
    }
    static QByteArray encoded(const std::vector<Row> &rows, int *fallbacks = nullptr)
    {
        PageEncoder e(qsizetype(rows.size()));
        for (const Row &r : rows) {
            std::optional<QByteArrayView> payload;
            if (r.payload)
                payload = QByteArrayView(*r.payload);
            e.add(r.entity, r.id, r.seq, r.deleted, payload);
        }
        if (fallbacks)
            *fallbacks = e.fallbacks();
        return e.finish();
    }

private slots:
    void payloadsAreWrittenAsEncodeRecordsWroteThem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("fast"); // transcoded, not through QJsonDocument
        // As PostgreSQL prints jsonb: keys by length, then bytes; ", " and ": "
        QTest::newRow("customer") << QByteArray("{\"name\": \"张三\", \"phone\": \"13800000000\", \"rm_id\": \"RM01\", \"aum_fen\": 123456789, \"payroll\": 1, \"aum_hist\": \"\", \"birth_date\": null, \"customer_no\": \"600000000001\"}") << true;
        QTest::newRow("empty") << QByteArray("{}") << true;
        QTest::newRow("no spaces") << QByteArray("{\"b\":1,\"a\":-2,\"ab\":true,\"B\":false,\"\":null}") << true;
        QTest::newRow("whitespace") << QByteArray(" {\n\t\"x\" :\r \"y\" } \n") << true;
        QTest::newRow("short escapes") << QByteArray("{\"note\": \"a \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t z\"}") << true;
        QTest::newRow("large text") << (QByteArray("{\"note\": \"") + QByteArray(70000, 'x') + QByteArray("\"}")) << true;
        QTest::newRow("numbers") << QByteArray("{\"a\": 0, \"b\": -1, \"c\": 23, \"d\": 24, \"e\": 255, \"f\": 256, \"g\": 65535, \"h\": 65536, \"i\": 4294967295, \"j\": 4294967296, \"k\": 999999999999999, \"l\": -999999999999999, \"m\": -24, \"n\": -25, \"o\": -256, \"p\": -257}") << true;
        QTest::newRow("u escape") << QByteArray("{\"a\": \"caf\\u00e9 \\ud83d\\ude00\"}") << false;
        QTest::newRow("lone surrogate") << QByteArray("{\"a\": \"\\ud800\"}") << false;
        QTest::newRow("beyond 2^53") << QByteArray("{\"a\": 9007199254740993}") << false;
        QTest::newRow("16 digits") << QByteArray("{\"a\": 1000000000000000}") << false;
        QTest::newRow("fraction") << QByteArray("{\"a\": 1.5, \"b\": 2}") << false;
        QTest::newRow("whole fraction") << QByteArray("{\"a\": 1.0}") << false;
        QTest::newRow("exponent") << QByteArray("{\"a\": 1e3}") << false;
        QTest::newRow("minus zero") << QByteArray("{\"a\": -0}") << false;
        QTest::newRow("leading zero") << QByteArray("{\"a\": 01}") << false;
        QTest::newRow("nested") << QByteArray("{\"a\": {\"b\": 1}, \"c\": [1, \"x\"]}") << false;
        QTest::newRow("repeated key") << QByteArray("{\"a\": 1, \"a\": 2}") << false;
        QTest::newRow("non-ASCII key") << QByteArray("{\"é\": 1, \"z\": 2, \"中\": 3}") << false;
        QTest::newRow("escaped key") << QByteArray("{\"a\\\"b\": 1}") << false;
        QTest::newRow("not an object") << QByteArray("[1, 2]") << false;
        QTest::newRow("not JSON") << QByteArray("{\"a\": ") << false;
        QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}") << false;
        QTest::newRow("control character") << QByteArray("{\"a\": \"x\ty\"}") << false;
        QTest::newRow("garbage after") << QByteArray("{\"a\": 1} x") << false;
        QTest::newRow("bare word") << QByteArray("{\"a\": nope}") << false;
    }

    void payloadsAreWrittenAsEncodeRecordsWroteThem()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, fast);
        const std::vector<Row> rows{{"customer", "600000000001", 7, false, json}};
        int fallbacks = -1;
        const QByteArray ours = encoded(rows, &fallbacks);
        QCOMPARE(ours.toHex(), reference(rows).toHex());
        QCOMPARE(fallbacks, fast ? 0 : 1);
    }

    void aPageOfMixedRowsIsTheSameToTheByte()
    {
        std::vector<Row> rows{
            {"staff", "RM01", 1, false, QByteArray("{\"name\": \"李娜\", \"role\": \"rm\", \"staff_id\": \"RM01\"}")},
            {"customer", "6001", 2, false, QByteArray("{\"x\": 1.25}")},
            {"holding", "H1", 3, true, std::nullopt},
            {"holding", "H2", 4, true, QByteArray("{\"a\": 1}")},     // a tombstone's payload is not sent
            {"note", "N1", 5, false, std::nullopt},                   // no payload: an empty map
            {"contact", "C1", Q_INT64_C(5000000000), false, QByteArray("{\"note\": \"好\"}")},
        };
        for (int i = 0; i < 300; ++i)
            rows.push_back({"customer", QByteArray::number(600000000000LL + i), 10 + i, false,
                            QByteArray("{\"name\": \"客户") + QByteArray::number(i) + "\", \"aum_fen\": " + QByteArray::number(i * 1000 - 5000) + "}"});
        QCOMPARE(encoded(rows).toHex(), reference(rows).toHex());
        QCOMPARE(encoded({}).toHex(), reference({}).toHex());
    }
};

QTEST_GUILESS_MAIN(TestPageEncoder)
#include "tst_pageencoder.moc"
