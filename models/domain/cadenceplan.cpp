#include "cadenceplan.h"

#include <QCoreApplication>

namespace {
struct Named
{
    const char *key;
    const char *name;
};
const Named kStates[] = {
    {"upcoming", QT_TRANSLATE_NOOP("CadencePlan", "Upcoming")},
    {"due", QT_TRANSLATE_NOOP("CadencePlan", "Due today")},
    {"overdue", QT_TRANSLATE_NOOP("CadencePlan", "Overdue")},
    {"on_time", QT_TRANSLATE_NOOP("CadencePlan", "Done on time")},
    {"late", QT_TRANSLATE_NOOP("CadencePlan", "Done late")},
    {"missed", QT_TRANSLATE_NOOP("CadencePlan", "Missed")},
    {"late_entry", QT_TRANSLATE_NOOP("CadencePlan", "Late entry, skipped")},
    {"closed", QT_TRANSLATE_NOOP("CadencePlan", "Closed")},
};
} // namespace

QString CadencePlan::Step::stateKey(State s)
{
    return QString::fromLatin1(kStates[int(s)].key);
}

QString CadencePlan::Step::stateName(State s)
{
    return QCoreApplication::translate("CadencePlan", kStates[int(s)].name);
}

int CadencePlan::openCount() const
{
    int n = 0;
    for (const Step &s : steps)
        n += s.isOpen() ? 1 : 0;
    return n;
}

int CadencePlan::doneCount() const
{
    int n = 0;
    for (const Step &s : steps)
        n += s.isDone() ? 1 : 0;
    return n;
}
