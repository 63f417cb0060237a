#pragma once

#include "pulledrecords.h"
#include "../protocol/syncrecord.h"

#include <vector>

class Database;

// Applies one verified pull page and its cursor in a single local
// transaction: a crash or a cut cable leaves either the whole page or none.
class PageApplier
{
public:
    struct Result
    {
        int applied = 0;
        int deleted = 0;
        int skipped = 0;        // unknown entities (a newer HQ), logged
        int deferredPurges = 0; // customers removed by HQ with unsent local changes
        int conflicts = 0;
        int quarantined = 0;    // records that do not fit the store: set aside, logged (issue 15)
    };

    // What the sync engine applies: records decoded straight into typed columns.
    static Result apply(Database &db, const PulledRecords &records, qint64 newCursor);
    // The same for records built by hand (tests, tools): converted, then applied as above.
    static Result apply(Database &db, const std::vector<SyncRecord> &records, qint64 newCursor);
    // Purges the customers whose removal waited for their pending changes to be sent.
    static int purgeDeferred(Database &db);
    static void log(Database &db, const QString &kind, const QString &message, const QString &entity = {},
                    const QString &recordId = {}, const QString &rule = {}, const QString &base = {},
                    const QString &theirs = {}, const QString &yours = {});
};
