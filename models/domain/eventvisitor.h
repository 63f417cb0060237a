#pragma once

#include <QDateTime>
#include <QString>

// One visitor captured at a community event. A phone that matches a customer
// links the visit to them (customerNo, and the "event" contact it logged);
// anyone else who consents becomes a prospect. Without consent (PIPL) a
// non-customer's phone is not kept.
struct EventVisitor
{
    QString visitorId; // UUID
    QString eventId;
    QString name;
    QString phone;
    QString interest;
    bool consent = false;
    QString customerNo; // matched customer, empty otherwise
    QString contactId;  // the event contact logged for a matched customer
    QString prospectId; // the prospect created for a consenting non-customer
    QString capturedBy;
    QString deviceId;
    QDateTime capturedAt;
};
