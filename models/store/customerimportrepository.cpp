#include "customerimportrepository.h"

#include "database.h"
#include "statement.h"
#include "transaction.h"

#include <QStringList>

namespace {

QString isoDate(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString joinHistory(const Customer &c)
{
    QStringList parts;
    for (qint64 v : c.aumHistoryFen)
        parts << QString::number(v);
    return parts.join(QLatin1Char(','));
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

void bindColumn(Statement &st, int index, const QString &column, const Customer &c)
{
    if (column == QLatin1String("name")) st.bind(index, c.name);
    else if (column == QLatin1String("gender")) st.bind(index, genderKey(c.gender));
    else if (column == QLatin1String("birth_date")) st.bind(index, isoDate(c.birthDate));
    else if (column == QLatin1String("phone")) st.bind(index, c.phone.isEmpty() ? QString() : c.phone);
    else if (column == QLatin1String("id_number")) st.bind(index, c.idNumber.isEmpty() ? QString() : c.idNumber);
    else if (column == QLatin1String("address")) st.bind(index, c.address.isEmpty() ? QString() : c.address);
    else if (column == QLatin1String("occupation")) st.bind(index, c.occupation.isEmpty() ? QString() : c.occupation);
    else if (column == QLatin1String("employer")) st.bind(index, c.employer.isEmpty() ? QString() : c.employer);
    else if (column == QLatin1String("rm_id")) st.bind(index, c.rmId.isEmpty() ? QString() : c.rmId);
    else if (column == QLatin1String("aum_fen")) st.bind(index, c.aumFen);
    else if (column == QLatin1String("aum_mtd_avg_fen")) st.bind(index, c.aumMtdAvgFen);
    else if (column == QLatin1String("aum_hist")) st.bind(index, joinHistory(c));
    else if (column == QLatin1String("aum_hist_end")) st.bind(index, c.historyEndMonth);
    else if (column == QLatin1String("opened_on")) st.bind(index, isoDate(c.openedOn));
    else if (column == QLatin1String("last_activity")) st.bind(index, isoDate(c.lastActivity));
    else if (column == QLatin1String("payroll")) st.bind(index, c.payroll);
}

} // namespace

bool CustomerImportRepository::write(const std::vector<Customer> &customers, const ImportMapping &mapping,
                                     Counts *counts, const Progress &progress)
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
    Statement exists(m_db, QStringLiteral("SELECT 1 FROM customer WHERE customer_no = ?"));
    QString marks = QStringLiteral("?");
    for (qsizetype i = 0; i < insertColumns.size(); ++i)
        marks += QStringLiteral(",?");
    Statement insert(m_db, QStringLiteral("INSERT INTO customer (customer_no, %1) VALUES (%2)")
                               .arg(insertColumns.join(QStringLiteral(", ")), marks));
    Counts n;
    const int total = int(customers.size());
    for (int i = 0; i < total; ++i) {
        const Customer &c = customers[size_t(i)];
        exists.bind(1, c.customerNo);
        const bool present = exists.step();
        exists.reset();
        if (present) {
            if (update) {
                int k = 1;
                for (const QString &col : std::as_const(updateColumns))
                    bindColumn(*update, k++, col, c);
                update->bind(k, c.customerNo);
                update->execute();
            }
            ++n.updated;
        } else {
            insert.bind(1, c.customerNo);
            int k = 2;
            for (const QString &col : std::as_const(insertColumns))
                bindColumn(insert, k++, col, c);
            insert.execute();
            ++n.inserted;
        }
        if (progress && (i + 1) % 5000 == 0 && !progress(i + 1, total))
            return false; // rolled back
    }
    tx.commit();
    if (counts)
        *counts = n;
    if (progress)
        progress(total, total);
    return true;
}
