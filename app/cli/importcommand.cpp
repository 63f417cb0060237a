#include "importcommand.h"

#include "store/customerimportjob.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/storeerror.h"
#include "store/storefiles.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QTextStream>

QString ImportCommand::usage()
{
    return tr("  import FILE --store PATH [--mapping FILE.json] [--rejects FILE.csv] [--staff ID]\n"
              "       [--today YYYY-MM-DD]\n"
              "        import customers from CSV (UTF-8 or GBK) or .xlsx into the store (created if missing),\n"
              "        or HQ's extract, or a maturity list (customer no, product, amount, maturity date);\n"
              "        bad rows go to FILE.rejects.csv (owner-only) with line and reason (docs/data-formats.md)\n");
}

int ImportCommand::run(const QStringList &arguments, const QString &passphrase)
{
    QCommandLineParser p;
    const QCommandLineOption store(QStringLiteral("store"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption mapping(QStringLiteral("mapping"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption rejects(QStringLiteral("rejects"), QString(), QStringLiteral("FILE"));
    const QCommandLineOption staff(QStringLiteral("staff"), QString(), QStringLiteral("ID"));
    const QCommandLineOption today(QStringLiteral("today"), QString(), QStringLiteral("YYYY-MM-DD"));
    p.addOptions({store, mapping, rejects, staff, today});
    if (!p.parse(arguments)) {
        m_err << p.errorText() << Qt::endl;
        return 2;
    }
    if (p.positionalArguments().size() != 1 || p.value(store).isEmpty()) {
        m_err << tr("import needs one FILE and --store PATH") << Qt::endl;
        return 2;
    }
    if (passphrase.isEmpty()) {
        m_err << tr("Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE") << Qt::endl;
        return 2;
    }
    CustomerImportJob::Options options;
    options.file = p.positionalArguments().constFirst();
    options.mappingFile = p.value(mapping);
    options.rejectsPath = p.value(rejects);
    options.staffId = p.isSet(staff) ? p.value(staff) : QStringLiteral("cli");
    if (p.isSet(today)) {
        options.asOf = QDate::fromString(p.value(today), Qt::ISODate);
        if (!options.asOf.isValid()) {
            m_err << tr("--today must be a date as YYYY-MM-DD, got '%1'").arg(p.value(today)) << Qt::endl;
            return 2;
        }
    }
    CustomerImportJob::Summary summary;
    QString error;
    CustomerImportJob::Result result = CustomerImportJob::Result::Failed;
    // A store this command creates is removed again, with its key file, when the import fails.
    const bool existed = QFile::exists(p.value(store));
    try {
        Database db = Database::open(p.value(store), passphrase, Database::OpenMode::CreateIfMissing);
        SchemaMigrations::migrate(db);
        result = CustomerImportJob::run(db, options, &summary, &error);
    } catch (const StoreError &e) {
        error = e.message();
    }
    if (result != CustomerImportJob::Result::Done) {
        if (!existed)
            StoreFiles::erase(p.value(store));
        m_err << tr("Error: %1").arg(error) << Qt::endl;
        return 1;
    }
    if (summary.titleRows > 0)
        m_out << tr("%n row(s) above the header skipped as titles", nullptr, summary.titleRows) << Qt::endl;
    for (const QString &w : std::as_const(summary.warnings))
        m_err << tr("Warning: %1").arg(w) << Qt::endl;
    // Counts only: the rejects file has the rows (personal data stays out of terminals and logs).
    m_out << tr("read %1 rows (%2%3): %4 new, %5 updated, %6 rejected")
                 .arg(summary.rows)
                 .arg(summary.format)
                 .arg(summary.encoding.isEmpty() ? QString() : QStringLiteral(", ") + summary.encoding)
                 .arg(summary.inserted)
                 .arg(summary.updated)
                 .arg(summary.rejected)
          << Qt::endl;
    if (summary.staffWritten > 0)
        m_out << tr("%n staff member(s) from the extract", nullptr, summary.staffWritten) << Qt::endl;
    if (summary.holdingsInserted + summary.holdingsUpdated > 0)
        m_out << tr("holdings: %1 new, %2 updated").arg(summary.holdingsInserted).arg(summary.holdingsUpdated) << Qt::endl;
    if (summary.newStaff > 0)
        m_out << tr("%n RM id(s) from the file added to the branch's staff", nullptr, summary.newStaff) << Qt::endl;
    if (!summary.rejectsPath.isEmpty())
        m_out << tr("rejected rows with line and reason: %1").arg(QDir::toNativeSeparators(summary.rejectsPath))
              << Qt::endl;
    return 0;
}
