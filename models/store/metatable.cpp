#include "metatable.h"

#include "database.h"
#include "statement.h"

QString MetaTable::value(Database &db, const QString &key)
{
    Statement st(db, QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    st.bind(1, key);
    return st.step() ? st.text(0) : QString();
}

void MetaTable::setValue(Database &db, const QString &key, const QString &value)
{
    Statement st(db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"));
    st.bind(1, key).bind(2, value).execute();
}
