#pragma once

#include <QByteArray>
#include <QString>

// The audit chain's per-device key (issue 15). HQ issues a random key at sign-in and keeps
// it; the desktop keeps only the key for its *next* entry, in `<store>.auditkey`, and
// steps it forward (k[n+1] = HMAC(k[n], "step")) as soon as entry n is written, over the
// old bytes in place. Entry n carries HMAC(k[n], key id, n, hash): once the key has moved
// on, nobody on the desktop can make a valid entry n again, so deleting or rewriting an
// entry HQ has not seen, or rolling the store back, leaves a gap or a bad MAC that HQ finds.
class AuditKey
{
public:
    struct State
    {
        QString keyId;  // HQ's name for the key; empty: no key yet (a store never signed in)
        qint64 next = 0; // the number the next entry gets, from 1
        QByteArray key;  // 32 bytes: k[next]
        bool valid() const { return !keyId.isEmpty() && next > 0 && key.size() == 32; }
    };

    static QString pathFor(const QString &storePath) { return storePath + QStringLiteral(".auditkey"); }
    // An absent, damaged or foreign file gives an invalid state (entries go unkeyed and
    // the next sign-in asks HQ for a new key, which HQ records as a re-key).
    static State load(const QString &storePath);
    // Overwrites the file's bytes in place (same length every time) and flushes them to disk.
    static bool save(const QString &storePath, const State &state);

    static QByteArray step(const QByteArray &key);
    // HMAC-SHA256(key, keyId | n | hash) in hex.
    static QString mac(const QByteArray &key, const QString &keyId, qint64 n, const QString &hash);
};
