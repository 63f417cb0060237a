#include "customerpage.h"
#include "exportcontroller.h"
#include "exportdialog.h"
#include "session/cadenceworkspace.h"
#include "mainwindow.h"
#include "todaypage.h"
#include "store/auditlog.h"
#include "store/branchstore.h"
#include "store/database.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QStandardItem>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

// Export from the window: the dialog asks a reason before anything leaves
// unmasked, the view's visible columns in their order are what is written,
// the file is written off the UI thread, and the audit trail records it.
class TestExportController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    const QString m_pass = QStringLiteral("test-pass");

    std::vector<AuditLog::Entry> audit()
    {
        Database db = Database::open(m_store, m_pass, Database::OpenMode::ExistingOnly);
        return AuditLog(db).entries();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        m_store = m_dir.filePath(QStringLiteral("demo.db"));
        QVERIFY(BranchStore::createDemo(m_store, m_pass, DemoGenerator::Options{3000, 7, QDate(2026, 11, 23)}));
    }

    void unmaskedNeedsAReason()
    {
        ExportDialog dialog(ExportDialog::Kind::Table, QStringLiteral("客户"), 10, 1, m_dir.filePath(QStringLiteral("a.xlsx")));
        QVERIFY(dialog.masked());
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(!dialog.reasonEdit()->isEnabled());
        dialog.unmaskedBox()->setChecked(true);
        QVERIFY(!dialog.okButton()->isEnabled()); // no reason yet
        dialog.reasonEdit()->setText(QStringLiteral("行长批准的开门红名单")); // keyClicks types Latin-1 only
        QVERIFY(dialog.okButton()->isEnabled());
        QVERIFY(!dialog.masked());
        QCOMPARE(dialog.reason(), QStringLiteral("行长批准的开门红名单"));
        // Switching the format switches the extension.
        dialog.formatBox()->setCurrentIndex(1);
        QCOMPARE(dialog.format(), TableExporter::Format::Csv);
        QVERIFY(dialog.path().endsWith(QStringLiteral("a.csv")));
    }

    void visibleColumnsInScreenOrder()
    {
        QWidget page;
        auto *small = new QTableView(&page);
        auto *view = new QTableView(&page);
        QStandardItemModel few(1, 2), many(5, 4);
        small->setModel(&few);
        view->setModel(&many);
        view->setColumnHidden(1, true);
        view->horizontalHeader()->moveSection(3, 0);
        page.show();
        QCOMPARE(ExportController::mainViewOf(&page), view); // the one with most rows
        QCOMPARE(ExportController::visibleColumns(view), (std::vector<int>{3, 0, 2}));
    }

    void largeTablesAreCopiedInSlices()
    {
        // Given a view of 25,000 rows (above the one-go copy),
        QWidget window;
        auto *view = new QTableView(&window);
        QStandardItemModel model(25000, 2);
        for (int r = 0; r < model.rowCount(); ++r) {
            model.setItem(r, 0, new QStandardItem(QStringLiteral("row %1").arg(r)));
            model.setItem(r, 1, new QStandardItem(QString::number(r)));
        }
        view->setModel(&model);
        window.show();
        ExportController controller(&window);
        QSignalSpy done(&controller, &ExportController::finished);
        const QString path = m_dir.filePath(QStringLiteral("big.csv"));
        auto answer = [path] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->formatBox()->setCurrentIndex(1);
            dialog->pathEdit()->setText(path);
            dialog->okButton()->click();
        };
        // when it is exported, the copy runs between events and the file has every row;
        QTimer::singleShot(0, this, answer);
        QVERIFY(controller.exportView(view, QStringLiteral("big")));
        QVERIFY(controller.isRunning());
        QVERIFY(done.wait(60000));
        QVERIFY2(done.at(0).at(0).value<ExportController::Outcome>().written,
                 qPrintable(done.at(0).at(0).value<ExportController::Outcome>().message));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count("\r\n"), 25001);
        // and when the list changes during the copy, the export stops and says so.
        QTimer::singleShot(0, this, answer);
        QVERIFY(controller.exportView(view, QStringLiteral("big")));
        model.removeRows(0, 10);
        QVERIFY(done.wait(30000));
        const auto outcome = done.at(1).at(0).value<ExportController::Outcome>();
        QVERIFY(!outcome.written);
        QVERIFY2(outcome.message.contains(QStringLiteral("changed")), qPrintable(outcome.message));
    }

    void callSheetsPerRmFromTheManagersTodayPage()
    {
        // Given the Today page acting as the branch manager, all RMs shown,
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch, {}, QDate(2026, 11, 23)));
        CadenceWorkspace ws;
        ws.setActingStaffId(QStringLiteral("MGR01"));
        TodayPage page(&ws);
        page.show();
        ws.setBranch(branch, QDate(2026, 11, 23));
        QTRY_VERIFY_WITH_TIMEOUT(page.isSettled() && page.model()->rowCount() > 0, 30000);
        const TodayModel &model = *page.model();
        // when the call sheets are made,
        const auto sheets = CallSheet::perRm(model, true, branch.snapshot->branchName(), QDate(2026, 11, 23));
        // then every open row is on the sheet of its own RM, once, with the name masked.
        int open = 0;
        QSet<QString> rmsShown;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (!model.item(row).isDone()) {
                ++open;
                rmsShown.insert(model.index(row, TodayModel::Rm).data().toString());
            }
        }
        int onSheets = 0;
        QSet<QString> sheetRms;
        for (const CallSheet::Sheet &sheet : sheets) {
            QVERIFY(!sheetRms.contains(sheet.header.rmName));
            sheetRms.insert(sheet.header.rmName);
            QCOMPARE(sheet.header.branchName, branch.snapshot->branchName());
            onSheets += int(sheet.entries.size());
            for (const CallSheet::Entry &e : sheet.entries) {
                QVERIFY2(e.name.contains(QLatin1Char('*')), qPrintable(e.name));
                QVERIFY(e.phone.isEmpty() || e.phone.contains(QStringLiteral("****")));
            }
        }
        QCOMPARE(onSheets, open);
        QCOMPARE(sheetRms, rmsShown);
        QVERIFY(sheets.size() > 1);
    }

    void noExportWithoutItsAuditEntry()
    {
        // Given a store that cannot be opened (moved away since the branch was loaded),
        QWidget window;
        ExportController controller(&window);
        controller.setStore({m_dir.filePath(QStringLiteral("gone.db")), m_pass});
        ExportTable table;
        table.listName = QStringLiteral("客户");
        table.headers = {QStringLiteral("姓名")};
        table.personal = {PersonalField::Name};
        table.rows = {{QStringLiteral("张三")}};
        ExportController::Request request;
        request.path = m_dir.filePath(QStringLiteral("unaudited.csv"));
        request.options = {TableExporter::Format::Csv, true};
        QSignalSpy done(&controller, &ExportController::finished);
        // when a list is exported, the file is not left behind and the user is told why.
        QVERIFY(controller.startExport(table, request));
        QVERIFY(done.wait(30000));
        const auto outcome = done.at(0).at(0).value<ExportController::Outcome>();
        QVERIFY(!outcome.written);
        QVERIFY2(outcome.message.contains(QStringLiteral("audit")), qPrintable(outcome.message));
        QVERIFY(!QFile::exists(request.path));
    }

    void exportThroughTheWindowIsAudited()
    {
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch));
        MainWindow window(nullptr);
        window.setBranch(branch);
        window.show();
        QVERIFY(window.showPage(QStringLiteral("customers")));
        // The action is on the File menu with Ctrl+E.
        bool found = false;
        for (QAction *a : window.menuBar()->actions().first()->menu()->actions())
            found = found || a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E);
        QVERIFY(found);
        // Given the dialog answered with an .xlsx path, masked,
        const QString path = m_dir.filePath(QStringLiteral("customers.xlsx"));
        QTimer::singleShot(0, this, [path] {
            auto *dialog = qobject_cast<ExportDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->pathEdit()->setText(path);
            dialog->okButton()->click();
        });
        QSignalSpy done(window.exporter(), &ExportController::finished);
        const auto before = audit().size();
        // When Export is chosen on the Customers page,
        window.exportCurrentPage();
        QVERIFY(done.wait(60000));
        const auto outcome = done.at(0).at(0).value<ExportController::Outcome>();
        QVERIFY2(outcome.written, qPrintable(outcome.message));
        // Then the file holds the 3000 rows and the audit trail one more entry, without the data.
        QVERIFY(QFile::exists(path));
        const auto entries = audit();
        QCOMPARE(entries.size(), before + 1);
        const AuditLog::Entry &e = entries.back();
        QCOMPARE(e.event, QStringLiteral("export"));
        QVERIFY2(e.detail.contains(QStringLiteral("format=xlsx rows=3000")), qPrintable(e.detail));
        QVERIFY(e.detail.contains(QStringLiteral("masked=yes")));
        const Customer &first = branch.snapshot->customer(0);
        QVERIFY(!e.detail.contains(first.name) && !e.subject.contains(first.name));
    }

    void unmaskedExportRecordsTheReason()
    {
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch));
        QWidget window;
        ExportController controller(&window);
        controller.setStore(branch.store);
        controller.setStaffProvider([] { return QStringLiteral("MGR01"); });
        ExportTable table;
        table.listName = QStringLiteral("临界客户");
        table.headers = {QStringLiteral("姓名")};
        table.personal = {PersonalField::Name};
        table.rows = {{QStringLiteral("张三")}};
        ExportController::Request request;
        request.path = m_dir.filePath(QStringLiteral("unmasked.csv"));
        request.options = {TableExporter::Format::Csv, false};
        request.reason = QStringLiteral("客户要求核对");
        QSignalSpy done(&controller, &ExportController::finished);
        QVERIFY(controller.startExport(table, request));
        QVERIFY(done.wait(30000));
        const AuditLog::Entry e = audit().back();
        QCOMPARE(e.staffId, QStringLiteral("MGR01"));
        QCOMPARE(e.subject, QStringLiteral("临界客户"));
        QVERIFY2(e.detail.contains(QStringLiteral("masked=no reason=客户要求核对")), qPrintable(e.detail));
        QVERIFY(!e.detail.contains(QStringLiteral("张三")));

        // A call sheet is a print, audited the same way.
        std::vector<CallSheet::Entry> entries(31, CallSheet::Entry{QStringLiteral("600000000001"), QStringLiteral("张*"),
                                                                   QStringLiteral("138****5678"), QStringLiteral("T-7"),
                                                                   QStringLiteral("到期"), QStringLiteral("电话")});
        request.path = m_dir.filePath(QStringLiteral("sheet.pdf"));
        request.options.masked = true;
        QVERIFY(controller.startCallSheet({{{QStringLiteral("演示支行"), QStringLiteral("周经理"), QDate(2026, 11, 23)}, entries}},
                                          request));
        QVERIFY(done.wait(30000));
        const AuditLog::Entry p = audit().back();
        QCOMPARE(p.event, QStringLiteral("print"));
        QVERIFY2(p.detail.contains(QStringLiteral("rows=31")) && p.detail.contains(QStringLiteral("pages=2 rms=周经理")),
                 qPrintable(p.detail));
    }
};

QTEST_MAIN(TestExportController)
#include "tst_exportcontroller.moc"
