// libFuzzer target: the core-banking extract as HQ reads it (`branchdesk-hq import`):
// CsvReader over arbitrary bytes, then every row through ExtractRecords' checks.
// Properties beyond "no crash": line numbers never go backwards, and an error always
// says where (a line number).
#include "domain/csvreader.h"
#include "domain/extractcsv.h"
#include "protocol/extractrecords.h"

#include <QBuffer>
#include <QCoreApplication>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    CsvReader csv(&buffer);
    ExtractRecords converter;
    QStringList fields;
    QString error;
    if (!csv.next(&fields))
        return 0;
    // A header the fuzzer made up rarely has all 38 columns: fall back to the real
    // header so the row checks are reached too.
    if (!converter.setHeader(fields, &error))
        converter.setHeader(ExtractCsv::header(), &error);
    int lastLine = csv.line();
    while (csv.next(&fields)) {
        if (csv.line() < lastLine)
            abort(); // line numbers in error messages would lie
        lastLine = csv.line();
        SyncRecord rec;
        if (!converter.convert(fields, csv.line(), &rec, &error) && !error.startsWith(QLatin1String("line ")))
            abort(); // an error that does not say where
    }
    if (!csv.error().isEmpty() && !csv.error().startsWith(QLatin1String("line ")))
        abort();
    return 0;
}
