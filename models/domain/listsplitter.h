#pragma once

#include "issuedlist.h"

#include <QHash>
#include <QStringList>
#include <vector>

class BranchSnapshot;

// 分户到人: splits a frozen list's customers across RMs before it is issued.
// By current RM: each customer goes to the RM who has them (customers without
// one, or with an RM not in `rms`, go to the least loaded of `rms`). Balance
// by workload: shares come out even counting what each RM already carries
// (`load`, e.g. open steps of the coming days), keeping a customer with their
// current RM while that RM is under the fair share. Deterministic.
class ListSplitter
{
public:
    enum class Mode { CurrentRm, Balance };

    static std::vector<IssuedList::Share> split(const BranchSnapshot &snapshot, const QStringList &customerNos,
                                                Mode mode, const QStringList &rms,
                                                const QHash<QString, int> &load = {});
};
