#pragma once

#include "syncrecord.h"

#include <QStringList>

// Turns rows of the core-banking extract (docs/data-formats.md) into sync
// records whose payload columns are the desktop store's columns. Every value
// is checked; an error names the line, the column and what is wrong.
class ExtractRecords
{
public:
    // Checks the header; returns false with a message when a column is missing.
    bool setHeader(const QStringList &header, QString *error);
    // Converts one data row. Returns false with "line N, column X: ..." on bad input.
    bool convert(const QStringList &row, int line, SyncRecord *out, QString *error) const;
    // The order HQ hands out sequence numbers in one import: staff before the
    // customers that reference them, customers before their holdings.
    static int entityRank(const QString &entity);

private:
    QHash<QString, int> m_column;
};
