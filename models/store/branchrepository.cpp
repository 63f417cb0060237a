#include "branchrepository.h"

#include "assignmentrepository.h"
#include "schemamigrations.h"

#include "domain/customercolumns.h"

#include "database.h"
#include "statement.h"
#include "storeerror.h"
#include "transaction.h"

#include <QStringList>

namespace {

QString isoDate(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

// ISO dates as the store writes them (YYYY-MM-DD), read without a QString: at 100k customers
// and 300k holdings these are a million dates on every load. Anything else goes through
// QDate::fromString, as before.
QDate dateFromUtf8(QByteArrayView s)
{
    if (s.isEmpty())
        return {};
    if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
        int v[3] = {0, 0, 0};
        const int from[3] = {0, 5, 8};
        const int to[3] = {4, 7, 10};
        bool digits = true;
        for (int k = 0; k < 3 && digits; ++k) {
            for (int i = from[k]; i < to[k]; ++i) {
                const char c = s[i];
                digits = digits && c >= '0' && c <= '9';
                v[k] = v[k] * 10 + (c - '0');
            }
        }
        if (digits)
            return QDate(v[0], v[1], v[2]);
    }
    return QDate::fromString(QString::fromUtf8(s), Qt::ISODate);
}

void splitHistory(QByteArrayView s, Customer *c)
{
    int index = 0;
    qint64 value = 0;
    bool negative = false;
    for (char ch : s) {
        if (ch == ',') {
            if (index < Customer::kHistoryMonths)
                c->aumHistoryFen[size_t(index)] = negative ? -value : value;
            ++index;
            value = 0;
            negative = false;
        } else if (ch == '-') {
            negative = true;
        } else {
            value = value * 10 + (ch - '0');
        }
    }
    if (!s.isEmpty() && index < Customer::kHistoryMonths)
        c->aumHistoryFen[size_t(index)] = negative ? -value : value;
}

// The largest rowid of a table: its row count, or a little above (rows go in bulk). One page read.
int maxRowid(Database &db, const char *table)
{
    Statement st(db, QStringLiteral("SELECT ifnull(max(rowid), 0) FROM %1").arg(QLatin1String(table)));
    return st.step() ? qBound(0, st.integer(0), 10000000) : 0;
}

// The customer statements, built once from the registry (domain/customercolumns.h): the
// INSERT binds and the SELECT reads column i of kCustomerColumns as parameter i + 1 and
// result i, so the two lists can never disagree with each other or with the table.
const QString &customerInsertSql()
{
    static const QString sql = [] {
        QString marks = QStringLiteral("?");
        for (qsizetype i = 1; i < CustomerColumns::names().size(); ++i)
            marks += QStringLiteral(",?");
        return QStringLiteral("INSERT INTO customer (%1) VALUES (%2)")
            .arg(CustomerColumns::names().join(QStringLiteral(", ")), marks);
    }();
    return sql;
}

const QString &customerSelectSql()
{
    static const QString sql =
        QStringLiteral("SELECT %1 FROM customer").arg(CustomerColumns::names().join(QStringLiteral(", ")));
    return sql;
}

void bindCustomerColumn(Statement &st, int index, const CustomerColumn &col, const Customer &c)
{
    if (CustomerColumns::isInteger(col))
        st.bind(index, CustomerColumns::storedInteger(col, c));
    else
        st.bind(index, CustomerColumns::storedText(col, c));
}

void readCustomerColumn(const Statement &st, int index, const CustomerColumn &col, Customer *c)
{
    using K = CustomerColumn::Kind;
    switch (col.kind) {
    case K::Key:
    case K::Name:
    case K::Text:
    case K::OptionalText:
    case K::Phone:
    case K::IdNumber:
    case K::Month:
        c->*col.text = st.text(index);
        break;
    case K::Gender: {
        const QByteArrayView g = st.utf8(index);
        c->gender = g == "M" ? Customer::Gender::Male : g == "F" ? Customer::Gender::Female : Customer::Gender::Unknown;
        break;
    }
    case K::Date:
        c->*col.date = dateFromUtf8(st.utf8(index));
        break;
    case K::Flag:
        c->*col.flag = st.int64(index) != 0;
        break;
    case K::Count:
        c->*col.count = st.integer(index);
        break;
    case K::Money:
    case K::SignedMoney:
        c->*col.money = st.int64(index);
        break;
    case K::History:
        splitHistory(st.utf8(index), c);
        break;
    case K::Masked:
        c->masked = !st.isNull(index);
        if (c->masked)
            c->maskedTier = st.text(index);
        break;
    }
}

} // namespace

bool BranchRepository::replaceAll(const BranchData &data, const Progress &progress)
{
    Transaction tx(m_db);
    m_db.exec(QStringLiteral("DELETE FROM holding"));
    m_db.exec(QStringLiteral("DELETE FROM customer"));
    m_db.exec(QStringLiteral("DELETE FROM staff"));
    m_db.exec(QStringLiteral("DELETE FROM branch"));

    Statement branch(m_db, QStringLiteral("INSERT INTO branch (code, name) VALUES (?, ?)"));
    branch.bind(1, data.branchCode).bind(2, data.branchName).execute();

    Statement staff(m_db, QStringLiteral("INSERT INTO staff (staff_id, name, role) VALUES (?, ?, ?)"));
    for (const Staff &s : data.staff)
        staff.bind(1, s.staffId).bind(2, s.name).bind(3, Staff::roleKey(s.role)).execute();

    Statement customer(m_db, customerInsertSql());
    const std::span<const CustomerColumn> columns = CustomerColumns::all();
    const int total = int(data.customers.size() + data.holdings.size());
    int done = 0;
    for (const Customer &c : data.customers) {
        for (size_t i = 0; i < columns.size(); ++i)
            bindCustomerColumn(customer, int(i) + 1, columns[i], c);
        customer.execute();
        if (progress && (++done % 5000) == 0 && !progress(done, total))
            return false; // Transaction's destructor rolls back
    }

    Statement holding(m_db, QStringLiteral(
        "INSERT INTO holding (holding_id, customer_no, product_type, product_name, amount_fen, open_date,"
        " maturity_date, status) VALUES (?,?,?,?,?,?,?,?)"));
    for (const Holding &h : data.holdings) {
        holding.bind(1, h.holdingId)
            .bind(2, h.customerNo)
            .bind(3, Holding::productTypeKey(h.productType))
            .bind(4, h.productName)
            .bind(5, h.amountFen)
            .bind(6, isoDate(h.openDate))
            .bind(7, isoDate(h.maturityDate))
            .bind(8, Holding::statusKey(h.status))
            .execute();
        if (progress && (++done % 5000) == 0 && !progress(done, total))
            return false;
    }
    tx.commit();
    return true;
}

void BranchRepository::loadHeader(BranchData *out)
{
    {
        Statement st(m_db, QStringLiteral("SELECT code, name FROM branch LIMIT 1"));
        if (st.step()) {
            out->branchCode = st.text(0);
            out->branchName = st.text(1);
        }
    }
    Statement st(m_db, QStringLiteral("SELECT staff_id, name, role FROM staff ORDER BY staff_id"));
    while (st.step()) {
        out->staff.push_back({st.text(0), st.text(1),
                              st.text(2) == QLatin1String("manager") ? Staff::Role::Manager
                                                                      : Staff::Role::RelationshipManager});
    }
}

int BranchRepository::rowEstimate()
{
    // The largest rowid, not count(*): count(*) reads (and decrypts) a whole index, this one
    // page. Rows are only ever deleted in bulk, so it is the count or a little above.
    return maxRowid(m_db, "customer") + maxRowid(m_db, "holding");
}

bool BranchRepository::loadCustomers(std::vector<Customer> *out, const RowProgress &progress)
{
    Statement st(m_db, customerSelectSql());
    const std::span<const CustomerColumn> columns = CustomerColumns::all();
    out->reserve(out->size() + size_t(maxRowid(m_db, "customer"))); // no copies as the vector grows
    int done = 0;
    while (st.step()) {
        Customer c;
        for (size_t i = 0; i < columns.size(); ++i)
            readCustomerColumn(st, int(i), columns[i], &c);
        out->push_back(std::move(c));
        if (progress && (++done % 5000) == 0 && !progress(done))
            return false;
    }
    return true;
}

bool BranchRepository::loadHoldings(std::vector<Holding> *out, const RowProgress &progress)
{
    Statement st(m_db, QStringLiteral(
        "SELECT holding_id, customer_no, product_type, product_name, amount_fen, open_date, maturity_date,"
        " status FROM holding"));
    out->reserve(out->size() + size_t(maxRowid(m_db, "holding")));
    int done = 0;
    while (st.step()) {
        Holding h;
        h.holdingId = st.text(0);
        h.customerNo = st.text(1);
        Holding::productTypeFromKey(st.text(2), &h.productType);
        h.productName = st.text(3);
        h.amountFen = st.int64(4);
        h.openDate = dateFromUtf8(st.utf8(5));
        h.maturityDate = dateFromUtf8(st.utf8(6));
        Holding::statusFromKey(st.text(7), &h.status);
        out->push_back(std::move(h));
        if (progress && (++done % 5000) == 0 && !progress(done))
            return false;
    }
    return true;
}

void BranchRepository::overlayAssignments(BranchData *data)
{
    // The manager's assignments (schema v6) win over the RM named in HQ's extract.
    if (SchemaMigrations::currentVersion(m_db) >= 6)
        AssignmentRepository(m_db).overlay(data);
}

bool BranchRepository::loadAll(BranchData *out, const Progress &progress)
{
    BranchData data;
    loadHeader(&data);
    const int total = progress ? rowEstimate() : 0;
    RowProgress customerProgress, holdingProgress;
    if (progress) {
        customerProgress = [&](int done) { return progress(done, total); };
        holdingProgress = [&](int done) { return progress(int(data.customers.size()) + done, total); };
    }
    if (!loadCustomers(&data.customers, customerProgress) || !loadHoldings(&data.holdings, holdingProgress))
        return false;
    overlayAssignments(&data);
    *out = std::move(data);
    return true;
}

int BranchRepository::customerCount()
{
    Statement st(m_db, QStringLiteral("SELECT count(*) FROM customer"));
    return st.step() ? st.integer(0) : 0;
}
