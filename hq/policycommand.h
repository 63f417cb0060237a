#pragma once

#include <QStringList>

class PgConnection;

// `branchdesk-hq policy set|list` and `branchdesk-hq calendar add` (issue 18): HQ issues the
// tier, value and cadence policies and the holiday calendars as versioned "policy" records,
// one per document and branch, which every desktop of the branch pulls like the rest.
// Each document is checked with the desktop's own parser before anything is stored.
class PolicyCommand
{
public:
    static bool handles(const QString &command);
    // `arguments` without the program and the command; returns the exit code.
    static int run(const QString &command, const QStringList &arguments);
    static QString usage();
};
