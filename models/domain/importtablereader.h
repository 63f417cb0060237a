#pragma once

#include "csvreader.h"
#include "xlsxreader.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <deque>
#include <functional>
#include <memory>
#include <vector>

// The reading half of the import contract, shared by the desktop import and
// `branchdesk-hq import` (docs/data-formats.md, "One import contract"): CSV
// in UTF-8 (BOM or not) or GB18030/GBK as Excel saves it, or .xlsx; the
// header found past title rows; blank and comma-only lines skipped; a CSV
// record that cannot be parsed (a stray quote) comes back alone, marked
// malformed, and reading goes on. Rows stream: an HQ extract of 400k rows is
// never held as cells all at once.
class ImportTableReader
{
    Q_DECLARE_TR_FUNCTIONS(ImportTableReader)
public:
    using HeaderTest = std::function<bool(const QStringList &cells)>;
    static constexpr int kHeaderSearchRows = 20;

    // False with *error naming the file when it cannot be read at all, is empty, or is an
    // old .xls. The header is the first of the first 20 non-blank rows `isHeader` accepts;
    // when none is, the first row with two cells (the caller then reports missing columns).
    bool open(const QString &path, const HeaderTest &isHeader, QString *error);
    // The next data row; false at the end. `*malformed`: the row is one raw line that could not
    // be parsed as CSV (its cells hold that line).
    bool next(XlsxReader::Row *row, bool *malformed);

    QString format() const { return m_format; }     // "csv" or "xlsx"
    QString encoding() const { return m_encoding; } // CSV: UTF-8, UTF-8 (BOM) or GBK
    QStringList header() const { return m_header; }
    int headerLine() const { return m_headerLine; }
    int titleRows() const { return m_titleRows; }
    static bool blank(const QStringList &cells);

private:
    bool nextRaw(XlsxReader::Row *row, bool *malformed);

    QString m_format, m_encoding;
    QStringList m_header;
    int m_headerLine = 0;
    int m_titleRows = 0;
    QByteArray m_text;
    QBuffer m_buffer;
    std::unique_ptr<CsvReader> m_csv;
    std::vector<XlsxReader::Row> m_xlsx;
    size_t m_xlsxAt = 0;
    std::deque<XlsxReader::Row> m_pending; // rows read while looking for the header
};
