#include "customerimportrepository.h"

#include "database.h"
#include "statement.h"
#include "transaction.h"

#include <QSet>
#include <QStringEncoder>

#include <sqlcipher/sqlite3.h>

#include <algorithm>
#include <QStringList>

namespace {

QString isoDate(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString joinHistory(const Customer &c)
{
    // Most imports have no monthly averages: twelve times the balance, formatted once.
    const auto &h = c.aumHistoryFen;
    if (std::all_of(h.begin(), h.end(), [&](qint64 v) { return v == h.front(); })) {
        const QString one = QString::number(h.front());
        QString out;
        out.reserve((one.size() + 1) * Customer::kHistoryMonths);
        for (int i = 0; i < Customer::kHistoryMonths; ++i) {
            if (i)
                out += QLatin1Char(',');
            out += one;
        }
        return out;
    }
    QString out;
    out.reserve(Customer::kHistoryMonths * 12);
    for (size_t i = 0; i < c.aumHistoryFen.size(); ++i) {
        if (i)
            out += QLatin1Char(',');
        out += QString::number(c.aumHistoryFen[i]);
    }
    return out;
}

QString genderKey(Customer::Gender g)
{
    return g == Customer::Gender::Male ? QStringLiteral("M") : g == Customer::Gender::Female ? QStringLiteral("F") : QString();
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

enum class Column { Name, Gender, BirthDate, Phone, IdNumber, Address, Occupation, Employer, RmId, Aum, AumMtd,
                    History, HistoryEnd, OpenedOn, LastActivity, Payroll };

Column columnId(const QString &column)
{
    static const QStringList names = {
        QStringLiteral("name"), QStringLiteral("gender"), QStringLiteral("birth_date"), QStringLiteral("phone"),
        QStringLiteral("id_number"), QStringLiteral("address"), QStringLiteral("occupation"), QStringLiteral("employer"),
        QStringLiteral("rm_id"), QStringLiteral("aum_fen"), QStringLiteral("aum_mtd_avg_fen"), QStringLiteral("aum_hist"),
        QStringLiteral("aum_hist_end"), QStringLiteral("opened_on"), QStringLiteral("last_activity"), QStringLiteral("payroll")};
    return Column(names.indexOf(column));
}

QString orNull(const QString &s)
{
    return s.isEmpty() ? QString() : s;
}

void bindColumn(Statement &st, int index, Column column, const Customer &c)
{
    switch (column) {
    case Column::Name: st.bind(index, c.name); break;
    case Column::Gender: st.bind(index, genderKey(c.gender)); break;
    case Column::BirthDate: st.bind(index, isoDate(c.birthDate)); break;
    case Column::Phone: st.bind(index, orNull(c.phone)); break;
    case Column::IdNumber: st.bind(index, orNull(c.idNumber)); break;
    case Column::Address: st.bind(index, orNull(c.address)); break;
    case Column::Occupation: st.bind(index, orNull(c.occupation)); break;
    case Column::Employer: st.bind(index, orNull(c.employer)); break;
    case Column::RmId: st.bind(index, orNull(c.rmId)); break;
    case Column::Aum: st.bind(index, c.aumFen); break;
    case Column::AumMtd: st.bind(index, c.aumMtdAvgFen); break;
    case Column::History: st.bind(index, joinHistory(c)); break;
    case Column::HistoryEnd: st.bind(index, c.historyEndMonth); break;
    case Column::OpenedOn: st.bind(index, isoDate(c.openedOn)); break;
    case Column::LastActivity: st.bind(index, isoDate(c.lastActivity)); break;
    case Column::Payroll: st.bind(index, c.payroll); break;
    }
}

// The insert of a new customer, bound from one reusable UTF-8 buffer per row
// (SQLITE_STATIC): at 100k rows the per-value QByteArray of Statement::bind and
// SQLite's TRANSIENT copy are a good part of the import's cost.
class InsertCustomer
{
public:
    InsertCustomer(Database &db, const QString &sql) : m_db(db)
    {
        const QByteArray utf8 = sql.toUtf8();
        m_db.check(sqlite3_prepare_v2(m_db.handle(), utf8.constData(), int(utf8.size()), &m_stmt, nullptr), "prepare");
        m_buffer.resize(4096);
    }
    ~InsertCustomer() { sqlite3_finalize(m_stmt); }
    InsertCustomer(const InsertCustomer &) = delete;
    InsertCustomer &operator=(const InsertCustomer &) = delete;

    void run(const Customer &c, const std::vector<Column> &columns)
    {
        m_used = 0;
        // Reserve the worst case (3 bytes per UTF-16 unit) so the buffer never moves mid-row.
        qsizetype need = c.customerNo.size() * 3 + 64;
        for (const QString *s : {&c.name, &c.phone, &c.idNumber, &c.address, &c.occupation, &c.employer, &c.rmId,
                                 &c.historyEndMonth})
            need += s->size() * 3;
        need += 16 * 3 * 12 + 64; // history and dates
        if (m_buffer.size() < need)
            m_buffer.resize(need * 2);
        text(1, c.customerNo);
        int k = 2;
        for (Column col : columns) {
            switch (col) {
            case Column::Name: text(k, c.name); break;
            case Column::Gender: text(k, genderKey(c.gender)); break;
            case Column::BirthDate: text(k, isoDate(c.birthDate)); break;
            case Column::Phone: text(k, c.phone); break;
            case Column::IdNumber: text(k, c.idNumber); break;
            case Column::Address: text(k, c.address); break;
            case Column::Occupation: text(k, c.occupation); break;
            case Column::Employer: text(k, c.employer); break;
            case Column::RmId: text(k, c.rmId); break;
            case Column::Aum: sqlite3_bind_int64(m_stmt, k, c.aumFen); break;
            case Column::AumMtd: sqlite3_bind_int64(m_stmt, k, c.aumMtdAvgFen); break;
            case Column::History: text(k, joinHistory(c), true); break;
            case Column::HistoryEnd: text(k, c.historyEndMonth); break;
            case Column::OpenedOn: text(k, isoDate(c.openedOn)); break;
            case Column::LastActivity: text(k, isoDate(c.lastActivity)); break;
            case Column::Payroll: sqlite3_bind_int64(m_stmt, k, c.payroll ? 1 : 0); break;
            }
            ++k;
        }
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        m_db.check(rc, "insert customer");
    }

private:
    // Empty text binds NULL, as the rest of the store writes absent values; `keepEmpty` for NOT NULL columns.
    void text(int index, const QString &s, bool keepEmpty = false)
    {
        if (s.isEmpty() && !keepEmpty) {
            sqlite3_bind_null(m_stmt, index);
            return;
        }
        char *start = m_buffer.data() + m_used;
        char *end = m_encoder.appendToBuffer(start, s);
        m_used += end - start;
        sqlite3_bind_text(m_stmt, index, start, int(end - start), SQLITE_STATIC);
    }

    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QByteArray m_buffer;
    qsizetype m_used = 0;
    QStringEncoder m_encoder{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
};

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
    for (int i = 0; i < total; ++i) {
        const Customer &c = customers[size_t(i)];
        if (existing.contains(c.customerNo)) {
            if (update) {
                int k = 1;
                for (Column col : updateIds)
                    bindColumn(*update, k++, col, c);
                update->bind(k, c.customerNo);
                update->execute();
            }
            ++n.updated;
        } else {
            insert.run(c, insertIds);
            ++n.inserted;
        }
        if (progress && (i + 1) % 5000 == 0 && !progress(i + 1, total))
            return false; // rolled back
    }
    writeHoldings(holdings, staff, &n);
    n.newStaff = addUnknownRms(customers, mapping);
    tx.commit();
    if (counts)
        *counts = n;
    if (progress)
        progress(total, total);
    return true;
}
