#include "extractcsv.h"

#include "customercolumns.h"

#include <QIODevice>
#include <QStringList>

#include <iterator>

namespace {

// The extract's columns: the staff columns, the customer's (registered in customercolumns.h,
// customer_no first) and the holding's.
const char *const kStaffColumns[] = {"record_type", "branch_code", "staff_id", "staff_name", "staff_role"};
const char *const kHoldingColumns[] = {"holding_id", "product_type", "product_name", "amount_fen",
                                       "open_date", "maturity_date", "status"};
constexpr int kCustomerFirst = int(std::size(kStaffColumns));

QString field(const QString &s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n'))
        || s.contains(QLatin1Char('\r'))) {
        QString q = s;
        q.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + q + QLatin1Char('"');
    }
    return s;
}

QString date(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString customerValue(const CustomerColumn &col, const Customer &c)
{
    // As the store keeps it, but the averages joined by ';' and no masked marker (HQ masks at pull time).
    if (col.kind == CustomerColumn::Kind::History)
        return CustomerColumns::joinedHistory(c, QLatin1Char(';'));
    if (col.kind == CustomerColumn::Kind::Masked)
        return {};
    return CustomerColumns::storedText(col, c);
}

} // namespace

QStringList ExtractCsv::header()
{
    static const QStringList h = [] {
        QStringList l;
        for (const char *c : kStaffColumns)
            l << QString::fromLatin1(c);
        l += CustomerColumns::csvHeaders();
        for (const char *c : kHoldingColumns)
            l << QString::fromLatin1(c);
        return l;
    }();
    return h;
}

bool ExtractCsv::write(const BranchData &data, QIODevice *device, QString *error)
{
    const int columnCount = int(header().size());
    const int holdingFirst = columnCount - int(std::size(kHoldingColumns));
    auto writeRow = [&](QStringList row) {
        while (row.size() < columnCount)
            row << QString();
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            if (i)
                line += QLatin1Char(',');
            line += field(row.at(i));
        }
        line += QLatin1Char('\n');
        const QByteArray bytes = line.toUtf8();
        return device->write(bytes) == bytes.size();
    };
    bool ok = writeRow(header());
    for (const Staff &s : data.staff) {
        ok = ok && writeRow({QStringLiteral("staff"), data.branchCode, s.staffId, s.name, Staff::roleKey(s.role)});
    }
    const std::vector<const CustomerColumn *> &columns = CustomerColumns::csvColumns();
    for (const Customer &c : data.customers) {
        QStringList row{QStringLiteral("customer"), data.branchCode, QString(), QString(), QString()};
        for (const CustomerColumn *col : columns)
            row << customerValue(*col, c);
        ok = ok && writeRow(row);
        if (!ok)
            break;
    }
    for (const Holding &h : data.holdings) {
        QStringList row;
        row << QStringLiteral("holding") << data.branchCode;
        for (int i = 2; i < kCustomerFirst; ++i)
            row << QString();
        row << h.customerNo; // the customer columns start with customer_no
        while (row.size() < holdingFirst)
            row << QString();
        row << h.holdingId << Holding::productTypeKey(h.productType) << h.productName
            << QString::number(h.amountFen) << date(h.openDate) << date(h.maturityDate) << Holding::statusKey(h.status);
        ok = ok && writeRow(row);
        if (!ok)
            break;
    }
    if (!ok && error)
        *error = device->errorString();
    return ok;
}
