#include "auditchain.h"

#include "pgconnection.h"
#include "protocol/auditkey.h"

#include <QUuid>
#include <sodium.h>

namespace {
// A pushed number this far past the expected one is not a gap but an attempt to make HQ
// step the key millions of times.
constexpr qint64 kMaxGap = 100000;
} // namespace

AuditEntry AuditChain::entryOf(const QJsonObject &o)
{
    AuditEntry e;
    e.entryId = o.value(QStringLiteral("entry_id")).toString();
    e.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    e.staffId = o.value(QStringLiteral("staff_id")).toString();
    e.event = o.value(QStringLiteral("event")).toString();
    e.subject = o.value(QStringLiteral("subject")).toString();
    e.detail = o.value(QStringLiteral("detail")).toString();
    e.deviceId = o.value(QStringLiteral("device_id")).toString();
    e.prevHash = o.value(QStringLiteral("prev_hash")).toString();
    e.hash = o.value(QStringLiteral("hash")).toString();
    e.keyId = o.value(QStringLiteral("key_id")).toString();
    e.n = qint64(o.value(QStringLiteral("n")).toDouble());
    e.mac = o.value(QStringLiteral("mac")).toString();
    return e;
}

QString AuditChain::verdictName(Verdict v)
{
    switch (v) {
    case Verdict::Ok: return QStringLiteral("ok");
    case Verdict::Gap: return QStringLiteral("audit_gap");
    case Verdict::Broken: return QStringLiteral("audit_broken");
    case Verdict::Rewrite: return QStringLiteral("audit_rewrite");
    case Verdict::UnknownKey: return QStringLiteral("audit_unknown_key");
    }
    return {};
}

QString AuditChain::issue(const QString &branch, const QString &deviceId, const QString &heldKeyId, QByteArray *keyOut,
                          bool *rekeyed)
{
    *rekeyed = false;
    keyOut->clear();
    PgResult had = m_db.exec("SELECT key_id FROM audit_key WHERE branch_id = $1 AND device_id = $2", {branch, deviceId});
    for (int i = 0; i < had.rows(); ++i) {
        if (!heldKeyId.isEmpty() && had.text(i, 0) == heldKeyId)
            return heldKeyId; // the desktop holds a key HQ issued it: keep it
    }
    *rekeyed = had.rows() > 0;
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    *keyOut = QByteArray(reinterpret_cast<const char *>(raw), sizeof raw);
    sodium_memzero(raw, sizeof raw);
    const QString keyId = QUuid::createUuid().toString(QUuid::Id128);
    m_db.exec("INSERT INTO audit_key (branch_id, device_id, key_id, first_key, next_key)"
              " VALUES ($1, $2, $3, $4, $4)",
              {branch, deviceId, keyId, QString::fromLatin1(keyOut->toHex())});
    return keyId;
}

AuditChain::Verdict AuditChain::admit(const QString &branch, const QString &deviceId, const QJsonObject &payload,
                                      QString *detail)
{
    const AuditEntry e = entryOf(payload);
    if (e.keyId.isEmpty()) {
        // Written before the device had a key: fine until its first keyed entry reached HQ.
        PgResult keyed = m_db.exec("SELECT 1 FROM audit_key WHERE branch_id = $1 AND device_id = $2 AND next_n > 1 LIMIT 1",
                                   {branch, deviceId});
        if (keyed.rows() > 0) {
            *detail = QStringLiteral("an unkeyed entry after keyed ones");
            return Verdict::Broken;
        }
        return Verdict::Ok;
    }
    PgResult k = m_db.exec("SELECT next_n, next_key, head_hash FROM audit_key"
                           " WHERE branch_id = $1 AND device_id = $2 AND key_id = $3 FOR UPDATE",
                           {branch, deviceId, e.keyId});
    if (k.rows() != 1) {
        *detail = QStringLiteral("a key HQ did not issue to this device");
        return Verdict::UnknownKey;
    }
    const qint64 expected = k.int64(0, 0);
    if (e.n < expected) {
        *detail = QStringLiteral("entry %1 was acknowledged before").arg(e.n);
        return Verdict::Rewrite;
    }
    if (e.n - expected > kMaxGap) {
        *detail = QStringLiteral("entry number %1 is out of range").arg(e.n);
        return Verdict::UnknownKey;
    }
    QByteArray key = QByteArray::fromHex(k.text(0, 1).toLatin1());
    for (qint64 i = expected; i < e.n; ++i)
        key = AuditKey::step(key);
    const QString head = k.text(0, 2);
    Verdict v = Verdict::Ok;
    if (e.n > expected) {
        v = Verdict::Gap;
        *detail = QStringLiteral("entries %1 to %2 missing before %3").arg(expected).arg(e.n - 1).arg(e.n);
    } else if (AuditKey::mac(key, e.keyId, e.n, e.hash) != e.mac || AuditEntry::hashOf(e) != e.hash
               || (!head.isEmpty() && e.prevHash != head)) {
        v = Verdict::Broken;
        *detail = QStringLiteral("entry %1 does not match its key, hash or predecessor").arg(e.n);
    }
    m_db.exec("UPDATE audit_key SET next_n = $4, next_key = $5, head_hash = $6"
              " WHERE branch_id = $1 AND device_id = $2 AND key_id = $3",
              {branch, deviceId, e.keyId, QString::number(e.n + 1), QString::fromLatin1(AuditKey::step(key).toHex()), e.hash});
    return v;
}

QString AuditChain::check(const QString &branch, const QString &deviceId, const std::vector<AuditEntry> &entries,
                          bool fromMiddle)
{
    PgResult keys = m_db.exec("SELECT key_id, first_key FROM audit_key WHERE branch_id = $1 AND device_id = $2"
                              " ORDER BY issued_at, key_id",
                              {branch, deviceId});
    QString prevHash;
    QString keyId;
    QByteArray key;
    qint64 expected = 0;
    bool first = true;
    for (const AuditEntry &e : entries) {
        const QString at = e.entryId;
        if (!first || !fromMiddle) {
            if (!(first ? e.prevHash == QLatin1String("genesis") : e.prevHash == prevHash))
                return QStringLiteral("broken at %1").arg(at);
        }
        if (AuditEntry::hashOf(e) != e.hash)
            return QStringLiteral("broken at %1").arg(at);
        if (e.keyId.isEmpty()) {
            if (!keyId.isEmpty())
                return QStringLiteral("broken at %1 (unkeyed after keyed entries)").arg(at);
        } else {
            if (e.keyId != keyId) {
                QByteArray first0;
                int index = -1;
                for (int i = 0; i < keys.rows(); ++i) {
                    if (keys.text(i, 0) == e.keyId)
                        index = i, first0 = QByteArray::fromHex(keys.text(i, 1).toLatin1());
                }
                if (index < 0)
                    return QStringLiteral("broken at %1 (a key HQ did not issue)").arg(at);
                if (!keyId.isEmpty() || index > 0)
                    return QStringLiteral("rekeyed at %1 (entries written under the earlier key and not pushed"
                                          " may be missing)")
                        .arg(at);
                keyId = e.keyId;
                key = first0;
                expected = 1;
                if (fromMiddle && first) {
                    for (; expected < e.n && expected < 10000000; ++expected)
                        key = AuditKey::step(key);
                }
            }
            if (e.n > expected)
                return QStringLiteral("missing %1 entries before %2").arg(e.n - expected).arg(at);
            if (e.n < expected || AuditKey::mac(key, e.keyId, e.n, e.hash) != e.mac)
                return QStringLiteral("broken at %1").arg(at);
            key = AuditKey::step(key);
            ++expected;
        }
        prevHash = e.hash;
        first = false;
    }
    return {};
}
