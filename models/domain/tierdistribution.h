#pragma once

#include <QVector>

class BranchSnapshot;

// Customers and AUM per tier of the snapshot's ladder (today's balances).
struct TierDistribution
{
    QVector<int> customers;
    QVector<qint64> aumFen;

    static TierDistribution of(const BranchSnapshot &snapshot);
    int totalCustomers() const;
    qint64 totalAumFen() const;
};
