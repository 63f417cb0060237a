#pragma once

#include "../domain/loadedsnapshot.h"
#include "storeaccess.h"

// What a background load returns: the snapshot and its search index, and the file it was
// read from, for the session's writes back.
struct LoadedBranch : LoadedSnapshot
{
    StoreAccess store; // the file it was read from, for pages that write back
};
