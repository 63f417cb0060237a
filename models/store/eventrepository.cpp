#include "eventrepository.h"

#include "contactrepository.h"
#include "database.h"
#include "statement.h"
#include "storeerror.h"
#include "store/outbox.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QUuid>

namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODateWithMs) : QString();
}

QDateTime fromIso(const QString &s)
{
    return QDateTime::fromString(s, Qt::ISODateWithMs);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString orNull(const QString &s)
{
    return s.isEmpty() ? QString() : s;
}

QString orEmpty(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace

CommunityEvent EventRepository::create(CommunityEvent event)
{
    if (event.name.trimmed().isEmpty() || !event.heldOn.isValid())
        throw StoreError(QStringLiteral("An event needs a name and a date"));
    Transaction tx(m_db);
    if (event.eventId.isEmpty())
        event.eventId = newId();
    if (event.deviceId.isEmpty())
        event.deviceId = ContactRepository::deviceId(m_db);
    if (!event.createdAt.isValid())
        event.createdAt = QDateTime::currentDateTime();
    insert(event);
    Outbox::enqueue(m_db, QStringLiteral("event"), event.eventId, QStringLiteral("upsert"), toJson(event));
    tx.commit();
    return event;
}

EventRepository::Capture EventRepository::capture(EventVisitor visitor, const CommunityEvent &event,
                                                  const QString &matchedCustomerNo)
{
    if (event.eventId.isEmpty())
        throw StoreError(QStringLiteral("A visitor needs an event"));
    if (visitor.capturedBy.isEmpty())
        throw StoreError(QStringLiteral("A visitor needs the RM who captured them"));
    Transaction tx(m_db);
    Capture out;
    visitor.eventId = event.eventId;
    if (visitor.visitorId.isEmpty())
        visitor.visitorId = newId();
    if (visitor.deviceId.isEmpty())
        visitor.deviceId = ContactRepository::deviceId(m_db);
    if (!visitor.capturedAt.isValid())
        visitor.capturedAt = QDateTime::currentDateTime();
    visitor.customerNo = matchedCustomerNo;

    if (!matchedCustomerNo.isEmpty()) {
        Contact c;
        c.customerNo = matchedCustomerNo;
        c.staffId = visitor.capturedBy;
        // A walk-in at the branch hall is a branch contact; either counts as 4+1 见面.
        c.channel = event.isHall() ? Contact::Channel::Branch : Contact::Channel::Event;
        c.outcome = visitor.interest.trimmed().isEmpty() ? Contact::Outcome::Reached : Contact::Outcome::Interested;
        c.contactedAt = visitor.capturedAt;
        if (event.isHall())
            c.note = visitor.interest.trimmed().isEmpty()
                         ? QCoreApplication::translate("EventRepository", "Walk-in at the branch hall")
                         : QCoreApplication::translate("EventRepository", "Walk-in at the branch hall: %1").arg(visitor.interest);
        else
            c.note = visitor.interest.trimmed().isEmpty()
                         ? QCoreApplication::translate("EventRepository", "At the event %1").arg(event.name)
                         : QCoreApplication::translate("EventRepository", "At the event %1: %2").arg(event.name, visitor.interest);
        out.contact = ContactRepository(m_db).logWithin(c);
        visitor.contactId = out.contact->contactId;
    } else if (visitor.consent && !visitor.phone.trimmed().isEmpty()) {
        Prospect p;
        p.prospectId = newId();
        p.name = visitor.name;
        p.phone = visitor.phone;
        p.interest = visitor.interest;
        p.ownerId = visitor.capturedBy;
        p.sourceEventId = event.eventId;
        p.consent = true;
        p.deviceId = visitor.deviceId;
        p.createdAt = visitor.capturedAt;
        insert(p);
        Outbox::enqueue(m_db, QStringLiteral("prospect"), p.prospectId, QStringLiteral("upsert"), toJson(p));
        visitor.prospectId = p.prospectId;
        out.prospect = p;
    } else {
        // PIPL: no consent, no phone number kept for someone who is not a customer.
        visitor.phone.clear();
    }
    insert(visitor);
    Outbox::enqueue(m_db, QStringLiteral("event_visitor"), visitor.visitorId, QStringLiteral("upsert"),
                    toJson(visitor), matchedCustomerNo);
    tx.commit();
    out.visitor = visitor;
    return out;
}

std::vector<CommunityEvent> EventRepository::events()
{
    std::vector<CommunityEvent> out;
    Statement st(m_db, QStringLiteral("SELECT event_id, name, held_on, place, campaign, created_by, device_id, created_at"
                                      " FROM community_event ORDER BY held_on DESC, created_at DESC"));
    while (st.step()) {
        CommunityEvent e;
        e.eventId = st.text(0);
        e.name = st.text(1);
        e.heldOn = QDate::fromString(st.text(2), Qt::ISODate);
        e.place = st.text(3);
        e.campaign = st.text(4);
        e.createdBy = st.text(5);
        e.deviceId = st.text(6);
        e.createdAt = fromIso(st.text(7));
        out.push_back(e);
    }
    return out;
}

std::vector<EventVisitor> EventRepository::visitors(const QString &eventId)
{
    std::vector<EventVisitor> out;
    Statement st(m_db, QStringLiteral("SELECT visitor_id, event_id, name, phone, interest, consent, customer_no, contact_id,"
                                      " prospect_id, captured_by, device_id, captured_at FROM event_visitor"
                                      " WHERE event_id = ? ORDER BY captured_at"));
    st.bind(1, eventId);
    while (st.step()) {
        EventVisitor v;
        v.visitorId = st.text(0);
        v.eventId = st.text(1);
        v.name = st.text(2);
        v.phone = st.text(3);
        v.interest = st.text(4);
        v.consent = st.integer(5) != 0;
        v.customerNo = st.text(6);
        v.contactId = st.text(7);
        v.prospectId = st.text(8);
        v.capturedBy = st.text(9);
        v.deviceId = st.text(10);
        v.capturedAt = fromIso(st.text(11));
        out.push_back(v);
    }
    return out;
}

std::vector<Prospect> EventRepository::prospects()
{
    std::vector<Prospect> out;
    Statement st(m_db, QStringLiteral("SELECT prospect_id, name, phone, interest, owner_id, source_event_id, consent,"
                                      " device_id, created_at FROM prospect ORDER BY created_at"));
    while (st.step()) {
        Prospect p;
        p.prospectId = st.text(0);
        p.name = st.text(1);
        p.phone = st.text(2);
        p.interest = st.text(3);
        p.ownerId = st.text(4);
        p.sourceEventId = st.text(5);
        p.consent = st.integer(6) != 0;
        p.deviceId = st.text(7);
        p.createdAt = fromIso(st.text(8));
        out.push_back(p);
    }
    return out;
}

void EventRepository::insert(const CommunityEvent &e)
{
    Statement st(m_db, QStringLiteral("INSERT INTO community_event (event_id, name, held_on, place, campaign, "
                                      "created_by, device_id, created_at) VALUES (?,?,?,?,?,?,?,?)"));
    st.bind(1, e.eventId)
        .bind(2, e.name)
        .bind(3, e.heldOn.toString(Qt::ISODate))
        .bind(4, orEmpty(e.place))
        .bind(5, orEmpty(e.campaign))
        .bind(6, e.createdBy)
        .bind(7, e.deviceId)
        .bind(8, iso(e.createdAt))
        .execute();
}

void EventRepository::insert(const EventVisitor &v)
{
    Statement st(m_db, QStringLiteral("INSERT INTO event_visitor (visitor_id, event_id, name, phone, interest, consent,"
                                      " customer_no, contact_id, prospect_id, captured_by, device_id, captured_at)"
                                      " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    st.bind(1, v.visitorId)
        .bind(2, v.eventId)
        .bind(3, orEmpty(v.name))
        .bind(4, orNull(v.phone))
        .bind(5, orEmpty(v.interest))
        .bind(6, v.consent)
        .bind(7, orNull(v.customerNo))
        .bind(8, orNull(v.contactId))
        .bind(9, orNull(v.prospectId))
        .bind(10, v.capturedBy)
        .bind(11, v.deviceId)
        .bind(12, iso(v.capturedAt))
        .execute();
}

void EventRepository::insert(const Prospect &p)
{
    Statement st(m_db, QStringLiteral("INSERT INTO prospect (prospect_id, name, phone, interest, owner_id,"
                                      " source_event_id, consent, device_id, created_at) VALUES (?,?,?,?,?,?,?,?,?)"));
    st.bind(1, p.prospectId)
        .bind(2, orEmpty(p.name))
        .bind(3, p.phone)
        .bind(4, orEmpty(p.interest))
        .bind(5, p.ownerId)
        .bind(6, orNull(p.sourceEventId))
        .bind(7, p.consent)
        .bind(8, p.deviceId)
        .bind(9, iso(p.createdAt))
        .execute();
}

QJsonObject EventRepository::toJson(const CommunityEvent &e)
{
    QJsonObject j;
    j.insert(QStringLiteral("event_id"), e.eventId);
    j.insert(QStringLiteral("name"), e.name);
    j.insert(QStringLiteral("held_on"), e.heldOn.toString(Qt::ISODate));
    j.insert(QStringLiteral("place"), e.place);
    j.insert(QStringLiteral("campaign"), e.campaign);
    j.insert(QStringLiteral("created_by"), e.createdBy);
    j.insert(QStringLiteral("device_id"), e.deviceId);
    j.insert(QStringLiteral("created_at"), iso(e.createdAt));
    return j;
}

QJsonObject EventRepository::toJson(const EventVisitor &v)
{
    QJsonObject j;
    j.insert(QStringLiteral("visitor_id"), v.visitorId);
    j.insert(QStringLiteral("event_id"), v.eventId);
    j.insert(QStringLiteral("name"), v.name);
    if (!v.phone.isEmpty())
        j.insert(QStringLiteral("phone"), v.phone);
    j.insert(QStringLiteral("interest"), v.interest);
    j.insert(QStringLiteral("consent"), v.consent);
    if (!v.customerNo.isEmpty())
        j.insert(QStringLiteral("customer_no"), v.customerNo);
    if (!v.contactId.isEmpty())
        j.insert(QStringLiteral("contact_id"), v.contactId);
    if (!v.prospectId.isEmpty())
        j.insert(QStringLiteral("prospect_id"), v.prospectId);
    j.insert(QStringLiteral("captured_by"), v.capturedBy);
    j.insert(QStringLiteral("device_id"), v.deviceId);
    j.insert(QStringLiteral("captured_at"), iso(v.capturedAt));
    return j;
}

QJsonObject EventRepository::toJson(const Prospect &p)
{
    QJsonObject j;
    j.insert(QStringLiteral("prospect_id"), p.prospectId);
    j.insert(QStringLiteral("name"), p.name);
    j.insert(QStringLiteral("phone"), p.phone);
    j.insert(QStringLiteral("interest"), p.interest);
    j.insert(QStringLiteral("owner_id"), p.ownerId);
    if (!p.sourceEventId.isEmpty())
        j.insert(QStringLiteral("source_event_id"), p.sourceEventId);
    j.insert(QStringLiteral("consent"), p.consent);
    j.insert(QStringLiteral("device_id"), p.deviceId);
    j.insert(QStringLiteral("created_at"), iso(p.createdAt));
    return j;
}

