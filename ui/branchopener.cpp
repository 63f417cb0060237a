#include "branchopener.h"

#include "firstrunwizard.h"
#include "hqconnectdialog.h"
#include "hqmessages.h"
#include "importwizard.h"
#include "passphrasedialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent>

#include <utility>

struct BranchOpener::JobInput
{
    QString path;
    QString passphrase;
    Job job = Job::Load;
    SyncEngine::Settings hq;
    NewBranch newBranch;
    DemoGenerator::Options demo;
    QString signedInAs;
    QDate asOf;
    SecurityPolicy policy;
};

BranchOpener::BranchOpener(QWidget *parent)
    : QObject(parent), m_parent(parent)
{
}

BranchOpener::~BranchOpener() = default;

// On the worker: Argon2id once, then the job's own work, then the branch is read.
BranchOpener::Outcome BranchOpener::runJob(const JobInput &in, QPromise<Outcome> &promise)
{
    Outcome outcome;
    QString lastStage;
    auto report = [&](const char *stage, int done, int total) {
        const QString s = QString::fromLatin1(stage);
        promise.setProgressRange(0, total);
        if (s != lastStage) {
            lastStage = s;
            promise.setProgressValueAndText(done, s);
        } else {
            promise.setProgressValue(done);
        }
        return !promise.isCanceled();
    };
    try {
        // Every later connection uses the unwrapped key.
        outcome.key = BranchSession::unwrapKey(in.path, in.passphrase, in.job != Job::Load);
        const StoreAccess store{in.path, {}, outcome.key};
        if (in.job == Job::CreateEmpty)
            BranchSession::createEmpty(store, in.newBranch.code, in.newBranch.name, in.newBranch.manager);
        if (in.job == Job::ConnectHq) {
            const SyncEngine::Report r = BranchSession::firstSync(store, in.hq, [&](const char *stage, qint64 done, qint64 total) {
                return report(stage, int(qMin<qint64>(done, INT_MAX)), int(qMin<qint64>(total, INT_MAX)));
            });
            outcome.syncedSomething = r.pages > 0;
            if (r.status == HqClient::Status::Cancelled) {
                outcome.cancelled = true;
            } else if (!r.ok) {
                // In the user's language; the technical text stays in the sync log.
                outcome.error = HqMessages::forStatus(r.status);
                outcome.wrongPassword = HqMessages::isWrongPassword(r.status);
            }
        }
        if (outcome.cancelled || !outcome.error.isEmpty()) {
            // reported by the caller
        } else if (in.job == Job::CreateDemo && !BranchSession::createDemo(store, in.demo, report)) {
            outcome.cancelled = true;
        } else if (!BranchSession::loadForOpening(store, &outcome.branch, report, in.signedInAs, in.asOf)) {
            outcome.cancelled = true;
        } else {
            // Issue 8: offline use only within the grace period since HQ last answered. The branch
            // was just read from this store: a failure here is caught by the next open.
            try {
                outcome.withinGrace = BranchSession::withinGracePeriod(store, in.policy, &outcome.lastHqContact);
            } catch (const std::exception &) {
            }
        }
    } catch (const std::exception &e) {
        outcome.error = BranchSession::errorMessage(e);
        outcome.wrongPassphrase = BranchSession::isWrongPassphrase(e);
    }
    return outcome;
}

void BranchOpener::runInBackground(const QString &passphrase, Job job, Then then, const SyncEngine::Settings &hq,
                                   const NewBranch &newBranch)
{
    auto *progress = new QProgressDialog(m_parent);
    m_progress = progress;
    progress->setWindowTitle(tr("BranchDesk"));
    progress->setLabelText(job == Job::CreateDemo    ? tr("Creating the demo branch…")
                           : job == Job::ConnectHq   ? tr("Downloading the branch from HQ…")
                           : job == Job::CreateEmpty ? tr("Creating the branch store…")
                                                     : tr("Opening the branch store…"));
    progress->setCancelButtonText(tr("Cancel"));
    progress->setMinimumDuration(300);
    progress->setRange(0, 0);
    progress->setAutoClose(false);
    progress->setAutoReset(false);

    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::progressRangeChanged, progress, &QProgressDialog::setRange);
    connect(watcher, &QFutureWatcher<Outcome>::progressValueChanged, progress, &QProgressDialog::setValue);
    connect(watcher, &QFutureWatcher<Outcome>::progressTextChanged, progress, [progress](const QString &stage) {
        progress->setLabelText(QCoreApplication::translate("BranchStore", stage.toUtf8().constData()) + QStringLiteral("…"));
    });
    connect(progress, &QProgressDialog::canceled, watcher, [watcher] { watcher->future().cancel(); });
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [watcher, progress, then = std::move(then)] {
        // Closing a QProgressDialog emits canceled(): disconnect first so a
        // finished job is not marked as cancelled.
        disconnect(progress, nullptr, watcher, nullptr);
        progress->close();
        progress->deleteLater();
        Outcome outcome;
        outcome.cancelled = true;
        if (watcher->future().resultCount() > 0)
            outcome = watcher->future().result();
        watcher->deleteLater();
        then(outcome);
    });

    JobInput input{m_request.storePath, passphrase, job,   hq, newBranch, {}, BranchSession::signedInAs(),
                   day(),               m_policy};
    input.demo.customers = m_request.demoCustomers;
    input.demo.seed = m_request.demoSeed;
    watcher->setFuture(QtConcurrent::run([input](QPromise<Outcome> &promise) { promise.addResult(runJob(input, promise)); }));
    if (m_whileWaiting) {
        const std::function<void()> work = std::exchange(m_whileWaiting, {});
        work(); // meanwhile the worker derives the key
    }
}

void BranchOpener::ask(QDialog *dialog, std::function<void(bool accepted)> then, Owner owner)
{
    // Window-modal with open(), not exec(): no nested event loop; the flow goes on in `then`.
    connect(dialog, &QDialog::finished, this, [dialog, owner, then = std::move(then)](int result) {
        if (owner == Owner::Flow)
            dialog->deleteLater();
        then(result == QDialog::Accepted);
    }, Qt::SingleShotConnection);
    dialog->open();
}

void BranchOpener::showError(const QString &text, std::function<void()> then)
{
    auto *box = new QMessageBox(QMessageBox::Critical, tr("BranchDesk"), text, QMessageBox::Ok, m_parent);
    ask(box, [then = std::move(then)](bool) { then(); });
}

void BranchOpener::removeStore(const QString &path)
{
    BranchSession::eraseStore(path);
}

void BranchOpener::succeed(const Outcome &outcome)
{
    m_key = outcome.key;
    m_branch = outcome.branch;
    m_withinGrace = outcome.withinGrace;
    m_lastHqContact = outcome.lastHqContact;
    emit finished(true);
}

void BranchOpener::fail()
{
    emit finished(false);
}

void BranchOpener::createDemo(QString passphrase)
{
    if (passphrase.isEmpty()) {
        auto *dialog = new PassphraseDialog(PassphraseDialog::Mode::Create, QFileInfo(m_request.storePath).fileName(),
                                            m_parent);
        return ask(dialog, [this, dialog](bool accepted) {
            if (!accepted)
                return fail();
            createDemo(dialog->passphrase());
        });
    }
    runInBackground(passphrase, Job::CreateDemo, [this](const Outcome &outcome) {
        if (outcome.cancelled) {
            // A half-written store is useless: remove it so the next start begins cleanly.
            removeStore(m_request.storePath);
            return fail();
        }
        if (!outcome.error.isEmpty())
            return showError(tr("The demo branch could not be created: %1").arg(outcome.error), [this] { fail(); });
        succeed(outcome);
    });
}

void BranchOpener::connectToHq(const QString &passphrase, SyncEngine::Settings settings)
{
    if (!m_hqDialog)
        m_hqDialog = std::make_unique<HqConnectDialog>(m_parent);
    if (settings.hq.isEmpty()) {
        return ask(m_hqDialog.get(), [this, passphrase, settings](bool accepted) mutable {
            if (!accepted) {
                removeStore(m_request.storePath);
                return fail();
            }
            settings.hq = m_hqDialog->url();
            settings.staffId = m_hqDialog->staffId();
            settings.password = m_hqDialog->password();
            connectToHq(passphrase, settings);
        }, Owner::Opener);
    }
    runInBackground(passphrase, Job::ConnectHq, [this, passphrase, settings](const Outcome &outcome) {
        if (outcome.error.isEmpty() && !outcome.cancelled)
            return succeed(outcome);
        if (!outcome.syncedSomething)
            removeStore(m_request.storePath); // nothing to keep: start clean on the next try
        if (outcome.cancelled)
            return fail();
        // Ask again, with what was typed and why it failed.
        m_hqDialog->setUrl(settings.hq.toString());
        m_hqDialog->setStaffId(settings.staffId);
        m_hqDialog->showError(outcome.error, outcome.wrongPassword);
        SyncEngine::Settings again = settings;
        again.hq.clear();
        connectToHq(passphrase, again);
    }, settings);
}

void BranchOpener::importFile(const QString &passphrase, const QString &file, const NewBranch &branch)
{
    runInBackground(passphrase, Job::CreateEmpty, [this, file, branch](const Outcome &outcome) {
        if (outcome.cancelled || !outcome.error.isEmpty()) {
            removeStore(m_request.storePath);
            if (outcome.cancelled)
                return fail();
            return showError(tr("The branch store could not be created: %1").arg(outcome.error), [this] { fail(); });
        }
        // The wizard reads, checks and writes on its own threads, then reloads the branch.
        auto *wizard = new ImportWizard(outcome.branch.store, branch.manager.staffId, day(), m_parent);
        auto imported = std::make_shared<LoadedBranch>();
        connect(wizard, &ImportWizard::imported, this, [imported](const LoadedBranch &loaded) { *imported = loaded; });
        wizard->setFile(file);
        ask(wizard, [this, outcome, imported](bool) {
            if (!imported->snapshot) {
                // A cancelled or failed first import leaves no empty store or key file behind (issue 14).
                m_key.reset();
                m_branch = LoadedBranch{};
                removeStore(m_request.storePath);
                return fail();
            }
            Outcome done = outcome;
            done.branch = *imported;
            succeed(done);
        });
    }, {}, branch);
}

void BranchOpener::firstRun()
{
    const bool wholeGuide = m_request.showGuide || !FirstRunWizard::guideSeen();
    auto *wizard = new FirstRunWizard(wholeGuide ? FirstRunWizard::Mode::Setup : FirstRunWizard::Mode::SetupShort,
                                      m_languages, m_parent);
    wizard->setPassphrasePreset(!m_request.passphrase.isEmpty());
    wizard->setDemoCustomers(m_request.demoCustomers);
    ask(wizard, [this, wizard](bool accepted) {
        if (!accepted)
            return fail();
        startAsChosen(*wizard);
    });
}

void BranchOpener::startAsChosen(const FirstRunWizard &wizard)
{
    const QString passphrase = m_request.passphrase.isEmpty() ? wizard.passphrase() : m_request.passphrase;
    if (wizard.start() == FirstRunWizard::Start::Demo)
        return createDemo(passphrase);
    if (wizard.start() == FirstRunWizard::Start::ImportFile) {
        NewBranch branch;
        branch.code = wizard.branchCode();
        branch.name = wizard.branchName();
        branch.manager = Staff{wizard.ownStaffId(), wizard.ownName(), Staff::Role::Manager};
        return importFile(passphrase, wizard.importFile(), branch);
    }
    SyncEngine::Settings settings;
    settings.hq = wizard.hqUrl();
    settings.staffId = wizard.staffId();
    settings.password = wizard.hqPassword();
    connectToHq(passphrase, settings);
}

void BranchOpener::open(const Request &request)
{
    m_request = request;
    m_branch = LoadedBranch{};
    m_key.reset();
    m_unlockDialog.reset();
    m_hqDialog.reset();
    if (!QFileInfo(request.storePath).isFile()) {
        QDir().mkpath(QFileInfo(request.storePath).absolutePath());
        if (request.createDemoIfMissing)
            return createDemo(request.passphrase);
        return firstRun();
    }
    if (request.showGuide) {
        // Asked for with --first-run on an existing store: the guide's pages, then unlock.
        auto *guide = new FirstRunWizard(FirstRunWizard::Mode::Guide, m_languages, m_parent);
        return ask(guide, [this](bool) { unlockExisting(); });
    }
    unlockExisting();
}

void BranchOpener::unlockExisting()
{
    if (!m_request.passphrase.isEmpty())
        return unlockWithPreset();
    askPassphrase();
}

void BranchOpener::unlockWithPreset()
{
    runInBackground(m_request.passphrase, Job::Load, [this](const Outcome &outcome) {
        if (outcome.error.isEmpty() && !outcome.cancelled)
            return succeed(outcome);
        if (outcome.cancelled)
            return fail();
        const QString storeName = QFileInfo(m_request.storePath).fileName();
        showError(outcome.wrongPassphrase
                      ? tr("The passphrase given in BRANCHDESK_PASSPHRASE does not unlock %1.").arg(storeName)
                      : tr("The store could not be opened: %1").arg(outcome.error),
                  [this] { fail(); });
    });
}

void BranchOpener::askPassphrase()
{
    if (!m_unlockDialog)
        m_unlockDialog = std::make_unique<PassphraseDialog>(PassphraseDialog::Mode::Unlock,
                                                            QFileInfo(m_request.storePath).fileName(), m_parent);
    ask(m_unlockDialog.get(), [this](bool accepted) {
        if (!accepted)
            return fail();
        unlockWith(m_unlockDialog->passphrase());
    }, Owner::Opener);
}

void BranchOpener::unlockWith(const QString &passphrase)
{
    runInBackground(passphrase, Job::Load, [this](const Outcome &outcome) {
        if (outcome.cancelled)
            return fail();
        if (outcome.error.isEmpty())
            return succeed(outcome);
        if (outcome.wrongPassphrase) {
            m_unlockDialog->showError(tr("That passphrase does not unlock this store. Nothing was changed; try again."));
            return askPassphrase();
        }
        showError(tr("The store could not be opened: %1").arg(outcome.error), [this] { fail(); });
    });
}
