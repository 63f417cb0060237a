#include "extractrecords.h"

#include "domain/extractcsv.h"
#include "domain/holding.h"
#include "domain/idcardnumber.h"
#include "domain/importvalue.h"

#include <QDate>

namespace {

const char *const kCustomerText[] = {"name", "gender", "phone", "id_number", "address", "occupation", "employer", "rm_id"};
const char *const kCustomerDates[] = {"birth_date", "loan_start_date", "last_activity", "opened_on"};
const char *const kCustomerFlags[] = {"payroll", "credit_card_active", "corporate_executive"};
const char *const kCustomerInts[] = {"mb_logins_90d", "txn_90d", "aum_fen", "aum_mtd_avg_fen", "contribution_fen",
                                     "settlement_products", "service_events_12m", "referral_links"};

} // namespace

int ExtractRecords::entityRank(const QString &entity)
{
    if (entity == QLatin1String("staff"))
        return 0;
    if (entity == QLatin1String("customer"))
        return 1;
    if (entity == QLatin1String("holding"))
        return 2;
    return 3;
}

bool ExtractRecords::setHeader(const QStringList &header, QString *error)
{
    m_column.clear();
    for (int i = 0; i < header.size(); ++i)
        m_column.insert(header.at(i).trimmed(), i);
    for (const QString &required : ExtractCsv::header()) {
        if (!m_column.contains(required)) {
            *error = QStringLiteral("line 1: the header has no column '%1'").arg(required);
            return false;
        }
    }
    return true;
}

bool ExtractRecords::convert(const QStringList &row, int line, SyncRecord *out, QString *error) const
{
    auto value = [&](const char *column) {
        const int i = m_column.value(QLatin1String(column), -1);
        return i >= 0 && i < row.size() ? row.at(i).trimmed() : QString();
    };
    auto fail = [&](const char *column, const QString &what) {
        *error = QStringLiteral("line %1, column %2: %3").arg(line).arg(QLatin1String(column), what);
        return false;
    };
    auto date = [&](const char *column, bool required) -> bool {
        const QString v = value(column);
        if (v.isEmpty()) {
            if (required)
                return fail(column, QStringLiteral("a date is required"));
            out->payload.insert(QLatin1String(column), QJsonValue::Null);
            return true;
        }
        // The import contract's dates: 2026-01-15, 2026/1/15, 20260115, 2026年1月15日 (no serials in a CSV).
        const auto d = ImportValue::date(v);
        if (!d)
            return fail(column, QStringLiteral("'%1' is not a date as YYYY-MM-DD").arg(v));
        out->payload.insert(QLatin1String(column), d->toString(Qt::ISODate));
        return true;
    };
    auto integer = [&](const char *column, bool flag) -> bool {
        const QString v = value(column);
        bool ok = false;
        qint64 n = v.isEmpty() ? 0 : v.toLongLong(&ok);
        if (!v.isEmpty() && !ok && QLatin1String(column).endsWith(QLatin1String("_fen"))) {
            // An amount as hands edit it: 1,234 (fen), or ¥5,000 / 5,000元 / 1.5万 (the mark says yuan).
            const auto fen = ImportValue::amountFen(v, ImportValue::AmountUnit::Fen);
            ok = fen.has_value();
            n = fen.value_or(0);
        }
        if (!v.isEmpty() && !ok)
            return fail(column, QStringLiteral("'%1' is not a whole number").arg(v));
        if (flag && n != 0 && n != 1)
            return fail(column, QStringLiteral("must be 0 or 1, got '%1'").arg(v));
        if (!flag && n < 0 && qstrcmp(column, "aum_fen") != 0)
            return fail(column, QStringLiteral("must not be negative, got '%1'").arg(v));
        out->payload.insert(QLatin1String(column), double(n));
        return true;
    };
    if (row.size() != m_column.size())
        return fail("record_type", QStringLiteral("the row has %1 fields, the header %2").arg(row.size()).arg(m_column.size()));

    *out = SyncRecord{};
    const QString type = value("record_type");
    if (type == QLatin1String("staff")) {
        out->entity = QStringLiteral("staff");
        out->id = value("staff_id");
        if (out->id.isEmpty())
            return fail("staff_id", QStringLiteral("is empty"));
        const QString role = value("staff_role");
        if (role != QLatin1String("rm") && role != QLatin1String("manager"))
            return fail("staff_role", QStringLiteral("must be rm or manager, got '%1'").arg(role));
        out->payload.insert(QStringLiteral("staff_id"), out->id);
        out->payload.insert(QStringLiteral("name"), value("staff_name"));
        out->payload.insert(QStringLiteral("role"), role);
        return true;
    }
    if (type == QLatin1String("customer")) {
        out->entity = QStringLiteral("customer");
        out->id = value("customer_no");
        if (out->id.isEmpty())
            return fail("customer_no", QStringLiteral("is empty"));
        if (value("name").isEmpty())
            return fail("name", QStringLiteral("is empty"));
        const QString gender = value("gender");
        if (!gender.isEmpty() && gender != QLatin1String("M") && gender != QLatin1String("F"))
            return fail("gender", QStringLiteral("must be M, F or empty, got '%1'").arg(gender));
        out->payload.insert(QStringLiteral("customer_no"), out->id);
        for (const char *c : kCustomerText) {
            const QString v = value(c);
            out->payload.insert(QLatin1String(c), v.isEmpty() && (qstrcmp(c, "gender") == 0 || qstrcmp(c, "rm_id") == 0)
                                                      ? QJsonValue(QJsonValue::Null)
                                                      : QJsonValue(v));
        }
        // The same checks as the desktop import (one contract): an ID number by GB 11643, a
        // 15-digit one stored as its 18-character form; a phone as its digits. The value is never
        // repeated in the message: HQ's output reaches operators' terminals and logs.
        if (const QString id = value("id_number"); !id.isEmpty()) {
            switch (IdCardNumber::check(id)) {
            case IdCardNumber::Problem::None:
                break;
            case IdCardNumber::Problem::CheckDigit:
                return fail("id_number", QStringLiteral("wrong check digit (GB 11643)"));
            case IdCardNumber::Problem::BirthDate:
                return fail("id_number", QStringLiteral("the birth date in it is not a date"));
            case IdCardNumber::Problem::Length:
            case IdCardNumber::Problem::Characters:
                return fail("id_number", QStringLiteral("not an ID card number (18 characters, or 15 digits)"));
            }
            out->payload.insert(QStringLiteral("id_number"), IdCardNumber::normalized(id));
        }
        if (const QString phone = value("phone"); !phone.isEmpty()) {
            const auto digits = ImportValue::phone(phone);
            if (!digits)
                return fail("phone", QStringLiteral("not a mainland mobile or landline number"));
            out->payload.insert(QStringLiteral("phone"), *digits);
        }
        for (const char *c : kCustomerDates) {
            if (!date(c, false))
                return false;
        }
        for (const char *c : kCustomerFlags) {
            if (!integer(c, true))
                return false;
        }
        for (const char *c : kCustomerInts) {
            if (!integer(c, false))
                return false;
        }
        const QString end = value("aum_hist_end");
        // YYYY-MM with a month 01-12 (checked by hand: convert() runs on several threads at once).
        const auto isMonth = [](const QString &m) {
            if (m.size() != 7 || m.at(4) != QLatin1Char('-'))
                return false;
            for (int i : {0, 1, 2, 3, 5, 6}) {
                if (m.at(i) < QLatin1Char('0') || m.at(i) > QLatin1Char('9'))
                    return false;
            }
            const int mm = (m.at(5).unicode() - '0') * 10 + (m.at(6).unicode() - '0');
            return mm >= 1 && mm <= 12;
        };
        if (!end.isEmpty() && !isMonth(end))
            return fail("aum_hist_end", QStringLiteral("'%1' is not a month as YYYY-MM").arg(end));
        out->payload.insert(QStringLiteral("aum_hist_end"), end.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(end));
        const QStringList hist = value("aum_hist").split(QLatin1Char(';'), Qt::SkipEmptyParts);
        if (hist.size() > 12)
            return fail("aum_hist", QStringLiteral("has %1 months, at most 12 are kept").arg(hist.size()));
        for (const QString &h : hist) {
            bool ok = false;
            h.toLongLong(&ok);
            if (!ok)
                return fail("aum_hist", QStringLiteral("'%1' is not an amount in fen").arg(h));
        }
        out->payload.insert(QStringLiteral("aum_hist"), hist.join(QLatin1Char(',')));
        return true;
    }
    if (type == QLatin1String("holding")) {
        out->entity = QStringLiteral("holding");
        out->id = value("holding_id");
        if (out->id.isEmpty())
            return fail("holding_id", QStringLiteral("is empty"));
        if (value("customer_no").isEmpty())
            return fail("customer_no", QStringLiteral("is empty"));
        Holding::ProductType type;
        if (!Holding::productTypeFromKey(value("product_type"), &type))
            return fail("product_type", QStringLiteral("unknown product type '%1'").arg(value("product_type")));
        Holding::Status status;
        const QString st = value("status").isEmpty() ? QStringLiteral("active") : value("status");
        if (!Holding::statusFromKey(st, &status))
            return fail("status", QStringLiteral("must be active, matured or closed, got '%1'").arg(st));
        out->payload.insert(QStringLiteral("holding_id"), out->id);
        out->payload.insert(QStringLiteral("customer_no"), value("customer_no"));
        out->payload.insert(QStringLiteral("product_type"), value("product_type"));
        out->payload.insert(QStringLiteral("product_name"), value("product_name"));
        out->payload.insert(QStringLiteral("status"), st);
        if (!integer("amount_fen", false) || !date("open_date", false) || !date("maturity_date", false))
            return false;
        return true;
    }
    return fail("record_type", QStringLiteral("must be staff, customer or holding, got '%1'").arg(type));
}
