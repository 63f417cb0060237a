// Issue 19's page cache (hq/pagecache): PageCache on its own (versions, keys, the memory
// bound), then the real branchdesk-hq: a repeated pull is answered from the cache (hq's
// "page cache hit" lines, switched on by QT_LOGGING_RULES), a write makes the next pull
// build its pages anew with the write in them, and an RM never gets another RM's pages.
#include "hqfixture.h"
#include "pagecache.h"
#include "pgconnection.h"

#include "domain/contact.h"
#include "domain/demogenerator.h"
#include "store/contactrepository.h"
#include "store/schemamigrations.h"
#include "store/database.h"
#include "protocol/hqclient.h"
#include "store/syncengine.h"
#include "protocol/wireformat.h"

#include <QSet>
#include <QtTest>

namespace {
const QString kBranch = QStringLiteral("DEMO007");
const QString kPassword = QStringLiteral("staff-password-1");

// What one device pulled from 0 to the end, pages of 200.
struct Pulled
{
    QSet<QString> customers;
    QSet<QString> ids; // entity/id
    int pages = 0;
    QString error;
};
} // namespace

class TestPageCache : public QObject
{
    Q_OBJECT

    HqFixture m_hq;
    BranchData m_branch;
    QHash<QString, QString> m_tokens; // by device

    QSet<QString> ownCustomers(const QString &rm) const
    {
        QSet<QString> out;
        for (const Customer &c : m_branch.customers)
            if (c.rmId == rm)
                out.insert(c.customerNo);
        return out;
    }
    QString token(const QString &staff, const QString &device)
    {
        if (!m_tokens.contains(device)) {
            HqClient client(m_hq.url());
            HqClient::Login login;
            if (client.login(kBranch, staff, kPassword, device, &login) == HqClient::Status::Ok)
                m_tokens.insert(device, login.token);
        }
        return m_tokens.value(device);
    }
    Pulled pullAll(const QString &staff, const QString &device)
    {
        Pulled out;
        HqClient client(m_hq.url());
        client.setToken(token(staff, device));
        qint64 cursor = 0;
        for (bool more = true; more && out.error.isEmpty();) {
            WireFormat::Page page;
            std::vector<SyncRecord> records;
            QString err;
            if (client.pull(kBranch, cursor, 200, &page) != HqClient::Status::Ok || !WireFormat::verify(page)
                || !WireFormat::decodeRecords(page.records, &records, &err)) {
                out.error = client.lastError() + err;
                break;
            }
            for (const SyncRecord &r : records) {
                out.ids.insert(r.entity + QLatin1Char('/') + r.id);
                if (r.entity == QLatin1String("customer"))
                    out.customers.insert(r.id);
            }
            ++out.pages;
            cursor = page.next;
            more = page.hasMore;
        }
        return out;
    }
    // hq's "page cache hit" lines so far (those naming `viewer` when given).
    int hits(const QString &viewer = QString())
    {
        QTest::qWait(300); // hq wrote the line before it answered; let the pipe be read
        int n = 0;
        for (const QByteArray &line : m_hq.serverOutput().split('\n'))
            n += line.contains("page cache hit") && (viewer.isEmpty() || line.contains(" viewer=" + viewer.toLatin1() + ' '));
        return n;
    }

private slots:
    void aPageIsFoundOnlyUnderItsKeyAndVersion()
    {
        PageCache cache(1024 * 1024);
        const PageCache::Version v1{10, 10, 0}, v2{11, 11, 0};
        const QString rm1 = PageCache::key(kBranch, QStringLiteral("r:RM01"), 0, 200);
        cache.insert(rm1, v1, {QByteArray("rm01 page"), 9});
        PageCache::Page p;
        QVERIFY(cache.find(rm1, v1, &p));
        QCOMPARE(p.deflated, QByteArray("rm01 page"));
        QVERIFY(!cache.find(rm1, v2, &p));                                                      // a write moved the version
        QVERIFY(!cache.find(rm1, {10, 9, 0}, &p));                                              // a rescope did
        QVERIFY(!cache.find(rm1, {10, 10, 3}, &p));                                             // a prune did
        QVERIFY(!cache.find(PageCache::key(kBranch, QStringLiteral("r:RM02"), 0, 200), v1, &p)); // another RM
        QVERIFY(!cache.find(PageCache::key(kBranch, QStringLiteral("m"), 0, 200), v1, &p));      // a manager
        QVERIFY(!cache.find(PageCache::key(QStringLiteral("DEMO008"), QStringLiteral("r:RM01"), 0, 200), v1, &p));
        QVERIFY(!cache.find(PageCache::key(kBranch, QStringLiteral("r:RM01"), 0, 100), v1, &p));
        QVERIFY(!cache.find(PageCache::key(kBranch, QStringLiteral("r:RM01"), 1, 200), v1, &p));
        QCOMPARE(cache.hits(), 1);
        QCOMPARE(cache.misses(), 8);
    }

    // A page stamped at an older version is good again only when every number taken since
    // went to an audit entry (a desktop's sign-in) and nothing else holds one.
    void onlyAuditEntriesSinceKeepAPage()
    {
        const PageCache::Version v{10, 10, 0};
        QVERIFY(PageCache::onlyAuditSince(v, {12, 12, 0}, 2, 0));  // two sign-ins, scoped along
        QVERIFY(PageCache::onlyAuditSince(v, {11, 10, 0}, 1, 0));  // not scoped yet: the mark stayed
        QVERIFY(!PageCache::onlyAuditSince(v, {12, 12, 0}, 1, 0)); // a number went elsewhere (moved on)
        QVERIFY(!PageCache::onlyAuditSince(v, {12, 12, 0}, 2, 1)); // a contact or a removal
        QVERIFY(!PageCache::onlyAuditSince(v, {12, 12, 3}, 2, 0)); // a prune
        QVERIFY(!PageCache::onlyAuditSince(v, {12, 11, 0}, 2, 0)); // scoped part way
        QVERIFY(!PageCache::onlyAuditSince({10, 8, 0}, {12, 12, 0}, 2, 0)); // was behind, now caught up
        QVERIFY(!PageCache::onlyAuditSince(v, v, 0, 0));
        PageCache cache(1024 * 1024);
        const QString key = PageCache::key(kBranch, QStringLiteral("m"), 0, 200);
        cache.insert(key, v, {QByteArray("page"), 4});
        PageCache::Page p;
        PageCache::Version stale;
        QVERIFY(!cache.find(key, {12, 12, 0}, &p, &stale));
        QCOMPARE(stale, v);
        QVERIFY(!cache.restamp(key, {9, 9, 0}, {12, 12, 0}, &p)); // not the version it holds
        QVERIFY(cache.restamp(key, v, {12, 12, 0}, &p));
        QCOMPARE(p.deflated, QByteArray("page"));
        QVERIFY(cache.find(key, {12, 12, 0}, &p));
        QCOMPARE(cache.hits(), 2);
        QCOMPARE(cache.misses(), 0);
    }

    void theCacheKeepsToItsSizeOldestOut()
    {
        PageCache cache(64 * 1024);
        const PageCache::Version v{1, 1, 0};
        auto key = [](int i) { return PageCache::key(kBranch, QStringLiteral("m"), i, 200); };
        for (int i = 0; i < 10; ++i)
            cache.insert(key(i), v, {QByteArray(10 * 1024, char('a' + i)), 0});
        PageCache::Page p;
        QVERIFY(!cache.find(key(0), v, &p));
        QVERIFY(cache.find(key(9), v, &p));
        QCOMPARE(p.deflated.at(0), 'j');
        cache.insert(key(99), v, {QByteArray(17 * 1024, 'x'), 0}); // over a quarter: not kept
        QVERIFY(!cache.find(key(99), v, &p));
        QVERIFY(PageCache::deviceFree(QByteArray("\x68" "customer")));
        QVERIFY(!PageCache::deviceFree(QByteArray("\x69" "device_id")));
    }

    void initTestCase()
    {
        QVERIFY2(m_hq.start(), qPrintable(m_hq.lastError()));
        QVERIFY(DemoGenerator::generate({1000, 7, QDate(2026, 11, 23)}, &m_branch));
        QVERIFY2(m_hq.importBranch(m_branch, kBranch, QStringLiteral("extract.csv"), QStringLiteral("RM01"),
                                   QStringLiteral("客户经理"), kPassword),
                 qPrintable(m_hq.lastError()));
        QVERIFY2(m_hq.hq({QStringLiteral("add-staff"), QStringLiteral("--branch"), kBranch, QStringLiteral("--id"),
                          QStringLiteral("RM02"), QStringLiteral("--name"), QStringLiteral("员工"), QStringLiteral("--role"),
                          QStringLiteral("rm")},
                         kPassword.toUtf8() + '\n'),
                 qPrintable(m_hq.lastError()));
        QVERIFY(ownCustomers(QStringLiteral("RM01")).size() > 50 && ownCustomers(QStringLiteral("RM02")).size() > 50);
        qputenv("QT_LOGGING_RULES", "branchdesk.hq.pagecache.debug=true");
        QVERIFY2(m_hq.startServer(), qPrintable(m_hq.lastError()));
        qunsetenv("QT_LOGGING_RULES");
    }

    void cleanupTestCase() { m_hq.stop(); }

    // Given RM01's first desktop pulled the branch, when RM01's second desktop pulls it,
    // then its pages come from the cache and hold the same customers, RM01's own.
    void aRepeatedPullIsServedFromTheCache()
    {
        const Pulled first = pullAll(QStringLiteral("RM01"), QStringLiteral("pc-a"));
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        QVERIFY(first.pages > 2);
        const int before = hits();
        const Pulled second = pullAll(QStringLiteral("RM01"), QStringLiteral("pc-b"));
        QVERIFY2(second.error.isEmpty(), qPrintable(second.error));
        const int served = hits() - before;
        qInfo("RM01's second desktop: %d pages, %d from the cache", second.pages, served);
        QVERIFY(served >= 1);
        QCOMPARE(second.customers, first.customers);
        QVERIFY(first.customers.contains(ownCustomers(QStringLiteral("RM01"))));
    }

    // Given RM01's pages are in the cache, when RM02 pulls, then RM02 gets RM02's customers
    // and none of RM01's, and none of RM02's pages came from RM01's entries.
    void anRmNeverGetsAnotherRmsPages()
    {
        const Pulled rm01 = pullAll(QStringLiteral("RM01"), QStringLiteral("pc-a"));
        const Pulled rm02 = pullAll(QStringLiteral("RM02"), QStringLiteral("pc-c"));
        QVERIFY2(rm01.error.isEmpty() && rm02.error.isEmpty(), qPrintable(rm01.error + rm02.error));
        QCOMPARE(hits(QStringLiteral("r:RM02")), 0); // RM02's first pull: nothing of theirs was kept yet
        const QSet<QString> own1 = ownCustomers(QStringLiteral("RM01")), own2 = ownCustomers(QStringLiteral("RM02"));
        QVERIFY(rm02.customers.contains(own2));
        QVERIFY(!rm02.customers.intersects(own1));
        QVERIFY(!rm01.customers.intersects(own2));
        QVERIFY(rm01.customers != rm02.customers);
        const Pulled again = pullAll(QStringLiteral("RM02"), QStringLiteral("pc-c"));
        QVERIFY(hits(QStringLiteral("r:RM02")) >= 1); // now RM02's own pages are kept
        QCOMPARE(again.customers, rm02.customers);
    }

    // Given RM01's pages are in the cache, when RM01 pushes a contact, then the next pull
    // builds its pages anew (no hit) and the contact is in them; the pull after hits again.
    void aWriteMakesTheCachedPagesOld()
    {
        pullAll(QStringLiteral("RM01"), QStringLiteral("pc-b")); // the cache holds the current version
        Contact contact;
        contact.contactId = QStringLiteral("cache-test-contact");
        contact.customerNo = *ownCustomers(QStringLiteral("RM01")).cbegin();
        contact.staffId = QStringLiteral("RM01");
        contact.contactedAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0));
        contact.createdAt = contact.contactedAt;
        contact.deviceId = QStringLiteral("pc-a");
        WireFormat::PushBatch batch;
        batch.schemaVersion = SchemaMigrations::latestVersion();
        batch.deviceId = QStringLiteral("pc-a");
        batch.records.push_back({QStringLiteral("contact"), contact.contactId, 1, false, ContactRepository::toJson(contact)});
        HqClient client(m_hq.url());
        client.setToken(token(QStringLiteral("RM01"), QStringLiteral("pc-a")));
        WireFormat::PushResult result;
        QCOMPARE(client.push(kBranch, batch, &result), HqClient::Status::Ok);
        QCOMPARE(result.ackedThrough, qint64(1));
        const int before = hits();
        const Pulled after = pullAll(QStringLiteral("RM01"), QStringLiteral("pc-b"));
        QVERIFY2(after.error.isEmpty(), qPrintable(after.error));
        QCOMPARE(hits(), before); // every page built anew
        QVERIFY(after.ids.contains(QStringLiteral("contact/cache-test-contact")));
        pullAll(QStringLiteral("RM01"), QStringLiteral("pc-b"));
        QVERIFY(hits() > before);
    }

    // Given RM01's pages are in the cache, when another desktop signs in and syncs (its
    // sign-in's audit entry takes the branch's next numbers), then RM01's next pull is
    // served wholly from the cache: no viewer pulls audit entries, so no page changed.
    void aSignInLeavesTheCachedPagesGood()
    {
        const Pulled first = pullAll(QStringLiteral("RM01"), QStringLiteral("pc-b"));
        QVERIFY2(first.error.isEmpty(), qPrintable(first.error));
        PgConnection pg(m_hq.conninfo());
        auto lastSeq = [&] { return pg.exec("SELECT last_seq FROM branch WHERE branch_id = $1", {kBranch}).int64(0, 0); };
        const qint64 seqBefore = lastSeq();
        QTemporaryDir dir;
        {
            Database db = Database::open(dir.filePath(QStringLiteral("rm02.db")), QStringLiteral("desk-pass"),
                                         Database::OpenMode::CreateIfMissing);
            SyncEngine::Settings s;
            s.hq = m_hq.url();
            s.staffId = QStringLiteral("RM02");
            s.password = kPassword;
            s.timeoutMs = 60000;
            const SyncEngine::Report report = SyncEngine::run(db, s);
            QVERIFY2(report.ok, qPrintable(report.error));
            QVERIFY(report.pushed >= 1); // the sign-in entry
        }
        const qint64 seqAfter = lastSeq();
        QVERIFY(seqAfter > seqBefore);
        QCOMPARE(pg.exec("SELECT count(*) FROM record WHERE branch_id = $1 AND seq > $2 AND entity = 'audit'",
                         {kBranch, QString::number(seqBefore)})
                     .int64(0, 0),
                 seqAfter - seqBefore);
        const int before = hits(QStringLiteral("r:RM01"));
        const Pulled again = pullAll(QStringLiteral("RM01"), QStringLiteral("pc-b"));
        QVERIFY2(again.error.isEmpty(), qPrintable(again.error));
        QCOMPARE(hits(QStringLiteral("r:RM01")) - before, again.pages);
        QCOMPARE(again.ids, first.ids);
    }
};

QTEST_GUILESS_MAIN(TestPageCache)
#include "tst_pagecache.moc"
