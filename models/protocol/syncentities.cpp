#include "syncentities.h"

#include "domain/customercolumns.h"

namespace {

// The branch's data from the core-banking extract, owned by HQ.
void appendHqData(QVector<SyncEntities::Entity> &list)
{
    using E = SyncEntities;
    list.append({QStringLiteral("staff"), QStringLiteral("staff"), QStringLiteral("staff_id"),
                 {QStringLiteral("staff_id"), QStringLiteral("name"), QStringLiteral("role")},
                 E::Owner::Hq, E::Rule::HqWins});
    // The customer's columns are registered in domain/customercolumns.h, with the store's.
    list.append({QStringLiteral("customer"), QStringLiteral("customer"), QStringLiteral("customer_no"),
                 CustomerColumns::names(), E::Owner::Hq, E::Rule::HqWins});
    list.append({QStringLiteral("holding"), QStringLiteral("holding"), QStringLiteral("holding_id"),
                 QStringLiteral("holding_id customer_no product_type product_name amount_fen open_date maturity_date status")
                     .split(QLatin1Char(' ')),
                 E::Owner::Hq, E::Rule::HqWins});
}

// The RMs' contacts and notes.
void appendContactWork(QVector<SyncEntities::Entity> &list)
{
    using E = SyncEntities;
    list.append({QStringLiteral("contact"), QStringLiteral("contact"), QStringLiteral("contact_id"),
                 QStringLiteral("contact_id customer_no staff_id channel outcome contacted_at note next_step_date "
                                "holding_id supersedes device_id created_at")
                     .split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::AppendOnly});
    list.append({QStringLiteral("note"), QStringLiteral("note"), QStringLiteral("note_id"),
                 QStringLiteral("note_id customer_no body author_id updated_at device_id").split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::LastWriteWins});
}

void appendCadenceAndEvents(QVector<SyncEntities::Entity> &list)
{
    using E = SyncEntities;
    // Cadences and community events (schema v4): append-only records a desktop
    // writes once; corrections are new records (supersedes), never edits.
    list.append({QStringLiteral("step_override"), QStringLiteral("step_override"), QStringLiteral("override_id"),
                 QStringLiteral("override_id plan_key step_index due_date reason staff_id customer_no device_id created_at")
                     .split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::AppendOnly});
    list.append({QStringLiteral("enrolment"), QStringLiteral("cadence_enrolment"), QStringLiteral("enrolment_key"),
                 QStringLiteral("enrolment_key customer_no entered_on device_id").split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::AppendOnly, E::Writers::AnyStaff,
                 QStringLiteral("entered_on")}); // the first desktop to see a plan dates it
    list.append({QStringLiteral("maturity_outcome"), QStringLiteral("maturity_outcome"), QStringLiteral("outcome_id"),
                 QStringLiteral("outcome_id holding_id customer_no outcome kept_fen note staff_id supersedes device_id marked_at")
                     .split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::AppendOnly});
    list.append({QStringLiteral("event"), QStringLiteral("community_event"), QStringLiteral("event_id"),
                 QStringLiteral("event_id name held_on place campaign created_by device_id created_at").split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::AppendOnly});
    list.append({QStringLiteral("event_visitor"), QStringLiteral("event_visitor"), QStringLiteral("visitor_id"),
                 QStringLiteral("visitor_id event_id name phone interest consent customer_no contact_id prospect_id "
                                "captured_by device_id captured_at")
                     .split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::AppendOnly});
    list.append({QStringLiteral("prospect"), QStringLiteral("prospect"), QStringLiteral("prospect_id"),
                 QStringLiteral("prospect_id name phone interest owner_id source_event_id consent device_id created_at")
                     .split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::LastWriteWins});
}

void appendManagerDesk(QVector<SyncEntities::Entity> &list)
{
    using E = SyncEntities;
    // The branch manager's desk (schema v6): who works a customer, and the
    // campaigns with their targets, written by the manager only (issue 6). The last write to reach HQ wins; a desktop
    // shows every assignment a pull overwrote in its sync log.
    list.append({QStringLiteral("assignment"), QStringLiteral("assignment"), QStringLiteral("customer_no"),
                 QStringLiteral("customer_no rm_id assigned_by assigned_at device_id").split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::LastWriteWins, E::Writers::Manager});
    list.append({QStringLiteral("campaign"), QStringLiteral("campaign"), QStringLiteral("campaign_id"),
                 QStringLiteral("campaign_id name starts_on ends_on targets updated_by updated_at device_id").split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::LastWriteWins, E::Writers::Manager});
}

void appendPolicies(QVector<SyncEntities::Entity> &list)
{
    using E = SyncEntities;
    // Issue 18: the tier, value and cadence policies and the holiday calendars HQ issues
    // (`branchdesk-hq policy set`, `branchdesk-hq calendar add`), one versioned document each.
    list.append({QStringLiteral("policy"), QStringLiteral("hq_policy"), QStringLiteral("policy_id"),
                 QStringLiteral("policy_id kind version body issued_at local_edits").split(QLatin1Char(' ')),
                 E::Owner::Hq, E::Rule::HqWins});
}

void appendIssuedWork(QVector<SyncEntities::Entity> &list)
{
    using E = SyncEntities;
    // Work as issued (issue 17, schema v7): do-not-contact flags are append-only
    // (the latest created_at per customer wins when read); an issued list and
    // its per-RM shares are the manager's (only a manager writes them), the last write wins.
    list.append({QStringLiteral("do_not_contact"), QStringLiteral("do_not_contact"), QStringLiteral("record_id"),
                 QStringLiteral("record_id customer_no active since source note staff_id device_id created_at")
                     .split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::AppendOnly});
    list.append({QStringLiteral("issued_list"), QStringLiteral("issued_list"), QStringLiteral("list_id"),
                 QStringLiteral("list_id name kind campaign_id frozen_on issued_at issued_by withdrawn device_id")
                     .split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::LastWriteWins, E::Writers::Manager});
    list.append({QStringLiteral("issued_share"), QStringLiteral("issued_share"), QStringLiteral("share_id"),
                 QStringLiteral("share_id list_id customer_no rm_id device_id").split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::LastWriteWins, E::Writers::Manager});
}

void appendAudit(QVector<SyncEntities::Entity> &list)
{
    using E = SyncEntities;
    // The audit trail goes up to HQ only: each desktop's chain stays its own, so
    // pulled audit entries are not applied (no local table).
    list.append({QStringLiteral("audit"), QString(), QStringLiteral("entry_id"),
                 QStringLiteral("entry_id at staff_id event subject detail device_id prev_hash hash key_id n mac").split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::AppendOnly});
}

// The registry, one group after the other in its fixed order: an entity's index is its
// place in this list (PulledRecords and the page applier go by it).
QVector<SyncEntities::Entity> makeEntities()
{
    QVector<SyncEntities::Entity> list;
    appendHqData(list);
    appendContactWork(list);
    appendCadenceAndEvents(list);
    appendManagerDesk(list);
    appendPolicies(list);
    appendIssuedWork(list);
    appendAudit(list);
    return list;
}

} // namespace

const QVector<SyncEntities::Entity> &SyncEntities::all()
{
    static const QVector<Entity> entities = makeEntities();
    return entities;
}

const SyncEntities::Entity *SyncEntities::find(const QString &name)
{
    for (const Entity &e : all()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

bool SyncEntities::desktopMayWrite(const QString &name)
{
    const Entity *e = find(name);
    return e && e->owner == Owner::Desktop;
}
