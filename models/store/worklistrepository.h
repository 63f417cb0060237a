#pragma once

#include "domain/contact.h"
#include "domain/donotcontact.h"
#include "domain/issuedlist.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <vector>

class Database;

// Work as issued (issue 17, schema v7): do-not-contact flags, issued lists
// with their per-RM shares, an RM's capacity for a day, and batch touches.
// Every synced write goes in one transaction with its outbox entries and an
// audit entry; subjects in the audit are customer numbers or list ids, never
// names or phones.
class WorkListRepository
{
public:
    explicit WorkListRepository(Database &db) : m_db(db) {}

    // Stores the flag (or its lifting, active = false), queues it for HQ and audits it.
    DoNotContact setDoNotContact(DoNotContact d);
    std::vector<DoNotContact> doNotContacts(); // every record, oldest first

    // Writes the list and its shares (replacing earlier shares of the same
    // list), queues them for HQ and audits the issue.
    IssuedList issue(IssuedList list);
    std::vector<IssuedList> issuedLists(); // with shares, newest issue first

    // The RM's capacity lowered (or raised back) for one day; local to the desk.
    void setDayCapacity(const QString &staffId, const QDate &day, int capacity);
    QHash<QDate, int> dayCapacities(const QString &staffId);

    struct BatchResult
    {
        std::vector<Contact> logged;
        QStringList skippedDoNotContact;
    };
    // One SMS / WeChat / 企业微信 / mobile-banking push logged against every
    // customer in `customerNos` (one contact each, sharing channel, time and
    // note) except those flagged do-not-contact, in one transaction with an
    // outbox entry per contact and one audit entry for the batch.
    BatchResult logBatch(const QStringList &customerNos, const Contact &prototype, const QString &batchId);

    static QJsonObject toJson(const DoNotContact &d);
    static QJsonObject toJson(const IssuedList &l);
    static QJsonObject toJson(const IssuedList &l, const IssuedList::Share &s);

private:
    QHash<QString, bool> standingDoNotContact();
    Database &m_db;
};
