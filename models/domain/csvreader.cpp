#include "csvreader.h"

#include <QIODevice>

CsvReader::CsvReader(QIODevice *device)
    : m_device(device)
{
}

bool CsvReader::fill()
{
    if (m_eof)
        return false;
    // Keep the record being read: a malformed one is read again from its start.
    if (m_recordStart > 0) {
        m_buffer.remove(0, m_recordStart);
        m_pos -= m_recordStart;
        m_recordStart = 0;
    }
    // 64 KiB at a time: as fast on a 30 MB extract as 1 MiB reads, and a short input
    // (a fuzzer's, or a one-line file) does not allocate a megabyte per call.
    const QByteArray more = m_device->read(64 * 1024);
    if (more.isEmpty()) {
        m_eof = true;
        return false;
    }
    m_buffer += more;
    return true;
}

bool CsvReader::atEnd() const
{
    return m_eof && m_pos >= m_buffer.size();
}

bool CsvReader::next(QStringList *fields)
{
    fields->clear();
    m_error.clear();
    m_malformed = false;
    if (!m_started) {
        m_started = true;
        fill();
        if (m_buffer.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
    }
    if (m_pos >= m_buffer.size() && !fill())
        return false;
    m_recordStart = m_pos;
    m_recordLine = m_line;
    bool spansLines = false;
    const bool ok = parseRecord(fields, &spansLines);
    if (!m_recover)
        return ok;
    if (!ok || (spansLines && m_expected > 0 && fields->size() != m_expected)) {
        if (m_error.isEmpty())
            m_error = QStringLiteral("line %1: a quote opens a field that runs over the end of the line").arg(m_recordLine);
        skipFirstLine(fields);
    }
    return true;
}

void CsvReader::skipFirstLine(QStringList *fields)
{
    // The line may end beyond what is buffered (an error early in a long line): read on to it.
    qsizetype length = 0;
    for (;;) {
        if (m_recordStart + length >= m_buffer.size()) {
            if (!fill())
                break;
            continue; // fill() keeps the record from m_recordStart, which it moves to 0
        }
        const char c = m_buffer.at(m_recordStart + length);
        if (c == '\n' || c == '\r')
            break;
        ++length;
    }
    qsizetype end = m_recordStart + length;
    const QByteArray raw = m_buffer.mid(m_recordStart, end - m_recordStart);
    if (end < m_buffer.size() && m_buffer.at(end) == '\r' && end + 1 < m_buffer.size() && m_buffer.at(end + 1) == '\n')
        ++end;
    m_pos = qMin(end + 1, m_buffer.size());
    m_line = m_recordLine + 1;
    m_malformed = true;
    fields->clear();
    fields->append(QString::fromUtf8(raw));
}

// Issue 19: most fields are unquoted and lie wholly in the buffer; they are converted in one
// go instead of byte by byte. False (nothing consumed) when the field starts with a quote or
// runs past the buffer: the byte loop takes it then, as before.
CsvReader::Taken CsvReader::takeUnquotedField(QStringList *fields)
{
    const char *data = m_buffer.constData();
    const qsizetype size = m_buffer.size();
    if (m_pos >= size || data[m_pos] == '"')
        return Taken::Nothing;
    qsizetype end = m_pos;
    while (end < size && data[end] != ',' && data[end] != '\n' && data[end] != '\r')
        ++end;
    if (end >= size)
        return Taken::Nothing;
    // An empty field reads exactly as the byte loop's (converted from a null QByteArray).
    fields->append(end == m_pos ? QString::fromUtf8(QByteArray()) : QString::fromUtf8(data + m_pos, end - m_pos));
    const char delimiter = data[end];
    m_pos = end + 1;
    if (delimiter == ',')
        return Taken::FieldAndComma;
    if (delimiter == '\r') {
        if (m_pos >= m_buffer.size())
            fill(); // moves the record to the front; m_pos follows
        if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '\n')
            ++m_pos;
    }
    ++m_line;
    return Taken::FieldAndLineEnd;
}

bool CsvReader::parseRecord(QStringList *fields, bool *spansLines)
{
    QByteArray field;
    bool quoted = false;
    bool afterQuote = false;
    for (;;) {
        if (m_pos >= m_buffer.size() && !fill()) {
            if (quoted) {
                m_error = QStringLiteral("line %1: a quoted field is not closed before the end of the file").arg(m_recordLine);
                return false;
            }
            fields->append(QString::fromUtf8(field));
            return true;
        }
        if (!quoted && !afterQuote && field.isEmpty()) {
            const Taken taken = takeUnquotedField(fields);
            if (taken == Taken::FieldAndComma)
                continue;
            if (taken == Taken::FieldAndLineEnd)
                return true;
        }
        const char c = m_buffer.at(m_pos++);
        if (quoted) {
            if (c == '"') {
                if (m_pos >= m_buffer.size())
                    fill();
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '"') {
                    field += '"';
                    ++m_pos;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == '\n') {
                    ++m_line;
                    *spansLines = true;
                }
                field += c;
            }
            continue;
        }
        if (c == ',') {
            fields->append(QString::fromUtf8(field));
            field.clear();
            afterQuote = false;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r') {
                if (m_pos >= m_buffer.size())
                    fill();
                if (m_pos < m_buffer.size() && m_buffer.at(m_pos) == '\n')
                    ++m_pos;
            }
            ++m_line;
            fields->append(QString::fromUtf8(field));
            return true;
        } else if (c == '"' && field.isEmpty() && !afterQuote) {
            quoted = true;
        } else if (afterQuote) {
            m_error = QStringLiteral("line %1, field %2: text after a closing quote").arg(m_recordLine).arg(fields->size() + 1);
            return false;
        } else {
            field += c;
        }
    }
}
