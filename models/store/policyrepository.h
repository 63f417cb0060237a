#pragma once

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

class Database;

// Policy documents a manager edited on this branch (schema version 3), by
// name: "value_policy". Absent means the shipped default applies. Beside them,
// the documents HQ issued (schema version 7, synced): see issued().
class PolicyRepository
{
public:
    static constexpr const char *kValuePolicy = "value_policy";

    struct Issued
    {
        QString id;   // "value", "calendar-2027", ...
        QString kind; // tier, value, cadence, calendar
        int version = 0;
        QByteArray body;
        QString issuedAt;
        bool localEdits = false;
    };
    // Every document HQ issued, calendars by year.
    std::vector<Issued> issued();
    std::optional<Issued> issued(const QString &id);

    explicit PolicyRepository(Database &db) : m_db(db) {}

    std::optional<QByteArray> document(const QString &name);
    void setDocument(const QString &name, const QByteArray &body, const QString &updatedAt);
    void removeDocument(const QString &name);

private:
    Database &m_db;
};
