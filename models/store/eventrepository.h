#pragma once

#include "domain/communityevent.h"
#include "domain/contact.h"
#include "domain/eventvisitor.h"
#include "domain/prospect.h"

#include <QJsonObject>
#include <optional>
#include <vector>

class Database;

// Community events, their visitors and the prospects they bring. Captures are
// one transaction each: the visitor, and the contact (matched customer) or the
// prospect (consenting non-customer), each with its outbox entry.
class EventRepository
{
public:
    struct Capture
    {
        EventVisitor visitor;
        std::optional<Contact> contact;
        std::optional<Prospect> prospect;
    };

    explicit EventRepository(Database &db) : m_db(db) {}

    CommunityEvent create(CommunityEvent event);
    std::vector<CommunityEvent> events(); // latest first

    // Stores a visitor of `event`. A non-empty matchedCustomerNo logs an
    // "event" contact for that customer (it can satisfy a 4+1 face-to-face);
    // otherwise a visitor who consents becomes a prospect owned by capturedBy,
    // and one who does not is kept without a phone number.
    Capture capture(EventVisitor visitor, const CommunityEvent &event, const QString &matchedCustomerNo);
    std::vector<EventVisitor> visitors(const QString &eventId);
    std::vector<Prospect> prospects();


    static QJsonObject toJson(const CommunityEvent &e);
    static QJsonObject toJson(const EventVisitor &v);
    static QJsonObject toJson(const Prospect &p);

private:
    void insert(const CommunityEvent &e);
    void insert(const EventVisitor &v);
    void insert(const Prospect &p);

    Database &m_db;
};
