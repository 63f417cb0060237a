#pragma once

#include "../domain/customersearchindex.h"

#include <QObject>
#include <memory>

// Builds a branch's CustomerSearchIndex off the UI thread (issue 19: the list is painted
// first, the search follows). Only the index of the snapshot asked for last is delivered;
// one of a branch replaced meanwhile is dropped.
class SearchIndexBuilder : public QObject
{
    Q_OBJECT
public:
    explicit SearchIndexBuilder(QObject *parent = nullptr);

    // Starts building the index of `snapshot`; null stops waiting for any.
    void build(const SnapshotPtr &snapshot);
    bool isBuilding() const { return m_wanted != nullptr; }

signals:
    void built(const std::shared_ptr<const CustomerSearchIndex> &index);

private:
    SnapshotPtr m_wanted;
};
