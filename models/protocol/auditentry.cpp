#include "auditentry.h"

#include <QCryptographicHash>
#include <QStringList>

QString AuditEntry::hashOf(const AuditEntry &e)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    // Unit separators keep "ab"+"c" and "a"+"bc" apart.
    const QStringList fields = {e.prevHash, e.entryId, e.at.toString(Qt::ISODateWithMs), e.staffId, e.event,
                                e.subject, e.detail, e.deviceId};
    h.addData(fields.join(QChar(0x1f)).toUtf8());
    return QString::fromLatin1(h.result().toHex());
}
