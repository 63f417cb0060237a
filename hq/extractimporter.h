#pragma once

#include "pgconnection.h"

#include <QMap>
#include <QString>
#include <QStringList>

// `branchdesk-hq import`: loads a full core-banking extract for one branch,
// safely. The file is read by the shared import contract (ImportTableReader:
// encoding, header past title rows, blank and comma-only lines, a malformed
// row alone) and every row is checked before the database is touched; every
// bad row is reported and then nothing is imported. A row that did not change
// keeps its sequence number; a record missing from the extract becomes a
// tombstone, but removing more than 2% of the branch's customers, or a file
// with no customer rows, is refused unless allowRemovals says how many are
// expected. A dry run computes the same summary and changes nothing.
class ExtractImporter
{
public:
    struct Counts
    {
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        int removed = 0;
    };
    struct Options
    {
        bool dryRun = false;
        int allowRemovals = -1; // customers the operator expects to be removed; -1 = not said
        double removalShare = 0.02;
    };
    struct Report
    {
        bool ok = false;
        bool refused = false; // too many removals: nothing was changed
        QString error;
        QStringList rowErrors; // every bad row: "line N, column X: why"
        QString format, encoding;
        int titleRows = 0;
        int rows = 0;
        int changed = 0;   // new or different rows, each given a new sequence number
        int unchanged = 0;
        int removed = 0;   // tombstones
        int customersBefore = 0;
        qint64 lastSeq = 0;
        int rescoped = 0; // records whose RM scope the import set or changed after writing them
        QMap<QString, Counts> perType; // staff, customer, holding
        QString summary() const;       // one line per record type
    };

    explicit ExtractImporter(PgConnection &db) : m_db(db) {}
    Report import(const QString &branch, const QString &path, const Options &options);
    Report import(const QString &branch, const QString &path) { return import(branch, path, Options{}); }

private:
    bool readExtract(const QString &path, Report *report, QByteArray *copy);
    void countChanges(const QString &branch, Report *report);
    bool removalsAllowed(const Options &options, Report *report) const;

    PgConnection &m_db;
};
