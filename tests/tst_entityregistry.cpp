// Issue 13: the customer entity's one registration (domain/customercolumns.h). The store's
// table, BranchRepository's statements, the page payload and the extract all follow it.
#include "domain/customercolumns.h"
#include "domain/extractcsv.h"
#include "store/branchrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "protocol/extractrecords.h"
#include "store/pageapplier.h"
#include "protocol/syncentities.h"

#include "storefixture.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QtTest>

class TestEntityRegistry : public QObject
{
    Q_OBJECT

private:
    StoreFixture m_stores;
    Database open() { return m_stores.open(); }
    // PRAGMA table_info(customer): name, type, notnull, default, pk per column, in order.
    static QStringList tableInfo(Database &db)
    {
        QStringList rows;
        Statement st(db, QStringLiteral("PRAGMA table_info(customer)"));
        while (st.step()) {
            rows << QStringLiteral("%1|%2|%3|%4|%5|%6")
                        .arg(st.text(0), st.text(1), st.text(2), st.text(3), st.isNull(4) ? QStringLiteral("NULL") : st.text(4),
                             st.text(5));
        }
        return rows;
    }
    static Customer sample()
    {
        Customer c;
        c.customerNo = QStringLiteral("6100000001");
        c.name = QStringLiteral("王芳");
        c.gender = Customer::Gender::Female;
        c.birthDate = QDate(1970, 3, 7);
        c.phone = QStringLiteral("13800001111");
        c.idNumber = QStringLiteral("11010519491231002X");
        c.address = QStringLiteral("北京市朝阳区");
        c.occupation = QStringLiteral("教师");
        c.employer = QStringLiteral("第一中学");
        c.payroll = true;
        c.creditCardActive = true;
        c.loanStartDate = QDate(2020, 1, 2);
        c.corporateExecutive = true;
        c.mobileLogins90d = 31;
        c.transactions90d = 47;
        c.lastActivity = QDate(2026, 11, 20);
        c.openedOn = QDate(2001, 5, 6);
        c.rmId = QStringLiteral("RM01");
        c.aumFen = 123456789;
        c.aumMtdAvgFen = 120000000;
        c.historyEndMonth = QStringLiteral("2026-10");
        for (int i = 0; i < Customer::kHistoryMonths; ++i)
            c.aumHistoryFen[size_t(i)] = 100000000 + i;
        c.contributionFen = 880000;
        c.settlementProducts = 3;
        c.serviceEvents12m = 5;
        c.referralLinks = 2;
        return c;
    }
    static void compareCustomers(const Customer &a, const Customer &b)
    {
        QCOMPARE(a.customerNo, b.customerNo);
        QCOMPARE(a.name, b.name);
        QCOMPARE(a.gender, b.gender);
        QCOMPARE(a.birthDate, b.birthDate);
        QCOMPARE(a.phone, b.phone);
        QCOMPARE(a.idNumber, b.idNumber);
        QCOMPARE(a.address, b.address);
        QCOMPARE(a.occupation, b.occupation);
        QCOMPARE(a.employer, b.employer);
        QCOMPARE(a.payroll, b.payroll);
        QCOMPARE(a.creditCardActive, b.creditCardActive);
        QCOMPARE(a.loanStartDate, b.loanStartDate);
        QCOMPARE(a.corporateExecutive, b.corporateExecutive);
        QCOMPARE(a.mobileLogins90d, b.mobileLogins90d);
        QCOMPARE(a.transactions90d, b.transactions90d);
        QCOMPARE(a.lastActivity, b.lastActivity);
        QCOMPARE(a.openedOn, b.openedOn);
        QCOMPARE(a.rmId, b.rmId);
        QCOMPARE(a.aumFen, b.aumFen);
        QCOMPARE(a.aumMtdAvgFen, b.aumMtdAvgFen);
        QCOMPARE(a.historyEndMonth, b.historyEndMonth);
        QVERIFY(a.aumHistoryFen == b.aumHistoryFen);
        QCOMPARE(a.contributionFen, b.contributionFen);
        QCOMPARE(a.settlementProducts, b.settlementProducts);
        QCOMPARE(a.serviceEvents12m, b.serviceEvents12m);
        QCOMPARE(a.referralLinks, b.referralLinks);
        QCOMPARE(a.masked, b.masked);
        QCOMPARE(a.preferredChannel, b.preferredChannel);
    }

private slots:
    void theTableIsTheOneTheFrozenSqlMade()
    {
        // The customer table as schema versions 1 and 10 wrote it before the registry.
        Database frozen = open();
        frozen.exec(QStringLiteral(R"(CREATE TABLE customer (
            customer_no         TEXT PRIMARY KEY,
            name                TEXT NOT NULL,
            gender              TEXT CHECK (gender IN ('M', 'F')),
            birth_date          TEXT,
            phone               TEXT,
            id_number           TEXT,
            address             TEXT,
            occupation          TEXT,
            employer            TEXT,
            payroll             INTEGER NOT NULL DEFAULT 0,
            credit_card_active  INTEGER NOT NULL DEFAULT 0,
            loan_start_date     TEXT,
            corporate_executive INTEGER NOT NULL DEFAULT 0,
            mb_logins_90d       INTEGER NOT NULL DEFAULT 0,
            txn_90d             INTEGER NOT NULL DEFAULT 0,
            last_activity       TEXT,
            opened_on           TEXT,
            rm_id               TEXT,
            aum_fen             INTEGER NOT NULL DEFAULT 0,
            aum_mtd_avg_fen     INTEGER NOT NULL DEFAULT 0,
            aum_hist_end        TEXT,
            aum_hist            TEXT NOT NULL DEFAULT '',
            contribution_fen    INTEGER NOT NULL DEFAULT 0,
            settlement_products INTEGER NOT NULL DEFAULT 0,
            service_events_12m  INTEGER NOT NULL DEFAULT 0,
            referral_links      INTEGER NOT NULL DEFAULT 0
        ))"));
        frozen.exec(QStringLiteral("ALTER TABLE customer ADD COLUMN masked TEXT"));
        Database fresh = open();
        SchemaMigrations::migrate(fresh);
        const QStringList before = tableInfo(frozen);
        const QStringList now = tableInfo(fresh);
        QCOMPARE(before.size(), 27);
        QCOMPARE(now.mid(0, before.size()), before);
        // Anything after those 27 is a later migration's column, in registry order.
        QCOMPARE(now.size(), int(CustomerColumns::all().size()));
        for (int i = 0; i < now.size(); ++i)
            QCOMPARE(now.at(i).section(QLatin1Char('|'), 1, 1), QString::fromLatin1(CustomerColumns::all()[size_t(i)].name));
    }

    void aStoreAtVersionNineGetsTheMaskedColumn()
    {
        Database db = open();
        SchemaMigrations::migrate(db, 9);
        QCOMPARE(SchemaMigrations::currentVersion(db), 9);
        QCOMPARE(tableInfo(db).size(), 26);
        SchemaMigrations::migrate(db);
        QCOMPARE(SchemaMigrations::currentVersion(db), SchemaMigrations::latestVersion());
        QVERIFY(tableInfo(db).at(26).startsWith(QStringLiteral("26|masked|TEXT|0|NULL|0")));
    }

    void payloadAndExtractColumnsAreTheRegisteredOnes()
    {
        const SyncEntities::Entity *customer = SyncEntities::find(QStringLiteral("customer"));
        QVERIFY(customer);
        QCOMPARE(customer->columns, CustomerColumns::names());
        const QStringList header = ExtractCsv::header();
        for (const CustomerColumn &c : CustomerColumns::all()) {
            if (c.csv)
                QVERIFY2(header.contains(QLatin1String(c.csv)), c.csv);
        }
        QVERIFY(!header.contains(QStringLiteral("masked")));
        QCOMPARE(header.indexOf(QStringLiteral("customer_no")), 5);
    }

    void everyColumnRoundTripsThroughTheStore()
    {
        Database db = open();
        SchemaMigrations::migrate(db);
        BranchData data;
        data.branchCode = QStringLiteral("B1");
        data.branchName = QStringLiteral("Branch");
        Customer plain;
        plain.customerNo = QStringLiteral("6100000002");
        plain.name = QStringLiteral("李雷");
        data.customers = {sample(), plain};
        BranchRepository repo(db);
        QVERIFY(repo.replaceAll(data));
        BranchData back;
        QVERIFY(repo.loadAll(&back));
        QCOMPARE(back.customers.size(), size_t(2));
        compareCustomers(back.customers.at(0), data.customers.at(0));
        compareCustomers(back.customers.at(1), data.customers.at(1));
        Statement nulls(db, QStringLiteral("SELECT rm_id IS NULL, gender IS NULL, birth_date IS NULL, masked IS NULL"
                                           " FROM customer WHERE customer_no = '6100000002'"));
        QVERIFY(nulls.step());
        for (int i = 0; i < 4; ++i)
            QCOMPARE(nulls.integer(i), 1);
    }

    void anExtractRowRoundTripsThroughAPageIntoTheStore()
    {
        BranchData data;
        data.branchCode = QStringLiteral("B1");
        data.customers = {sample()};
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(ExtractCsv::write(data, &buffer, &error));
        const QList<QByteArray> lines = buffer.data().split('\n');
        ExtractRecords convert;
        QVERIFY2(convert.setHeader(QString::fromUtf8(lines.at(0)).split(QLatin1Char(',')), &error), qPrintable(error));
        SyncRecord rec;
        QVERIFY2(convert.convert(QString::fromUtf8(lines.at(1)).split(QLatin1Char(',')), 2, &rec, &error), qPrintable(error));
        QCOMPARE(rec.entity, QStringLiteral("customer"));
        QStringList sent = CustomerColumns::names();
        sent.removeOne(QStringLiteral("masked")); // HQ's, never in an extract
        sent.sort();
        QCOMPARE(rec.payload.keys(), sent);
        rec.seq = 1;
        Database db = open();
        SchemaMigrations::migrate(db);
        PageApplier::apply(db, std::vector<SyncRecord>{rec}, 1);
        BranchData back;
        QVERIFY(BranchRepository(db).loadAll(&back));
        QCOMPARE(back.customers.size(), size_t(1));
        compareCustomers(back.customers.at(0), data.customers.at(0));
    }

    // The proof of issue 13's registry: preferred_channel was added by a Customer field, one
    // registration line and one migration step (schema version 11). Nothing else names it.
    void anAddedColumnIsInTheStoreTheExtractAndThePayload()
    {
        const int version = CustomerColumns::find(u"preferred_channel")->since;
        QCOMPARE(version, 11);
        // A fresh store has it, as the last column.
        Database fresh = open();
        SchemaMigrations::migrate(fresh);
        QCOMPARE(tableInfo(fresh).constLast(), QStringLiteral("27|preferred_channel|TEXT|0|NULL|0"));
        // A store of the previous version gets it on open, with what it held kept.
        Database old = open();
        SchemaMigrations::migrate(old, version - 1);
        QVERIFY(!tableInfo(old).constLast().contains(QStringLiteral("preferred_channel")));
        old.exec(QStringLiteral("INSERT INTO customer (customer_no, name) VALUES ('6100000009', '赵敏')"));
        QCOMPARE(SchemaMigrations::migrate(old), 1);
        QCOMPARE(SchemaMigrations::currentVersion(old), version);
        QCOMPARE(tableInfo(old).constLast(), QStringLiteral("27|preferred_channel|TEXT|0|NULL|0"));
        BranchData kept;
        QVERIFY(BranchRepository(old).loadAll(&kept));
        QCOMPARE(kept.customers.size(), size_t(1));
        QVERIFY(kept.customers.front().preferredChannel.isEmpty());

        // Set at HQ in an extract row, sent in the page payload, written by the page applier
        // and read back by BranchRepository.
        BranchData data;
        data.branchCode = QStringLiteral("B1");
        data.customers = {sample()};
        data.customers.front().preferredChannel = QStringLiteral("wecom");
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(ExtractCsv::write(data, &buffer, &error));
        const QList<QByteArray> lines = buffer.data().split('\n');
        const QStringList header = QString::fromUtf8(lines.at(0)).split(QLatin1Char(','));
        QVERIFY(header.contains(QStringLiteral("preferred_channel")));
        ExtractRecords convert;
        QVERIFY2(convert.setHeader(header, &error), qPrintable(error));
        SyncRecord rec;
        QVERIFY2(convert.convert(QString::fromUtf8(lines.at(1)).split(QLatin1Char(',')), 2, &rec, &error), qPrintable(error));
        QCOMPARE(rec.payload.value(QStringLiteral("preferred_channel")).toString(), QStringLiteral("wecom"));
        rec.seq = 1;
        PageApplier::apply(old, std::vector<SyncRecord>{rec}, 1);
        BranchData back;
        QVERIFY(BranchRepository(old).loadAll(&back));
        QCOMPARE(back.customers.size(), size_t(2));
        const auto it = std::find_if(back.customers.begin(), back.customers.end(),
                                     [](const Customer &c) { return c.customerNo == QLatin1String("6100000001"); });
        QVERIFY(it != back.customers.end());
        QCOMPARE(it->preferredChannel, QStringLiteral("wecom"));
        compareCustomers(*it, data.customers.front());

        // An extract made before the column (no such header) is still taken; the value is null.
        QStringList oldHeader = header;
        QStringList oldRow = QString::fromUtf8(lines.at(1)).split(QLatin1Char(','));
        const qsizetype at = header.indexOf(QStringLiteral("preferred_channel"));
        oldHeader.removeAt(at);
        oldRow.removeAt(at);
        QVERIFY2(convert.setHeader(oldHeader, &error), qPrintable(error));
        QVERIFY2(convert.convert(oldRow, 2, &rec, &error), qPrintable(error));
        QVERIFY(rec.payload.value(QStringLiteral("preferred_channel")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestEntityRegistry)
#include "tst_entityregistry.moc"
