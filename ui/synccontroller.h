#pragma once

#include "session/syncservice.h"

#include <QObject>
#include <QPointer>

class MainWindow;
class QLabel;
class QToolButton;
class QAction;
class QMenu;
class QListWidgetItem;
class SyncLogPage;
class HqConnectDialog;

// Puts sync in front of the user: a status-bar indicator (online or offline,
// last successful sync, records waiting to go up), Sync now (F5), sign-in
// when the HQ session expired, the sync log page, and a reload of the branch
// in the background when a sync brought new data.
class SyncController : public QObject
{
    Q_OBJECT
public:
    // The branch is read again through the window's session (MainWindow::session()).
    SyncController(MainWindow *window, SyncService *service);

    QLabel *indicator() const { return m_indicator; }
    SyncLogPage *logPage() const { return m_log; }
    QString statusText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void showStatus(const SyncService::Status &status);
    // The password dialog (one at a time, not blocking); `why` is shown above the fields.
    void askForPassword(const QString &why = {});
    // Issue 16: every local write (contact, step moved, event, assignment) goes up at once, so
    // the pending count and online/offline are true right after it, not at the next round.
    void onLocalWrite();

    MainWindow *m_window;
    SyncService *m_service;
    QLabel *m_indicator;
    QToolButton *m_button;
    QMenu *m_menu;
    QAction *m_syncNow;
    QAction *m_signIn;
    SyncLogPage *m_log;
    QListWidgetItem *m_logItem;
    SyncService::Status m_status;
    bool m_syncAgain = false; // a write landed while a round ran
    QString m_progress;       // "Sending changes 3 / 10" while a round runs
    QPointer<HqConnectDialog> m_passwordDialog;
    bool m_askedAfterSignInEnded = false;
};
