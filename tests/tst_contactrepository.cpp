#include "store/contactrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/outbox.h"
#include "store/pageapplier.h"

#include "storefixture.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class TestContactRepository : public QObject
{
    Q_OBJECT

private:
    StoreFixture m_stores;
    Database freshStore() { return m_stores.fresh(); }
    static Contact sample()
    {
        Contact c;
        c.customerNo = QStringLiteral("600000000001");
        c.staffId = QStringLiteral("RM01");
        c.channel = Contact::Channel::Phone;
        c.outcome = Contact::Outcome::Interested;
        c.contactedAt = QDateTime(QDate(2026, 11, 23), QTime(10, 30), Qt::OffsetFromUTC, 8 * 3600);
        c.note = QStringLiteral("到期后考虑转存一年期");
        c.nextStepDate = QDate(2026, 11, 26);
        return c;
    }

private slots:
    void logWritesTheContactAndItsOutboxEntryTogether()
    {
        Database db = freshStore();
        ContactRepository repo(db);
        const Contact stored = repo.log(sample());
        QVERIFY(!stored.contactId.isEmpty());
        QVERIFY(!stored.deviceId.isEmpty());
        QCOMPARE(stored.deviceId, ContactRepository::deviceId(db)); // stable per store

        const auto contacts = repo.forCustomer(QStringLiteral("600000000001"));
        QCOMPARE(int(contacts.size()), 1);
        QCOMPARE(contacts.front().note, QStringLiteral("到期后考虑转存一年期"));
        QCOMPARE(contacts.front().contactedAt, sample().contactedAt);
        QCOMPARE(contacts.front().nextStepDate, QDate(2026, 11, 26));

        const auto pending = Outbox::peek(db, 10);
        QCOMPARE(int(pending.size()), 1);
        QCOMPARE(pending.front().entity, QStringLiteral("contact"));
        QCOMPARE(pending.front().recordId, stored.contactId);
        QCOMPARE(pending.front().payload.value(QStringLiteral("outcome")).toString(), QStringLiteral("interested"));
        QVERIFY(Outbox::hasPendingFor(db, QStringLiteral("600000000001")));
        QVERIFY(!Outbox::hasPendingFor(db, QStringLiteral("600000000002")));
    }

    void aFailedOutboxWriteLeavesNoContact()
    {
        Database db = freshStore();
        // Given an outbox that refuses writes
        db.exec(QStringLiteral("CREATE TRIGGER no_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END"));
        ContactRepository repo(db);
        QVERIFY_THROWS_EXCEPTION(StoreError, repo.log(sample()));
        // Then the contact is not stored either
        QCOMPARE(int(repo.all().size()), 0);
    }

    void acknowledgeRemovesOnlyWhatHqConfirmed()
    {
        Database db = freshStore();
        ContactRepository repo(db);
        repo.log(sample());
        repo.log(sample());
        repo.log(sample());
        const auto pending = Outbox::peek(db, 10);
        QCOMPARE(int(pending.size()), 3);
        Outbox::acknowledge(db, pending.at(1).seq);
        QCOMPARE(Outbox::pendingCount(db), 1);
        QCOMPARE(Outbox::peek(db, 10).front().seq, pending.at(2).seq);
    }

    void jsonRoundTripAndRemoteApplyIsIdempotent()
    {
        Database db = freshStore();
        ContactRepository repo(db);
        Contact c = sample();
        c.contactId = QStringLiteral("0b9c1f3e-1111-4a4a-9c9c-000000000001");
        c.deviceId = QStringLiteral("other-device");
        c.createdAt = QDateTime(QDate(2026, 11, 23), QTime(10, 31), Qt::OffsetFromUTC, 8 * 3600);
        // Another desktop's contact as a pull writes it (PageApplier), twice.
        const SyncRecord remote{QStringLiteral("contact"), c.contactId, 1, false, ContactRepository::toJson(c)};
        PageApplier::apply(db, std::vector<SyncRecord>{remote}, 1);
        PageApplier::apply(db, std::vector<SyncRecord>{remote}, 2);
        QCOMPARE(int(repo.all().size()), 1);
        const Contact back = repo.all().front();
        QCOMPARE(back.contactId, c.contactId);
        QCOMPARE(back.channel, c.channel);
        QCOMPARE(back.outcome, c.outcome);
        QCOMPARE(back.contactedAt, c.contactedAt);
        QCOMPARE(Outbox::pendingCount(db), 0); // remote records are not sent back up
    }
};

QTEST_GUILESS_MAIN(TestContactRepository)
#include "tst_contactrepository.moc"
