// CadenceEngine, the 731 rule (DOMAIN.md): a maturing product above the floor
// gets contacts 7, 3 and 1 days before it matures. The steps themselves are policy
// (resources/policy/cadence_policy.json, template "731"); the shared step resolution
// is in cadenceengine.cpp, the 4+1 cycles in cadence4plus1.cpp.
#include "cadenceengine.h"

#include "branchsnapshot.h"

#include <algorithm>

QString CadenceEngine::maturityKey(const QString &holdingId)
{
    return QStringLiteral("731:") + holdingId;
}

int CadenceEngine::maturityLeadDays() const
{
    int lead = 0;
    for (const CadenceTemplate::Step &s : m_policy.maturity.steps)
        lead = std::max(lead, -s.day);
    // A due date moved back over the longest holiday run (Spring Festival, 9 days).
    return lead + 10;
}

bool CadenceEngine::hasMaturityPlan(const Holding &h, const QDate &asOf, int aheadDays) const
{
    if (h.status != Holding::Status::Active || !h.maturityDate.isValid() || !m_policy.isMaturityType(h.productType))
        return false;
    const qint64 days = asOf.daysTo(h.maturityDate);
    if (days < 0 || days > aheadDays || !meetsMaturityFloor(h))
        return false;
    return m_activity.doNotContactCount() == 0 || !m_activity.isDoNotContact(m_snapshot.indexOfCustomer(h.customerNo));
}

bool CadenceEngine::meetsMaturityFloor(const Holding &h) const
{
    const CadencePolicy::MaturityFloor &floor = m_policy.floorFor(h.productType);
    if (h.amountFen >= floor.minFen)
        return true;
    if (floor.minTier.isEmpty())
        return false;
    const int minTier = m_snapshot.tierPolicy().indexOfId(floor.minTier);
    const int customer = m_snapshot.indexOfCustomer(h.customerNo);
    return minTier >= 0 && customer >= 0 && m_snapshot.tierOf(customer) >= minTier;
}

CadencePlan CadenceEngine::maturityPlan(int customer, int holding, const QDate &asOf) const
{
    return maturityPlanImpl(customer, holding, asOf, std::nullopt);
}

CadencePlan CadenceEngine::maturityPlan(int customer, int holding, const QDate &asOf, const MaturityOutcome *mark) const
{
    return maturityPlanImpl(customer, holding, asOf, mark);
}

CadencePlan CadenceEngine::maturityPlanImpl(int customer, int holding, const QDate &asOf,
                                            std::optional<const MaturityOutcome *> mark) const
{
    const Holding &h = m_snapshot.holdings()[size_t(holding)];
    CadencePlan plan;
    plan.kind = CadencePlan::Kind::Maturity;
    plan.key = maturityKey(h.holdingId);
    plan.enrolmentKey = plan.key;
    plan.customer = customer;
    plan.holding = holding;
    plan.anchor = h.maturityDate;
    // Not enrolled yet means it enters the list today (the workspace records it).
    QDate entered = m_activity.enrolledOn(plan.enrolmentKey);
    if (!entered.isValid() || entered > asOf)
        entered = asOf;
    if (h.openDate.isValid() && h.openDate > entered)
        entered = h.openDate;
    plan.enteredOn = entered;
    plan.lateUntil = h.maturityDate;
    resolve(plan, m_policy.maturity, asOf, h.holdingId, mark);
    if (h.status != Holding::Status::Active && !plan.closed) {
        // HQ data says the product is gone: nothing left to do for it.
        plan.closed = true;
        plan.closedOn = std::min(asOf, h.maturityDate);
        for (CadencePlan::Step &s : plan.steps) {
            if (s.isOpen())
                s.state = CadencePlan::Step::State::Closed;
        }
    }
    return plan;
}
