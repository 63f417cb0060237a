#include "store/contactrepository.h"
#include "store/database.h"
#include "store/noterepository.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "sync/outbox.h"
#include "sync/pageapplier.h"
#include "sync/syncengine.h"
#include "sync/wireformat.h"

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
    static QString meta(Database &db, const char *key) { return SyncEngine::metaValue(db, QString::fromLatin1(key)); }

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

    void aRowThatDoesNotFitRollsBackTheWholePage()
    {
        Database db = store();
        PageApplier::apply(db, {customer(QStringLiteral("C1"), QStringLiteral("张三"), 100, 1)}, 1);
        SyncRecord bad{QStringLiteral("holding"), QStringLiteral("H1"), 3, false,
                       QJsonObject{{QStringLiteral("holding_id"), QStringLiteral("H1")},
                                   {QStringLiteral("customer_no"), QStringLiteral("C1")},
                                   {QStringLiteral("product_type"), QStringLiteral("lottery")}, // not a product type
                                   {QStringLiteral("product_name"), QStringLiteral("x")},
                                   {QStringLiteral("amount_fen"), 1.0}}};
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 PageApplier::apply(db, {customer(QStringLiteral("C1"), QStringLiteral("张三"), 999, 2), bad}, 3));
        QCOMPARE(aumOf(db, QStringLiteral("C1")), 100); // the good row of the page was rolled back too
        QCOMPARE(meta(db, "sync.cursor"), QStringLiteral("1"));
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
