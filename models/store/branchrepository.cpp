#include "branchrepository.h"

#include "assignmentrepository.h"
#include "schemamigrations.h"

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

QString joinHistory(const Customer &c)
{
    QString out;
    out.reserve(Customer::kHistoryMonths * 10);
    for (size_t i = 0; i < c.aumHistoryFen.size(); ++i) {
        if (i)
            out += QLatin1Char(',');
        out += QString::number(c.aumHistoryFen[i]);
    }
    return out;
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

QString genderKey(Customer::Gender g)
{
    switch (g) {
    case Customer::Gender::Male:
        return QStringLiteral("M");
    case Customer::Gender::Female:
        return QStringLiteral("F");
    case Customer::Gender::Unknown:
        break;
    }
    return {};
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

    Statement customer(m_db, QStringLiteral(
        "INSERT INTO customer (customer_no, name, gender, birth_date, phone, id_number, address, occupation,"
        " employer, payroll, credit_card_active, loan_start_date, corporate_executive, mb_logins_90d, txn_90d,"
        " last_activity, opened_on, rm_id, aum_fen, aum_mtd_avg_fen, aum_hist_end, aum_hist, contribution_fen,"
        " settlement_products, service_events_12m, referral_links)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    const int total = int(data.customers.size() + data.holdings.size());
    int done = 0;
    for (const Customer &c : data.customers) {
        customer.bind(1, c.customerNo)
            .bind(2, c.name)
            .bind(3, genderKey(c.gender))
            .bind(4, isoDate(c.birthDate))
            .bind(5, c.phone)
            .bind(6, c.idNumber)
            .bind(7, c.address)
            .bind(8, c.occupation)
            .bind(9, c.employer)
            .bind(10, c.payroll)
            .bind(11, c.creditCardActive)
            .bind(12, isoDate(c.loanStartDate))
            .bind(13, c.corporateExecutive)
            .bind(14, c.mobileLogins90d)
            .bind(15, c.transactions90d)
            .bind(16, isoDate(c.lastActivity))
            .bind(17, isoDate(c.openedOn))
            .bind(18, c.rmId.isEmpty() ? QString() : c.rmId)
            .bind(19, c.aumFen)
            .bind(20, c.aumMtdAvgFen)
            .bind(21, c.historyEndMonth)
            .bind(22, joinHistory(c))
            .bind(23, c.contributionFen)
            .bind(24, c.settlementProducts)
            .bind(25, c.serviceEvents12m)
            .bind(26, c.referralLinks)
            .execute();
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
    Statement st(m_db, QStringLiteral(
        "SELECT customer_no, name, gender, birth_date, phone, id_number, address, occupation, employer,"
        " payroll, credit_card_active, loan_start_date, corporate_executive, mb_logins_90d, txn_90d,"
        " last_activity, opened_on, rm_id, aum_fen, aum_mtd_avg_fen, aum_hist_end, aum_hist,"
        " contribution_fen, settlement_products, service_events_12m, referral_links, masked"
        " FROM customer"));
    out->reserve(out->size() + size_t(maxRowid(m_db, "customer"))); // no copies as the vector grows
    int done = 0;
    while (st.step()) {
        Customer c;
        c.customerNo = st.text(0);
        c.name = st.text(1);
        const QByteArrayView g = st.utf8(2);
        c.gender = g == "M" ? Customer::Gender::Male : g == "F" ? Customer::Gender::Female : Customer::Gender::Unknown;
        c.birthDate = dateFromUtf8(st.utf8(3));
        c.phone = st.text(4);
        c.idNumber = st.text(5);
        c.address = st.text(6);
        c.occupation = st.text(7);
        c.employer = st.text(8);
        c.payroll = st.int64(9) != 0;
        c.creditCardActive = st.int64(10) != 0;
        c.loanStartDate = dateFromUtf8(st.utf8(11));
        c.corporateExecutive = st.int64(12) != 0;
        c.mobileLogins90d = st.integer(13);
        c.transactions90d = st.integer(14);
        c.lastActivity = dateFromUtf8(st.utf8(15));
        c.openedOn = dateFromUtf8(st.utf8(16));
        c.rmId = st.text(17);
        c.aumFen = st.int64(18);
        c.aumMtdAvgFen = st.int64(19);
        c.historyEndMonth = st.text(20);
        splitHistory(st.utf8(21), &c);
        c.contributionFen = st.int64(22);
        c.settlementProducts = st.integer(23);
        c.serviceEvents12m = st.integer(24);
        c.referralLinks = st.integer(25);
        c.masked = !st.isNull(26);
        if (c.masked)
            c.maskedTier = st.text(26);
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

QString BranchRepository::metaValue(const QString &key)
{
    Statement st(m_db, QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    st.bind(1, key);
    return st.step() ? st.text(0) : QString();
}

void BranchRepository::setMetaValue(const QString &key, const QString &value)
{
    Statement st(m_db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    st.bind(1, key).bind(2, value).execute();
}
