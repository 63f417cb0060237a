#include "customerimportjob.h"

#include "auditlog.h"
#include "customerimportrepository.h"
#include "database.h"
#include "storeerror.h"

#include <QFile>
#include <QFileInfo>

CustomerImportJob::Result CustomerImportJob::run(Database &db, const Options &options, Summary *summary,
                                                 QString *error, const Progress &progress)
{
    CustomerImport::Source source;
    if (!CustomerImport::read(options.file, &source, error))
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
    s.format = source.format;
    s.encoding = source.encoding;
    s.rows = validated.rowCount();
    s.rejected = int(validated.rejects.size());
    try {
        CustomerImportRepository::Counts counts;
        if (!CustomerImportRepository(db).write(validated.customers, validated.mapping, &counts, progress))
            return Result::Cancelled;
        s.inserted = counts.inserted;
        s.updated = counts.updated;
        s.newStaff = counts.newStaff;
        // What was imported, never from whom: counts and the file's format only.
        AuditLog(db).append(QStringLiteral("import"), options.staffId, QStringLiteral("customers"),
                            QStringLiteral("format=%1 rows=%2 inserted=%3 updated=%4 rejected=%5")
                                .arg(s.format)
                                .arg(s.rows)
                                .arg(s.inserted)
                                .arg(s.updated)
                                .arg(s.rejected));
    } catch (const StoreError &e) {
        *error = tr("The import was not written, the store is unchanged: %1").arg(e.message());
        return Result::Failed;
    }
    if (!validated.rejects.empty()) {
        s.rejectsPath = options.rejectsPath.isEmpty() ? CustomerImport::defaultRejectsPath(source.path)
                                                      : options.rejectsPath;
        if (!CustomerImport::writeRejects(source, validated.rejects, s.rejectsPath, error))
            return Result::Failed;
    }
    *summary = s;
    return Result::Done;
}
