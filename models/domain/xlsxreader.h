#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

// Reads the first worksheet of an Excel .xlsx file (a zip of XML parts, read
// with minizip and QXmlStreamReader) into rows of text: shared strings,
// inline strings, numbers (as Excel stores them; a date cell arrives as its
// serial day number) and booleans. Every row carries its sheet row number so
// messages can say where.
class XlsxReader
{
    Q_DECLARE_TR_FUNCTIONS(XlsxReader)
public:
    struct Row
    {
        int line = 0; // the sheet's row number (1-based)
        QStringList cells;
    };

    // False with *error when the file is not a readable .xlsx.
    static bool read(const QString &path, std::vector<Row> *rows, QString *error);
    // "A" -> 0, "AB" -> 27; -1 when not a column reference.
    static int columnOf(const QString &cellRef);
};
