#include "tableexporter.h"

#include "../domain/personaldatamask.h"
#include "../domain/spreadsheetcell.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <xlsxwriter.h>

namespace {

constexpr int kProgressEvery = 2000;

QString maskedText(const QString &text, PersonalField::Kind kind)
{
    switch (kind) {
    case PersonalField::Name:
        return PersonalDataMask::name(text);
    case PersonalField::Phone:
        return PersonalDataMask::phone(text);
    case PersonalField::IdNumber:
        return PersonalDataMask::idNumber(text);
    case PersonalField::Address:
        return PersonalDataMask::address(text);
    case PersonalField::None:
        break;
    }
    return text;
}

// Excel's sheet names: at most 31 characters, none of []:*?/\ .
QString sheetName(const QString &listName)
{
    QString name = listName.trimmed();
    for (QChar &ch : name) {
        if (QStringLiteral("[]:*?/\\").contains(ch))
            ch = QLatin1Char('_');
    }
    if (name.isEmpty())
        name = QStringLiteral("Sheet1");
    return name.left(31);
}

// A plain number short enough to be a quantity, not an id: customer numbers
// (12 digits) and codes with leading zeros stay text, as Excel would mangle them.
bool looksNumeric(const QString &text)
{
    if (text.size() > 10 || !SpreadsheetCell::isPlainNumber(text) || text.endsWith(QLatin1Char('%')))
        return false;
    const QString digits = text.startsWith(QLatin1Char('-')) || text.startsWith(QLatin1Char('+')) ? text.mid(1) : text;
    return !(digits.size() > 1 && digits.at(0) == QLatin1Char('0') && digits.at(1) != QLatin1Char('.'));
}

} // namespace

QString TableExporter::cellText(const QString &shown, PersonalField::Kind kind, bool masked)
{
    const QString text = masked && kind != PersonalField::None ? maskedText(shown, kind) : shown;
    return SpreadsheetCell::escapeFormula(text);
}

TableExporter::Format TableExporter::formatForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) ? Format::Xlsx : Format::Csv;
}

QString TableExporter::formatKey(Format format)
{
    return format == Format::Xlsx ? QStringLiteral("xlsx") : QStringLiteral("csv");
}

QString TableExporter::auditDetail(const QString &format, int rows, int columns, bool masked, const QString &reason)
{
    QString d = QStringLiteral("format=%1 rows=%2 columns=%3 masked=%4")
                    .arg(format)
                    .arg(rows)
                    .arg(columns)
                    .arg(masked ? QStringLiteral("yes") : QStringLiteral("no"));
    if (!masked)
        d += QStringLiteral(" reason=") + reason;
    return d;
}

TableExporter::Result TableExporter::write(const ExportTable &table, const QString &path, const Options &options,
                                           QString *error, const Progress &progress)
{
    return options.format == Format::Xlsx ? writeXlsx(table, path, options, error, progress)
                                          : writeCsv(table, path, options, error, progress);
}

TableExporter::Result TableExporter::writeCsv(const ExportTable &table, const QString &path, const Options &options,
                                              QString *error, const Progress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return Result::Failed;
    }
    // The temporary file QSaveFile renames at the end: owner-only before a byte is written.
    if (options.ownerOnly && !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        file.cancelWriting();
        *error = tr("Cannot make %1 readable by its owner only").arg(QDir::toNativeSeparators(path));
        return Result::Failed;
    }
    QByteArray buffer("\xEF\xBB\xBF"); // BOM: Excel opens UTF-8 CSV as Chinese only with it
    if (!options.notice.isEmpty())
        buffer += (SpreadsheetCell::csvField(SpreadsheetCell::escapeFormula(options.notice)) + QLatin1String("\r\n")).toUtf8();
    auto line = [&](const QStringList &cells, bool header) {
        QString out;
        for (int c = 0; c < cells.size(); ++c) {
            if (c)
                out += QLatin1Char(',');
            const PersonalField::Kind kind = header ? PersonalField::None : table.personal[size_t(c)];
            out += SpreadsheetCell::csvField(header ? SpreadsheetCell::escapeFormula(cells.at(c))
                                                    : cellText(cells.at(c), kind, options.masked));
        }
        out += QLatin1String("\r\n");
        buffer += out.toUtf8();
    };
    line(table.headers, true);
    const int total = table.rowCount();
    for (int r = 0; r < total; ++r) {
        line(table.rows[size_t(r)], false);
        if (buffer.size() > (1 << 20)) {
            file.write(buffer);
            buffer.clear();
        }
        if (progress && (r + 1) % kProgressEvery == 0 && !progress(r + 1, total)) {
            file.cancelWriting();
            return Result::Cancelled;
        }
    }
    file.write(buffer);
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return Result::Failed;
    }
    if (progress)
        progress(total, total);
    return Result::Written;
}

TableExporter::Result TableExporter::writeXlsx(const ExportTable &table, const QString &path, const Options &options,
                                               QString *error, const Progress &progress)
{
    // libxlsxwriter writes the whole file at workbook_close(); write it beside
    // the target and rename, so a failure never leaves half a file.
    const QString part = path + QStringLiteral(".part");
    const QByteArray partPath = QFile::encodeName(part);
    // Its temporary files go beside the target too, not to a shared /tmp.
    const QByteArray tmpDir = QFile::encodeName(QFileInfo(path).absolutePath());
    if (options.ownerOnly) {
        // libxlsxwriter opens the file with fopen("wb"), which keeps the mode of a file that
        // exists: make it owner-only first, so the data never sits in a readable file.
        QFile pre(part);
        if (!pre.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !pre.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
            *error = tr("Cannot make %1 readable by its owner only").arg(QDir::toNativeSeparators(path));
            QFile::remove(part);
            return Result::Failed;
        }
    }
    lxw_workbook_options wbOptions{};
    wbOptions.constant_memory = LXW_FALSE;
    wbOptions.tmpdir = const_cast<char *>(tmpDir.constData());
    wbOptions.use_zip64 = LXW_FALSE;
    lxw_workbook *workbook = workbook_new_opt(partPath.constData(), &wbOptions);
    if (!workbook) {
        *error = tr("Cannot write %1").arg(QDir::toNativeSeparators(path));
        return Result::Failed;
    }
    lxw_worksheet *sheet = workbook_add_worksheet(workbook, sheetName(table.listName).toUtf8().constData());
    lxw_format *bold = workbook_add_format(workbook);
    format_set_bold(bold);
    const lxw_row_t top = options.notice.isEmpty() ? 0 : 1; // the notice takes the first row
    if (top)
        worksheet_write_string(sheet, 0, 0, SpreadsheetCell::escapeFormula(options.notice).toUtf8().constData(), bold);
    for (int c = 0; c < table.columnCount(); ++c) {
        worksheet_write_string(sheet, top, lxw_col_t(c),
                               SpreadsheetCell::escapeFormula(table.headers.at(c)).toUtf8().constData(), bold);
        worksheet_set_column(sheet, lxw_col_t(c), lxw_col_t(c), c == 0 ? 14 : 12, nullptr);
    }
    worksheet_freeze_panes(sheet, top + 1, 0);

    const int total = table.rowCount();
    bool cancelled = false;
    for (int r = 0; r < total && !cancelled; ++r) {
        const QStringList &row = table.rows[size_t(r)];
        for (int c = 0; c < row.size() && c < table.columnCount(); ++c) {
            const PersonalField::Kind kind = table.personal[size_t(c)];
            const QString &shown = row.at(c);
            const lxw_row_t xr = lxw_row_t(r + 1) + top;
            if (kind == PersonalField::None && looksNumeric(shown)) {
                worksheet_write_number(sheet, xr, lxw_col_t(c), shown.toDouble(), nullptr);
            } else if (!shown.isEmpty()) {
                worksheet_write_string(sheet, xr, lxw_col_t(c),
                                       cellText(shown, kind, options.masked).toUtf8().constData(), nullptr);
            }
        }
        if (progress && (r + 1) % kProgressEvery == 0 && !progress(r + 1, total))
            cancelled = true;
    }
    const lxw_error rc = workbook_close(workbook);
    if (cancelled) {
        QFile::remove(part);
        return Result::Cancelled;
    }
    if (rc != LXW_NO_ERROR) {
        QFile::remove(part);
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), QString::fromUtf8(lxw_strerror(rc)));
        return Result::Failed;
    }
    QFile::remove(path);
    if (!QFile::rename(part, path)) {
        QFile::remove(part);
        *error = tr("Cannot write %1").arg(QDir::toNativeSeparators(path));
        return Result::Failed;
    }
    if (progress)
        progress(total, total);
    return Result::Written;
}
