#include "auditlog.h"

#include "contactrepository.h"
#include "database.h"
#include "protocol/auditkey.h"
#include "statement.h"
#include "storeaccess.h"
#include "storeerror.h"
#include "metatable.h"
#include "store/outbox.h"
#include "transaction.h"

#include <QJsonObject>
#include <QUuid>

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
    // The key HQ issued: entry n gets k[n]'s MAC, then the key file moves on to k[n+1]
    // before the entry commits, so k[n] never outlives its entry. A number already used
    // (a crash between a commit and the step) is never used again.
    AuditKey::State key = AuditKey::load(m_db.path());
    if (key.valid()) {
        Statement used(m_db, QStringLiteral("SELECT coalesce(max(n), 0) FROM audit_log WHERE key_id = ?"));
        used.bind(1, key.keyId);
        const qint64 last = used.step() ? used.int64(0) : 0;
        while (key.next <= last) {
            key.key = AuditKey::step(key.key);
            ++key.next;
        }
        e.keyId = key.keyId;
        e.n = key.next;
        e.mac = AuditKey::mac(key.key, e.keyId, e.n, e.hash);
        const AuditKey::State stepped{key.keyId, key.next + 1, AuditKey::step(key.key)};
        if (!AuditKey::save(m_db.path(), stepped))
            throw StoreError(QStringLiteral("The audit key file could not be written"));
    }
    Statement ins(m_db, QStringLiteral("INSERT INTO audit_log (entry_id, at, staff_id, event, subject, detail, device_id,"
                                       " prev_hash, hash, key_id, n, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"));
    ins.bind(1, e.entryId)
        .bind(2, e.at.toString(Qt::ISODateWithMs))
        .bind(3, e.staffId)
        .bind(4, e.event)
        .bind(5, e.subject)
        .bind(6, e.detail)
        .bind(7, e.deviceId)
        .bind(8, e.prevHash)
        .bind(9, e.hash)
        .bind(10, e.keyId.isNull() ? QStringLiteral("") : e.keyId)
        .bind(11, e.n)
        .bind(12, e.mac.isNull() ? QStringLiteral("") : e.mac)
        .execute();
    e.seq = m_db.lastInsertRowId();
    QJsonObject payload{{QStringLiteral("entry_id"), e.entryId},   {QStringLiteral("at"), e.at.toString(Qt::ISODateWithMs)},
                              {QStringLiteral("staff_id"), e.staffId},   {QStringLiteral("event"), e.event},
                              {QStringLiteral("subject"), e.subject},    {QStringLiteral("detail"), e.detail},
                              {QStringLiteral("device_id"), e.deviceId}, {QStringLiteral("prev_hash"), e.prevHash},
                              {QStringLiteral("hash"), e.hash}};
    if (!e.keyId.isEmpty()) {
        payload.insert(QStringLiteral("key_id"), e.keyId);
        payload.insert(QStringLiteral("n"), double(e.n));
        payload.insert(QStringLiteral("mac"), e.mac);
    }
    Outbox::enqueue(m_db, QStringLiteral("audit"), e.entryId, QStringLiteral("upsert"), payload);
    if (tx)
        tx->commit();
    return e;
}

QString AuditLog::currentStaff(Database &db)
{
    const QString staff = MetaTable::value(db, QStringLiteral("sync.staff_id"));
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
    Statement st(m_db, QStringLiteral("SELECT seq, entry_id, at, staff_id, event, subject, detail, device_id, prev_hash, hash,"
                                      " key_id, n, mac FROM audit_log ORDER BY seq LIMIT ?"));
    st.bind(1, limit);
    while (st.step()) {
        out.push_back({st.int64(0), st.text(1), QDateTime::fromString(st.text(2), Qt::ISODateWithMs), st.text(3), st.text(4),
                       st.text(5), st.text(6), st.text(7), st.text(8), st.text(9), st.text(10), st.int64(11), st.text(12)});
    }
    return out;
}

AuditLog::Verification AuditLog::verify()
{
    Verification v;
    QString expectedPrev = QStringLiteral("genesis");
    QString keyId;
    qint64 lastN = 0;
    Statement st(m_db, QStringLiteral("SELECT seq, entry_id, at, staff_id, event, subject, detail, device_id, prev_hash, hash,"
                                      " key_id, n, mac FROM audit_log ORDER BY seq"));
    while (st.step()) {
        Entry e{st.int64(0), st.text(1), QDateTime::fromString(st.text(2), Qt::ISODateWithMs), st.text(3), st.text(4),
                st.text(5), st.text(6), st.text(7), st.text(8), st.text(9), st.text(10), st.int64(11), st.text(12)};
        ++v.entries;
        // Keyed entries count 1, 2, 3 ... under their key: a deleted one leaves a gap (the
        // MACs themselves only HQ can check: the desktop no longer holds the past keys).
        bool numbered = true;
        if (!e.keyId.isEmpty()) {
            if (e.keyId != keyId)
                keyId = e.keyId, lastN = 0;
            numbered = e.n == lastN + 1;
            lastN = e.n;
        } else {
            numbered = keyId.isEmpty();
        }
        // A deleted entry breaks the link; an edited one breaks its own hash.
        if (!numbered || e.prevHash != expectedPrev || hashOf(e) != e.hash) {
            v.ok = false;
            v.brokenAt = e.seq;
            return v;
        }
        expectedPrev = e.hash;
    }
    return v;
}
