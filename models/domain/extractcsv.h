#pragma once

#include "branchdata.h"

class QIODevice;

// Writes the branch as a core-banking extract: one UTF-8 CSV with a
// record_type column (staff, customer, holding). docs/data-formats.md
// documents every column.
class ExtractCsv
{
public:
    static QStringList header();
    static bool write(const BranchData &data, QIODevice *device, QString *error);
};
