#pragma once

#include <QString>

class Database;

// The store's meta table (key -> value): the sync settings and cursor, the device id, where
// the branch came from. The one reader and writer of it.
class MetaTable
{
public:
    // A null string when the key is not set.
    static QString value(Database &db, const QString &key);
    static void setValue(Database &db, const QString &key, const QString &value);
};
