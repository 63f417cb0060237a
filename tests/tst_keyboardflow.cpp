#include "contactdialog.h"
#include "customer360panel.h"
#include "customeractivityview.h"
#include "customerpage.h"
#include "dashboardpage.h"
#include "synclogpage.h"
#include "exportdialog.h"
#include "lockcontroller.h"
#include "mainwindow.h"
#include "synccontroller.h"
#include "todaypage.h"
#include "unlockscreen.h"
#include "session/cadenceworkspace.h"
#include "items/customertablemodel.h"
#include "store/branchstore.h"
#include "session/syncservice.h"

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

// Issue 16: the RM's day by keyboard only, through the real window: unlock, Ctrl+1, Down,
// Enter, fill, Enter, and the next row is current; search "zs", Down, Enter opens the 360,
// Ctrl+L logs a contact there. No key changes who the user acts as.
class TestKeyboardFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    const QString m_pass = QStringLiteral("keyboard-pass");
    const QDate m_today{2026, 11, 23};

    static QWidget *focus() { return QApplication::focusWidget(); }
    template <typename T> static T *openDialog()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
                return d;
        }
        return nullptr;
    }
    // A window manager activates the window again when a dialog closes; offscreen has none.
    static void backToWindow(QWidget &window)
    {
        window.activateWindow();
        QTRY_VERIFY(window.isActiveWindow());
    }
    static void fillContact(ContactDialog *dialog, const QString &note)
    {
        QTRY_VERIFY(dialog->channelBox()->hasFocus());
        QTest::keyClick(dialog->channelBox(), Qt::Key_Tab);
        for (int i = 0; i < 3; ++i)
            QTest::keyClick(dialog->outcomeBox(), Qt::Key_Down); // Reached -> ... -> Interested (no answer counts for nothing)
        QTest::keyClick(dialog->outcomeBox(), Qt::Key_Tab);
        QTest::keyClicks(dialog->noteEdit(), note);
        QTest::keyClick(dialog->noteEdit(), Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        m_store = m_dir.filePath(QStringLiteral("keys.db"));
        QVERIFY(BranchStore::createDemo(m_store, m_pass, DemoGenerator::Options{20000, 7, m_today}));
    }

    void theDayByKeyboardOnly()
    {
        // Given the demo branch used as RM02, locked
        BranchStore::setDemoSignedInAs(QStringLiteral("RM02"));
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch, {}, m_today, QStringLiteral("RM02")));
        MainWindow window(nullptr);
        window.workspace()->setToday(m_today);
        window.setBranch(branch);
        SyncService service(branch.store);
        SyncController sync(&window, &service);
        LockController lock(&window, nullptr, SecurityPolicy{});
        window.resize(1366, 698);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        lock.lock();
        QVERIFY(window.isLockScreenShown());

        // When the passphrase is typed and Enter pressed
        QTest::keyClicks(lock.unlockScreen()->passphraseField(), m_pass);
        QTest::keyClick(lock.unlockScreen()->passphraseField(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!lock.isLocked(), 20000);
        // Then the keyboard is in Today's table, not in the navigation
        QTableView *today = window.todayPage()->table();
        QTRY_COMPARE(focus(), static_cast<QWidget *>(today));
        QTRY_VERIFY_WITH_TIMEOUT(window.todayPage()->isSettled() && today->model()->rowCount() > 3, 20000);

        // When Ctrl+1, Down, Enter, the form filled, Enter
        QTest::keyClick(focus(), Qt::Key_2, Qt::ControlModifier);
        QTest::keyClick(focus(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), static_cast<QWidget *>(window.todayPage()));
        QCOMPARE(focus(), static_cast<QWidget *>(today));
        if (!today->currentIndex().isValid())
            QTest::keyClick(today, Qt::Key_Home);
        const int start = today->currentIndex().row();
        QTest::keyClick(focus(), Qt::Key_Down);
        const int taken = today->currentIndex().row();
        QCOMPARE(taken, start + 1);
        const QString takenKey = window.todayPage()->model()->item(taken).key();
        QTest::keyClick(focus(), Qt::Key_Return);
        ContactDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = openDialog<ContactDialog>()));
        QTRY_VERIFY(dialog->channelBox()->hasFocus());
        fillContact(dialog, QStringLiteral("by keyboard"));

        // Then the row turns done and the next row still to do is current, with the keyboard on it
        TodayModel *model = window.todayPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->item(model->rowOfKey(takenKey)).isDone(), 5000);
        int expected = model->rowOfKey(takenKey) + 1;
        while (expected < model->rowCount() && model->item(expected).isDone())
            ++expected;
        QTRY_COMPARE(today->currentIndex().row(), expected);
        QCOMPARE(window.focusWidget(), static_cast<QWidget *>(today));
        backToWindow(window);
        QCOMPARE(focus(), static_cast<QWidget *>(today));
        // And Enter on the done row does not open a second, empty dialog
        today->setCurrentIndex(model->index(model->rowOfKey(takenKey), 0));
        QTest::keyClick(today, Qt::Key_Return);
        QTest::qWait(100);
        QVERIFY(!openDialog<ContactDialog>());
        QCOMPARE(window.workspace()->actingStaffId(), QStringLiteral("RM02"));

        // When the RM searches "zs", Down, Enter, then Ctrl+L
        QTest::keyClick(focus(), Qt::Key_2, Qt::ControlModifier);
        CustomerPage *customers = window.customerPage();
        QCOMPARE(focus(), static_cast<QWidget *>(customers->searchBox()));
        QTest::keyClicks(customers->searchBox(), QStringLiteral("zs"));
        QVERIFY2(customers->model()->rowCount() > 0, qPrintable(customers->searchBox()->text()));
        QTest::keyClick(focus(), Qt::Key_Down);
        QCOMPARE(focus(), static_cast<QWidget *>(customers->table()));
        const int customer = customers->model()->customerAt(customers->table()->currentIndex().row());
        QVERIFY(branch.snapshot->customer(customer).name.size() > 0);
        QTest::keyClick(focus(), Qt::Key_Return);
        Customer360Panel *panel = customers->panel();
        QCOMPARE(panel->currentCustomer(), customer);
        QCOMPARE(focus(), static_cast<QWidget *>(panel->activity()->history()));
        const int before = window.workspace()->activity().contactsOf(customer).size();
        QTest::keyClick(focus(), Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY((dialog = openDialog<ContactDialog>()));
        QCOMPARE(dialog->contact().customerNo, branch.snapshot->customer(customer).customerNo);
        fillContact(dialog, QStringLiteral("phoned in"));
        // Then the contact is logged for that customer and shows in the 360's history
        QTRY_COMPARE(int(window.workspace()->activity().contactsOf(customer).size()), before + 1);
        QTRY_COMPARE(panel->activity()->history()->rowCount(), before + 1);
        backToWindow(window);
        QCOMPARE(window.workspace()->activity().contactsOf(customer).last().note, QStringLiteral("phoned in"));
        QCOMPARE(window.workspace()->actingStaffId(), QStringLiteral("RM02"));

        // And Ctrl+9 / Ctrl+0 reach the dashboard and the sync log, from the search box too
        customers->focusSearch();
        QTest::keyClick(focus(), Qt::Key_9, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), static_cast<QWidget *>(window.dashboardPage()));
        QTest::keyClick(focus(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), static_cast<QWidget *>(sync.logPage()));
        window.workspace()->waitForIdle();
        BranchStore::setDemoSignedInAs(QString());
    }

    void ctrlEIsNotEatenByTheSearchBox()
    {
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch, {}, m_today));
        MainWindow window(nullptr);
        window.setBranch(branch);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.showPage(QStringLiteral("customers"));
        window.customerPage()->focusSearch();
        QTest::keyClicks(window.customerPage()->searchBox(), QStringLiteral("zs"));
        // Offscreen, QLineEdit does not claim Ctrl+E; under X11 it does (move to end of line).
        // This filter claims it as X11's line edit would; the window's guard must get there first.
        struct ClaimsCtrlE : QObject
        {
            bool eventFilter(QObject *, QEvent *e) override
            {
                auto *k = static_cast<QKeyEvent *>(e);
                if (e->type() != QEvent::ShortcutOverride || k->key() != Qt::Key_E || !(k->modifiers() & Qt::ControlModifier))
                    return false;
                e->accept();
                return true;
            }
        } claims;
        window.customerPage()->searchBox()->installEventFilter(&claims);
        // The export dialog is modal: note it and close it
        bool exportOpened = false;
        QTimer::singleShot(300, this, [&] {
            if (auto *d = openDialog<ExportDialog>()) {
                exportOpened = true;
                d->reject();
            }
        });
        QTest::keyClick(window.customerPage()->searchBox(), Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY(exportOpened);
        QCOMPARE(window.customerPage()->searchBox()->text(), QStringLiteral("zs"));
    }

    void arrowKeysNeverChangeWhoTheUserActsAs()
    {
        // A manager's Today page: the "acting as" list has the keyboard
        BranchStore::setDemoSignedInAs(QString());
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, m_pass, &branch, {}, m_today));
        MainWindow window(nullptr);
        window.workspace()->setToday(m_today);
        window.setBranch(branch);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.workspace()->isReady(), 20000);
        QComboBox *acting = window.todayPage()->actingAs();
        QTRY_VERIFY(acting->count() > 1);
        const QString who = window.workspace()->actingStaffId();
        acting->setFocus();
        // When arrows, Page Down and the wheel reach it
        for (Qt::Key k : {Qt::Key_Down, Qt::Key_Down, Qt::Key_Up, Qt::Key_PageDown, Qt::Key_End})
            QTest::keyClick(acting, k);
        // Then nobody else is acting
        QCOMPARE(window.workspace()->actingStaffId(), who);
        QCOMPARE(acting->currentData().toString(), who);
    }
};

QTEST_MAIN(TestKeyboardFlow)
#include "tst_keyboardflow.moc"
