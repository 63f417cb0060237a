#include "viewstate.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QMainWindow>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>

namespace {

QString keyOf(const QWidget *w, const char *kind)
{
    return QStringLiteral("view/%1/%2").arg(QLatin1String(kind), w->objectName());
}

QHeaderView *headerOf(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}

} // namespace

namespace ViewState {

void saveWindow(const QMainWindow *window)
{
    QSettings settings;
    settings.setValue(QStringLiteral("view/geometry"), window->saveGeometry());
    settings.setValue(QStringLiteral("view/windowState"), window->saveState());
}

bool restoreWindow(QMainWindow *window)
{
    const QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("view/geometry")).toByteArray();
    if (geometry.isEmpty() || !window->restoreGeometry(geometry))
        return false;
    window->restoreState(settings.value(QStringLiteral("view/windowState")).toByteArray());
    return true;
}

void saveParts(const QWidget *root)
{
    QSettings settings;
    for (const QSplitter *s : root->findChildren<QSplitter *>()) {
        if (!s->objectName().isEmpty())
            settings.setValue(keyOf(s, "splitter"), s->saveState());
    }
    for (QAbstractItemView *v : root->findChildren<QAbstractItemView *>()) {
        QHeaderView *header = headerOf(v);
        if (header && !v->objectName().isEmpty() && header->count() > 0)
            settings.setValue(keyOf(v, "header"), header->saveState());
    }
}

void restoreParts(QWidget *root)
{
    const QSettings settings;
    for (QSplitter *s : root->findChildren<QSplitter *>()) {
        const QByteArray state = s->objectName().isEmpty() ? QByteArray()
                                                            : settings.value(keyOf(s, "splitter")).toByteArray();
        if (!state.isEmpty())
            s->restoreState(state);
    }
    for (QAbstractItemView *v : root->findChildren<QAbstractItemView *>()) {
        QHeaderView *header = headerOf(v);
        if (!header || v->objectName().isEmpty() || header->count() == 0)
            continue;
        const QByteArray state = settings.value(keyOf(v, "header")).toByteArray();
        if (state.isEmpty() || !header->restoreState(state))
            continue;
        auto *table = qobject_cast<QTableView *>(v);
        if (table && table->isSortingEnabled() && header->sortIndicatorSection() >= 0)
            table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    }
}

void fitToScreen(QMainWindow *window)
{
    const QScreen *screen = window->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    // Leave room for the title bar the window manager adds (not part of the window's size).
    const QSize size(qMin(1360, available.width()), qMin(820, available.height() - 32));
    window->resize(size.expandedTo(window->minimumSizeHint()).boundedTo(available.size()));
    if (size.width() >= available.width() - 16 || size.height() >= available.height() - 48)
        window->setWindowState(window->windowState() | Qt::WindowMaximized);
}

} // namespace ViewState
