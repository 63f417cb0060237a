#include "policyversions.h"

#include <QCoreApplication>
#include <QStringList>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PolicyVersions", text);
}
} // namespace

QString PolicyVersions::describe(const Document &d)
{
    QString text = d.version > 0 ? (d.issuedAt.isEmpty() ? tr("HQ version %1").arg(d.version)
                                                         : tr("HQ version %1 (%2)").arg(d.version).arg(d.issuedAt.left(10)))
                                 : tr("built-in default");
    if (d.editedHere)
        text += tr(", edited here");
    if (d.rejectedVersion > 0)
        text += tr(" (HQ version %1 could not be read by this build)").arg(d.rejectedVersion);
    return text;
}

QString PolicyVersions::calendarText() const
{
    if (calendars.empty())
        return tr("none: weekends only");
    QStringList parts;
    // Runs of built-in years as one range; each HQ year on its own.
    size_t i = 0;
    while (i < calendars.size()) {
        if (calendars[i].version > 0) {
            parts << tr("%1 from HQ (version %2)").arg(calendars[i].year).arg(calendars[i].version);
            ++i;
            continue;
        }
        size_t j = i;
        while (j + 1 < calendars.size() && calendars[j + 1].version == 0 && calendars[j + 1].year == calendars[j].year + 1)
            ++j;
        parts << (j == i ? tr("%1 built in").arg(calendars[i].year)
                         : tr("%1–%2 built in").arg(calendars[i].year).arg(calendars[j].year));
        i = j + 1;
    }
    return parts.join(tr(", "));
}

QStringList PolicyVersions::lines() const
{
    return {tr("Tier policy: %1").arg(describe(tier)), tr("Value policy: %1").arg(describe(value)),
            tr("Cadence policy: %1").arg(describe(cadence)), tr("Holiday calendars: %1").arg(calendarText())};
}
