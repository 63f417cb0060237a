#pragma once

#include "../domain/branchsnapshot.h"
#include "../domain/customersearchindex.h"
#include "storeaccess.h"

#include <memory>

// What the UI receives from a background load: the snapshot and its search index.
struct LoadedBranch
{
    SnapshotPtr snapshot;
    std::shared_ptr<const CustomerSearchIndex> search;
    StoreAccess store; // the file it was read from, for pages that write back
    bool signedInToHq = false; // the snapshot's scope is the HQ sign-in, not a local choice
};
