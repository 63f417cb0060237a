#pragma once

#include "exporttable.h"
#include "tableexporter.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringList>

class BranchSnapshot;
class Database;

// The phone list of a batch for the bank's SMS platform (issue 17): customer
// number, name and mobile phone of each customer of the batch, those who refused
// marketing (拒绝营销) and those without a phone left out. Phones and names are
// masked unless the user gave a reason. The file starts with a line saying it
// holds personal data, is readable by its owner only (0600), and is written with
// its "export" audit entry (rows, masked or not, reason; never the data) on the
// store's writer thread: no file without its entry.
class PhoneListExport
{
    Q_DECLARE_TR_FUNCTIONS(PhoneListExport)
public:
    struct Request
    {
        QString path;
        TableExporter::Format format = TableExporter::Format::Csv;
        bool masked = true;
        QString reason;   // given when unmasked
        QString listName; // where the batch came from; the audit entry's subject
        QString staffId;
    };
    struct Result
    {
        bool written = false;
        QString path;
        QString message; // for the status bar, or why nothing was written
        int rows = 0;
        int skippedDoNotContact = 0;
        int withoutPhone = 0;
    };

    // The rows, in the order given; `refused`: customer numbers with a standing flag.
    static ExportTable table(const BranchSnapshot &snapshot, const QStringList &customerNos,
                             const QSet<QString> &refused, const QString &listName, Result *counts);
    // Customer numbers whose latest do-not-contact record stands, read from the store.
    static QSet<QString> refusedIn(Database &db);
    // Writes the file and appends the audit entry (db may be null: a branch without a store
    // writes no file, as nothing could audit it).
    static Result write(Database *db, const ExportTable &table, const Request &request, Result counts);
    // The first line of the file.
    static QString notice();
};
