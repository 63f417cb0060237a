#pragma once

#include "exporttable.h"

#include <QCoreApplication>
#include <QString>
#include <functional>

// Writes an ExportTable to CSV (UTF-8 with a BOM so Excel reads Chinese, CRLF)
// or to an Excel .xlsx (libxlsxwriter). Personal columns are masked with
// PersonalDataMask unless `masked` is false; every text cell is escaped against
// formula injection (SpreadsheetCell). The file appears complete or not at all:
// it is written beside the target and renamed at the end, so a cancelled or
// failed export leaves nothing and never truncates an existing file.
class TableExporter
{
    Q_DECLARE_TR_FUNCTIONS(TableExporter)
public:
    enum class Format { Csv, Xlsx };
    struct Options
    {
        Format format = Format::Csv;
        bool masked = true;
        QString notice;         // a line above the headers (a phone list says it holds personal data)
        bool ownerOnly = false; // file mode 0600 from the first byte (a phone list)
    };
    using Progress = std::function<bool(int done, int total)>; // false = cancel

    enum class Result { Written, Cancelled, Failed };

    static Result write(const ExportTable &table, const QString &path, const Options &options, QString *error,
                        const Progress &progress = {});
    // The text a cell gets in the file: masked if personal and masking is on, then escaped.
    static QString cellText(const QString &shown, PersonalField::Kind kind, bool masked);
    static Format formatForPath(const QString &path);
    static QString formatKey(Format format);
    // The detail of an export's audit entry: format, rows, columns, masked, and the reason when unmasked.
    static QString auditDetail(const QString &format, int rows, int columns, bool masked, const QString &reason);

private:
    static Result writeCsv(const ExportTable &table, const QString &path, const Options &options, QString *error,
                           const Progress &progress);
    static Result writeXlsx(const ExportTable &table, const QString &path, const Options &options, QString *error,
                            const Progress &progress);
};
