#pragma once

#include "customer.h"
#include "holding.h"
#include "importmapping.h"
#include "staff.h"
#include "xlsxreader.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <vector>

// Reads a branch's customer list (CSV in UTF-8 or GBK, with or without BOM,
// or .xlsx), checks every row against the mapping, and says for each bad row
// its line, the field and why. Nothing here touches the store: the good rows
// go to CustomerImportRepository, the bad ones to a rejects file. Also reads
// HQ's extract (record_type staff/customer/holding) and a holdings file (a
// maturity list: customer no, product, amount, value and maturity dates).
class CustomerImport
{
    Q_DECLARE_TR_FUNCTIONS(CustomerImport)
public:
    struct Source
    {
        QString path;
        QString format;   // "csv" or "xlsx"
        QString encoding; // CSV: UTF-8, UTF-8 (BOM) or GBK
        QStringList header;
        int headerLine = 1;
        int titleRows = 0; // non-blank rows above the header (a merged title, a date line)
        std::vector<XlsxReader::Row> rows; // data rows with their line numbers
        std::vector<XlsxReader::Row> malformed; // CSV records that could not be parsed: the raw line
        bool isExtract() const { return header.contains(QLatin1String("record_type")); }
    };
    struct Reject
    {
        int line = 0;
        QString field; // the field's key (ImportMapping::key), empty for the whole row
        QString reason;
        QStringList cells;
    };
    struct Result
    {
        std::vector<Customer> customers;
        std::vector<int> lines;     // the source line of each customer
        std::vector<Reject> rejects;
        std::vector<Holding> holdings; // from an extract's holding rows or a holdings file
        std::vector<int> holdingLines;  // the source line of each holding
        std::vector<Staff> staff;      // from an extract's staff rows
        ImportMapping mapping;
        int goodCount() const { return int(customers.size() + holdings.size() + staff.size()); }
        int rowCount() const { return goodCount() + int(rejects.size()); }
    };
    using Progress = std::function<bool(int done, int total)>; // false = cancel

    // False with *error (file and line) when the file cannot be read at all. The header is the
    // first row, among the first 20 that are not blank, naming two known fields (or two of
    // `knownNames`, a mapping file's columns); rows above it are titles. A blank line or one of
    // only commas is skipped; a malformed CSV record is kept in `malformed`, alone.
    static bool read(const QString &path, Source *out, QString *error, const QStringList &knownNames = {});
    // Every row checked; `asOf` bounds dates (no birth in the future). Returns false if cancelled.
    static bool validate(const Source &source, const ImportMapping &mapping, Result *out, const Progress &progress = {},
                         QDate asOf = QDate::currentDate());
    // Rejects as CSV (UTF-8 with BOM), created 0600: a first line saying the file holds
    // personal data, then line, field, reason and the row as read.
    static bool writeRejects(const Source &source, const std::vector<Reject> &rejects, const QString &path,
                             QString *error);
    static QString defaultRejectsPath(const QString &sourcePath);
    // "column 'A' and column 'B' could both be Name", one line per ambiguous field.
    static QStringList ambiguities(const Source &source, const ImportMapping &mapping);

private:
    // A plain customer list (no record_type, not a holdings file), checked on every core:
    // rows in ranges, each range on its own thread, then merged in order with the duplicate
    // check (issue 19). Same customers, rejects and messages as one pass.
    static bool validateCustomersInParallel(const Source &source, const ImportMapping &mapping, Result *r,
                                            const Progress &progress, QDate asOf);
    // Rows [begin, end) of a plain customer list into `part` (customers, rejects, and in
    // `lines` each customer's row index), no duplicate check. Stops early, returning false, when `stop` is set or `progress` says so.
    static bool checkCustomerRows(const Source &source, const ImportMapping &mapping, QDate asOf, size_t begin,
                                  size_t end, Result *part, const std::atomic_bool &stop,
                                  const std::function<bool(int)> &progress);
    // Whether a row's field count fits the header; false with a reject added to r->rejects.
    static bool checkWidth(const XlsxReader::Row &row, int width, bool xlsx, Result *r);
    // One customer row: false with its reject added to r->rejects.
    static bool checkCustomer(const XlsxReader::Row &row, const ImportMapping &mapping, bool xlsx, QDate asOf,
                              Customer *c, Result *r);
    static void checkHolding(const XlsxReader::Row &row, const ImportMapping &mapping, bool xlsx, int statusColumn,
                             QHash<QString, int> *seen, Result *r);
    static void checkStaff(const XlsxReader::Row &row, const QStringList &header, Result *r);
};
