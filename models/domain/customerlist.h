#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <vector>

class BranchSnapshot;
class ValueScores;

// One customer on a working list, with the numbers that put them there.
struct ListMember
{
    int customer = -1;      // index into the snapshot
    qint64 basisFen = 0;    // AUM on the tier basis
    int targetTier = -1;    // tier index the list works towards, -1 when none
    qint64 gapFen = 0;      // target tier's lower bound minus basisFen (threshold list)
    qint64 projectedFen = 0; // month-end average if today's balance is held (threshold list)
    quint16 reasons = 0;     // the list's own reason bits (MomentLists)
    QDate day;               // the day that matters: opened, active again, maturing, birthday
    qint64 amountFen = 0;    // the amount that matters: outflow, maturing amount, fall
};

// A list the UI shows and the CLI prints: threshold, low-efficiency or a
// selection from the quadrant. Reasons are worded from the numbers when shown,
// so they follow the language.
struct CustomerList
{
    Q_DECLARE_TR_FUNCTIONS(CustomerList)

public:
    // Imported (issue 17): a name list from another department (card, loan, corporate), read from .xlsx/.csv.
    enum class Kind { Threshold, LowEfficiency, Quadrant, Selection, NewCustomer, LossRecovery, Moment, Imported };
    static constexpr int kKindCount = 8;

    Kind kind = Kind::Selection;
    QString criteria; // how the list was made, untranslated key=value pairs (stored with a campaign)
    std::vector<ListMember> members;

    static QString kindKey(Kind kind);
    static bool kindFromKey(const QString &key, Kind *out);
    static QString kindName(Kind kind); // translated

    // "上月日均 42.30万元，距金卡客户 7.70万元；按今日余额月末日均 45.12万元" and the like.
    static QString reason(Kind kind, const ListMember &member, const BranchSnapshot &snapshot,
                          const ValueScores *scores);
    // Customers picked by hand or by a rectangle on the quadrant, in the given order.
    static CustomerList selection(const BranchSnapshot &snapshot, const std::vector<int> &customers,
                                  Kind kind = Kind::Selection, const QString &criteria = {});
};
