#pragma once

#include "cadenceenrolment.h"
#include "contact.h"
#include "donotcontact.h"
#include "maturityoutcome.h"
#include "stepoverride.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <optional>
#include <vector>

class BranchSnapshot;

// The records desktops own that cadences are derived from: contacts by
// customer, step overrides, list enrolments and maturity outcomes, held in
// memory next to the branch snapshot. A value type built on Qt's implicitly
// shared containers: copying it for a worker thread is cheap, and adding a
// contact to a copy leaves the others as they were.
class ActivityLog
{
public:
    ActivityLog() = default;
    // Customers are addressed by snapshot index; records of customers the
    // snapshot does not know are dropped.
    static ActivityLog build(const BranchSnapshot &snapshot, const std::vector<Contact> &contacts,
                             const std::vector<StepOverride> &overrides,
                             const std::vector<CadenceEnrolment> &enrolments,
                             const std::vector<MaturityOutcome> &outcomes);

    void addContact(int customer, const Contact &contact);
    // Every contact of the customer, superseded ones included, oldest first.
    QList<Contact> contactsOf(int customer) const { return m_contacts.value(customer); }
    bool isSuperseded(const QString &contactId) const { return m_superseded.contains(contactId); }
    int contactCount() const { return m_contactCount; }

    void addOverride(const StepOverride &o);
    std::optional<StepOverride> overrideFor(const QString &planKey, int stepIndex) const;
    // Whether any step of the plan was rescheduled: one lookup per plan, not per step.
    bool hasOverrides(const QString &planKey) const { return !m_overrides.isEmpty() && m_overriddenPlans.contains(planKey); }

    // Keeps the earliest date per key.
    void addEnrolment(const CadenceEnrolment &e);
    QDate enrolledOn(const QString &key) const { return m_enrolments.value(key); }
    bool isEnrolled(const QString &key) const { return m_enrolments.contains(key); }

    void addMaturityOutcome(const MaturityOutcome &o);
    // The latest mark of the product, or null; points into this log and stays
    // valid until the log is changed (no copy: cadences ask once per product).
    const MaturityOutcome *maturityOutcome(const QString &holdingId) const;

    // 拒绝营销: the latest record per customer wins; a lifted flag stays as history.
    void addDoNotContact(int customer, const DoNotContact &d);
    // The standing flag of the customer, or null (points into this log).
    const DoNotContact *doNotContact(int customer) const;
    bool isDoNotContact(int customer) const { return !m_dnc.isEmpty() && doNotContact(customer) != nullptr; }
    int doNotContactCount() const { return m_dncActive; }
    // The first contact with outcome "declined" on or before asOf (invalid when none).
    QDate declinedOn(int customer, const QDate &asOf) const;

private:
    QHash<int, DoNotContact> m_dnc; // latest record per customer
    int m_dncActive = 0;
    QHash<int, QList<Contact>> m_contacts;
    QSet<QString> m_superseded;
    int m_contactCount = 0;
    QHash<QString, StepOverride> m_overrides; // "<plan key>#<step>"
    QSet<QString> m_overriddenPlans;           // plan keys with an entry in m_overrides
    QHash<QString, QDate> m_enrolments;
    QHash<QString, MaturityOutcome> m_outcomes; // by holding id, latest mark
    QSet<QString> m_supersededOutcomes;
};
