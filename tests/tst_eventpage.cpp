#include "eventpage.h"
#include "session/cadenceworkspace.h"
#include "store/branchstore.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

// The quick-capture form at a community event, driven with the keyboard alone.
class TestEventPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void capturesVisitorsWithTheKeyboard()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        const QDate day(2026, 11, 23);
        const QString store = m_dir.filePath(QStringLiteral("events.db"));
        QVERIFY(BranchStore::createDemo(store, QStringLiteral("pw"), DemoGenerator::Options{500, 7, day}));
        LoadedBranch branch;
        QVERIFY(BranchStore::load(store, QStringLiteral("pw"), &branch, {}, day));
        CadenceWorkspace ws;
        ws.setActingStaffId(QStringLiteral("RM03"));
        EventPage page(&ws);
        page.show();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        QSignalSpy ready(&ws, &CadenceWorkspace::ready);
        ws.setBranch(branch, day);
        QVERIFY(ready.wait(20000));

        // Create the event: type its name, Enter
        page.eventName()->setFocus();
        QTest::keyClicks(page.eventName(), QStringLiteral("Retirement talk"));
        QTest::keyClick(page.eventName(), Qt::Key_Return);
        QTRY_COMPARE(page.eventList()->count(), 1);
        QVERIFY(!page.currentEventId().isEmpty());

        // A customer, by phone: Tab between fields, Enter records
        const Customer &c = branch.snapshot->customer(42);
        page.visitorName()->setFocus();
        QTest::keyClicks(page.visitorName(), QStringLiteral("Visitor A"));
        QTest::keyClick(page.visitorName(), Qt::Key_Tab);
        QTRY_VERIFY(page.visitorPhone()->hasFocus());
        QTest::keyClicks(page.visitorPhone(), c.phone);
        QTest::keyClick(page.visitorPhone(), Qt::Key_Tab);
        QTest::keyClicks(page.visitorInterest(), QStringLiteral("annuity"));
        QTest::keyClick(page.visitorInterest(), Qt::Key_Tab);
        QTRY_VERIFY(page.consent()->hasFocus());
        QTest::keyClick(page.consent(), Qt::Key_Space);
        QVERIFY(page.consent()->isChecked());
        QTest::keyClick(page.consent(), Qt::Key_Return);
        QTRY_VERIFY(page.captureResult()->text().contains(c.customerNo));
        QTRY_VERIFY(page.visitorName()->hasFocus()); // ready for the next one
        QVERIFY(page.visitorPhone()->text().isEmpty());

        // Someone who is not a customer and agrees to be contacted; then one who does not agree
        QTest::keyClicks(page.visitorName(), QStringLiteral("Visitor B"));
        QTest::keyClick(page.visitorName(), Qt::Key_Tab);
        QTest::keyClicks(page.visitorPhone(), QStringLiteral("19900000001"));
        QTest::keyClick(page.visitorPhone(), Qt::Key_Tab);
        QTest::keyClick(page.visitorInterest(), Qt::Key_Tab);
        QTest::keyClick(page.consent(), Qt::Key_Space);
        QTest::keyClick(page.consent(), Qt::Key_Return);
        QTest::keyClicks(page.visitorName(), QStringLiteral("Visitor C"));
        QTest::keyClick(page.visitorName(), Qt::Key_Tab);
        QTest::keyClicks(page.visitorPhone(), QStringLiteral("19900000002"));
        QTest::keyClick(page.visitorPhone(), Qt::Key_Return);

        // The summary and the follow-up list
        ws.waitForIdle();
        QTRY_VERIFY(page.summary()->text().contains(QStringLiteral("Visitors 3")));
        QVERIFY2(page.summary()->text().contains(QStringLiteral("customers 1 · new prospects 1 · without consent 1")),
                 qPrintable(page.summary()->text()));
        QCOMPARE(page.followUps()->rowCount(), 2);
        QCOMPARE(page.followUps()->item(0, 0)->text(), c.name);
        QCOMPARE(page.followUps()->item(1, 0)->text(), QStringLiteral("Visitor B"));
        QVERIFY(page.followUps()->item(1, 1)->text().contains(QStringLiteral("*"))); // masked
        // The matched customer has an event contact in the activity log
        const QList<Contact> contacts = ws.activity().contactsOf(42);
        QCOMPARE(contacts.size(), 1);
        QCOMPARE(contacts.first().channel, Contact::Channel::Event);
        QCOMPARE(contacts.first().staffId, QStringLiteral("RM03"));
        QCOMPARE(contacts.first().contactedAt.date(), day);
    }
};

QTEST_MAIN(TestEventPage)
#include "tst_eventpage.moc"
