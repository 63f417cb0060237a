#include "xlsxreader.h"

#include <QDir>
#include <QFile>
#include <QXmlStreamReader>

#include <minizip/unzip.h>

namespace {

// A zip bomb guard: no part of a branch's list is anywhere near this.
constexpr qint64 kMaxPartBytes = 512LL * 1024 * 1024;

class ZipFile
{
public:
    explicit ZipFile(const QString &path) : m_zip(unzOpen64(QFile::encodeName(path).constData())) {}
    ~ZipFile()
    {
        if (m_zip)
            unzClose(m_zip);
    }
    bool isOpen() const { return m_zip != nullptr; }
    bool has(const QString &name) { return unzLocateFile(m_zip, name.toUtf8().constData(), 0) == UNZ_OK; }
    bool read(const QString &name, QByteArray *out)
    {
        if (unzLocateFile(m_zip, name.toUtf8().constData(), 0) != UNZ_OK)
            return false;
        unz_file_info64 info{};
        if (unzGetCurrentFileInfo64(m_zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK)
            return false;
        if (qint64(info.uncompressed_size) > kMaxPartBytes)
            return false;
        if (unzOpenCurrentFile(m_zip) != UNZ_OK)
            return false;
        out->clear();
        // The size in the zip directory is a claim, not a fact: reserve at most 16 MB up front.
        out->reserve(qsizetype(qMin<quint64>(info.uncompressed_size, 16u << 20)));
        char buffer[65536];
        int n = 0;
        while ((n = unzReadCurrentFile(m_zip, buffer, sizeof buffer)) > 0) {
            out->append(buffer, n);
            if (out->size() > kMaxPartBytes) {
                unzCloseCurrentFile(m_zip);
                return false;
            }
        }
        const bool ok = n == 0 && unzCloseCurrentFile(m_zip) == UNZ_OK;
        return ok;
    }

private:
    unzFile m_zip;
};

// Text of an <si> or <is>: every <t>, skipping phonetic runs (<rPh>).
QString readRichText(QXmlStreamReader &xml)
{
    const QString end = xml.name().toString();
    QString text;
    int phonetic = 0;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (xml.name() == QLatin1String("rPh"))
                ++phonetic;
            else if (xml.name() == QLatin1String("t") && phonetic == 0)
                text += xml.readElementText();
        } else if (token == QXmlStreamReader::EndElement) {
            if (xml.name() == QLatin1String("rPh"))
                --phonetic;
            else if (xml.name() == end)
                break;
        }
    }
    return text;
}

QString normalizeNumber(const QString &v)
{
    if (!v.contains(QLatin1Char('E')) && !v.contains(QLatin1Char('e')))
        return v;
    bool ok = false;
    const double d = v.toDouble(&ok);
    return ok ? QString::number(d, 'g', 15) : v;
}

QString firstSheetPath(ZipFile &zip)
{
    QByteArray workbook, rels;
    QString rid;
    if (zip.read(QStringLiteral("xl/workbook.xml"), &workbook)) {
        QXmlStreamReader xml(workbook);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("sheet")) {
                for (const QXmlStreamAttribute &a : xml.attributes()) {
                    if (a.name() == QLatin1String("id"))
                        rid = a.value().toString();
                }
                break;
            }
        }
    }
    if (!rid.isEmpty() && zip.read(QStringLiteral("xl/_rels/workbook.xml.rels"), &rels)) {
        QXmlStreamReader xml(rels);
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("Relationship")
                && xml.attributes().value(QLatin1String("Id")) == rid) {
                QString target = xml.attributes().value(QLatin1String("Target")).toString();
                if (target.startsWith(QLatin1Char('/')))
                    return target.mid(1);
                return QStringLiteral("xl/") + target;
            }
        }
    }
    return QStringLiteral("xl/worksheets/sheet1.xml");
}

// The shared strings table (xl/sharedStrings.xml); none when the workbook has none.
bool readSharedStrings(ZipFile &zip, const QString &where, QStringList *shared, QString *error)
{
    QByteArray bytes;
    if (!zip.read(QStringLiteral("xl/sharedStrings.xml"), &bytes))
        return true;
    QXmlStreamReader xml(bytes);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("si"))
            *shared << readRichText(xml);
    }
    if (xml.hasError()) {
        *error = XlsxReader::tr("%1: the shared strings are damaged (%2)").arg(where, xml.errorString());
        return false;
    }
    return true;
}

// The raw value of a <c> (the reader on its start tag): its <v>, or its inline string.
QString rawCellValue(QXmlStreamReader &xml)
{
    QString value;
    while (!xml.atEnd()) {
        const auto t = xml.readNext();
        if (t == QXmlStreamReader::StartElement && xml.name() == QLatin1String("v")) {
            value = xml.readElementText();
        } else if (t == QXmlStreamReader::StartElement && xml.name() == QLatin1String("is")) {
            value = readRichText(xml);
        } else if (t == QXmlStreamReader::EndElement && xml.name() == QLatin1String("c")) {
            break;
        }
    }
    return value;
}

// A <c> of `row` (the reader on its start tag) as text in its column; false with *error
// when its reference or its shared string is bad.
bool readCell(QXmlStreamReader &xml, const QStringList &shared, const QString &where, XlsxReader::Row &row,
              QString *error)
{
    const QString ref = xml.attributes().value(QLatin1String("r")).toString();
    const QString type = xml.attributes().value(QLatin1String("t")).toString();
    int col = ref.isEmpty() ? int(row.cells.size()) : XlsxReader::columnOf(ref);
    if (col < 0 || col > 16383) {
        *error = XlsxReader::tr("%1, row %2: bad cell reference '%3'").arg(where).arg(row.line).arg(ref);
        return false;
    }
    QString value = rawCellValue(xml);
    if (type == QLatin1String("s")) {
        bool ok = false;
        const int i = value.toInt(&ok);
        if (!ok || i < 0 || i >= shared.size()) {
            *error = XlsxReader::tr("%1, cell %2: shared string %3 does not exist").arg(where, ref, value);
            return false;
        }
        value = shared.at(i);
    } else if (type == QLatin1String("b")) {
        value = value == QLatin1String("1") ? QStringLiteral("TRUE") : QStringLiteral("FALSE");
    } else if (type.isEmpty() || type == QLatin1String("n")) {
        value = normalizeNumber(value);
    }
    while (row.cells.size() < col)
        row.cells << QString();
    if (row.cells.size() == col)
        row.cells << value;
    else
        row.cells[col] = value;
    return true;
}

// The worksheet's non-empty rows; false with *error when it is damaged.
bool readRows(QXmlStreamReader &xml, const QStringList &shared, const QString &where,
              std::vector<XlsxReader::Row> *rows, QString *error)
{
    XlsxReader::Row current;
    int nextRow = 1;
    bool inRow = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("row")) {
            bool ok = false;
            const int r = xml.attributes().value(QLatin1String("r")).toInt(&ok);
            current = XlsxReader::Row();
            current.line = ok ? r : nextRow;
            nextRow = current.line + 1;
            inRow = true;
        } else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("row")) {
            // Trailing empty cells do not make a row non-empty.
            while (!current.cells.isEmpty() && current.cells.last().isEmpty())
                current.cells.removeLast();
            if (!current.cells.isEmpty())
                rows->push_back(std::move(current));
            inRow = false;
        } else if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("c") && inRow) {
            if (!readCell(xml, shared, where, current, error))
                return false;
        }
    }
    if (xml.hasError()) {
        *error = XlsxReader::tr("%1: the worksheet is damaged (%2)").arg(where, xml.errorString());
        return false;
    }
    return true;
}

} // namespace

int XlsxReader::columnOf(const QString &ref)
{
    int col = 0;
    int letters = 0;
    for (QChar c : ref) {
        const char16_t u = c.unicode();
        if (u >= 'A' && u <= 'Z') {
            col = col * 26 + (u - 'A' + 1);
            ++letters;
        } else {
            break;
        }
    }
    return letters == 0 || letters > 3 ? -1 : col - 1;
}

bool XlsxReader::read(const QString &path, std::vector<Row> *rows, QString *error)
{
    rows->clear();
    const QString where = QDir::toNativeSeparators(path);
    ZipFile zip(path);
    if (!zip.isOpen()) {
        *error = tr("%1 is not an .xlsx file (not a zip archive)").arg(where);
        return false;
    }
    QStringList shared;
    if (!readSharedStrings(zip, where, &shared, error))
        return false;
    const QString sheet = firstSheetPath(zip);
    QByteArray bytes;
    if (!zip.read(sheet, &bytes)) {
        *error = tr("%1 has no readable worksheet (%2)").arg(where, sheet);
        return false;
    }
    QXmlStreamReader xml(bytes);
    return readRows(xml, shared, where, rows, error);
}
