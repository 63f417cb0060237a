#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QIODevice;

// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, embedded
// newlines) from UTF-8 text, one record at a time, and knows the line each
// record started on so errors can say where. A UTF-8 BOM is skipped.
//
// With setRecovery(expectedFields) a malformed record (text after a closing
// quote, a quote never closed) does not end the file: its first physical line
// comes back as one malformed record and reading goes on at the next line. A
// quoted newline that makes a record of the wrong width is treated the same,
// so one stray quote in an address costs that row, not the rows after it.
class CsvReader
{
public:
    explicit CsvReader(QIODevice *device);

    void setRecovery(int expectedFields) { m_expected = expectedFields; m_recover = true; }

    // Reads the next record into `fields`. Returns false at the end or on a
    // malformed record without recovery (then error() says what and where).
    bool next(QStringList *fields);
    int line() const { return m_recordLine; }
    QString error() const { return m_error; }
    bool atEnd() const;
    // After next() with recovery: the record was malformed; `fields` holds its first line as one cell.
    bool malformed() const { return m_malformed; }

private:
    bool fill();
    bool parseRecord(QStringList *fields, bool *spansLines);
    enum class Taken { Nothing, FieldAndComma, FieldAndLineEnd };
    Taken takeUnquotedField(QStringList *fields);
    void skipFirstLine(QStringList *fields);
    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qsizetype m_recordStart = 0;
    int m_line = 1;        // line of the next byte
    int m_recordLine = 0;  // line the last record started on
    int m_expected = 0;
    QString m_error;
    bool m_eof = false;
    bool m_started = false;
    bool m_recover = false;
    bool m_malformed = false;
};
