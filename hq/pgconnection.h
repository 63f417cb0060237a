#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <stdexcept>
#include <vector>

struct pg_conn;
struct pg_result;

// A libpq result, cleared on destruction.
class PgResult
{
public:
    explicit PgResult(pg_result *r = nullptr) : m_r(r) {}
    ~PgResult();
    PgResult(PgResult &&o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }
    PgResult &operator=(PgResult &&o) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    int rows() const;
    bool isNull(int row, int col) const;
    QString text(int row, int col) const;
    QByteArray bytes(int row, int col) const; // raw text value
    QByteArrayView view(int row, int col) const; // the same, valid while the result lives
    qint64 int64(int row, int col) const;
    bool boolean(int row, int col) const;

private:
    pg_result *m_r;
};

class PgError : public std::runtime_error
{
public:
    explicit PgError(const QString &message, const QByteArray &sqlState = {})
        : std::runtime_error(message.toStdString()), m_message(message), m_state(sqlState) {}
    QString message() const { return m_message; }
    QByteArray sqlState() const { return m_state; }

private:
    QString m_message;
    QByteArray m_state;
};

// One PostgreSQL connection through libpq: parameters from the usual PG*
// environment variables, or a conninfo string ("host=... dbname=...").
class PgConnection
{
public:
    explicit PgConnection(const QString &conninfo = {});
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // Runs one statement with text parameters ($1, $2, ...). Null QString = SQL NULL.
    PgResult exec(const char *sql, const QStringList &params = {});
    void execScript(const QString &sql);
    // Several statements (no parameters) in one round trip: every statement's result, in
    // order. Each statement takes its own snapshot (READ COMMITTED), so one that follows a
    // lock sees what the lock's previous holder committed. Throws at the first that fails
    // (the rest are not run).
    std::vector<PgResult> execStatements(const QByteArray &sql);
    // `value` as an SQL string literal, quoted and escaped for this connection.
    QByteArray literal(const QString &value);
    // COPY ... FROM STDIN: streams `data` (text format, tab-separated lines).
    void copyIn(const char *copySql, const QByteArray &data);
    // The same in pieces, for data made while it is sent: copyBegin, copyPut as often as
    // needed, copyEnd. copyAbort makes PostgreSQL fail the COPY (and so the transaction).
    void copyBegin(const char *copySql);
    void copyPut(QByteArrayView data);
    void copyEnd();
    void copyAbort(const char *why);

    // Escapes for COPY's text format.
    static void appendCopyField(QByteArray &line, const QString &value);
    static void appendCopyNull(QByteArray &line);

private:
    pg_conn *m_conn = nullptr;
};

// BEGIN on construction, ROLLBACK unless commit() ran.
class PgTransaction
{
public:
    explicit PgTransaction(PgConnection &c) : m_c(c) { m_c.exec("BEGIN"); }
    ~PgTransaction();
    void commit()
    {
        m_c.exec("COMMIT");
        m_done = true;
    }
    // The COMMIT went with the transaction's last statements (execStatements).
    void committed() { m_done = true; }

private:
    PgConnection &m_c;
    bool m_done = false;
};
