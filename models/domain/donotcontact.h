#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

// A customer's refusal of marketing (拒绝营销): while it stands, the customer
// leaves every cadence and every batch touch. Append-only like contacts: a
// lifted flag is a new record with `active` false; for a customer the latest
// `createdAt` wins, on this desktop, at HQ and on every other desktop.
struct DoNotContact
{
    QString recordId;   // UUID made by the desktop
    QString customerNo;
    bool active = true; // false: the flag is lifted
    QDate since;        // the day the customer refused
    QString source;     // "customer", "complaint", "hq", "branch" (free text allowed)
    QString note;
    QString staffId;
    QString deviceId;
    QDateTime createdAt;

    bool supersedes(const DoNotContact &other) const
    {
        return createdAt != other.createdAt ? createdAt > other.createdAt : recordId > other.recordId;
    }
};
