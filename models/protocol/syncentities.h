#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

// The one registration point for what syncs: an entity names its local table,
// key, columns, who owns it, who may write it and how a conflict is settled. The wire format,
// HQ's storage and the page applier are generic over it, so a new entity
// needs a line here and no new endpoint.
class SyncEntities
{
public:
    enum class Owner { Hq, Desktop };
    enum class Rule {
        HqWins,        // master data: HQ's version replaces the local one
        AppendOnly,    // contacts: a record is never changed once written
        LastWriteWins, // notes: the last write to reach HQ wins; the loser stays in history
    };
    // Who may push a desktop-owned entity: any signed-in staff member, or the branch's manager.
    enum class Writers { AnyStaff, Manager };
    struct Entity
    {
        QString name;
        QString table;
        QString key;
        QStringList columns;
        Owner owner = Owner::Hq;
        Rule rule = Rule::HqWins;
        Writers writers = Writers::AnyStaff;
        // An append-only record that another desktop may have written first under the same key
        // (an enrolment): the ISO date column whose earlier value wins when a pull brings it again.
        QString earliestWins;
    };

    static const QVector<Entity> &all();
    static const Entity *find(const QString &name);
    // Entities a desktop may push.
    static bool desktopMayWrite(const QString &name);
};
