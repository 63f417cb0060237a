#include "branchopener.h"

#include "firstrunwizard.h"
#include "hqconnectdialog.h"
#include "hqmessages.h"
#include "importwizard.h"
#include "passphrasedialog.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/storeerror.h"
#include "store/storefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent>

#include <utility>

BranchOpener::BranchOpener(QWidget *parent)
    : QObject(parent), m_parent(parent)
{
}

BranchOpener::Outcome BranchOpener::runInBackground(const Request &request, const QString &passphrase, Job job,
                                                    const SyncEngine::Settings &hq, const NewBranch &newBranch)
{
    const bool createDemo = job == Job::CreateDemo;
    QProgressDialog progress(m_parent);
    progress.setWindowTitle(tr("BranchDesk"));
    progress.setLabelText(job == Job::CreateDemo    ? tr("Creating the demo branch…")
                          : job == Job::ConnectHq   ? tr("Downloading the branch from HQ…")
                          : job == Job::CreateEmpty ? tr("Creating the branch store…")
                                                    : tr("Opening the branch store…"));
    progress.setCancelButtonText(tr("Cancel"));
    progress.setMinimumDuration(300);
    progress.setRange(0, 0);
    progress.setAutoClose(false);
    progress.setAutoReset(false);

    QFutureWatcher<Outcome> watcher;
    QEventLoop loop;
    connect(&watcher, &QFutureWatcher<Outcome>::finished, &loop, &QEventLoop::quit);
    connect(&watcher, &QFutureWatcher<Outcome>::progressRangeChanged, &progress, &QProgressDialog::setRange);
    connect(&watcher, &QFutureWatcher<Outcome>::progressValueChanged, &progress, &QProgressDialog::setValue);
    connect(&watcher, &QFutureWatcher<Outcome>::progressTextChanged, &progress, [&progress](const QString &stage) {
        progress.setLabelText(QCoreApplication::translate("BranchStore", stage.toUtf8().constData()) + QStringLiteral("…"));
    });
    connect(&progress, &QProgressDialog::canceled, &watcher, [&watcher] { watcher.future().cancel(); });

    const QString path = request.storePath;
    DemoGenerator::Options options;
    options.customers = request.demoCustomers;
    options.seed = request.demoSeed;
    const QString signedInAs = BranchStore::demoSignedInAs();
    watcher.setFuture(QtConcurrent::run([path, passphrase, createDemo, job, hq, newBranch, options, signedInAs](QPromise<Outcome> &promise) {
        Outcome outcome;
        QString lastStage;
        auto report = [&](const char *stage, int done, int total) {
            const QString s = QString::fromLatin1(stage);
            if (s != lastStage) {
                lastStage = s;
                promise.setProgressRange(0, total);
                promise.setProgressValueAndText(done, s);
            } else {
                promise.setProgressRange(0, total);
                promise.setProgressValue(done);
            }
            return !promise.isCanceled();
        };
        try {
            // Argon2id once; every later connection uses the unwrapped key.
            Database::open(path, passphrase,
                           job == Job::Load ? Database::OpenMode::ExistingOnly : Database::OpenMode::CreateIfMissing,
                           &outcome.key)
                .close();
            const StoreAccess store{path, {}, outcome.key};
            if (job == Job::CreateEmpty)
                BranchStore::createEmpty(store, newBranch.code, newBranch.name, newBranch.manager);
            if (job == Job::ConnectHq) {
                Database db = store.open();
                std::atomic_bool never{false};
                const SyncEngine::Report r = SyncEngine::run(db, hq, [&](const char *stage, qint64 done, qint64 total) {
                    return report(stage, int(qMin<qint64>(done, INT_MAX)), int(qMin<qint64>(total, INT_MAX)));
                }, &never);
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
                // reported below
            } else if (createDemo && !BranchStore::createDemo(store, options, report)) {
                outcome.cancelled = true;
            } else if (!BranchStore::load(store, &outcome.branch, report, QDate::currentDate(), signedInAs,
                                          BranchStore::SearchIndex::Later)) { // the window builds it after the first paint
                outcome.cancelled = true;
            }
        } catch (const StoreError &e) {
            outcome.error = e.message();
            outcome.wrongPassphrase = e.kind() == StoreError::Kind::WrongPassphrase;
        } catch (const std::exception &e) {
            outcome.error = QString::fromLocal8Bit(e.what());
        }
        promise.addResult(outcome);
    }));
    if (m_whileWaiting) {
        const std::function<void()> work = std::exchange(m_whileWaiting, {});
        work(); // meanwhile the worker derives the key
    }
    loop.exec();
    // Closing a QProgressDialog emits canceled(): disconnect first so a
    // finished job is not marked as cancelled.
    disconnect(&progress, nullptr, &watcher, nullptr);
    progress.close();
    if (watcher.future().resultCount() == 0) {
        Outcome cancelled;
        cancelled.cancelled = true;
        return cancelled;
    }
    return watcher.future().result();
}

void BranchOpener::removeStore(const QString &path)
{
    StoreFiles::erase(path);
}

bool BranchOpener::createDemo(const Request &request, QString passphrase, LoadedBranch *out)
{
    if (passphrase.isEmpty()) {
        PassphraseDialog dialog(PassphraseDialog::Mode::Create, QFileInfo(request.storePath).fileName(), m_parent);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        passphrase = dialog.passphrase();
    }
    Outcome outcome = runInBackground(request, passphrase, Job::CreateDemo);
    if (outcome.cancelled) {
        // A half-written store is useless: remove it so the next start begins cleanly.
        removeStore(request.storePath);
        return false;
    }
    if (!outcome.error.isEmpty()) {
        QMessageBox::critical(m_parent, tr("BranchDesk"), tr("The demo branch could not be created: %1").arg(outcome.error));
        return false;
    }
    m_key = outcome.key;
    *out = outcome.branch;
    return true;
}

bool BranchOpener::connectToHq(const Request &request, const QString &passphrase, SyncEngine::Settings settings,
                               LoadedBranch *out)
{
    HqConnectDialog hqDialog(m_parent);
    for (;;) {
        if (settings.hq.isEmpty()) {
            if (hqDialog.exec() != QDialog::Accepted) {
                removeStore(request.storePath);
                return false;
            }
            settings.hq = hqDialog.url();
            settings.staffId = hqDialog.staffId();
            settings.password = hqDialog.password();
        }
        Outcome outcome = runInBackground(request, passphrase, Job::ConnectHq, settings);
        if (outcome.error.isEmpty() && !outcome.cancelled) {
            m_key = outcome.key;
            *out = outcome.branch;
            return true;
        }
        if (!outcome.syncedSomething)
            removeStore(request.storePath); // nothing to keep: start clean on the next try
        if (outcome.cancelled)
            return false;
        // Ask again, with what was typed and why it failed.
        hqDialog.setUrl(settings.hq.toString());
        hqDialog.setStaffId(settings.staffId);
        hqDialog.showError(outcome.error, outcome.wrongPassword);
        settings.hq.clear();
    }
}

bool BranchOpener::importFile(const Request &request, const QString &passphrase, const QString &file,
                              const NewBranch &branch, LoadedBranch *out)
{
    Outcome outcome = runInBackground(request, passphrase, Job::CreateEmpty, {}, branch);
    if (outcome.cancelled || !outcome.error.isEmpty()) {
        removeStore(request.storePath);
        if (!outcome.cancelled)
            QMessageBox::critical(m_parent, tr("BranchDesk"), tr("The branch store could not be created: %1").arg(outcome.error));
        return false;
    }
    m_key = outcome.key;
    *out = outcome.branch;
    // The wizard reads, checks and writes on its own threads, then reloads the branch.
    bool imported = false;
    {
        ImportWizard wizard(out->store, branch.manager.staffId, m_parent);
        connect(&wizard, &ImportWizard::imported, this, [out, &imported](const LoadedBranch &loaded) {
            *out = loaded;
            imported = true;
        });
        wizard.setFile(file);
        wizard.exec();
    }
    if (!imported) {
        // A cancelled or failed first import leaves no empty store or key file behind (issue 14).
        *out = LoadedBranch{};
        outcome = Outcome{};
        m_key.reset();
        removeStore(request.storePath);
        return false;
    }
    return true;
}

bool BranchOpener::firstRun(const Request &request, LoadedBranch *out)
{
    const bool wholeGuide = request.showGuide || !FirstRunWizard::guideSeen();
    FirstRunWizard wizard(wholeGuide ? FirstRunWizard::Mode::Setup : FirstRunWizard::Mode::SetupShort, m_languages,
                          m_parent);
    wizard.setPassphrasePreset(!request.passphrase.isEmpty());
    wizard.setDemoCustomers(request.demoCustomers);
    if (wizard.exec() != QDialog::Accepted)
        return false;
    const QString passphrase = request.passphrase.isEmpty() ? wizard.passphrase() : request.passphrase;
    if (wizard.start() == FirstRunWizard::Start::Demo)
        return createDemo(request, passphrase, out);
    if (wizard.start() == FirstRunWizard::Start::ImportFile) {
        NewBranch branch;
        branch.code = wizard.branchCode();
        branch.name = wizard.branchName();
        branch.manager = Staff{wizard.ownStaffId(), wizard.ownName(), Staff::Role::Manager};
        return importFile(request, passphrase, wizard.importFile(), branch, out);
    }
    SyncEngine::Settings settings;
    settings.hq = wizard.hqUrl();
    settings.staffId = wizard.staffId();
    settings.password = wizard.hqPassword();
    return connectToHq(request, passphrase, settings, out);
}

bool BranchOpener::open(const Request &request, LoadedBranch *out)
{
    const QString storeName = QFileInfo(request.storePath).fileName();
    const bool exists = QFileInfo(request.storePath).isFile();
    if (!exists) {
        QDir().mkpath(QFileInfo(request.storePath).absolutePath());
        if (request.createDemoIfMissing)
            return createDemo(request, request.passphrase, out);
        return firstRun(request, out);
    }
    if (request.showGuide) {
        // Asked for with --first-run on an existing store: the guide's pages, then unlock.
        FirstRunWizard guide(FirstRunWizard::Mode::Guide, m_languages, m_parent);
        guide.exec();
    }

    if (!request.passphrase.isEmpty()) {
        Outcome outcome = runInBackground(request, request.passphrase, Job::Load);
        if (outcome.error.isEmpty() && !outcome.cancelled) {
            m_key = outcome.key;
            *out = outcome.branch;
            return true;
        }
        if (outcome.cancelled)
            return false;
        QMessageBox::critical(m_parent, tr("BranchDesk"),
                              outcome.wrongPassphrase ? tr("The passphrase given in BRANCHDESK_PASSPHRASE does not unlock %1.").arg(storeName)
                                                      : tr("The store could not be opened: %1").arg(outcome.error));
        return false;
    }

    PassphraseDialog dialog(PassphraseDialog::Mode::Unlock, storeName, m_parent);
    for (;;) {
        if (dialog.exec() != QDialog::Accepted)
            return false;
        Outcome outcome = runInBackground(request, dialog.passphrase(), Job::Load);
        if (outcome.cancelled)
            return false;
        if (outcome.error.isEmpty()) {
            m_key = outcome.key;
            *out = outcome.branch;
            return true;
        }
        if (outcome.wrongPassphrase) {
            dialog.showError(tr("That passphrase does not unlock this store. Nothing was changed; try again."));
            continue;
        }
        QMessageBox::critical(m_parent, tr("BranchDesk"), tr("The store could not be opened: %1").arg(outcome.error));
        return false;
    }
}
