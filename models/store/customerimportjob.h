#pragma once

#include "../domain/customerimport.h"

#include <QCoreApplication>
#include <functional>

class Database;

// One import, as the CLI and the wizard run it: read the file, map (guessed or
// from a mapping file), validate, write the good rows in one transaction,
// write the rejects file, append an "import" audit entry. Runs on any thread
// with its own connection.
class CustomerImportJob
{
    Q_DECLARE_TR_FUNCTIONS(CustomerImportJob)
public:
    struct Options
    {
        QString file;
        QString mappingFile;  // empty = guess from the header
        QString rejectsPath;  // empty = FILE.rejects.csv beside the file
        QString staffId;      // who imports, for the audit entry
        QDate asOf = QDate::currentDate();
    };
    struct Summary
    {
        QString format;
        QString encoding;
        int rows = 0;
        int inserted = 0;
        int updated = 0;
        int rejected = 0;
        int newStaff = 0;    // RM ids from the file added to a local branch's roster
        QString rejectsPath; // empty when nothing was rejected
        int staffWritten = 0; // an extract's staff rows
        int holdingsInserted = 0;
        int holdingsUpdated = 0;
        int titleRows = 0;   // rows above the header that were skipped
        QStringList warnings; // ambiguous columns left out, one sentence each
    };
    enum class Result { Done, Cancelled, Failed };
    using Progress = std::function<bool(int done, int total)>;

    static Result run(Database &db, const Options &options, Summary *summary, QString *error,
                      const Progress &progress = {});
    // The last step alone, for a source the wizard has already read and validated.
    static Result commit(Database &db, const CustomerImport::Source &source, const CustomerImport::Result &validated,
                         const Options &options, Summary *summary, QString *error, const Progress &progress = {});
};
