#pragma once

#include "cadenceplan.h"

#include <QDate>
#include <QString>

// One row of an RM's Today page: a cadence step due today or overdue (or
// done today), a follow-up the RM agreed with the customer, or the contact a
// new-customer, loss-recovery or MOT list calls for (MomentSteps).
struct TodayItem
{
    enum class Kind : quint8 { MaturityStep, CycleStep, FollowUp, ListStep };
    using State = CadencePlan::Step::State;

    Kind kind = Kind::MaturityStep;
    int customer = -1;
    int holding = -1;       // 731: index into snapshot.holdings()
    int rm = -1;            // index into snapshot.staff()
    QString planKey;        // empty for follow-ups
    int stepIndex = -1;
    int stepCount = 0;      // 731: 3
    int ordinal = 0;        // 4+1: touch 3 ...
    int fitCount = 0;       // ... of 4
    CadenceTemplate::Fit fit = CadenceTemplate::Fit::Any;
    QString purpose;
    State state = State::DueToday;
    QDate due;
    QDate deadline;         // last day it can be done: maturity, cycle end, or the agreed date
    QDate maturity;         // 731
    qint64 amountFen = 0;   // 731: the product; otherwise the customer's AUM
    int tier = 0;
    quint8 lists = 0;       // CadenceRoster::List bits, for 4+1 reasons
    bool lateEntry = false;
    bool rescheduled = false;
    QString rescheduleReason;
    bool calendarMissing = false;
    QString contactId;      // who satisfied it; for a follow-up, the contact that agreed it
    QDate agreedOn;         // follow-up: when it was agreed
    QString agreedNote;
    int listKind = -1;      // ListStep: CustomerList::Kind of the new-customer, loss-recovery or MOT list
    quint16 listReasons = 0; // ListStep: the list's reason bits Today works (MomentLists)

    bool isDone() const { return state == State::DoneOnTime || state == State::DoneLate; }
    // Identity across recomputations: plan and step, or the agreeing contact.
    QString key() const
    {
        return kind == Kind::FollowUp ? QStringLiteral("follow:") + contactId
                                      : planKey + QLatin1Char('#') + QString::number(stepIndex);
    }
};
