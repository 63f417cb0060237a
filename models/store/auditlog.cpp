#include "auditlog.h"

#include "contactrepository.h"
#include "database.h"
#include "statement.h"
#include "storeaccess.h"
#include "sync/syncengine.h"
#include "sync/outbox.h"
#include "transaction.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QUuid>

QString AuditLog::hashOf(const Entry &e)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    // Unit separators keep "ab"+"c" and "a"+"bc" apart.
    const QStringList fields = {e.prevHash, e.entryId, e.at.toString(Qt::ISODateWithMs), e.staffId, e.event,
                                e.subject, e.detail, e.deviceId};
    h.addData(fields.join(QChar(0x1f)).toUtf8());
    return QString::fromLatin1(h.result().toHex());
}

AuditLog::Entry AuditLog::append(const QString &event, const QString &staffId, const QString &subject,
                                 const QString &detail)
{
    const bool ownTransaction = !m_db.inTransaction();
    std::unique_ptr<Transaction> tx;
    if (ownTransaction)
        tx = std::make_unique<Transaction>(m_db);
    Entry e;
    {
        Statement last(m_db, QStringLiteral("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        e.prevHash = last.step() ? last.text(0) : QStringLiteral("genesis");
    }
    e.entryId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.at = QDateTime::currentDateTime();
    e.at = QDateTime::fromString(e.at.toString(Qt::ISODateWithMs), Qt::ISODateWithMs); // what the store keeps
    e.staffId = staffId;
    e.event = event;
    e.subject = subject.isNull() ? QStringLiteral("") : subject; // a null QString would bind SQL NULL
    e.detail = detail.isNull() ? QStringLiteral("") : detail;
    e.deviceId = ContactRepository::deviceId(m_db);
    e.hash = hashOf(e);
    Statement ins(m_db, QStringLiteral("INSERT INTO audit_log (entry_id, at, staff_id, event, subject, detail, device_id,"
                                       " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)"));
    ins.bind(1, e.entryId)
        .bind(2, e.at.toString(Qt::ISODateWithMs))
        .bind(3, e.staffId)
        .bind(4, e.event)
        .bind(5, e.subject)
        .bind(6, e.detail)
        .bind(7, e.deviceId)
        .bind(8, e.prevHash)
        .bind(9, e.hash)
        .execute();
    e.seq = m_db.lastInsertRowId();
    const QJsonObject payload{{QStringLiteral("entry_id"), e.entryId},   {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                              {QStringLiteral("staff_id"), e.staffId},   {QStringLiteral("event"), e.event},
                              {QStringLiteral("subject"), e.subject},    {QStringLiteral("detail"), e.detail},
                              {QStringLiteral("device_id"), e.deviceId}, {QStringLiteral("prev_hash"), e.prevHash},
                              {QStringLiteral("hash"), e.hash}};
    Outbox::enqueue(m_db, QStringLiteral("audit"), e.entryId, QStringLiteral("upsert"), payload);
    if (tx)
        tx->commit();
    return e;
}

QString AuditLog::currentStaff(Database &db)
{
    const QString staff = SyncEngine::metaValue(db, QStringLiteral("sync.staff_id"));
    return staff.isEmpty() ? QStringLiteral("local") : staff;
}

AuditLog::Entry AuditLog::record(const StoreAccess &store, const QString &event, const QString &subject,
                                 const QString &detail)
{
    Database db = store.open();
    AuditLog log(db);
    return log.append(event, currentStaff(db), subject, detail);
}

std::vector<AuditLog::Entry> AuditLog::entries(int limit)
{
    std::vector<Entry> out;
    Statement st(m_db, QStringLiteral("SELECT seq, entry_id, at, staff_id, event, subject, detail, device_id, prev_hash, hash"
                                      " FROM audit_log ORDER BY seq LIMIT ?"));
    st.bind(1, limit);
    while (st.step()) {
        out.push_back({st.int64(0), st.text(1), QDateTime::fromString(st.text(2), Qt::ISODateWithMs), st.text(3), st.text(4),
                       st.text(5), st.text(6), st.text(7), st.text(8), st.text(9)});
    }
    return out;
}

AuditLog::Verification AuditLog::verify()
{
    Verification v;
    QString expectedPrev = QStringLiteral("genesis");
    Statement st(m_db, QStringLiteral("SELECT seq, entry_id, at, staff_id, event, subject, detail, device_id, prev_hash, hash"
                                      " FROM audit_log ORDER BY seq"));
    while (st.step()) {
        Entry e{st.int64(0), st.text(1), QDateTime::fromString(st.text(2), Qt::ISODateWithMs), st.text(3), st.text(4),
                st.text(5), st.text(6), st.text(7), st.text(8), st.text(9)};
        ++v.entries;
        // A deleted entry breaks the link; an edited one breaks its own hash.
        if (e.prevHash != expectedPrev || hashOf(e) != e.hash) {
            v.ok = false;
            v.brokenAt = e.seq;
            return v;
        }
        expectedPrev = e.hash;
    }
    return v;
}
