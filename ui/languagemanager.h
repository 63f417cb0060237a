#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

// Installs the translators for the chosen language and sets the default
// QLocale (number grouping, dates, 万元). Switching posts LanguageChange to
// every widget, which retranslates in place: no restart.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);

    // "zh_CN", "en", or "system" (follow the OS locale).
    void apply(const QString &code);
    QString current() const { return m_code; }
    // The language actually in effect after resolving "system".
    QString effective() const { return m_effective; }
    // Whether Qt's own Chinese translations (qt6-translations-l10n: dialog buttons) were found.
    bool qtTranslationsLoaded() const { return m_qtLoaded; }

    static QString savedChoice();
    static void saveChoice(const QString &code);

private:
    QString m_code;
    QString m_effective;
    QTranslator m_app;
    QTranslator m_qt;
    bool m_installed = false;
    bool m_qtLoaded = false;
};
