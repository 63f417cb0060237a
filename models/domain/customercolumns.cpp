#include "customercolumns.h"

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
