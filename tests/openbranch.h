#pragma once

#include "branchopener.h"

#include <QSignalSpy>
#include <QTest>

// The opener's flow runs from the event loop (dialogs answered by the test's timers meanwhile)
// until finished(): true, with `out` filled in, when the branch opened.
inline bool openBranch(BranchOpener &opener, const BranchOpener::Request &request, LoadedBranch *out)
{
    QSignalSpy finished(&opener, &BranchOpener::finished);
    opener.open(request);
    if (!QTest::qWaitFor([&finished] { return !finished.isEmpty(); }, 600000))
        return false;
    const bool opened = finished.first().first().toBool();
    if (opened)
        *out = opener.branch();
    return opened;
}
