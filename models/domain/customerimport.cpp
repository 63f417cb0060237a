#include "customerimport.h"

#include "csvreader.h"
#include "idcardnumber.h"
#include "spreadsheetcell.h"
#include "textdecoding.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>

namespace {

constexpr qint64 kMaxFileBytes = 1024LL * 1024 * 1024;

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

bool CustomerImport::read(const QString &path, Source *out, QString *error)
{
    Source s;
    s.path = path;
    const QString where = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(where, file.errorString());
        return false;
    }
    if (file.size() > kMaxFileBytes) {
        *error = tr("%1 is larger than 1 GB; split it").arg(where);
        return false;
    }
    const QByteArray head = file.peek(4);
    std::vector<XlsxReader::Row> all;
    if (head.startsWith("\xD0\xCF\x11\xE0")) {
        // An OLE compound file: Excel 97-2003 .xls, or an .xlsx saved with a password.
        *error = tr("%1 is an old Excel .xls file or a password-protected workbook: open it in Excel or WPS "
                    "and save it as an Excel workbook (.xlsx) without a password, or as CSV")
                     .arg(where);
        return false;
    }
    if (head.startsWith("PK\x03\x04")) {
        file.close();
        s.format = QStringLiteral("xlsx");
        if (!XlsxReader::read(path, &all, error))
            return false;
    } else {
        s.format = QStringLiteral("csv");
        const QByteArray bytes = file.readAll();
        TextDecoding::Encoding enc;
        const QString text = TextDecoding::decode(bytes, &enc);
        s.encoding = TextDecoding::name(enc);
        QByteArray utf8 = text.toUtf8();
        QBuffer buffer(&utf8);
        buffer.open(QIODevice::ReadOnly);
        CsvReader csv(&buffer);
        QStringList fields;
        while (csv.next(&fields)) {
            bool blank = true;
            for (const QString &f : std::as_const(fields))
                blank = blank && f.trimmed().isEmpty();
            if (!blank)
                all.push_back({csv.line(), fields});
        }
        if (!csv.error().isEmpty()) {
            *error = tr("%1: %2").arg(where, csv.error());
            return false;
        }
    }
    if (all.empty()) {
        *error = tr("%1 is empty: no header row").arg(where);
        return false;
    }
    s.headerLine = all.front().line;
    s.header = all.front().cells;
    for (QString &h : s.header)
        h = h.trimmed();
    all.erase(all.begin());
    s.rows = std::move(all);
    *out = std::move(s);
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

    for (int i = 0; i < total; ++i) {
        const XlsxReader::Row &row = source.rows[size_t(i)];
        auto cell = [&](ImportMapping::Field f) -> QString {
            const int c = mapping.columnOf(f);
            return c >= 0 && c < row.cells.size() ? row.cells.at(c).trimmed() : QString();
        };
        auto unitOf = [&](ImportMapping::Field f) {
            const int c = mapping.columnOf(f);
            return c >= 0 ? mapping.units[size_t(c)] : ImportValue::AmountUnit::Yuan;
        };
        auto reject = [&](ImportMapping::Field f, const QString &reason) {
            r.rejects.push_back({row.line, f == ImportMapping::Ignore ? QString() : ImportMapping::key(f), reason,
                                 row.cells});
        };
        auto badValue = [&](ImportMapping::Field f, const QString &what) {
            reject(f, tr("%1 '%2': %3").arg(ImportMapping::displayName(f), cell(f), what));
        };
        if (progress && (i % 5000) == 0 && !progress(i, total))
            return false;

        Customer c;
        c.customerNo = cell(ImportMapping::CustomerNo);
        c.name = cell(ImportMapping::Name);
        if (c.customerNo.isEmpty()) {
            reject(ImportMapping::CustomerNo, tr("the customer number is missing"));
            continue;
        }
        if (!validCustomerNo(c.customerNo)) {
            badValue(ImportMapping::CustomerNo, tr("only letters, digits and '-', at most 32"));
            continue;
        }
        if (c.name.isEmpty()) {
            reject(ImportMapping::Name, tr("the name is missing"));
            continue;
        }
        if (c.name.size() > 50) {
            reject(ImportMapping::Name, tr("the name is longer than 50 characters"));
            continue;
        }
        if (const QString g = cell(ImportMapping::Gender); !g.isEmpty()) {
            const auto v = ImportValue::gender(g);
            if (!v) {
                badValue(ImportMapping::Gender, tr("not 男/女 or M/F"));
                continue;
            }
            c.gender = *v == QLatin1Char('M') ? Customer::Gender::Male : Customer::Gender::Female;
        }
        bool bad = false;
        auto readDate = [&](ImportMapping::Field f, QDate *to) {
            const QString t = cell(f);
            if (bad || t.isEmpty())
                return;
            const auto d = ImportValue::date(t);
            if (!d) {
                badValue(f, tr("not a date (use YYYY-MM-DD)"));
                bad = true;
            } else if (*d > asOf) {
                badValue(f, tr("in the future"));
                bad = true;
            } else {
                *to = *d;
            }
        };
        readDate(ImportMapping::BirthDate, &c.birthDate);
        readDate(ImportMapping::OpenedOn, &c.openedOn);
        readDate(ImportMapping::LastActivity, &c.lastActivity);
        if (bad)
            continue;
        if (const QString p = cell(ImportMapping::Phone); !p.isEmpty()) {
            const auto v = ImportValue::phone(p);
            if (!v) {
                reject(ImportMapping::Phone, tr("%1: not a mainland mobile or landline number")
                                                 .arg(ImportMapping::displayName(ImportMapping::Phone)));
                continue;
            }
            c.phone = *v;
        }
        if (const QString id = cell(ImportMapping::IdNumber); !id.isEmpty()) {
            // The reason never repeats the number itself: rejects files get passed around.
            switch (IdCardNumber::check(id)) {
            case IdCardNumber::Problem::None:
                break;
            case IdCardNumber::Problem::Length:
                reject(ImportMapping::IdNumber, tr("ID card number: not 18 characters"));
                continue;
            case IdCardNumber::Problem::Characters:
                reject(ImportMapping::IdNumber, tr("ID card number: only digits and a final X"));
                continue;
            case IdCardNumber::Problem::BirthDate:
                reject(ImportMapping::IdNumber, tr("ID card number: the birth date in it is not a date"));
                continue;
            case IdCardNumber::Problem::CheckDigit:
                reject(ImportMapping::IdNumber, tr("ID card number: wrong check digit (GB 11643)"));
                continue;
            }
            c.idNumber = IdCardNumber::normalized(id);
            const QDate fromId = IdCardNumber::birthDate(c.idNumber);
            if (c.birthDate.isValid() && c.birthDate != fromId) {
                reject(ImportMapping::BirthDate, tr("Date of birth differs from the one in the ID card number"));
                continue;
            }
            if (!c.birthDate.isValid())
                c.birthDate = fromId;
        }
        c.address = cell(ImportMapping::Address);
        c.occupation = cell(ImportMapping::Occupation);
        c.employer = cell(ImportMapping::Employer);
        c.rmId = cell(ImportMapping::RmId);
        if (const QString p = cell(ImportMapping::Payroll); !p.isEmpty()) {
            const auto v = ImportValue::flag(p);
            if (!v) {
                badValue(ImportMapping::Payroll, tr("not 是/否 or 1/0"));
                continue;
            }
            c.payroll = *v;
        }
        for (ImportMapping::Field f : {ImportMapping::Aum, ImportMapping::AumMonthAvg}) {
            const QString t = cell(f);
            if (bad || t.isEmpty())
                continue;
            const auto v = ImportValue::amountFen(t, unitOf(f));
            if (!v) {
                badValue(f, tr("not an amount (e.g. 1,234.56 or 12.5万)"));
                bad = true;
            } else if (f == ImportMapping::Aum) {
                c.aumFen = *v;
            } else {
                c.aumHistoryFen.fill(*v);
            }
        }
        if (bad)
            continue;
        // Without a monthly average, today's balance stands for it (a flat history), so the
        // tier is what the balance says; HQ sync replaces it with the real averages.
        if (mapping.columnOf(ImportMapping::AumMonthAvg) < 0)
            c.aumHistoryFen.fill(c.aumFen);
        c.aumMtdAvgFen = c.aumFen;
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
    *out = std::move(r);
    return true;
}

bool CustomerImport::writeRejects(const Source &source, const std::vector<Reject> &rejects, const QString &path,
                                  QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
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
    line(QStringList{tr("line"), tr("field"), tr("reason")} + source.header);
    for (const Reject &r : rejects)
        line(QStringList{QString::number(r.line), r.field, r.reason} + r.cells);
    f.write(out);
    if (!f.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}
