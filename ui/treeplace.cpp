#include "treeplace.h"

#include <QScrollBar>
#include <QTreeView>

#include <functional>

QString TreePlace::pathOf(const QModelIndex &index)
{
    QStringList parts;
    for (QModelIndex i = index.siblingAtColumn(0); i.isValid(); i = i.parent()) {
        const bool leaf = !i.model()->hasChildren(i);
        parts.prepend(leaf ? i.data().toString() + QLatin1Char('#') + QString::number(i.row()) : i.data().toString());
    }
    return parts.join(QChar(0x1f));
}

namespace {
// Calls `visit` on every row of the model below `parent`, depth first.
void walk(const QAbstractItemModel *model, const QModelIndex &parent, const std::function<void(const QModelIndex &)> &visit)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex row = model->index(r, 0, parent);
        visit(row);
        if (model->hasChildren(row))
            walk(model, row, visit);
    }
}
} // namespace

TreePlace TreePlace::of(const QTreeView *view)
{
    TreePlace place;
    if (!view->model())
        return place;
    walk(view->model(), {}, [&](const QModelIndex &row) {
        if (view->isExpanded(row))
            place.m_open.insert(pathOf(row));
    });
    if (view->currentIndex().isValid())
        place.m_current = pathOf(view->currentIndex());
    place.m_scroll = view->verticalScrollBar()->value();
    return place;
}

bool TreePlace::restore(QTreeView *view) const
{
    QModelIndex current;
    walk(view->model(), {}, [&](const QModelIndex &row) {
        const QString path = pathOf(row);
        if (m_open.contains(path))
            view->setExpanded(row, true);
        if (!m_current.isEmpty() && path == m_current)
            current = row;
    });
    if (current.isValid())
        view->setCurrentIndex(current);
    view->verticalScrollBar()->setValue(m_scroll);
    return current.isValid();
}
