#include "maturityoutcome.h"

#include <QCoreApplication>

namespace {
struct Named
{
    const char *key;
    const char *name;
};
const Named kKinds[] = {
    {"renewed", QT_TRANSLATE_NOOP("MaturityOutcome", "Renewed")},
    {"reinvested", QT_TRANSLATE_NOOP("MaturityOutcome", "Reinvested here")},
    {"partly_kept", QT_TRANSLATE_NOOP("MaturityOutcome", "Partly kept")},
    {"withdrawn", QT_TRANSLATE_NOOP("MaturityOutcome", "Withdrawn")},
};
} // namespace

QString MaturityOutcome::kindKey(Kind k)
{
    return QString::fromLatin1(kKinds[int(k)].key);
}

bool MaturityOutcome::kindFromKey(const QString &key, Kind *out)
{
    for (int i = 0; i < kKindCount; ++i) {
        if (key == QLatin1String(kKinds[i].key)) {
            *out = Kind(i);
            return true;
        }
    }
    return false;
}

QString MaturityOutcome::kindName(Kind k)
{
    return QCoreApplication::translate("MaturityOutcome", kKinds[int(k)].name);
}
