#pragma once

#include <QByteArray>
#include <QString>

// Issue 15: whether HQ sends a branch's unassigned pool to its RMs, masked, and what of it.
// Issued by HQ as the "pool" policy document (`branchdesk-hq policy set --kind pool`):
//   {"rm_sees_pool": true, "show_tier": true}
// Off unless issued. The masked copy never holds phone, ID number or address; the name is
// masked as PersonalDataMask::name does; the tier only when show_tier is true.
struct PoolPolicy
{
    bool rmSeesPool = false;
    bool showTier = false;

    // Parses the document; on failure returns false and says which field is wrong.
    static bool fromJson(const QByteArray &json, PoolPolicy *out, QString *error);
};
