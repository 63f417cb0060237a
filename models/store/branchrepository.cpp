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

QDate parseDate(const QString &s)
{
    return s.isEmpty() ? QDate() : QDate::fromString(s, Qt::ISODate);
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

void splitHistory(const QString &s, Customer *c)
{
    int index = 0;
    qint64 value = 0;
    bool negative = false;
    for (QChar ch : s) {
        if (ch == QLatin1Char(',')) {
            if (index < Customer::kHistoryMonths)
                c->aumHistoryFen[size_t(index)] = negative ? -value : value;
            ++index;
            value = 0;
            negative = false;
        } else if (ch == QLatin1Char('-')) {
            negative = true;
        } else {
            value = value * 10 + (ch.unicode() - '0');
        }
    }
    if (!s.isEmpty() && index < Customer::kHistoryMonths)
        c->aumHistoryFen[size_t(index)] = negative ? -value : value;
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

bool BranchRepository::loadAll(BranchData *out, const Progress &progress)
{
    BranchData data;
    {
        Statement st(m_db, QStringLiteral("SELECT code, name FROM branch LIMIT 1"));
        if (st.step()) {
            data.branchCode = st.text(0);
            data.branchName = st.text(1);
        }
    }
    {
        Statement st(m_db, QStringLiteral("SELECT staff_id, name, role FROM staff ORDER BY staff_id"));
        while (st.step()) {
            data.staff.push_back({st.text(0), st.text(1),
                                  st.text(2) == QLatin1String("manager") ? Staff::Role::Manager
                                                                          : Staff::Role::RelationshipManager});
        }
    }
    int total = 0;
    {
        Statement st(m_db, QStringLiteral("SELECT (SELECT count(*) FROM customer) + (SELECT count(*) FROM holding)"));
        if (st.step())
            total = st.integer(0);
    }
    int done = 0;
    {
        Statement st(m_db, QStringLiteral(
            "SELECT customer_no, name, gender, birth_date, phone, id_number, address, occupation, employer,"
            " payroll, credit_card_active, loan_start_date, corporate_executive, mb_logins_90d, txn_90d,"
            " last_activity, opened_on, rm_id, aum_fen, aum_mtd_avg_fen, aum_hist_end, aum_hist,"
            " contribution_fen, settlement_products, service_events_12m, referral_links, masked"
            " FROM customer"));
        while (st.step()) {
            Customer c;
            c.customerNo = st.text(0);
            c.name = st.text(1);
            const QString g = st.text(2);
            c.gender = g == QLatin1String("M")   ? Customer::Gender::Male
                       : g == QLatin1String("F") ? Customer::Gender::Female
                                                 : Customer::Gender::Unknown;
            c.birthDate = parseDate(st.text(3));
            c.phone = st.text(4);
            c.idNumber = st.text(5);
            c.address = st.text(6);
            c.occupation = st.text(7);
            c.employer = st.text(8);
            c.payroll = st.int64(9) != 0;
            c.creditCardActive = st.int64(10) != 0;
            c.loanStartDate = parseDate(st.text(11));
            c.corporateExecutive = st.int64(12) != 0;
            c.mobileLogins90d = st.integer(13);
            c.transactions90d = st.integer(14);
            c.lastActivity = parseDate(st.text(15));
            c.openedOn = parseDate(st.text(16));
            c.rmId = st.text(17);
            c.aumFen = st.int64(18);
            c.aumMtdAvgFen = st.int64(19);
            c.historyEndMonth = st.text(20);
            splitHistory(st.text(21), &c);
            c.contributionFen = st.int64(22);
            c.settlementProducts = st.integer(23);
            c.serviceEvents12m = st.integer(24);
            c.referralLinks = st.integer(25);
            c.masked = !st.isNull(26);
            if (c.masked)
                c.maskedTier = st.text(26);
            data.customers.push_back(std::move(c));
            if (progress && (++done % 5000) == 0 && !progress(done, total))
                return false;
        }
    }
    {
        Statement st(m_db, QStringLiteral(
            "SELECT holding_id, customer_no, product_type, product_name, amount_fen, open_date, maturity_date,"
            " status FROM holding"));
        while (st.step()) {
            Holding h;
            h.holdingId = st.text(0);
            h.customerNo = st.text(1);
            Holding::productTypeFromKey(st.text(2), &h.productType);
            h.productName = st.text(3);
            h.amountFen = st.int64(4);
            h.openDate = parseDate(st.text(5));
            h.maturityDate = parseDate(st.text(6));
            Holding::statusFromKey(st.text(7), &h.status);
            data.holdings.push_back(std::move(h));
            if (progress && (++done % 5000) == 0 && !progress(done, total))
                return false;
        }
    }
    // The manager's assignments (schema v6) win over the RM named in HQ's extract.
    if (SchemaMigrations::currentVersion(m_db) >= 6)
        AssignmentRepository(m_db).overlay(&data);
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
