#include "listimport.h"

#include "branchsnapshot.h"
#include "idcardnumber.h"
#include "importmapping.h"
#include "importtablereader.h"
#include "personaldatamask.h"
#include "phonedirectory.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace {

// An 18-digit ID in an .xlsx number cell arrives as 1.1010119800517E+17: no match possible,
// so it is reported like any other miss. A customer number stored as a number keeps its digits.
QString cleanCell(const QString &cell)
{
    QString t = cell.trimmed();
    if (t.startsWith(QLatin1Char('\'')))
        t.remove(0, 1); // Excel's "keep as text" mark
    return t;
}

} // namespace

bool ListImport::read(const QString &path, const BranchSnapshot &snapshot, Result *out, QString *error)
{
    *out = Result{};
    out->fileName = QFileInfo(path).fileName();
    const QList<ImportMapping::Field> keys = {ImportMapping::CustomerNo, ImportMapping::IdNumber, ImportMapping::Phone};
    ImportTableReader reader;
    const auto isHeader = [&](const QStringList &cells) {
        const ImportMapping m = ImportMapping::guess(cells);
        return std::any_of(keys.begin(), keys.end(), [&](ImportMapping::Field f) { return m.columnOf(f) >= 0; });
    };
    if (!reader.open(path, isHeader, error))
        return false;
    out->format = reader.format();
    const QStringList header = reader.header();
    const ImportMapping mapping = ImportMapping::guess(header);
    const int noCol = mapping.columnOf(ImportMapping::CustomerNo);
    const int idCol = mapping.columnOf(ImportMapping::IdNumber);
    const int phoneCol = mapping.columnOf(ImportMapping::Phone);
    if (noCol < 0 && idCol < 0 && phoneCol < 0) {
        *error = tr("%1: no column to match customers by. The first row should name a customer number (客户号), "
                    "an ID number (证件号码) or a mobile phone (手机号) column.")
                     .arg(out->fileName);
        return false;
    }
    // ID numbers of the branch, normalised once (X upper case, spaces out).
    QHash<QString, int> byId;
    if (idCol >= 0) {
        for (int c = 0; c < snapshot.customerCount(); ++c) {
            const QString id = IdCardNumber::normalized(snapshot.customer(c).idNumber);
            if (!id.isEmpty())
                byId.insert(id, c);
        }
    }
    const PhoneDirectory phones(snapshot);
    QSet<int> seen;
    out->list.kind = CustomerList::Kind::Imported;
    out->list.criteria = QStringLiteral("imported;file=%1").arg(out->fileName);
    XlsxReader::Row row;
    bool malformed = false;
    const auto cell = [&](int col) { return col >= 0 && col < row.cells.size() ? cleanCell(row.cells.at(col)) : QString(); };
    while (reader.next(&row, &malformed)) {
        ++out->rows;
        if (malformed) {
            out->unmatched.push_back({row.line, QString(), tr("the line could not be read (a stray quote?)")});
            continue;
        }
        const QString no = cell(noCol), id = cell(idCol), phone = cell(phoneCol);
        int customer = -1;
        int *by = nullptr; // the count of the way this row matched
        Problem miss{row.line, QString(), QString()};
        if (!no.isEmpty()) {
            customer = snapshot.indexOfCustomer(no);
            if (customer >= 0)
                by = &out->byNumber;
            else
                miss = {row.line, header.at(noCol), tr("customer number %1 is not a customer of this branch").arg(no)};
        }
        if (customer < 0 && !id.isEmpty()) {
            customer = byId.value(IdCardNumber::normalized(id), -1);
            if (customer >= 0)
                by = &out->byIdNumber;
            else if (miss.field.isEmpty())
                miss = {row.line, header.at(idCol),
                        tr("ID number %1 matches no customer").arg(PersonalDataMask::idNumber(id))};
        }
        if (customer < 0 && !phone.isEmpty()) {
            customer = phones.find(phone);
            if (customer >= 0)
                by = &out->byPhone;
            else if (miss.field.isEmpty())
                miss = {row.line, header.at(phoneCol),
                        tr("phone %1 matches no customer").arg(PersonalDataMask::phone(PhoneDirectory::normalize(phone)))};
        }
        if (customer < 0) {
            if (miss.field.isEmpty())
                miss.message = tr("no customer number, ID number or phone on this line");
            out->unmatched.push_back(miss);
            continue;
        }
        if (seen.contains(customer)) {
            ++out->duplicates;
            continue;
        }
        seen.insert(customer);
        ++*by;
        ListMember m;
        m.customer = customer;
        m.basisFen = snapshot.tierPolicy().basisAmount(snapshot.customer(customer));
        // Worked towards the next tier up, as a quadrant selection is (the campaign's uplift).
        m.targetTier = std::min(snapshot.tierOf(customer) + 1, snapshot.tierPolicy().count() - 1);
        out->list.members.push_back(m);
    }
    return true;
}
