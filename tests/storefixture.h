#pragma once

#include "store/database.h"
#include "store/schemamigrations.h"

#include <QTemporaryDir>

// Fresh encrypted stores for tests of the store's parts: a new file in a temporary directory
// on every call, under one test passphrase.
class StoreFixture
{
public:
    // A new store with no tables yet (a test migrates it step by step).
    Database open()
    {
        return Database::open(m_dir.filePath(QStringLiteral("s%1.db").arg(++m_n)), QStringLiteral("pass-word"),
                              Database::OpenMode::CreateIfMissing);
    }
    // A new store at the current schema.
    Database fresh()
    {
        Database db = open();
        SchemaMigrations::migrate(db);
        return db;
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
};
