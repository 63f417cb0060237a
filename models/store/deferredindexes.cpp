#include "deferredindexes.h"

#include "database.h"
#include "statement.h"
#include "transaction.h"

#include <utility>
#include <vector>

namespace {

const QString kPrefix = QStringLiteral("store.deferred_index.");

// name, CREATE INDEX … of every index still owed.
std::vector<std::pair<QString, QString>> owedIndexes(Database &db)
{
    std::vector<std::pair<QString, QString>> owed;
    Statement st(db, QStringLiteral("SELECT substr(key, ?), value FROM meta WHERE substr(key, 1, ?) = ? ORDER BY key"));
    st.bind(1, int(kPrefix.size()) + 1).bind(2, int(kPrefix.size())).bind(3, kPrefix);
    while (st.step())
        owed.emplace_back(st.text(0), st.text(1));
    return owed;
}

} // namespace

int DeferredIndexes::deferOfEmpty(Database &db, const QStringList &tables)
{
    Transaction tx(db);
    std::vector<std::pair<QString, QString>> indexes; // name, CREATE INDEX …
    for (const QString &table : tables) {
        Statement known(db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"));
        known.bind(1, table);
        if (!known.step())
            continue; // an entity this schema keeps elsewhere (or not yet)
        Statement empty(db, QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM \"%1\")").arg(table));
        if (!empty.step() || empty.int64(0) == 0)
            continue;
        // sql is NULL for the automatic indexes of PRIMARY KEY and UNIQUE constraints: kept.
        Statement st(db, QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                                        " AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'"));
        st.bind(1, table);
        while (st.step())
            indexes.emplace_back(st.text(0), st.text(1));
    }
    for (const auto &[name, sql] : indexes) {
        Statement keep(db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
        keep.bind(1, kPrefix + name).bind(2, sql).execute();
        db.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name));
    }
    tx.commit();
    return int(indexes.size());
}

QStringList DeferredIndexes::owed(Database &db)
{
    QStringList names;
    for (const auto &index : owedIndexes(db))
        names << index.first;
    return names;
}

int DeferredIndexes::build(Database &db)
{
    const std::vector<std::pair<QString, QString>> owed = owedIndexes(db);
    if (owed.empty())
        return 0;
    // All of them and their meta rows in one transaction: a crash builds them again next time.
    Transaction tx(db);
    int built = 0;
    for (const auto &[name, sql] : owed) {
        Statement exists(db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?"));
        exists.bind(1, name);
        if (!exists.step()) { // a migration in between may have made it already
            db.exec(sql);
            ++built;
        }
        Statement done(db, QStringLiteral("DELETE FROM meta WHERE key = ?"));
        done.bind(1, kPrefix + name).execute();
    }
    tx.commit();
    return built;
}
