#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QIODevice;

// Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, embedded
// newlines) from UTF-8 text, one record at a time, and knows the line each
// record started on so errors can say where. A UTF-8 BOM is skipped.
class CsvReader
{
public:
    explicit CsvReader(QIODevice *device);

    // Reads the next record into `fields`. Returns false at the end or on a
    // malformed record (then error() says what and where).
    bool next(QStringList *fields);
    int line() const { return m_recordLine; }
    QString error() const { return m_error; }
    bool atEnd() const;

private:
    bool fill();
    QIODevice *m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    int m_line = 1;        // line of the next byte
    int m_recordLine = 0;  // line the last record started on
    QString m_error;
    bool m_eof = false;
    bool m_started = false;
};
