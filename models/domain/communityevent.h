#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

// A community event (社区活动) the branch runs, offline at the venue.
struct CommunityEvent
{
    QString eventId; // UUID
    QString name;
    QDate heldOn;
    QString place;
    QString campaign; // the campaign or list it serves, free text
    QString createdBy;
    QString deviceId;
    QDateTime createdAt;
};
