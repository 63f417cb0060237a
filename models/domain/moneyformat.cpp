#include "moneyformat.h"

#include <QCoreApplication>
#include <QLocale>

bool MoneyFormat::chineseUnits()
{
    return QLocale().language() == QLocale::Chinese;
}

QString MoneyFormat::listAmount(qint64 fen)
{
    const QLocale locale;
    if (chineseUnits())
        return locale.toString(double(fen) / 1000000.0, 'f', 2); // fen -> 万元
    return locale.toString(double(fen) / 100.0, 'f', 0);
}

QString MoneyFormat::listUnit()
{
    return chineseUnits() ? QStringLiteral("万元") : QStringLiteral("CNY");
}

QString MoneyFormat::readable(qint64 fen)
{
    const QLocale locale;
    const double yuan = double(fen) / 100.0;
    if (chineseUnits()) {
        const double abs = yuan < 0 ? -yuan : yuan;
        if (abs >= 1e8)
            return locale.toString(yuan / 1e8, 'f', 2) + QStringLiteral("亿元");
        if (abs >= 1e4)
            return locale.toString(yuan / 1e4, 'f', 2) + QStringLiteral("万元");
        return locale.toString(yuan, 'f', 2) + QStringLiteral("元");
    }
    return QStringLiteral("CNY ") + locale.toString(yuan, 'f', 2);
}
