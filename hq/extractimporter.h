#pragma once

#include "pgconnection.h"

#include <QString>

// `branchdesk-hq import`: loads a full core-banking extract for one branch.
// Every row is checked first; one bad row (reported with its line and
// column) and nothing is imported. A row that did not change keeps its
// sequence number; a customer, holding or staff member missing from the
// extract becomes a tombstone.
class ExtractImporter
{
public:
    struct Report
    {
        bool ok = false;
        QString error;
        int rows = 0;
        int changed = 0;   // new or different rows, each given a new sequence number
        int unchanged = 0;
        int removed = 0;   // tombstones
        qint64 lastSeq = 0;
    };

    explicit ExtractImporter(PgConnection &db) : m_db(db) {}
    Report import(const QString &branch, const QString &path);

private:
    PgConnection &m_db;
};
