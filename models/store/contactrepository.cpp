#include "contactrepository.h"

#include "database.h"
#include "statement.h"
#include "storeerror.h"
#include "store/outbox.h"
#include "transaction.h"

#include <QJsonObject>
#include <QUuid>

namespace {

const char *const kColumns =
    "contact_id, customer_no, staff_id, channel, outcome, contacted_at, note, next_step_date, holding_id,"
    " supersedes, device_id, created_at";

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODateWithMs) : QString();
}

Contact readRow(const Statement &st)
{
    Contact c;
    c.contactId = st.text(0);
    c.customerNo = st.text(1);
    c.staffId = st.text(2);
    Contact::channelFromKey(st.text(3), &c.channel);
    Contact::outcomeFromKey(st.text(4), &c.outcome);
    c.contactedAt = QDateTime::fromString(st.text(5), Qt::ISODateWithMs);
    c.note = st.text(6);
    c.nextStepDate = QDate::fromString(st.text(7), Qt::ISODate);
    c.holdingId = st.text(8);
    c.supersedes = st.text(9);
    c.deviceId = st.text(10);
    c.createdAt = QDateTime::fromString(st.text(11), Qt::ISODateWithMs);
    return c;
}

void insert(Database &db, const Contact &c)
{
    Statement st(db, QStringLiteral("INSERT INTO contact (%1) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")
                         .arg(QString::fromLatin1(kColumns)));
    st.bind(1, c.contactId)
        .bind(2, c.customerNo)
        .bind(3, c.staffId)
        .bind(4, Contact::channelKey(c.channel))
        .bind(5, Contact::outcomeKey(c.outcome))
        .bind(6, iso(c.contactedAt))
        .bind(7, c.note.isNull() ? QStringLiteral("") : c.note)
        .bind(8, c.nextStepDate.isValid() ? c.nextStepDate.toString(Qt::ISODate) : QString())
        .bind(9, c.holdingId.isEmpty() ? QString() : c.holdingId)
        .bind(10, c.supersedes.isEmpty() ? QString() : c.supersedes)
        .bind(11, c.deviceId)
        .bind(12, iso(c.createdAt))
        .execute();
}

} // namespace

QString ContactRepository::deviceId(Database &db)
{
    {
        Statement st(db, QStringLiteral("SELECT value FROM meta WHERE key = 'device_id'"));
        if (st.step())
            return st.text(0);
    }
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Statement ins(db, QStringLiteral("INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?)"));
    ins.bind(1, id).execute();
    Statement st(db, QStringLiteral("SELECT value FROM meta WHERE key = 'device_id'"));
    return st.step() ? st.text(0) : id;
}

Contact ContactRepository::log(Contact contact)
{
    if (contact.customerNo.isEmpty())
        throw StoreError(QStringLiteral("A contact needs a customer number"));
    if (!contact.contactedAt.isValid())
        throw StoreError(QStringLiteral("A contact needs the time it happened"));
    Transaction tx(m_db);
    contact = logWithin(std::move(contact));
    tx.commit();
    return contact;
}

Contact ContactRepository::logWithin(Contact contact)
{
    if (contact.customerNo.isEmpty())
        throw StoreError(QStringLiteral("A contact needs a customer number"));
    if (!contact.contactedAt.isValid())
        throw StoreError(QStringLiteral("A contact needs the time it happened"));
    if (contact.contactId.isEmpty())
        contact.contactId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (contact.deviceId.isEmpty())
        contact.deviceId = deviceId(m_db);
    if (!contact.createdAt.isValid())
        contact.createdAt = QDateTime::currentDateTime();
    insert(m_db, contact);
    Outbox::enqueue(m_db, QStringLiteral("contact"), contact.contactId, QStringLiteral("upsert"), toJson(contact),
                    contact.customerNo);
    return contact;
}

std::vector<Contact> ContactRepository::forCustomer(const QString &customerNo)
{
    std::vector<Contact> out;
    Statement st(m_db, QStringLiteral("SELECT %1 FROM contact WHERE customer_no = ? ORDER BY contacted_at DESC, created_at DESC")
                           .arg(QString::fromLatin1(kColumns)));
    st.bind(1, customerNo);
    while (st.step())
        out.push_back(readRow(st));
    return out;
}

std::vector<Contact> ContactRepository::all()
{
    std::vector<Contact> out;
    Statement st(m_db, QStringLiteral("SELECT %1 FROM contact ORDER BY contacted_at, contact_id").arg(QString::fromLatin1(kColumns)));
    while (st.step())
        out.push_back(readRow(st));
    return out;
}

QJsonObject ContactRepository::toJson(const Contact &c)
{
    QJsonObject o;
    o.insert(QStringLiteral("contact_id"), c.contactId);
    o.insert(QStringLiteral("customer_no"), c.customerNo);
    o.insert(QStringLiteral("staff_id"), c.staffId);
    o.insert(QStringLiteral("channel"), Contact::channelKey(c.channel));
    o.insert(QStringLiteral("outcome"), Contact::outcomeKey(c.outcome));
    o.insert(QStringLiteral("contacted_at"), iso(c.contactedAt));
    o.insert(QStringLiteral("note"), c.note);
    if (c.nextStepDate.isValid())
        o.insert(QStringLiteral("next_step_date"), c.nextStepDate.toString(Qt::ISODate));
    if (!c.holdingId.isEmpty())
        o.insert(QStringLiteral("holding_id"), c.holdingId);
    if (!c.supersedes.isEmpty())
        o.insert(QStringLiteral("supersedes"), c.supersedes);
    o.insert(QStringLiteral("device_id"), c.deviceId);
    o.insert(QStringLiteral("created_at"), iso(c.createdAt));
    return o;
}

