#include "customer360panel.h"
#include "revealreasondialog.h"
#include "donotcontactdialog.h"
#include "domain/dateformat.h"
#include "session/cadenceworkspace.h"
#include "domain/personaldatamask.h"
#include "store/auditlog.h"
#include "store/branchstore.h"
#include "store/database.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

// Masked by default; "Show" asks for a reason, is audited (customer number, field,
// reason: no personal data) and masks again after the policy's seconds.
class TestCustomer360Panel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    LoadedBranch m_branch;

    std::vector<AuditLog::Entry> audit()
    {
        Database db = Database::open(m_store, QStringLiteral("panel-pass"), Database::OpenMode::ExistingOnly);
        return AuditLog(db).entries();
    }

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("panel.db"));
        QVERIFY(BranchStore::createDemo(m_store, QStringLiteral("panel-pass"), DemoGenerator::Options{50, 9, QDate(2026, 11, 23)}));
        QVERIFY(BranchStore::load(m_store, QStringLiteral("panel-pass"), &m_branch));
    }

    // 拒绝营销 from the 360: set with date, source and note, audited, marked; then lifted.
    void refusalOfMarketingIsSetMarkedAuditedAndLifted()
    {
        const QDate today(2026, 11, 23);
        CadenceWorkspace ws;
        QSignalSpy ready(&ws, &CadenceWorkspace::ready);
        ws.setBranch(m_branch, today);
        QVERIFY(ready.wait(30000));
        Customer360Panel panel;
        panel.setBranch(m_branch);
        panel.setWorkspace(&ws);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.showCustomer(5);
        const QString no = m_branch.snapshot->customer(5).customerNo;
        QVERIFY(panel.doNotContactButton()->isVisible());
        QVERIFY(!panel.doNotContactMark()->isVisible());
        QCOMPARE(panel.doNotContactButton()->text(), QStringLiteral("Refuses marketing…"));

        // When the RM records the refusal from the 360
        QTest::mouseClick(panel.doNotContactButton(), Qt::LeftButton);
        auto *dialog = panel.findChild<DoNotContactDialog *>();
        QVERIFY(dialog && !dialog->lifts());
        dialog->dateEdit()->setDate(QDate(2026, 11, 20));
        dialog->sourceBox()->setCurrentIndex(dialog->sourceBox()->findData(QStringLiteral("complaint")));
        QTest::keyClicks(dialog->noteEdit(), QStringLiteral("asked on the phone"));
        dialog->accept();
        QVERIFY(ws.waitForIdle());
        // Then the customer is out of cadences, the panel marks them and the audit says who and which customer
        const DoNotContact *flag = ws.activity().doNotContact(5);
        QVERIFY(flag);
        QCOMPARE(flag->since, QDate(2026, 11, 20));
        QCOMPARE(flag->source, QStringLiteral("complaint"));
        QCOMPARE(flag->note, QStringLiteral("asked on the phone"));
        QTRY_VERIFY(panel.doNotContactMark()->isVisible());
        QCOMPARE(panel.doNotContactMark()->text(), QStringLiteral("Refuses marketing since %1 · asked on the phone").arg(DateFormat::date(QDate(2026, 11, 20))));
        QCOMPARE(panel.doNotContactButton()->text(), QStringLiteral("Lift refusal…"));
        std::vector<AuditLog::Entry> entries = audit();
        QVERIFY(!entries.empty());
        QCOMPARE(entries.back().event, QStringLiteral("do_not_contact"));
        QCOMPARE(entries.back().subject, no);
        QCOMPARE(entries.back().detail, QStringLiteral("complaint"));

        // When it is lifted
        QTest::mouseClick(panel.doNotContactButton(), Qt::LeftButton);
        QTRY_VERIFY(panel.findChildren<DoNotContactDialog *>().size() >= 1);
        DoNotContactDialog *lift = nullptr;
        for (DoNotContactDialog *d : panel.findChildren<DoNotContactDialog *>()) {
            if (d->lifts())
                lift = d;
        }
        QVERIFY(lift);
        lift->sourceBox()->setCurrentIndex(lift->sourceBox()->findData(QStringLiteral("customer")));
        lift->accept();
        QVERIFY(ws.waitForIdle());
        QVERIFY(!ws.activity().isDoNotContact(5));
        QTRY_VERIFY(!panel.doNotContactMark()->isVisible());
        entries = audit();
        QCOMPARE(entries.back().event, QStringLiteral("do_not_contact_lifted"));
        QCOMPARE(entries.back().subject, no);
    }

    void personalFieldsAreMaskedByDefault()
    {
        Customer360Panel panel;
        panel.setBranch(m_branch);
        panel.showCustomer(3);
        const Customer &c = m_branch.snapshot->customer(3);
        QCOMPARE(panel.fieldText(QStringLiteral("phone")), PersonalDataMask::phone(c.phone));
        QCOMPARE(panel.fieldText(QStringLiteral("id")), PersonalDataMask::idNumber(c.idNumber));
        QCOMPARE(panel.fieldText(QStringLiteral("address")), PersonalDataMask::address(c.address));
        QVERIFY(!panel.fieldText(QStringLiteral("phone")).contains(c.phone));
        QVERIFY(!panel.fieldText(QStringLiteral("id")).contains(c.idNumber.mid(6, 8))); // the birth date
        QVERIFY(panel.revealButton(QStringLiteral("phone")));
    }

    void revealAsksForAReasonIsAuditedAndExpires()
    {
        Customer360Panel panel;
        panel.setBranch(m_branch);
        panel.setRevealSeconds(1); // the policy's 60 s, shortened for the test
        panel.show();
        panel.showCustomer(5);
        const Customer &c = m_branch.snapshot->customer(5);
        const size_t before = audit().size();
        QSignalSpy changed(&panel, &Customer360Panel::revealChanged);

        // Cancelling the reason dialog shows nothing and records nothing
        QTimer::singleShot(100, this, [] {
            auto *dialog = qobject_cast<RevealReasonDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            // No reason, no Show
            QVERIFY(!dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
            dialog->reject();
        });
        QTest::mouseClick(panel.revealButton(QStringLiteral("phone")), Qt::LeftButton);
        QCOMPARE(panel.fieldText(QStringLiteral("phone")), PersonalDataMask::phone(c.phone));
        QCOMPARE(audit().size(), before);

        // With a reason the phone is shown in full
        QTimer::singleShot(100, this, [] {
            auto *dialog = qobject_cast<RevealReasonDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            dialog->reasonBox()->setCurrentIndex(2);
            QVERIFY(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
            dialog->accept();
        });
        QTest::mouseClick(panel.revealButton(QStringLiteral("phone")), Qt::LeftButton);
        QTRY_COMPARE(panel.fieldText(QStringLiteral("phone")), c.phone);
        QVERIFY(panel.isRevealed(QStringLiteral("phone")));
        // Only that field: the ID number stays masked
        QCOMPARE(panel.fieldText(QStringLiteral("id")), PersonalDataMask::idNumber(c.idNumber));

        // And the audit log has event, customer number, field and reason, and no personal data
        const auto entries = audit();
        QCOMPARE(entries.size(), before + 1);
        const AuditLog::Entry &e = entries.back();
        QCOMPARE(e.event, QStringLiteral("reveal"));
        QCOMPARE(e.subject, c.customerNo);
        QVERIFY(e.detail.startsWith(QStringLiteral("field=phone; reason=")));
        QVERIFY(e.detail.size() > QStringLiteral("field=phone; reason=").size());
        for (const QString &pii : {c.phone, c.name, c.idNumber, c.address})
            QVERIFY(!e.detail.contains(pii) && !e.subject.contains(pii));

        // After the time it is masked again
        QTRY_COMPARE_WITH_TIMEOUT(panel.fieldText(QStringLiteral("phone")), PersonalDataMask::phone(c.phone), 3000);
        QVERIFY(!panel.isRevealed(QStringLiteral("phone")));
        QVERIFY(changed.count() >= 2);
    }

    void anotherCustomerMasksAgainAtOnce()
    {
        Customer360Panel panel;
        panel.setBranch(m_branch);
        panel.showCustomer(7);
        panel.reveal(QStringLiteral("id"), QStringLiteral("Updating the customer's details"));
        QTRY_VERIFY(panel.isRevealed(QStringLiteral("id")));
        QCOMPARE(panel.fieldText(QStringLiteral("id")), m_branch.snapshot->customer(7).idNumber);
        panel.showCustomer(8);
        QVERIFY(!panel.isRevealed(QStringLiteral("id")));
        QCOMPARE(panel.fieldText(QStringLiteral("id")), PersonalDataMask::idNumber(m_branch.snapshot->customer(8).idNumber));
    }

    void withoutAStoreNothingIsRevealed()
    {
        LoadedBranch inMemory = m_branch;
        inMemory.store = {};
        Customer360Panel panel;
        panel.setBranch(inMemory);
        panel.showCustomer(1);
        QSignalSpy failed(&panel, &Customer360Panel::revealFailed);
        panel.reveal(QStringLiteral("phone"), QStringLiteral("reason"));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!panel.isRevealed(QStringLiteral("phone")));
    }
};

QTEST_MAIN(TestCustomer360Panel)
#include "tst_customer360panel.moc"
