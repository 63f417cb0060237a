#pragma once

#include "session/callsheet.h"
#include "session/exporttable.h"
#include "session/tableexporter.h"
#include "session/branchsession.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <functional>
#include <memory>

class QAbstractItemView;
class QProgressDialog;
class QTimer;
class QWidget;
class TodayModel;

// Export… (Ctrl+E) and Print call sheet… for whatever list the window shows:
// asks with ExportDialog, copies the view's rows on the UI thread, writes the
// file on a worker thread with progress and cancel, and appends an "export" or
// "print" entry to the audit trail (list, rows, masked or not, reason; never
// the data). One export at a time.
class ExportController : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QString path;
        TableExporter::Options options;
        QString reason; // given when unmasked
    };
    struct Outcome
    {
        bool written = false;
        bool cancelled = false;
        QString message; // what happened, for the status bar
        QString path;    // the file written (issue 16: "Open file" / "Open folder" after)
    };

    explicit ExportController(QWidget *window);
    // After a file was written: a small, non-modal box saying where, with "Open file" and
    // "Open folder" (issue 16; the status bar alone was easy to miss). Returns the box.
    static QWidget *offerToOpen(QWidget *parent, const Outcome &outcome);
    ~ExportController() override; // cancels a running export and waits for it

    void setStore(const StoreAccess &store) { m_store = store; }
    void setStaffProvider(std::function<QString()> staff) { m_staff = std::move(staff); }
    void setBranchName(const QString &name) { m_branchName = name; }

    // The table or tree a page shows: the focused one, else the one with most rows.
    static QAbstractItemView *mainViewOf(QWidget *page);
    // The visible columns of `view` in their on-screen order.
    static std::vector<int> visibleColumns(const QAbstractItemView *view);

    // With the dialog: false when the page has nothing to export or the user cancels.
    bool exportView(QAbstractItemView *view, const QString &listName);
    // One sheet per RM the Today page shows (one when it shows one RM).
    bool printCallSheet(const TodayModel &model);

    // Without the dialog (tests, and what the dialog leads to). finished() reports the outcome.
    bool startExport(ExportTable table, const Request &request);
    bool startCallSheet(std::vector<CallSheet::Sheet> sheets, const Request &request);
    bool isRunning() const { return m_watcher.isRunning() || m_capture != nullptr; }
    void cancel() { m_cancel = true; }

signals:
    void finished(const ExportController::Outcome &outcome);

private:
    struct Capture;
    // Large tables are copied kCaptureSlice rows per event-loop turn, so the window
    // keeps painting and the copy can be cancelled; a model reset aborts it.
    void startCapture(QAbstractItemModel *model, ExportTable table, const Request &request);
    void captureStep();
    void endCapture(const QString &message);
    void start(std::function<Outcome()> job, int total, const QString &title);
    void onFinished();
    QString staffId() const;
    QString suggestedPath(const QString &listName, const QString &suffix) const;

    QWidget *m_window;
    StoreAccess m_store;
    QString m_branchName;
    std::function<QString()> m_staff;
    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic<int>> m_done;
    std::atomic<bool> m_cancel{false};
    QPointer<QProgressDialog> m_progress;
    QTimer *m_poll;
    int m_total = 0;
    std::unique_ptr<Capture> m_capture;
};
