#include "policyrepository.h"

#include "database.h"
#include "statement.h"

std::optional<QByteArray> PolicyRepository::document(const QString &name)
{
    Statement st(m_db, QStringLiteral("SELECT body FROM policy_document WHERE name = ?"));
    st.bind(1, name);
    if (!st.step())
        return std::nullopt;
    return st.text(0).toUtf8();
}

void PolicyRepository::setDocument(const QString &name, const QByteArray &body, const QString &updatedAt)
{
    Statement st(m_db, QStringLiteral("INSERT OR REPLACE INTO policy_document (name, body, updated_at) VALUES (?, ?, ?)"));
    st.bind(1, name).bind(2, QString::fromUtf8(body)).bind(3, updatedAt).execute();
}

void PolicyRepository::removeDocument(const QString &name)
{
    Statement st(m_db, QStringLiteral("DELETE FROM policy_document WHERE name = ?"));
    st.bind(1, name).execute();
}

namespace {

PolicyRepository::Issued issuedRow(Statement &st)
{
    return {st.text(0), st.text(1), st.integer(2), st.text(3).toUtf8(), st.text(4), st.integer(5) != 0};
}

} // namespace

std::vector<PolicyRepository::Issued> PolicyRepository::issued()
{
    Statement st(m_db, QStringLiteral("SELECT policy_id, kind, version, body, issued_at, local_edits FROM hq_policy"
                                      " ORDER BY policy_id"));
    std::vector<Issued> out;
    while (st.step())
        out.push_back(issuedRow(st));
    return out;
}

std::optional<PolicyRepository::Issued> PolicyRepository::issued(const QString &id)
{
    Statement st(m_db, QStringLiteral("SELECT policy_id, kind, version, body, issued_at, local_edits FROM hq_policy"
                                      " WHERE policy_id = ?"));
    st.bind(1, id);
    if (!st.step())
        return std::nullopt;
    return issuedRow(st);
}
