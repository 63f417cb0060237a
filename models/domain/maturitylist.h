#pragma once

#include "activitylog.h"
#include "cadencepolicy.h"
#include "holding.h"
#include "maturityoutcome.h"
#include "rmfilter.h"

#include <QDate>
#include <optional>
#include <vector>

class BranchSnapshot;

// The maturity list (到期): time deposits, wealth products and insurance
// maturing in a window, and for those already matured what became of them,
// which gives two rates, by count and by amount (issue 18, docs/quadrant-and-lists.md):
// - converted: reinvested in a product here (renewed, or another deposit, wealth,
//   fund, insurance product), at least policy.convertedMinPct of the matured amount;
// - retained: still in the bank, converted or not: what the customer's AUM did not
//   lose since before the maturity stayed (a demand deposit counts as retained).
// A partial keep is neither a full conversion nor a full retention by count; its
// amounts count by amount. What was reinvested comes from HQ data when it shows
// one (the product closed; successors opened within a week of maturity), else
// from the RM's mark, else from a contact outcome about the product (rolled
// over, moved to another product here, funds used elsewhere, withdrawn).
class MaturityList
{
public:
    enum class Source : quint8 { None, HqData, RmMark, Contact };

    struct Entry
    {
        int holding = -1; // index into snapshot.holdings()
        int customer = -1;
        QDate maturity;
        Holding::ProductType type = Holding::ProductType::TimeDeposit;
        qint64 amountFen = 0;
        Source source = Source::None;
        MaturityOutcome::Kind outcome = MaturityOutcome::Kind::Withdrawn;
        qint64 convertedFen = 0; // reinvested here: renewed or moved into a product (not a demand deposit)
        qint64 retainedFen = 0;  // still in the bank: converted plus what stayed, e.g. as a demand deposit
        bool converted = false;  // convertedFen reaches policy.convertedMinPct of the amount
        bool retained = false;   // retainedFen reaches it
        bool hasOutcome() const { return source != Source::None; }
    };
    struct Conversion
    {
        int matured = 0;  // products matured in the window, up to and including asOf
        int known = 0;    // of which an outcome is known
        int retained = 0;  // of which (nearly) all stayed in the bank, a demand deposit included
        int converted = 0; // of which (nearly) all was reinvested in a product here
        qint64 maturedFen = 0;
        qint64 knownFen = 0;
        qint64 retainedFen = 0;
        qint64 convertedFen = 0;
        double retainedByCount() const { return known ? double(retained) / known : 0.0; }
        double retainedByAmount() const { return knownFen ? double(retainedFen) / double(knownFen) : 0.0; }
        double convertedByCount() const { return known ? double(converted) / known : 0.0; }
        double convertedByAmount() const { return knownFen ? double(convertedFen) / double(knownFen) : 0.0; }
    };

    // Products maturing from `from` to `to` (inclusive), by date, product type, amount;
    // only the customers `rm` keeps (the conversion rate is theirs too).
    static MaturityList build(const BranchSnapshot &snapshot, const CadencePolicy &policy, const ActivityLog &activity,
                              const QDate &from, const QDate &to, const QDate &asOf, RmFilter rm = {});
    // What build() does per product, for a caller walking the holdings itself
    // (the campaign metrics): whether the product is on the list of from..to,
    // and its entry. `mark` is activity.maturityOutcome(holding id) when the
    // caller has looked it up already; else it is looked up when needed.
    static bool lists(const CadencePolicy &policy, const Holding &h, const QDate &from, const QDate &to);
    static Entry entryOf(const BranchSnapshot &snapshot, const ActivityLog &activity, int customer, int holding,
                         const QDate &asOf, std::optional<const MaturityOutcome *> mark = std::nullopt,
                         int convertedMinPct = 90);

    const std::vector<Entry> &entries() const { return m_entries; }
    Conversion conversion() const { return m_conversion; }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    QDate asOf() const { return m_asOf; }

    static QString sourceName(Source s); // translated
    static QString sourceKey(Source s);

private:
    std::vector<Entry> m_entries;
    Conversion m_conversion;
    QDate m_from;
    QDate m_to;
    QDate m_asOf;
};
