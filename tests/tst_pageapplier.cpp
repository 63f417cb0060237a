#include "store/metatable.h"
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/noterepository.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/outbox.h"
#include "store/pageapplier.h"
#include "store/pulledrecords.h"
#include "store/syncengine.h"
#include "protocol/wireformat.h"

#include <QCborStreamWriter>
#include <QTemporaryDir>
#include <QtTest>

class TestPageApplier : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    Database store()
    {
        Database db = Database::open(m_dir.filePath(QStringLiteral("p%1.db").arg(++m_n)), QStringLiteral("pass-word"),
                                     Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        return db;
    }
    static SyncRecord customer(const QString &no, const QString &name, qint64 aum, qint64 seq)
    {
        return {QStringLiteral("customer"), no, seq, false,
                QJsonObject{{QStringLiteral("customer_no"), no}, {QStringLiteral("name"), name},
                            {QStringLiteral("aum_fen"), double(aum)}, {QStringLiteral("payroll"), 0.0},
                            {QStringLiteral("aum_hist"), QStringLiteral("")}}};
    }
    static qint64 aumOf(Database &db, const QString &no)
    {
        Statement st(db, QStringLiteral("SELECT aum_fen FROM customer WHERE customer_no = ?"));
        st.bind(1, no);
        return st.step() ? st.int64(0) : -1;
    }
    static QString meta(Database &db, const char *key) { return MetaTable::value(db, QString::fromLatin1(key)); }

private slots:
    void insertsThenUpdatesAndMovesTheCursorWithThePage()
    {
        Database db = store();
        PageApplier::Result r = PageApplier::apply(db, {customer(QStringLiteral("C1"), QStringLiteral("张三"), 100, 1),
                                                        customer(QStringLiteral("C2"), QStringLiteral("李四"), 200, 2)}, 2);
        QCOMPARE(r.applied, 2);
        QCOMPARE(meta(db, "sync.cursor"), QStringLiteral("2"));
        r = PageApplier::apply(db, {customer(QStringLiteral("C1"), QStringLiteral("张三"), 150, 3)}, 3);
        QCOMPARE(r.applied, 1);
        QCOMPARE(aumOf(db, QStringLiteral("C1")), 150);
        QCOMPARE(aumOf(db, QStringLiteral("C2")), 200);
        Statement count(db, QStringLiteral("SELECT count(*) FROM customer"));
        QVERIFY(count.step());
        QCOMPARE(count.integer(0), 2);
    }

    // Issue 15: a row that does not fit the store is set aside (quarantined, logged) and the
    // rest of the page is applied; before, it stopped every desktop of the branch on that page.
    void aRowThatDoesNotFitIsSetAsideAndThePageGoesOn()
    {
        Database db = store();
        PageApplier::apply(db, {customer(QStringLiteral("C1"), QStringLiteral("张三"), 100, 1)}, 1);
        SyncRecord bad{QStringLiteral("holding"), QStringLiteral("H1"), 3, false,
                       QJsonObject{{QStringLiteral("holding_id"), QStringLiteral("H1")},
                                   {QStringLiteral("customer_no"), QStringLiteral("C1")},
                                   {QStringLiteral("product_type"), QStringLiteral("lottery")}, // not a product type
                                   {QStringLiteral("product_name"), QStringLiteral("x")},
                                   {QStringLiteral("amount_fen"), 1.0}}};
        const PageApplier::Result r =
            PageApplier::apply(db, {customer(QStringLiteral("C1"), QStringLiteral("张三"), 999, 2), bad}, 3);
        QCOMPARE(r.quarantined, 1);
        QCOMPARE(aumOf(db, QStringLiteral("C1")), 999); // the good row of the page is applied
        QCOMPARE(meta(db, "sync.cursor"), QStringLiteral("3"));
        Statement log(db, QStringLiteral("SELECT entity, record_id FROM sync_log WHERE kind = 'quarantine'"));
        QVERIFY(log.step());
        QCOMPARE(log.text(0), QStringLiteral("holding"));
        QCOMPARE(log.text(1), QStringLiteral("H1"));
    }

    // The desktop decodes a page straight into typed columns (PulledRecords) and applies
    // that; what HQ encodes must arrive in the store unchanged.
    void aPageDecodedFromTheWireArrivesAsItWasSent()
    {
        Database db = store();
        const QJsonObject c1{{QStringLiteral("customer_no"), QStringLiteral("C1")}, {QStringLiteral("name"), QStringLiteral("张三 Zhang")},
                             {QStringLiteral("aum_fen"), 9007199254740993.0}, {QStringLiteral("payroll"), true},
                             {QStringLiteral("phone"), QJsonValue::Null}, {QStringLiteral("aum_hist"), QStringLiteral("")},
                             {QStringLiteral("column_of_a_newer_hq"), QStringLiteral("ignored")}};
        std::vector<SyncRecord> sent{
            {QStringLiteral("customer"), QStringLiteral("C1"), 1, false, c1},
            {QStringLiteral("campaign_target"), QStringLiteral("T1"), 2, false, QJsonObject{{QStringLiteral("x"), 1}}},
            {QStringLiteral("holding"), QStringLiteral("H9"), 3, true, {}},
        };
        // A larger whole number than a double holds exactly, written as a CBOR integer
        QByteArray cbor;
        {
            QCborStreamWriter w(&cbor);
            w.startArray(1);
            w.startMap(4);
            w.append(QLatin1String("e"));
            w.append(QLatin1String("customer"));
            w.append(QLatin1String("i"));
            w.append(QLatin1String("C2"));
            w.append(QLatin1String("s"));
            w.append(qint64(4));
            w.append(QLatin1String("p"));
            w.startMap(3);
            w.append(QLatin1String("aum_fen"));
            w.append(qint64(9007199254740993));
            w.append(QLatin1String("name"));
            w.append(QStringLiteral("李四"));
            w.append(QLatin1String("contribution_fen"));
            w.append(qint64(-42));
            w.endMap();
            w.endMap();
            w.endArray();
        }
        PulledRecords page;
        QString error;
        QVERIFY2(page.decode(WireFormat::encodeRecords(sent), &error), qPrintable(error));
        QCOMPARE(page.size(), size_t(3));
        QCOMPARE(page.idString(page.at(0)), QStringLiteral("C1"));
        QVERIFY(!page.entity(page.at(1))); // unknown to this build: kept, then skipped
        QVERIFY(page.at(2).deleted);
        PageApplier::Result r = PageApplier::apply(db, page, 3);
        QCOMPARE(r.applied, 1);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(r.deleted, 1);
        QVERIFY2(page.decode(cbor, &error), qPrintable(error));
        r = PageApplier::apply(db, page, 4);
        QCOMPARE(r.applied, 1);

        Statement st(db, QStringLiteral("SELECT name, payroll, phone, aum_hist, typeof(aum_hist) FROM customer WHERE customer_no = 'C1'"));
        QVERIFY(st.step());
        QCOMPARE(st.text(0), QStringLiteral("张三 Zhang"));
        QCOMPARE(st.int64(1), 1);
        QVERIFY(st.isNull(2));
        QCOMPARE(st.text(3), QString());
        QCOMPARE(st.text(4), QStringLiteral("text"));
        Statement big(db, QStringLiteral("SELECT aum_fen, name, contribution_fen FROM customer WHERE customer_no = 'C2'"));
        QVERIFY(big.step());
        QCOMPARE(big.int64(0), Q_INT64_C(9007199254740993)); // exactly, not through a double
        QCOMPARE(big.text(1), QStringLiteral("李四"));
        QCOMPARE(big.int64(2), -42);
        QCOMPARE(meta(db, "sync.cursor"), QStringLiteral("4"));
    }

    void aFractionFromTheWireIsNeverStored()
    {
        Database db = store();
        PageApplier::apply(db, {customer(QStringLiteral("C1"), QStringLiteral("张三"), 100, 1)}, 1);
        QJsonObject p{{QStringLiteral("customer_no"), QStringLiteral("C1")}, {QStringLiteral("aum_fen"), 1.5}};
        PulledRecords page;
        QString error;
        QVERIFY(page.decode(WireFormat::encodeRecords({{QStringLiteral("customer"), QStringLiteral("C1"), 2, false, p}}), &error));
        const PageApplier::Result r = PageApplier::apply(db, page, 2);
        QCOMPARE(r.quarantined, 1); // set aside, never converted
        QCOMPARE(r.applied, 0);
        QCOMPARE(aumOf(db, QStringLiteral("C1")), 100);
        QCOMPARE(meta(db, "sync.cursor"), QStringLiteral("2"));
    }

    // Bad pages are refused by the typed decoder exactly as by WireFormat::decodeRecords
    // (which HQ uses for pushes): same verdict, same message.
    void badRecordsAreRefusedWithAMessage_data()
    {
        QTest::addColumn<QByteArray>("cbor");
        QTest::addColumn<QString>("message");
        auto record = [](const std::function<void(QCborStreamWriter &)> &fields, int n) {
            QByteArray out;
            QCborStreamWriter w(&out);
            w.startArray(1);
            w.startMap(quint64(n));
            fields(w);
            w.endMap();
            w.endArray();
            return out;
        };
        auto withPayloadValue = [&](const std::function<void(QCborStreamWriter &)> &value) {
            return record([&](QCborStreamWriter &w) {
                w.append(QLatin1String("e"));
                w.append(QLatin1String("customer"));
                w.append(QLatin1String("i"));
                w.append(QLatin1String("C1"));
                w.append(QLatin1String("p"));
                w.startMap(1);
                w.append(QLatin1String("name"));
                value(w);
                w.endMap();
            }, 3);
        };
        QTest::newRow("not an array") << QByteArray::fromHex("a0") << "expected an array";
        QTest::newRow("not a record map") << QByteArray::fromHex("8101") << "expected a record map";
        QTest::newRow("array longer than the body") << QByteArray::fromHex("9bffffffffffffffff") << "array length exceeds the body";
        QTest::newRow("integer key") << record([](QCborStreamWriter &w) { w.append(1); w.append(1); }, 1) << "expected a text key";
        QTest::newRow("entity not text") << record([](QCborStreamWriter &w) { w.append(QLatin1String("e")); w.append(7); }, 1)
                                         << "entity must be text";
        QTest::newRow("id not text") << record([](QCborStreamWriter &w) { w.append(QLatin1String("i")); w.append(QByteArray("C1")); }, 1)
                                     << "id must be text";
        QTest::newRow("seq not an integer") << record([](QCborStreamWriter &w) { w.append(QLatin1String("s")); w.append(1.0); }, 1)
                                            << "seq must be an integer";
        QTest::newRow("deleted not a boolean") << record([](QCborStreamWriter &w) { w.append(QLatin1String("d")); w.append(1); }, 1)
                                               << "deleted must be a boolean";
        QTest::newRow("payload not a map") << record([](QCborStreamWriter &w) { w.append(QLatin1String("p")); w.startArray(0); w.endArray(); }, 1)
                                           << "payload must be a map";
        QTest::newRow("no id") << record([](QCborStreamWriter &w) { w.append(QLatin1String("e")); w.append(QLatin1String("customer")); }, 1)
                               << "record without entity or id";
        QTest::newRow("empty entity") << record([](QCborStreamWriter &w) {
            w.append(QLatin1String("e")); w.append(QLatin1String("")); w.append(QLatin1String("i")); w.append(QLatin1String("C1"));
        }, 2) << "record without entity or id";
        QTest::newRow("array value") << withPayloadValue([](QCborStreamWriter &w) { w.startArray(0); w.endArray(); }) << "bad payload field";
        QTest::newRow("map value") << withPayloadValue([](QCborStreamWriter &w) { w.startMap(0); w.endMap(); }) << "bad payload field";
        QTest::newRow("byte string value") << withPayloadValue([](QCborStreamWriter &w) { w.append(QByteArray("x")); }) << "bad payload field";
        QTest::newRow("float value") << withPayloadValue([](QCborStreamWriter &w) { w.append(1.5f); }) << "bad payload field";
        QTest::newRow("tagged value") << withPayloadValue([](QCborStreamWriter &w) { w.append(QCborKnownTags::DateTimeString); w.append(QLatin1String("x")); })
                                      << "bad payload field";
        // Text that is not UTF-8: an overlong '/', a lone surrogate, a cut sequence, above U+10FFFF
        for (const char *hex : {"c0af", "eda080", "e4b8", "f4908080"}) {
            const QByteArray bad = QByteArray::fromHex(hex);
            QByteArray cbor = withPayloadValue([&](QCborStreamWriter &w) { w.appendTextString(bad.constData(), bad.size()); });
            QTest::newRow(qPrintable(QStringLiteral("not UTF-8 %1").arg(QLatin1String(hex)))) << cbor << "bad payload field";
            cbor = record([&](QCborStreamWriter &w) { w.append(QLatin1String("i")); w.appendTextString(bad.constData(), bad.size()); }, 1);
            QTest::newRow(qPrintable(QStringLiteral("id not UTF-8 %1").arg(QLatin1String(hex)))) << cbor << "id must be text";
        }
        QTest::newRow("text longer than the body") << withPayloadValue([](QCborStreamWriter &w) { w.append(QLatin1String("x")); }).replace(
                                                          QByteArray::fromHex("6178"), QByteArray::fromHex("7b7fffffffffffffff78"))
                                                   << "bad payload field";
        QByteArray cut = WireFormat::encodeRecords({customer(QStringLiteral("C1"), QStringLiteral("张三"), 100, 1)});
        cut.chop(3);
        QTest::newRow("cut short") << cut << "bad payload";
    }

    void badRecordsAreRefusedWithAMessage()
    {
        QFETCH(QByteArray, cbor);
        QFETCH(QString, message);
        PulledRecords page;
        QString error;
        QVERIFY(!page.decode(cbor, &error));
        QVERIFY(page.empty());
        QVERIFY2(error.startsWith(QStringLiteral("records: ") + message), qPrintable(error));
        std::vector<SyncRecord> records;
        QString reference;
        QVERIFY(!WireFormat::decodeRecords(cbor, &records, &reference));
        QCOMPARE(error, reference);
    }

    void unknownEntitiesAreSkippedNotFatal()
    {
        Database db = store();
        const PageApplier::Result r = PageApplier::apply(
            db, {SyncRecord{QStringLiteral("campaign_target"), QStringLiteral("T1"), 1, false, {}},
                 customer(QStringLiteral("C1"), QStringLiteral("张三"), 100, 2)}, 2);
        QCOMPARE(r.skipped, 1);
        QCOMPARE(r.applied, 1);
    }

    void aRemovedCustomerWithUnsentContactsWaitsForThem()
    {
        Database db = store();
        PageApplier::apply(db, {customer(QStringLiteral("C1"), QStringLiteral("张三"), 100, 1)}, 1);
        Contact c;
        c.customerNo = QStringLiteral("C1");
        c.staffId = QStringLiteral("RM01");
        c.contactedAt = QDateTime::currentDateTime();
        ContactRepository(db).log(c);
        // HQ removes the customer while the contact is still unsent
        const PageApplier::Result r =
            PageApplier::apply(db, {SyncRecord{QStringLiteral("customer"), QStringLiteral("C1"), 2, true, {}}}, 2);
        QCOMPARE(r.deferredPurges, 1);
        QCOMPARE(aumOf(db, QStringLiteral("C1")), 100);
        QCOMPARE(PageApplier::purgeDeferred(db), 0); // still unsent
        // Once HQ acknowledged the contact, the customer goes, with a line in the sync log
        Outbox::acknowledge(db, Outbox::peek(db, 10).back().seq);
        QCOMPARE(PageApplier::purgeDeferred(db), 1);
        QCOMPARE(aumOf(db, QStringLiteral("C1")), -1);
        Statement log(db, QStringLiteral("SELECT kind FROM sync_log ORDER BY id"));
        QStringList kinds;
        while (log.step())
            kinds << log.text(0);
        QCOMPARE(kinds, (QStringList{QStringLiteral("purge_deferred"), QStringLiteral("purged")}));
    }

    void anUnsentNoteEditIsKeptAgainstAnIncomingOne()
    {
        Database db = store();
        const QString id = NoteRepository(db).save({{}, QStringLiteral("C1"), QStringLiteral("本机的修改"), QStringLiteral("RM01"), {}}).noteId;
        const SyncRecord incoming{QStringLiteral("note"), id, 5, false,
                                  QJsonObject{{QStringLiteral("note_id"), id}, {QStringLiteral("customer_no"), QStringLiteral("C1")},
                                              {QStringLiteral("body"), QStringLiteral("别处的修改")},
                                              {QStringLiteral("author_id"), QStringLiteral("RM02")},
                                              {QStringLiteral("updated_at"), QStringLiteral("2026-11-23T10:00:00")},
                                              {QStringLiteral("device_id"), QStringLiteral("other")}}};
        const PageApplier::Result r = PageApplier::apply(db, {incoming}, 5);
        QCOMPARE(r.conflicts, 1);
        QCOMPARE(NoteRepository(db).forCustomer(QStringLiteral("C1")).front().body, QStringLiteral("本机的修改"));
        // Once ours was sent, a later edit from elsewhere replaces it and ours goes to history
        Outbox::acknowledge(db, Outbox::peek(db, 10).back().seq);
        PageApplier::apply(db, {incoming}, 6);
        QCOMPARE(NoteRepository(db).forCustomer(QStringLiteral("C1")).front().body, QStringLiteral("别处的修改"));
        QCOMPARE(NoteRepository(db).history(id).front().body, QStringLiteral("本机的修改"));
    }
};

QTEST_GUILESS_MAIN(TestPageApplier)
#include "tst_pageapplier.moc"
