#pragma once

#include <QString>
#include <QStringList>

class Database;

// Versioned schema. Each step is applied in its own transaction and bumps
// PRAGMA user_version, so a store opened by a newer build is upgraded in
// place and a half-applied step never remains.
class SchemaMigrations
{
public:
    static int latestVersion();
    static int currentVersion(Database &db);
    // Applies every step above the store's version. Returns the number applied.
    static int migrate(Database &db);
    // Applies the steps up to `version` only (a store as an older build left it, for tests).
    static int migrate(Database &db, int version);

private:
    static QStringList step(int version);
};
