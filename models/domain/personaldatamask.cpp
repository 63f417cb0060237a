#include "personaldatamask.h"

QString PersonalDataMask::phone(const QString &phone)
{
    if (phone.size() < 7)
        return QString(phone.size(), QLatin1Char('*'));
    return phone.left(3) + QString(phone.size() - 7, QLatin1Char('*')) + phone.right(4);
}

QString PersonalDataMask::idNumber(const QString &id)
{
    if (id.size() < 10)
        return QString(id.size(), QLatin1Char('*'));
    return id.left(6) + QString(id.size() - 10, QLatin1Char('*')) + id.right(4);
}

QString PersonalDataMask::address(const QString &address)
{
    // Keep up to and including the first district/county marker, else the first 3 characters.
    static const QString markers = QStringLiteral("区县市");
    int keep = -1;
    for (int i = 0; i < address.size() && i < 12; ++i) {
        if (markers.contains(address.at(i))) {
            keep = i + 1;
            break;
        }
    }
    if (keep < 0)
        keep = qMin(3, int(address.size()));
    return address.left(keep) + QStringLiteral("****");
}

QString PersonalDataMask::name(const QString &name)
{
    if (name.size() <= 1)
        return name.isEmpty() ? name : QStringLiteral("*");
    return name.left(1) + QString(name.size() - 1, QLatin1Char('*'));
}
