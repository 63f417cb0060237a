#pragma once

#include <QList>
#include <QMenu>

class LanguageManager;
class MainWindow;
class QAction;

// The window's Help menu: the keyboard shortcut sheet (F1), the first-run guide shown again
// and the About box with the rules in force. Reads the window's actions for the sheet, so
// the sheet shows the keys as they are.
class HelpMenu : public QMenu
{
    Q_OBJECT
public:
    HelpMenu(MainWindow *window, LanguageManager *languages);

    // The About box's text, with the policy versions and calendars in force.
    QString aboutText() const;
    // The shortcut sheet, as HTML.
    QString shortcutSheet() const;
    // The menu's texts; the window calls it with its own.
    void retranslateUi();

signals:
    void guideClosed(); // the guide may have switched the language

private:
    void showShortcuts();
    void showGuide();
    void showAbout();

    MainWindow *m_window;
    LanguageManager *m_languages;
    QAction *m_shortcuts;
    QAction *m_guide;
    QAction *m_about;
};
