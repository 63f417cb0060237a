#pragma once

#include <QString>

// A member of the branch's staff: relationship manager or branch manager.
struct Staff
{
    enum class Role : quint8 { RelationshipManager, Manager };

    QString staffId;
    QString name;
    Role role = Role::RelationshipManager;

    static QString roleKey(Role r) { return r == Role::Manager ? QStringLiteral("manager") : QStringLiteral("rm"); }
};
