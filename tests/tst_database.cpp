#include "domain/demogenerator.h"
#include "store/branchrepository.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/storekey.h"
#include "store/transaction.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QByteArray fileHash(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

private slots:
    void migratesFromEmpty()
    {
        // Given a new, empty store
        Database db = Database::open(path(QStringLiteral("m.db")), QStringLiteral("secret-1"),
                                     Database::OpenMode::CreateIfMissing);
        QCOMPARE(SchemaMigrations::currentVersion(db), 0);
        // When it is migrated
        QCOMPARE(SchemaMigrations::migrate(db), SchemaMigrations::latestVersion());
        // Then it is at the latest version with every table, and a second run does nothing
        QCOMPARE(SchemaMigrations::currentVersion(db), SchemaMigrations::latestVersion());
        QStringList tables;
        Statement st(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        while (st.step())
            tables << st.text(0);
        for (const char *t : {"branch", "customer", "holding", "meta", "staff", "contact", "note", "note_history",
                              "outbox", "sync_log", "pending_purge"})
            QVERIFY2(tables.contains(QLatin1String(t)), t);
        QCOMPARE(SchemaMigrations::migrate(db), 0);
        Statement mode(db, QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(mode.step());
        QCOMPARE(mode.text(0), QStringLiteral("wal"));
    }

    void refusesNewerSchema()
    {
        Database db = Database::open(path(QStringLiteral("future.db")), QStringLiteral("secret-1"),
                                     Database::OpenMode::CreateIfMissing);
        db.exec(QStringLiteral("PRAGMA user_version = 999"));
        QVERIFY_THROWS_EXCEPTION(StoreError, SchemaMigrations::migrate(db));
    }

    void failedTransactionLeavesNoTrace()
    {
        Database db = Database::open(path(QStringLiteral("tx.db")), QStringLiteral("secret-1"),
                                     Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        // Given a unit of work that inserts staff, then fails on a duplicate key
        try {
            Transaction tx(db);
            Statement ins(db, QStringLiteral("INSERT INTO staff (staff_id, name, role) VALUES (?, ?, 'rm')"));
            ins.bind(1, QStringLiteral("RM01")).bind(2, QStringLiteral("甲")).execute();
            ins.bind(1, QStringLiteral("RM02")).bind(2, QStringLiteral("乙")).execute();
            ins.bind(1, QStringLiteral("RM01")).bind(2, QStringLiteral("丙")).execute(); // throws
            tx.commit();
            QFAIL("the duplicate insert should have thrown");
        } catch (const StoreError &e) {
            QCOMPARE(e.kind(), StoreError::Kind::Constraint);
        }
        // Then none of its rows remain, and the store takes new work
        Statement count(db, QStringLiteral("SELECT count(*) FROM staff"));
        QVERIFY(count.step());
        QCOMPARE(count.integer(0), 0);
        {
            Transaction tx(db);
            db.exec(QStringLiteral("INSERT INTO staff VALUES ('RM09', '丁', 'rm')"));
            tx.commit();
        }
        Statement again(db, QStringLiteral("SELECT count(*) FROM staff"));
        QVERIFY(again.step());
        QCOMPARE(again.integer(0), 1);
    }

    void cancelledBulkWriteKeepsThePreviousBranch()
    {
        const QString file = path(QStringLiteral("cancel.db"));
        DemoGenerator::Options small{50, 3, QDate(2026, 11, 23)};
        QVERIFY(BranchStore::createDemo(file, QStringLiteral("secret-1"), small));
        // When a second, larger write is cancelled half-way
        DemoGenerator::Options big{20000, 4, QDate(2026, 11, 23)};
        const bool done = BranchStore::createDemo(file, QStringLiteral("secret-1"), big,
                                                  [](const char *stage, int doneRows, int) {
                                                      return !(QByteArray(stage).startsWith("Writing") && doneRows >= 10000);
                                                  });
        QVERIFY(!done);
        // Then the store still holds the first branch, whole
        Database db = Database::open(file, QStringLiteral("secret-1"), Database::OpenMode::ExistingOnly);
        QCOMPARE(BranchRepository(db).customerCount(), 50);
    }

    void storeBytesHoldNoPersonalData()
    {
        const QString file = path(QStringLiteral("plain.db"));
        DemoGenerator::Options options{3000, 11, QDate(2026, 11, 23)};
        QVERIFY(BranchStore::createDemo(file, QStringLiteral("secret-1"), options));
        BranchData data;
        DemoGenerator::generate(options, &data);

        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 100000);
        QVERIFY(!QFile::exists(file + QStringLiteral("-wal")) || QFileInfo(file + QStringLiteral("-wal")).size() == 0);
        QStringEncoder gbk("GB18030");
        QVERIFY(gbk.isValid());
        for (const Customer &c : data.customers) {
            QVERIFY2(!bytes.contains(c.name.toUtf8()), "a customer name is readable in the store file");
            // GBK spends 2 bytes a character: 2-character names (4 bytes) would match random bytes by chance.
            if (c.name.size() >= 3)
                QVERIFY2(!bytes.contains(QByteArray(gbk.encode(c.name))), "a GBK customer name is in the store file");
        }
        for (int i = 0; i < 500; ++i) {
            const Customer &c = data.customers[size_t(i)];
            QVERIFY2(!bytes.contains(c.phone.toLatin1()), "a phone number is readable in the store file");
            QVERIFY2(!bytes.contains(c.idNumber.toLatin1()), "an ID number is readable in the store file");
        }
        QVERIFY(!bytes.contains("SQLite format 3"));
        QVERIFY(!bytes.contains("CREATE TABLE"));
    }

    void wrongPassphraseIsRejectedAndChangesNothing()
    {
        const QString file = path(QStringLiteral("locked.db"));
        QVERIFY(BranchStore::createDemo(file, QStringLiteral("right-passphrase"),
                                        DemoGenerator::Options{200, 5, QDate(2026, 11, 23)}));
        const QByteArray before = fileHash(file);
        const QStringList filesBefore = QDir(m_dir.path()).entryList(QDir::Files, QDir::Name);

        // When the store is opened with a wrong passphrase
        try {
            Database::open(file, QStringLiteral("wrong-passphrase"), Database::OpenMode::ExistingOnly);
            QFAIL("a wrong passphrase opened the store");
        } catch (const StoreError &e) {
            // Then the error says so in plain words
            QCOMPARE(e.kind(), StoreError::Kind::WrongPassphrase);
            QVERIFY(e.message().contains(QStringLiteral("passphrase")));
        }
        // And not a byte on disk changed, nor did a file appear
        QCOMPARE(fileHash(file), before);
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files, QDir::Name), filesBefore);
        // And the right passphrase still opens it
        Database ok = Database::open(file, QStringLiteral("right-passphrase"), Database::OpenMode::ExistingOnly);
        QCOMPARE(BranchRepository(ok).customerCount(), 200);
    }

    void unlockingAMissingStoreCreatesNothing()
    {
        const QString file = path(QStringLiteral("missing.db"));
        QVERIFY_THROWS_EXCEPTION(StoreError,
                                 Database::open(file, QStringLiteral("x"), Database::OpenMode::ExistingOnly));
        QVERIFY(!QFile::exists(file));
    }

    void roundTripsEveryField()
    {
        const QString file = path(QStringLiteral("roundtrip.db"));
        BranchData data;
        DemoGenerator::generate({300, 9, QDate(2026, 11, 23)}, &data);
        {
            Database db = Database::open(file, QStringLiteral("secret-1"), Database::OpenMode::CreateIfMissing);
            SchemaMigrations::migrate(db);
            QVERIFY(BranchRepository(db).replaceAll(data));
        }
        Database db = Database::open(file, QStringLiteral("secret-1"), Database::OpenMode::ExistingOnly);
        BranchData back;
        QVERIFY(BranchRepository(db).loadAll(&back));
        QCOMPARE(back.branchCode, data.branchCode);
        QCOMPARE(back.staff.size(), data.staff.size());
        QCOMPARE(back.customers.size(), data.customers.size());
        QCOMPARE(back.holdings.size(), data.holdings.size());
        QHash<QString, const Customer *> byNo;
        for (const Customer &c : back.customers)
            byNo.insert(c.customerNo, &c);
        for (const Customer &c : data.customers) {
            const Customer *b = byNo.value(c.customerNo);
            QVERIFY(b);
            QCOMPARE(b->name, c.name);
            QCOMPARE(b->gender, c.gender);
            QCOMPARE(b->birthDate, c.birthDate);
            QCOMPARE(b->phone, c.phone);
            QCOMPARE(b->idNumber, c.idNumber);
            QCOMPARE(b->address, c.address);
            QCOMPARE(b->employer, c.employer);
            QCOMPARE(b->payroll, c.payroll);
            QCOMPARE(b->loanStartDate, c.loanStartDate);
            QCOMPARE(b->rmId, c.rmId);
            QCOMPARE(b->aumFen, c.aumFen);
            QCOMPARE(b->aumMtdAvgFen, c.aumMtdAvgFen);
            QCOMPARE(b->historyEndMonth, c.historyEndMonth);
            QVERIFY(b->aumHistoryFen == c.aumHistoryFen);
            QCOMPARE(b->contributionFen, c.contributionFen);
            QCOMPARE(b->settlementProducts, c.settlementProducts);
            QCOMPARE(b->referralLinks, c.referralLinks);
        }
    }

    void loadReadsWhatLoadAllReads()
    {
        // Given a store with customers and holdings (issue 19: BranchStore::load reads the
        // holdings on a second connection while the first reads the customers)
        const QString file = path(QStringLiteral("parallel.db"));
        BranchData data;
        DemoGenerator::generate({6000, 3, QDate(2026, 11, 23)}, &data); // past one progress step (5,000 rows)
        std::shared_ptr<StoreKey> key;
        {
            Database db = Database::open(file, QStringLiteral("secret-2"), Database::OpenMode::CreateIfMissing, &key);
            SchemaMigrations::migrate(db);
            QVERIFY(BranchRepository(db).replaceAll(data));
        }
        BranchData expected;
        {
            Database db = Database::open(file, *key, Database::OpenMode::ExistingOnly);
            QVERIFY(BranchRepository(db).loadAll(&expected));
        }
        // When the app's load reads it, without the search index
        LoadedBranch loaded;
        QVERIFY(BranchStore::load(StoreAccess{file, {}, key}, &loaded, {}, QDate(2026, 11, 23), {},
                                  BranchStore::SearchIndex::Later));
        // Then the snapshot holds every customer and every holding, each where it belongs
        QVERIFY(loaded.snapshot);
        QVERIFY(!loaded.search);
        const BranchSnapshot &s = *loaded.snapshot;
        QCOMPARE(s.holdingCount(), int(expected.holdings.size()));
        QCOMPARE(s.customerCount() + int(s.otherCustomers().size()), int(expected.customers.size()));
        QHash<QString, QString> ownerOf;
        for (const Holding &h : expected.holdings)
            ownerOf.insert(h.holdingId, h.customerNo);
        int placed = 0;
        for (int i = 0; i < s.customerCount(); ++i) {
            for (const Holding &h : s.holdingsOf(i)) {
                QCOMPARE(ownerOf.value(h.holdingId), s.customer(i).customerNo);
                ++placed;
            }
        }
        QVERIFY(placed > 0);
        // And a cancel during the read leaves nothing half loaded
        LoadedBranch cancelled;
        QVERIFY(!BranchStore::load(StoreAccess{file, {}, key}, &cancelled,
                                   [](const char *, int done, int) { return done == 0; }));
        QVERIFY(!cancelled.snapshot);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
