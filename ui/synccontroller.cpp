#include "synccontroller.h"

#include "hqconnectdialog.h"
#include "hqmessages.h"
#include "session/cadenceworkspace.h"
#include "domain/dateformat.h"
#include "mainwindow.h"
#include "session/branchsession.h"
#include "synclogpage.h"

#include <QApplication>
#include <QEvent>
#include <QMessageBox>
#include <QLabel>
#include <QListWidgetItem>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

SyncController::SyncController(MainWindow *window, SyncService *service)
    : QObject(window), m_window(window), m_service(service)
{
    m_indicator = new QLabel(window);
    m_indicator->setObjectName(QStringLiteral("syncIndicator"));
    m_button = new QToolButton(window);
    m_button->setAutoRaise(true);
    m_button->setIcon(window->style()->standardIcon(QStyle::SP_BrowserReload));
    window->statusBar()->addPermanentWidget(m_indicator);
    window->statusBar()->addPermanentWidget(m_button);

    // Sync sits before Help in the menu bar.
    m_menu = new QMenu(window->menuBar());
    window->menuBar()->insertMenu(window->helpMenu()->menuAction(), m_menu);
    m_syncNow = m_menu->addAction(QString(), service, &SyncService::syncNow);
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F5));
    m_signIn = m_menu->addAction(QString(), this, [this] { askForPassword(); });
    connect(m_button, &QToolButton::clicked, service, &SyncService::syncNow);

    m_log = new SyncLogPage(window);
    m_logItem = window->addPage(m_log, window->style()->standardIcon(QStyle::SP_FileDialogInfoView));

    connect(service, &SyncService::statusChanged, this, &SyncController::showStatus);
    // What a round is doing, with counts (issue 16: "Syncing…" alone said nothing for minutes).
    connect(service, &SyncService::progress, this, [this](const QString &stage, qint64 done, qint64 total) {
        const QLocale locale;
        const QString what = QCoreApplication::translate("SyncEngine", stage.toUtf8().constData());
        m_progress = total > 0  ? tr("%1 %2 / %3").arg(what, locale.toString(done), locale.toString(total))
                     : done > 0 ? tr("%1, %2 records so far").arg(what, locale.toString(done))
                                : what;
        if (m_status.state == SyncService::State::Syncing)
            showStatus(m_status);
    });
    connect(service, &SyncService::logRows, m_log, &SyncLogPage::setRows);
    connect(service, &SyncService::finished, this, [this](bool, bool changed, const SyncEngine::Report &) {
        if (changed) // in the background; not while locked (the session refuses)
            m_window->session()->reload();
        if (m_syncAgain) {
            m_syncAgain = false;
            QTimer::singleShot(0, this, &SyncController::onLocalWrite);
        }
    });
    CadenceWorkspace *ws = window->workspace();
    connect(ws, &CadenceWorkspace::activityChanged, this, [this](int customer) {
        if (customer >= 0)
            onLocalWrite();
    });
    connect(ws, &CadenceWorkspace::eventsChanged, this, &SyncController::onLocalWrite);
    connect(ws, &CadenceWorkspace::assignmentsSaved, this, &SyncController::onLocalWrite);
    connect(service, &SyncService::deviceLost, this, [this](bool erased) {
        QMessageBox::critical(m_window, tr("BranchDesk"),
                              erased ? tr("HQ reports this computer as lost. The branch data on it has been erased; "
                                          "BranchDesk will now close.")
                                     : tr("HQ reports this computer as lost, but its branch data could not be fully "
                                          "erased. Close BranchDesk and contact IT."));
        QApplication::exit(3);
    });
    window->installEventFilter(this);
    retranslateUi();
}

bool SyncController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslateUi();
    return QObject::eventFilter(watched, event);
}

void SyncController::retranslateUi()
{
    m_menu->setTitle(tr("&Sync"));
    m_syncNow->setText(tr("Sync &now"));
    m_signIn->setText(tr("Sign &in to HQ…"));
    m_button->setToolTip(tr("Sync with HQ now (F5)"));
    m_logItem->setText(tr("Sync log"));
    showStatus(m_status);
}

QString SyncController::statusText() const
{
    return m_indicator->text();
}

void SyncController::showStatus(const SyncService::Status &status)
{
    if (status.state != SyncService::State::Syncing)
        m_progress.clear();
    // Issue 19: HQ ended this computer's sign-in and its saved credential is gone. Asked once,
    // for the round that found out; later rounds (and a language switch) only keep the indicator red.
    if (!status.signInEnded) {
        m_askedAfterSignInEnded = false;
    } else if (status.state == SyncService::State::NeedsSignIn && !m_askedAfterSignInEnded) {
        m_askedAfterSignInEnded = true;
        askForPassword(tr("HQ has ended this computer's sign-in (after a new password, a sign-out, or 30 days "
                          "without use). Enter your HQ password once to keep syncing."));
    }
    m_status = status;
    const QLocale locale;
    const QString last = status.lastSuccess.isValid() ? DateFormat::dateTime(status.lastSuccess.toLocalTime())
                                                      : tr("never");
    QString text;
    QString color = QStringLiteral("#2e7d32");
    switch (status.state) {
    case SyncService::State::NotConfigured:
        text = tr("Not connected to HQ");
        color = QStringLiteral("#757575");
        break;
    case SyncService::State::Idle:
        text = tr("Online · last sync %1").arg(last);
        break;
    case SyncService::State::Syncing:
        text = m_progress.isEmpty() ? tr("Syncing…") : tr("Syncing: %1").arg(m_progress);
        break;
    case SyncService::State::Offline:
        text = tr("Offline · last sync %1").arg(last);
        color = QStringLiteral("#ef6c00");
        break;
    case SyncService::State::NeedsSignIn:
        text = tr("Sign in to HQ to sync");
        color = QStringLiteral("#c62828");
        break;
    case SyncService::State::Failed:
        text = tr("Sync failed · last sync %1").arg(last);
        color = QStringLiteral("#c62828");
        break;
    }
    // Without HQ nothing is ever sent: no count of what "waits".
    if (status.pending > 0 && status.state != SyncService::State::NotConfigured)
        text += QStringLiteral(" · ") + tr("%1 waiting to send").arg(locale.toString(status.pending));
    m_indicator->setText(QStringLiteral("<span style='color:%1'>&#9679;</span> %2").arg(color, text.toHtmlEscaped()));
    // The sync layer's message is technical English (kept in the sync log); say it in words here.
    m_indicator->setToolTip(status.state == SyncService::State::Offline  ? HqMessages::forStatus(HqClient::Status::Offline)
                            : status.state == SyncService::State::Failed ? HqMessages::forStatus(HqClient::Status::ServerError)
                            : status.state == SyncService::State::NeedsSignIn
                                ? tr("HQ asks for the password again: Sync → Sign in to HQ…")
                                : QString());
    const bool configured = status.state != SyncService::State::NotConfigured;
    m_syncNow->setEnabled(configured && status.state != SyncService::State::Syncing);
    m_button->setEnabled(m_syncNow->isEnabled());
    m_signIn->setEnabled(configured);
}

void SyncController::onLocalWrite()
{
    if (!m_service->isConfigured() || m_service->isPaused())
        return; // a demo or imported branch: nothing goes anywhere
    if (m_status.state == SyncService::State::Syncing) {
        m_syncAgain = true;
        return;
    }
    m_service->syncNow();
}

void SyncController::askForPassword(const QString &why)
{
    if (m_passwordDialog) { // already asking
        if (!why.isEmpty())
            m_passwordDialog->showError(why);
        return;
    }
    auto *dialog = new HqConnectDialog(m_window, true);
    dialog->setObjectName(QStringLiteral("hqPasswordDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setUrl(m_status.hqUrl);
    dialog->setStaffId(m_status.staffName);
    if (!why.isEmpty())
        dialog->showError(why);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_service->signIn(dialog->password()); });
    m_passwordDialog = dialog;
    dialog->open(); // window-modal, without a nested event loop
}
