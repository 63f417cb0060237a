#include "customer360panel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "synccontroller.h"
#include "store/branchstore.h"
#include "session/syncservice.h"
#include "todaypage.h"
#include "session/cadenceworkspace.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

// Issue 16: the window fits a 1366x768 bank laptop with a 40 px taskbar (1366x728 available,
// less a ~30 px title bar), with a 20,000-customer branch, on every page: the page's buttons
// and the status bar are on screen, not clipped by the window or by the page.
class TestWindowFit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    static constexpr int kWidth = 1366;
    static constexpr int kHeight = 728 - 30;

    // The part of `w` that is not cut off by any of its parents, in window coordinates.
    static QRect visiblePart(const QWidget *w)
    {
        const QWidget *window = w->window();
        QRect visible(w->mapTo(window, QPoint(0, 0)), w->size());
        for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget())
            visible &= QRect(p->mapTo(window, QPoint(0, 0)), p->size());
        return visible;
    }
    static bool fullyShown(const QWidget *w)
    {
        const QRect whole(w->mapTo(w->window(), QPoint(0, 0)), w->size());
        return w->isVisible() && !whole.isEmpty() && visiblePart(w) == whole;
    }
    // Inside a scroll area within the page (the 360 panel, a list): reached by scrolling, not clipped.
    static bool inScrollArea(const QWidget *w, const QWidget *page)
    {
        for (const QWidget *p = w->parentWidget(); p && p != page; p = p->parentWidget()) {
            if (qobject_cast<const QAbstractScrollArea *>(p))
                return true;
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        m_store = m_dir.filePath(QStringLiteral("branch.db"));
        QVERIFY(BranchStore::createDemo(m_store, QStringLiteral("test-pass"),
                                        DemoGenerator::Options{20000, 7, QDate(2026, 11, 23)}));
    }

    void everyPageFitsALaptopScreen_data()
    {
        QTest::addColumn<QString>("staff");
        QTest::newRow("branch manager") << QStringLiteral("MGR01"); // sees the assign bars
        QTest::newRow("RM") << QStringLiteral("RM01");
    }

    void everyPageFitsALaptopScreen()
    {
        QFETCH(QString, staff);
        // Given the 20,000-customer branch in Chinese, with the sync indicator in the status bar
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        BranchStore::setDemoSignedInAs(staff);
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, QStringLiteral("test-pass"), &branch, {}, QDate(2026, 11, 23), staff));
        if (staff == QLatin1String("MGR01"))
            QCOMPARE(branch.snapshot->customerCount(), 20000); // an RM sees their own and the unassigned
        MainWindow window(&languages);
        window.workspace()->setToday(QDate(2026, 11, 23));
        window.setBranch(branch);
        SyncService service(branch.store);
        SyncController sync(&window, &service);

        // When it is given the laptop's space
        window.resize(kWidth, kHeight);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.workspace()->isReady() && window.todayPage()->isSettled(), 30000);

        // Then on every page the window keeps that size, and every button of the page and the status bar show whole
        QListWidget *nav = window.navigation();
        QVERIFY(nav->count() >= 10);
        for (int row = 0; row < nav->count(); ++row) {
            nav->setCurrentRow(row);
            QTest::qWait(50);
            const QString name = nav->item(row)->text();
            QVERIFY2(window.minimumSizeHint().width() <= kWidth && window.minimumSizeHint().height() <= kHeight,
                     qPrintable(QStringLiteral("%1 needs %2x%3").arg(name).arg(window.minimumSizeHint().width())
                                    .arg(window.minimumSizeHint().height())));
            QVERIFY2(window.width() <= kWidth && window.height() <= kHeight,
                     qPrintable(QStringLiteral("%1: window %2x%3").arg(name).arg(window.width()).arg(window.height())));
            QVERIFY2(fullyShown(window.statusBar()), qPrintable(name));
            QVERIFY2(fullyShown(sync.indicator()), qPrintable(name));
            QWidget *page = window.currentPage();
            int buttons = 0;
            for (QPushButton *b : page->findChildren<QPushButton *>()) {
                if (!b->isVisibleTo(page) || inScrollArea(b, page))
                    continue;
                ++buttons;
                QVERIFY2(fullyShown(b), qPrintable(QStringLiteral("%1: button \"%2\" (%3) is cut off")
                                                       .arg(name, b->text(), b->objectName())));
            }
            qInfo("%s: %d buttons on screen", qPrintable(name), buttons);
        }
        // And the 360 panels, taller than the screen on their own, are what scrolls (without
        // their scroll areas this test fails: the window grows to the panel's height)
        const auto panels = window.findChildren<Customer360Panel *>();
        QCOMPARE(panels.size(), 3); // Today, Customers, Value quadrant
        for (Customer360Panel *panel : panels) {
            panel->showCustomer(0);
            QVERIFY2(panel->minimumSizeHint().height() > kHeight, qPrintable(QString::number(panel->minimumSizeHint().height())));
            QVERIFY(qobject_cast<QAbstractScrollArea *>(panel->parentWidget()->parentWidget()));
        }
        // And the pages that act have their action buttons
        window.showPage(QStringLiteral("today"));
        QVERIFY(fullyShown(window.findChild<QPushButton *>(QStringLiteral("logContact"))));
        QVERIFY(fullyShown(window.findChild<QPushButton *>(QStringLiteral("rescheduleStep"))));
        BranchStore::setDemoSignedInAs(QString());
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
