#pragma once

#include "customer.h"

#include <QStringList>

#include <span>

// Issue 13: the customer entity's one registration. Each line is one column of the store's
// customer table and of the sync page payload (same name), with its SQL type, the schema
// version that added it, its extract CSV header (docs/data-formats.md) and the Customer
// field it reads and writes. From this table come the customer table's CREATE statement
// (SchemaMigrations, version 1) and its later ADD COLUMNs, the INSERT and SELECT of
// BranchRepository and CustomerImportRepository, the payload columns (SyncEntities), the
// extract's customer columns (ExtractCsv) and their checks (ExtractRecords).
//
// Adding a column: a Customer field, one line at the end of kCustomerColumns with `since` =
// the next schema version, and that version's step in schemamigrations.cpp (which adds the
// columns registered with its number) with kSchemaVersion bumped. docs/data-formats.md,
// "The customer registry".
struct CustomerColumn
{
    // How a value is stored, sent and checked; each kind names the Customer field it uses.
    enum class Kind : quint8 {
        Key,          // text: the customer number (required)
        Name,         // text, required and not empty in an extract
        Text,         // text; an empty extract value stays ''
        OptionalText, // text; empty is NULL (store and payload)
        Phone,        // text; an extract value is checked and kept as its digits
        IdNumber,     // text; an extract value is checked (GB 11643) and kept as 18 characters
        Gender,       // 'M', 'F' or NULL (Customer::gender)
        Date,         // ISO YYYY-MM-DD or NULL
        Flag,         // 0 or 1
        Count,        // whole number, not negative
        Money,        // fen, not negative; an extract may write 1,234 or ¥5,000 / 1.5万
        SignedMoney,  // fen, may be negative
        Month,        // YYYY-MM or NULL (Customer::historyEndMonth)
        History,      // monthly averages, comma-separated in the store, ';' in an extract
        Masked,       // NULL, or the masked copy's tier (Customer::masked, maskedTier)
    };

    const char *name;          // store column and payload key
    const char *sql;           // type and constraints, as in CREATE TABLE / ADD COLUMN
    int since;                 // the schema version that added it (1: the first customer table)
    const char *csv;           // extract CSV header; nullptr: not in the extract
    Kind kind;
    QString Customer::*text = nullptr; // Key, Name, Text, OptionalText, Phone, IdNumber, Month
    QDate Customer::*date = nullptr;   // Date
    bool Customer::*flag = nullptr;    // Flag
    int Customer::*count = nullptr;    // Count
    qint64 Customer::*money = nullptr; // Money, SignedMoney
};

// Order is the table's column order: new columns go at the end.
using CustomerKind = CustomerColumn::Kind;
inline constexpr CustomerColumn kCustomerColumns[] = {
    {.name = "customer_no", .sql = "TEXT PRIMARY KEY", .since = 1, .csv = "customer_no", .kind = CustomerKind::Key,
     .text = &Customer::customerNo},
    {.name = "name", .sql = "TEXT NOT NULL", .since = 1, .csv = "name", .kind = CustomerKind::Name,
     .text = &Customer::name},
    {.name = "gender", .sql = "TEXT CHECK (gender IN ('M', 'F'))", .since = 1, .csv = "gender",
     .kind = CustomerKind::Gender},
    {.name = "birth_date", .sql = "TEXT", .since = 1, .csv = "birth_date", .kind = CustomerKind::Date,
     .date = &Customer::birthDate},
    {.name = "phone", .sql = "TEXT", .since = 1, .csv = "phone", .kind = CustomerKind::Phone, .text = &Customer::phone},
    {.name = "id_number", .sql = "TEXT", .since = 1, .csv = "id_number", .kind = CustomerKind::IdNumber,
     .text = &Customer::idNumber},
    {.name = "address", .sql = "TEXT", .since = 1, .csv = "address", .kind = CustomerKind::Text,
     .text = &Customer::address},
    {.name = "occupation", .sql = "TEXT", .since = 1, .csv = "occupation", .kind = CustomerKind::Text,
     .text = &Customer::occupation},
    {.name = "employer", .sql = "TEXT", .since = 1, .csv = "employer", .kind = CustomerKind::Text,
     .text = &Customer::employer},
    {.name = "payroll", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "payroll", .kind = CustomerKind::Flag,
     .flag = &Customer::payroll},
    {.name = "credit_card_active", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "credit_card_active",
     .kind = CustomerKind::Flag, .flag = &Customer::creditCardActive},
    {.name = "loan_start_date", .sql = "TEXT", .since = 1, .csv = "loan_start_date", .kind = CustomerKind::Date,
     .date = &Customer::loanStartDate},
    {.name = "corporate_executive", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "corporate_executive",
     .kind = CustomerKind::Flag, .flag = &Customer::corporateExecutive},
    {.name = "mb_logins_90d", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "mb_logins_90d",
     .kind = CustomerKind::Count, .count = &Customer::mobileLogins90d},
    {.name = "txn_90d", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "txn_90d", .kind = CustomerKind::Count,
     .count = &Customer::transactions90d},
    {.name = "last_activity", .sql = "TEXT", .since = 1, .csv = "last_activity", .kind = CustomerKind::Date,
     .date = &Customer::lastActivity},
    {.name = "opened_on", .sql = "TEXT", .since = 1, .csv = "opened_on", .kind = CustomerKind::Date,
     .date = &Customer::openedOn},
    // staff_id; integrity is HQ's (the store is a replica)
    {.name = "rm_id", .sql = "TEXT", .since = 1, .csv = "rm_id", .kind = CustomerKind::OptionalText,
     .text = &Customer::rmId},
    {.name = "aum_fen", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "aum_fen",
     .kind = CustomerKind::SignedMoney, .money = &Customer::aumFen},
    {.name = "aum_mtd_avg_fen", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "aum_mtd_avg_fen",
     .kind = CustomerKind::Money, .money = &Customer::aumMtdAvgFen},
    {.name = "aum_hist_end", .sql = "TEXT", .since = 1, .csv = "aum_hist_end", .kind = CustomerKind::Month,
     .text = &Customer::historyEndMonth},
    {.name = "aum_hist", .sql = "TEXT NOT NULL DEFAULT ''", .since = 1, .csv = "aum_hist",
     .kind = CustomerKind::History},
    {.name = "contribution_fen", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "contribution_fen",
     .kind = CustomerKind::Money, .money = &Customer::contributionFen},
    {.name = "settlement_products", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "settlement_products",
     .kind = CustomerKind::Count, .count = &Customer::settlementProducts},
    {.name = "service_events_12m", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "service_events_12m",
     .kind = CustomerKind::Count, .count = &Customer::serviceEvents12m},
    {.name = "referral_links", .sql = "INTEGER NOT NULL DEFAULT 0", .since = 1, .csv = "referral_links",
     .kind = CustomerKind::Count, .count = &Customer::referralLinks},
    // Issue 15: NULL for a customer in full; for a masked pool copy the tier's id when HQ's pool
    // policy shows it, else ''. Never in an extract: HQ masks at pull time.
    {.name = "masked", .sql = "TEXT", .since = 10, .csv = nullptr, .kind = CustomerKind::Masked},
    {.name = "preferred_channel", .sql = "TEXT", .since = 11, .csv = "preferred_channel",
     .kind = CustomerKind::OptionalText, .text = &Customer::preferredChannel},
};

// What is derived from kCustomerColumns. Each list is built once.
class CustomerColumns
{
public:
    static std::span<const CustomerColumn> all() { return kCustomerColumns; }
    static const CustomerColumn *find(QStringView name);
    static int indexOf(QStringView name); // -1 when not registered
    // Every column name, in table order (the page payload's columns, the SELECT list).
    static const QStringList &names();
    // "CREATE TABLE customer (...)" with the columns of schema version 1.
    static QString createTable();
    // One "ALTER TABLE customer ADD COLUMN ..." per column registered with `since` = version.
    static QStringList addedIn(int version);
    // The highest `since`: SchemaMigrations checks it has that many steps.
    static constexpr int latestSince()
    {
        int v = 1;
        for (const CustomerColumn &c : kCustomerColumns)
            v = c.since > v ? c.since : v;
        return v;
    }
    // The extract's customer columns, in table order: (header, column).
    static const QStringList &csvHeaders();
    static const std::vector<const CustomerColumn *> &csvColumns();

    // A customer's value as the store's customer table keeps it, one switch over the kinds for
    // every writer (the store's INSERT, the import's INSERT and UPDATE, the extract's CSV):
    // whole numbers for Flag, Count, Money and SignedMoney (isInteger), text for the rest, a
    // null QString standing for NULL (OptionalText left empty, no gender, no date, a customer
    // in full in the Masked column). History is the twelve averages joined by ','.
    static bool isInteger(const CustomerColumn &column);
    static qint64 storedInteger(const CustomerColumn &column, const Customer &c);
    static QString storedText(const CustomerColumn &column, const Customer &c);
    static QString genderKey(Customer::Gender gender); // "M", "F", or null
    static QString joinedHistory(const Customer &c, QChar separator = QLatin1Char(','));
};
