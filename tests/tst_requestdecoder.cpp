// HQ's request parsing on its own (hq/requestdecoder): body limits before and after
// inflating, a "zip bomb" stopped as it inflates, malformed bodies refused with a
// message that names the field and never the value sent. fuzz/fuzz_hqrequest.cpp
// throws random bytes at the same functions.
#include "requestdecoder.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QElapsedTimer>
#include <QtTest>

class TestRequestDecoder : public QObject
{
    Q_OBJECT

private slots:
    void bodiesAreLimitedBeforeAndAfterInflating()
    {
        QByteArray out;
        QString error;
        bool tooLarge = false;
        // Given a body at the limit and one byte over
        QVERIFY(RequestDecoder::body(QByteArray(1000, 'a'), {}, 1000, &out, &error, &tooLarge));
        QCOMPARE(out.size(), 1000);
        QVERIFY(!RequestDecoder::body(QByteArray(1001, 'a'), {}, 1000, &out, &error, &tooLarge));
        QVERIFY(tooLarge);
        QVERIFY(error.contains(QStringLiteral("1000")));
        // A deflated body within the limit inflates
        QVERIFY(RequestDecoder::body(WireFormat::deflate(QByteArray(1000, 'b')), "deflate", 1000, &out, &error, &tooLarge));
        QCOMPARE(out, QByteArray(1000, 'b'));
        QVERIFY(!tooLarge);
    }

    void aZipBombStopsAtTheLimit()
    {
        // Given 256 MiB of zeros deflated into a few hundred KB
        const QByteArray compressed = WireFormat::deflate(QByteArray(256 * 1024 * 1024, '\0'));
        QVERIFY(compressed.size() < 8 * 1024 * 1024);
        // When HQ reads it with a 64 MiB limit
        QByteArray out;
        QString error;
        bool tooLarge = false;
        QElapsedTimer t;
        t.start();
        QVERIFY(!RequestDecoder::body(compressed, "deflate", 64 * 1024 * 1024, &out, &error, &tooLarge));
        // Then it stops at the limit: refused as too large, nothing kept
        QVERIFY(tooLarge);
        QVERIFY(out.isEmpty());
        QVERIFY(error.contains(QStringLiteral("inflated")));
        qInfo("zip bomb of %lld bytes refused after %lld ms", qint64(compressed.size()), qint64(t.elapsed()));
    }

    void brokenDeflateIsABadRequest()
    {
        QByteArray out;
        QString error;
        bool tooLarge = true;
        const QByteArray good = WireFormat::deflate(QByteArray(5000, 'c'));
        QVERIFY(!RequestDecoder::body(good.left(good.size() / 2), "deflate", 1 << 20, &out, &error, &tooLarge));
        QVERIFY(!tooLarge);
        QVERIFY(!RequestDecoder::body(good + "trailing", "deflate", 1 << 20, &out, &error, &tooLarge));
        QVERIFY(!RequestDecoder::body(QByteArrayLiteral("not zlib"), "deflate", 1 << 20, &out, &error, &tooLarge));
        QVERIFY(!RequestDecoder::body(good, "gzip", 1 << 20, &out, &error, &tooLarge));
        QVERIFY(error.contains(QStringLiteral("Content-Encoding")));
    }

    void loginBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("json");
        QTest::addColumn<bool>("ok");
        QCborMap good;
        good.insert(QLatin1String("staff_id"), QStringLiteral("RM01"));
        good.insert(QLatin1String("password"), QStringLiteral("张三13812345678"));
        good.insert(QLatin1String("device"), QStringLiteral("d1"));
        QTest::newRow("cbor") << good.toCborValue().toCbor() << false << true;
        QTest::newRow("json") << QByteArrayLiteral(R"({"staff_id":"RM01","password":"张三13812345678","device":"d1"})") << true
                              << true;
        QCborMap number = good;
        number.insert(QLatin1String("staff_id"), 7);
        QTest::newRow("staff id not text") << number.toCborValue().toCbor() << false << false;
        QCborMap missing = good;
        missing.remove(QLatin1String("device"));
        QTest::newRow("device missing") << missing.toCborValue().toCbor() << false << false;
        QTest::newRow("array") << QCborValue(QCborArray{1, 2}).toCbor() << false << false;
        QTest::newRow("json in cbor clothing") << QByteArrayLiteral(R"({"staff_id":"RM01"})") << false << false;
        QTest::newRow("truncated") << good.toCborValue().toCbor().chopped(3) << false << false;
    }

    void loginBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, json);
        QFETCH(bool, ok);
        RequestDecoder::Login login;
        QString error;
        QCOMPARE(RequestDecoder::login(body, json ? RequestDecoder::Format::Json : RequestDecoder::Format::Cbor, &login, &error), ok);
        if (ok) {
            QCOMPARE(login.staffId, QStringLiteral("RM01"));
            QCOMPARE(login.password, QStringLiteral("张三13812345678"));
        } else {
            QVERIFY(!error.isEmpty());
            QVERIFY(!error.contains(QStringLiteral("13812345678"))); // never the value sent
        }
    }

    void pushBodies()
    {
        RequestDecoder::Login unused;
        WireFormat::PushBatch batch;
        QString error;
        // JSON push: a seq that is not a whole number in range is refused, not converted
        QVERIFY(!RequestDecoder::push(R"({"device":"d","records":[{"entity":"contact","id":"c","seq":1e300}]})",
                                      RequestDecoder::Format::Json, &batch, &error));
        QVERIFY(error.contains(QStringLiteral("records[0]")));
        QVERIFY(batch.records.empty());
        QVERIFY(!RequestDecoder::push(R"({"device":"d","records":[{"entity":"contact","id":"c","seq":-1}]})",
                                      RequestDecoder::Format::Json, &batch, &error));
        QVERIFY(!RequestDecoder::push(R"({"device":"d","records":[{"id":"c","seq":1}]})", RequestDecoder::Format::Json, &batch,
                                      &error));
        QVERIFY(RequestDecoder::push(R"({"device":"d","schema":5,"records":[{"entity":"contact","id":"c","seq":9007199254740992}]})",
                                     RequestDecoder::Format::Json, &batch, &error));
        QCOMPARE(batch.records.size(), size_t(1));
        QCOMPARE(batch.records.front().seq, qint64(9007199254740992));
        // CBOR push round trip
        WireFormat::PushBatch sent;
        sent.schemaVersion = 5;
        sent.deviceId = QStringLiteral("dev");
        sent.records.push_back({QStringLiteral("note"), QStringLiteral("n1"), 3, false, QJsonObject{{QStringLiteral("body"), QStringLiteral("x")}}});
        QVERIFY(RequestDecoder::push(WireFormat::encodePush(sent), RequestDecoder::Format::Cbor, &batch, &error));
        QCOMPARE(batch.deviceId, QStringLiteral("dev"));
        QCOMPARE(batch.records.front().payload.value(QStringLiteral("body")).toString(), QStringLiteral("x"));
        QVERIFY(!RequestDecoder::push(WireFormat::encodePush(sent).chopped(2), RequestDecoder::Format::Cbor, &batch, &error));
        // A schema number far outside qint64 (found by fuzz_hqrequest) reads as absent, not as UB
        QCborMap huge;
        huge.insert(QLatin1String("schema"), -2.31677e54);
        huge.insert(QLatin1String("device"), QStringLiteral("d"));
        huge.insert(QLatin1String("records"), WireFormat::encodeRecords({}));
        QVERIFY(RequestDecoder::push(huge.toCborValue().toCbor(), RequestDecoder::Format::Cbor, &batch, &error));
        QCOMPARE(batch.schemaVersion, 0);
        Q_UNUSED(unused);
    }
};

QTEST_GUILESS_MAIN(TestRequestDecoder)
#include "tst_requestdecoder.moc"
