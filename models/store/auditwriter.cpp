#include "auditwriter.h"

#include "auditlog.h"
#include "database.h"
#include "storeerror.h"

bool AuditWriter::append(const StoreAccess &store, const QString &event, const QString &staffId,
                         const QString &subject, const QString &detail, QString *error)
{
    if (!store.isValid()) {
        *error = QStringLiteral("no store to write the audit entry to");
        return false;
    }
    try {
        Database db = store.open();
        AuditLog(db).append(event, staffId, subject, detail);
        return true;
    } catch (const StoreError &e) {
        *error = e.message();
        return false;
    }
}
