#include "maturitylist.h"

#include "branchsnapshot.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

// What HQ data says: the product is no longer active, and what the customer
// opened around its maturity date is what was kept.
bool fromHqData(const BranchSnapshot &snapshot, int customer, const Holding &h, MaturityList::Entry *e)
{
    if (h.status == Holding::Status::Active)
        return false;
    qint64 kept = 0;
    bool sameType = false;
    for (const Holding &other : snapshot.holdingsOf(customer)) {
        if (&other == &h || other.productType == Holding::ProductType::DemandDeposit || !other.openDate.isValid())
            continue;
        const qint64 days = h.maturityDate.daysTo(other.openDate);
        if (days < -7 || days > 7)
            continue;
        kept += other.amountFen;
        sameType = sameType || other.productType == h.productType;
    }
    e->source = MaturityList::Source::HqData;
    e->convertedFen = std::min(kept, h.amountFen);
    if (kept >= h.amountFen)
        e->outcome = sameType ? MaturityOutcome::Kind::Renewed : MaturityOutcome::Kind::Reinvested;
    else if (kept > 0)
        e->outcome = MaturityOutcome::Kind::PartlyKept;
    else
        e->outcome = MaturityOutcome::Kind::Withdrawn;
    return true;
}

bool fromContacts(const ActivityLog &activity, int customer, const Holding &h, MaturityList::Entry *e)
{
    const QList<Contact> contacts = activity.contactsOf(customer);
    for (auto it = contacts.crbegin(); it != contacts.crend(); ++it) {
        if (it->holdingId != h.holdingId || activity.isSuperseded(it->contactId))
            continue;
        switch (it->outcome) {
        case Contact::Outcome::RolledOver:
            e->outcome = MaturityOutcome::Kind::Renewed;
            e->convertedFen = h.amountFen;
            break;
        case Contact::Outcome::Reinvested:
            e->outcome = MaturityOutcome::Kind::Reinvested;
            e->convertedFen = h.amountFen;
            break;
        case Contact::Outcome::FundsElsewhere: // the customer said it leaves the bank
            e->outcome = MaturityOutcome::Kind::Withdrawn;
            e->convertedFen = 0;
            e->retainedFen = -1; // known to have left: no AUM reading
            break;
        case Contact::Outcome::Withdrawn:
            e->outcome = MaturityOutcome::Kind::Withdrawn;
            e->convertedFen = 0;
            break;
        default:
            continue;
        }
        e->source = MaturityList::Source::Contact;
        return true;
    }
    return false;
}

// The customer's monthly average before the month the product matured in: the AUM the
// matured money was part of (the last month's when the history does not reach back).
qint64 aumBefore(const Customer &c, const QDate &maturity)
{
    const QDate end = QDate::fromString(c.historyEndMonth + QStringLiteral("-01"), Qt::ISODate);
    if (!end.isValid())
        return c.lastMonthAvgFen();
    const QDate before(maturity.addMonths(-1).year(), maturity.addMonths(-1).month(), 1);
    const int back = (end.year() - before.year()) * 12 + end.month() - before.month();
    if (back < 0 || back >= int(Customer::kHistoryMonths))
        return c.lastMonthAvgFen();
    return c.aumHistoryFen[Customer::kHistoryMonths - 1 - size_t(back)];
}

// What stayed in the bank: the converted part, and of the rest what the customer's AUM
// did not lose since before the maturity (money left on a demand deposit stays in the AUM).
void settle(const Customer &c, const Holding &h, int convertedMinPct, MaturityList::Entry *e)
{
    const qint64 rest = h.amountFen - e->convertedFen;
    if (e->retainedFen < 0) {
        e->retainedFen = e->convertedFen; // the customer said where it went
    } else {
        const qint64 lost = std::clamp<qint64>(aumBefore(c, h.maturityDate) - c.aumFen, 0, rest);
        e->retainedFen = h.amountFen - lost;
    }
    const qint64 line = h.amountFen * convertedMinPct; // compared in fen × 100
    e->converted = e->convertedFen * 100 >= line && e->convertedFen > 0;
    e->retained = e->retainedFen * 100 >= line && e->retainedFen > 0;
}

} // namespace

bool MaturityList::lists(const CadencePolicy &policy, const Holding &h, const QDate &from, const QDate &to)
{
    return h.maturityDate.isValid() && h.maturityDate >= from && h.maturityDate <= to
           && policy.isMaturityType(h.productType);
}

MaturityList::Entry MaturityList::entryOf(const BranchSnapshot &snapshot, const ActivityLog &activity, int customer,
                                          int holding, const QDate &asOf, std::optional<const MaturityOutcome *> mark,
                                          int convertedMinPct)
{
    const Holding &h = snapshot.holdings()[size_t(holding)];
    Entry e;
    e.holding = holding;
    e.customer = customer;
    e.maturity = h.maturityDate;
    e.type = h.productType;
    e.amountFen = h.amountFen;
    if (h.maturityDate <= asOf && !fromHqData(snapshot, customer, h, &e)) {
        if (const MaturityOutcome *m = mark ? *mark : activity.maturityOutcome(h.holdingId)) {
            e.source = Source::RmMark;
            e.outcome = m->kind;
            // The mark's kept amount is what was reinvested (a partial keep: that part only).
            e.convertedFen = std::clamp<qint64>(m->keptFen, 0, h.amountFen);
            if (m->kind == MaturityOutcome::Kind::Renewed || m->kind == MaturityOutcome::Kind::Reinvested)
                e.convertedFen = m->keptFen > 0 ? e.convertedFen : h.amountFen;
            if (m->kind == MaturityOutcome::Kind::Withdrawn)
                e.convertedFen = 0;
        } else {
            fromContacts(activity, customer, h, &e);
        }
    }
    if (e.hasOutcome())
        settle(snapshot.customer(customer), h, convertedMinPct, &e);
    return e;
}

MaturityList MaturityList::build(const BranchSnapshot &snapshot, const CadencePolicy &policy,
                                 const ActivityLog &activity, const QDate &from, const QDate &to, const QDate &asOf,
                                 RmFilter rm)
{
    MaturityList list;
    list.m_from = from;
    list.m_to = to;
    list.m_asOf = asOf;
    const Holding *base = snapshot.holdings().data();
    for (int c = 0; c < snapshot.customerCount(); ++c) {
        if (!rm.keeps(snapshot, c))
            continue;
        for (const Holding &h : snapshot.holdingsOf(c)) {
            if (lists(policy, h, from, to))
                list.m_entries.push_back(
                    entryOf(snapshot, activity, c, int(&h - base), asOf, std::nullopt, policy.convertedMinPct));
        }
    }
    std::sort(list.m_entries.begin(), list.m_entries.end(), [](const Entry &a, const Entry &b) {
        if (a.maturity != b.maturity)
            return a.maturity < b.maturity;
        if (a.type != b.type)
            return a.type < b.type;
        return a.amountFen > b.amountFen;
    });
    Conversion &conv = list.m_conversion;
    for (const Entry &e : list.m_entries) {
        if (e.maturity > asOf)
            continue;
        ++conv.matured;
        conv.maturedFen += e.amountFen;
        if (!e.hasOutcome())
            continue;
        ++conv.known;
        conv.knownFen += e.amountFen;
        conv.retainedFen += e.retainedFen;
        conv.convertedFen += e.convertedFen;
        conv.retained += e.retained ? 1 : 0;
        conv.converted += e.converted ? 1 : 0;
    }
    return list;
}

QString MaturityList::sourceName(Source s)
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("MaturityList", "Not known yet"),
        QT_TRANSLATE_NOOP("MaturityList", "HQ data"),
        QT_TRANSLATE_NOOP("MaturityList", "Marked by the RM"),
        QT_TRANSLATE_NOOP("MaturityList", "From a contact"),
    };
    return QCoreApplication::translate("MaturityList", names[int(s)]);
}

QString MaturityList::sourceKey(Source s)
{
    static const char *const keys[] = {"none", "hq", "rm", "contact"};
    return QString::fromLatin1(keys[int(s)]);
}
