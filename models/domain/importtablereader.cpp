#include "importtablereader.h"

#include "textdecoding.h"

#include <QDir>
#include <QFile>

namespace {

constexpr qint64 kMaxFileBytes = 1024LL * 1024 * 1024;

} // namespace

bool ImportTableReader::blank(const QStringList &cells)
{
    for (const QString &f : cells) {
        if (!f.trimmed().isEmpty())
            return false;
    }
    return true; // empty, or only commas (what Excel leaves below a table)
}

bool ImportTableReader::open(const QString &path, const HeaderTest &isHeader, QString *error)
{
    const QString where = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(where, file.errorString());
        return false;
    }
    if (file.size() > kMaxFileBytes) {
        *error = tr("%1 is larger than 1 GB; split it").arg(where);
        return false;
    }
    const QByteArray head = file.peek(4);
    if (head.startsWith("\xD0\xCF\x11\xE0")) {
        // An OLE compound file: Excel 97-2003 .xls, or an .xlsx saved with a password.
        *error = tr("%1 is an old Excel .xls file or a password-protected workbook: open it in Excel or WPS "
                    "and save it as an Excel workbook (.xlsx) without a password, or as CSV")
                     .arg(where);
        return false;
    }
    if (head.startsWith("PK\x03\x04")) {
        file.close();
        m_format = QStringLiteral("xlsx");
        if (!XlsxReader::read(path, &m_xlsx, error))
            return false;
    } else {
        m_format = QStringLiteral("csv");
        const QByteArray bytes = file.readAll();
        const TextDecoding::Encoding enc = TextDecoding::detect(bytes);
        m_encoding = TextDecoding::name(enc);
        // UTF-8 is read as it is; only GBK pays for a conversion.
        m_text = enc == TextDecoding::Encoding::Gbk ? TextDecoding::decode(bytes).toUtf8() : bytes;
        m_buffer.setBuffer(&m_text);
        m_buffer.open(QIODevice::ReadOnly);
        m_csv = std::make_unique<CsvReader>(&m_buffer);
        m_csv->setRecovery(0);
    }
    XlsxReader::Row row;
    bool malformed = false;
    int seen = 0;
    while (seen < kHeaderSearchRows && nextRaw(&row, &malformed)) {
        if (malformed)
            continue; // above the header: a title line
        m_pending.push_back(row);
        ++seen;
        if (isHeader(row.cells))
            break;
    }
    if (m_pending.empty()) {
        *error = tr("%1 is empty: no header row").arg(where);
        return false;
    }
    auto headerAt = m_pending.end() - 1;
    if (!isHeader(headerAt->cells)) {
        headerAt = m_pending.begin();
        while (headerAt + 1 != m_pending.end() && headerAt->cells.size() < 2)
            ++headerAt;
    }
    m_titleRows = int(headerAt - m_pending.begin());
    m_headerLine = headerAt->line;
    m_header = headerAt->cells;
    for (QString &h : m_header)
        h = h.trimmed();
    m_pending.erase(m_pending.begin(), headerAt + 1);
    if (m_csv)
        m_csv->setRecovery(int(m_header.size())); // a quoted newline that breaks the width is a stray quote
    return true;
}

bool ImportTableReader::nextRaw(XlsxReader::Row *row, bool *malformed)
{
    *malformed = false;
    if (m_csv) {
        while (m_csv->next(&row->cells)) {
            row->line = m_csv->line();
            *malformed = m_csv->malformed();
            if (*malformed || !blank(row->cells))
                return true;
        }
        return false;
    }
    while (m_xlsxAt < m_xlsx.size()) {
        XlsxReader::Row &r = m_xlsx[m_xlsxAt++];
        if (!blank(r.cells)) {
            *row = std::move(r);
            return true;
        }
    }
    return false;
}

bool ImportTableReader::next(XlsxReader::Row *row, bool *malformed)
{
    if (!m_pending.empty()) {
        *row = std::move(m_pending.front());
        m_pending.pop_front();
        *malformed = false;
        return true;
    }
    return nextRaw(row, malformed);
}
