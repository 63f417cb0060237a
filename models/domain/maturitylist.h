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
// which gives the conversion rate by count and by amount. An outcome comes
// from HQ data when it shows one (the product closed; successors opened
// within a week of maturity are what was kept), else from the RM's mark,
// else from a contact outcome about the product (rolled over, moved to
// another product here, funds used elsewhere, withdrawn).
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
        qint64 keptFen = 0;
        bool hasOutcome() const { return source != Source::None; }
    };
    struct Conversion
    {
        int matured = 0;  // products matured in the window, up to and including asOf
        int known = 0;    // of which an outcome is known
        int retained = 0; // of which something stayed here
        qint64 maturedFen = 0;
        qint64 knownFen = 0;
        qint64 keptFen = 0;
        double byCount() const { return known ? double(retained) / known : 0.0; }
        double byAmount() const { return knownFen ? double(keptFen) / double(knownFen) : 0.0; }
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
                         const QDate &asOf, std::optional<const MaturityOutcome *> mark = std::nullopt);

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
