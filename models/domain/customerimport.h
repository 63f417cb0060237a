#pragma once

#include "customer.h"
#include "importmapping.h"
#include "xlsxreader.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

// Reads a branch's customer list (CSV in UTF-8 or GBK, with or without BOM,
// or .xlsx), checks every row against the mapping, and says for each bad row
// its line, the field and why. Nothing here touches the store: the good rows
// go to CustomerImportRepository, the bad ones to a rejects file.
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
        std::vector<XlsxReader::Row> rows; // data rows with their line numbers
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
        ImportMapping mapping;
        int rowCount() const { return int(customers.size() + rejects.size()); }
    };
    using Progress = std::function<bool(int done, int total)>; // false = cancel

    // False with *error (file and line) when the file cannot be read at all.
    static bool read(const QString &path, Source *out, QString *error);
    // Every row checked; `asOf` bounds dates (no birth in the future). Returns false if cancelled.
    static bool validate(const Source &source, const ImportMapping &mapping, Result *out, const Progress &progress = {},
                         QDate asOf = QDate::currentDate());
    // Rejects as CSV (UTF-8 with BOM): line, field, reason, then the row as read.
    static bool writeRejects(const Source &source, const std::vector<Reject> &rejects, const QString &path,
                             QString *error);
    static QString defaultRejectsPath(const QString &sourcePath);
};
