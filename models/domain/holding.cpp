#include "holding.h"

#include <QCoreApplication>

namespace {
struct TypeInfo
{
    Holding::ProductType type;
    const char *key;
    const char *name;
};
const TypeInfo kTypes[] = {
    {Holding::ProductType::DemandDeposit, "demand_deposit", QT_TRANSLATE_NOOP("Holding", "Demand deposit")},
    {Holding::ProductType::TimeDeposit, "time_deposit", QT_TRANSLATE_NOOP("Holding", "Time deposit")},
    {Holding::ProductType::Wealth, "wealth", QT_TRANSLATE_NOOP("Holding", "Wealth product")},
    {Holding::ProductType::Fund, "fund", QT_TRANSLATE_NOOP("Holding", "Fund")},
    {Holding::ProductType::Insurance, "insurance", QT_TRANSLATE_NOOP("Holding", "Insurance")},
    {Holding::ProductType::PreciousMetal, "precious_metal", QT_TRANSLATE_NOOP("Holding", "Precious metal")},
};
const char *const kStatus[] = {"active", "matured", "closed"};
} // namespace

QString Holding::productTypeKey(ProductType t)
{
    return QString::fromLatin1(kTypes[int(t)].key);
}

bool Holding::productTypeFromKey(const QString &key, ProductType *out)
{
    for (const TypeInfo &info : kTypes) {
        if (key == QLatin1String(info.key)) {
            *out = info.type;
            return true;
        }
    }
    return false;
}

QString Holding::productTypeName(ProductType t)
{
    return QCoreApplication::translate("Holding", kTypes[int(t)].name);
}

QString Holding::statusKey(Status s)
{
    return QString::fromLatin1(kStatus[int(s)]);
}

bool Holding::statusFromKey(const QString &key, Status *out)
{
    for (int i = 0; i < 3; ++i) {
        if (key == QLatin1String(kStatus[i])) {
            *out = Status(i);
            return true;
        }
    }
    return false;
}
