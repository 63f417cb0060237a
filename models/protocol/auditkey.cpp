#include "auditkey.h"

#include <QFile>
#include <QMessageAuthenticationCode>

#include <unistd.h>

namespace {
// "BDAK1 <key id, 32 hex> <next, 16 digits> <key, 64 hex>\n": always the same length, so
// every save writes over the same bytes.
constexpr int kKeyIdLength = 32;
constexpr int kLength = 6 + kKeyIdLength + 1 + 16 + 1 + 64 + 1;
} // namespace

AuditKey::State AuditKey::load(const QString &storePath)
{
    State s;
    if (storePath.isEmpty())
        return s;
    QFile f(pathFor(storePath));
    if (!f.open(QIODevice::ReadOnly))
        return s;
    const QByteArray bytes = f.read(kLength + 1);
    if (bytes.size() != kLength || !bytes.startsWith("BDAK1 ") || !bytes.endsWith('\n'))
        return s;
    const QList<QByteArray> parts = bytes.trimmed().split(' ');
    if (parts.size() != 4 || parts[1].size() != kKeyIdLength || parts[3].size() != 64)
        return s;
    bool ok = false;
    const qint64 next = parts[2].toLongLong(&ok);
    const QByteArray key = QByteArray::fromHex(parts[3]);
    if (!ok || next <= 0 || key.size() != 32)
        return s;
    s.keyId = QString::fromLatin1(parts[1]);
    s.next = next;
    s.key = key;
    return s;
}

bool AuditKey::save(const QString &storePath, const State &state)
{
    if (storePath.isEmpty() || !state.valid() || state.keyId.size() != kKeyIdLength)
        return false;
    const QByteArray line = "BDAK1 " + state.keyId.toLatin1() + ' '
                            + QByteArray::number(state.next).rightJustified(16, '0') + ' ' + state.key.toHex() + '\n';
    if (line.size() != kLength)
        return false;
    // In place, not a new file renamed over the old one: the old key's bytes are overwritten,
    // not left in a freed block.
    QFile f(pathFor(storePath));
    if (!f.open(QIODevice::ReadWrite))
        return false;
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!f.seek(0) || f.write(line) != line.size() || !f.resize(line.size()) || !f.flush())
        return false;
    return ::fsync(f.handle()) == 0;
}

QByteArray AuditKey::step(const QByteArray &key)
{
    return QMessageAuthenticationCode::hash("branchdesk audit key step", key, QCryptographicHash::Sha256);
}

QString AuditKey::mac(const QByteArray &key, const QString &keyId, qint64 n, const QString &hash)
{
    const QByteArray message = keyId.toLatin1() + '\x1f' + QByteArray::number(n) + '\x1f' + hash.toLatin1();
    return QString::fromLatin1(QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256).toHex());
}
