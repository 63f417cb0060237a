#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

#include <algorithm>
#include <vector>

// A list issued as work (白名单下发, 分户到人): the manager (or HQ) freezes a
// screened list, splits it across RMs and issues it; each RM works their
// share. 4+1 runs for customers on an issued list (policy
// four_plus_one.issued_lists_only). Synced as one record per list; a list
// issued again under the same id replaces the earlier shares (latest
// `issuedAt` wins), and a withdrawn list stops its 4+1 plans.
struct IssuedList
{
    struct Share
    {
        QString customerNo;
        QString rmId;
    };

    QString listId;     // UUID made by the desktop, or HQ's id
    QString name;
    QString kind;       // threshold, retention, conversion, low_efficiency, payroll, maturity, imported
    QString campaignId; // may be empty
    QDate frozenOn;
    QDateTime issuedAt;
    QString issuedBy;
    QString deviceId;
    bool withdrawn = false;
    std::vector<Share> shares;

    // Share counts per RM, in first-seen order.
    std::vector<std::pair<QString, int>> countsByRm() const
    {
        std::vector<std::pair<QString, int>> out;
        for (const Share &s : shares) {
            auto it = std::find_if(out.begin(), out.end(), [&](const auto &p) { return p.first == s.rmId; });
            if (it == out.end())
                out.emplace_back(s.rmId, 1);
            else
                ++it->second;
        }
        return out;
    }
};
