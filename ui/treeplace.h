#pragma once

#include <QSet>
#include <QString>

class QModelIndex;
class QTreeView;

// The reader's place in a tree that is rebuilt under them (Maturity after a contact or a
// refusal is logged from its rows): which groups were open, which row was current, and
// the scroll position. Rows are named by the path of their first column's text from the
// top, with the row number added for rows without children (products repeat names).
class TreePlace
{
public:
    static TreePlace of(const QTreeView *view);
    // Opens the groups that were open and makes the same row current; true when it was found.
    bool restore(QTreeView *view) const;
    bool isEmpty() const { return m_open.isEmpty() && m_current.isEmpty(); }

private:
    static QString pathOf(const QModelIndex &index);

    QSet<QString> m_open;
    QString m_current;
    int m_scroll = 0;
};
