#include "syncentities.h"

namespace {

QVector<SyncEntities::Entity> makeEntities()
{
    using E = SyncEntities;
    QVector<E::Entity> list;
    list.append({QStringLiteral("staff"), QStringLiteral("staff"), QStringLiteral("staff_id"),
                 {QStringLiteral("staff_id"), QStringLiteral("name"), QStringLiteral("role")},
                 E::Owner::Hq, E::Rule::HqWins});
    list.append({QStringLiteral("customer"), QStringLiteral("customer"), QStringLiteral("customer_no"),
                 QStringLiteral("customer_no name gender birth_date phone id_number address occupation employer payroll "
                                "credit_card_active loan_start_date corporate_executive mb_logins_90d txn_90d "
                                "last_activity opened_on rm_id aum_fen aum_mtd_avg_fen aum_hist_end aum_hist "
                                "contribution_fen settlement_products service_events_12m referral_links")
                     .split(QLatin1Char(' ')),
                 E::Owner::Hq, E::Rule::HqWins});
    list.append({QStringLiteral("holding"), QStringLiteral("holding"), QStringLiteral("holding_id"),
                 QStringLiteral("holding_id customer_no product_type product_name amount_fen open_date maturity_date status")
                     .split(QLatin1Char(' ')),
                 E::Owner::Hq, E::Rule::HqWins});
    list.append({QStringLiteral("contact"), QStringLiteral("contact"), QStringLiteral("contact_id"),
                 QStringLiteral("contact_id customer_no staff_id channel outcome contacted_at note next_step_date "
                                "holding_id supersedes device_id created_at")
                     .split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::AppendOnly});
    list.append({QStringLiteral("note"), QStringLiteral("note"), QStringLiteral("note_id"),
                 QStringLiteral("note_id customer_no body author_id updated_at device_id").split(QLatin1Char(' ')),
                 E::Owner::Desktop, E::Rule::LastWriteWins});
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
