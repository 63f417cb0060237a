#include "cadencecommands.h"
#include "fullnames.h"
#include "logcontactcommand.h"


#include "domain/branchsnapshot.h"
#include "domain/cadenceroster.h"
#include "domain/dayplan.h"
#include "domain/conversionlist.h"
#include "domain/customerlist.h"
#include "domain/maturitylist.h"
#include "domain/payrolllist.h"
#include "domain/retentionlist.h"
#include "domain/todaylist.h"
#include "domain/workingcalendar.h"
#include "store/branchrepository.h"
#include "store/cadencerepository.h"
#include "store/database.h"
#include "store/policysource.h"
#include "store/schemamigrations.h"
#include "store/storeerror.h"
#include "store/worklistrepository.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

const QStringList kLists = {QStringLiteral("maturity"), QStringLiteral("retention"), QStringLiteral("conversion"),
                            QStringLiteral("payroll")};

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// Rows as CSV (header first) or as a JSON document {meta..., key: [objects]}.
class Table
{
public:
    explicit Table(QStringList columns) : m_columns(std::move(columns)) {}
    void add(const QVariantList &values) { m_rows.push_back(values); }
    qsizetype size() const { return qsizetype(m_rows.size()); }
    void print(QTextStream &out, bool json, QJsonObject meta, const QString &key) const
    {
        if (!json) {
            out << m_columns.join(QLatin1Char(',')) << '\n';
            for (const QVariantList &row : m_rows) {
                QStringList fields;
                for (const QVariant &v : row)
                    fields << csvField(v.toString());
                out << fields.join(QLatin1Char(',')) << '\n';
            }
            return;
        }
        QJsonArray rows;
        for (const QVariantList &row : m_rows) {
            QJsonObject o;
            for (int i = 0; i < m_columns.size() && i < row.size(); ++i)
                o.insert(m_columns.at(i), QJsonValue::fromVariant(row.at(i)));
            rows.append(o);
        }
        meta.insert(QStringLiteral("count"), int(m_rows.size()));
        meta.insert(key, rows);
        out << QString::fromUtf8(QJsonDocument(meta).toJson(QJsonDocument::Indented));
    }

private:
    QStringList m_columns;
    std::vector<QVariantList> m_rows;
};

struct Loaded
{
    std::unique_ptr<BranchSnapshot> snapshot;
    ActivityLog activity;
    CadencePolicy policy;     // HQ's issue or the shipped one, bands from the value policy
    WorkingCalendar calendar; // with the calendars HQ issued
    std::vector<IssuedList> issued;
    QHash<QString, QHash<QDate, int>> capacities; // staff id -> day -> capacity
};

bool parseCommon(QCommandLineParser &p, const QStringList &args, QTextStream &err, QDate *asOf, bool *json)
{
    const QCommandLineOption store(QStringLiteral("store"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption date(QStringLiteral("date"), QString(), QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("csv"));
    p.addOptions({store, date, format, FullNames::option(), FullNames::reasonOption()});
    if (!p.parse(args)) {
        err << p.errorText() << Qt::endl;
        return false;
    }
    if (!FullNames::check(p, err))
        return false;
    if (p.value(store).isEmpty()) {
        err << CadenceCommands::tr("--store PATH is required") << Qt::endl;
        return false;
    }
    *asOf = QDate::currentDate();
    if (p.isSet(date)) {
        *asOf = QDate::fromString(p.value(date), Qt::ISODate);
        if (!asOf->isValid()) {
            err << CadenceCommands::tr("--date must be a date as YYYY-MM-DD, got '%1'").arg(p.value(date)) << Qt::endl;
            return false;
        }
    }
    const QString fmt = p.value(format);
    if (fmt != QLatin1String("csv") && fmt != QLatin1String("json")) {
        err << CadenceCommands::tr("--format must be csv or json, got '%1'").arg(fmt) << Qt::endl;
        return false;
    }
    *json = fmt == QLatin1String("json");
    return true;
}

// --full-names is written to the audit log before the rows are printed (FullNames).
bool auditFullNames(const QCommandLineParser &p, const QString &passphrase, const QString &command, qsizetype rows,
                    QTextStream &err)
{
    if (!FullNames::requested(p))
        return true;
    try {
        Database db = Database::open(p.value(QStringLiteral("store")), passphrase, Database::OpenMode::ExistingOnly);
        FullNames::audit(db, command, rows, p);
        return true;
    } catch (const StoreError &e) {
        err << CadenceCommands::tr("Error: %1").arg(e.message()) << Qt::endl;
        return false;
    }
}

bool load(const QString &path, const QString &passphrase, const QDate &asOf, Loaded *out, QTextStream &err)
{
    if (passphrase.isEmpty()) {
        err << CadenceCommands::tr("Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE") << Qt::endl;
        return false;
    }
    try {
        Database db = Database::open(path, passphrase, Database::OpenMode::ExistingOnly);
        SchemaMigrations::migrate(db);
        BranchData data;
        BranchRepository(db).loadAll(&data);
        PolicySource policies(db);
        out->snapshot = std::make_unique<BranchSnapshot>(std::move(data), policies.tierPolicy(), asOf);
        out->activity = CadenceRepository(db).loadActivity(*out->snapshot);
        out->policy = policies.cadencePolicy(out->snapshot->tierPolicy());
        out->calendar = policies.calendar();
        WorkListRepository work(db);
        out->issued = work.issuedLists();
        for (const Staff &st : out->snapshot->staff())
            out->capacities.insert(st.staffId, work.dayCapacities(st.staffId));
    } catch (const StoreError &e) {
        err << CadenceCommands::tr("Error: %1").arg(e.message()) << Qt::endl;
        return false;
    }
    return true;
}

// One row of `tasks`: the Today page's columns, then the plan's section and day.
void addPlanRow(Table &table, const BranchSnapshot &s, const TodayList &today, const DayPlan::Entry &e,
                const QDate &asOf, bool fullNames)
{
    static const char *const kSections[] = {"today", "later", "overload", "beyond"};
    const TodayItem &i = e.item;
    const Customer &c = s.customer(i.customer);
    const QString cadence = i.kind == TodayItem::Kind::MaturityStep ? QStringLiteral("731")
                            : i.kind == TodayItem::Kind::CycleStep  ? QStringLiteral("4+1")
                            : i.kind == TodayItem::Kind::ListStep
                                ? QStringLiteral("list:") + CustomerList::kindKey(CustomerList::Kind(i.listKind))
                                : QStringLiteral("follow_up");
    table.add({c.rmId, c.customerNo, FullNames::shown(c.name, fullNames), s.tierPolicy().tier(i.tier).id, cadence,
               i.kind == TodayItem::Kind::FollowUp ? 0 : i.stepIndex + 1,
               i.kind == TodayItem::Kind::FollowUp ? 0 : i.stepCount, CadencePlan::Step::stateKey(i.state),
               i.due.toString(Qt::ISODate), i.deadline.toString(Qt::ISODate), i.amountFen,
               i.holding >= 0 ? s.holdings()[size_t(i.holding)].holdingId : QString(), i.lateEntry, i.rescheduled,
               today.task(i), today.why(i, asOf), QString::fromLatin1(kSections[int(e.slot)]),
               e.plannedOn.toString(Qt::ISODate)});
}

// --rm ID as a staff index, TodayList::kAllRms without it; -2 when no staff member has that id.
int staffIndexOf(const QCommandLineParser &p, const QCommandLineOption &rmOpt, const BranchSnapshot &s)
{
    if (!p.isSet(rmOpt))
        return TodayList::kAllRms;
    int rm = -2;
    for (size_t i = 0; i < s.staff().size(); ++i) {
        if (s.staff()[i].staffId == p.value(rmOpt))
            rm = int(i);
    }
    return rm;
}

// What `tasks` counts over the RMs' day plans.
struct PlanTotals
{
    TodayList::Counts counts;
    int later = 0;
    int overload = 0;
    int beyond = 0;
    int capacityToday = 0;
};

// One RM's day plan: its rows into `table`, its counts into `totals`.
void addRmPlan(Table &table, PlanTotals &totals, const Loaded &b, const TodayList &today, int staff,
               const std::vector<QDate> &days, const QDate &asOf, bool fullNames)
{
    const BranchSnapshot &s = *b.snapshot;
    const QHash<QDate, int> lowered = b.capacities.value(s.staff()[size_t(staff)].staffId);
    const DayPlan plan(today.buildUntil(staff, asOf, days.back()), asOf, days,
                       [&](const QDate &d) { return lowered.value(d, b.policy.dailyCapacity); });
    totals.capacityToday += plan.capacityOn(asOf);
    for (const DayPlan::Entry &e : plan.entries()) {
        addPlanRow(table, s, today, e, asOf, fullNames);
        const TodayItem &i = e.item;
        if (e.slot != DayPlan::Slot::Today)
            continue;
        if (i.isDone())
            ++totals.counts.done;
        else if (i.due < asOf)
            ++totals.counts.overdue;
        else
            ++totals.counts.due;
    }
    totals.later += plan.count(DayPlan::Slot::Later);
    totals.overload += plan.count(DayPlan::Slot::Overload);
    totals.beyond += plan.count(DayPlan::Slot::Beyond);
}

// The JSON head of `tasks`: the counts, the plan's end, the years the calendar lacks.
QJsonObject tasksMeta(const BranchSnapshot &s, const WorkingCalendar &calendar, const QDate &asOf, const QString &rm,
                      const PlanTotals &totals, const QDate &planUntil)
{
    QJsonObject meta;
    meta.insert(QStringLiteral("branch"), s.branchCode());
    meta.insert(QStringLiteral("date"), asOf.toString(Qt::ISODate));
    meta.insert(QStringLiteral("rm"), rm);
    meta.insert(QStringLiteral("done"), totals.counts.done);
    meta.insert(QStringLiteral("due"), totals.counts.due);
    meta.insert(QStringLiteral("overdue"), totals.counts.overdue);
    meta.insert(QStringLiteral("capacity"), totals.capacityToday);
    meta.insert(QStringLiteral("later"), totals.later);
    meta.insert(QStringLiteral("overload"), totals.overload);
    meta.insert(QStringLiteral("beyond"), totals.beyond);
    meta.insert(QStringLiteral("plan_until"), planUntil.toString(Qt::ISODate));
    QJsonArray missing;
    for (int y = asOf.year(); y <= asOf.addDays(40).year(); ++y) {
        if (!calendar.hasYear(y))
            missing.append(y);
    }
    meta.insert(QStringLiteral("years_without_calendar"), missing);
    return meta;
}

// The maturity list's conversion figures, for the JSON head.
QJsonObject conversionJson(const MaturityList::Conversion &conv, const CadencePolicy &policy)
{
    QJsonObject c;
    c.insert(QStringLiteral("matured"), conv.matured);
    c.insert(QStringLiteral("known"), conv.known);
    c.insert(QStringLiteral("retained"), conv.retained);
    c.insert(QStringLiteral("converted"), conv.converted);
    c.insert(QStringLiteral("matured_fen"), double(conv.maturedFen));
    c.insert(QStringLiteral("known_fen"), double(conv.knownFen));
    c.insert(QStringLiteral("retained_fen"), double(conv.retainedFen));
    c.insert(QStringLiteral("converted_fen"), double(conv.convertedFen));
    c.insert(QStringLiteral("rate_by_count"), conv.retainedByCount());
    c.insert(QStringLiteral("rate_by_amount"), conv.retainedByAmount());
    c.insert(QStringLiteral("converted_by_count"), conv.convertedByCount());
    c.insert(QStringLiteral("converted_by_amount"), conv.convertedByAmount());
    c.insert(QStringLiteral("target"), policy.conversionTargetPct / 100.0);
    return c;
}

// `list maturity`: the products maturing from `behind` days back to `ahead` days on; the
// window and the conversion figures go to `meta`.
Table maturityTable(const Loaded &b, const CadencePolicy &policy, const QDate &asOf, int ahead, int behind,
                    bool fullNames, QJsonObject &meta)
{
    const BranchSnapshot &s = *b.snapshot;
    const TierPolicy &tiers = s.tierPolicy();
    const MaturityList list = MaturityList::build(s, policy, b.activity, asOf.addDays(-behind), asOf.addDays(ahead), asOf);
    Table table({QStringLiteral("maturity_date"), QStringLiteral("product_type"), QStringLiteral("holding_id"),
                 QStringLiteral("product_name"), QStringLiteral("amount_fen"), QStringLiteral("customer_no"),
                 QStringLiteral("name"), QStringLiteral("tier"), QStringLiteral("rm_id"), QStringLiteral("outcome"),
                 QStringLiteral("outcome_source"), QStringLiteral("converted_fen"),
                 QStringLiteral("retained_fen")});
    for (const MaturityList::Entry &e : list.entries()) {
        const Holding &h = s.holdings()[size_t(e.holding)];
        const Customer &c = s.customer(e.customer);
        table.add({e.maturity.toString(Qt::ISODate), Holding::productTypeKey(e.type), h.holdingId, h.productName,
                   e.amountFen, c.customerNo, FullNames::shown(c.name, fullNames), tiers.tier(s.tierOf(e.customer)).id, c.rmId,
                   e.hasOutcome() ? MaturityOutcome::kindKey(e.outcome) : QString(), MaturityList::sourceKey(e.source),
                   e.hasOutcome() ? QVariant(e.convertedFen) : QVariant(QString()),
                   e.hasOutcome() ? QVariant(e.retainedFen) : QVariant(QString())});
    }
    meta.insert(QStringLiteral("from"), list.from().toString(Qt::ISODate));
    meta.insert(QStringLiteral("to"), list.to().toString(Qt::ISODate));
    meta.insert(QStringLiteral("conversion"), conversionJson(list.conversion(), policy));
    return table;
}

// `list retention`: the VIP retention warning list; the triangle coverage goes to `meta`.
Table retentionTable(const BranchSnapshot &s, const CadencePolicy &policy, bool fullNames, QJsonObject &meta)
{
    const TierPolicy &tiers = s.tierPolicy();
    Table table({QStringLiteral("customer_no"), QStringLiteral("name"), QStringLiteral("tier"), QStringLiteral("rm_id"),
                 QStringLiteral("aum_fen"), QStringLiteral("three_month_avg_fen"), QStringLiteral("change_pct"),
                 QStringLiteral("from_tier"), QStringLiteral("triangles_covered"), QStringLiteral("reasons"),
                 QStringLiteral("reason")});
    for (const RetentionList::Member &m : RetentionList::build(s, policy)) {
        const Customer &c = s.customer(m.customer);
        QStringList reasons;
        if (m.reasons & RetentionList::AumFall)
            reasons << QStringLiteral("aum_fall");
        if (m.reasons & RetentionList::TierDrop)
            reasons << QStringLiteral("tier_drop");
        if (m.reasons & RetentionList::LowCoverage)
            reasons << QStringLiteral("low_coverage");
        table.add({c.customerNo, FullNames::shown(c.name, fullNames), tiers.tier(m.toTier).id, c.rmId, m.nowFen, m.threeMonthAvgFen,
                   QString::number(m.changePct, 'f', 1).toDouble(), tiers.tier(m.fromTier).id, m.trianglesCovered,
                   reasons.join(QLatin1Char(';')), RetentionList::reason(s, policy, m)});
    }
    const RetentionList::Coverage cov = RetentionList::coverage(s, policy);
    QJsonObject coverage;
    const char *const names[] = {"product", "settlement", "service", "referral"};
    for (int t = 0; t < RetentionList::TriangleCount; ++t) {
        QJsonObject o;
        o.insert(QStringLiteral("covered"), cov.covered[size_t(t)]);
        o.insert(QStringLiteral("rate"), cov.rate(t));
        o.insert(QStringLiteral("target"), policy.triangleTargetsPct[size_t(t)] / 100.0);
        coverage.insert(QString::fromLatin1(names[t]), o);
    }
    coverage.insert(QStringLiteral("customers"), cov.customers);
    meta.insert(QStringLiteral("triangles"), coverage);
    return table;
}

// `list conversion`: the cross-line conversion list.
Table conversionTable(const BranchSnapshot &s, const CadencePolicy &policy, const QDate &asOf, bool fullNames)
{
    const TierPolicy &tiers = s.tierPolicy();
    Table table({QStringLiteral("customer_no"), QStringLiteral("name"), QStringLiteral("tier"), QStringLiteral("rm_id"),
                 QStringLiteral("retail_fen"), QStringLiteral("reasons"), QStringLiteral("loan_start"),
                 QStringLiteral("reason")});
    for (const ConversionList::Member &m : ConversionList::build(s, policy, asOf)) {
        const Customer &c = s.customer(m.customer);
        QStringList reasons;
        if (m.reasons & ConversionList::Executive)
            reasons << QStringLiteral("executive");
        if (m.reasons & ConversionList::NewLoan)
            reasons << QStringLiteral("new_loan");
        if (m.reasons & ConversionList::CreditCard)
            reasons << QStringLiteral("credit_card");
        table.add({c.customerNo, FullNames::shown(c.name, fullNames), tiers.tier(s.tierOf(m.customer)).id, c.rmId, m.retailFen,
                   reasons.join(QLatin1Char(';')), m.loanStart.toString(Qt::ISODate), ConversionList::reason(m)});
    }
    return table;
}

// `list payroll`: payroll customers by employer (no names: nothing to audit).
Table payrollTable(const BranchSnapshot &s)
{
    Table table({QStringLiteral("employer"), QStringLiteral("customers"), QStringLiteral("assigned"),
                 QStringLiteral("aum_fen"), QStringLiteral("last_month_avg_fen"), QStringLiteral("month_before_avg_fen"),
                 QStringLiteral("kept_share")});
    for (const PayrollList::Employer &e : PayrollList::build(s)) {
        table.add({e.name, qint64(e.customers.size()), e.assigned, e.aumFen, e.lastMonthAvgFen, e.monthBeforeAvgFen,
                   QString::number(e.keptShare(), 'f', 4).toDouble()});
    }
    return table;
}

} // namespace

QString CadenceCommands::usage()
{
    return tr("  tasks --store PATH [--rm ID] [--date YYYY-MM-DD] [--format csv|json] [--full-names --reason TEXT]\n"
              "        the day plan the Today page shows: 731 and 4+1 steps and follow-ups up to each RM's daily\n"
              "        capacity (section today), the rest planned on later days (later), those that cannot fit\n"
              "        before their deadline (overload) or lie past the plan's horizon (beyond); every RM's\n"
              "        when --rm is left out\n"
              "  log-contact --store PATH --customer NO --channel CHANNEL --outcome OUTCOME\n"
              "       [--at ISO-TIME] [--note TEXT] [--staff ID] [--holding ID] [--next YYYY-MM-DD]\n"
              "        log a contact (and queue it for HQ); channels: phone, sms, wechat, mobile_banking,\n"
              "        visit, branch, event, wecom; outcomes: reached, no_answer, declined, interested, appointment,\n"
              "        converted, rolled_over, reinvested, funds_elsewhere, withdrawn\n"
              "  list maturity|retention|conversion|payroll --store PATH [--date YYYY-MM-DD] [--format csv|json]\n"
              "       [--full-names --reason TEXT]\n"
              "       [--days N] [--back N]\n"
              "        the maturity list (next N days, and M days back with outcomes), the VIP retention\n"
              "        warning list, the cross-line conversion list, or payroll customers by employer;\n"
              "        names are masked (张*) unless --full-names with --reason, which is recorded in the audit log\n");
}

bool CadenceCommands::handlesList(const QStringList &arguments)
{
    for (const QString &a : arguments.mid(1)) {
        if (!a.startsWith(QLatin1Char('-')))
            return kLists.contains(a);
    }
    return false;
}

int CadenceCommands::tasks(const QStringList &arguments, const QString &passphrase)
{
    QCommandLineParser p;
    const QCommandLineOption rmOpt(QStringLiteral("rm"), QString(), QStringLiteral("ID"));
    p.addOption(rmOpt);
    QDate asOf;
    bool json = false;
    if (!parseCommon(p, arguments, m_err, &asOf, &json))
        return 2;
    Loaded b;
    if (!load(p.value(QStringLiteral("store")), passphrase, asOf, &b, m_err))
        return passphrase.isEmpty() ? 2 : 1;
    const BranchSnapshot &s = *b.snapshot;
    const bool fullNames = FullNames::requested(p);
    const int rm = staffIndexOf(p, rmOpt, s);
    if (rm < 0 && rm != TodayList::kAllRms) {
        m_err << tr("--rm: no staff member '%1' in this branch").arg(p.value(rmOpt)) << Qt::endl;
        return 2;
    }
    const CadencePolicy &policy = b.policy;
    const WorkingCalendar &calendar = b.calendar;
    const CadenceRoster roster(s, policy, asOf, b.issued);
    const TodayList today(s, policy, calendar, b.activity, roster);
    const std::vector<QDate> days = DayPlan::planDays(calendar, asOf, policy.planHorizonDays);

    Table table({QStringLiteral("rm_id"), QStringLiteral("customer_no"), QStringLiteral("name"), QStringLiteral("tier"),
                 QStringLiteral("cadence"), QStringLiteral("step"), QStringLiteral("steps"), QStringLiteral("state"),
                 QStringLiteral("due"), QStringLiteral("deadline"), QStringLiteral("amount_fen"),
                 QStringLiteral("holding_id"), QStringLiteral("late_entry"), QStringLiteral("rescheduled"),
                 QStringLiteral("task"), QStringLiteral("why"), QStringLiteral("section"), QStringLiteral("planned_on")});
    PlanTotals totals;
    for (int staff = 0; staff < int(s.staff().size()); ++staff) {
        if ((rm != TodayList::kAllRms && staff != rm) || roster.customersOf(staff).empty())
            continue;
        addRmPlan(table, totals, b, today, staff, days, asOf, fullNames);
    }
    const QJsonObject meta = tasksMeta(s, calendar, asOf, p.value(rmOpt), totals, days.back());
    if (!auditFullNames(p, passphrase, QStringLiteral("tasks"), table.size(), m_err))
        return 1;
    table.print(m_out, json, meta, QStringLiteral("tasks"));
    return 0;
}

int CadenceCommands::logContact(const QStringList &arguments, const QString &passphrase)
{
    return LogContactCommand(m_out, m_err).run(arguments, passphrase);
}

int CadenceCommands::list(const QStringList &arguments, const QString &passphrase)
{
    QCommandLineParser p;
    const QCommandLineOption days(QStringLiteral("days"), QString(), QStringLiteral("N"));
    const QCommandLineOption back(QStringLiteral("back"), QString(), QStringLiteral("N"));
    p.addOptions({days, back});
    QDate asOf;
    bool json = false;
    if (!parseCommon(p, arguments, m_err, &asOf, &json))
        return 2;
    const QString kind = p.positionalArguments().value(0);
    if (!kLists.contains(kind)) {
        m_err << tr("list needs maturity, retention, conversion or payroll") << Qt::endl;
        return 2;
    }
    const CadencePolicy policy = CadencePolicy::defaultPolicy();
    bool ok = true;
    const int ahead = p.isSet(days) ? p.value(days).toInt(&ok) : policy.maturityWindowDays;
    bool okBack = true;
    const int behind = p.isSet(back) ? p.value(back).toInt(&okBack) : policy.maturityLookbackDays;
    if (!ok || !okBack || ahead < 0 || behind < 0) {
        m_err << tr("--days and --back must be numbers of days") << Qt::endl;
        return 2;
    }
    Loaded b;
    if (!load(p.value(QStringLiteral("store")), passphrase, asOf, &b, m_err))
        return passphrase.isEmpty() ? 2 : 1;
    const BranchSnapshot &s = *b.snapshot;
    const bool fullNames = FullNames::requested(p);
    QJsonObject meta;
    meta.insert(QStringLiteral("list"), kind);
    meta.insert(QStringLiteral("branch"), s.branchCode());
    meta.insert(QStringLiteral("as_of"), asOf.toString(Qt::ISODate));

    if (kind == QLatin1String("payroll")) {
        payrollTable(s).print(m_out, json, meta, QStringLiteral("employers"));
        return 0;
    }
    const Table table = kind == QLatin1String("maturity")    ? maturityTable(b, policy, asOf, ahead, behind, fullNames, meta)
                        : kind == QLatin1String("retention") ? retentionTable(s, policy, fullNames, meta)
                                                             : conversionTable(s, policy, asOf, fullNames);
    if (!auditFullNames(p, passphrase, QStringLiteral("list ") + kind, table.size(), m_err))
        return 1;
    table.print(m_out, json, meta, kind == QLatin1String("maturity") ? QStringLiteral("products") : QStringLiteral("members"));
    return 0;
}
