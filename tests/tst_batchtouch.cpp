// Issue 17, batch work: customers chosen by a rectangle on the value quadrant,
// by the customer list's filter, or by several selected rows get one SMS /
// WeChat / 企业微信 / mobile-banking push in one action through the same
// BatchTouchDialog and CadenceWorkspace::logBatch (do-not-contact skipped), and
// the batch's phone list goes to a file for the bank's SMS platform: masked unless
// a reason is given, 0600, a personal-data notice first, refused customers left
// out, audited. A real demo store and the real MainWindow.
#include "session/analysiscontroller.h"
#include "batchtouchcontroller.h"
#include "batchtouchdialog.h"
#include "customerpage.h"
#include "customerrowmenu.h"
#include "exportdialog.h"
#include "mainwindow.h"
#include "quadrantpage.h"
#include "quadrantplot.h"
#include "domain/personaldatamask.h"
#include "domain/xlsxreader.h"
#include "session/cadenceworkspace.h"
#include "items/customerlistmodel.h"
#include "items/customertablemodel.h"
#include "session/phonelistexport.h"
#include "store/auditlog.h"
#include "store/branchstore.h"
#include "store/database.h"

#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

namespace {
const QString kPass = QStringLiteral("batch-pass");
const QDate kToday(2026, 11, 23);
} // namespace

class TestBatchTouch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<MainWindow> m_window;

    CadenceWorkspace *ws() const { return m_window->workspace(); }
    const BranchSnapshot *snap() const { return ws()->snapshot(); }

    void refuse(const QStringList &nos)
    {
        for (const QString &no : nos) {
            DoNotContact d;
            d.customerNo = no;
            d.since = kToday;
            d.source = QStringLiteral("customer");
            ws()->setDoNotContact(d);
        }
        QVERIFY(ws()->waitForIdle());
    }
    // Contacts of the customer logged today through `channel` with `note`.
    int touches(const QString &no, Contact::Channel channel, const QString &note) const
    {
        int n = 0;
        for (const Contact &c : ws()->activity().contactsOf(snap()->indexOfCustomer(no)))
            n += c.channel == channel && c.note == note ? 1 : 0;
        return n;
    }
    BatchTouchDialog *dialog() const { return m_window->findChild<BatchTouchDialog *>(); }
    // Logs through the open dialog; returns (logged, skipped).
    QPair<int, int> logThroughDialog(Contact::Channel channel, const QString &note)
    {
        BatchTouchDialog *d = nullptr;
        [&] { QTRY_VERIFY((d = dialog()) && d->isVisible()); }();
        if (!d)
            return {-1, -1};
        d->channelBox()->setCurrentIndex(d->channelBox()->findData(int(channel)));
        d->noteEdit()->setText(note); // typed Chinese: QTest::keyClicks takes ASCII only
        QSignalSpy logged(ws(), &CadenceWorkspace::batchLogged);
        QTest::mouseClick(d->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        if (!logged.wait(20000))
            return {-2, -2};
        return {logged.front().at(0).toInt(), logged.front().at(1).toInt()};
    }
    QList<AuditLog::Entry> exportsAudited()
    {
        Database db = Database::open(m_store, kPass, Database::OpenMode::ExistingOnly);
        QList<AuditLog::Entry> out;
        for (const AuditLog::Entry &e : AuditLog(db).entries())
            if (e.event == QLatin1String("export"))
                out << e;
        return out;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        BranchStore::setDemoSignedInAs(QString()); // the branch manager: the whole branch
        m_store = m_dir.filePath(QStringLiteral("batch.db"));
        QVERIFY(BranchStore::createDemo(m_store, kPass, DemoGenerator::Options{2000, 7, kToday}));
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, kPass, &branch, {}, kToday));
        m_window = std::make_unique<MainWindow>(nullptr);
        m_window->resize(1366, 740);
        m_window->show();
        ws()->setToday(kToday);
        QSignalSpy ready(ws(), &CadenceWorkspace::ready);
        m_window->setBranch(branch);
        QVERIFY(ready.wait(30000));
    }
    void cleanupTestCase() { m_window.reset(); }

    void aRectangleOnTheQuadrantIsOneBatch()
    {
        // Given the value quadrant, and a rectangle dragged over its lower left
        QuadrantPage *page = m_window->quadrantPage();
        QSignalSpy scored(m_window->analysis(), &AnalysisController::scoresReady);
        m_window->showPage(QStringLiteral("quadrant"));
        QVERIFY(m_window->analysis()->scores() || scored.wait(30000));
        QuadrantPlot *plot = page->plot();
        QTRY_VERIFY(plot->isVisible());
        const auto at = [&](double x, double y) {
            return QPoint(int(plot->xAxis->coordToPixel(x)), int(plot->yAxis->coordToPixel(y)));
        };
        const QPoint from = at(3, 35), to = at(35, 3);
        QTest::mousePress(plot, Qt::LeftButton, {}, from);
        QTest::mouseMove(plot, from + QPoint(10, 10));
        QTest::mouseMove(plot, to);
        QTest::mouseRelease(plot, Qt::LeftButton, {}, to);
        const QStringList inRectangle = page->listedCustomerNos();
        QVERIFY2(inRectangle.size() > 20, qPrintable(QString::number(inRectangle.size())));
        QCOMPARE(inRectangle.size(), page->selectionModel()->rowCount());
        // 3 of them refused marketing
        refuse(inRectangle.mid(0, 3));

        // When the batch-touch button is clicked and one 企业微信 message logged for all
        QVERIFY(page->batchTouchButton()->isEnabled());
        QTest::mouseClick(page->batchTouchButton(), Qt::LeftButton);
        const QString note = QStringLiteral("企业微信：年末理财专享");
        const auto [logged, skipped] = logThroughDialog(Contact::Channel::WeCom, note);

        // Then every customer of the rectangle but the 3 has exactly one WeCom touch, the 3 none
        QCOMPARE(skipped, 3);
        QCOMPARE(logged, int(inRectangle.size()) - 3);
        for (int i = 0; i < inRectangle.size(); ++i)
            QCOMPARE(touches(inRectangle.at(i), Contact::Channel::WeCom, note), i < 3 ? 0 : 1);
    }

    void theCustomerListFilterAndSelectedRowsAreBatches()
    {
        // Given the customer list filtered to one RM and one tier
        m_window->showPage(QStringLiteral("customers"));
        CustomerPage *page = m_window->customerPage();
        page->rmFilter()->setCurrentIndex(2); // the first RM (after "all" and "unassigned")
        page->tierFilter()->setCurrentIndex(page->tierFilter()->count() - 2); // the second tier from the bottom
        QTRY_VERIFY(page->model()->rowCount() > 5);
        page->table()->selectRow(0);
        const QStringList shown = page->shownCustomerNos();
        refuse({shown.at(1)});

        // When "Batch touch…" is clicked with one row selected: the filter's customers
        QTest::mouseClick(page->batchTouchButton(), Qt::LeftButton);
        const QString note = QStringLiteral("手机银行推送：积分兑换");
        const auto [logged, skipped] = logThroughDialog(Contact::Channel::MobileBanking, note);
        QCOMPARE(skipped, 1);
        QCOMPARE(logged, int(shown.size()) - 1);
        QCOMPARE(touches(shown.at(0), Contact::Channel::MobileBanking, note), 1);
        QCOMPARE(touches(shown.at(1), Contact::Channel::MobileBanking, note), 0);

        // And with three rows selected, the rows' context menu batches those three
        QTableView *table = page->table();
        table->selectionModel()->clearSelection();
        for (int r : {2, 3, 4})
            table->selectionModel()->select(page->model()->index(r, 0),
                                            QItemSelectionModel::Select | QItemSelectionModel::Rows);
        const QPoint pos = table->visualRect(page->model()->index(3, 0)).center();
        QContextMenuEvent event(QContextMenuEvent::Mouse, pos, table->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(table->viewport(), &event);
        QMenu *menu = page->rowMenu()->openMenu();
        QVERIFY(menu);
        QAction *batch = menu->findChild<QAction *>(QStringLiteral("batchTouchSelected"));
        QVERIFY(batch);
        batch->trigger();
        menu->close();
        const QString wechat = QStringLiteral("微信：网点沙龙邀请");
        const auto [three, none] = logThroughDialog(Contact::Channel::WeChat, wechat);
        QCOMPARE(three, 3);
        QCOMPARE(none, 0);
        for (int r : {2, 3, 4})
            QCOMPARE(touches(shown.at(r), Contact::Channel::WeChat, wechat), 1);
        QCOMPARE(touches(shown.at(0), Contact::Channel::WeChat, wechat), 0);
    }

    void theBatchsPhoneListGoesToTheSmsPlatform()
    {
        // Given the customer list's filter as a batch, one of whom refused marketing
        CustomerPage *page = m_window->customerPage();
        const QStringList shown = page->shownCustomerNos();
        QVERIFY(ws()->activity().isDoNotContact(snap()->indexOfCustomer(shown.at(1))));
        page->table()->selectRow(0); // one row: the batch is the filter's customers
        QTest::mouseClick(page->batchTouchButton(), Qt::LeftButton);
        BatchTouchDialog *d = nullptr;
        QTRY_VERIFY((d = dialog()) && d->isVisible());

        // When the phone list is exported, masked, as CSV
        QTest::mouseClick(d->exportPhonesButton(), Qt::LeftButton);
        ExportDialog *ask = nullptr;
        QTRY_VERIFY((ask = d->findChild<ExportDialog *>()) && ask->isVisible());
        const QString csv = m_dir.filePath(QStringLiteral("out/sms.csv"));
        ask->formatBox()->setCurrentIndex(ask->formatBox()->findData(int(TableExporter::Format::Csv)));
        ask->pathEdit()->setText(csv);
        QSignalSpy exported(ws(), &CadenceWorkspace::phoneListExported);
        QTest::mouseClick(ask->okButton(), Qt::LeftButton);
        QVERIFY(exported.wait(20000));
        const auto result = exported.front().at(0).value<PhoneListExport::Result>();
        QVERIFY2(result.written, qPrintable(result.message));

        // Then the file is its owner's only, says it holds personal data, and lists the others masked
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(csv).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QStringList lines = QString::fromUtf8(f.readAll()).remove(QChar(0xFEFF)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(QString(lines.at(0)).remove(QLatin1Char('"')), PhoneListExport::notice()); // one CSV field, quoted
        int withPhone = 0;
        for (const QString &no : shown) {
            const int c = snap()->indexOfCustomer(no);
            withPhone += !ws()->activity().isDoNotContact(c) && !snap()->customer(c).phone.isEmpty() ? 1 : 0;
        }
        QCOMPARE(result.rows, withPhone);
        QCOMPARE(result.skippedDoNotContact, 1);
        QCOMPARE(lines.size(), 2 + withPhone);
        const QString refused = shown.at(1);
        for (const QString &line : lines.mid(2))
            QVERIFY(!line.startsWith(refused));
        const Customer &first = snap()->customer(snap()->indexOfCustomer(lines.at(2).section(QLatin1Char(','), 0, 0)));
        QCOMPARE(lines.at(2), QStringLiteral("%1,%2,%3").arg(first.customerNo, PersonalDataMask::name(first.name),
                                                            PersonalDataMask::phone(first.phone)));
        QList<AuditLog::Entry> audit = exportsAudited();
        QCOMPARE(audit.size(), 1);
        QVERIFY2(audit.back().detail.contains(QStringLiteral("masked=yes")), qPrintable(audit.back().detail));
        QVERIFY(audit.back().detail.contains(QStringLiteral("kind=sms_phone_list")));
        QVERIFY(audit.back().detail.contains(QStringLiteral("rows=%1 ").arg(withPhone)));
        QVERIFY(!audit.back().detail.contains(first.phone));

        // And unmasked as .xlsx only with a reason, which the audit entry keeps
        QTest::mouseClick(d->exportPhonesButton(), Qt::LeftButton);
        QTRY_VERIFY((ask = d->findChild<ExportDialog *>(QStringLiteral("phoneListDialog"))) && ask->isVisible());
        const QString xlsx = m_dir.filePath(QStringLiteral("out/sms.xlsx"));
        ask->formatBox()->setCurrentIndex(ask->formatBox()->findData(int(TableExporter::Format::Xlsx)));
        ask->pathEdit()->setText(xlsx);
        ask->unmaskedBox()->setChecked(true);
        QVERIFY(!ask->okButton()->isEnabled());
        ask->reasonEdit()->setText(QStringLiteral("短信平台群发，行长批准"));
        QVERIFY(ask->okButton()->isEnabled());
        exported.clear();
        QTest::mouseClick(ask->okButton(), Qt::LeftButton);
        QVERIFY(exported.wait(20000));
        QVERIFY(exported.front().at(0).value<PhoneListExport::Result>().written);
        QCOMPARE(::stat(QFile::encodeName(xlsx).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);
        std::vector<XlsxReader::Row> rows;
        QString error;
        QVERIFY2(XlsxReader::read(xlsx, &rows, &error), qPrintable(error));
        QCOMPARE(int(rows.size()), 2 + withPhone);
        QCOMPARE(rows.at(0).cells.value(0), PhoneListExport::notice());
        const Customer &one = snap()->customer(snap()->indexOfCustomer(rows.at(2).cells.value(0)));
        QCOMPARE(rows.at(2).cells.value(2), one.phone);
        QCOMPARE(rows.at(2).cells.value(1), one.name);
        audit = exportsAudited();
        QCOMPARE(audit.size(), 2);
        QVERIFY(audit.back().detail.contains(QStringLiteral("masked=no reason=短信平台群发，行长批准")));
        d->reject();
    }
};

QTEST_MAIN(TestBatchTouch)
#include "tst_batchtouch.moc"
