#include "helpmenu.h"

#include "firstrunwizard.h"
#include "mainwindow.h"
#include "session/cadenceworkspace.h"

#include <QAction>
#include <QCoreApplication>
#include <QKeySequence>
#include <QMessageBox>

HelpMenu::HelpMenu(MainWindow *window, LanguageManager *languages)
    : QMenu(window), m_window(window), m_languages(languages)
{
    m_shortcuts = addAction(QString(), this, &HelpMenu::showShortcuts);
    m_shortcuts->setShortcut(QKeySequence::HelpContents);
    m_guide = addAction(QString(), this, &HelpMenu::showGuide);
    m_about = addAction(QString(), this, &HelpMenu::showAbout);
    retranslateUi();
}

void HelpMenu::retranslateUi()
{
    setTitle(tr("&Help"));
    m_shortcuts->setText(tr("&Keyboard shortcuts"));
    m_guide->setText(tr("Show the &first-run guide again"));
    m_about->setText(tr("&About BranchDesk"));
}

QString HelpMenu::shortcutSheet() const
{
    const auto key = [](const QKeySequence &sequence) { return sequence.toString(QKeySequence::NativeText); };
    const QString rows = QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>");
    QString html = QStringLiteral("<table cellspacing='6'>");
    html += rows.arg(key(QKeySequence::Find), tr("Find a customer"));
    html += rows.arg(tr("Esc"), tr("Clear the search box"));
    html += rows.arg(tr("Up / Down"), tr("Move through the list; the 360 panel follows"));
    html += rows.arg(tr("Down / Enter"), tr("In the search box: go to the results; Enter on a result moves to its 360"));
    html += rows.arg(tr("Enter"), tr("Today: log a contact for the selected step; in the dialog, save it"));
    html += rows.arg(key(Qt::CTRL | Qt::Key_R), tr("Today: reschedule the selected step, with a reason"));
    html += rows.arg(tr("Enter"), tr("Community events: record the visitor being entered"));
    html += rows.arg(key(Qt::Key_F5), tr("Sync with HQ now"));
    const QList<QAction *> goActions = m_window->goActions();
    QStringList pages;
    for (QAction *go : goActions)
        pages << go->text().remove(QLatin1Char('&'));
    html += rows.arg(tr("%1 … %2").arg(key(Qt::CTRL | Qt::Key_1), key(goActions.last()->shortcut())),
                     tr("Go to a page: %1").arg(pages.join(tr(", "))));
    html += rows.arg(key(Qt::CTRL | Qt::Key_E), tr("Export the list on screen to Excel or CSV"));
    html += rows.arg(key(QKeySequence::Print), tr("Print the Today page's call sheet (PDF)"));
    html += rows.arg(key(QKeySequence::HelpContents), tr("This list of shortcuts"));
    html += rows.arg(key(m_window->logContactAction()->shortcut()),
                     tr("Log a contact or note for the customer shown (Today, Customers)"));
    html += rows.arg(key(m_window->lockAction()->shortcut()),
                     tr("Lock: close the customer data until the passphrase is entered"));
    html += rows.arg(key(Qt::CTRL | Qt::Key_Q), tr("Quit"));
    html += QStringLiteral("</table>");
    return html;
}

void HelpMenu::showShortcuts()
{
    QMessageBox::information(m_window, tr("Keyboard shortcuts"), shortcutSheet());
}

void HelpMenu::showGuide()
{
    FirstRunWizard guide(FirstRunWizard::Mode::Guide, m_languages, m_window);
    guide.exec();
    emit guideClosed();
}

QString HelpMenu::aboutText() const
{
    // Which rules are in force (issue 18): HQ's issued versions or the built-in defaults.
    QStringList rules;
    for (const QString &line : m_window->workspace()->policyVersions().lines())
        rules << line.toHtmlEscaped();
    return tr("<b>BranchDesk %1</b><p>Customer workbench for retail-bank branches: tiers, lists, "
              "contact cadences (731, 4+1) and sync with head office.</p>")
               .arg(QCoreApplication::applicationVersion())
           + QStringLiteral("<p>") + rules.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
}

void HelpMenu::showAbout()
{
    QMessageBox::about(m_window, tr("About BranchDesk"), aboutText());
}
