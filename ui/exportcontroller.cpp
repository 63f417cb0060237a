#include "exportcontroller.h"

#include "exportdialog.h"
#include "items/todaymodel.h"

#include <QAbstractItemView>
#include <QDate>
#include <QDesktopServices>
#include <QDir>
#include <QPushButton>
#include <QUrl>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QtConcurrent>

namespace {

// Small tables are written at once; from this size a progress dialog shows.
constexpr int kProgressFrom = 5000;
// Up to this many rows the copy is taken in one go (well under 100 ms); above, in slices.
constexpr int kCaptureAtOnce = 20000;
constexpr int kCaptureSlice = 4000;

} // namespace

struct ExportController::Capture
{
    QPointer<QAbstractItemModel> model;
    ExportTable table;
    Request request;
    int next = 0;
    int total = 0;
    bool changed = false;
    QPointer<QProgressDialog> progress;
    QList<QMetaObject::Connection> connections;
};

ExportController::ExportController(QWidget *window)
    : QObject(window), m_window(window), m_done(std::make_shared<std::atomic<int>>(0)), m_poll(new QTimer(this))
{
    m_poll->setInterval(100);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (m_progress)
            m_progress->setValue(qMin(m_done->load(), m_total));
    });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &ExportController::onFinished);
}

ExportController::~ExportController()
{
    m_cancel = true;
    m_watcher.waitForFinished();
}

QString ExportController::staffId() const
{
    return m_staff ? m_staff() : QString();
}

QAbstractItemView *ExportController::mainViewOf(QWidget *page)
{
    if (!page)
        return nullptr;
    QAbstractItemView *best = nullptr;
    int bestRows = -1;
    const auto views = page->findChildren<QAbstractItemView *>();
    for (QAbstractItemView *v : views) {
        if (!qobject_cast<QTableView *>(v) && !qobject_cast<QTreeView *>(v))
            continue;
        if (!v->model() || !v->isVisibleTo(page))
            continue;
        if (v->hasFocus())
            return v;
        const int rows = v->model()->rowCount();
        if (rows > bestRows) {
            best = v;
            bestRows = rows;
        }
    }
    return best;
}

std::vector<int> ExportController::visibleColumns(const QAbstractItemView *view)
{
    std::vector<int> cols;
    const QHeaderView *header = nullptr;
    if (const auto *t = qobject_cast<const QTableView *>(view))
        header = t->horizontalHeader();
    else if (const auto *t = qobject_cast<const QTreeView *>(view))
        header = t->header();
    const int count = view->model() ? view->model()->columnCount() : 0;
    for (int visual = 0; visual < count; ++visual) {
        const int logical = header ? header->logicalIndex(visual) : visual;
        if (logical < 0)
            continue;
        if (header && header->isSectionHidden(logical))
            continue;
        if (const auto *t = qobject_cast<const QTableView *>(view); t && t->isColumnHidden(logical))
            continue;
        cols.push_back(logical);
    }
    return cols;
}

QString ExportController::suggestedPath(const QString &listName, const QString &suffix) const
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    QString base = listName;
    for (QChar &c : base) {
        if (QStringLiteral("/\\:*?\"<>|").contains(c))
            c = QLatin1Char('_');
    }
    return QDir(dir).filePath(base + QLatin1Char('-') + QDate::currentDate().toString(Qt::ISODate) + QLatin1Char('.')
                              + suffix);
}

bool ExportController::exportView(QAbstractItemView *view, const QString &listName)
{
    if (isRunning())
        return false;
    if (!view || !view->model() || view->model()->rowCount() == 0) {
        QMessageBox::information(m_window, tr("Export"), tr("This page shows no rows to export."));
        return false;
    }
    const std::vector<int> cols = visibleColumns(view);
    int personal = 0;
    for (int c : cols) {
        const QVariant k = view->model()->headerData(c, Qt::Horizontal, PersonalField::HeaderRole);
        personal += k.isValid() && k.toInt() != PersonalField::None ? 1 : 0;
    }
    ExportDialog dialog(ExportDialog::Kind::Table, listName, view->model()->rowCount(), personal,
                        suggestedPath(listName, QStringLiteral("xlsx")), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    Request request;
    request.path = dialog.path();
    request.options.format = dialog.format();
    request.options.masked = dialog.masked();
    request.reason = dialog.reason();
    // The copy is taken on the UI thread (the models are not thread-safe), then written on a worker.
    QAbstractItemModel *model = view->model();
    ExportTable table = ExportTable::headersOf(*model, listName, cols);
    if (model->rowCount() <= kCaptureAtOnce) {
        table.appendRows(*model, 0, model->rowCount());
        return startExport(std::move(table), request);
    }
    startCapture(model, std::move(table), request);
    return true;
}

void ExportController::startCapture(QAbstractItemModel *model, ExportTable table, const Request &request)
{
    m_capture = std::make_unique<Capture>();
    Capture &c = *m_capture;
    c.model = model;
    c.table = std::move(table);
    c.request = request;
    c.total = model->rowCount();
    auto changed = [this] {
        if (m_capture)
            m_capture->changed = true;
    };
    c.connections << connect(model, &QAbstractItemModel::modelAboutToBeReset, this, changed)
                  << connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, changed)
                  << connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, changed)
                  << connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, changed);
    m_cancel = false;
    if (m_window && m_window->isVisible()) {
        c.progress = new QProgressDialog(tr("Copying the list…"), tr("Cancel"), 0, c.total, m_window);
        c.progress->setWindowModality(Qt::WindowModal);
        c.progress->setMinimumDuration(0);
        connect(c.progress, &QProgressDialog::canceled, this, [this] { m_cancel = true; });
    }
    QTimer::singleShot(0, this, &ExportController::captureStep);
}

void ExportController::captureStep()
{
    if (!m_capture)
        return;
    Capture &c = *m_capture;
    if (m_cancel) {
        endCapture(tr("Export cancelled; no file was written."));
        return;
    }
    if (c.changed || !c.model) {
        endCapture(tr("The list changed while it was being copied; export again."));
        return;
    }
    c.table.appendRows(*c.model, c.next, kCaptureSlice);
    c.next += kCaptureSlice;
    if (c.progress)
        c.progress->setValue(qMin(c.next, c.total));
    if (c.next < c.total) {
        QTimer::singleShot(0, this, &ExportController::captureStep);
        return;
    }
    ExportTable table = std::move(c.table);
    const Request request = c.request;
    endCapture(QString());
    startExport(std::move(table), request);
}

void ExportController::endCapture(const QString &message)
{
    std::unique_ptr<Capture> c = std::move(m_capture);
    for (const QMetaObject::Connection &conn : std::as_const(c->connections))
        disconnect(conn);
    if (c->progress) {
        c->progress->close();
        c->progress->deleteLater();
    }
    if (!message.isEmpty()) {
        Outcome out;
        out.cancelled = true;
        out.message = message;
        emit finished(out);
    }
}

bool ExportController::printCallSheet(const TodayModel &model)
{
    if (isRunning())
        return false;
    const QDate today = QDate::currentDate();
    const std::vector<CallSheet::Sheet> preview = CallSheet::perRm(model, true, m_branchName, today);
    int entries = 0;
    for (const CallSheet::Sheet &sheet : preview)
        entries += int(sheet.entries.size());
    if (entries == 0) {
        QMessageBox::information(m_window, tr("Print call sheet"), tr("There is nobody to call on the Today page."));
        return false;
    }
    const QString who = preview.size() == 1 ? preview.front().header.rmName : tr("all-rms");
    ExportDialog dialog(ExportDialog::Kind::CallSheet, who, entries, 2,
                        suggestedPath(tr("call-sheet-%1").arg(who), QStringLiteral("pdf")), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    Request request;
    request.path = dialog.path();
    request.options.masked = dialog.masked();
    request.reason = dialog.reason();
    return startCallSheet(dialog.masked() ? preview : CallSheet::perRm(model, false, m_branchName, today), request);
}

bool ExportController::startExport(ExportTable table, const Request &request)
{
    if (isRunning())
        return false;
    const int total = table.rowCount();
    const StoreAccess store = m_store;
    const QString staff = staffId();
    auto done = m_done;
    std::atomic<bool> *cancel = &m_cancel;
    start(
        [table = std::move(table), request, store, staff, done, cancel]() -> Outcome {
            Outcome out;
            QString error;
            // The Documents folder may not exist (Chinese desktops name theirs 文档): create it.
            const QString folder = QFileInfo(request.path).absolutePath();
            if (!QDir().mkpath(folder)) {
                out.message = tr("The folder %1 could not be created; choose another.").arg(QDir::toNativeSeparators(folder));
                return out;
            }
            const TableExporter::Result r = TableExporter::write(
                table, request.path, request.options, &error, [done, cancel](int d, int) {
                    done->store(d);
                    return !cancel->load();
                });
            if (r == TableExporter::Result::Cancelled) {
                out.cancelled = true;
                out.message = tr("Export cancelled; no file was written.");
                return out;
            }
            if (r == TableExporter::Result::Failed) {
                out.message = tr("The file %1 could not be written (%2).").arg(QDir::toNativeSeparators(request.path), error);
                return out;
            }
            out.written = true;
            out.path = request.path;
            const QString detail = TableExporter::auditDetail(TableExporter::formatKey(request.options.format), table.rowCount(),
                                               table.columnCount(), request.options.masked || table.personalColumnCount() == 0,
                                               request.reason);
            QString auditError;
            if (store.isValid() && !BranchSession::appendAudit(store, QStringLiteral("export"), staff, table.listName, detail,
                                                              &auditError)) {
                // No export without its audit entry: the file goes again.
                QFile::remove(request.path);
                out.written = false;
                out.message = tr("Not exported: the audit trail could not be written (%1).").arg(auditError);
                return out;
            }
            out.message = tr("Exported %n rows to %1 (%2).", nullptr, table.rowCount())
                              .arg(QDir::toNativeSeparators(request.path),
                                   request.options.masked ? tr("personal fields masked") : tr("unmasked"));
            return out;
        },
        total, tr("Exporting…"));
    return true;
}

bool ExportController::startCallSheet(std::vector<CallSheet::Sheet> sheets, const Request &request)
{
    if (isRunning())
        return false;
    int total = 0;
    QStringList rms;
    for (const CallSheet::Sheet &sheet : sheets) {
        total += int(sheet.entries.size());
        rms << sheet.header.rmName;
    }
    const StoreAccess store = m_store;
    const QString staff = staffId();
    auto done = m_done;
    std::atomic<bool> *cancel = &m_cancel;
    start(
        [sheets = std::move(sheets), total, rms, request, store, staff, done, cancel]() -> Outcome {
            Outcome out;
            QString error;
            QDir().mkpath(QFileInfo(request.path).absolutePath());
            const bool ok = CallSheet::writePdf(request.path, sheets, &error, [done, cancel](int d, int) {
                done->store(d);
                return !cancel->load();
            });
            if (!ok) {
                out.cancelled = cancel->load();
                out.message = out.cancelled ? tr("Printing cancelled; no file was written.") : error;
                return out;
            }
            out.written = true;
            // Staff names are not customer data; the RMs printed for go into the entry.
            const QString detail = TableExporter::auditDetail(QStringLiteral("pdf"), total, 5, request.options.masked, request.reason)
                                   + QStringLiteral(" pages=%1 rms=%2")
                                         .arg(CallSheet::pageCount(sheets))
                                         .arg(rms.join(QLatin1Char('|')));
            QString auditError;
            if (store.isValid() && !BranchSession::appendAudit(store, QStringLiteral("print"), staff,
                                                              QStringLiteral("call_sheet"), detail, &auditError)) {
                QFile::remove(request.path);
                out.written = false;
                out.message = tr("No call sheet: the audit trail could not be written (%1).").arg(auditError);
                return out;
            }
            out.path = request.path;
            out.message = tr("Call sheet with %n customers written to %1.", nullptr, total)
                              .arg(QDir::toNativeSeparators(request.path));
            return out;
        },
        total, tr("Writing the call sheet…"));
    return true;
}

void ExportController::start(std::function<Outcome()> job, int total, const QString &title)
{
    m_cancel = false;
    m_done->store(0);
    m_total = total;
    if (total >= kProgressFrom && m_window && m_window->isVisible()) {
        m_progress = new QProgressDialog(title, tr("Cancel"), 0, qMax(1, total), m_window);
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(300);
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        connect(m_progress, &QProgressDialog::canceled, this, [this] { m_cancel = true; });
        m_poll->start();
    }
    m_watcher.setFuture(QtConcurrent::run(std::move(job)));
}

QWidget *ExportController::offerToOpen(QWidget *parent, const Outcome &outcome)
{
    if (!outcome.written || outcome.path.isEmpty())
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Export"), outcome.message, QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("exportDone"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    QPushButton *file = box->addButton(tr("Open file"), QMessageBox::ActionRole);
    file->setObjectName(QStringLiteral("openExportedFile"));
    QPushButton *folder = box->addButton(tr("Open folder"), QMessageBox::ActionRole);
    folder->setObjectName(QStringLiteral("openExportFolder"));
    const QString path = outcome.path;
    // Action buttons close the box; each opens what it names with the desktop's program.
    connect(file, &QPushButton::clicked, box, [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(path)); });
    connect(folder, &QPushButton::clicked, box,
            [path] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath())); });
    box->show();
    return box;
}

void ExportController::onFinished()
{
    m_poll->stop();
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    const Outcome outcome = m_watcher.result();
    if (!outcome.written && !outcome.cancelled && m_window && m_window->isVisible())
        QMessageBox::warning(m_window, tr("Export"), outcome.message);
    emit finished(outcome);
}
