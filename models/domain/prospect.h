#pragma once

#include <QDateTime>
#include <QString>

// Someone who is not (yet) a customer, met at an event, who agreed to be
// contacted. Owned by the RM who captured them.
struct Prospect
{
    QString prospectId; // UUID
    QString name;
    QString phone;
    QString interest;
    QString ownerId;       // staff id of the capturing RM
    QString sourceEventId;
    bool consent = true;
    QString deviceId;
    QDateTime createdAt;
};
