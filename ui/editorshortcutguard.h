#pragma once

#include <QKeySequence>
#include <QList>
#include <QObject>

class QWidget;

// Line edits claim some Ctrl+letter keys for themselves on Linux (Ctrl+E moves to the end of
// the line, Ctrl+L ...), so the window's actions never see them while the search box has focus.
// Installed on the application, this answers "not yours" for the window's own shortcuts, so
// they work from any widget in `window` (issue 16). Keys typed into dialogs are left alone.
class EditorShortcutGuard : public QObject
{
    Q_OBJECT
public:
    explicit EditorShortcutGuard(QWidget *window);

    void setGuarded(const QList<QKeySequence> &sequences) { m_guarded = sequences; }
    const QList<QKeySequence> &guarded() const { return m_guarded; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *m_window;
    QList<QKeySequence> m_guarded;
};
