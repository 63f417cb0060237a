#include "loginthrottle.h"

#include "pgconnection.h"

namespace {

// A PostgreSQL text[] literal; every element quoted (staff IDs may hold commas and quotes).
QString textArray(const QStringList &values)
{
    QStringList quoted;
    for (QString v : values) {
        v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted << QLatin1Char('"') + v + QLatin1Char('"');
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

} // namespace

const char *LoginThrottle::schema()
{
    // Not branch data (a staff ID before its branch is known, a client address): in a
    // distributed cluster this is a reference table (docs/decisions.md, issue 19).
    return R"SQL(
CREATE TABLE IF NOT EXISTS login_throttle (
    throttle_key  text PRIMARY KEY,           -- 'staff:ID' or 'addr:ADDRESS'
    failures      integer NOT NULL,
    last_failure  timestamptz NOT NULL,
    blocked_until timestamptz
);
)SQL";
}

qint64 LoginThrottle::retryAfterSeconds(const QStringList &keys)
{
    PgResult r = m_db.exec("SELECT ceil(extract(epoch FROM max(blocked_until) - clock_timestamp()))::bigint FROM login_throttle"
                           " WHERE throttle_key = ANY($1::text[]) AND blocked_until > clock_timestamp()",
                           {textArray(keys)});
    return r.rows() == 1 && !r.isNull(0, 0) ? qMax<qint64>(1, r.int64(0, 0)) : 0;
}

void LoginThrottle::recordFailure(const QString &key, int freeTries)
{
    // One statement, so two nodes counting the same key at once both count.
    m_db.exec("INSERT INTO login_throttle AS t (throttle_key, failures, last_failure, blocked_until)"
              " VALUES ($1, 1, clock_timestamp(), CASE WHEN $2::int <= 1 THEN clock_timestamp() + interval '1 second' END)"
              " ON CONFLICT (throttle_key) DO UPDATE SET"
              "  failures = CASE WHEN t.last_failure < clock_timestamp() - interval '1 day' THEN 1 ELSE t.failures + 1 END,"
              "  last_failure = clock_timestamp(),"
              "  blocked_until = CASE WHEN t.last_failure >= clock_timestamp() - interval '1 day' AND t.failures + 1 >= $2::int"
              "   THEN clock_timestamp() + make_interval(secs => least(power(2, least(t.failures + 1 - $2::int, 20)), 900))"
              "   ELSE t.blocked_until END",
              {key, QString::number(freeTries)});
}

void LoginThrottle::clear(const QString &key)
{
    m_db.exec("DELETE FROM login_throttle WHERE throttle_key = $1", {key});
}
