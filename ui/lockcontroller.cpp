#include "lockcontroller.h"

#include "changepassphrasedialog.h"
#include "mainwindow.h"
#include "unlockscreen.h"
#include "session/syncservice.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QMessageBox>
#include <QtConcurrent>

LockController::LockController(MainWindow *window, SyncService *sync, SecurityPolicy policy)
    : QObject(window), m_window(window), m_sync(sync), m_session(window->session()), m_policy(policy)
{
    m_screen = new UnlockScreen(QFileInfo(m_session->store().path).fileName(), window);
    m_screen->hide();
    connect(m_screen, &UnlockScreen::unlockRequested, this, &LockController::tryUnlock);
    connect(window->lockAction(), &QAction::triggered, this, &LockController::lock);
    connect(window->changePassphraseAction(), &QAction::triggered, this, &LockController::changePassphrase);

    m_idle.setSingleShot(true);
    m_idle.setInterval(m_policy.idleLockMinutes * 60 * 1000);
    connect(&m_idle, &QTimer::timeout, this, &LockController::lock);
    m_idle.start();
    qApp->installEventFilter(this);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        if (--m_waitLeft <= 0) {
            m_countdown.stop();
            m_screen->showMessage(QString());
            m_screen->setBusy(false);
            return;
        }
        m_screen->showMessage(tr("Too many wrong passphrases. Try again in %n second(s).", nullptr, int(m_waitLeft)));
    });
    connect(m_session, &BranchSession::reloaded, this, &LockController::branchRead);
    if (m_sync) {
        connect(m_sync, &SyncService::finished, this, [this](bool ok) {
            if (m_waitingForHq && ok) {
                m_waitingForHq = false;
                loadAndShow();
            }
        });
    }
}

bool LockController::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
        if (!m_locked)
            m_idle.start(); // any input restarts the idle time
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void LockController::lock()
{
    if (m_locked)
        return;
    m_locked = true;
    m_idle.stop();
    if (m_sync)
        m_sync->setPaused(true);
    // Open dialogs (a contact being logged, a reveal reason) may show a customer: cancel them.
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<QDialog *>(w); dialog && dialog->isVisible())
            dialog->reject();
    }
    // Data first, then the key: no page can reload while the key is gone.
    m_window->showLockScreen(m_screen);
    m_session->lock();
    m_screen->reset();
    emit lockedChanged(true);
}

void LockController::enforceGracePeriod(const QDateTime &lastContact, bool withinGrace)
{
    if (withinGrace)
        return;
    m_locked = true;
    m_idle.stop();
    m_window->showLockScreen(m_screen);
    m_session->lock(BranchSession::KeyOnLock::Keep); // sync needs the key to reach HQ
    m_screen->reset();
    emit lockedChanged(true);
    waitForHq(lastContact);
}

void LockController::tryUnlock(const QString &passphrase)
{
    if (m_busy || m_countdown.isActive())
        return;
    m_busy = true;
    m_screen->setBusy(true);
    auto *watcher = new QFutureWatcher<StoreUnlocker::Outcome>(this);
    connect(watcher, &QFutureWatcher<StoreUnlocker::Outcome>::finished, this, [this, watcher] {
        const StoreUnlocker::Outcome outcome = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        m_screen->setBusy(false);
        switch (outcome.result) {
        case StoreUnlocker::Result::Unlocked:
            m_session->restoreKey(*outcome.key);
            loadAndShow();
            break;
        case StoreUnlocker::Result::NeedsHqContact:
            m_session->restoreKey(*outcome.key); // sync reaches HQ with it; the branch stays closed
            waitForHq(outcome.lastContact);
            break;
        case StoreUnlocker::Result::WrongPassphrase:
            m_screen->passphraseField()->clear();
            if (outcome.waitSeconds > 0)
                startCountdown(outcome.waitSeconds);
            else
                m_screen->showMessage(tr("That passphrase does not unlock this store. Nothing was changed; try again."));
            break;
        case StoreUnlocker::Result::Throttled:
            startCountdown(outcome.waitSeconds);
            break;
        case StoreUnlocker::Result::Failed:
            m_screen->showMessage(tr("The store could not be opened: %1").arg(outcome.error));
            break;
        }
    });
    const QString path = m_session->store().path;
    const SecurityPolicy policy = m_policy;
    watcher->setFuture(BranchSession::unlock(path, passphrase, policy));
}

void LockController::startCountdown(qint64 seconds)
{
    m_waitLeft = seconds;
    m_screen->passphraseField()->setEnabled(false);
    m_screen->unlockButton()->setEnabled(false);
    m_screen->showMessage(tr("Too many wrong passphrases. Try again in %n second(s).", nullptr, int(seconds)));
    m_countdown.start();
}

void LockController::waitForHq(const QDateTime &lastContact)
{
    m_waitingForHq = true;
    m_screen->passphraseField()->setEnabled(false);
    m_screen->unlockButton()->setEnabled(false);
    const QString when = lastContact.isValid() ? QLocale().toString(lastContact.date(), QLocale::LongFormat)
                                               : tr("never");
    m_screen->showMessage(tr("Last contact with HQ: %1, more than %n day(s) ago. Connect to the bank's network: "
                             "BranchDesk contacts HQ now and opens the customer data when HQ answers.",
                             nullptr, m_policy.offlineGraceDays)
                              .arg(when));
    if (m_sync) {
        m_sync->setPaused(false);
        m_sync->syncNow();
    }
}

void LockController::loadAndShow()
{
    m_screen->setBusy(true);
    m_screen->showMessage(tr("Opening the branch store…"));
    m_loading = true;
    m_session->unlock();
    m_session->reload(); // branchRead() follows
}

void LockController::branchRead(bool ok)
{
    if (!m_loading)
        return; // a reload the lock did not ask for (after a sync)
    m_loading = false;
    if (!ok) {
        m_session->lock(BranchSession::KeyOnLock::Keep); // the passphrase was right: try the read again
        m_screen->setBusy(false);
        m_screen->showMessage(tr("The store could not be read. Try again."));
        return;
    }
    m_window->showWorkspace();
    m_locked = false;
    m_screen->reset();
    m_screen->hide();
    m_window->focusCurrentPage(); // the keyboard goes back to the page, not to the navigation
    if (m_sync)
        m_sync->setPaused(false);
    m_idle.start();
    emit lockedChanged(false);
}

void LockController::changePassphrase()
{
    if (m_passphraseDialog)
        return; // already asking
    m_passphraseDialog = new ChangePassphraseDialog(m_window);
    askNewPassphrase();
}

void LockController::askNewPassphrase()
{
    ChangePassphraseDialog *dialog = m_passphraseDialog;
    if (!dialog)
        return;
    // Shown with open(), not exec(): no nested event loop; the answer continues in the slot.
    connect(dialog, &QDialog::finished, this, [this, dialog](int result) {
        if (result != QDialog::Accepted)
            dialog->deleteLater(); // given up, or closed by the lock
        else
            rewrapKey(dialog);
    }, Qt::SingleShotConnection);
    dialog->open();
}

void LockController::rewrapKey(ChangePassphraseDialog *dialog)
{
    // Two Argon2id derivations (~1-2 s) on a worker; the window goes on, with a wait cursor.
    const QString path = m_session->store().path;
    const QString current = dialog->currentPassphrase();
    const QString fresh = dialog->newPassphrase();
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher] {
        QApplication::restoreOverrideCursor();
        const QString error = watcher->result();
        watcher->deleteLater();
        passphraseChanged(error);
    });
    QApplication::setOverrideCursor(Qt::WaitCursor);
    watcher->setFuture(BranchSession::changePassphrase(path, current, fresh));
}

void LockController::passphraseChanged(const QString &error)
{
    if (error.isEmpty()) {
        delete m_passphraseDialog;
        // Window-modal without a nested event loop: the box deletes itself when closed.
        auto *box = new QMessageBox(QMessageBox::Information, tr("Change passphrase"),
                                    tr("The passphrase was changed. Use the new one from now on."), QMessageBox::Ok,
                                    m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (!m_passphraseDialog)
        return;
    m_passphraseDialog->showError(error == QLatin1String("wrong")
                                      ? tr("The current passphrase is not right. Nothing was changed.")
                                      : tr("The passphrase could not be changed: %1").arg(error));
    askNewPassphrase();
}
