#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

// What a pushed payload of a desktop-owned entity must look like (issue 15): the
// column types and NOT NULL rules of the store's tables (schemamigrations.cpp), and
// which columns name the person or device behind the record, so HQ sets them from
// the session instead of trusting them. HQ validates every pushed record with it;
// a record that fails is refused, not stored, and never reaches another desktop.
class EntitySchema
{
public:
    // Identity columns HQ fills from the session: the staff member, the device.
    struct Identity
    {
        QString staffColumn;  // empty: the entity names no staff member
        QString deviceColumn; // empty: no device column
        bool authorOnly = false; // a later version may come only from the same staff member
    };

    // False, with a short reason naming the column (never its value), when the
    // payload does not fit the entity. Unknown entities and unknown columns fail.
    static bool validate(const QString &entity, const QString &recordId, const QJsonObject &payload, QString *reason);
    static Identity identity(const QString &entity);
    // A record id HQ accepts: 1-128 printable characters.
    static bool validId(const QString &id);
};
