#pragma once

#include <QDate>
#include <QDateTime>
#include <QLatin1StringView>
#include <QString>

// A community event (社区活动) the branch runs, offline at the venue. The walk-ins an RM
// meets in the branch hall (厅堂) on a day are kept as that RM's hall "event" of the day
// (issue 18): an event id starting "hall-", synced like any event; its visitors' contacts
// are branch (网点) contacts, face-to-face like an event's.
struct CommunityEvent
{
    static constexpr QLatin1StringView kHallPrefix{"hall-"};
    bool isHall() const { return eventId.startsWith(kHallPrefix); }

    QString eventId; // UUID
    QString name;
    QDate heldOn;
    QString place;
    QString campaign; // the campaign or list it serves, free text
    QString createdBy;
    QString deviceId;
    QDateTime createdAt;
};
