#include "campaignrepository.h"

#include "database.h"
#include "statement.h"
#include "transaction.h"

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
