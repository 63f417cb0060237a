#pragma once

#include <QByteArrayView>
#include <QString>
#include <optional>

struct sqlite3_stmt;
class Database;

// A prepared statement. Finalized on destruction; reset() makes it reusable,
// which is what keeps bulk inserts near SQLite's raw speed.
class Statement
{
public:
    Statement(Database &db, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, int value) { return bind(index, qint64(value)); }
    Statement &bind(int index, bool value) { return bind(index, qint64(value ? 1 : 0)); }
    Statement &bind(int index, const QString &value); // null QString binds NULL
    Statement &bind(int index, const std::optional<qint64> &value);
    Statement &bindNull(int index);
    // UTF-8 bound without a copy: the bytes must stay valid until the statement is reset.
    Statement &bindUtf8(int index, const char *utf8, qsizetype size);

    // Returns true while a row is available, false when done. Throws on error.
    bool step();
    // Step a statement that returns no rows, then reset it for the next use.
    void execute();
    void reset();

    qint64 int64(int column) const;
    int integer(int column) const { return int(int64(column)); }
    QString text(int column) const;
    // The column's UTF-8 as SQLite holds it: valid until the next step() or reset(). Empty (and
    // null data) for NULL.
    QByteArrayView utf8(int column) const;
    bool isNull(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
};
