#pragma once

#include "../items/personalfield.h"

#include <QString>
#include <QStringList>
#include <vector>

class QAbstractItemModel;
class QModelIndex;

// A copy of what a view shows, taken on the UI thread so the file can be
// written on a worker thread: the visible columns in their on-screen order,
// their headers, which of them are personal, and every row's display text
// (a tree's child rows follow their parent, indented by depth).
struct ExportTable
{
    QString listName;                       // e.g. the page title; goes into the audit entry
    QStringList headers;
    std::vector<PersonalField::Kind> personal; // one per column
    std::vector<QStringList> rows;

    int rowCount() const { return int(rows.size()); }
    int columnCount() const { return int(headers.size()); }
    int personalColumnCount() const;

    // `columns`: logical column numbers in the order to export (the view's
    // visual order, hidden columns left out). Empty = every column in order.
    static ExportTable capture(const QAbstractItemModel &model, const QString &listName,
                               const std::vector<int> &columns = {});
    // The same in steps, so a large table is copied a slice at a time between events:
    // headers first, then top-level rows [first, first + count) with their children.
    static ExportTable headersOf(const QAbstractItemModel &model, const QString &listName,
                                 const std::vector<int> &columns);
    void appendRows(const QAbstractItemModel &model, int first, int count);

    std::vector<int> sourceColumns; // the model's columns, in export order

private:
    void captureRow(const QAbstractItemModel &model, const QModelIndex &parent, int row, int depth);
};
