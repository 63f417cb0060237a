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

namespace {

// One row against the branch: by customer number, else ID number, else phone.
struct RowMatcher
{
    const BranchSnapshot &snapshot;
    const QStringList &header;
    int noCol, idCol, phoneCol;
    QHash<QString, int> byId; // normalised ID number -> customer (X upper case, spaces out)
    PhoneDirectory phones;

    RowMatcher(const BranchSnapshot &s, const QStringList &h, int no, int id, int phone)
        : snapshot(s), header(h), noCol(no), idCol(id), phoneCol(phone), phones(s)
    {
        for (int c = 0; id >= 0 && c < s.customerCount(); ++c) {
            const QString n = IdCardNumber::normalized(s.customer(c).idNumber);
            if (!n.isEmpty())
                byId.insert(n, c);
        }
    }
    // The customer, with *by pointing at the count of the way it matched; or -1 and *miss.
    int match(const XlsxReader::Row &row, ListImport::Result *out, int **by, ListImport::Problem *miss) const
    {
        const auto cell = [&](int col) { return col >= 0 && col < row.cells.size() ? cleanCell(row.cells.at(col)) : QString(); };
        const QString no = cell(noCol), id = cell(idCol), phone = cell(phoneCol);
        *miss = {row.line, QString(), QString()};
        if (!no.isEmpty()) {
            if (const int c = snapshot.indexOfCustomer(no); c >= 0)
                {
                *by = &out->byNumber;
                return c;
            }
            *miss = {row.line, header.at(noCol), ListImport::tr("customer number %1 is not a customer of this branch").arg(no)};
        }
        if (!id.isEmpty()) {
            if (const int c = byId.value(IdCardNumber::normalized(id), -1); c >= 0)
                {
                *by = &out->byIdNumber;
                return c;
            }
            if (miss->field.isEmpty())
                *miss = {row.line, header.at(idCol),
                         ListImport::tr("ID number %1 matches no customer").arg(PersonalDataMask::idNumber(id))};
        }
        if (!phone.isEmpty()) {
            if (const int c = phones.find(phone); c >= 0)
                {
                *by = &out->byPhone;
                return c;
            }
            if (miss->field.isEmpty())
                *miss = {row.line, header.at(phoneCol),
                         ListImport::tr("phone %1 matches no customer").arg(PersonalDataMask::phone(PhoneDirectory::normalize(phone)))};
        }
        if (miss->field.isEmpty())
            miss->message = ListImport::tr("no customer number, ID number or phone on this line");
        return -1;
    }
};

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
    const RowMatcher matcher(snapshot, header, noCol, idCol, phoneCol);
    QSet<int> seen;
    out->list.kind = CustomerList::Kind::Imported;
    out->list.criteria = QStringLiteral("imported;file=%1").arg(out->fileName);
    XlsxReader::Row row;
    bool malformed = false;
    while (reader.next(&row, &malformed)) {
        ++out->rows;
        if (malformed) {
            out->unmatched.push_back({row.line, QString(), tr("the line could not be read (a stray quote?)")});
            continue;
        }
        int *by = nullptr;
        Problem miss;
        const int customer = matcher.match(row, out, &by, &miss);
        if (customer < 0) {
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
