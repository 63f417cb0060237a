#include "assignmentrepository.h"

#include "auditlog.h"
#include "contactrepository.h"
#include "database.h"
#include "domain/branchdata.h"
#include "statement.h"
#include "storeerror.h"
#include "store/outbox.h"
#include "transaction.h"

#include <QStringList>

QJsonObject AssignmentRepository::toJson(const Assignment &a)
{
    return QJsonObject{{QStringLiteral("customer_no"), a.customerNo},
                       {QStringLiteral("rm_id"), a.rmId},
                       {QStringLiteral("assigned_by"), a.assignedBy},
                       {QStringLiteral("assigned_at"), a.assignedAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("device_id"), a.deviceId}};
}

int AssignmentRepository::assign(const QStringList &customerNos, const QString &rmId, const QString &byStaffId)
{
    QHash<QString, QString> moves;
    for (const QString &no : customerNos)
        moves.insert(no, rmId);
    return assign(moves, byStaffId);
}

int AssignmentRepository::assign(const QHash<QString, QString> &moves, const QString &byStaffId)
{
    if (byStaffId.isEmpty())
        throw StoreError(QStringLiteral("An assignment needs the staff member who makes it"));
    Transaction tx(m_db);
    const QString device = ContactRepository::deviceId(m_db);
    const QDateTime now = QDateTime::currentDateTime();
    AuditLog audit(m_db);
    // The RM the customer has now: the last assignment, else HQ's extract.
    Statement current(m_db, QStringLiteral("SELECT COALESCE((SELECT rm_id FROM assignment WHERE customer_no = ?1),"
                                           " (SELECT rm_id FROM customer WHERE customer_no = ?1), '')"));
    Statement write(m_db, QStringLiteral("INSERT OR REPLACE INTO assignment (customer_no, rm_id, assigned_by, assigned_at, device_id)"
                                         " VALUES (?, ?, ?, ?, ?)"));
    QStringList customerNos = moves.keys();
    customerNos.sort(); // the audit chain and the outbox in a stable order
    int changed = 0;
    for (const QString &no : std::as_const(customerNos)) {
        const QString rm = moves.value(no).isNull() ? QStringLiteral("") : moves.value(no);
        current.reset();
        current.bind(1, no);
        const QString before = current.step() ? current.text(0) : QString();
        if (before == rm)
            continue;
        const Assignment a{no, rm, byStaffId, now, device};
        write.reset();
        write.bind(1, no).bind(2, rm).bind(3, byStaffId).bind(4, now.toString(Qt::ISODateWithMs)).bind(5, device).execute();
        Outbox::enqueue(m_db, QStringLiteral("assignment"), no, QStringLiteral("upsert"), toJson(a), no);
        audit.append(QStringLiteral("assignment"), byStaffId, no,
                     QStringLiteral("%1 -> %2").arg(before.isEmpty() ? QStringLiteral("-") : before,
                                                   rm.isEmpty() ? QStringLiteral("-") : rm));
        ++changed;
    }
    tx.commit();
    return changed;
}

QHash<QString, QString> AssignmentRepository::all()
{
    QHash<QString, QString> out;
    Statement st(m_db, QStringLiteral("SELECT customer_no, rm_id FROM assignment"));
    while (st.step())
        out.insert(st.text(0), st.text(1));
    return out;
}

std::vector<Assignment> AssignmentRepository::list()
{
    std::vector<Assignment> out;
    Statement st(m_db, QStringLiteral("SELECT customer_no, rm_id, assigned_by, assigned_at, device_id FROM assignment"
                                      " ORDER BY customer_no"));
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), QDateTime::fromString(st.text(3), Qt::ISODateWithMs), st.text(4)});
    return out;
}

void AssignmentRepository::overlay(BranchData *data)
{
    const QHash<QString, QString> assigned = all();
    if (assigned.isEmpty())
        return;
    for (Customer &c : data->customers) {
        const auto it = assigned.constFind(c.customerNo);
        if (it != assigned.constEnd())
            c.rmId = it.value();
    }
}
