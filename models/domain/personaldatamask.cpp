#include "personaldatamask.h"

#include <QStringList>

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
    // Keep the surname: two characters for the common compound surnames, else one.
    static const QStringList compound = {
        QStringLiteral("欧阳"), QStringLiteral("司马"), QStringLiteral("诸葛"), QStringLiteral("上官"),
        QStringLiteral("东方"), QStringLiteral("皇甫"), QStringLiteral("尉迟"), QStringLiteral("公孙"),
        QStringLiteral("慕容"), QStringLiteral("令狐"), QStringLiteral("司徒"), QStringLiteral("夏侯"),
        QStringLiteral("长孙"), QStringLiteral("宇文"), QStringLiteral("轩辕"), QStringLiteral("端木"),
    };
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return {};
    int keep = 1;
    if (trimmed.size() >= 3) {
        for (const QString &c : compound) {
            if (trimmed.startsWith(c)) {
                keep = 2;
                break;
            }
        }
    }
    if (trimmed.size() <= keep)
        return trimmed.left(1) + QLatin1Char('*');
    return trimmed.left(keep) + QString(trimmed.size() - keep, QLatin1Char('*'));
}
