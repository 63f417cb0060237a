#pragma once

#include "branchsnapshot.h"
#include "customersearchindex.h"

#include <memory>

// A loaded branch as the item models and pages read it: the snapshot, its search index
// (null until built) and whether its scope is the HQ sign-in. Data only; where it was
// read from stays with the store and the session (store/loadedbranch.h).
struct LoadedSnapshot
{
    SnapshotPtr snapshot;
    std::shared_ptr<const CustomerSearchIndex> search;
    bool signedInToHq = false; // the snapshot's scope is the HQ sign-in, not a local choice
};
