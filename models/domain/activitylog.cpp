#include "activitylog.h"

#include "branchsnapshot.h"

#include <algorithm>

namespace {
QString overrideKey(const QString &planKey, int step)
{
    return planKey + QLatin1Char('#') + QString::number(step);
}
} // namespace

ActivityLog ActivityLog::build(const BranchSnapshot &snapshot, const std::vector<Contact> &contacts,
                               const std::vector<StepOverride> &overrides,
                               const std::vector<CadenceEnrolment> &enrolments,
                               const std::vector<MaturityOutcome> &outcomes)
{
    ActivityLog log;
    for (const Contact &c : contacts) {
        const int customer = snapshot.indexOfCustomer(c.customerNo);
        if (customer >= 0)
            log.addContact(customer, c);
    }
    for (const StepOverride &o : overrides)
        log.addOverride(o);
    for (const CadenceEnrolment &e : enrolments)
        log.addEnrolment(e);
    for (const MaturityOutcome &o : outcomes)
        log.addMaturityOutcome(o);
    return log;
}

void ActivityLog::addContact(int customer, const Contact &contact)
{
    QList<Contact> &list = m_contacts[customer];
    // Contacts mostly arrive in time order: insert from the back.
    auto it = list.end();
    while (it != list.begin() && (it - 1)->contactedAt > contact.contactedAt)
        --it;
    list.insert(it, contact);
    if (!contact.supersedes.isEmpty())
        m_superseded.insert(contact.supersedes);
    ++m_contactCount;
}

void ActivityLog::addOverride(const StepOverride &o)
{
    const QString key = overrideKey(o.planKey, o.stepIndex);
    const auto it = m_overrides.constFind(key);
    if (it == m_overrides.cend() || it->createdAt <= o.createdAt) {
        m_overrides.insert(key, o);
        m_overriddenPlans.insert(o.planKey);
    }
}

std::optional<StepOverride> ActivityLog::overrideFor(const QString &planKey, int stepIndex) const
{
    if (m_overrides.isEmpty())
        return std::nullopt;
    const auto it = m_overrides.constFind(overrideKey(planKey, stepIndex));
    if (it == m_overrides.cend())
        return std::nullopt;
    return *it;
}

void ActivityLog::addEnrolment(const CadenceEnrolment &e)
{
    if (!e.enteredOn.isValid())
        return;
    const auto it = m_enrolments.constFind(e.enrolmentKey);
    if (it == m_enrolments.cend() || e.enteredOn < *it)
        m_enrolments.insert(e.enrolmentKey, e.enteredOn);
}

void ActivityLog::addMaturityOutcome(const MaturityOutcome &o)
{
    if (!o.supersedes.isEmpty())
        m_supersededOutcomes.insert(o.supersedes);
    if (m_supersededOutcomes.contains(o.outcomeId))
        return;
    const auto it = m_outcomes.constFind(o.holdingId);
    if (it == m_outcomes.cend() || it->markedAt <= o.markedAt || o.supersedes == it->outcomeId)
        m_outcomes.insert(o.holdingId, o);
}

const MaturityOutcome *ActivityLog::maturityOutcome(const QString &holdingId) const
{
    const auto it = m_outcomes.constFind(holdingId);
    return it == m_outcomes.cend() ? nullptr : &it.value();
}

void ActivityLog::addDoNotContact(int customer, const DoNotContact &d)
{
    const auto it = m_dnc.find(customer);
    if (it != m_dnc.end()) {
        if (!d.supersedes(*it))
            return;
        m_dncActive -= it->active ? 1 : 0;
        *it = d;
    } else {
        m_dnc.insert(customer, d);
    }
    m_dncActive += d.active ? 1 : 0;
}

const DoNotContact *ActivityLog::doNotContact(int customer) const
{
    const auto it = m_dnc.constFind(customer);
    return it != m_dnc.cend() && it->active ? &*it : nullptr;
}

QDate ActivityLog::declinedOn(int customer, const QDate &asOf) const
{
    const auto it = m_contacts.constFind(customer);
    if (it == m_contacts.cend())
        return {};
    for (const Contact &c : *it) {
        const QDate day = c.contactedAt.date();
        if (day > asOf)
            break;
        if (c.outcome == Contact::Outcome::Declined && !isSuperseded(c.contactId))
            return day;
    }
    return {};
}
