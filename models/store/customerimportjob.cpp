#include "customerimportjob.h"

#include "auditlog.h"
#include "customerimportrepository.h"
#include "database.h"
#include "storeerror.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>

CustomerImportJob::Result CustomerImportJob::run(Database &db, const Options &options, Summary *summary,
                                                 QString *error, const Progress &progress)
{
    CustomerImport::Source source;
    const QStringList known = options.mappingFile.isEmpty() ? QStringList() : ImportMapping::columnNames(options.mappingFile);
    if (!CustomerImport::read(options.file, &source, error, known))
        return Result::Failed;
    ImportMapping mapping;
    if (!options.mappingFile.isEmpty()) {
        if (!ImportMapping::load(options.mappingFile, source.header, &mapping, error))
            return Result::Failed;
    } else {
        mapping = ImportMapping::guess(source.header);
    }
    const QList<ImportMapping::Field> missing = mapping.missingRequired();
    if (!missing.isEmpty()) {
        QStringList names;
        for (ImportMapping::Field f : missing)
            names << ImportMapping::displayName(f);
        *error = tr("%1, line %2: no column for %3; name it in the header or give a mapping file")
                     .arg(QFileInfo(options.file).fileName())
                     .arg(source.headerLine)
                     .arg(names.join(QStringLiteral(", ")));
        for (const QString &a : CustomerImport::ambiguities(source, mapping))
            *error += QLatin1Char('\n') + a;
        return Result::Failed;
    }
    // Validation is the first half of the work, writing the second.
    const int total = int(source.rows.size());
    CustomerImport::Result validated;
    const bool completed = CustomerImport::validate(
        source, mapping, &validated,
        [&](int done, int) { return !progress || progress(done / 2, total); }, options.asOf);
    if (!completed)
        return Result::Cancelled;
    return commit(db, source, validated, options, summary, error, [&](int done, int all) {
        return !progress || progress(total / 2 + (all ? done * (total - total / 2) / all : 0), total);
    });
}

CustomerImportJob::Result CustomerImportJob::commit(Database &db, const CustomerImport::Source &source,
                                                    const CustomerImport::Result &validated, const Options &options,
                                                    Summary *summary, QString *error, const Progress &progress)
{
    Summary s;
    s.warnings = CustomerImport::ambiguities(source, validated.mapping);
    s.titleRows = source.titleRows;
    s.format = source.format;
    s.encoding = source.encoding;
    s.rows = validated.rowCount();
    std::vector<CustomerImport::Reject> rejects = validated.rejects;
    try {
        CustomerImportRepository::Counts counts;
        if (!CustomerImportRepository(db).write(validated.customers, validated.mapping, &counts, progress,
                                                validated.holdings, validated.staff))
            return Result::Cancelled;
        s.inserted = counts.inserted;
        s.updated = counts.updated;
        s.newStaff = counts.newStaff;
        s.staffWritten = counts.staffWritten;
        s.holdingsInserted = counts.holdingsInserted;
        s.holdingsUpdated = counts.holdingsUpdated;
        for (int i : counts.unknownCustomerHoldings) {
            const Holding &h = validated.holdings[size_t(i)];
            rejects.push_back({validated.holdingLines[size_t(i)], ImportMapping::key(ImportMapping::CustomerNo),
                               tr("customer %1 is neither in this file nor in the store: import the customer list first")
                                   .arg(h.customerNo),
                               {}});
        }
        std::stable_sort(rejects.begin(), rejects.end(),
                         [](const CustomerImport::Reject &a, const CustomerImport::Reject &b) { return a.line < b.line; });
        s.rejected = int(rejects.size());
        // What was imported, never from whom: counts and the file's format only.
        AuditLog(db).append(QStringLiteral("import"), options.staffId, QStringLiteral("customers"),
                            QStringLiteral("format=%1 rows=%2 inserted=%3 updated=%4 rejected=%5 holdings=%6")
                                .arg(s.format)
                                .arg(s.rows)
                                .arg(s.inserted)
                                .arg(s.updated)
                                .arg(s.rejected)
                                .arg(s.holdingsInserted + s.holdingsUpdated));
    } catch (const StoreError &e) {
        *error = tr("The import was not written, the store is unchanged: %1").arg(e.message());
        return Result::Failed;
    }
    if (!rejects.empty()) {
        s.rejectsPath = options.rejectsPath.isEmpty() ? CustomerImport::defaultRejectsPath(source.path)
                                                      : options.rejectsPath;
        if (!CustomerImport::writeRejects(source, rejects, s.rejectsPath, error))
            return Result::Failed;
    }
    *summary = s;
    return Result::Done;
}
