#pragma once

#include "extractscan.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryFile>

#include <array>
#include <functional>
#include <memory>

// The extract file for `branchdesk-hq import`: opened through the import contract's reader
// (encoding, header past title rows, .xlsx), then read in chunks converted on every core and
// handed over in file order. A CSV goes through ExtractScan; an .xlsx, or a CSV the line
// scanner gives up on (a field over several lines, a stray quote), through ImportTableReader
// row by row as before.
class ExtractSource
{
public:
    ExtractSource();
    ~ExtractSource();

    // False with *error (naming the file) when it cannot be read or has no usable header.
    bool open(const QString &path, QString *error);
    QString format() const { return m_format; }
    QString encoding() const { return m_encoding; }
    int titleRows() const { return m_titleRows; }

    enum class Read { Done, Unsupported };
    // Calls `take` with every chunk in file order. `slow`: row by row through
    // ImportTableReader. Unsupported: the line scanner gave up; read again with `slow`.
    Read read(bool slow, const std::function<void(ExtractChunk &)> &take);
    // A first count of the rows per record type (staff, customer, holding, other); slow
    // or an .xlsx: none (all -1).
    std::array<qint64, 4> countTypes() const;

private:
    bool openReader(std::unique_ptr<class ImportTableReader> &reader, const QString &path, QString *error);
    Read readFast(const std::function<void(ExtractChunk &)> &take);
    void readSlow(const std::function<void(ExtractChunk &)> &take);

    QString m_path, m_format, m_encoding;
    int m_titleRows = 0;
    QStringList m_header;
    ExtractRecords m_converter;
    std::unique_ptr<ExtractScan> m_scan;
    QByteArray m_text;      // a CSV's UTF-8 text
    qsizetype m_data = -1;  // where its data lines start; -1: not read by the line scanner
    int m_dataLine = 0;     // the line number there
    QTemporaryFile m_head;  // the first megabyte, for the reader to find the header in
};
