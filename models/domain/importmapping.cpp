#include "importmapping.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>

namespace {

const char *const kKeys[ImportMapping::FieldCount] = {
    "customer_no", "name", "gender", "birth_date", "phone", "id_number", "address", "occupation",
    "employer", "rm_id", "aum", "aum_month_avg", "opened_on", "last_activity", "payroll",
    "holding_id", "product_name", "product_type", "amount", "open_date", "maturity_date",
};

ImportValue::AmountUnit unitOfHeader(const QString &header)
{
    if (header.contains(QStringLiteral("万")))
        return ImportValue::AmountUnit::TenThousandYuan;
    if (header.endsWith(QLatin1String("_fen"), Qt::CaseInsensitive) || header.contains(QStringLiteral("分)"))
        || header.contains(QStringLiteral("分）")))
        return ImportValue::AmountUnit::Fen;
    return ImportValue::AmountUnit::Yuan;
}

QString unitKey(ImportValue::AmountUnit u)
{
    switch (u) {
    case ImportValue::AmountUnit::TenThousandYuan:
        return QStringLiteral("wan");
    case ImportValue::AmountUnit::Fen:
        return QStringLiteral("fen");
    case ImportValue::AmountUnit::Yuan:
        break;
    }
    return QStringLiteral("yuan");
}

// The header names recognised per field, normalised (normalizedHeader()); the first Chinese
// name is the field's own name (guess() is surest of it).
struct FieldAliases
{
    ImportMapping::Field field;
    const char16_t *names[12]; // null-terminated
};

const FieldAliases kAliases[] = {
    {ImportMapping::CustomerNo, {u"客户号", u"客户编号", u"客户号码", u"核心客户号", u"客户id", u"客户代码", u"customerno",
                                 u"customernumber", u"custno", u"customerid", u"clientno"}},
    {ImportMapping::Name, {u"姓名", u"客户姓名", u"客户名称", u"客户名", u"户名", u"name", u"customername", u"fullname"}},
    {ImportMapping::Gender, {u"性别", u"gender", u"sex"}},
    {ImportMapping::BirthDate, {u"出生日期", u"生日", u"出生年月日", u"birthdate", u"dateofbirth", u"dob", u"birthday"}},
    {ImportMapping::Phone, {u"手机", u"手机号", u"手机号码", u"联系电话", u"电话", u"联系方式", u"phone", u"mobile", u"mobilephone",
                            u"tel", u"telephone"}},
    {ImportMapping::IdNumber, {u"身份证号", u"身份证号码", u"证件号", u"证件号码", u"身份证", u"idnumber", u"idcard", u"idcardnumber",
                               u"idno"}},
    {ImportMapping::Address, {u"地址", u"联系地址", u"住址", u"家庭住址", u"通讯地址", u"address"}},
    {ImportMapping::Occupation, {u"职业", u"occupation", u"job"}},
    {ImportMapping::Employer, {u"代发单位", u"工作单位", u"单位", u"employer"}},
    {ImportMapping::RmId, {u"客户经理", u"客户经理工号", u"理财经理", u"管户经理", u"管户人", u"rm", u"rmid", u"relationshipmanager"}},
    {ImportMapping::Aum, {u"金融资产", u"资产", u"资产余额", u"时点余额", u"当前余额", u"金融资产余额", u"aum", u"aumfen", u"balance"}},
    {ImportMapping::AumMonthAvg, {u"月日均", u"上月日均", u"月日均资产", u"月均资产", u"aummonthavg", u"monthlyaverage", u"aumavg"}},
    {ImportMapping::OpenedOn, {u"开户日期", u"开户日", u"建立关系日期", u"openedon", u"opendate", u"customersince"}},
    {ImportMapping::LastActivity, {u"最近交易日期", u"最后交易日期", u"最近交易日", u"lastactivity", u"lasttransaction"}},
    {ImportMapping::Payroll, {u"代发", u"是否代发", u"代发工资", u"payroll"}},
    {ImportMapping::HoldingId, {u"产品账号", u"合约号", u"持仓编号", u"子账号", u"holdingid"}},
    {ImportMapping::ProductName, {u"产品名称", u"产品名", u"产品", u"productname"}},
    {ImportMapping::ProductType, {u"产品类型", u"产品类别", u"业务类型", u"producttype"}},
    {ImportMapping::Amount, {u"金额", u"持有金额", u"本金", u"产品金额", u"amount", u"amountfen"}},
    {ImportMapping::OpenDate, {u"起息日", u"起息日期", u"购买日期", u"存入日期", u"opendate"}},
    {ImportMapping::MaturityDate, {u"到期日", u"到期日期", u"maturitydate", u"maturity"}},
};

} // namespace

QString ImportMapping::key(Field field)
{
    return field >= 0 && field < FieldCount ? QString::fromLatin1(kKeys[field]) : QStringLiteral("ignore");
}

ImportMapping::Field ImportMapping::fromKey(const QString &key)
{
    for (int f = 0; f < FieldCount; ++f) {
        if (key == QLatin1String(kKeys[f]))
            return Field(f);
    }
    return Ignore;
}

QString ImportMapping::displayName(Field field)
{
    switch (field) {
    case CustomerNo: return tr("Customer no.");
    case Name: return tr("Name");
    case Gender: return tr("Gender");
    case BirthDate: return tr("Date of birth");
    case Phone: return tr("Phone");
    case IdNumber: return tr("ID card number");
    case Address: return tr("Address");
    case Occupation: return tr("Occupation");
    case Employer: return tr("Payroll employer");
    case RmId: return tr("RM (staff id)");
    case Aum: return tr("AUM");
    case AumMonthAvg: return tr("Monthly average AUM");
    case OpenedOn: return tr("Customer since");
    case LastActivity: return tr("Last transaction");
    case Payroll: return tr("Payroll customer");
    case HoldingId: return tr("Holding id");
    case ProductName: return tr("Product name");
    case ProductType: return tr("Product type");
    case Amount: return tr("Amount");
    case OpenDate: return tr("Value date");
    case MaturityDate: return tr("Maturity date");
    case Ignore:
    case FieldCount:
        break;
    }
    return tr("(ignore)");
}

QString ImportMapping::normalizedHeader(const QString &header)
{
    QString s = header.trimmed().toLower();
    // Drop a bracketed unit: "资产(万元)", "AUM（元）", "aum [cny]".
    for (const auto &[open, close] : {std::pair{u'(', u')'}, std::pair{u'（', u'）'}, std::pair{u'[', u']'}}) {
        const qsizetype a = s.indexOf(QChar(open));
        const qsizetype b = s.indexOf(QChar(close));
        if (a >= 0 && b > a)
            s.remove(a, b - a + 1);
    }
    s.remove(QLatin1Char(' ')).remove(QLatin1Char('_')).remove(QLatin1Char('-')).remove(QLatin1Char('.'));
    if (s.startsWith(QChar(0xFEFF)))
        s.remove(0, 1);
    return s;
}

QStringList ImportMapping::aliases(Field field)
{
    QStringList a;
    for (const FieldAliases &f : kAliases) {
        if (f.field != field)
            continue;
        for (const char16_t *const *n = f.names; *n; ++n)
            a << QString::fromUtf16(*n);
        break;
    }
    return a;
}

ImportMapping ImportMapping::guess(const QStringList &header)
{
    // Per column: the field its name means, and how sure: 0 = the field's own name (its key,
    // "opened_on", or its first Chinese name), 1 = an alias ("open_date" also means opened_on).
    ImportMapping m;
    std::vector<std::pair<Field, int>> match;
    for (const QString &h : header) {
        QString raw = h.trimmed().toLower();
        if (raw.startsWith(QChar(0xFEFF)))
            raw.remove(0, 1);
        const QString n = normalizedHeader(h);
        std::pair<Field, int> found{Ignore, 2};
        for (int f = 0; f < FieldCount && found.first == Ignore; ++f) {
            if (raw == key(Field(f)) || raw == aliases(Field(f)).constFirst())
                found = {Field(f), 0};
        }
        for (int f = 0; f < FieldCount && found.first == Ignore; ++f) {
            if (aliases(Field(f)).contains(n))
                found = {Field(f), 1};
        }
        match.push_back(found);
        m.columns.push_back(Ignore);
        m.units.push_back(unitOfHeader(h));
    }
    // Each field feeds from one column: the surest; two equally sure columns are an ambiguity,
    // reported and left unmapped rather than one of them silently chosen.
    for (int f = 0; f < FieldCount; ++f) {
        std::vector<int> best;
        int bestRank = 2;
        for (size_t c = 0; c < match.size(); ++c) {
            if (match[c].first != Field(f) || match[c].second > bestRank)
                continue;
            if (match[c].second < bestRank)
                best.clear();
            bestRank = match[c].second;
            best.push_back(int(c));
        }
        if (best.size() == 1)
            m.columns[size_t(best.front())] = Field(f);
        else if (best.size() > 1)
            m.ambiguous.push_back({Field(f), best});
    }
    return m;
}

int ImportMapping::columnOf(Field field) const
{
    for (size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == field)
            return int(i);
    }
    return -1;
}

QList<ImportMapping::Field> ImportMapping::missingRequired() const
{
    QList<Field> missing;
    const QList<Field> required = isHoldingsFile() ? QList<Field>{CustomerNo, ProductName, Amount, MaturityDate}
                                                   : QList<Field>{CustomerNo, Name};
    for (Field f : required) {
        if (columnOf(f) < 0)
            missing << f;
    }
    return missing;
}

void ImportMapping::set(int column, Field field)
{
    if (column < 0 || column >= int(columns.size()))
        return;
    if (field != Ignore) {
        for (Field &f : columns) {
            if (f == field)
                f = Ignore; // a field has one source column
        }
        std::erase_if(ambiguous, [&](const Ambiguity &a) { return a.field == field; });
    }
    columns[size_t(column)] = field;
}

bool ImportMapping::load(const QString &path, const QStringList &header, ImportMapping *out, QString *error)
{
    const QString where = QDir::toNativeSeparators(path);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the mapping file %1: %2").arg(where, f.errorString());
        return false;
    }
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("%1, offset %2: not a JSON object (%3)").arg(where).arg(pe.offset).arg(pe.errorString());
        return false;
    }
    const QJsonObject cols = doc.object().value(QLatin1String("columns")).toObject();
    const QJsonObject units = doc.object().value(QLatin1String("amount_units")).toObject();
    // The file adds to what the header says; it does not switch recognition off.
    ImportMapping m = guess(header);
    for (auto it = cols.begin(); it != cols.end(); ++it) {
        const int column = int(header.indexOf(it.key()));
        if (column < 0) {
            *error = tr("%1: column '%2' is not in the file's header").arg(where, it.key());
            return false;
        }
        const QString fieldKey = it.value().toString();
        const Field field = fromKey(fieldKey);
        if (field == Ignore && fieldKey != QLatin1String("ignore")) {
            *error = tr("%1: '%2' is not a customer field (column '%3')").arg(where, fieldKey, it.key());
            return false;
        }
        m.set(column, field);
        m.units[size_t(column)] = unitOfHeader(it.key());
        std::erase_if(m.ambiguous, [&](const Ambiguity &a) {
            return a.field == field || std::find(a.columns.begin(), a.columns.end(), column) != a.columns.end();
        });
    }
    for (auto it = units.begin(); it != units.end(); ++it) {
        const int column = int(header.indexOf(it.key()));
        const QString u = it.value().toString();
        if (column < 0 || (u != QLatin1String("yuan") && u != QLatin1String("wan") && u != QLatin1String("fen"))) {
            *error = tr("%1: bad amount unit '%2' for column '%3' (yuan, wan or fen)").arg(where, u, it.key());
            return false;
        }
        m.units[size_t(column)] = u == QLatin1String("wan")   ? AmountUnit::TenThousandYuan
                                  : u == QLatin1String("fen") ? AmountUnit::Fen
                                                              : AmountUnit::Yuan;
    }
    *out = m;
    return true;
}

QStringList ImportMapping::columnNames(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("columns")).toObject().keys();
}

bool ImportMapping::save(const QString &path, const QStringList &header, QString *error) const
{
    QJsonObject cols, units;
    for (size_t i = 0; i < columns.size() && i < size_t(header.size()); ++i) {
        cols.insert(header.at(qsizetype(i)), key(columns[i]));
        if (isAmount(columns[i]))
            units.insert(header.at(qsizetype(i)), unitKey(this->units[i]));
    }
    QJsonObject root;
    root.insert(QLatin1String("columns"), cols);
    root.insert(QLatin1String("amount_units"), units);
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    f.write(QJsonDocument(root).toJson());
    if (!f.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}
