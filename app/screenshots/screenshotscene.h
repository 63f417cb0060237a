#pragma once

#include <QString>

class MainWindow;

// For scripts/screenshots.sh: puts the window in a state worth a picture before it is
// taken (issue 17: a batch touch from the quadrant, the phone-list dialog, a list
// row's context menu, an imported list). `what` is one of batch-touch, phone-list,
// row-menu or import-list:PATH. False when unknown.
bool openScreenshotScene(MainWindow &window, const QString &what);
