#include "exporttable.h"

#include <QAbstractItemModel>

int ExportTable::personalColumnCount() const
{
    int n = 0;
    for (PersonalField::Kind k : personal)
        n += k != PersonalField::None ? 1 : 0;
    return n;
}

ExportTable ExportTable::headersOf(const QAbstractItemModel &model, const QString &listName,
                                   const std::vector<int> &columns)
{
    ExportTable t;
    t.listName = listName;
    t.sourceColumns = columns;
    if (t.sourceColumns.empty()) {
        for (int c = 0; c < model.columnCount(); ++c)
            t.sourceColumns.push_back(c);
    }
    for (int c : t.sourceColumns) {
        t.headers << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        const QVariant kind = model.headerData(c, Qt::Horizontal, PersonalField::HeaderRole);
        t.personal.push_back(kind.isValid() ? PersonalField::Kind(kind.toInt()) : PersonalField::None);
    }
    t.rows.reserve(size_t(model.rowCount()));
    return t;
}

ExportTable ExportTable::capture(const QAbstractItemModel &model, const QString &listName,
                                 const std::vector<int> &columns)
{
    ExportTable t = headersOf(model, listName, columns);
    t.appendRows(model, 0, model.rowCount());
    return t;
}

void ExportTable::appendRows(const QAbstractItemModel &model, int first, int count)
{
    const int last = qMin(model.rowCount(), first + count);
    for (int r = first; r < last; ++r)
        captureRow(model, QModelIndex(), r, 0);
}

void ExportTable::captureRow(const QAbstractItemModel &model, const QModelIndex &parent, int r, int depth)
{
    QStringList row;
    row.reserve(qsizetype(sourceColumns.size()));
    for (size_t i = 0; i < sourceColumns.size(); ++i) {
        QString text = model.data(model.index(r, sourceColumns[i], parent), Qt::DisplayRole).toString();
        if (i == 0 && depth > 0)
            text.prepend(QString(depth * 2, QLatin1Char(' ')));
        row << text;
    }
    rows.push_back(std::move(row));
    const QModelIndex first = model.index(r, 0, parent);
    if (model.hasChildren(first)) {
        const int n = model.rowCount(first);
        for (int c = 0; c < n; ++c)
            captureRow(model, first, c, depth + 1);
    }
}
