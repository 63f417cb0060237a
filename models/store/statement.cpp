#include "statement.h"

#include "database.h"
#include "storeerror.h"

#include <sqlcipher/sqlite3.h>

Statement::Statement(Database &db, const QString &sql)
    : m_db(db)
{
    if (!db.isOpen())
        throw StoreError(QStringLiteral("Store is not open"));
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(db.handle(), utf8.constData(), int(utf8.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        throw StoreError(QStringLiteral("Cannot prepare (%1): %2")
                             .arg(sql.left(60), QString::fromUtf8(sqlite3_errmsg(db.handle()))));
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, qint64 value)
{
    m_db.check(sqlite3_bind_int64(m_stmt, index, value), "bind");
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    if (value.isNull())
        return bindNull(index);
    const QByteArray utf8 = value.toUtf8();
    m_db.check(sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT),
               "bind");
    return *this;
}

Statement &Statement::bind(int index, const std::optional<qint64> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement &Statement::bindUtf8(int index, const char *utf8, qsizetype size)
{
    m_db.check(sqlite3_bind_text(m_stmt, index, utf8 ? utf8 : "", int(size), SQLITE_STATIC), "bind");
    return *this;
}

Statement &Statement::bindNull(int index)
{
    m_db.check(sqlite3_bind_null(m_stmt, index), "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_db.check(rc, "step");
    return false;
}

void Statement::execute()
{
    step();
    reset();
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString Statement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::utf8(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return p ? QByteArrayView(p, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}
