#pragma once

#include "domain/contact.h"

#include <vector>

class Database;

// Contacts and customer notes, the records desktops own. Every write goes in
// one transaction with its outbox entry.
class ContactRepository
{
public:
    explicit ContactRepository(Database &db) : m_db(db) {}

    // Fills in contactId (UUID), deviceId and createdAt when empty, stores the
    // contact and queues it for HQ. Returns the stored contact.
    Contact log(Contact contact);
    // The same inside a transaction the caller holds (an event capture writes
    // the visitor, the contact and both outbox entries as one unit).
    Contact logWithin(Contact contact);
    std::vector<Contact> forCustomer(const QString &customerNo);
    std::vector<Contact> all();

    // Records from HQ are written by PageApplier, generically over SyncEntities.

    static QJsonObject toJson(const Contact &c);
    static QString deviceId(Database &db);

private:
    Database &m_db;
};
