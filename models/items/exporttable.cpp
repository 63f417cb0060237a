#include "exporttable.h"

#include <QAbstractItemModel>

int ExportTable::personalColumnCount() const
{
    int n = 0;
    for (PersonalField::Kind k : personal)
        n += k != PersonalField::None ? 1 : 0;
    return n;
}

ExportTable ExportTable::capture(const QAbstractItemModel &model, const QString &listName,
                                 const std::vector<int> &columns)
{
    ExportTable t;
    t.listName = listName;
    std::vector<int> cols = columns;
    if (cols.empty()) {
        for (int c = 0; c < model.columnCount(); ++c)
            cols.push_back(c);
    }
    for (int c : cols) {
        t.headers << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
        const QVariant kind = model.headerData(c, Qt::Horizontal, PersonalField::HeaderRole);
        t.personal.push_back(kind.isValid() ? PersonalField::Kind(kind.toInt()) : PersonalField::None);
    }
    t.rows.reserve(size_t(model.rowCount()));
    t.captureRows(model, QModelIndex(), cols, 0);
    return t;
}

void ExportTable::captureRows(const QAbstractItemModel &model, const QModelIndex &parent,
                              const std::vector<int> &columns, int depth)
{
    const int n = model.rowCount(parent);
    for (int r = 0; r < n; ++r) {
        QStringList row;
        row.reserve(qsizetype(columns.size()));
        for (size_t i = 0; i < columns.size(); ++i) {
            QString text = model.data(model.index(r, columns[i], parent), Qt::DisplayRole).toString();
            if (i == 0 && depth > 0)
                text.prepend(QString(depth * 2, QLatin1Char(' ')));
            row << text;
        }
        rows.push_back(std::move(row));
        const QModelIndex first = model.index(r, 0, parent);
        if (model.hasChildren(first))
            captureRows(model, first, columns, depth + 1);
    }
}
