#include "screenshotscene.h"

#include "batchtouchdialog.h"
#include "customerrowmenu.h"
#include "listspage.h"
#include "mainwindow.h"
#include "quadrantpage.h"
#include "todaypage.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

namespace {

void rightClickRow(QTableView *table, int row, int column)
{
    const QModelIndex index = table->model()->index(row, column);
    table->scrollTo(index);
    const QPoint pos = table->visualRect(index).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, pos, table->viewport()->mapToGlobal(pos));
    QApplication::sendEvent(table->viewport(), &event);
}

} // namespace

bool openScreenshotScene(MainWindow &window, const QString &what)
{
    if (what == QLatin1String("batch-touch") || what == QLatin1String("phone-list")) {
        // The quadrant's D (general: low value, low potential), the long tail worked in batch.
        QuadrantPage *page = window.quadrantPage();
        window.showPage(QStringLiteral("quadrant"));
        page->listQuadrant(Quadrant::D);
        page->batchTouchButton()->click();
        if (what == QLatin1String("phone-list")) {
            auto *dialog = window.findChild<BatchTouchDialog *>();
            if (dialog)
                dialog->exportPhonesButton()->click();
        }
        return true;
    }
    if (what == QLatin1String("row-menu")) {
        ListsPage *lists = window.listsPage();
        window.showPage(QStringLiteral("lists"));
        lists->tabs()->setCurrentIndex(0);
        QTableView *table = lists->thresholdTable();
        if (table->model()->rowCount() > 3) {
            table->selectRow(3);
            rightClickRow(table, 3, 0);
        }
        return true;
    }
    if (what.startsWith(QLatin1String("import-list:"))) {
        window.showPage(QStringLiteral("lists"));
        window.listsPage()->tabs()->setCurrentIndex(2);
        return window.listsPage()->importList(what.mid(12)) != nullptr;
    }
    return false;
}
