#pragma once

#include <QDateTime>
#include <QString>

// A branch manager's decision that an RM works a customer ("分户到人").
// An empty rmId puts the customer back in the branch's unassigned pool.
// It overrides the RM that HQ's extract names, and syncs (last writer wins at HQ).
struct Assignment
{
    QString customerNo;
    QString rmId;
    QString assignedBy;
    QDateTime assignedAt;
    QString deviceId;
};
