#include "customercolumns.h"

#include <algorithm>

bool CustomerColumns::isInteger(const CustomerColumn &column)
{
    using K = CustomerColumn::Kind;
    return column.kind == K::Flag || column.kind == K::Count || column.kind == K::Money || column.kind == K::SignedMoney;
}

qint64 CustomerColumns::storedInteger(const CustomerColumn &column, const Customer &c)
{
    if (column.flag)
        return c.*column.flag ? 1 : 0;
    if (column.count)
        return c.*column.count;
    return column.money ? c.*column.money : 0;
}

QString CustomerColumns::storedText(const CustomerColumn &column, const Customer &c)
{
    using K = CustomerColumn::Kind;
    switch (column.kind) {
    case K::Key:
    case K::Name:
    case K::Text:
    case K::Phone:
    case K::IdNumber:
    case K::Month:
        return c.*column.text;
    case K::OptionalText:
        return (c.*column.text).isEmpty() ? QString() : c.*column.text;
    case K::Gender:
        return genderKey(c.gender);
    case K::Date: {
        const QDate d = c.*column.date;
        return d.isValid() ? d.toString(Qt::ISODate) : QString();
    }
    case K::History:
        return joinedHistory(c);
    case K::Masked:
        return c.masked ? (c.maskedTier.isNull() ? QStringLiteral("") : c.maskedTier) : QString();
    case K::Flag:
    case K::Count:
    case K::Money:
    case K::SignedMoney:
        return QString::number(storedInteger(column, c));
    }
    return {};
}

QString CustomerColumns::genderKey(Customer::Gender gender)
{
    return gender == Customer::Gender::Male     ? QStringLiteral("M")
           : gender == Customer::Gender::Female ? QStringLiteral("F")
                                                : QString();
}

QString CustomerColumns::joinedHistory(const Customer &c, QChar separator)
{
    const auto &h = c.aumHistoryFen;
    QString out;
    // Most imports have no monthly averages: twelve times the balance, formatted once.
    if (!h.empty() && std::all_of(h.begin(), h.end(), [&](qint64 v) { return v == h.front(); })) {
        const QString one = QString::number(h.front());
        out.reserve((one.size() + 1) * qsizetype(h.size()));
        for (size_t i = 0; i < h.size(); ++i) {
            if (i)
                out += separator;
            out += one;
        }
        return out;
    }
    out.reserve(qsizetype(h.size()) * 12);
    for (size_t i = 0; i < h.size(); ++i) {
        if (i)
            out += separator;
        out += QString::number(h[i]);
    }
    return out;
}

const CustomerColumn *CustomerColumns::find(QStringView name)
{
    const int i = indexOf(name);
    return i < 0 ? nullptr : &kCustomerColumns[i];
}

int CustomerColumns::indexOf(QStringView name)
{
    return int(names().indexOf(name));
}

const QStringList &CustomerColumns::names()
{
    static const QStringList list = [] {
        QStringList l;
        for (const CustomerColumn &c : kCustomerColumns)
            l << QString::fromLatin1(c.name);
        return l;
    }();
    return list;
}

QString CustomerColumns::createTable()
{
    QStringList defs;
    for (const CustomerColumn &c : kCustomerColumns) {
        if (c.since == 1)
            defs << QStringLiteral("    %1 %2").arg(QLatin1String(c.name), QLatin1String(c.sql));
    }
    return QStringLiteral("CREATE TABLE customer (\n%1\n)").arg(defs.join(QStringLiteral(",\n")));
}

QStringList CustomerColumns::addedIn(int version)
{
    QStringList sql;
    if (version <= 1)
        return sql;
    for (const CustomerColumn &c : kCustomerColumns) {
        if (c.since == version)
            sql << QStringLiteral("ALTER TABLE customer ADD COLUMN %1 %2").arg(QLatin1String(c.name), QLatin1String(c.sql));
    }
    return sql;
}

const std::vector<const CustomerColumn *> &CustomerColumns::csvColumns()
{
    static const std::vector<const CustomerColumn *> list = [] {
        std::vector<const CustomerColumn *> l;
        for (const CustomerColumn &c : kCustomerColumns) {
            if (c.csv)
                l.push_back(&c);
        }
        return l;
    }();
    return list;
}

const QStringList &CustomerColumns::csvHeaders()
{
    static const QStringList list = [] {
        QStringList l;
        for (const CustomerColumn *c : csvColumns())
            l << QString::fromLatin1(c->csv);
        return l;
    }();
    return list;
}
