#pragma once

#include "customerlist.h"

#include <QCoreApplication>
#include <QString>
#include <vector>

class BranchSnapshot;

// A name list another department hands the branch (the card, loan and corporate
// departments' .xlsx or .csv, issue 17) read as a working list: each row is
// matched to a customer by customer number, else by ID-card number, else by
// mobile phone, whichever columns the file has (header names as the customer
// import knows them: ImportMapping). Rows that match nobody are reported with
// their line and the field that was tried; values in the report are masked.
// Reading goes through ImportTableReader (CSV in UTF-8 or GBK, .xlsx, title rows).
class ListImport
{
    Q_DECLARE_TR_FUNCTIONS(ListImport)
public:
    struct Problem
    {
        int line = 0;    // the file's line (CSV) or sheet row (.xlsx)
        QString field;   // the column tried, as the file names it ("" when the row has none)
        QString message; // translated, masked
    };
    struct Result
    {
        CustomerList list; // Kind::Imported, members in file order, each customer once
        QString fileName;
        QString format;    // csv or xlsx
        int rows = 0;      // data rows read
        int byNumber = 0, byIdNumber = 0, byPhone = 0;
        int duplicates = 0; // rows naming a customer already matched
        std::vector<Problem> unmatched;
        int matched() const { return int(list.members.size()); }
    };

    // False with *error (naming the file) when it cannot be read or has no column to match by.
    static bool read(const QString &path, const BranchSnapshot &snapshot, Result *out, QString *error);
};
