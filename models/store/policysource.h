#pragma once

#include "../domain/cadencepolicy.h"
#include "../domain/policyversions.h"
#include "../domain/tierpolicy.h"
#include "../domain/valuepolicy.h"
#include "../domain/workingcalendar.h"

#include <QString>

class Database;

// The rules a branch runs on, each from one source (issue 18): what HQ issued and the
// desktop synced (hq_policy), else the shipped default. The manager's own edit of the
// value policy counts only where HQ's issue allows local edits, or HQ issued none.
// The threshold bands of the cadence policy are always the value policy's.
class PolicySource
{
public:
    explicit PolicySource(Database &db) : m_db(db) {}

    TierPolicy tierPolicy();
    ValuePolicy valuePolicy();
    bool valuePolicyEditable();
    CadencePolicy cadencePolicy(const TierPolicy &tiers);
    // The built-in years, newer files HQ dropped in WorkingCalendar::extraDirectory(), and
    // every calendar HQ issued (an issued year replaces a built-in one).
    WorkingCalendar calendar();
    // The version HQ issued of a document ("tier", "value", "cadence", "calendar-2027"); 0: none.
    int issuedVersion(const QString &id);
    // Which version of each is in force, and which calendars are present (issue 18).
    PolicyVersions versions();

private:
    Database &m_db;
};
