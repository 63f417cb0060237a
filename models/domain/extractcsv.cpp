#include "extractcsv.h"

#include <QIODevice>
#include <QStringList>

namespace {

const char *const kColumns[] = {
    "record_type", "branch_code", "staff_id", "staff_name", "staff_role", "customer_no", "name", "gender",
    "birth_date", "phone", "id_number", "address", "occupation", "employer", "payroll", "credit_card_active",
    "loan_start_date", "corporate_executive", "mb_logins_90d", "txn_90d", "last_activity", "opened_on",
    "rm_id", "aum_fen", "aum_mtd_avg_fen", "aum_hist_end", "aum_hist", "contribution_fen",
    "settlement_products", "service_events_12m", "referral_links", "holding_id", "product_type",
    "product_name", "amount_fen", "open_date", "maturity_date", "status",
};
constexpr int kColumnCount = int(sizeof(kColumns) / sizeof(kColumns[0]));

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

QString flag(bool b)
{
    return b ? QStringLiteral("1") : QStringLiteral("0");
}

QString history(const Customer &c)
{
    QStringList parts;
    for (qint64 v : c.aumHistoryFen)
        parts << QString::number(v);
    return parts.join(QLatin1Char(';'));
}

} // namespace

QStringList ExtractCsv::header()
{
    QStringList h;
    for (const char *c : kColumns)
        h << QString::fromLatin1(c);
    return h;
}

bool ExtractCsv::write(const BranchData &data, QIODevice *device, QString *error)
{
    auto writeRow = [&](QStringList row) {
        while (row.size() < kColumnCount)
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
    for (const Customer &c : data.customers) {
        const QString gender = c.gender == Customer::Gender::Male     ? QStringLiteral("M")
                               : c.gender == Customer::Gender::Female ? QStringLiteral("F")
                                                                      : QString();
        ok = ok && writeRow({QStringLiteral("customer"), data.branchCode, QString(), QString(), QString(),
                             c.customerNo, c.name, gender, date(c.birthDate), c.phone, c.idNumber, c.address,
                             c.occupation, c.employer, flag(c.payroll), flag(c.creditCardActive),
                             date(c.loanStartDate), flag(c.corporateExecutive), QString::number(c.mobileLogins90d),
                             QString::number(c.transactions90d), date(c.lastActivity), date(c.openedOn), c.rmId,
                             QString::number(c.aumFen), QString::number(c.aumMtdAvgFen), c.historyEndMonth,
                             history(c), QString::number(c.contributionFen), QString::number(c.settlementProducts),
                             QString::number(c.serviceEvents12m), QString::number(c.referralLinks)});
        if (!ok)
            break;
    }
    for (const Holding &h : data.holdings) {
        QStringList row;
        row << QStringLiteral("holding") << data.branchCode;
        for (int i = 2; i < 5; ++i)
            row << QString();
        row << h.customerNo;
        for (int i = 6; i < 31; ++i)
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
