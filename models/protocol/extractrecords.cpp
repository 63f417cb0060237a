#include "extractrecords.h"

#include "domain/customercolumns.h"
#include "domain/extractcsv.h"
#include "domain/holding.h"
#include "domain/idcardnumber.h"
#include "domain/importvalue.h"

#include <QDate>

namespace {

// YYYY-MM with a month 01-12 (checked by hand: convert() runs on several threads at once).
bool isMonth(const QString &m)
{
    if (m.size() != 7 || m.at(4) != QLatin1Char('-'))
        return false;
    for (int i : {0, 1, 2, 3, 5, 6}) {
        if (m.at(i) < QLatin1Char('0') || m.at(i) > QLatin1Char('9'))
            return false;
    }
    const int mm = (m.at(5).unicode() - '0') * 10 + (m.at(6).unicode() - '0');
    return mm >= 1 && mm <= 12;
}

// One row being converted: its values by column name, its failures as "line N, column X: ...".
struct RowReader
{
    const QHash<QString, int> &columns;
    const QStringList &row;
    int line;
    SyncRecord *out;
    QString *error;

    QString value(const char *column) const
    {
        const int i = columns.value(QLatin1String(column), -1);
        return i >= 0 && i < row.size() ? row.at(i).trimmed() : QString();
    }
    bool fail(const char *column, const QString &what) const
    {
        *error = QStringLiteral("line %1, column %2: %3").arg(line).arg(QLatin1String(column), what);
        return false;
    }
    bool date(const char *column, bool required) const
    {
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
    }
    // A whole number; `fen`: an amount as hands edit it (1,234 fen, or ¥5,000 / 5,000元 / 1.5万 in yuan).
    bool integer(const char *column, bool flag, bool fen, bool mayBeNegative) const
    {
        const QString v = value(column);
        bool ok = false;
        qint64 n = v.isEmpty() ? 0 : v.toLongLong(&ok);
        if (!v.isEmpty() && !ok && fen) {
            const auto amount = ImportValue::amountFen(v, ImportValue::AmountUnit::Fen);
            ok = amount.has_value();
            n = amount.value_or(0);
        }
        if (!v.isEmpty() && !ok)
            return fail(column, QStringLiteral("'%1' is not a whole number").arg(v));
        if (flag && n != 0 && n != 1)
            return fail(column, QStringLiteral("must be 0 or 1, got '%1'").arg(v));
        if (!flag && n < 0 && !mayBeNegative)
            return fail(column, QStringLiteral("must not be negative, got '%1'").arg(v));
        out->payload.insert(QLatin1String(column), double(n));
        return true;
    }
    bool text(const char *column, const QString &v, bool emptyIsNull) const
    {
        out->payload.insert(QLatin1String(column), v.isEmpty() && emptyIsNull ? QJsonValue(QJsonValue::Null) : QJsonValue(v));
        return true;
    }
    bool idNumber(const char *column, const QString &id) const;
    bool history(const char *column) const;
    bool customerColumn(const CustomerColumn &col) const;
    bool staff() const;
    bool customer() const;
    bool holding() const;
};

// The same checks as the desktop import (one contract): an ID number by GB 11643, a 15-digit
// one stored as its 18-character form. The value is never repeated in the message: HQ's
// output reaches operators' terminals and logs.
bool RowReader::idNumber(const char *column, const QString &id) const
{
    if (id.isEmpty())
        return text(column, id, false);
    switch (IdCardNumber::check(id)) {
    case IdCardNumber::Problem::None:
        break;
    case IdCardNumber::Problem::CheckDigit:
        return fail(column, QStringLiteral("wrong check digit (GB 11643)"));
    case IdCardNumber::Problem::BirthDate:
        return fail(column, QStringLiteral("the birth date in it is not a date"));
    case IdCardNumber::Problem::Length:
    case IdCardNumber::Problem::Characters:
        return fail(column, QStringLiteral("not an ID card number (18 characters, or 15 digits)"));
    }
    return text(column, IdCardNumber::normalized(id), false);
}

bool RowReader::history(const char *column) const
{
    const QStringList hist = value(column).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (hist.size() > 12)
        return fail(column, QStringLiteral("has %1 months, at most 12 are kept").arg(hist.size()));
    for (const QString &h : hist) {
        bool ok = false;
        h.toLongLong(&ok);
        if (!ok)
            return fail(column, QStringLiteral("'%1' is not an amount in fen").arg(h));
    }
    return text(column, hist.join(QLatin1Char(',')), false);
}

// One registered customer column (domain/customercolumns.h), checked by its kind.
bool RowReader::customerColumn(const CustomerColumn &col) const
{
    using K = CustomerColumn::Kind;
    const char *c = col.csv;
    const QString v = value(c);
    switch (col.kind) {
    case K::Key:
        return v.isEmpty() ? fail(c, QStringLiteral("is empty")) : text(c, v, false);
    case K::Name:
        return v.isEmpty() ? fail(c, QStringLiteral("is empty")) : text(c, v, false);
    case K::Text:
        return text(c, v, false);
    case K::OptionalText:
        return text(c, v, true);
    case K::Gender:
        if (!v.isEmpty() && v != QLatin1String("M") && v != QLatin1String("F"))
            return fail(c, QStringLiteral("must be M, F or empty, got '%1'").arg(v));
        return text(c, v, true);
    case K::Phone: {
        if (v.isEmpty())
            return text(c, v, false);
        const auto digits = ImportValue::phone(v); // a phone as its digits
        return digits ? text(c, *digits, false) : fail(c, QStringLiteral("not a mainland mobile or landline number"));
    }
    case K::IdNumber:
        return idNumber(c, v);
    case K::Date:
        return date(c, false);
    case K::Flag:
        return integer(c, true, false, false);
    case K::Count:
        return integer(c, false, false, false);
    case K::Money:
    case K::SignedMoney:
        return integer(c, false, true, col.kind == K::SignedMoney);
    case K::Month:
        if (!v.isEmpty() && !isMonth(v))
            return fail(c, QStringLiteral("'%1' is not a month as YYYY-MM").arg(v));
        return text(c, v, true);
    case K::History:
        return history(c);
    case K::Masked:
        break;
    }
    return true;
}

bool RowReader::staff() const
{
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

bool RowReader::customer() const
{
    out->entity = QStringLiteral("customer");
    out->id = value("customer_no");
    for (const CustomerColumn *col : CustomerColumns::csvColumns()) {
        if (!customerColumn(*col))
            return false;
    }
    return true;
}

bool RowReader::holding() const
{
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
    return integer("amount_fen", false, true, false) && date("open_date", false) && date("maturity_date", false);
}

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
    // A customer column added after the first schema may be missing from an older extract.
    QStringList optional;
    for (const CustomerColumn *col : CustomerColumns::csvColumns()) {
        if (col->since > 1)
            optional << QLatin1String(col->csv);
    }
    for (const QString &required : ExtractCsv::header()) {
        if (!m_column.contains(required) && !optional.contains(required)) {
            *error = QStringLiteral("line 1: the header has no column '%1'").arg(required);
            return false;
        }
    }
    return true;
}

bool ExtractRecords::convert(const QStringList &row, int line, SyncRecord *out, QString *error) const
{
    const RowReader r{m_column, row, line, out, error};
    if (row.size() != m_column.size())
        return r.fail("record_type", QStringLiteral("the row has %1 fields, the header %2").arg(row.size()).arg(m_column.size()));
    *out = SyncRecord{};
    const QString type = r.value("record_type");
    if (type == QLatin1String("staff"))
        return r.staff();
    if (type == QLatin1String("customer"))
        return r.customer();
    if (type == QLatin1String("holding"))
        return r.holding();
    return r.fail("record_type", QStringLiteral("must be staff, customer or holding, got '%1'").arg(type));
}
