#pragma once

#include "domain/securitypolicy.h"
#include "session/branchsession.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

class MainWindow;
class SyncService;
class UnlockScreen;
class ChangePassphraseDialog;

// The lock: after the policy's idle time, or on Ctrl+L, the window drops every page's
// data, the store key is wiped, sync pauses and only the unlock screen is shown.
// Unlocking (StoreUnlocker, on a worker thread) refills the key, reloads the branch and
// resumes sync; past the offline grace period it contacts HQ first. Also runs
// File > Change passphrase (re-wraps the key; the database is not rewritten).
class LockController : public QObject
{
    Q_OBJECT
public:
    // The store, its key and the branch are the window's session's (MainWindow::session()).
    LockController(MainWindow *window, SyncService *sync, SecurityPolicy policy);

    bool isLocked() const { return m_locked; }
    UnlockScreen *unlockScreen() const { return m_screen; }
    QTimer *idleTimer() { return &m_idle; }
    const SecurityPolicy &policy() const { return m_policy; }
    void lock();
    // File > Change passphrase: the dialog, then the re-wrap on a worker; returns at once.
    void changePassphrase();
    // Start-up: a store past its offline grace period opens locked, waiting for HQ.
    void enforceGracePeriod(const QDateTime &lastContact, bool withinGrace);

signals:
    void lockedChanged(bool locked);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void tryUnlock(const QString &passphrase);
    void waitForHq(const QDateTime &lastContact);
    void loadAndShow();
    void branchRead(bool ok); // the session's reload after an unlock
    void startCountdown(qint64 seconds);
    void askNewPassphrase();
    // The dialog was accepted: the key is rewrapped under the new passphrase on a worker.
    void rewrapKey(ChangePassphraseDialog *dialog);
    void passphraseChanged(const QString &error); // empty: changed; "wrong" or a message

    MainWindow *m_window;
    SyncService *m_sync;
    BranchSession *m_session;
    SecurityPolicy m_policy;
    UnlockScreen *m_screen;
    QTimer m_idle;
    QTimer m_countdown;
    qint64 m_waitLeft = 0;
    bool m_locked = false;
    bool m_waitingForHq = false;
    bool m_busy = false;
    bool m_loading = false; // the session reads the branch for the unlock
    QPointer<ChangePassphraseDialog> m_passphraseDialog; // while a change is asked for or runs
};
