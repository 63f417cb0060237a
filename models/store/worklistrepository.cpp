#include "worklistrepository.h"

#include "auditlog.h"
#include "contactrepository.h"
#include "database.h"
#include "statement.h"
#include "storeerror.h"
#include "store/outbox.h"
#include "transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODateWithMs) : QString();
}

// A null QString binds NULL: the columns are NOT NULL with '' for "none".
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString shareId(const QString &listId, const QString &customerNo)
{
    return listId + QLatin1Char(':') + customerNo;
}

void insertDnc(Database &db, const DoNotContact &d)
{
    Statement st(db, QStringLiteral("INSERT INTO do_not_contact (record_id, customer_no, active, since, source, note,"
                                    " staff_id, device_id, created_at) VALUES (?,?,?,?,?,?,?,?,?)"));
    st.bind(1, d.recordId)
        .bind(2, d.customerNo)
        .bind(3, qint64(d.active ? 1 : 0))
        .bind(4, d.since.toString(Qt::ISODate))
        .bind(5, text(d.source))
        .bind(6, text(d.note))
        .bind(7, text(d.staffId))
        .bind(8, text(d.deviceId))
        .bind(9, iso(d.createdAt))
        .execute();
}

} // namespace

QJsonObject WorkListRepository::toJson(const DoNotContact &d)
{
    return {{QStringLiteral("record_id"), d.recordId},   {QStringLiteral("customer_no"), d.customerNo},
            {QStringLiteral("active"), d.active ? 1 : 0}, {QStringLiteral("since"), d.since.toString(Qt::ISODate)},
            {QStringLiteral("source"), d.source},         {QStringLiteral("note"), d.note},
            {QStringLiteral("staff_id"), d.staffId},      {QStringLiteral("device_id"), d.deviceId},
            {QStringLiteral("created_at"), iso(d.createdAt)}};
}

QJsonObject WorkListRepository::toJson(const IssuedList &l)
{
    return {{QStringLiteral("list_id"), l.listId},
            {QStringLiteral("name"), l.name},
            {QStringLiteral("kind"), l.kind},
            {QStringLiteral("campaign_id"), l.campaignId},
            {QStringLiteral("frozen_on"), l.frozenOn.toString(Qt::ISODate)},
            {QStringLiteral("issued_at"), iso(l.issuedAt)},
            {QStringLiteral("issued_by"), l.issuedBy},
            {QStringLiteral("withdrawn"), l.withdrawn ? 1 : 0},
            {QStringLiteral("device_id"), l.deviceId}};
}

QJsonObject WorkListRepository::toJson(const IssuedList &l, const IssuedList::Share &s)
{
    return {{QStringLiteral("share_id"), shareId(l.listId, s.customerNo)},
            {QStringLiteral("list_id"), l.listId},
            {QStringLiteral("customer_no"), s.customerNo},
            {QStringLiteral("rm_id"), s.rmId},
            {QStringLiteral("device_id"), l.deviceId}};
}

DoNotContact WorkListRepository::setDoNotContact(DoNotContact d)
{
    if (d.customerNo.isEmpty())
        throw StoreError(QStringLiteral("A do-not-contact flag needs a customer number"));
    if (d.recordId.isEmpty())
        d.recordId = newId();
    if (d.deviceId.isEmpty())
        d.deviceId = ContactRepository::deviceId(m_db);
    if (!d.createdAt.isValid())
        d.createdAt = QDateTime::currentDateTime();
    if (!d.since.isValid())
        d.since = d.createdAt.date();
    Transaction tx(m_db);
    insertDnc(m_db, d);
    Outbox::enqueue(m_db, QStringLiteral("do_not_contact"), d.recordId, QStringLiteral("upsert"), toJson(d), d.customerNo);
    AuditLog(m_db).append(d.active ? QStringLiteral("do_not_contact") : QStringLiteral("do_not_contact_lifted"),
                          d.staffId.isEmpty() ? AuditLog::currentStaff(m_db) : d.staffId, d.customerNo, text(d.source));
    tx.commit();
    return d;
}

std::vector<DoNotContact> WorkListRepository::doNotContacts()
{
    std::vector<DoNotContact> out;
    Statement st(m_db, QStringLiteral("SELECT record_id, customer_no, active, since, source, note, staff_id, device_id,"
                                      " created_at FROM do_not_contact ORDER BY created_at, record_id"));
    while (st.step()) {
        DoNotContact d;
        d.recordId = st.text(0);
        d.customerNo = st.text(1);
        d.active = st.integer(2) != 0;
        d.since = QDate::fromString(st.text(3), Qt::ISODate);
        d.source = st.text(4);
        d.note = st.text(5);
        d.staffId = st.text(6);
        d.deviceId = st.text(7);
        d.createdAt = QDateTime::fromString(st.text(8), Qt::ISODateWithMs);
        out.push_back(std::move(d));
    }
    return out;
}

QHash<QString, bool> WorkListRepository::standingDoNotContact()
{
    QHash<QString, DoNotContact> latest;
    for (DoNotContact &d : doNotContacts()) {
        auto it = latest.find(d.customerNo);
        if (it == latest.end() || d.supersedes(*it))
            latest.insert(d.customerNo, std::move(d));
    }
    QHash<QString, bool> out;
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        if (it->active)
            out.insert(it.key(), true);
    }
    return out;
}

IssuedList WorkListRepository::issue(IssuedList list)
{
    if (list.listId.isEmpty())
        list.listId = newId();
    if (list.deviceId.isEmpty())
        list.deviceId = ContactRepository::deviceId(m_db);
    if (!list.issuedAt.isValid())
        list.issuedAt = QDateTime::currentDateTime();
    Transaction tx(m_db);
    {
        Statement del(m_db, QStringLiteral("DELETE FROM issued_list WHERE list_id = ?"));
        del.bind(1, list.listId).execute();
        Statement delShares(m_db, QStringLiteral("DELETE FROM issued_share WHERE list_id = ?"));
        delShares.bind(1, list.listId).execute();
    }
    Statement ins(m_db, QStringLiteral("INSERT INTO issued_list (list_id, name, kind, campaign_id, frozen_on, issued_at,"
                                       " issued_by, withdrawn, device_id) VALUES (?,?,?,?,?,?,?,?,?)"));
    ins.bind(1, list.listId)
        .bind(2, text(list.name))
        .bind(3, text(list.kind))
        .bind(4, text(list.campaignId))
        .bind(5, text(list.frozenOn.toString(Qt::ISODate)))
        .bind(6, iso(list.issuedAt))
        .bind(7, text(list.issuedBy))
        .bind(8, qint64(list.withdrawn ? 1 : 0))
        .bind(9, text(list.deviceId))
        .execute();
    Outbox::enqueue(m_db, QStringLiteral("issued_list"), list.listId, QStringLiteral("upsert"), toJson(list));
    Statement share(m_db, QStringLiteral("INSERT OR REPLACE INTO issued_share (share_id, list_id, customer_no, rm_id,"
                                         " device_id) VALUES (?,?,?,?,?)"));
    for (const IssuedList::Share &s : list.shares) {
        share.reset();
        share.bind(1, shareId(list.listId, s.customerNo))
            .bind(2, list.listId)
            .bind(3, s.customerNo)
            .bind(4, text(s.rmId))
            .bind(5, text(list.deviceId))
            .execute();
        Outbox::enqueue(m_db, QStringLiteral("issued_share"), shareId(list.listId, s.customerNo),
                        QStringLiteral("upsert"), toJson(list, s), s.customerNo);
    }
    QStringList counts;
    for (const auto &[rm, n] : list.countsByRm())
        counts << QStringLiteral("%1=%2").arg(rm.isEmpty() ? QStringLiteral("-") : rm).arg(n);
    AuditLog(m_db).append(list.withdrawn ? QStringLiteral("list_withdrawn") : QStringLiteral("list_issued"),
                          list.issuedBy.isEmpty() ? AuditLog::currentStaff(m_db) : list.issuedBy,
                          QStringLiteral("list:") + list.listId, counts.join(QLatin1Char(' ')));
    tx.commit();
    return list;
}

std::vector<IssuedList> WorkListRepository::issuedLists()
{
    std::vector<IssuedList> out;
    QHash<QString, size_t> byId;
    {
        Statement st(m_db, QStringLiteral("SELECT list_id, name, kind, campaign_id, frozen_on, issued_at, issued_by,"
                                          " withdrawn, device_id FROM issued_list ORDER BY issued_at DESC, list_id"));
        while (st.step()) {
            IssuedList l;
            l.listId = st.text(0);
            l.name = st.text(1);
            l.kind = st.text(2);
            l.campaignId = st.text(3);
            l.frozenOn = QDate::fromString(st.text(4), Qt::ISODate);
            l.issuedAt = QDateTime::fromString(st.text(5), Qt::ISODateWithMs);
            l.issuedBy = st.text(6);
            l.withdrawn = st.integer(7) != 0;
            l.deviceId = st.text(8);
            byId.insert(l.listId, out.size());
            out.push_back(std::move(l));
        }
    }
    Statement st(m_db, QStringLiteral("SELECT list_id, customer_no, rm_id FROM issued_share ORDER BY list_id, rowid"));
    while (st.step()) {
        const auto it = byId.constFind(st.text(0));
        if (it != byId.cend())
            out[*it].shares.push_back({st.text(1), st.text(2)});
    }
    return out;
}

void WorkListRepository::setDayCapacity(const QString &staffId, const QDate &day, int capacity)
{
    Statement st(m_db, QStringLiteral("INSERT OR REPLACE INTO day_capacity (staff_id, day, capacity) VALUES (?,?,?)"));
    st.bind(1, text(staffId)).bind(2, day.toString(Qt::ISODate)).bind(3, qint64(capacity)).execute();
}

QHash<QDate, int> WorkListRepository::dayCapacities(const QString &staffId)
{
    QHash<QDate, int> out;
    Statement st(m_db, QStringLiteral("SELECT day, capacity FROM day_capacity WHERE staff_id = ?"));
    st.bind(1, text(staffId));
    while (st.step())
        out.insert(QDate::fromString(st.text(0), Qt::ISODate), int(st.integer(1)));
    return out;
}

WorkListRepository::BatchResult WorkListRepository::logBatch(const QStringList &customerNos, const Contact &prototype,
                                                             const QString &batchId)
{
    if (Contact::isFaceToFace(prototype.channel))
        throw StoreError(QStringLiteral("A batch touch is a remote channel (SMS, WeChat, mobile banking)"));
    BatchResult result;
    Transaction tx(m_db);
    const QHash<QString, bool> dnc = standingDoNotContact();
    const QString device = ContactRepository::deviceId(m_db);
    const QDateTime created = prototype.createdAt.isValid() ? prototype.createdAt : QDateTime::currentDateTime();
    // Two statements prepared once for the whole batch (10,000 customers in well under
    // a second): the contact, and its outbox entry as Outbox::enqueue writes it.
    Statement contact(m_db, QStringLiteral("INSERT INTO contact (contact_id, customer_no, staff_id, channel, outcome,"
                                           " contacted_at, note, next_step_date, holding_id, supersedes, device_id,"
                                           " created_at) VALUES (?,?,?,?,?,?,?,NULL,NULL,NULL,?,?)"));
    Statement outbox(m_db, QStringLiteral("INSERT INTO outbox (entity, record_id, op, customer_no, payload, created_at)"
                                          " VALUES ('contact', ?, 'upsert', ?, ?, ?)"));
    const QString channel = Contact::channelKey(prototype.channel);
    const QString outcome = Contact::outcomeKey(prototype.outcome);
    const QString at = iso(prototype.contactedAt);
    const QString createdText = iso(created);
    const QString queuedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    result.logged.reserve(size_t(customerNos.size()));
    for (const QString &no : customerNos) {
        if (dnc.contains(no)) {
            result.skippedDoNotContact << no;
            continue;
        }
        Contact c = prototype;
        c.contactId = newId();
        c.customerNo = no;
        c.deviceId = device;
        c.createdAt = created;
        c.nextStepDate = QDate();
        c.holdingId.clear();
        c.supersedes.clear();
        contact.bind(1, c.contactId)
            .bind(2, no)
            .bind(3, text(c.staffId))
            .bind(4, channel)
            .bind(5, outcome)
            .bind(6, at)
            .bind(7, text(c.note))
            .bind(8, device)
            .bind(9, createdText)
            .execute();
        outbox.bind(1, c.contactId)
            .bind(2, no)
            .bind(3, QString::fromUtf8(QJsonDocument(ContactRepository::toJson(c)).toJson(QJsonDocument::Compact)))
            .bind(4, queuedAt)
            .execute();
        result.logged.push_back(std::move(c));
    }
    AuditLog(m_db).append(QStringLiteral("batch_touch"),
                          prototype.staffId.isEmpty() ? AuditLog::currentStaff(m_db) : prototype.staffId,
                          QStringLiteral("batch:") + batchId,
                          QStringLiteral("%1 %2 logged, %3 skipped (do not contact)")
                              .arg(Contact::channelKey(prototype.channel))
                              .arg(result.logged.size())
                              .arg(result.skippedDoNotContact.size()));
    tx.commit();
    return result;
}
