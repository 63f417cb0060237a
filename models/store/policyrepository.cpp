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
