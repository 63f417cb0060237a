#pragma once

#include <Qt>

// Which columns of a table carry personal data, so an export can mask them.
// A model answers HeaderRole in headerData(section, Qt::Horizontal) with a
// Kind; proxies forward the role. Columns that do not answer are not personal.
namespace PersonalField {

enum Kind : int { None = 0, Name, Phone, IdNumber, Address };

constexpr int HeaderRole = Qt::UserRole + 64;

} // namespace PersonalField
