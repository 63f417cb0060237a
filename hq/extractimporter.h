#pragma once

#include "pgconnection.h"

#include <array>
#include <functional>
#include <vector>

#include <QMap>
#include <QString>
#include <QStringList>

// `branchdesk-hq import`: loads a full core-banking extract for one branch,
// safely. The file is read by the shared import contract (ImportTableReader:
// encoding, header past title rows, blank and comma-only lines, a malformed
// row alone; ExtractSource) and every row is checked; rows stream into
// PostgreSQL while the rest is read, in a transaction that a bad row rolls
// back: every bad row is reported and then nothing is imported. A row that did not change
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
        // A branch without any record yet is loaded straight into `record` (no stage, no
        // comparison, no sort); false sends it through the stage like a re-import (the test
        // that holds the two to the same result uses it).
        bool direct = true;
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
        bool direct = false; // a new branch, loaded straight into `record`
        QMap<QString, Counts> perType; // staff, customer, holding
        QString summary() const;       // one line per record type
    };

    explicit ExtractImporter(PgConnection &db) : m_db(db) {}
    Report import(const QString &branch, const QString &path, const Options &options);
    Report import(const QString &branch, const QString &path) { return import(branch, path, Options{}); }

private:
    // A good row as readRows hands it on; owner: the index in m_rms of the RM of the customer
    // it concerns, when that customer came earlier in the file (else -1).
    struct Row
    {
        const struct ExtractChunk *chunk;
        const struct ExtractRow *row;
        int owner;
    };
    using RowSink = std::function<void(const Row &)>;
    enum class Outcome { Done, ReadSlowly, Recount };
    // Reads the extract, checks every row (bad rows and duplicates into report->rowErrors, in
    // file order) and hands each good row to `take` while no row was bad.
    Outcome readRows(class ExtractSource &source, bool slow, Report *report, const RowSink &take);
    Outcome throughStage(const QString &branch, qint64 base, ExtractSource &source, bool slow, const Options &options,
                         Report *report);
    Outcome applyStage(const QString &branch, qint64 base, const Options &options, Report *report);
    void writeStaged(const QString &branch, qint64 base, Report *report);
    // extractdirect.cpp: a new branch, straight into `record`.
    Outcome direct(const QString &branch, qint64 base, ExtractSource &source, bool slow, const Options &options,
                   std::array<qint64, 4> *types, Report *report);
    void countChanges(const QString &branch, Report *report);
    bool removalsAllowed(const Options &options, Report *report) const;
    bool badRows(const QString &path, Report *report) const;

    PgConnection &m_db;
    QString m_path;
    std::vector<QByteArray> m_rms; // the RMs named in the file, by the index readRows gives them
};
