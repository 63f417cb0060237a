#include "campaignrepository.h"

#include "database.h"
#include "statement.h"
#include "transaction.h"
#include "auditlog.h"
#include "contactrepository.h"
#include "storeerror.h"
#include "store/outbox.h"

#include <QJsonObject>
#include <QUuid>

qint64 CampaignRepository::insert(const CampaignList &list, const QString &createdAt)
{
    Transaction tx(m_db);
    Statement head(m_db, QStringLiteral("INSERT INTO campaign_list (name, kind, criteria, frozen_on, created_at)"
                                        " VALUES (?, ?, ?, ?, ?)"));
    head.bind(1, list.name)
        .bind(2, CustomerList::kindKey(list.kind))
        .bind(3, list.criteria.isNull() ? QStringLiteral("") : list.criteria)
        .bind(4, list.frozenOn.toString(Qt::ISODate))
        .bind(5, createdAt)
        .execute();
    const qint64 id = m_db.lastInsertRowId();
    Statement member(m_db, QStringLiteral(
        "INSERT OR IGNORE INTO campaign_member (list_id, customer_no, baseline_fen, baseline_tier, target_tier, reason)"
        " VALUES (?, ?, ?, ?, ?, ?)"));
    for (const CampaignList::Member &m : list.members) {
        member.bind(1, id)
            .bind(2, m.customerNo)
            .bind(3, m.baselineFen)
            .bind(4, m.baselineTier)
            .bind(5, m.targetTier)
            .bind(6, m.reason.isNull() ? QStringLiteral("") : m.reason)
            .execute();
    }
    tx.commit();
    return id;
}

std::vector<CampaignList> CampaignRepository::loadAll()
{
    std::vector<CampaignList> lists;
    {
        Statement st(m_db, QStringLiteral("SELECT list_id, name, kind, criteria, frozen_on FROM campaign_list"
                                          " ORDER BY frozen_on DESC, list_id DESC"));
        while (st.step()) {
            CampaignList l;
            l.id = st.int64(0);
            l.name = st.text(1);
            CustomerList::kindFromKey(st.text(2), &l.kind);
            l.criteria = st.text(3);
            l.frozenOn = QDate::fromString(st.text(4), Qt::ISODate);
            lists.push_back(std::move(l));
        }
    }
    Statement st(m_db, QStringLiteral("SELECT customer_no, baseline_fen, baseline_tier, target_tier, reason"
                                      " FROM campaign_member WHERE list_id = ? ORDER BY rowid"));
    for (CampaignList &l : lists) {
        st.bind(1, l.id);
        while (st.step())
            l.members.push_back({st.text(0), st.int64(1), st.text(2), st.text(3), st.text(4)});
        st.reset();
    }
    return lists;
}

bool CampaignRepository::remove(qint64 id)
{
    Transaction tx(m_db);
    Statement members(m_db, QStringLiteral("DELETE FROM campaign_member WHERE list_id = ?"));
    members.bind(1, id).execute();
    Statement head(m_db, QStringLiteral("DELETE FROM campaign_list WHERE list_id = ?"));
    head.bind(1, id).execute();
    const bool removed = m_db.changes() > 0;
    tx.commit();
    return removed;
}

Campaign CampaignRepository::save(Campaign c, const QString &byStaffId)
{
    if (c.name.trimmed().isEmpty() || !c.startsOn.isValid() || !c.endsOn.isValid() || c.endsOn < c.startsOn)
        throw StoreError(QStringLiteral("A campaign needs a name and a start date on or before its end date"));
    Transaction tx(m_db);
    if (c.campaignId.isEmpty())
        c.campaignId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    c.updatedBy = byStaffId;
    c.updatedAt = QDateTime::currentDateTime();
    const QString device = ContactRepository::deviceId(m_db);
    const QString at = c.updatedAt.toString(Qt::ISODateWithMs);
    Statement write(m_db, QStringLiteral("INSERT OR REPLACE INTO campaign (campaign_id, name, starts_on, ends_on, targets,"
                                         " updated_by, updated_at, device_id) VALUES (?,?,?,?,?,?,?,?)"));
    write.bind(1, c.campaignId)
        .bind(2, c.name)
        .bind(3, c.startsOn.toString(Qt::ISODate))
        .bind(4, c.endsOn.toString(Qt::ISODate))
        .bind(5, c.targetsJson())
        .bind(6, byStaffId)
        .bind(7, at)
        .bind(8, device)
        .execute();
    Statement unlink(m_db, QStringLiteral("DELETE FROM campaign_list_link WHERE campaign_id = ?"));
    unlink.bind(1, c.campaignId).execute();
    Statement link(m_db, QStringLiteral("INSERT OR IGNORE INTO campaign_list_link (campaign_id, list_id) VALUES (?, ?)"));
    for (qint64 id : c.listIds)
        link.bind(1, c.campaignId).bind(2, id).execute();
    const QJsonObject payload{{QStringLiteral("campaign_id"), c.campaignId},
                              {QStringLiteral("name"), c.name},
                              {QStringLiteral("starts_on"), c.startsOn.toString(Qt::ISODate)},
                              {QStringLiteral("ends_on"), c.endsOn.toString(Qt::ISODate)},
                              {QStringLiteral("targets"), c.targetsJson()},
                              {QStringLiteral("updated_by"), byStaffId},
                              {QStringLiteral("updated_at"), at},
                              {QStringLiteral("device_id"), device}};
    Outbox::enqueue(m_db, QStringLiteral("campaign"), c.campaignId, QStringLiteral("upsert"), payload);
    AuditLog(m_db).append(QStringLiteral("policy_change"), byStaffId, QStringLiteral("campaign:") + c.campaignId,
                          c.targetsJson());
    tx.commit();
    return c;
}

std::vector<Campaign> CampaignRepository::campaigns()
{
    std::vector<Campaign> out;
    {
        Statement st(m_db, QStringLiteral("SELECT campaign_id, name, starts_on, ends_on, targets, updated_by, updated_at"
                                          " FROM campaign ORDER BY starts_on DESC, campaign_id"));
        while (st.step()) {
            Campaign c;
            c.campaignId = st.text(0);
            c.name = st.text(1);
            c.startsOn = QDate::fromString(st.text(2), Qt::ISODate);
            c.endsOn = QDate::fromString(st.text(3), Qt::ISODate);
            c.setTargetsJson(st.text(4)); // a damaged text keeps the defaults
            c.updatedBy = st.text(5);
            c.updatedAt = QDateTime::fromString(st.text(6), Qt::ISODateWithMs);
            out.push_back(std::move(c));
        }
    }
    Statement links(m_db, QStringLiteral("SELECT list_id FROM campaign_list_link WHERE campaign_id = ? ORDER BY list_id"));
    for (Campaign &c : out) {
        links.bind(1, c.campaignId);
        while (links.step())
            c.listIds.push_back(links.int64(0));
        links.reset();
    }
    return out;
}
