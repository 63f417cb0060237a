#include "customerimportrepository.h"

#include "database.h"
#include "domain/customercolumns.h"
#include "statement.h"
#include "transaction.h"

#include <QSet>
#include <QStringEncoder>

#include <sqlcipher/sqlite3.h>

#include <algorithm>
#include <future>
#include <QStringList>

namespace {

QString isoDate(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

// The store columns an import field writes.
QStringList columnsOf(ImportMapping::Field f)
{
    switch (f) {
    case ImportMapping::Name: return {QStringLiteral("name")};
    case ImportMapping::Gender: return {QStringLiteral("gender")};
    case ImportMapping::BirthDate: return {QStringLiteral("birth_date")};
    case ImportMapping::Phone: return {QStringLiteral("phone")};
    case ImportMapping::IdNumber: return {QStringLiteral("id_number")};
    case ImportMapping::Address: return {QStringLiteral("address")};
    case ImportMapping::Occupation: return {QStringLiteral("occupation")};
    case ImportMapping::Employer: return {QStringLiteral("employer")};
    case ImportMapping::RmId: return {QStringLiteral("rm_id")};
    case ImportMapping::Aum: return {QStringLiteral("aum_fen"), QStringLiteral("aum_mtd_avg_fen")};
    case ImportMapping::AumMonthAvg: return {QStringLiteral("aum_hist"), QStringLiteral("aum_hist_end")};
    case ImportMapping::OpenedOn: return {QStringLiteral("opened_on")};
    case ImportMapping::LastActivity: return {QStringLiteral("last_activity")};
    case ImportMapping::Payroll: return {QStringLiteral("payroll")};
    case ImportMapping::CustomerNo:
    case ImportMapping::Ignore:
    case ImportMapping::FieldCount:
        break;
    }
    return {};
}

// A store column an import field writes: its registration (domain/customercolumns.h) says
// how its value is bound.
using Column = const CustomerColumn *;

Column columnId(const QString &column)
{
    Column c = CustomerColumns::find(column);
    Q_ASSERT(c); // columnsOf() names registered columns only
    return c;
}

QString orNull(const QString &s)
{
    return s.isEmpty() ? QString() : s;
}

// An update binds what the file mapped; optional texts left empty are NULL.
void bindColumn(Statement &st, int index, Column column, const Customer &c)
{
    using K = CustomerColumn::Kind;
    if (CustomerColumns::isInteger(*column))
        st.bind(index, CustomerColumns::storedInteger(*column, c));
    else if (column->kind == K::Text || column->kind == K::Phone || column->kind == K::IdNumber)
        st.bind(index, orNull(c.*column->text));
    else
        st.bind(index, CustomerColumns::storedText(*column, c));
}

// New customers' values as SQLite takes them (UTF-8, whole numbers, NULL), made for a
// chunk of rows at a time. Issue 19: a worker encodes the next chunk while this thread
// inserts the current one, so the import's write costs about what the raw insert does.
struct EncodedRows
{
    enum class Kind : quint8 { Null, Integer, Text };
    struct Cell
    {
        Kind kind = Kind::Null;
        qint64 integer = 0; // Integer; Text: offset into `text`
        int size = 0;       // Text: bytes
    };
    QByteArray text;
    std::vector<Cell> cells; // per row: the customer number, then one per insert column
    std::vector<int> rows;   // index into the customers of each encoded row
};

class RowEncoder
{
public:
    explicit RowEncoder(const std::vector<Column> &columns) : m_columns(columns) {}

    // Rows [begin, end) that are not in `existing` (those are updated, not inserted).
    void encode(const std::vector<Customer> &customers, size_t begin, size_t end, const QSet<QString> &existing,
                EncodedRows *out)
    {
        out->text.clear();
        out->cells.clear();
        out->rows.clear();
        out->text.reserve(qsizetype(end - begin) * 400);
        out->cells.reserve((end - begin) * (m_columns.size() + 1));
        m_out = out;
        for (size_t i = begin; i < end; ++i) {
            const Customer &c = customers[i];
            if (existing.contains(c.customerNo))
                continue;
            out->rows.push_back(int(i));
            text(c.customerNo);
            for (Column col : m_columns)
                encode(col, c);
        }
    }

private:
    void encode(Column col, const Customer &c)
    {
        if (CustomerColumns::isInteger(*col))
            integer(CustomerColumns::storedInteger(*col, c));
        else // the averages are NOT NULL: kept even when empty
            text(CustomerColumns::storedText(*col, c), col->kind == CustomerColumn::Kind::History);
    }
    void integer(qint64 v) { m_out->cells.push_back({EncodedRows::Kind::Integer, v, 0}); }
    // Empty text is NULL, as the rest of the store writes absent values; `keepEmpty` for NOT NULL columns.
    void text(const QString &s, bool keepEmpty = false)
    {
        if (s.isEmpty() && !keepEmpty) {
            m_out->cells.push_back({});
            return;
        }
        const qsizetype at = m_out->text.size();
        m_out->text.resize(at + s.size() * 3);
        char *start = m_out->text.data() + at;
        char *end = m_encoder.appendToBuffer(start, s);
        m_out->text.resize(at + (end - start));
        m_out->cells.push_back({EncodedRows::Kind::Text, at, int(end - start)});
    }

    const std::vector<Column> &m_columns;
    EncodedRows *m_out = nullptr;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

// The insert of a new customer, bound from an encoded chunk without copies (SQLITE_STATIC).
class InsertCustomer
{
public:
    InsertCustomer(Database &db, const QString &sql) : m_db(db)
    {
        const QByteArray utf8 = sql.toUtf8();
        m_db.check(sqlite3_prepare_v2(m_db.handle(), utf8.constData(), int(utf8.size()), &m_stmt, nullptr), "prepare");
    }
    ~InsertCustomer() { sqlite3_finalize(m_stmt); }
    InsertCustomer(const InsertCustomer &) = delete;
    InsertCustomer &operator=(const InsertCustomer &) = delete;

    // Row `r` of `rows`, which has `width` cells per row.
    void run(const EncodedRows &rows, size_t r, size_t width)
    {
        const EncodedRows::Cell *cell = rows.cells.data() + r * width;
        for (size_t k = 0; k < width; ++k, ++cell) {
            const int index = int(k) + 1;
            switch (cell->kind) {
            case EncodedRows::Kind::Null: sqlite3_bind_null(m_stmt, index); break;
            case EncodedRows::Kind::Integer: sqlite3_bind_int64(m_stmt, index, cell->integer); break;
            case EncodedRows::Kind::Text:
                sqlite3_bind_text(m_stmt, index, rows.text.constData() + cell->integer, cell->size, SQLITE_STATIC);
                break;
            }
        }
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        m_db.check(rc, "insert customer");
    }

private:
    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// Inserts the new customers and updates the known ones, in file order. Chunks of rows: a
// worker encodes chunk k+1 while this thread writes chunk k. False when cancelled.
bool writeCustomers(const std::vector<Customer> &customers, const QSet<QString> &existing, InsertCustomer &insert,
                    Statement *update, const std::vector<Column> &insertIds, const std::vector<Column> &updateIds,
                    const CustomerImportRepository::Progress &progress, CustomerImportRepository::Counts *n)
{
    const int total = int(customers.size());
    constexpr size_t kChunk = 2048;
    const size_t width = insertIds.size() + 1;
    RowEncoder encoder(insertIds);
    EncodedRows chunks[2];
    std::future<void> next;
    struct Wait // a failure below must not leave the worker reading `customers`
    {
        std::future<void> &f;
        ~Wait()
        {
            if (f.valid())
                f.wait();
        }
    } wait{next};
    auto encodeAsync = [&](size_t begin, EncodedRows *into) {
        return std::async(std::launch::async, [&, begin, into] {
            encoder.encode(customers, begin, std::min(customers.size(), begin + kChunk), existing, into);
        });
    };
    if (!customers.empty())
        next = encodeAsync(0, &chunks[0]);
    int done = 0;
    for (size_t begin = 0, k = 0; begin < customers.size(); begin += kChunk, ++k) {
        next.get();
        const EncodedRows &rows = chunks[k % 2];
        if (begin + kChunk < customers.size())
            next = encodeAsync(begin + kChunk, &chunks[(k + 1) % 2]);
        size_t r = 0;
        for (size_t i = begin; i < std::min(customers.size(), begin + kChunk); ++i) {
            if (r < rows.rows.size() && rows.rows[r] == int(i)) {
                insert.run(rows, r++, width);
                ++n->inserted;
            } else {
                if (update) {
                    int col = 1;
                    for (Column id : updateIds)
                        bindColumn(*update, col++, id, customers[i]);
                    update->bind(col, customers[i].customerNo);
                    update->execute();
                }
                ++n->updated;
            }
            if (progress && (++done % 5000) == 0 && !progress(done, total))
                return false;
        }
    }
    return true;
}

} // namespace

int CustomerImportRepository::addUnknownRms(const std::vector<Customer> &customers, const ImportMapping &mapping)
{
    // A branch that syncs with HQ gets its staff from HQ only. A local branch (first run's
    // "import a file", or the CLI on a new store) learns its RMs from the file: each RM id
    // not on the roster becomes an RM named by the id, so the RM filters, the Today page's
    // "acting as" and assignment work. The manager can import again once names are known.
    if (mapping.columnOf(ImportMapping::RmId) < 0)
        return 0;
    {
        Statement synced(m_db, QStringLiteral("SELECT 1 FROM meta WHERE key = 'sync.staff_id' AND value <> ''"));
        if (synced.step())
            return 0;
    }
    QSet<QString> known;
    {
        Statement all(m_db, QStringLiteral("SELECT staff_id FROM staff"));
        while (all.step())
            known.insert(all.text(0));
    }
    Statement add(m_db, QStringLiteral("INSERT INTO staff (staff_id, name, role) VALUES (?, ?, 'rm')"));
    int added = 0;
    for (const Customer &c : customers) {
        if (c.rmId.isEmpty() || known.contains(c.rmId))
            continue;
        known.insert(c.rmId);
        add.bind(1, c.rmId).bind(2, c.rmId).execute();
        ++added;
    }
    return added;
}

void CustomerImportRepository::writeHoldings(const std::vector<Holding> &holdings, const std::vector<Staff> &staff,
                                             Counts *counts)
{
    if (!staff.empty()) {
        Statement put(m_db, QStringLiteral("INSERT OR REPLACE INTO staff (staff_id, name, role) VALUES (?, ?, ?)"));
        for (const Staff &s : staff) {
            put.bind(1, s.staffId).bind(2, s.name).bind(3, Staff::roleKey(s.role)).execute();
            ++counts->staffWritten;
        }
    }
    if (holdings.empty())
        return;
    QSet<QString> customers, existing;
    {
        Statement all(m_db, QStringLiteral("SELECT customer_no FROM customer"));
        while (all.step())
            customers.insert(all.text(0));
        Statement ids(m_db, QStringLiteral("SELECT holding_id FROM holding"));
        while (ids.step())
            existing.insert(ids.text(0));
    }
    Statement put(m_db, QStringLiteral("INSERT OR REPLACE INTO holding (holding_id, customer_no, product_type, product_name,"
                                       " amount_fen, open_date, maturity_date, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (size_t i = 0; i < holdings.size(); ++i) {
        const Holding &h = holdings[i];
        if (!customers.contains(h.customerNo)) {
            counts->unknownCustomerHoldings.push_back(int(i));
            continue;
        }
        put.bind(1, h.holdingId).bind(2, h.customerNo).bind(3, Holding::productTypeKey(h.productType)).bind(4, h.productName);
        put.bind(5, h.amountFen).bind(6, isoDate(h.openDate)).bind(7, isoDate(h.maturityDate)).bind(8, Holding::statusKey(h.status));
        put.execute();
        ++(existing.contains(h.holdingId) ? counts->holdingsUpdated : counts->holdingsInserted);
    }
}

bool CustomerImportRepository::write(const std::vector<Customer> &customers, const ImportMapping &mapping,
                                     Counts *counts, const Progress &progress, const std::vector<Holding> &holdings,
                                     const std::vector<Staff> &staff)
{
    // Updates touch only what the file maps; inserts write every column so a new
    // customer gets the derived values too (history from the balance, birth date from the ID).
    QStringList updateColumns;
    for (int f = ImportMapping::Name; f < ImportMapping::FieldCount; ++f) {
        if (mapping.columnOf(ImportMapping::Field(f)) >= 0)
            updateColumns += columnsOf(ImportMapping::Field(f));
    }
    if (mapping.columnOf(ImportMapping::IdNumber) >= 0 && !updateColumns.contains(QLatin1String("birth_date")))
        updateColumns << QStringLiteral("birth_date");
    if (mapping.columnOf(ImportMapping::Aum) >= 0 && mapping.columnOf(ImportMapping::AumMonthAvg) < 0)
        updateColumns += columnsOf(ImportMapping::AumMonthAvg);
    QStringList insertColumns;
    for (int f = ImportMapping::Name; f < ImportMapping::FieldCount; ++f)
        insertColumns += columnsOf(ImportMapping::Field(f));

    QStringList sets;
    for (const QString &col : std::as_const(updateColumns))
        sets << col + QStringLiteral(" = ?");
    Transaction tx(m_db);
    std::unique_ptr<Statement> update;
    if (!sets.isEmpty()) {
        update = std::make_unique<Statement>(
            m_db, QStringLiteral("UPDATE customer SET %1 WHERE customer_no = ?").arg(sets.join(QStringLiteral(", "))));
    }
    // The customer numbers already there, read once: cheaper than a lookup per row.
    QSet<QString> existing;
    {
        Statement all(m_db, QStringLiteral("SELECT customer_no FROM customer"));
        while (all.step())
            existing.insert(all.text(0));
    }
    std::vector<Column> updateIds, insertIds;
    for (const QString &col : std::as_const(updateColumns))
        updateIds.push_back(columnId(col));
    for (const QString &col : std::as_const(insertColumns))
        insertIds.push_back(columnId(col));
    QString marks = QStringLiteral("?");
    for (qsizetype i = 0; i < insertColumns.size(); ++i)
        marks += QStringLiteral(",?");
    InsertCustomer insert(m_db, QStringLiteral("INSERT INTO customer (customer_no, %1) VALUES (%2)")
                                    .arg(insertColumns.join(QStringLiteral(", ")), marks));
    Counts n;
    const int total = int(customers.size());
    if (!writeCustomers(customers, existing, insert, update.get(), insertIds, updateIds, progress, &n))
        return false; // rolled back
    writeHoldings(holdings, staff, &n);
    n.newStaff = addUnknownRms(customers, mapping);
    tx.commit();
    if (counts)
        *counts = n;
    if (progress)
        progress(total, total);
    return true;
}
