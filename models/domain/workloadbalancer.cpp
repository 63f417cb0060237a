#include "workloadbalancer.h"

#include <algorithm>

QHash<QString, QString> WorkloadBalancer::balance(const std::vector<Item> &items, const QStringList &rms,
                                                  const QHash<QString, int> &load)
{
    QHash<QString, QString> moves;
    if (rms.isEmpty())
        return moves;
    QHash<QString, qint64> carried;
    qint64 total = 0;
    for (const QString &rm : rms) {
        carried.insert(rm, load.value(rm));
        total += load.value(rm);
    }
    for (const Item &it : items)
        total += qMax(0, it.openSteps);
    // The fair share, rounded up: an RM at or below it keeps their customers.
    const qint64 cap = (total + rms.size() - 1) / rms.size();

    // Heaviest first, so the last, lightest items even out the remainder.
    std::vector<const Item *> order;
    order.reserve(items.size());
    for (const Item &it : items)
        order.push_back(&it);
    std::stable_sort(order.begin(), order.end(), [](const Item *a, const Item *b) { return a->openSteps > b->openSteps; });

    std::vector<const Item *> loose;
    for (const Item *it : order) {
        const int w = qMax(0, it->openSteps);
        if (rms.contains(it->ownerId) && carried.value(it->ownerId) + w <= cap)
            carried[it->ownerId] += w;
        else
            loose.push_back(it);
    }
    for (const Item *it : loose) {
        // The least loaded RM (first in the given order on a tie).
        QString best = rms.first();
        for (const QString &rm : rms) {
            if (carried.value(rm) < carried.value(best))
                best = rm;
        }
        carried[best] += qMax(0, it->openSteps);
        if (best != it->ownerId)
            moves.insert(it->customerNo, best);
    }
    return moves;
}
