#include "editorshortcutguard.h"

#include <QApplication>
#include <QKeyEvent>
#include <QWidget>

EditorShortcutGuard::EditorShortcutGuard(QWidget *window) : QObject(window), m_window(window)
{
    qApp->installEventFilter(this);
}

bool EditorShortcutGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride)
        return false;
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget || widget->window() != m_window)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    const QKeySequence pressed(key->keyCombination());
    if (!m_guarded.contains(pressed))
        return false;
    // Not delivered to the editor, so it cannot accept it: the shortcut map gets the key.
    event->ignore();
    return true;
}
