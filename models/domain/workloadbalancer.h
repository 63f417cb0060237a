#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

// "Balance by workload": spreads customers over RMs so that each RM's open
// cadence steps come out as even as possible, keeping a customer with the
// RM they have whenever that RM is not above the fair share.
class WorkloadBalancer
{
public:
    struct Item
    {
        QString customerNo;
        QString ownerId; // "" when in the unassigned pool
        int openSteps = 0;
    };

    // customer_no -> RM for every item whose owner should change.
    // `load` is the open steps each RM already carries outside `items`.
    static QHash<QString, QString> balance(const std::vector<Item> &items, const QStringList &rms,
                                           const QHash<QString, int> &load = {});
};
