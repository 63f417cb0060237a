// Issue 18: walk-ins at the branch hall (厅堂), captured beside community events: an existing
// customer found by search gets a branch contact (4+1 见面, the service triangle); someone new
// who consents becomes the RM's prospect; all of it queued for HQ like events. Real store,
// real widgets driven with QTest.
#include "domain/retentionlist.h"
#include "eventpage.h"
#include "session/cadenceworkspace.h"
#include "store/branchstore.h"
#include "store/database.h"
#include "store/statement.h"
#include "walkindialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestWalkInDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void capturesWalkInsBesideEvents()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchDeskTest"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QDate day(2026, 11, 23);
        const QString store = m_dir.filePath(QStringLiteral("walkin.db"));
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
        const int customer = 42;
        const Customer &c = branch.snapshot->customer(customer);
        const int serviceBefore =
            RetentionList::triangleItems(*branch.snapshot, customer, &ws.activity())[RetentionList::Service];
        const int contactsBefore = int(ws.activity().contactsOf(customer).size());

        QTest::mouseClick(page.walkInButton(), Qt::LeftButton);
        WalkInDialog *dialog = page.findChild<WalkInDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QTRY_VERIFY(dialog->isSearchReady());

        // An existing customer, found by customer number; shown masked; Enter records.
        dialog->search()->setFocus();
        QTest::keyClicks(dialog->search(), c.customerNo);
        QTRY_COMPARE(dialog->matches()->count(), 1);
        QVERIFY(dialog->matches()->item(0)->text().contains(c.customerNo));
        QVERIFY(!dialog->matches()->item(0)->text().contains(c.name)); // masked
        QTest::keyClick(dialog->search(), Qt::Key_Return);
        QVERIFY(ws.waitForIdle());
        QTRY_VERIFY(dialog->result()->text().contains(c.customerNo));
        QVERIFY(dialog->search()->text().isEmpty()); // ready for the next walk-in

        const QList<Contact> contacts = ws.activity().contactsOf(customer);
        QCOMPARE(int(contacts.size()), contactsBefore + 1);
        const Contact &walkIn = contacts.last();
        QCOMPARE(walkIn.channel, Contact::Channel::Branch);
        QVERIFY(Contact::isFaceToFace(walkIn.channel)); // counts as 4+1 见面
        QCOMPARE(walkIn.staffId, QStringLiteral("RM03"));
        QCOMPARE(walkIn.contactedAt.date(), day);
        QCOMPARE(RetentionList::triangleItems(*branch.snapshot, customer, &ws.activity())[RetentionList::Service],
                 serviceBefore + 1);

        // Someone new who agrees to be contacted: the phone shows masked once typed.
        QTest::keyClicks(dialog->name(), QStringLiteral("Walk-in B"));
        dialog->phone()->setFocus();
        QTest::keyClicks(dialog->phone(), QStringLiteral("19900000003"));
        dialog->interest()->setFocus();
        QVERIFY(dialog->phone()->displayText() != QStringLiteral("19900000003"));
        QTest::keyClicks(dialog->interest(), QStringLiteral("pension"));
        dialog->consent()->setChecked(true);
        QTest::mouseClick(dialog->recordButton(), Qt::LeftButton);
        QVERIFY(ws.waitForIdle());
        QTRY_VERIFY(dialog->result()->text().contains(QStringLiteral("prospect")));

        // One hall event of the day for RM03, with both walk-ins.
        const std::optional<CommunityEvent> hall = ws.hallEvent(QStringLiteral("RM03"), day);
        QVERIFY(hall);
        QVERIFY(hall->isHall());
        const std::vector<EventVisitor> visitors = ws.visitorsOf(hall->eventId);
        QCOMPARE(int(visitors.size()), 2);
        QCOMPARE(visitors[0].customerNo, c.customerNo);
        QCOMPARE(visitors[0].contactId, walkIn.contactId);
        QVERIFY(visitors[1].customerNo.isEmpty());
        QVERIFY(!visitors[1].prospectId.isEmpty());
        int halls = 0;
        for (const CommunityEvent &e : ws.events())
            halls += e.isHall() ? 1 : 0;
        QCOMPARE(halls, 1);

        // Queued for HQ like any event: the hall event, both visitors, the contact and the prospect.
        Database db = branch.store.open();
        Statement st(db, QStringLiteral("SELECT entity, count(*) FROM outbox WHERE record_id IN (?, ?, ?, ?, ?)"
                                        " GROUP BY entity ORDER BY entity"));
        st.bind(1, hall->eventId)
            .bind(2, visitors[0].visitorId)
            .bind(3, visitors[1].visitorId)
            .bind(4, walkIn.contactId)
            .bind(5, visitors[1].prospectId);
        QStringList queued;
        while (st.step())
            queued << QStringLiteral("%1:%2").arg(st.text(0)).arg(st.int64(1));
        QCOMPARE(queued, (QStringList{QStringLiteral("contact:1"), QStringLiteral("event:1"),
                                      QStringLiteral("event_visitor:2"), QStringLiteral("prospect:1")}));
    }
};

QTEST_MAIN(TestWalkInDialog)
#include "tst_walkindialog.moc"
