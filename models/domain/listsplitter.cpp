#include "listsplitter.h"

#include "branchsnapshot.h"

#include <algorithm>

std::vector<IssuedList::Share> ListSplitter::split(const BranchSnapshot &snapshot, const QStringList &customerNos,
                                                   Mode mode, const QStringList &rms, const QHash<QString, int> &load)
{
    std::vector<IssuedList::Share> shares;
    if (rms.isEmpty())
        return shares;
    QHash<QString, int> count;
    qint64 total = customerNos.size();
    for (const QString &rm : rms)
        total += load.value(rm);
    const qint64 fair = (total + rms.size() - 1) / rms.size(); // per RM, load included
    const auto leastLoaded = [&] {
        QString best;
        qint64 bestLoad = 0;
        for (const QString &rm : rms) {
            const qint64 l = load.value(rm) + count.value(rm);
            if (best.isEmpty() || l < bestLoad) {
                best = rm;
                bestLoad = l;
            }
        }
        return best;
    };
    // First pass: who keeps their RM; second: the rest to the least loaded.
    std::vector<int> pending;
    shares.resize(size_t(customerNos.size()));
    for (int i = 0; i < customerNos.size(); ++i) {
        const int c = snapshot.indexOfCustomer(customerNos.at(i));
        const QString owner = c >= 0 ? snapshot.customer(c).rmId : QString();
        shares[size_t(i)].customerNo = customerNos.at(i);
        const bool keep = rms.contains(owner)
                          && (mode == Mode::CurrentRm || load.value(owner) + count.value(owner) < fair);
        if (keep) {
            shares[size_t(i)].rmId = owner;
            ++count[owner];
        } else {
            pending.push_back(i);
        }
    }
    for (int i : pending) {
        const QString rm = leastLoaded();
        shares[size_t(i)].rmId = rm;
        ++count[rm];
    }
    return shares;
}
