#include "cadencerepository.h"

#include "contactrepository.h"
#include "worklistrepository.h"
#include "domain/branchsnapshot.h"
#include "database.h"
#include "statement.h"
#include "storeerror.h"
#include "store/outbox.h"
#include "transaction.h"

#include <QUuid>

namespace {

QString iso(const QDateTime &t)
{
    return t.isValid() ? t.toOffsetFromUtc(t.offsetFromUtc()).toString(Qt::ISODateWithMs) : QString();
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString orNull(const QString &s)
{
    return s.isEmpty() ? QString() : s;
}

} // namespace

StepOverride CadenceRepository::reschedule(StepOverride o)
{
    if (o.planKey.isEmpty() || !o.dueDate.isValid() || o.reason.trimmed().isEmpty())
        throw StoreError(QStringLiteral("A reschedule needs a plan, a new due date and a reason"));
    Transaction tx(m_db);
    if (o.overrideId.isEmpty())
        o.overrideId = newId();
    if (o.deviceId.isEmpty())
        o.deviceId = ContactRepository::deviceId(m_db);
    if (!o.createdAt.isValid())
        o.createdAt = QDateTime::currentDateTime();
    insert(o);
    Outbox::enqueue(m_db, QStringLiteral("step_override"), o.overrideId, QStringLiteral("upsert"), toJson(o),
                    o.customerNo);
    tx.commit();
    return o;
}

MaturityOutcome CadenceRepository::markOutcome(MaturityOutcome o)
{
    if (o.holdingId.isEmpty() || o.customerNo.isEmpty())
        throw StoreError(QStringLiteral("A maturity outcome needs the product and the customer"));
    Transaction tx(m_db);
    if (o.outcomeId.isEmpty())
        o.outcomeId = newId();
    if (o.deviceId.isEmpty())
        o.deviceId = ContactRepository::deviceId(m_db);
    if (!o.markedAt.isValid())
        o.markedAt = QDateTime::currentDateTime();
    insert(o);
    Outbox::enqueue(m_db, QStringLiteral("maturity_outcome"), o.outcomeId, QStringLiteral("upsert"), toJson(o),
                    o.customerNo);
    tx.commit();
    return o;
}

int CadenceRepository::enrol(const std::vector<CadenceEnrolment> &candidates)
{
    if (candidates.empty())
        return 0;
    Transaction tx(m_db);
    const QString device = ContactRepository::deviceId(m_db);
    int added = 0;
    for (CadenceEnrolment e : candidates) {
        if (e.deviceId.isEmpty())
            e.deviceId = device;
        if (insertEnrolment(e)) {
            Outbox::enqueue(m_db, QStringLiteral("enrolment"), e.enrolmentKey, QStringLiteral("upsert"), toJson(e),
                            e.customerNo);
            ++added;
        }
    }
    tx.commit();
    return added;
}

bool CadenceRepository::insertEnrolment(const CadenceEnrolment &e)
{
    Statement st(m_db, QStringLiteral(
        "INSERT OR IGNORE INTO cadence_enrolment (enrolment_key, customer_no, entered_on, device_id) VALUES (?,?,?,?)"));
    st.bind(1, e.enrolmentKey).bind(2, e.customerNo).bind(3, e.enteredOn.toString(Qt::ISODate)).bind(4, e.deviceId);
    st.execute();
    return m_db.changes() > 0;
}

void CadenceRepository::insert(const StepOverride &o)
{
    Statement st(m_db, QStringLiteral("INSERT INTO step_override (override_id, plan_key, step_index, due_date, "
                                      "reason, staff_id, customer_no, device_id, created_at) VALUES (?,?,?,?,?,?,?,?,?)"));
    st.bind(1, o.overrideId)
        .bind(2, o.planKey)
        .bind(3, o.stepIndex)
        .bind(4, o.dueDate.toString(Qt::ISODate))
        .bind(5, o.reason)
        .bind(6, o.staffId)
        .bind(7, o.customerNo)
        .bind(8, o.deviceId)
        .bind(9, iso(o.createdAt))
        .execute();
}

void CadenceRepository::insert(const MaturityOutcome &o)
{
    Statement st(m_db, QStringLiteral("INSERT INTO maturity_outcome (outcome_id, holding_id, customer_no, outcome, "
                                      "kept_fen, note, staff_id, supersedes, device_id, marked_at) "
                                      "VALUES (?,?,?,?,?,?,?,?,?,?)"));
    st.bind(1, o.outcomeId)
        .bind(2, o.holdingId)
        .bind(3, o.customerNo)
        .bind(4, MaturityOutcome::kindKey(o.kind))
        .bind(5, o.keptFen)
        .bind(6, o.note.isNull() ? QStringLiteral("") : o.note)
        .bind(7, o.staffId)
        .bind(8, orNull(o.supersedes))
        .bind(9, o.deviceId)
        .bind(10, iso(o.markedAt))
        .execute();
}

std::vector<StepOverride> CadenceRepository::overrides()
{
    std::vector<StepOverride> out;
    Statement st(m_db, QStringLiteral("SELECT override_id, plan_key, step_index, due_date, reason, staff_id, customer_no,"
                                      " device_id, created_at FROM step_override ORDER BY created_at"));
    while (st.step()) {
        StepOverride o;
        o.overrideId = st.text(0);
        o.planKey = st.text(1);
        o.stepIndex = st.integer(2);
        o.dueDate = QDate::fromString(st.text(3), Qt::ISODate);
        o.reason = st.text(4);
        o.staffId = st.text(5);
        o.customerNo = st.text(6);
        o.deviceId = st.text(7);
        o.createdAt = QDateTime::fromString(st.text(8), Qt::ISODateWithMs);
        out.push_back(o);
    }
    return out;
}

std::vector<CadenceEnrolment> CadenceRepository::enrolments()
{
    std::vector<CadenceEnrolment> out;
    Statement st(m_db, QStringLiteral("SELECT enrolment_key, customer_no, entered_on, device_id FROM cadence_enrolment"));
    while (st.step())
        out.push_back({st.text(0), st.text(1), QDate::fromString(st.text(2), Qt::ISODate), st.text(3)});
    return out;
}

std::vector<MaturityOutcome> CadenceRepository::outcomes()
{
    std::vector<MaturityOutcome> out;
    Statement st(m_db, QStringLiteral("SELECT outcome_id, holding_id, customer_no, outcome, kept_fen, note, staff_id,"
                                      " supersedes, device_id, marked_at FROM maturity_outcome ORDER BY marked_at"));
    while (st.step()) {
        MaturityOutcome o;
        o.outcomeId = st.text(0);
        o.holdingId = st.text(1);
        o.customerNo = st.text(2);
        MaturityOutcome::kindFromKey(st.text(3), &o.kind);
        o.keptFen = st.int64(4);
        o.note = st.text(5);
        o.staffId = st.text(6);
        o.supersedes = st.text(7);
        o.deviceId = st.text(8);
        o.markedAt = QDateTime::fromString(st.text(9), Qt::ISODateWithMs);
        out.push_back(o);
    }
    return out;
}

ActivityLog CadenceRepository::loadActivity(const BranchSnapshot &snapshot)
{
    ActivityLog log = ActivityLog::build(snapshot, ContactRepository(m_db).all(), overrides(), enrolments(), outcomes());
    for (const DoNotContact &d : WorkListRepository(m_db).doNotContacts()) {
        const int customer = snapshot.indexOfCustomer(d.customerNo);
        if (customer >= 0)
            log.addDoNotContact(customer, d);
    }
    return log;
}

QJsonObject CadenceRepository::toJson(const StepOverride &o)
{
    QJsonObject j;
    j.insert(QStringLiteral("override_id"), o.overrideId);
    j.insert(QStringLiteral("plan_key"), o.planKey);
    j.insert(QStringLiteral("step_index"), o.stepIndex);
    j.insert(QStringLiteral("due_date"), o.dueDate.toString(Qt::ISODate));
    j.insert(QStringLiteral("reason"), o.reason);
    j.insert(QStringLiteral("staff_id"), o.staffId);
    j.insert(QStringLiteral("customer_no"), o.customerNo);
    j.insert(QStringLiteral("device_id"), o.deviceId);
    j.insert(QStringLiteral("created_at"), iso(o.createdAt));
    return j;
}

QJsonObject CadenceRepository::toJson(const CadenceEnrolment &e)
{
    QJsonObject j;
    j.insert(QStringLiteral("enrolment_key"), e.enrolmentKey);
    j.insert(QStringLiteral("customer_no"), e.customerNo);
    j.insert(QStringLiteral("entered_on"), e.enteredOn.toString(Qt::ISODate));
    j.insert(QStringLiteral("device_id"), e.deviceId);
    return j;
}

QJsonObject CadenceRepository::toJson(const MaturityOutcome &o)
{
    QJsonObject j;
    j.insert(QStringLiteral("outcome_id"), o.outcomeId);
    j.insert(QStringLiteral("holding_id"), o.holdingId);
    j.insert(QStringLiteral("customer_no"), o.customerNo);
    j.insert(QStringLiteral("outcome"), MaturityOutcome::kindKey(o.kind));
    j.insert(QStringLiteral("kept_fen"), double(o.keptFen));
    j.insert(QStringLiteral("note"), o.note);
    j.insert(QStringLiteral("staff_id"), o.staffId);
    if (!o.supersedes.isEmpty())
        j.insert(QStringLiteral("supersedes"), o.supersedes);
    j.insert(QStringLiteral("device_id"), o.deviceId);
    j.insert(QStringLiteral("marked_at"), iso(o.markedAt));
    return j;
}

