#include "momentlists.h"

#include "activitylog.h"
#include "branchsnapshot.h"
#include "dateformat.h"
#include "moneyformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MomentLists", text);
}

bool counted(const Contact &k, const QDate &since, const QDate &before)
{
    const QDate day = k.contactedAt.date();
    return k.outcome != Contact::Outcome::NoAnswer && day >= since && (!before.isValid() || day < before);
}

bool metFaceToFace(const ActivityLog *activity, int customer, const QDate &since, const QDate &before)
{
    if (!activity)
        return false;
    for (const Contact &k : activity->contactsOf(customer)) {
        if (Contact::isFaceToFace(k.channel) && counted(k, since, before) && !activity->isSuperseded(k.contactId))
            return true;
    }
    return false;
}

bool contactedAbout(const ActivityLog *activity, int customer, const QString &holdingId, const QDate &since,
                    const QDate &before)
{
    if (!activity)
        return false;
    for (const Contact &k : activity->contactsOf(customer)) {
        if (k.holdingId == holdingId && counted(k, since, before))
            return true;
    }
    return false;
}

} // namespace

QDate MomentLists::nextBirthday(const QDate &birth, const QDate &asOf)
{
    if (!birth.isValid() || !asOf.isValid())
        return {};
    for (int year = asOf.year(); year <= asOf.year() + 1; ++year) {
        QDate d(year, birth.month(), birth.day());
        if (!d.isValid())
            d = QDate(year, 2, 28);
        if (d >= asOf)
            return d;
    }
    return {};
}

namespace {

qint64 threeMonthAverageBefore(const Customer &c)
{
    constexpr size_t n = Customer::kHistoryMonths;
    return (c.aumHistoryFen[n - 2] + c.aumHistoryFen[n - 3] + c.aumHistoryFen[n - 4]) / 3;
}

} // namespace

namespace {

std::optional<ListMember> evalNewCustomer(const BranchSnapshot &s, const ActivityLog *activity, const MomentRules &rules,
                                      int i, const QDate &asOf, const QDate &before)
{
    const Customer &c = s.customer(i);
    if (!c.openedOn.isValid() || c.openedOn > asOf || c.openedOn.daysTo(asOf) >= rules.newCustomerDays)
        return std::nullopt;
    ListMember m;
    m.customer = i;
    m.basisFen = c.aumFen;
    m.day = c.openedOn;
    if (!metFaceToFace(activity, i, c.openedOn, before))
        m.reasons |= MomentLists::FirstMeeting;
    for (qint64 line : rules.milestonesFen) {
        if (c.aumFen < line) {
            m.reasons |= MomentLists::Milestone;
            m.amountFen = line; // the next milestone
            m.gapFen = line - c.aumFen;
            break;
        }
    }
    if (!m.reasons)
        return std::nullopt;
    return m;
}

std::optional<ListMember> evalLossRecovery(const BranchSnapshot &s, const MomentRules &rules, int i)
{
    const Customer &c = s.customer(i);
    const qint64 before = threeMonthAverageBefore(c);
    const qint64 last = c.lastMonthAvgFen();
    const qint64 fall = before - last;
    // Under the VIP line on both months: a VIP who fell is the retention list's.
    if (before <= 0 || fall < rules.lossMinFen || fall * 100 < before * rules.lossFallPct)
        return std::nullopt;
    const int vip = s.tierPolicy().indexOfId(QStringLiteral("vip"));
    if (vip >= 0 && (s.tierPolicy().tierOfAmount(before) >= vip || s.tierOf(i) >= vip))
        return std::nullopt;
    ListMember m;
    m.customer = i;
    m.basisFen = last;
    m.projectedFen = before;
    m.amountFen = fall;
    return m;
}

std::optional<ListMember> evalMoment(const BranchSnapshot &s, const ActivityLog *activity, const MomentRules &rules, int i,
                                 const QDate &asOf, const QDate &contactsBefore)
{
    using ML = MomentLists;
    const Customer &c = s.customer(i);
    ListMember m;
    m.customer = i;
    m.basisFen = c.aumFen;
    const qint64 last = c.lastMonthAvgFen();
    if (last - c.aumFen >= rules.outflowMinFen && (last - c.aumFen) * 100 >= last * rules.outflowPct) {
        m.reasons |= ML::LargeOutflow;
        m.amountFen = last - c.aumFen;
    }
    if (c.transactions90d <= rules.dormantMaxTransactions90d && c.lastActivity.isValid() && c.lastActivity <= asOf
        && c.lastActivity.daysTo(asOf) < rules.wakeDays && c.aumFen >= rules.dormantMinFen) {
        m.reasons |= ML::DormantActive;
        m.day = c.lastActivity;
    }
    for (const Holding &h : s.holdingsOf(i)) {
        if (h.status != Holding::Status::Active || !h.maturityDate.isValid() || h.maturityDate < asOf
            || asOf.daysTo(h.maturityDate) > rules.maturityWithoutPlanDays)
            continue;
        if (!contactedAbout(activity, i, h.holdingId, h.maturityDate.addDays(-30), contactsBefore)) {
            m.reasons |= ML::MaturityWithoutPlan;
            if (!(m.reasons & ML::LargeOutflow))
                m.amountFen = h.amountFen;
            if (!(m.reasons & ML::DormantActive))
                m.day = h.maturityDate;
            break;
        }
    }
    const QDate birthday = MomentLists::nextBirthday(c.birthDate, asOf);
    if (birthday.isValid() && asOf.daysTo(birthday) < rules.birthdayDays)
        m.reasons |= ML::Birthday;
    if (!m.reasons)
        return std::nullopt;
    return m;
}

} // namespace

std::optional<ListMember> MomentLists::evaluate(CustomerList::Kind kind, const BranchSnapshot &s,
                                                const ActivityLog *activity, const MomentRules &rules, int customer,
                                                const QDate &asOf, const QDate &contactsBefore)
{
    switch (kind) {
    case CustomerList::Kind::NewCustomer:
        return evalNewCustomer(s, activity, rules, customer, asOf, contactsBefore);
    case CustomerList::Kind::LossRecovery:
        return evalLossRecovery(s, rules, customer);
    case CustomerList::Kind::Moment:
        return evalMoment(s, activity, rules, customer, asOf, contactsBefore);
    default:
        return std::nullopt;
    }
}

CustomerList MomentLists::newCustomers(const BranchSnapshot &s, const ActivityLog *activity, const MomentRules &rules,
                                       const QDate &asOf)
{
    CustomerList list;
    list.kind = CustomerList::Kind::NewCustomer;
    list.criteria = QStringLiteral("new_customer;days=%1").arg(rules.newCustomerDays);
    for (int i = 0; i < s.customerCount(); ++i) {
        if (auto m = evalNewCustomer(s, activity, rules, i, asOf, {}))
            list.members.push_back(*m);
    }
    // Most recently opened first: the honeymoon is short.
    std::stable_sort(list.members.begin(), list.members.end(),
                     [](const ListMember &a, const ListMember &b) { return a.day > b.day; });
    return list;
}

CustomerList MomentLists::lossRecovery(const BranchSnapshot &s, const MomentRules &rules, const QDate &)
{
    CustomerList list;
    list.kind = CustomerList::Kind::LossRecovery;
    list.criteria = QStringLiteral("loss_recovery;fall_pct=%1;min_fen=%2").arg(rules.lossFallPct).arg(rules.lossMinFen);
    for (int i = 0; i < s.customerCount(); ++i) {
        if (auto m = evalLossRecovery(s, rules, i))
            list.members.push_back(*m);
    }
    std::stable_sort(list.members.begin(), list.members.end(),
                     [](const ListMember &a, const ListMember &b) { return a.amountFen > b.amountFen; });
    return list;
}

CustomerList MomentLists::moments(const BranchSnapshot &s, const ActivityLog *activity, const MomentRules &rules,
                                  const QDate &asOf)
{
    CustomerList list;
    list.kind = CustomerList::Kind::Moment;
    list.criteria = QStringLiteral("moment");
    for (int i = 0; i < s.customerCount(); ++i) {
        if (auto m = evalMoment(s, activity, rules, i, asOf, {}))
            list.members.push_back(*m);
    }
    // The money moments first (outflow, maturity), then the rest; larger amounts first.
    auto weight = [](const ListMember &m) { return (m.reasons & (LargeOutflow | MaturityWithoutPlan)) ? 0 : 1; };
    std::stable_sort(list.members.begin(), list.members.end(), [&](const ListMember &a, const ListMember &b) {
        if (weight(a) != weight(b))
            return weight(a) < weight(b);
        return a.amountFen > b.amountFen;
    });
    return list;
}

QString MomentLists::reason(CustomerList::Kind kind, const ListMember &m, const BranchSnapshot &s)
{
    const Customer &c = s.customer(m.customer);
    QStringList parts;
    const QDate asOf = s.asOf();
    switch (kind) {
    case CustomerList::Kind::NewCustomer:
        parts << tr("opened %1 (%2 days ago)").arg(DateFormat::date(m.day)).arg(asOf.isValid() ? m.day.daysTo(asOf) : 0);
        if (m.reasons & FirstMeeting)
            parts << tr("no face-to-face meeting yet");
        if (m.reasons & Milestone)
            parts << tr("AUM %1, next milestone %2, %3 to go")
                         .arg(MoneyFormat::readable(c.aumFen), MoneyFormat::readable(m.amountFen),
                              MoneyFormat::readable(m.gapFen));
        break;
    case CustomerList::Kind::LossRecovery: {
        const double pct = m.projectedFen > 0 ? 100.0 * double(m.amountFen) / double(m.projectedFen) : 0;
        parts << tr("AUM 3-month average %1 → last month %2, −%3% (−%4)")
                     .arg(MoneyFormat::readable(m.projectedFen), MoneyFormat::readable(m.basisFen),
                          QLocale().toString(pct, 'f', 1), MoneyFormat::readable(m.amountFen));
        break;
    }
    case CustomerList::Kind::Moment:
        if (m.reasons & LargeOutflow)
            parts << tr("large outflow: today's balance %1 against last month's average %2 (−%3)")
                         .arg(MoneyFormat::readable(c.aumFen), MoneyFormat::readable(c.lastMonthAvgFen()),
                              MoneyFormat::readable(m.amountFen));
        if (m.reasons & DormantActive)
            parts << tr("a quiet account active again on %1 (%2 transactions in 90 days)")
                         .arg(DateFormat::date(c.lastActivity))
                         .arg(c.transactions90d);
        if (m.reasons & MaturityWithoutPlan) {
            for (const Holding &h : s.holdingsOf(m.customer)) {
                if (h.status == Holding::Status::Active && h.maturityDate.isValid() && h.maturityDate >= asOf
                    && asOf.daysTo(h.maturityDate) <= MomentRules().maturityWithoutPlanDays) {
                    parts << tr("%1 of %2 matures on %3 with no contact logged")
                                 .arg(h.productName, MoneyFormat::readable(h.amountFen), DateFormat::date(h.maturityDate));
                    break;
                }
            }
        }
        if (m.reasons & Birthday) {
            const qint64 days = asOf.daysTo(MomentLists::nextBirthday(c.birthDate, asOf));
            parts << (days == 0 ? tr("birthday today") : tr("birthday in %1 days").arg(days));
        }
        break;
    default:
        break;
    }
    return parts.join(QCoreApplication::translate("MomentLists", "; "));
}
