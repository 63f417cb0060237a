#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <string>

// The values of ExtractScan's fast path: each payload key's rule, and the check and canonical
// JSON of one value under it (what ExtractRecords::convert and QJsonDocument would write).
namespace ExtractScanValues {

// How a payload key's value is checked and written on the fast path; anything a rule does not
// accept as it stands goes to ExtractRecords::convert.
enum class Kind : quint8 {
    Text,       // a string
    TextOrNull, // a string, null when empty
    Required,   // a string that must not be empty
    Gender,     // M, F, or null when empty
    Date,       // YYYY-MM-DD (1900-2200), null when empty
    Flag,       // 0 or 1 (empty: 0)
    Count,      // a whole number >= 0 (empty: 0)
    Signed,     // a whole number (empty: 0)
    Phone,      // a mobile or landline number as its digits
    IdNumber,   // an 18-character ID number, upper-case X
    Month,      // YYYY-MM, null when empty
    History,    // whole numbers separated by ';', written separated by ','
    Product,    // a product type key
    Status,     // active, matured or closed (empty: active)
};
struct Key
{
    const char *name;
    Kind kind;
};

// Writes `"key":value` for one rule; false when the value is not in its plain form.
bool writeValue(std::string &json, const Key &key, QByteArrayView v);

} // namespace ExtractScanValues
