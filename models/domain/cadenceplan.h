#pragma once

#include "cadencetemplate.h"

#include <QDate>
#include <QString>
#include <vector>

// One run of a cadence for one customer, derived (never stored) from the
// template, the working calendar, list enrolment, overrides and the contact
// log: a 731 plan for one maturing product, or the current 4+1 cycle.
struct CadencePlan
{
    enum class Kind : quint8 { Maturity, Cycle };

    struct Step
    {
        // Upcoming/DueToday/Overdue are open. A step is on time when a matching
        // contact is logged on or before its due date, late when after it but
        // by the end of the cycle or the maturity date, missed otherwise.
        // LateEntry: due before the product or customer entered the list.
        // Closed: the plan closed (product rolled over or reinvested) first.
        enum class State : quint8 { Upcoming, DueToday, Overdue, DoneOnTime, DoneLate, Missed, LateEntry, Closed };
        static constexpr int kStateCount = 8;

        int index = 0;
        CadenceTemplate::Fit fit = CadenceTemplate::Fit::Any;
        QString purpose;
        QDate nominalDue;     // anchor + template day
        QDate due;            // after the working-day rule, or the override
        bool rescheduled = false;
        QString rescheduleReason;
        bool calendarMissing = false; // the working-day rule had no holiday calendar for that year
        QString contactId;    // the contact that satisfied it
        QDate doneOn;
        State state = State::Upcoming;

        bool isOpen() const { return state == State::Upcoming || state == State::DueToday || state == State::Overdue; }
        bool isDone() const { return state == State::DoneOnTime || state == State::DoneLate; }
        static QString stateKey(State s);
        static QString stateName(State s); // translated
    };

    Kind kind = Kind::Maturity;
    QString key;         // "731:<holding id>" or "4+1:<customer no>:<cycle start>"
    QString enrolmentKey; // "731:<holding id>" or "4+1:<customer no>"
    int customer = -1;   // snapshot index
    int holding = -1;    // index into snapshot.holdings() for 731
    QDate anchor;        // maturity date, or cycle start
    QDate enteredOn;     // list entry as known (first seen)
    QDate opensOn;       // contacts from this day count
    QDate lateUntil;     // the last day an open step can still be done late
    int cycleNumber = 0; // 4+1: 0 for the first cycle after enrolment
    bool lateEntry = false;
    bool closed = false;
    QDate closedOn;
    std::vector<Step> steps;

    int openCount() const;
    int doneCount() const;
};
