#include "domain/branchsnapshot.h"
#include "domain/cadenceengine.h"
#include "domain/eventsummary.h"
#include "domain/phonedirectory.h"
#include "store/branchrepository.h"
#include "store/cadencerepository.h"
#include "store/database.h"
#include "store/eventrepository.h"
#include "store/schemamigrations.h"
#include "store/outbox.h"
#include "store/pageapplier.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QtTest>

using State = CadencePlan::Step::State;

class TestEventRepository : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void phoneDirectoryIgnoresFormatting()
    {
        const BranchSnapshot s(TestSupport::smallBranch(), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const PhoneDirectory phones(s);
        QCOMPARE(phones.find(QStringLiteral("13812345678")), 0);
        QCOMPARE(phones.find(QStringLiteral("+86 138-1234-5678")), 0);
        QCOMPARE(phones.find(QStringLiteral("0086 13900005678")), 1);
        QCOMPARE(phones.find(QStringLiteral("13800000000")), -1);
        QCOMPARE(phones.find(QString()), -1);
    }

    void captureAtAnEventSatisfiesTheFaceToFaceOfA4Plus1()
    {
        // Given 张三 (45,000, threshold list, RM01) in his 4+1 cycle since 11-16
        Database db = Database::open(m_dir.filePath(QStringLiteral("e.db")), QStringLiteral("pw"),
                                     Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        BranchRepository(db).replaceAll(TestSupport::smallBranch());
        CadenceRepository cadences(db);
        cadences.enrol({{CadenceEngine::cycleEnrolmentKey(QStringLiteral("600000000001")), QStringLiteral("600000000001"),
                         QDate(2026, 11, 16), {}}});
        EventRepository events(db);
        CommunityEvent event;
        event.name = QStringLiteral("养老规划讲座");
        event.heldOn = QDate(2026, 11, 21);
        event.place = QStringLiteral("幸福里社区活动中心");
        event.campaign = QStringLiteral("临界客户提升");
        event.createdBy = QStringLiteral("RM01");
        event = events.create(event);
        QVERIFY(!event.eventId.isEmpty());

        BranchData data;
        BranchRepository(db).loadAll(&data);
        const BranchSnapshot s(std::move(data), TierPolicy::defaultPolicy(), QDate(2026, 11, 23));
        const PhoneDirectory phones(s);

        // When RM02 captures him at the event by his phone, and a stranger who consents, and one who does not
        const QDateTime at(QDate(2026, 11, 21), QTime(10, 15), Qt::OffsetFromUTC, 8 * 3600);
        EventVisitor zhang;
        zhang.name = QStringLiteral("张三");
        zhang.phone = QStringLiteral("138 1234 5678");
        zhang.interest = QStringLiteral("养老年金");
        zhang.consent = true;
        zhang.capturedBy = QStringLiteral("RM02");
        zhang.capturedAt = at;
        const int match = phones.find(zhang.phone);
        QCOMPARE(match, 0);
        const auto captured = events.capture(zhang, event, s.customer(match).customerNo);
        QVERIFY(captured.contact);
        QVERIFY(!captured.prospect);
        QCOMPARE(captured.contact->channel, Contact::Channel::Event);
        QCOMPARE(captured.contact->outcome, Contact::Outcome::Interested);
        QCOMPARE(captured.visitor.contactId, captured.contact->contactId);

        EventVisitor stranger;
        stranger.name = QStringLiteral("赵六");
        stranger.phone = QStringLiteral("13700001234");
        stranger.interest = QStringLiteral("大额存单");
        stranger.consent = true;
        stranger.capturedBy = QStringLiteral("RM02");
        stranger.capturedAt = at.addSecs(60);
        const auto prospect = events.capture(stranger, event, QString());
        QVERIFY(prospect.prospect);
        QCOMPARE(prospect.prospect->ownerId, QStringLiteral("RM02"));
        QCOMPARE(prospect.prospect->phone, QStringLiteral("13700001234"));

        EventVisitor shy = stranger;
        shy.name = QStringLiteral("钱七");
        shy.phone = QStringLiteral("13700009999");
        shy.consent = false;
        const auto noConsent = events.capture(shy, event, QString());
        QVERIFY(!noConsent.prospect);
        QVERIFY(noConsent.visitor.phone.isEmpty());

        // Then the store holds them, each queued for HQ
        const auto visitors = events.visitors(event.eventId);
        QCOMPARE(int(visitors.size()), 3);
        QVERIFY(visitors[2].phone.isEmpty()); // PIPL: not kept
        QCOMPARE(int(events.prospects().size()), 1);
        QStringList entities;
        for (const Outbox::Entry &e : Outbox::peek(db, 20))
            entities << e.entity;
        QCOMPARE(entities, (QStringList{QStringLiteral("enrolment"), QStringLiteral("event"), QStringLiteral("contact"),
                                        QStringLiteral("event_visitor"), QStringLiteral("prospect"),
                                        QStringLiteral("event_visitor"), QStringLiteral("event_visitor")}));

        // And 张三's open 4+1 face-to-face step is done by the event contact
        CadencePolicy policy = CadencePolicy::defaultPolicy();
        policy.cycleStaggerDays = 1;
        const ActivityLog log = cadences.loadActivity(s);
        const CadencePlan plan = CadenceEngine(s, policy, WorkingCalendar::builtIn(), log).cyclePlan(0, QDate(2026, 11, 23));
        QCOMPARE(plan.anchor, QDate(2026, 11, 16));
        QCOMPARE(plan.steps[4].fit, CadenceTemplate::Fit::FaceToFace);
        QCOMPARE(plan.steps[4].state, State::DoneOnTime);
        QCOMPARE(plan.steps[4].contactId, captured.contact->contactId);
        QCOMPARE(plan.steps[0].state, State::Overdue); // the event is not a remote touch
        QCOMPARE(plan.steps[1].state, State::DueToday);

        // And the summary counts them by RM, and lists those who agreed to be contacted
        const EventSummary sum = EventSummary::build(visitors);
        QCOMPARE(sum.visitors, 3);
        QCOMPARE(sum.matched, 1);
        QCOMPARE(sum.prospects, 1);
        QCOMPARE(sum.withoutConsent, 1);
        QCOMPARE(int(sum.byStaff.size()), 1);
        QCOMPARE(sum.byStaff[0].visitors, 3);
        QCOMPARE(int(sum.followUps.size()), 2);
    }

    void jsonRoundTrips()
    {
        CommunityEvent e;
        e.eventId = QStringLiteral("e1");
        e.name = QStringLiteral("理财沙龙");
        e.heldOn = QDate(2026, 12, 5);
        e.createdBy = QStringLiteral("RM01");
        e.deviceId = QStringLiteral("dev");
        e.createdAt = QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::OffsetFromUTC, 8 * 3600);
        // Written as a pull writes another desktop's records (PageApplier), read back.
        Database db = Database::open(m_dir.filePath(QStringLiteral("json.db")), QStringLiteral("pass-word"),
                                     Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        EventRepository repo(db);
        QCOMPARE(PageApplier::apply(db, std::vector<SyncRecord>{{QStringLiteral("event"), e.eventId, 1, false,
                                                                 EventRepository::toJson(e)}}, 1).applied, 1);
        const CommunityEvent e2 = repo.events().front();
        QCOMPARE(e2.heldOn, e.heldOn);
        Prospect p;
        p.prospectId = QStringLiteral("p1");
        p.phone = QStringLiteral("13700001234");
        p.ownerId = QStringLiteral("RM01");
        p.deviceId = QStringLiteral("dev");
        p.createdAt = e.createdAt;
        QCOMPARE(PageApplier::apply(db, std::vector<SyncRecord>{{QStringLiteral("prospect"), p.prospectId, 2, false,
                                                                 EventRepository::toJson(p)}}, 2).applied, 1);
        const Prospect p2 = repo.prospects().front();
        QCOMPARE(p2.phone, p.phone);
    }
};

QTEST_GUILESS_MAIN(TestEventRepository)
#include "tst_eventrepository.moc"
