#pragma once

#include <QHash>
#include <QString>

class BranchSnapshot;

// Finds a customer by phone number as a visitor gives it at an event:
// spaces, dashes and a +86 / 0086 prefix are ignored.
class PhoneDirectory
{
public:
    explicit PhoneDirectory(const BranchSnapshot &snapshot);

    // Index of the customer with that phone, or -1.
    int find(const QString &phone) const;
    static QString normalize(const QString &phone);

private:
    QHash<QString, int> m_byPhone;
};
