#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

class Database;

// Policy documents a manager edited on this branch (schema version 3), by
// name: "value_policy". Absent means the shipped default applies.
class PolicyRepository
{
public:
    static constexpr const char *kValuePolicy = "value_policy";

    explicit PolicyRepository(Database &db) : m_db(db) {}

    std::optional<QByteArray> document(const QString &name);
    void setDocument(const QString &name, const QByteArray &body, const QString &updatedAt);
    void removeDocument(const QString &name);

private:
    Database &m_db;
};
