#include "languagemanager.h"
#include "mainwindow.h"
#include "synccontroller.h"
#include "synclogpage.h"

#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

class TestSyncController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QAction *action(MainWindow &w, const QString &text)
    {
        for (QAction *a : w.findChildren<QAction *>()) {
            if (a->text().remove(QLatin1Char('&')) == text)
                return a;
        }
        return nullptr;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void theIndicatorSaysWhereSyncStands()
    {
        MainWindow window(nullptr);
        SyncService service(m_dir.filePath(QStringLiteral("none.db")), QStringLiteral("pass-word"));
        SyncController controller(&window, &service);
        window.show();
        QVERIFY(controller.statusText().contains(QStringLiteral("Not connected to HQ")));
        QAction *syncNow = action(window, QStringLiteral("Sync now"));
        QVERIFY(syncNow);
        QVERIFY(!syncNow->isEnabled());
        QCOMPARE(syncNow->shortcut(), QKeySequence(Qt::Key_F5));

        SyncService::Status s;
        s.state = SyncService::State::Offline;
        s.lastSuccess = QDateTime(QDate(2026, 11, 20), QTime(9, 30));
        s.pending = 7;
        s.hqUrl = QStringLiteral("https://hq.example.cn");
        emit service.statusChanged(s);
        QVERIFY(controller.statusText().contains(QStringLiteral("Offline")));
        QVERIFY(controller.statusText().contains(QStringLiteral("7 waiting to send")));
        QVERIFY(controller.statusText().contains(QStringLiteral("Nov 20, 2026"))); // DateFormat
        QVERIFY(syncNow->isEnabled());

        s.state = SyncService::State::NeedsSignIn;
        s.pending = 0;
        emit service.statusChanged(s);
        QVERIFY(controller.statusText().contains(QStringLiteral("Sign in to HQ")));
        QVERIFY(!controller.statusText().contains(QStringLiteral("waiting")));

        s.state = SyncService::State::Syncing;
        emit service.statusChanged(s);
        QVERIFY(!syncNow->isEnabled()); // no second round while one runs
    }

    void anEndedSignInAsksForThePasswordOnce()
    {
        MainWindow window(nullptr);
        SyncService service(m_dir.filePath(QStringLiteral("none.db")), QStringLiteral("pass-word"));
        SyncController controller(&window, &service);
        window.show();
        auto dialogs = [&] {
            int n = 0;
            for (QDialog *d : window.findChildren<QDialog *>(QStringLiteral("hqPasswordDialog")))
                n += d->isVisible() ? 1 : 0;
            return n;
        };
        // A round that needed the password for another reason (a token expired, no credential) does not ask
        SyncService::Status s;
        s.state = SyncService::State::NeedsSignIn;
        s.hqUrl = QStringLiteral("https://hq.example.cn");
        emit service.statusChanged(s);
        QCOMPARE(dialogs(), 0);
        // When HQ ended this computer's sign-in, the password is asked for, saying why
        s.signInEnded = true;
        emit service.statusChanged(s);
        QCOMPARE(dialogs(), 1);
        QDialog *dialog = window.findChild<QDialog *>(QStringLiteral("hqPasswordDialog"));
        bool explained = false;
        for (QLabel *l : dialog->findChildren<QLabel *>())
            explained = explained || (l->isVisible() && l->text().contains(QStringLiteral("ended this computer's sign-in")));
        QVERIFY(explained);
        // Once: closing it and the same status again (a language switch repaints it) ask no more
        dialog->reject();
        QTRY_COMPARE(dialogs(), 0);
        emit service.statusChanged(s);
        QEvent languageChange(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&window, &languageChange);
        QCOMPARE(dialogs(), 0);
        QVERIFY(controller.statusText().contains(QStringLiteral("Sign in to HQ")));
    }

    void theSyncLogPageShowsConflictsInWords()
    {
        MainWindow window(nullptr);
        SyncService service(m_dir.filePath(QStringLiteral("none.db")), QStringLiteral("pass-word"));
        SyncController controller(&window, &service);
        // The page is in the navigation, named
        bool listed = false;
        for (int i = 0; i < window.navigation()->count(); ++i)
            listed = listed || window.navigation()->item(i)->text() == QStringLiteral("Sync log");
        QVERIFY(listed);
        emit service.logRows({{QStringLiteral("2026-11-23T10:00:00"), QStringLiteral("overwrite"), QStringLiteral("note"),
                               QStringLiteral("n-1"), QStringLiteral("last write wins"), QString(), QStringLiteral("B's text"),
                               QStringLiteral("A's text"), QStringLiteral("A later edit from another desktop replaced this note")}});
        QTableWidget *table = controller.logPage()->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Overwritten"));
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("last write wins"));
        QVERIFY(table->item(0, 6)->text().contains(QStringLiteral("theirs: B's text")));
        QVERIFY(table->item(0, 6)->text().contains(QStringLiteral("yours: A's text")));
    }
};

QTEST_MAIN(TestSyncController)
#include "tst_synccontroller.moc"
