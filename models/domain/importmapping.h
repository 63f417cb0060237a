#pragma once

#include "importvalue.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <vector>

// Which column of an imported file feeds which customer field. Guessed from
// the header row (Chinese and English names, see docs/data-formats.md), shown
// for correction in the import wizard, or read from a mapping file
// (JSON: {"columns": {"<header>": "<field key>"}, "amount_units": {"<header>": "yuan|wan|fen"}}).
class ImportMapping
{
    Q_DECLARE_TR_FUNCTIONS(ImportMapping)
public:
    enum Field : int {
        Ignore = -1,
        CustomerNo = 0,
        Name,
        Gender,
        BirthDate,
        Phone,
        IdNumber,
        Address,
        Occupation,
        Employer,
        RmId,
        Aum,
        AumMonthAvg,
        OpenedOn,
        LastActivity,
        Payroll,
        // A holding (HQ's extract, or a branch's maturity list: 定期/理财/保险 到期清单).
        HoldingId,
        ProductName,
        ProductType,
        Amount,
        OpenDate,
        MaturityDate,
        FieldCount
    };
    using AmountUnit = ImportValue::AmountUnit;

    static QString key(Field field);            // customer_no, name, ... (mapping files, rejects)
    static Field fromKey(const QString &key);   // Ignore when unknown
    static QString displayName(Field field);    // translated
    static QStringList aliases(Field field);    // header names recognised, normalised
    static bool isRequired(Field field) { return field == CustomerNo || field == Name; }
    static bool isAmount(Field field) { return field == Aum || field == AumMonthAvg || field == Amount; }
    // Lower-case, without spaces, underscores, hyphens or a bracketed unit.
    static QString normalizedHeader(const QString &header);

    // A column named exactly as a field (its key or first Chinese name) beats an alias; two
    // equally good columns for one field leave it unmapped and listed in `ambiguous`.
    static ImportMapping guess(const QStringList &header);
    // Applies a mapping file on top of guess(header); false with *error naming the file and the problem.
    static bool load(const QString &path, const QStringList &header, ImportMapping *out, QString *error);
    // The column names a mapping file speaks of (to find the header under title rows); empty
    // when it cannot be read (load() then says why).
    static QStringList columnNames(const QString &path);
    bool save(const QString &path, const QStringList &header, QString *error) const;

    int columnOf(Field field) const;
    QList<Field> missingRequired() const;
    // A file of holdings for customers already in the store: no name column, but a product or
    // maturity column (customer no, product name, amount and maturity date are then required).
    bool isHoldingsFile() const { return columnOf(Name) < 0 && (columnOf(ProductName) >= 0 || columnOf(MaturityDate) >= 0); }
    void set(int column, Field field);

    std::vector<Field> columns;     // one per source column
    std::vector<AmountUnit> units;  // one per source column; meaningful for amount fields
    struct Ambiguity
    {
        Field field;
        std::vector<int> columns; // equally good names for `field`: none of them is used
    };
    std::vector<Ambiguity> ambiguous;
};
