#include "extractsource.h"

#include "domain/importtablereader.h"
#include "domain/importvalue.h"
#include "domain/textdecoding.h"

#include <QDir>
#include <QFile>
#include <QtConcurrent>

#include <algorithm>
#include <deque>

namespace {

constexpr qsizetype kPiece = 2 << 20; // bytes of CSV converted as one chunk
constexpr int kInFlight = 6;          // chunks converting ahead of the one being taken

bool isHeader(const QStringList &cells)
{
    return cells.contains(QLatin1String("record_type"));
}

// An .xlsx holds dates as serial day numbers and drops trailing empty cells: give the
// converter what a CSV row would have been.
void fromWorkbook(const QStringList &header, QStringList *cells)
{
    static const QStringList dateColumns = {QStringLiteral("birth_date"), QStringLiteral("loan_start_date"),
                                            QStringLiteral("last_activity"), QStringLiteral("opened_on"),
                                            QStringLiteral("open_date"), QStringLiteral("maturity_date")};
    while (cells->size() < header.size())
        cells->append(QString());
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (!dateColumns.contains(header.at(i)) || cells->at(i).isEmpty())
            continue;
        if (const auto d = ImportValue::date(cells->at(i), true))
            (*cells)[i] = d->toString(Qt::ISODate);
    }
}

} // namespace

ExtractSource::ExtractSource() = default;
ExtractSource::~ExtractSource() = default;

// The reader takes the whole file, decodes all of it to check its encoding, and parses only up
// to the header: for a CSV in UTF-8 it is given the first megabyte (to a line's end) instead,
// the encoding checked here on the whole. Anything it would say otherwise (an .xls, too big,
// not UTF-8, no header in that megabyte) is left to it reading the whole file.
bool ExtractSource::openReader(std::unique_ptr<ImportTableReader> &reader, const QString &path, QString *error)
{
    constexpr qsizetype kHead = 1 << 20;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > 1024LL * 1024 * 1024)
        return reader->open(path, isHeader, error);
    const QByteArray magic = file.peek(4);
    if (magic.startsWith("\xD0\xCF\x11\xE0") || magic.startsWith("PK\x03\x04"))
        return reader->open(path, isHeader, error);
    m_text = file.readAll();
    if (m_text.size() <= kHead || !QByteArrayView(m_text).isValidUtf8()) {
        m_text.clear();
        return reader->open(path, isHeader, error);
    }
    const qsizetype cut = m_text.lastIndexOf('\n', kHead);
    if (!m_head.open() || cut < 0 || m_head.write(m_text.constData(), cut + 1) != cut + 1 || !m_head.flush()) {
        m_text.clear();
        return reader->open(path, isHeader, error);
    }
    if (reader->open(m_head.fileName(), isHeader, error) && isHeader(reader->header()))
        return true;
    m_text.clear();
    reader = std::make_unique<ImportTableReader>();
    return reader->open(path, isHeader, error);
}

bool ExtractSource::open(const QString &path, QString *error)
{
    const QString where = QDir::toNativeSeparators(path);
    m_path = path;
    auto reader = std::make_unique<ImportTableReader>();
    if (!openReader(reader, path, error))
        return false;
    m_format = reader->format();
    m_encoding = reader->encoding();
    m_titleRows = reader->titleRows();
    m_header = reader->header();
    if (!isHeader(m_header)) {
        *error = QStringLiteral("%1: no header row with a record_type column in its first %2 rows: is it the "
                                "core-banking extract (docs/data-formats.md)?")
                     .arg(where)
                     .arg(ImportTableReader::kHeaderSearchRows);
        return false;
    }
    if (!m_converter.setHeader(m_header, error)) {
        *error = QStringLiteral("%1: %2").arg(where, error->replace(QLatin1String("line 1"),
                                                                    QStringLiteral("line %1").arg(reader->headerLine())));
        return false;
    }
    m_scan = std::make_unique<ExtractScan>(m_header, m_converter);
    if (m_format != QLatin1String("csv"))
        return true;
    // The line scanner reads the same UTF-8 text the reader did, from the line after the
    // header, if that header was one line the scanner reads the same way.
    if (m_text.isEmpty()) { // the reader had the whole file
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return true; // read again below by ImportTableReader, which reports it
        const QByteArray bytes = file.readAll();
        // The reader found the encoding already (checking 700 MB of UTF-8 again costs a second).
        m_text = m_encoding == TextDecoding::name(TextDecoding::Encoding::Gbk) ? TextDecoding::decode(bytes).toUtf8()
                                                                              : bytes;
    }
    qsizetype at = m_text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    for (int line = 1; line < reader->headerLine() && at >= 0; ++line)
        at = m_text.indexOf('\n', at) < 0 ? -1 : m_text.indexOf('\n', at) + 1;
    if (at < 0)
        return true;
    qsizetype end = m_text.indexOf('\n', at);
    if (end < 0)
        end = m_text.size();
    QByteArrayView line = QByteArrayView(m_text).sliced(at, end - at);
    if (line.endsWith('\r'))
        line.chop(1);
    std::vector<QByteArrayView> fields;
    QByteArray scratch;
    if (!ExtractScan::split(line, &fields, &scratch) || qsizetype(fields.size()) != m_header.size())
        return true;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (QString::fromUtf8(fields[i]).trimmed() != m_header.at(qsizetype(i)))
            return true;
    }
    m_data = std::min(end + 1, m_text.size());
    m_dataLine = reader->headerLine() + 1;
    return true;
}

std::array<qint64, 4> ExtractSource::countTypes() const
{
    if (m_data < 0)
        return {-1, -1, -1, -1};
    return m_scan->countTypes(QByteArrayView(m_text).sliced(m_data));
}

ExtractSource::Read ExtractSource::read(bool slow, const std::function<void(ExtractChunk &)> &take)
{
    if (!slow && m_data >= 0)
        return readFast(take);
    readSlow(take);
    return Read::Done;
}

ExtractSource::Read ExtractSource::readFast(const std::function<void(ExtractChunk &)> &take)
{
    const QByteArrayView text(m_text);
    std::deque<QFuture<ExtractChunk>> inFlight;
    qsizetype at = m_data;
    int line = m_dataLine;
    const ExtractScan *scan = m_scan.get();
    while (at < text.size() || !inFlight.empty()) {
        while (at < text.size() && int(inFlight.size()) < kInFlight) {
            qsizetype end = at + kPiece >= text.size() ? text.size() : text.indexOf('\n', at + kPiece);
            end = end < 0 ? text.size() : std::min(end + 1, text.size());
            const QByteArrayView piece = text.sliced(at, end - at);
            inFlight.push_back(QtConcurrent::run([scan, piece, line] { return scan->convert(piece, line); }));
            line += int(std::count(piece.begin(), piece.end(), '\n'));
            at = end;
        }
        ExtractChunk chunk = inFlight.front().result();
        inFlight.pop_front();
        if (chunk.unsupported) {
            for (QFuture<ExtractChunk> &f : inFlight)
                f.waitForFinished();
            return Read::Unsupported;
        }
        take(chunk);
    }
    return Read::Done;
}

void ExtractSource::readSlow(const std::function<void(ExtractChunk &)> &take)
{
    // Row by row, as before the line scanner: chunks of rows converted on every core.
    ImportTableReader reader;
    QString error;
    if (!reader.open(m_path, isHeader, &error))
        return; // open() read it a moment ago
    const bool xlsx = reader.format() == QLatin1String("xlsx");
    constexpr int kRows = 4096;
    const ExtractRecords *converter = &m_converter;
    XlsxReader::Row raw;
    bool malformed = false;
    bool more = true;
    while (more) {
        std::vector<XlsxReader::Row> rows;
        std::vector<bool> bad;
        while (int(rows.size()) < kRows && (more = reader.next(&raw, &malformed))) {
            if (xlsx && !malformed)
                fromWorkbook(m_header, &raw.cells);
            bad.push_back(malformed);
            rows.push_back(std::move(raw));
        }
        // Two halves on two threads, taken in order.
        const size_t half = rows.size() / 2;
        auto convert = [&rows, &bad, converter](size_t from, size_t to) {
            ExtractChunk chunk;
            for (size_t i = from; i < to; ++i) {
                if (!bad[i]) {
                    chunk.addConverted(*converter, rows[i].cells, rows[i].line);
                    continue;
                }
                ExtractRow row;
                row.line = rows[i].line;
                row.error = int(chunk.errors.size());
                chunk.errors << QStringLiteral("line %1: a quote opens a field that is not closed where it should "
                                               "be; the row cannot be read")
                                    .arg(rows[i].line);
                chunk.rows.push_back(row);
            }
            return chunk;
        };
        QFuture<ExtractChunk> first = QtConcurrent::run(convert, size_t(0), half);
        ExtractChunk second = convert(half, rows.size());
        ExtractChunk firstChunk = first.result();
        take(firstChunk);
        take(second);
    }
}
