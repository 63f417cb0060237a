#include "customerimport.h"

#include "idcardnumber.h"
#include "importtablereader.h"
#include "spreadsheetcell.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

#include <QThread>

#include <algorithm>
#include <thread>

namespace {

bool validCustomerNo(const QString &no)
{
    if (no.isEmpty() || no.size() > 32)
        return false;
    for (QChar c : no) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u == '-'))
            return false;
    }
    return true;
}

} // namespace

QString CustomerImport::defaultRejectsPath(const QString &sourcePath)
{
    const QFileInfo fi(sourcePath);
    return fi.absoluteDir().filePath(fi.completeBaseName() + QStringLiteral(".rejects.csv"));
}

namespace {

// A header names at least two known fields (or two of a mapping file's columns).
bool looksLikeHeader(const QStringList &cells, const QStringList &knownNames)
{
    if (cells.contains(QLatin1String("record_type")))
        return true;
    const ImportMapping m = ImportMapping::guess(cells);
    int known = 0, named = 0;
    for (ImportMapping::Field f : m.columns)
        known += f != ImportMapping::Ignore ? 1 : 0;
    for (const QString &c : cells)
        named += knownNames.contains(c.trimmed()) ? 1 : 0;
    return known >= 2 || (named > 0 && named >= qMin(2, int(knownNames.size())));
}

} // namespace

bool CustomerImport::read(const QString &path, Source *out, QString *error, const QStringList &knownNames)
{
    ImportTableReader reader;
    if (!reader.open(path, [&](const QStringList &cells) { return looksLikeHeader(cells, knownNames); }, error))
        return false;
    Source s;
    s.path = path;
    s.format = reader.format();
    s.encoding = reader.encoding();
    s.header = reader.header();
    s.headerLine = reader.headerLine();
    s.titleRows = reader.titleRows();
    XlsxReader::Row row;
    bool malformed = false;
    while (reader.next(&row, &malformed))
        (malformed ? s.malformed : s.rows).push_back(std::move(row));
    *out = std::move(s);
    return true;
}

QStringList CustomerImport::ambiguities(const Source &source, const ImportMapping &mapping)
{
    QStringList out;
    for (const ImportMapping::Ambiguity &a : mapping.ambiguous) {
        QStringList names;
        for (int c : a.columns)
            names << QStringLiteral("'%1'").arg(c < source.header.size() ? source.header.at(c) : QString());
        out << tr("columns %1 could each be %2: it is left out; say which in a mapping file")
                   .arg(names.join(QStringLiteral(", ")), ImportMapping::displayName(a.field));
    }
    return out;
}

namespace {

// One customer row's checks. Each step fills its fields of the customer, or records why the
// row is rejected and returns false; the row stops at its first problem.
class CustomerRowCheck
{
public:
    using Field = ImportMapping::Field;

    CustomerRowCheck(const XlsxReader::Row &row, const ImportMapping &mapping, bool xlsx, QDate asOf,
                     CustomerImport::Result *r)
        : m_row(row)
        , m_mapping(mapping)
        , m_xlsx(xlsx)
        , m_asOf(asOf)
        , m_r(r)
    {
    }

    QString cell(Field f) const
    {
        const int col = m_mapping.columnOf(f);
        return col >= 0 && col < m_row.cells.size() ? m_row.cells.at(col).trimmed() : QString();
    }

    // The customer number and the name, both required.
    bool identity(Customer *c)
    {
        c->customerNo = cell(ImportMapping::CustomerNo);
        c->name = cell(ImportMapping::Name);
        if (c->customerNo.isEmpty()) {
            reject(ImportMapping::CustomerNo, CustomerImport::tr("the customer number is missing"));
            return false;
        }
        if (!validCustomerNo(c->customerNo)) {
            badValue(ImportMapping::CustomerNo, CustomerImport::tr("only letters, digits and '-', at most 32"));
            return false;
        }
        if (c->name.isEmpty()) {
            reject(ImportMapping::Name, CustomerImport::tr("the name is missing"));
            return false;
        }
        if (c->name.size() > 50) {
            reject(ImportMapping::Name, CustomerImport::tr("the name is longer than 50 characters"));
            return false;
        }
        return true;
    }

    bool gender(Customer *c)
    {
        if (const QString g = cell(ImportMapping::Gender); !g.isEmpty()) {
            const auto v = ImportValue::gender(g);
            if (!v) {
                badValue(ImportMapping::Gender, CustomerImport::tr("not 男/女 or M/F"));
                return false;
            }
            c->gender = *v == QLatin1Char('M') ? Customer::Gender::Male : Customer::Gender::Female;
        }
        return true;
    }

    bool dates(Customer *c)
    {
        return date(ImportMapping::BirthDate, &c->birthDate) && date(ImportMapping::OpenedOn, &c->openedOn)
               && date(ImportMapping::LastActivity, &c->lastActivity);
    }

    bool phone(Customer *c)
    {
        if (const QString p = cell(ImportMapping::Phone); !p.isEmpty()) {
            const auto v = ImportValue::phone(p);
            if (!v) {
                reject(ImportMapping::Phone, CustomerImport::tr("%1: not a mainland mobile or landline number")
                                                 .arg(ImportMapping::displayName(ImportMapping::Phone)));
                return false;
            }
            c->phone = *v;
        }
        return true;
    }

    // The ID card number, and the birth date it holds (which must agree with the row's).
    bool idNumber(Customer *c)
    {
        const QString id = cell(ImportMapping::IdNumber);
        if (id.isEmpty())
            return true;
        // The reason never repeats the number itself: rejects files get passed around.
        switch (IdCardNumber::check(id)) {
        case IdCardNumber::Problem::None:
            break;
        case IdCardNumber::Problem::Length:
            reject(ImportMapping::IdNumber, CustomerImport::tr("ID card number: not 18 characters (or 15 of the old kind)"));
            return false;
        case IdCardNumber::Problem::Characters:
            reject(ImportMapping::IdNumber, CustomerImport::tr("ID card number: only digits and a final X"));
            return false;
        case IdCardNumber::Problem::BirthDate:
            reject(ImportMapping::IdNumber, CustomerImport::tr("ID card number: the birth date in it is not a date"));
            return false;
        case IdCardNumber::Problem::CheckDigit:
            reject(ImportMapping::IdNumber, CustomerImport::tr("ID card number: wrong check digit (GB 11643)"));
            return false;
        }
        c->idNumber = IdCardNumber::normalized(id);
        const QDate fromId = IdCardNumber::birthDate(c->idNumber);
        if (c->birthDate.isValid() && c->birthDate != fromId) {
            reject(ImportMapping::BirthDate, CustomerImport::tr("Date of birth differs from the one in the ID card number"));
            return false;
        }
        if (!c->birthDate.isValid())
            c->birthDate = fromId;
        return true;
    }

    bool payroll(Customer *c)
    {
        if (const QString p = cell(ImportMapping::Payroll); !p.isEmpty()) {
            const auto v = ImportValue::flag(p);
            if (!v) {
                badValue(ImportMapping::Payroll, CustomerImport::tr("not 是/否 or 1/0"));
                return false;
            }
            c->payroll = *v;
        }
        return true;
    }

    // Today's balance and the monthly average, in the column's unit.
    bool amounts(Customer *c)
    {
        for (Field f : {ImportMapping::Aum, ImportMapping::AumMonthAvg}) {
            const QString t = cell(f);
            if (t.isEmpty())
                continue;
            const auto v = ImportValue::amountFen(t, unitOf(f));
            if (!v && unitOf(f) == ImportValue::AmountUnit::Fen && t.contains(QLatin1Char('.'))) {
                badValue(f, CustomerImport::tr("the column is in fen: whole numbers only"));
                return false;
            } else if (!v) {
                badValue(f, CustomerImport::tr("not an amount (e.g. 1,234.56, ¥3,000 or 12.5万)"));
                return false;
            } else if (f == ImportMapping::Aum) {
                c->aumFen = *v;
            } else {
                c->aumHistoryFen.fill(*v);
            }
        }
        return true;
    }

private:
    ImportValue::AmountUnit unitOf(Field f) const
    {
        const int col = m_mapping.columnOf(f);
        return col >= 0 ? m_mapping.units[size_t(col)] : ImportValue::AmountUnit::Yuan;
    }

    void reject(Field f, const QString &reason)
    {
        m_r->rejects.push_back({m_row.line, f == ImportMapping::Ignore ? QString() : ImportMapping::key(f), reason, m_row.cells});
    }

    void badValue(Field f, const QString &what)
    {
        reject(f, CustomerImport::tr("%1 '%2': %3").arg(ImportMapping::displayName(f), cell(f), what));
    }

    // A date column: empty, or a date that is not in the future.
    bool date(Field f, QDate *to)
    {
        const QString t = cell(f);
        if (t.isEmpty())
            return true;
        const auto d = ImportValue::date(t, m_xlsx);
        if (!d) {
            badValue(f, CustomerImport::tr("not a date (use YYYY-MM-DD)"));
            return false;
        }
        if (*d > m_asOf) {
            badValue(f, CustomerImport::tr("in the future"));
            return false;
        }
        *to = *d;
        return true;
    }

    const XlsxReader::Row &m_row;
    const ImportMapping &m_mapping;
    const bool m_xlsx;
    const QDate m_asOf;
    CustomerImport::Result *m_r;
};

} // namespace

bool CustomerImport::checkCustomer(const XlsxReader::Row &row, const ImportMapping &mapping, bool xlsx, QDate asOf,
                                   Customer *c, Result *r)
{
    CustomerRowCheck check(row, mapping, xlsx, asOf, r);
    if (!check.identity(c) || !check.gender(c) || !check.dates(c) || !check.phone(c) || !check.idNumber(c))
        return false;
    c->address = check.cell(ImportMapping::Address);
    c->occupation = check.cell(ImportMapping::Occupation);
    c->employer = check.cell(ImportMapping::Employer);
    c->rmId = check.cell(ImportMapping::RmId);
    if (!check.payroll(c) || !check.amounts(c))
        return false;
    // Without a monthly average, today's balance stands for it (a flat history), so the
    // tier is what the balance says; HQ sync replaces it with the real averages.
    if (mapping.columnOf(ImportMapping::AumMonthAvg) < 0)
        c->aumHistoryFen.fill(c->aumFen);
    c->aumMtdAvgFen = c->aumFen;
    return true;
}

bool CustomerImport::checkWidth(const XlsxReader::Row &row, int width, bool xlsx, Result *r)
{
    if (!xlsx && row.cells.size() < width) {
        // A row cut short (a failed transfer) would read its last value wrongly: 768,750 as 768.
        r->rejects.push_back({row.line, QString(),
                              tr("the row has %1 fields, the header %2: it was cut short").arg(row.cells.size()).arg(width),
                              row.cells});
        return false;
    }
    if (!xlsx && row.cells.size() > width && !std::all_of(row.cells.begin() + width, row.cells.end(),
                                                           [](const QString &c) { return c.trimmed().isEmpty(); })) {
        r->rejects.push_back({row.line, QString(),
                              tr("the row has %1 fields, the header %2: a comma outside quotes?").arg(row.cells.size()).arg(width),
                              row.cells});
        return false;
    }
    return true;
}

bool CustomerImport::checkCustomerRows(const Source &source, const ImportMapping &mapping, QDate asOf, size_t begin,
                                       size_t end, Result *part, const std::atomic_bool &stop,
                                       const std::function<bool(int)> &progress)
{
    const bool xlsx = source.format == QLatin1String("xlsx");
    const int width = int(source.header.size());
    const QString lastMonth = asOf.addMonths(-1).toString(QStringLiteral("yyyy-MM"));
    part->customers.reserve(end - begin);
    part->lines.reserve(end - begin);
    for (size_t i = begin; i < end; ++i) {
        if (((i - begin) % 2000) == 0 && (stop.load() || (progress && !progress(int(i - begin)))))
            return false;
        const XlsxReader::Row &row = source.rows[i];
        if (!checkWidth(row, width, xlsx, part))
            continue;
        Customer c;
        if (!checkCustomer(row, mapping, xlsx, asOf, &c, part))
            continue;
        c.historyEndMonth = lastMonth;
        part->customers.push_back(std::move(c));
        part->lines.push_back(int(i)); // the row's index: its line and cells are found again when merged
    }
    return true;
}

bool CustomerImport::validateCustomersInParallel(const Source &source, const ImportMapping &mapping, Result *r,
                                                 const Progress &progress, QDate asOf)
{
    const size_t total = source.rows.size();
    const size_t threads = size_t(qBound(1, QThread::idealThreadCount(), 8));
    const size_t per = (total + threads - 1) / threads;
    std::vector<Result> parts(threads);
    std::atomic_bool stop{false};
    std::vector<std::thread> workers;
    for (size_t t = 1; t < threads && t * per < total; ++t) {
        workers.emplace_back([&, t] {
            if (!checkCustomerRows(source, mapping, asOf, t * per, std::min(total, (t + 1) * per), &parts[t], stop, {}))
                stop = true;
        });
    }
    // This thread takes the first range and reports progress for all, as if they kept pace.
    const bool done = checkCustomerRows(source, mapping, asOf, 0, std::min(total, per), &parts[0], stop, [&](int rows) {
        return !progress || progress(int(qMin<size_t>(total, size_t(rows) * threads)), int(total));
    });
    if (!done)
        stop = true;
    for (std::thread &w : workers)
        w.join();
    if (stop.load())
        return false;
    // In file order: the first good row of a customer number wins, later ones are duplicates.
    QHash<QString, int> seen; // customer no -> line of its first good row
    seen.reserve(qsizetype(total));
    for (Result &part : parts) {
        for (size_t k = 0; k < part.customers.size(); ++k) {
            Customer &c = part.customers[k];
            const XlsxReader::Row &row = source.rows[size_t(part.lines[k])];
            const int line = row.line;
            const auto dup = seen.constFind(c.customerNo);
            if (dup != seen.constEnd()) {
                r->rejects.push_back({line, ImportMapping::key(ImportMapping::CustomerNo),
                                      tr("duplicate customer number, first on line %1").arg(dup.value()), row.cells});
                continue;
            }
            seen.insert(c.customerNo, line);
            r->customers.push_back(std::move(c));
            r->lines.push_back(line);
        }
        r->rejects.insert(r->rejects.end(), std::make_move_iterator(part.rejects.begin()),
                          std::make_move_iterator(part.rejects.end()));
    }
    return true;
}

bool CustomerImport::validate(const Source &source, const ImportMapping &mapping, Result *out,
                              const Progress &progress, QDate asOf)
{
    Result r;
    r.mapping = mapping;
    r.customers.reserve(source.rows.size());
    r.lines.reserve(source.rows.size());
    QHash<QString, int> seen; // customer no -> line of its first good row
    seen.reserve(qsizetype(source.rows.size()));
    const int total = int(source.rows.size());
    const QString lastMonth = asOf.addMonths(-1).toString(QStringLiteral("yyyy-MM"));
    const bool xlsx = source.format == QLatin1String("xlsx");
    const int width = int(source.header.size());
    const int typeColumn = int(source.header.indexOf(QLatin1String("record_type")));
    const bool holdingsFile = typeColumn < 0 && mapping.isHoldingsFile();
    const int statusColumn = typeColumn >= 0 ? int(source.header.indexOf(QLatin1String("status"))) : -1;
    QHash<QString, int> seenHoldings;
    for (const XlsxReader::Row &m : source.malformed)
        r.rejects.push_back({m.line, QString(),
                             tr("the row cannot be read: a quote opens a field that is not closed where it should be"),
                             m.cells});
    if (typeColumn < 0 && !holdingsFile) {
        if (!validateCustomersInParallel(source, mapping, &r, progress, asOf))
            return false;
        if (progress)
            progress(total, total);
        std::stable_sort(r.rejects.begin(), r.rejects.end(), [](const Reject &a, const Reject &b) { return a.line < b.line; });
        *out = std::move(r);
        return true;
    }

    for (int i = 0; i < total; ++i) {
        const XlsxReader::Row &row = source.rows[size_t(i)];
        auto reject = [&](ImportMapping::Field f, const QString &reason) {
            r.rejects.push_back({row.line, f == ImportMapping::Ignore ? QString() : ImportMapping::key(f), reason,
                                 row.cells});
        };
        if (progress && (i % 5000) == 0 && !progress(i, total))
            return false;
        if (!checkWidth(row, width, xlsx, &r))
            continue;

        const QString type = typeColumn >= 0 && typeColumn < row.cells.size() ? row.cells.at(typeColumn).trimmed() : QString();
        if (holdingsFile || type == QLatin1String("holding")) {
            checkHolding(row, mapping, xlsx, statusColumn, &seenHoldings, &r);
            continue;
        }
        if (type == QLatin1String("staff")) {
            checkStaff(row, source.header, &r);
            continue;
        }
        if (typeColumn >= 0 && type != QLatin1String("customer")) {
            r.rejects.push_back({row.line, QStringLiteral("record_type"),
                                 tr("record_type must be staff, customer or holding"), row.cells});
            continue;
        }

        Customer c;
        if (!checkCustomer(row, mapping, xlsx, asOf, &c, &r))
            continue;
        c.historyEndMonth = lastMonth;

        const auto dup = seen.constFind(c.customerNo);
        if (dup != seen.constEnd()) {
            reject(ImportMapping::CustomerNo, tr("duplicate customer number, first on line %1").arg(dup.value()));
            continue;
        }
        seen.insert(c.customerNo, row.line);
        r.customers.push_back(std::move(c));
        r.lines.push_back(row.line);
    }
    if (progress)
        progress(total, total);
    std::stable_sort(r.rejects.begin(), r.rejects.end(), [](const Reject &a, const Reject &b) { return a.line < b.line; });
    *out = std::move(r);
    return true;
}

bool CustomerImport::writeRejects(const Source &source, const std::vector<Reject> &rejects, const QString &path,
                                  QString *error)
{
    // Rejected rows hold names, phones and ID numbers: owner-only from the first byte.
    QFile::remove(path);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    QByteArray out("\xEF\xBB\xBF");
    auto line = [&](const QStringList &cells) {
        QString s;
        for (int i = 0; i < cells.size(); ++i) {
            if (i)
                s += QLatin1Char(',');
            s += SpreadsheetCell::csvField(SpreadsheetCell::escapeFormula(cells.at(i)));
        }
        s += QLatin1String("\r\n");
        out += s.toUtf8();
    };
    line({tr("This file holds customers' personal data (names, phone and ID numbers): keep it on this computer "
             "and delete it once the rows are corrected.")});
    line(QStringList{tr("line"), tr("field"), tr("reason")} + source.header);
    for (const Reject &r : rejects)
        line(QStringList{QString::number(r.line), r.field, r.reason} + r.cells);
    if (f.write(out) != out.size() || !f.flush()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        f.close();
        QFile::remove(path);
        return false;
    }
    return true;
}
