#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

// An RM moved one cadence step to another due date, with a reason. Steps are
// derived, so this is the only cadence state that is stored; the latest
// override of a step wins. Overrides are append-only like contacts.
struct StepOverride
{
    QString overrideId; // UUID
    QString planKey;    // CadencePlan::key: "731:<holding>" or "4+1:<customer>:<cycle start>"
    int stepIndex = 0;
    QDate dueDate;
    QString reason;
    QString staffId;
    QString customerNo;
    QString deviceId;
    QDateTime createdAt;
};
