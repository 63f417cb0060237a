#pragma once

#include "protocol/extractrecords.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QStringList>

#include <array>
#include <vector>

// One converted row of the extract; its texts live in the chunk's arena.
struct ExtractRow
{
    int line = 0;
    int error = -1;  // index into ExtractChunk::errors when the row is bad
    quint8 rank = 0; // ExtractRecords::entityRank: 0 staff, 1 customer, 2 holding
    qint32 id = 0, idLen = 0;             // record id
    qint32 customer = 0, customerLen = 0; // the customer it concerns (a customer: itself)
    qint32 rm = 0, rmLen = 0;             // a customer's RM in the file ('' = none)
    qint32 payload = 0, payloadLen = 0;   // canonical JSON, already escaped for COPY's text format
    std::array<char, 64> digest{};        // SHA-256 of the JSON, hex: HqDatabase's digest
};

// Rows converted from a stretch of the extract, in file order.
struct ExtractChunk
{
    QByteArray arena;
    std::vector<ExtractRow> rows;
    QStringList errors;
    bool unsupported = false; // CSV the line scanner does not read as CsvReader would

    QByteArrayView text(qint32 offset, qint32 length) const { return QByteArrayView(arena.constData() + offset, length); }
    // The slow way, for any row: ExtractRecords::convert and HqDatabase::payloadText.
    void addConverted(const ExtractRecords &converter, const QStringList &cells, int line);
};

// Reads the data lines of a CSV extract (UTF-8 text, one record per line) straight from
// the bytes: fields as views, values checked and written as canonical JSON without a
// QString or QJsonObject per row. A row whose values are not all in their plain form (a
// date as 2026/1/5, an amount with commas, a 15-digit ID number, a bad value) goes through
// ExtractRecords like every row before, so what is accepted, refused and written is the
// same; tst_importfastpath holds the two ways to the same bytes. A quote left open at the
// end of a line (a field over several lines, or a stray quote) or a lone carriage return
// marks the chunk unsupported: the importer then reads the file through ImportTableReader.
class ExtractScan
{
public:
    ExtractScan(const QStringList &header, const ExtractRecords &converter);

    // Converts the whole lines in `text`, the first being line `firstLine` of the file.
    ExtractChunk convert(QByteArrayView text, int firstLine) const;
    // The fields of one line (no line break in it) as CsvReader reads them; false when it would
    // not read the line alone (an open quote, text after a closing quote, a carriage return).
    static bool split(QByteArrayView line, std::vector<QByteArrayView> *fields, QByteArray *scratch);
    // Rows per record type (the trimmed record_type field; 3 = anything else) in `text`, for
    // sequence numbers handed out before the rows are converted. A first guess: the caller
    // checks it against what it converted.
    std::array<qint64, 4> countTypes(QByteArrayView text) const;
    int columns() const { return m_columns; }

private:
    struct Out;
    bool convertFast(const std::vector<QByteArrayView> &fields, Out *out) const;
    bool writeCustomer(const std::vector<QByteArrayView> &fields, Out *out) const;
    bool writeHolding(const std::vector<QByteArrayView> &fields, Out *out) const;

    const ExtractRecords &m_converter;
    int m_columns = 0; // distinct header names: a row must have as many fields
    std::vector<int> m_customerColumn, m_holdingColumn; // per key of the sorted key tables
    int m_recordType = -1;
};
