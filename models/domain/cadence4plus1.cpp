// CadenceEngine, the 4+1 rule (DOMAIN.md): four remote touches and one face-to-face
// meeting per cycle of a customer on a 4+1 list. The steps are policy
// (resources/policy/cadence_policy.json, template "4+1"); the shared step resolution
// is in cadenceengine.cpp, the 731 maturity plans in cadence731.cpp.
#include "cadenceengine.h"

#include "branchsnapshot.h"

#include <algorithm>

QString CadenceEngine::cycleEnrolmentKey(const QString &customerNo)
{
    return QStringLiteral("4+1:") + customerNo;
}

namespace {

// Appends QDate::toString(Qt::ISODate) without its formatting machinery, for
// the years it prints as four digits: a plan key is made for every cycle judged.
void appendIsoDate(QString &out, const QDate &d)
{
    int y = 0, m = 0, day = 0;
    d.getDate(&y, &m, &day);
    if (y < 1000 || y > 9999) {
        out += d.toString(Qt::ISODate);
        return;
    }
    const char16_t text[10] = {char16_t(u'0' + y / 1000), char16_t(u'0' + y / 100 % 10), char16_t(u'0' + y / 10 % 10),
                               char16_t(u'0' + y % 10),   u'-',                          char16_t(u'0' + m / 10),
                               char16_t(u'0' + m % 10),   u'-',                          char16_t(u'0' + day / 10),
                               char16_t(u'0' + day % 10)};
    out.append(QStringView(text, 10));
}

// "4+1:<customer no>:<cycle start>" from the enrolment key, in one allocation.
QString cycleKeyOf(const QString &enrolmentKey, const QDate &cycleStart)
{
    QString key;
    key.reserve(enrolmentKey.size() + 11);
    key += enrolmentKey;
    key += QLatin1Char(':');
    appendIsoDate(key, cycleStart);
    return key;
}

// Division rounding toward minus infinity (day counts before enrolment are negative).
qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

QString CadenceEngine::cycleKey(const QString &customerNo, const QDate &cycleStart)
{
    return cycleKeyOf(cycleEnrolmentKey(customerNo), cycleStart);
}

int CadenceEngine::staggerDays(const QString &customerNo, int spread)
{
    if (spread <= 1)
        return 0;
    // FNV-1a over the UTF-16 code units: independent of Qt's hash seed and version.
    quint32 h = 2166136261u;
    for (QChar ch : customerNo) {
        h ^= ch.unicode();
        h *= 16777619u;
    }
    return int(h % quint32(spread));
}

QDate CadenceEngine::firstCycleStart(int customer, const QDate &asOf, QString *enrolmentKey, QDate *enteredOn) const
{
    const QString &no = m_snapshot.customer(customer).customerNo;
    *enrolmentKey = cycleEnrolmentKey(no);
    QDate entered = m_activity.enrolledOn(*enrolmentKey);
    if (!entered.isValid() || entered > asOf)
        entered = asOf;
    *enteredOn = entered;
    // First cycles of a batch entering together start spread over a week, so
    // a list of hundreds does not put every first touch on the same day.
    return entered.addDays(staggerDays(no, m_policy.cycleStaggerDays));
}

CadencePlan CadenceEngine::cycleAt(int customer, const QString &enrolmentKey, const QDate &enteredOn,
                                   const QDate &firstStart, int cycle, const QDate &asOf) const
{
    const CadenceTemplate &t = m_policy.cycle;
    CadencePlan plan;
    plan.kind = CadencePlan::Kind::Cycle;
    plan.enrolmentKey = enrolmentKey;
    plan.customer = customer;
    plan.enteredOn = enteredOn;
    plan.cycleNumber = cycle;
    plan.anchor = firstStart.addDays(qint64(plan.cycleNumber) * t.cycleDays);
    plan.lateUntil = plan.anchor.addDays(t.cycleDays - 1);
    plan.key = cycleKeyOf(enrolmentKey, plan.anchor);
    resolve(plan, t, asOf, QString());
    return plan;
}

CadencePlan CadenceEngine::cyclePlan(int customer, const QDate &asOf, int cycle) const
{
    QString enrolmentKey;
    QDate entered;
    const QDate firstStart = firstCycleStart(customer, asOf, &enrolmentKey, &entered);
    const qint64 elapsed = firstStart.daysTo(asOf);
    const int number = cycle >= 0 ? cycle : elapsed < 0 ? 0 : int(elapsed / m_policy.cycle.cycleDays);
    return cycleAt(customer, enrolmentKey, entered, firstStart, number, asOf);
}

std::vector<CadencePlan> CadenceEngine::cyclePlansOverlapping(int customer, const QDate &from, const QDate &to,
                                                              const QDate &asOf, int maxCycles) const
{
    std::vector<CadencePlan> plans;
    const qint64 days = m_policy.cycle.cycleDays;
    if (days < 1 || maxCycles < 1 || !from.isValid() || !to.isValid())
        return plans;
    QString enrolmentKey;
    QDate entered;
    const QDate firstStart = firstCycleStart(customer, asOf, &enrolmentKey, &entered);
    // Cycle n runs from firstStart + n*days to firstStart + n*days + days - 1.
    const qint64 first = std::max<qint64>(0, floorDiv(firstStart.daysTo(from), days));
    const qint64 last = std::min<qint64>(maxCycles - 1, floorDiv(firstStart.daysTo(to), days));
    for (qint64 n = first; n <= last; ++n)
        plans.push_back(cycleAt(customer, enrolmentKey, entered, firstStart, int(n), asOf));
    return plans;
}
