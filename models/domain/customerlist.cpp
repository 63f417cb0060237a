#include "customerlist.h"

#include "branchsnapshot.h"
#include "moneyformat.h"
#include "momentlists.h"
#include "quadrant.h"
#include "valuescores.h"

#include <QCoreApplication>
#include <QLocale>

namespace {
const char *const kKindKeys[] = {"threshold", "low_efficiency", "quadrant", "selection",
                                 "new_customer", "loss_recovery", "moment", "imported"};
const char *const kKindNames[] = {
    QT_TRANSLATE_NOOP("CustomerList", "Threshold list"),
    QT_TRANSLATE_NOOP("CustomerList", "Low-efficiency list"),
    QT_TRANSLATE_NOOP("CustomerList", "Quadrant list"),
    QT_TRANSLATE_NOOP("CustomerList", "Quadrant selection"),
    QT_TRANSLATE_NOOP("CustomerList", "New customers"),
    QT_TRANSLATE_NOOP("CustomerList", "Loss recovery"),
    QT_TRANSLATE_NOOP("CustomerList", "Moments of truth"),
    QT_TRANSLATE_NOOP("CustomerList", "Imported list"),
};
} // namespace

QString CustomerList::kindKey(Kind kind)
{
    return QString::fromLatin1(kKindKeys[int(kind)]);
}

bool CustomerList::kindFromKey(const QString &key, Kind *out)
{
    for (int i = 0; i < kKindCount; ++i) {
        if (key == QLatin1String(kKindKeys[i])) {
            *out = Kind(i);
            return true;
        }
    }
    return false;
}

QString CustomerList::kindName(Kind kind)
{
    return QCoreApplication::translate("CustomerList", kKindNames[int(kind)]);
}

QString CustomerList::reason(Kind kind, const ListMember &m, const BranchSnapshot &s, const ValueScores *scores)
{
    const TierPolicy &policy = s.tierPolicy();
    const QLocale locale;
    switch (kind) {
    case Kind::NewCustomer:
    case Kind::LossRecovery:
    case Kind::Moment:
        return MomentLists::reason(kind, m, s);
    case Kind::Threshold:
        if (m.targetTier >= 0) {
            return tr("AUM %1 on the tier basis, %2 below %3; today's balance held to month end makes %4")
                .arg(MoneyFormat::readable(m.basisFen), MoneyFormat::readable(m.gapFen), policy.displayName(m.targetTier),
                     MoneyFormat::readable(m.projectedFen));
        }
        break;
    case Kind::LowEfficiency:
        if (scores) {
            return tr("AUM %1, under %2; potential value %3")
                .arg(MoneyFormat::readable(m.basisFen),
                     MoneyFormat::readable(m.targetTier >= 0 ? policy.tier(m.targetTier).minFen : 0),
                     locale.toString(scores->potential(m.customer), 'f', 1));
        }
        return tr("AUM %1").arg(MoneyFormat::readable(m.basisFen));
    case Kind::Selection:
        if (scores) {
            return tr("Current value %1, potential value %2; AUM %3")
                .arg(locale.toString(scores->current(m.customer), 'f', 1),
                     locale.toString(scores->potential(m.customer), 'f', 1), MoneyFormat::readable(m.basisFen));
        }
        break;
    case Kind::Imported:
        return tr("On the imported list; AUM %1").arg(MoneyFormat::readable(m.basisFen));
    case Kind::Quadrant:
        if (scores) {
            const Quadrant::Cuts cuts = Quadrant::defaultCuts(*scores);
            const auto q = Quadrant::classify(scores->current(m.customer), scores->potential(m.customer), cuts);
            return tr("%1 (%2): current value %3, potential value %4; AUM %5")
                .arg(Quadrant::letter(q), Quadrant::name(q), locale.toString(scores->current(m.customer), 'f', 1),
                     locale.toString(scores->potential(m.customer), 'f', 1), MoneyFormat::readable(m.basisFen));
        }
        break;
    }
    return tr("AUM %1").arg(MoneyFormat::readable(m.basisFen));
}

CustomerList CustomerList::selection(const BranchSnapshot &snapshot, const std::vector<int> &customers, Kind kind,
                                     const QString &criteria)
{
    CustomerList list;
    list.kind = kind;
    list.criteria = criteria;
    list.members.reserve(customers.size());
    const TierPolicy &policy = snapshot.tierPolicy();
    for (int i : customers) {
        ListMember m;
        m.customer = i;
        m.basisFen = policy.basisAmount(snapshot.customer(i));
        // A selection works towards the next tier up.
        m.targetTier = std::min(snapshot.tierOf(i) + 1, policy.count() - 1);
        list.members.push_back(m);
    }
    return list;
}
