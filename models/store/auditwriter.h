#pragma once

#include "storeaccess.h"

#include <QString>

// Appends one audit entry through a short-lived connection of its own, so a
// worker thread (an export, a print) can record what it did without the UI
// thread touching the store. Returns false with *error when the store cannot
// be opened or written.
class AuditWriter
{
public:
    static bool append(const StoreAccess &store, const QString &event, const QString &staffId,
                       const QString &subject, const QString &detail, QString *error);
};
