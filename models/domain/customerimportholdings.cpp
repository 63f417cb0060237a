// The holding and staff rows of an import: HQ's extract (record_type holding /
// staff) and a branch's own maturity list (定期/理财/保险 到期清单).
#include "customerimport.h"

#include <QCryptographicHash>

namespace {

// 产品类型 as branches write it, or the extract's key; else guessed from the product's name.
std::optional<Holding::ProductType> productType(const QString &text, const QString &productName)
{
    Holding::ProductType t;
    if (Holding::productTypeFromKey(text, &t))
        return t;
    const struct
    {
        const char16_t *word;
        Holding::ProductType type;
    } words[] = {
        {u"定期", Holding::ProductType::TimeDeposit}, {u"大额存单", Holding::ProductType::TimeDeposit},
        {u"存单", Holding::ProductType::TimeDeposit},   {u"理财", Holding::ProductType::Wealth},
        {u"基金", Holding::ProductType::Fund},          {u"保险", Holding::ProductType::Insurance},
        {u"保单", Holding::ProductType::Insurance},     {u"贵金属", Holding::ProductType::PreciousMetal},
        {u"黄金", Holding::ProductType::PreciousMetal}, {u"活期", Holding::ProductType::DemandDeposit},
    };
    for (const QString &s : {text, text.isEmpty() ? productName : QString()}) {
        for (const auto &w : words) {
            if (!s.isEmpty() && s.contains(QString::fromUtf16(w.word)))
                return w.type;
        }
    }
    return std::nullopt;
}

// A maturity list has no holding id: one made from what identifies the product, so importing
// the same list again updates rather than duplicates.
QString derivedHoldingId(const Holding &h)
{
    const QByteArray key = (h.customerNo + QLatin1Char('|') + h.productName + QLatin1Char('|')
                            + h.openDate.toString(Qt::ISODate) + QLatin1Char('|') + h.maturityDate.toString(Qt::ISODate))
                               .toUtf8();
    return QStringLiteral("F-") + h.customerNo + QLatin1Char('-')
           + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(12));
}

} // namespace

void CustomerImport::checkHolding(const XlsxReader::Row &row, const ImportMapping &mapping, bool xlsx,
                                  int statusColumn, QHash<QString, int> *seen, Result *r)
{
    auto cell = [&](ImportMapping::Field f) -> QString {
        const int c = mapping.columnOf(f);
        return c >= 0 && c < row.cells.size() ? row.cells.at(c).trimmed() : QString();
    };
    auto reject = [&](ImportMapping::Field f, const QString &reason) {
        r->rejects.push_back({row.line, ImportMapping::key(f), reason, row.cells});
    };
    auto badValue = [&](ImportMapping::Field f, const QString &what) {
        reject(f, tr("%1 '%2': %3").arg(ImportMapping::displayName(f), cell(f), what));
    };
    const bool fromExtract = !mapping.isHoldingsFile();
    Holding h;
    h.customerNo = cell(ImportMapping::CustomerNo);
    h.productName = cell(ImportMapping::ProductName);
    if (h.customerNo.isEmpty())
        return reject(ImportMapping::CustomerNo, tr("the customer number is missing"));
    if (h.productName.isEmpty())
        return reject(ImportMapping::ProductName, tr("the product name is missing"));
    const auto type = productType(cell(ImportMapping::ProductType), h.productName);
    if (!type)
        return badValue(ImportMapping::ProductType, tr("not 定期, 理财, 基金, 保险, 贵金属 or 活期"));
    h.productType = *type;
    const QString amount = cell(ImportMapping::Amount);
    const int amountColumn = mapping.columnOf(ImportMapping::Amount);
    const auto fen = ImportValue::amountFen(amount, amountColumn >= 0 ? mapping.units[size_t(amountColumn)]
                                                                      : ImportValue::AmountUnit::Yuan);
    if (!fen)
        return badValue(ImportMapping::Amount, tr("not an amount (e.g. 1,234.56, ¥3,000 or 12.5万)"));
    h.amountFen = *fen;
    for (auto [field, to] : {std::pair{ImportMapping::OpenDate, &h.openDate}, std::pair{ImportMapping::MaturityDate, &h.maturityDate}}) {
        const QString t = cell(field);
        if (t.isEmpty())
            continue;
        const auto d = ImportValue::date(t, xlsx);
        if (!d)
            return badValue(field, tr("not a date (use YYYY-MM-DD)"));
        *to = *d;
    }
    if (!fromExtract && !h.maturityDate.isValid())
        return reject(ImportMapping::MaturityDate, tr("the maturity date is missing"));
    if (h.openDate.isValid() && h.maturityDate.isValid() && h.maturityDate < h.openDate)
        return reject(ImportMapping::MaturityDate, tr("the maturity date is before the value date"));
    if (fromExtract) {
        // HQ's status (matured, closed) travels as it is; a maturity list's rows are active.
        const int c = statusColumn;
        if (c >= 0 && c < row.cells.size() && !row.cells.at(c).trimmed().isEmpty() && !Holding::statusFromKey(row.cells.at(c).trimmed(), &h.status))
            return reject(ImportMapping::HoldingId, tr("status must be active, matured or closed"));
    }
    h.holdingId = cell(ImportMapping::HoldingId);
    if (h.holdingId.isEmpty()) {
        if (fromExtract)
            return reject(ImportMapping::HoldingId, tr("the holding id is missing"));
        h.holdingId = derivedHoldingId(h);
    }
    const auto dup = seen->constFind(h.holdingId);
    if (dup != seen->constEnd())
        return reject(ImportMapping::HoldingId, tr("the same holding as on line %1").arg(dup.value()));
    seen->insert(h.holdingId, row.line);
    r->holdings.push_back(std::move(h));
    r->holdingLines.push_back(row.line);
}

void CustomerImport::checkStaff(const XlsxReader::Row &row, const QStringList &header, Result *r)
{
    auto value = [&](const char *column) {
        const qsizetype c = header.indexOf(QLatin1String(column));
        return c >= 0 && c < row.cells.size() ? row.cells.at(c).trimmed() : QString();
    };
    Staff s;
    s.staffId = value("staff_id");
    s.name = value("staff_name");
    const QString role = value("staff_role");
    if (s.staffId.isEmpty() || s.name.isEmpty()) {
        r->rejects.push_back({row.line, QStringLiteral("staff_id"), tr("a staff row needs staff_id and staff_name"), row.cells});
        return;
    }
    if (role != QLatin1String("rm") && role != QLatin1String("manager")) {
        r->rejects.push_back({row.line, QStringLiteral("staff_role"), tr("staff_role must be rm or manager"), row.cells});
        return;
    }
    s.role = role == QLatin1String("manager") ? Staff::Role::Manager : Staff::Role::RelationshipManager;
    r->staff.push_back(std::move(s));
}
