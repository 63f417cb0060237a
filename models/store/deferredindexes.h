#pragma once

#include <QStringList>

class Database;

// Secondary indexes built once after a store is filled from nothing (a first sync, a full
// reload: issue 19) instead of row by row while it fills: one sort each instead of a random
// B-tree insert per row (the raw load that builds them after is ~25% faster than the one
// into the full schema). Only the indexes of tables that hold no row are deferred; primary
// keys and unique indexes never are. Their SQL is kept in `meta`
// (`store.deferred_index.NAME`) in the transaction that drops them, so a load interrupted
// anywhere (a kill, a cut cable, a full disk, a cancel) leaves a store that says which
// indexes it still owes; the next pull that finishes builds them. Until then queries give
// the same answers, only slower.
class DeferredIndexes
{
public:
    // Drops the secondary indexes of those of `tables` that hold no row, remembering them.
    // Returns how many were dropped.
    static int deferOfEmpty(Database &db, const QStringList &tables);
    // Builds the indexes a load left to build (this one or an interrupted earlier one).
    // Returns how many were built.
    static int build(Database &db);
    // The names of the indexes still owed.
    static QStringList owed(Database &db);
};
