#pragma once

#include <QString>
#include <vector>

// Which rules are in force on a desktop (issue 18): for the tier, value and cadence policies,
// the version HQ issued or the built-in default, and which holiday calendars are present and
// where each came from. PolicySource::versions() reads it; the About box, the value-policy
// dialog and Today's calendar warning show it.
struct PolicyVersions
{
    struct Document
    {
        int version = 0;       // HQ's version in force; 0: the built-in default
        QString issuedAt;      // when HQ issued it (ISO), empty for the default
        int rejectedVersion = 0; // an issued version this build could not read (the default stays)
        bool editedHere = false; // the manager's own edit is in force (value policy, where allowed)
    };
    struct Calendar
    {
        int year = 0;
        int version = 0; // HQ's version of the year's calendar; 0: built in or a dropped-in file
    };

    Document tier;
    Document value;
    Document cadence;
    std::vector<Calendar> calendars; // by year

    // "HQ version 3 (2026-11-20)", "built-in default", "HQ version 2, edited here" (translated).
    static QString describe(const Document &d);
    // "2024–2026 built in, 2027 from HQ (version 1)" (translated).
    QString calendarText() const;
    // Every line: "Tier policy: …", "Value policy: …", "Cadence policy: …", "Holiday calendars: …".
    QStringList lines() const;
};
