// bench_store: figures 1 and 2 of the foundation benchmark.
//
//  1. Writing the demo branch: DemoGenerator (timed apart) then
//     Database::open + SchemaMigrations::migrate + BranchRepository::replaceAll
//     into a fresh file, against a raw SQLCipher bulk insert of the same rows.
//  2. Loading it: BranchStore::load (read + BranchSnapshot + CustomerSearchIndex)
//     against a raw SQLCipher read of the same rows into plain structs.
//
// The raw side is the floor our store layer is judged against: same SQLCipher,
// same schema (copied from a migrated store, so it cannot drift), same
// per-connection pragmas as Database::open, same values. It skips only what
// our layer adds: QString <-> UTF-8 conversion, date formatting and parsing,
// the Statement wrapper, and (on load) the snapshot and search index.
//
// Both sides are timed from open to close, so the key derivation (PBKDF2)
// and the WAL checkpoint at close are in both. The store written last is left
// at DIR/store.db for the cold-start run of bench/run.sh.

#include "benchutil.h"
#include "rawsqlcipher.h"

#include "domain/branchsnapshot.h"
#include "domain/customersearchindex.h"
#include "domain/demogenerator.h"
#include "domain/pinyin.h"
#include "store/branchrepository.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/storekey.h"
#include "store/storekeyfile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <array>
#include <stdexcept>
#include <string>

using bench::detail;
using bench::median;
using bench::Stopwatch;
using bench::Target;

namespace {

// ---------------------------------------------------------------------------
// Raw SQLCipher helpers (no Qt types inside the timed loops)

using bench::raw::check;
using bench::raw::exec;
using bench::raw::insertRow;

// One bound value, already in the bytes SQLite stores.
struct RawValue
{
    enum Kind : quint8 { Null, Integer, Text };
    Kind kind = Null;
    qint64 number = 0;
    QByteArray text;
};

// A table's rows as a flat row-major array of bound values.
struct RawTable
{
    const char *insertSql = nullptr;
    int columns = 0;
    std::vector<RawValue> values;

    void add(const QString &s) // null QString -> NULL, as Statement::bind does
    {
        RawValue v;
        if (!s.isNull()) {
            v.kind = RawValue::Text;
            v.text = s.toUtf8();
        }
        values.push_back(std::move(v));
    }
    void add(qint64 n)
    {
        RawValue v;
        v.kind = RawValue::Integer;
        v.number = n;
        values.push_back(std::move(v));
    }
    void add(const QDate &d) { add(d.isValid() ? d.toString(Qt::ISODate) : QString()); }
    size_t rows() const { return columns ? values.size() / size_t(columns) : 0; }
};

struct RawRows
{
    RawTable branch, staff, customers, holdings;
};

// The same conversion BranchRepository::replaceAll does on the fly, done once
// before timing so the raw insert pays only for SQLite.
RawRows convert(const BranchData &data)
{
    RawRows r;
    r.branch = {"INSERT INTO branch (code, name) VALUES (?, ?)", 2, {}};
    r.branch.add(data.branchCode);
    r.branch.add(data.branchName);

    r.staff = {"INSERT INTO staff (staff_id, name, role) VALUES (?, ?, ?)", 3, {}};
    for (const Staff &s : data.staff) {
        r.staff.add(s.staffId);
        r.staff.add(s.name);
        r.staff.add(Staff::roleKey(s.role));
    }

    r.customers = {"INSERT INTO customer (customer_no, name, gender, birth_date, phone, id_number, address,"
                   " occupation, employer, payroll, credit_card_active, loan_start_date, corporate_executive,"
                   " mb_logins_90d, txn_90d, last_activity, opened_on, rm_id, aum_fen, aum_mtd_avg_fen,"
                   " aum_hist_end, aum_hist, contribution_fen, settlement_products, service_events_12m,"
                   " referral_links) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   26, {}};
    r.customers.values.reserve(data.customers.size() * 26);
    for (const Customer &c : data.customers) {
        QString history;
        for (size_t i = 0; i < c.aumHistoryFen.size(); ++i) {
            if (i)
                history += QLatin1Char(',');
            history += QString::number(c.aumHistoryFen[i]);
        }
        const QString gender = c.gender == Customer::Gender::Male     ? QStringLiteral("M")
                               : c.gender == Customer::Gender::Female ? QStringLiteral("F")
                                                                      : QString();
        RawTable &t = r.customers;
        t.add(c.customerNo);
        t.add(c.name);
        t.add(gender);
        t.add(c.birthDate);
        t.add(c.phone);
        t.add(c.idNumber);
        t.add(c.address);
        t.add(c.occupation);
        t.add(c.employer);
        t.add(qint64(c.payroll));
        t.add(qint64(c.creditCardActive));
        t.add(c.loanStartDate);
        t.add(qint64(c.corporateExecutive));
        t.add(qint64(c.mobileLogins90d));
        t.add(qint64(c.transactions90d));
        t.add(c.lastActivity);
        t.add(c.openedOn);
        t.add(c.rmId.isEmpty() ? QString() : c.rmId);
        t.add(c.aumFen);
        t.add(c.aumMtdAvgFen);
        t.add(c.historyEndMonth);
        t.add(history);
        t.add(c.contributionFen);
        t.add(qint64(c.settlementProducts));
        t.add(qint64(c.serviceEvents12m));
        t.add(qint64(c.referralLinks));
    }

    r.holdings = {"INSERT INTO holding (holding_id, customer_no, product_type, product_name, amount_fen,"
                  " open_date, maturity_date, status) VALUES (?,?,?,?,?,?,?,?)",
                  8, {}};
    r.holdings.values.reserve(data.holdings.size() * 8);
    for (const Holding &h : data.holdings) {
        RawTable &t = r.holdings;
        t.add(h.holdingId);
        t.add(h.customerNo);
        t.add(Holding::productTypeKey(h.productType));
        t.add(h.productName);
        t.add(h.amountFen);
        t.add(h.openDate);
        t.add(h.maturityDate);
        t.add(Holding::statusKey(h.status));
    }
    return r;
}

void rawInsert(sqlite3 *db, const RawTable &table)
{
    sqlite3_stmt *st = nullptr;
    check(db, sqlite3_prepare_v2(db, table.insertSql, -1, &st, nullptr), "prepare insert");
    const RawValue *v = table.values.data();
    for (size_t row = 0; row < table.rows(); ++row) {
        for (int col = 1; col <= table.columns; ++col, ++v) {
            // The values outlive the statement's step: SQLITE_STATIC, no copy.
            switch (v->kind) {
            case RawValue::Null:
                sqlite3_bind_null(st, col);
                break;
            case RawValue::Integer:
                sqlite3_bind_int64(st, col, v->number);
                break;
            case RawValue::Text:
                sqlite3_bind_text(st, col, v->text.constData(), int(v->text.size()), SQLITE_STATIC);
                break;
            }
        }
        insertRow(db, st);
    }
    sqlite3_finalize(st);
}

// ---------------------------------------------------------------------------
// Raw read: the same SELECTs as BranchRepository::loadAll, columns copied
// into plain structs (std::string, integers); no parsing, no indexing.

struct RawCustomer
{
    std::string customerNo, name, gender, birthDate, phone, idNumber, address, occupation, employer;
    qint64 payroll = 0, creditCardActive = 0;
    std::string loanStartDate;
    qint64 corporateExecutive = 0, mobileLogins90d = 0, transactions90d = 0;
    std::string lastActivity, openedOn, rmId;
    qint64 aumFen = 0, aumMtdAvgFen = 0;
    std::string historyEnd, history;
    qint64 contributionFen = 0, settlementProducts = 0, serviceEvents12m = 0, referralLinks = 0;
};

struct RawHolding
{
    std::string holdingId, customerNo, productType, productName;
    qint64 amountFen = 0;
    std::string openDate, maturityDate, status;
};

struct RawBranch
{
    std::string code, name;
    std::vector<std::array<std::string, 3>> staff;
    std::vector<RawCustomer> customers;
    std::vector<RawHolding> holdings;
};

std::string col(sqlite3_stmt *st, int i)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(st, i));
    return p ? std::string(p, size_t(sqlite3_column_bytes(st, i))) : std::string();
}

sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = nullptr;
    check(db, sqlite3_prepare_v2(db, sql, -1, &st, nullptr), sql);
    return st;
}

void rawRead(sqlite3 *db, RawBranch *out)
{
    sqlite3_stmt *st = prepare(db, "SELECT code, name FROM branch LIMIT 1");
    if (sqlite3_step(st) == SQLITE_ROW) {
        out->code = col(st, 0);
        out->name = col(st, 1);
    }
    sqlite3_finalize(st);

    st = prepare(db, "SELECT staff_id, name, role FROM staff ORDER BY staff_id");
    while (sqlite3_step(st) == SQLITE_ROW)
        out->staff.push_back({col(st, 0), col(st, 1), col(st, 2)});
    sqlite3_finalize(st);

    // loadAll counts first (for its progress bar); the raw read does too.
    st = prepare(db, "SELECT (SELECT count(*) FROM customer) + (SELECT count(*) FROM holding)");
    sqlite3_step(st);
    sqlite3_finalize(st);

    st = prepare(db, "SELECT customer_no, name, gender, birth_date, phone, id_number, address, occupation,"
                     " employer, payroll, credit_card_active, loan_start_date, corporate_executive,"
                     " mb_logins_90d, txn_90d, last_activity, opened_on, rm_id, aum_fen, aum_mtd_avg_fen,"
                     " aum_hist_end, aum_hist, contribution_fen, settlement_products, service_events_12m,"
                     " referral_links FROM customer");
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        RawCustomer c;
        c.customerNo = col(st, 0);
        c.name = col(st, 1);
        c.gender = col(st, 2);
        c.birthDate = col(st, 3);
        c.phone = col(st, 4);
        c.idNumber = col(st, 5);
        c.address = col(st, 6);
        c.occupation = col(st, 7);
        c.employer = col(st, 8);
        c.payroll = sqlite3_column_int64(st, 9);
        c.creditCardActive = sqlite3_column_int64(st, 10);
        c.loanStartDate = col(st, 11);
        c.corporateExecutive = sqlite3_column_int64(st, 12);
        c.mobileLogins90d = sqlite3_column_int64(st, 13);
        c.transactions90d = sqlite3_column_int64(st, 14);
        c.lastActivity = col(st, 15);
        c.openedOn = col(st, 16);
        c.rmId = col(st, 17);
        c.aumFen = sqlite3_column_int64(st, 18);
        c.aumMtdAvgFen = sqlite3_column_int64(st, 19);
        c.historyEnd = col(st, 20);
        c.history = col(st, 21);
        c.contributionFen = sqlite3_column_int64(st, 22);
        c.settlementProducts = sqlite3_column_int64(st, 23);
        c.serviceEvents12m = sqlite3_column_int64(st, 24);
        c.referralLinks = sqlite3_column_int64(st, 25);
        out->customers.push_back(std::move(c));
    }
    sqlite3_finalize(st);
    check(db, rc, "read customers");

    st = prepare(db, "SELECT holding_id, customer_no, product_type, product_name, amount_fen, open_date,"
                     " maturity_date, status FROM holding");
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        RawHolding h;
        h.holdingId = col(st, 0);
        h.customerNo = col(st, 1);
        h.productType = col(st, 2);
        h.productName = col(st, 3);
        h.amountFen = sqlite3_column_int64(st, 4);
        h.openDate = col(st, 5);
        h.maturityDate = col(st, 6);
        h.status = col(st, 7);
        out->holdings.push_back(std::move(h));
    }
    sqlite3_finalize(st);
    check(db, rc, "read holdings");
}

// ---------------------------------------------------------------------------

using bench::raw::removeStore;

// The schema exactly as SchemaMigrations creates it, read back from a scratch
// store, so the raw side always has the same tables, constraints and indexes.
std::vector<QByteArray> schemaOfOurStore(const QString &scratchPath, const QString &passphrase)
{
    removeStore(scratchPath);
    std::vector<QByteArray> sql;
    {
        Database db = Database::open(scratchPath, passphrase, Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        // sqlite_* objects (sqlite_sequence for AUTOINCREMENT) are created by SQLite itself.
        Statement st(db, QStringLiteral("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"
                                        " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid"));
        while (st.step())
            sql.push_back(st.text(0).toUtf8());
        sql.push_back("PRAGMA user_version = " + QByteArray::number(SchemaMigrations::currentVersion(db)));
    }
    removeStore(scratchPath);
    return sql;
}

struct WriteTimes
{
    double total = 0;   // open .. close
    double open = 0;    // open + key derivation + schema
    double inserts = 0; // the one big transaction
    double close = 0;   // includes the WAL checkpoint
};

WriteTimes oursWrite(const QString &path, const StoreKey &storeKey, const BranchData &data)
{
    removeStore(path);
    WriteTimes t;
    Stopwatch total;
    {
        Stopwatch step;
        Database db = Database::open(path, storeKey, Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        t.open = step.ms();
        step.restart();
        BranchRepository(db).replaceAll(data);
        t.inserts = step.ms();
        step.restart();
        db.close();
        t.close = step.ms();
    }
    t.total = total.ms();
    return t;
}

WriteTimes rawWrite(const QString &path, const QByteArray &key, const std::vector<QByteArray> &schema,
                    const RawRows &rows)
{
    removeStore(path);
    const QByteArray file = QFile::encodeName(path);
    WriteTimes t;
    Stopwatch total;
    Stopwatch step;
    sqlite3 *db = bench::raw::open(file, key, true);
    try {
        exec(db, "BEGIN IMMEDIATE"); // schema in its own transaction, as migrate() does
        for (const QByteArray &sql : schema)
            exec(db, sql.constData());
        exec(db, "COMMIT");
        t.open = step.ms();
        step.restart();
        exec(db, "BEGIN IMMEDIATE");
        rawInsert(db, rows.branch);
        rawInsert(db, rows.staff);
        rawInsert(db, rows.customers);
        rawInsert(db, rows.holdings);
        exec(db, "COMMIT");
        t.inserts = step.ms();
    } catch (...) {
        sqlite3_close_v2(db);
        throw;
    }
    step.restart();
    sqlite3_close_v2(db);
    t.close = step.ms();
    t.total = total.ms();
    return t;
}

double rawLoad(const QString &path, const QByteArray &key, size_t *customers)
{
    Stopwatch sw;
    RawBranch branch;
    sqlite3 *db = bench::raw::open(QFile::encodeName(path), key, false);
    try {
        rawRead(db, &branch);
    } catch (...) {
        sqlite3_close_v2(db);
        throw;
    }
    sqlite3_close_v2(db);
    const double ms = sw.ms();
    *customers = branch.customers.size();
    return ms; // freeing `branch` is not timed; nor is freeing ours
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Store write and load benchmark (figures 1 and 2)."));
    parser.addHelpOption();
    const QCommandLineOption dirOpt(QStringLiteral("dir"), QStringLiteral("Scratch directory for the store files."),
                                    QStringLiteral("DIR"), QDir::tempPath());
    const QCommandLineOption customersOpt(QStringLiteral("customers"),
                                          QStringLiteral("Customers to generate (default $BENCH_CUSTOMERS or 100000)."),
                                          QStringLiteral("N"));
    const QCommandLineOption repeatsOpt(QStringLiteral("repeats"), QStringLiteral("Runs per figure (median)."),
                                        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption passOpt(QStringLiteral("passphrase"), QStringLiteral("Passphrase of the stores."),
                                     QStringLiteral("TEXT"), QStringLiteral("bench-passphrase"));
    parser.addOptions({dirOpt, customersOpt, repeatsOpt, passOpt});
    parser.process(app);

    const int customers = parser.isSet(customersOpt) ? parser.value(customersOpt).toInt()
                                                     : bench::customersFromEnvironment();
    const int repeats = std::max(1, parser.value(repeatsOpt).toInt());
    const QString passphrase = parser.value(passOpt);
    // Issue 8: stores are keyed with a random raw key; the Argon2id unwrap of the passphrase
    // happens once per unlock and is bench_unlock's figure. Both sides here use the raw key.
    const std::shared_ptr<StoreKey> storeKey = StoreKey::random();
    QByteArray key;
    storeKey->withRawKeyLiteral([&](const char *literal, int size) { key = QByteArray(literal, size); });
    const QDir dir(parser.value(dirOpt));
    const QString oursPath = dir.filePath(QStringLiteral("store.db"));
    const QString rawPath = dir.filePath(QStringLiteral("raw.db"));

    try {
        // --- 1. write ---------------------------------------------------------
        detail("generating %d customers (seed 7), %d runs", customers, repeats);
        DemoGenerator::Options options;
        options.customers = customers;
        options.seed = 7;
        options.today = QDate::currentDate();
        BranchData data;
        std::vector<double> generation;
        for (int r = 0; r < repeats; ++r) {
            Stopwatch sw;
            DemoGenerator::generate(options, &data);
            generation.push_back(sw.ms());
        }
        detail("  %zu customers, %zu holdings, generation %.0f ms (median)", data.customers.size(),
               data.holdings.size(), median(generation));

        const std::vector<QByteArray> schema = schemaOfOurStore(dir.filePath(QStringLiteral("schema.db")), passphrase);
        Stopwatch convertTime;
        const RawRows rows = convert(data);
        detail("  raw rows pre-converted to UTF-8 in %.0f ms (not timed)", convertTime.ms());

        std::vector<double> ours, oursInserts, raw, rawInserts;
        for (int r = 0; r < repeats; ++r) {
            // Alternate who goes first so drift of the shared machine hits both.
            WriteTimes o, w;
            if (r % 2 == 0) {
                o = oursWrite(oursPath, *storeKey, data);
                w = rawWrite(rawPath, key, schema, rows);
            } else {
                w = rawWrite(rawPath, key, schema, rows);
                o = oursWrite(oursPath, *storeKey, data);
            }
            detail("write run %d: ours %.0f ms (open %.0f, inserts %.0f, close %.0f) | raw %.0f ms (open %.0f,"
                   " inserts %.0f, close %.0f)",
                   r + 1, o.total, o.open, o.inserts, o.close, w.total, w.open, w.inserts, w.close);
            ours.push_back(o.total);
            oursInserts.push_back(o.inserts);
            raw.push_back(w.total);
            rawInserts.push_back(w.inserts);
        }
        removeStore(rawPath);
        bench::result("gen", "demo generation (not in write)", median(generation), "ms", Target::Info);
        bench::result("write", "store write: open+migrate+replaceAll", median(ours), "ms", Target::RatioToRaw, 2,
                      median(raw));
        bench::result("write_tx", "  of which replaceAll transaction", median(oursInserts), "ms", Target::Info, 0,
                      median(rawInserts));

        // The generated data is not needed any more; free it before loading.
        data = BranchData{};

        // --- 2. load ----------------------------------------------------------
        // ICU's Han-Latin transliterator is built once per process, on the
        // first pinyin lookup. Measure it alone so it does not land in the
        // first load only (the cold-start figure includes it anyway).
        Stopwatch icu;
        Pinyin::instance().syllable(QChar(u'张'));
        const double icuMs = icu.ms();

        std::vector<double> oursLoad, rawLoadMs, readMs, buildMs, snapshotMs;
        for (int r = 0; r < repeats; ++r) {
            size_t rawCustomers = 0;
            double o = 0, w = 0;
            auto runOurs = [&] {
                LoadedBranch loaded;
                Stopwatch sw;
                BranchStore::load(StoreAccess{oursPath, {}, storeKey}, &loaded);
                o = sw.ms();
                if (loaded.snapshot->customerCount() != customers)
                    throw std::runtime_error("BranchStore::load returned the wrong number of customers");
            };
            if (r % 2 == 0) {
                runOurs();
                w = rawLoad(oursPath, key, &rawCustomers);
            } else {
                w = rawLoad(oursPath, key, &rawCustomers);
                runOurs();
            }
            if (rawCustomers != size_t(customers))
                throw std::runtime_error("raw read returned the wrong number of customers");

            // The same steps as BranchStore::load, timed one by one.
            Stopwatch step;
            BranchData read;
            {
                Database db = Database::open(oursPath, *storeKey, Database::OpenMode::ExistingOnly);
                SchemaMigrations::migrate(db);
                BranchRepository(db).loadAll(&read);
            }
            const double readTime = step.ms();
            step.restart();
            auto snapshot = std::make_shared<const BranchSnapshot>(std::move(read), TierPolicy::defaultPolicy(),
                                                                   QDate::currentDate());
            const double snapshotTime = step.ms();
            auto search = std::make_shared<const CustomerSearchIndex>(snapshot);
            const double buildTime = step.ms();
            detail("load run %d: ours %.0f ms | raw %.0f ms | split: repository read %.0f ms, snapshot %.0f ms,"
                   " search index %.0f ms",
                   r + 1, o, w, readTime, snapshotTime, buildTime - snapshotTime);
            oursLoad.push_back(o);
            rawLoadMs.push_back(w);
            readMs.push_back(readTime);
            snapshotMs.push_back(snapshotTime);
            buildMs.push_back(buildTime);
        }
        bench::result("icu", "pinyin/ICU init, once per process", icuMs, "ms", Target::Info);
        bench::result("load", "store load: BranchStore::load", median(oursLoad), "ms", Target::RatioToRaw, 2,
                      median(rawLoadMs));
        bench::result("load_read", "  of which repository read", median(readMs), "ms", Target::Info, 0,
                      median(rawLoadMs));
        bench::result("load_build", "  of which snapshot+index build", median(buildMs), "ms", Target::Info);
        bench::result("load_snap", "    of that, BranchSnapshot alone", median(snapshotMs), "ms", Target::Info);

        // The store stays for bench/run.sh's cold start of the real app, which unlocks it with the
        // passphrase like any user's store: wrap its raw key under it in a key file (issue 8).
        StoreKeyFile::write(oursPath, *storeKey, passphrase, StoreKeyFile::KdfParams::forNewStores(),
                            Database::linksSqlCipher4() ? StoreKeyFile::CipherFormat::SqlCipher4
                                                        : StoreKeyFile::CipherFormat::SqlCipher3);
    } catch (const StoreError &e) {
        std::fprintf(stderr, "bench_store: %s\n", qPrintable(e.message()));
        return 1;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "bench_store: %s\n", e.what());
        return 1;
    }
    return 0;
}
