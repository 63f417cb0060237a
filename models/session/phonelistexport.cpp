#include "phonelistexport.h"

#include "../domain/branchsnapshot.h"
#include "../store/auditlog.h"
#include "../store/database.h"
#include "../store/storeerror.h"
#include "../store/worklistrepository.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

ExportTable PhoneListExport::table(const BranchSnapshot &snapshot, const QStringList &customerNos,
                                   const QSet<QString> &refused, const QString &listName, Result *counts)
{
    ExportTable t;
    t.listName = listName;
    t.headers = {tr("Customer no."), tr("Name"), tr("Mobile phone")};
    t.personal = {PersonalField::None, PersonalField::Name, PersonalField::Phone};
    QSet<QString> seen;
    for (const QString &no : customerNos) {
        if (seen.contains(no))
            continue;
        seen.insert(no);
        const int c = snapshot.indexOfCustomer(no);
        if (c < 0)
            continue;
        if (refused.contains(no)) {
            ++counts->skippedDoNotContact;
            continue;
        }
        const Customer &customer = snapshot.customer(c);
        if (customer.phone.trimmed().isEmpty()) {
            ++counts->withoutPhone;
            continue;
        }
        t.rows.push_back({customer.customerNo, customer.name, customer.phone.trimmed()});
    }
    counts->rows = t.rowCount();
    return t;
}

QSet<QString> PhoneListExport::refusedIn(Database &db)
{
    QHash<QString, DoNotContact> latest;
    for (DoNotContact &d : WorkListRepository(db).doNotContacts()) {
        auto it = latest.find(d.customerNo);
        if (it == latest.end() || d.supersedes(*it))
            latest.insert(d.customerNo, d);
    }
    QSet<QString> out;
    for (const DoNotContact &d : std::as_const(latest)) {
        if (d.active)
            out.insert(d.customerNo);
    }
    return out;
}

QString PhoneListExport::notice()
{
    return tr("PERSONAL DATA: customer names and mobile phone numbers, for the bank's SMS platform only. "
              "Do not copy or forward; delete the file once it has been uploaded.");
}

PhoneListExport::Result PhoneListExport::write(Database *db, const ExportTable &table, const Request &request,
                                               Result counts)
{
    Result out = counts;
    if (!db) {
        out.message = tr("No phone list without a store: the export could not be audited.");
        return out;
    }
    if (table.rowCount() == 0) {
        out.message = tr("No phone list: nobody in the batch has a phone and accepts marketing.");
        return out;
    }
    const QString folder = QFileInfo(request.path).absolutePath();
    if (!QDir().mkpath(folder)) {
        out.message = tr("The folder %1 could not be created; choose another.").arg(QDir::toNativeSeparators(folder));
        return out;
    }
    TableExporter::Options options;
    options.format = request.format;
    options.masked = request.masked;
    options.notice = notice();
    options.ownerOnly = true;
    QString error;
    if (TableExporter::write(table, request.path, options, &error) != TableExporter::Result::Written) {
        out.message = tr("The file %1 could not be written (%2).").arg(QDir::toNativeSeparators(request.path), error);
        return out;
    }
    try {
        const QString detail = TableExporter::auditDetail(TableExporter::formatKey(request.format), table.rowCount(),
                                                          table.columnCount(), request.masked, request.reason)
                               + QStringLiteral(" kind=sms_phone_list skipped_do_not_contact=%1 without_phone=%2")
                                     .arg(counts.skippedDoNotContact)
                                     .arg(counts.withoutPhone);
        AuditLog(*db).append(QStringLiteral("export"),
                             request.staffId.isEmpty() ? AuditLog::currentStaff(*db) : request.staffId,
                             request.listName, detail);
    } catch (const StoreError &e) {
        // No export without its audit entry: the file goes again.
        QFile::remove(request.path);
        out.message = tr("Not exported: the audit trail could not be written (%1).").arg(e.message());
        return out;
    }
    out.written = true;
    out.path = request.path;
    out.message = tr("Phone list of %n customer(s) written to %1 (%2); %3 refused marketing and were left out.", nullptr,
                     table.rowCount())
                      .arg(QDir::toNativeSeparators(request.path),
                           request.masked ? tr("phones masked") : tr("unmasked"))
                      .arg(counts.skippedDoNotContact);
    return out;
}
