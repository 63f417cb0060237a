#pragma once

#include <QString>

class QMainWindow;
class QWidget;

// What the user arranged survives a restart (issue 16): the window's geometry and state,
// every named splitter's sizes and every named table's columns (widths, order, hidden, sort),
// in QSettings under "view/". Widgets without an object name are not kept.
namespace ViewState {

void saveWindow(const QMainWindow *window);
// False when nothing was saved yet (first start): the caller picks a size for the screen.
bool restoreWindow(QMainWindow *window);
void saveParts(const QWidget *root);
void restoreParts(QWidget *root);
// Sizes the window to the screen it is on when no geometry was saved: at most 1360x820,
// never larger than the available area (a 1366x768 laptop with a taskbar).
void fitToScreen(QMainWindow *window);

} // namespace ViewState
