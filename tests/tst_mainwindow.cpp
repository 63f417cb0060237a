#include "openbranch.h"
#include "customer360panel.h"
#include "customerpage.h"
#include "items/customertablemodel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "store/branchstore.h"

#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        m_store = m_dir.filePath(QStringLiteral("demo.db"));
        QVERIFY(BranchStore::createDemo(m_store, QStringLiteral("test-pass"),
                                        DemoGenerator::Options{3000, 7, QDate(2026, 11, 23)}));
    }

    void opensOnTheDemoStore()
    {
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        // Given the real opener flow with the passphrase preset (as BRANCHDESK_PASSPHRASE does)
        BranchOpener opener;
        BranchOpener::Request request;
        request.storePath = m_store;
        request.passphrase = QStringLiteral("test-pass");
        LoadedBranch branch;
        QVERIFY(openBranch(opener, request, &branch));
        QCOMPARE(branch.snapshot->customerCount(), 3000);

        // When the main window shows it
        MainWindow window(&languages);
        window.setBranch(branch);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Then the customer page lists every customer, in Chinese, and the 360 panel shows the first
        // Today first (the RM's day), then customers, tiers, value quadrant, lists, maturities, ...
        QVERIFY(window.navigation()->count() >= 8);
        QCOMPARE(window.navigation()->item(0)->text(), QStringLiteral("今日"));
        QCOMPARE(window.navigation()->item(1)->text(), QStringLiteral("客户"));
        QTableView *table = window.customerPage()->table();
        QCOMPARE(table->model()->rowCount(), 3000);
        QVERIFY(table->model()->headerData(CustomerTableModel::Aum, Qt::Horizontal).toString().contains(QStringLiteral("万元")));
        QVERIFY(!window.customerPage()->panel()->fieldText(QStringLiteral("name")).isEmpty());
        QVERIFY(window.statusBar()->findChild<QLabel *>(QStringLiteral("branchStatus"))->text().contains(QStringLiteral("3,000")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("演示支行")));
    }

    void switchesLanguageWithoutRestart()
    {
        LanguageManager languages;
        languages.apply(QStringLiteral("zh_CN"));
        LoadedBranch branch;
        QVERIFY(BranchStore::load(m_store, QStringLiteral("test-pass"), &branch));
        MainWindow window(&languages);
        window.setBranch(branch);
        window.show();
        QCOMPARE(window.navigation()->item(1)->text(), QStringLiteral("客户"));
        window.switchLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        QCOMPARE(window.navigation()->item(0)->text(), QStringLiteral("Today"));
        QCOMPARE(window.navigation()->item(1)->text(), QStringLiteral("Customers"));
        QCOMPARE(window.customerPage()->table()->model()->headerData(CustomerTableModel::Aum, Qt::Horizontal).toString(),
                 QStringLiteral("AUM (CNY)"));
        window.switchLanguage(QStringLiteral("zh_CN"));
        QCoreApplication::processEvents();
        QCOMPARE(window.navigation()->item(1)->text(), QStringLiteral("客户"));
        QVERIFY(window.customerPage()->searchBox()->placeholderText().contains(QStringLiteral("拼音")));
    }

    void wrongPresetPassphraseDoesNotOpen()
    {
        BranchOpener opener;
        BranchOpener::Request request;
        request.storePath = m_store;
        request.passphrase = QStringLiteral("not-the-passphrase");
        LoadedBranch branch;
        // The opener reports the error in a message box; close it as a user would.
        QTimer::singleShot(500, [] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (w->inherits("QMessageBox") && w->isVisible())
                    w->close();
            }
        });
        QVERIFY(!openBranch(opener, request, &branch));
        QVERIFY(!branch.snapshot);
    }

    void guiBinaryPaintsTheListAndQuits()
    {
        // The real executable, as the benchmark and the screenshot script run it
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), QStringLiteral("test-pass"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        gui.setProcessEnvironment(env);
        gui.start(qEnvironmentVariable("BRANCHDESK_GUI"),
                  {QStringLiteral("--store"), m_store, QStringLiteral("--quit-after-paint"), QStringLiteral("--lang"),
                   QStringLiteral("zh_CN")});
        QVERIFY(gui.waitForFinished(60000));
        QCOMPARE(gui.exitCode(), 0);
        const QString out = QString::fromUtf8(gui.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("rows 3000")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("first_paint_ms")));
    }

    void guiBinaryTakesNoPictures()
    {
        // Issue 13: the shipped program has no picture-taking options; the tool has them
        QProcess gui;
        gui.start(qEnvironmentVariable("BRANCHDESK_GUI"), {QStringLiteral("--help")});
        QVERIFY(gui.waitForFinished(60000));
        const QString help = QString::fromUtf8(gui.readAllStandardOutput());
        QVERIFY2(help.contains(QStringLiteral("--quit-after-paint")), qPrintable(help));
        QVERIFY2(!help.contains(QStringLiteral("--screenshot")), qPrintable(help));
        QVERIFY2(!help.contains(QStringLiteral("--out")), qPrintable(help));
    }

    void screenshotToolDrawsTheWindowAndTheGuide()
    {
        // Given the screenshot tool (scripts/screenshots.sh runs it under Xvfb; offscreen here)
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BRANCHDESK_PASSPHRASE"), QStringLiteral("test-pass"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("shots-config")));
        const QString window = m_dir.filePath(QStringLiteral("lists.png"));
        const QString guide = m_dir.filePath(QStringLiteral("guide.png"));
        const QList<QStringList> runs = {
            {QStringLiteral("--store"), m_store, QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--page"),
             QStringLiteral("lists"), QStringLiteral("--out"), window},
            {QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--guide"), QStringLiteral("passphrase"),
             QStringLiteral("--out"), guide},
        };
        for (const QStringList &arguments : runs) {
            QProcess tool;
            tool.setProcessEnvironment(env);
            tool.start(qEnvironmentVariable("BRANCHDESK_SCREENSHOTS"), arguments);
            QVERIFY(tool.waitForFinished(120000));
            QCOMPARE(tool.exitCode(), 0);
        }
        // Then both pictures are written, at the size of what they show
        const QImage windowPicture(window);
        const QImage guidePicture(guide);
        QVERIFY(!windowPicture.isNull());
        QVERIFY(windowPicture.width() >= 400);
        QVERIFY(!guidePicture.isNull());
        QVERIFY(guidePicture.width() >= 300);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
