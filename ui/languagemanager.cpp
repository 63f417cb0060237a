#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

QString LanguageManager::savedChoice()
{
    return QSettings().value(QStringLiteral("ui/language"), QStringLiteral("system")).toString();
}

void LanguageManager::saveChoice(const QString &code)
{
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

void LanguageManager::apply(const QString &code)
{
    m_code = code;
    QString effective = code;
    if (code == QLatin1String("system") || code.isEmpty())
        effective = QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
    m_effective = effective;

    if (m_installed) {
        QCoreApplication::removeTranslator(&m_app);
        QCoreApplication::removeTranslator(&m_qt);
        m_installed = false;
    }
    if (effective == QLatin1String("zh_CN")) {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China));
        const bool appOk = m_app.load(QStringLiteral(":/i18n/branchdesk_zh_CN.qm"));
        const bool qtOk = m_qt.load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        if (appOk)
            QCoreApplication::installTranslator(&m_app);
        if (qtOk)
            QCoreApplication::installTranslator(&m_qt);
        m_installed = appOk || qtOk;
        m_qtLoaded = qtOk;
    } else {
        m_qtLoaded = false;
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // Removing translators already posted LanguageChange; nothing else to load.
    }
}
