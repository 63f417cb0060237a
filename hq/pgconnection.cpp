#include "pgconnection.h"

#include <libpq-fe.h>

#include <vector>

PgResult::~PgResult()
{
    if (m_r)
        PQclear(m_r);
}

PgResult &PgResult::operator=(PgResult &&o) noexcept
{
    if (this != &o) {
        if (m_r)
            PQclear(m_r);
        m_r = o.m_r;
        o.m_r = nullptr;
    }
    return *this;
}

int PgResult::rows() const
{
    return m_r ? PQntuples(m_r) : 0;
}

bool PgResult::isNull(int row, int col) const
{
    return PQgetisnull(m_r, row, col);
}

QString PgResult::text(int row, int col) const
{
    return QString::fromUtf8(PQgetvalue(m_r, row, col), PQgetlength(m_r, row, col));
}

QByteArray PgResult::bytes(int row, int col) const
{
    return QByteArray(PQgetvalue(m_r, row, col), PQgetlength(m_r, row, col));
}

QByteArrayView PgResult::view(int row, int col) const
{
    return QByteArrayView(PQgetvalue(m_r, row, col), PQgetlength(m_r, row, col));
}

qint64 PgResult::int64(int row, int col) const
{
    return QByteArray(PQgetvalue(m_r, row, col)).toLongLong();
}

bool PgResult::boolean(int row, int col) const
{
    return PQgetvalue(m_r, row, col)[0] == 't';
}

PgConnection::PgConnection(const QString &conninfo)
{
    const QByteArray info = conninfo.toUtf8();
    m_conn = PQconnectdb(info.constData());
    if (PQstatus(m_conn) != CONNECTION_OK) {
        const QString msg = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
        PQfinish(m_conn);
        m_conn = nullptr;
        throw PgError(QStringLiteral("Cannot connect to PostgreSQL: %1").arg(msg));
    }
    PQsetClientEncoding(m_conn, "UTF8");
    // "table ... does not exist, skipping" and its kind are not news to an operator.
    PQclear(PQexec(m_conn, "SET client_min_messages = warning"));
}

PgConnection::~PgConnection()
{
    if (m_conn)
        PQfinish(m_conn);
}

PgResult PgConnection::exec(const char *sql, const QStringList &params)
{
    std::vector<QByteArray> storage;
    std::vector<const char *> values;
    storage.reserve(size_t(params.size()));
    for (const QString &p : params) {
        storage.push_back(p.toUtf8());
        values.push_back(p.isNull() ? nullptr : storage.back().constData());
    }
    PGresult *raw = PQexecParams(m_conn, sql, int(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    const ExecStatusType st = PQresultStatus(raw);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        const QString msg = QString::fromUtf8(PQresultErrorMessage(raw)).trimmed();
        const char *state = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
        const QByteArray sqlState = state ? QByteArray(state) : QByteArray();
        PQclear(raw);
        throw PgError(msg, sqlState);
    }
    return PgResult(raw);
}

void PgConnection::execScript(const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    PGresult *r = PQexec(m_conn, utf8.constData());
    const ExecStatusType st = PQresultStatus(r);
    const QString msg = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
    PQclear(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
        throw PgError(msg);
}

std::vector<PgResult> PgConnection::execStatements(const QByteArray &sql)
{
    if (!PQsendQuery(m_conn, sql.constData()))
        throw PgError(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    std::vector<PgResult> results;
    QString error;
    QByteArray errorState;
    while (PGresult *raw = PQgetResult(m_conn)) {
        const ExecStatusType st = PQresultStatus(raw);
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && error.isEmpty()) {
            error = QString::fromUtf8(PQresultErrorMessage(raw)).trimmed();
            const char *state = PQresultErrorField(raw, PG_DIAG_SQLSTATE);
            errorState = state ? QByteArray(state) : QByteArray("?");
        }
        results.emplace_back(raw); // read to the end: the connection is then ready again
    }
    if (!errorState.isEmpty())
        throw PgError(error, errorState);
    return results;
}

QByteArray PgConnection::literal(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    char *quoted = PQescapeLiteral(m_conn, utf8.constData(), size_t(utf8.size()));
    if (!quoted)
        throw PgError(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed());
    const QByteArray out(quoted);
    PQfreemem(quoted);
    return out;
}

void PgConnection::copyIn(const char *copySql, const QByteArray &data)
{
    copyBegin(copySql);
    constexpr qsizetype chunk = 1 << 20;
    for (qsizetype off = 0; off < data.size(); off += chunk)
        copyPut(QByteArrayView(data).sliced(off, qMin(chunk, data.size() - off)));
    copyEnd();
}

void PgConnection::copyBegin(const char *copySql)
{
    PGresult *r = PQexec(m_conn, copySql);
    if (PQresultStatus(r) != PGRES_COPY_IN) {
        const QString msg = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
        PQclear(r);
        throw PgError(QStringLiteral("COPY failed to start: %1").arg(msg));
    }
    PQclear(r);
}

void PgConnection::copyPut(QByteArrayView data)
{
    if (!data.isEmpty() && PQputCopyData(m_conn, data.data(), int(data.size())) != 1)
        throw PgError(QStringLiteral("COPY failed: %1").arg(QString::fromUtf8(PQerrorMessage(m_conn))));
}

void PgConnection::copyEnd()
{
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        throw PgError(QStringLiteral("COPY failed to end: %1").arg(QString::fromUtf8(PQerrorMessage(m_conn))));
    PGresult *r = PQgetResult(m_conn);
    const ExecStatusType st = PQresultStatus(r);
    const QString msg = QString::fromUtf8(PQresultErrorMessage(r)).trimmed();
    PQclear(r);
    while ((r = PQgetResult(m_conn)))
        PQclear(r);
    if (st != PGRES_COMMAND_OK)
        throw PgError(QStringLiteral("COPY failed: %1").arg(msg));
}

void PgConnection::copyAbort(const char *why)
{
    PQputCopyEnd(m_conn, why);
    while (PGresult *r = PQgetResult(m_conn))
        PQclear(r);
}

void PgConnection::appendCopyField(QByteArray &line, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    line.reserve(line.size() + utf8.size() + 2);
    for (char c : utf8) {
        switch (c) {
        case '\\': line += "\\\\"; break;
        case '\t': line += "\\t"; break;
        case '\n': line += "\\n"; break;
        case '\r': line += "\\r"; break;
        default: line += c; break;
        }
    }
}

void PgConnection::appendCopyNull(QByteArray &line)
{
    line += "\\N";
}

PgTransaction::~PgTransaction()
{
    if (!m_done) {
        try {
            m_c.exec("ROLLBACK");
        } catch (...) {
        }
    }
}
