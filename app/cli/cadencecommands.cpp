#include "cadencecommands.h"
#include "fullnames.h"

#include "store/syncengine.h"

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
#include "store/contactrepository.h"
#include "store/database.h"
#include "store/policysource.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
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
    int rm = TodayList::kAllRms;
    if (p.isSet(rmOpt)) {
        rm = -2;
        for (size_t i = 0; i < s.staff().size(); ++i) {
            if (s.staff()[i].staffId == p.value(rmOpt))
                rm = int(i);
        }
        if (rm < 0) {
            m_err << tr("--rm: no staff member '%1' in this branch").arg(p.value(rmOpt)) << Qt::endl;
            return 2;
        }
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
    TodayList::Counts counts;
    int later = 0, overload = 0, beyond = 0, capacityToday = 0;
    for (int staff = 0; staff < int(s.staff().size()); ++staff) {
        if ((rm != TodayList::kAllRms && staff != rm) || roster.customersOf(staff).empty())
            continue;
        const QHash<QDate, int> lowered = b.capacities.value(s.staff()[size_t(staff)].staffId);
        const DayPlan plan(today.buildUntil(staff, asOf, days.back()), asOf, days,
                           [&](const QDate &d) { return lowered.value(d, policy.dailyCapacity); });
        capacityToday += plan.capacityOn(asOf);
        for (const DayPlan::Entry &e : plan.entries()) {
            addPlanRow(table, s, today, e, asOf, fullNames);
            const TodayItem &i = e.item;
            if (e.slot != DayPlan::Slot::Today)
                continue;
            if (i.isDone())
                ++counts.done;
            else if (i.due < asOf)
                ++counts.overdue;
            else
                ++counts.due;
        }
        later += plan.count(DayPlan::Slot::Later);
        overload += plan.count(DayPlan::Slot::Overload);
        beyond += plan.count(DayPlan::Slot::Beyond);
    }
    QJsonObject meta;
    meta.insert(QStringLiteral("branch"), s.branchCode());
    meta.insert(QStringLiteral("date"), asOf.toString(Qt::ISODate));
    meta.insert(QStringLiteral("rm"), p.value(rmOpt));
    meta.insert(QStringLiteral("done"), counts.done);
    meta.insert(QStringLiteral("due"), counts.due);
    meta.insert(QStringLiteral("overdue"), counts.overdue);
    meta.insert(QStringLiteral("capacity"), capacityToday);
    meta.insert(QStringLiteral("later"), later);
    meta.insert(QStringLiteral("overload"), overload);
    meta.insert(QStringLiteral("beyond"), beyond);
    meta.insert(QStringLiteral("plan_until"), days.back().toString(Qt::ISODate));
    QJsonArray missing;
    for (int y = asOf.year(); y <= asOf.addDays(40).year(); ++y) {
        if (!calendar.hasYear(y))
            missing.append(y);
    }
    meta.insert(QStringLiteral("years_without_calendar"), missing);
    if (!auditFullNames(p, passphrase, QStringLiteral("tasks"), table.size(), m_err))
        return 1;
    table.print(m_out, json, meta, QStringLiteral("tasks"));
    return 0;
}

int CadenceCommands::logContact(const QStringList &arguments, const QString &passphrase)
{
    QCommandLineParser p;
    const QCommandLineOption store(QStringLiteral("store"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption customer(QStringLiteral("customer"), QString(), QStringLiteral("NO"));
    const QCommandLineOption channel(QStringLiteral("channel"), QString(), QStringLiteral("CHANNEL"));
    const QCommandLineOption outcome(QStringLiteral("outcome"), QString(), QStringLiteral("OUTCOME"));
    const QCommandLineOption at(QStringLiteral("at"), QString(), QStringLiteral("ISO-TIME"));
    const QCommandLineOption note(QStringLiteral("note"), QString(), QStringLiteral("TEXT"));
    const QCommandLineOption staff(QStringLiteral("staff"), QString(), QStringLiteral("ID"));
    const QCommandLineOption holding(QStringLiteral("holding"), QString(), QStringLiteral("ID"));
    const QCommandLineOption next(QStringLiteral("next"), QString(), QStringLiteral("YYYY-MM-DD"));
    p.addOptions({store, customer, channel, outcome, at, note, staff, holding, next});
    if (!p.parse(arguments)) {
        m_err << p.errorText() << Qt::endl;
        return 2;
    }
    if (p.value(store).isEmpty() || p.value(customer).isEmpty() || p.value(channel).isEmpty()
        || p.value(outcome).isEmpty()) {
        m_err << tr("log-contact needs --store, --customer, --channel and --outcome") << Qt::endl;
        return 2;
    }
    Contact c;
    c.customerNo = p.value(customer);
    if (!Contact::channelFromKey(p.value(channel), &c.channel)) {
        m_err << tr("Unknown channel '%1'").arg(p.value(channel)) << Qt::endl;
        return 2;
    }
    if (!Contact::outcomeFromKey(p.value(outcome), &c.outcome)) {
        m_err << tr("Unknown outcome '%1'").arg(p.value(outcome)) << Qt::endl;
        return 2;
    }
    const QDateTime now = QDateTime::currentDateTime();
    c.contactedAt = now.toOffsetFromUtc(now.offsetFromUtc());
    if (p.isSet(at)) {
        c.contactedAt = QDateTime::fromString(p.value(at), Qt::ISODate);
        if (!c.contactedAt.isValid()) {
            m_err << tr("--at must be an ISO date-time such as 2026-11-23T10:30:00+08:00, got '%1'").arg(p.value(at))
                  << Qt::endl;
            return 2;
        }
        if (c.contactedAt.timeSpec() == Qt::LocalTime)
            c.contactedAt = c.contactedAt.toOffsetFromUtc(c.contactedAt.offsetFromUtc());
    }
    if (p.isSet(next)) {
        c.nextStepDate = QDate::fromString(p.value(next), Qt::ISODate);
        if (!c.nextStepDate.isValid()) {
            m_err << tr("--next must be a date as YYYY-MM-DD, got '%1'").arg(p.value(next)) << Qt::endl;
            return 2;
        }
    }
    c.note = p.value(note);
    c.holdingId = p.value(holding);
    if (passphrase.isEmpty()) {
        m_err << tr("Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE") << Qt::endl;
        return 2;
    }
    try {
        Database db = Database::open(p.value(store), passphrase, Database::OpenMode::ExistingOnly);
        SchemaMigrations::migrate(db);
        QString rmId;
        {
            // The manager's assignment (schema v6) wins over HQ's rm_id.
            Statement st(db, QStringLiteral("SELECT COALESCE((SELECT rm_id FROM assignment WHERE customer_no = ?1), rm_id)"
                                            " FROM customer WHERE customer_no = ?1"));
            st.bind(1, c.customerNo);
            if (!st.step()) {
                m_err << tr("No customer '%1' in this store").arg(c.customerNo) << Qt::endl;
                return 1;
            }
            rmId = st.text(0);
        }
        c.staffId = p.isSet(staff) ? p.value(staff) : rmId;
        // A store synced with HQ belongs to its signed-in user: contacts are theirs (issue 15).
        const QString owner = SyncEngine::metaValue(db, QStringLiteral("sync.staff_id"));
        if (!owner.isEmpty()) {
            if (p.isSet(staff) && p.value(staff) != owner) {
                m_err << tr("This store belongs to %1: contacts are logged as %1 only").arg(owner) << Qt::endl;
                return 2;
            }
            c.staffId = owner;
        }
        if (c.staffId.isEmpty()) {
            m_err << tr("The customer has no RM: say who made the contact with --staff ID") << Qt::endl;
            return 2;
        }
        const Contact stored = ContactRepository(db).log(c);
        m_out << QString::fromUtf8(QJsonDocument(ContactRepository::toJson(stored)).toJson(QJsonDocument::Indented));
    } catch (const StoreError &e) {
        m_err << tr("Error: %1").arg(e.message()) << Qt::endl;
        return 1;
    }
    return 0;
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
    const TierPolicy &tiers = s.tierPolicy();
    QJsonObject meta;
    meta.insert(QStringLiteral("list"), kind);
    meta.insert(QStringLiteral("branch"), s.branchCode());
    meta.insert(QStringLiteral("as_of"), asOf.toString(Qt::ISODate));

    if (kind == QLatin1String("maturity")) {
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
        const MaturityList::Conversion conv = list.conversion();
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
        meta.insert(QStringLiteral("from"), list.from().toString(Qt::ISODate));
        meta.insert(QStringLiteral("to"), list.to().toString(Qt::ISODate));
        meta.insert(QStringLiteral("conversion"), c);
        if (!auditFullNames(p, passphrase, QStringLiteral("list ") + kind, table.size(), m_err))
            return 1;
        table.print(m_out, json, meta, QStringLiteral("products"));
    } else if (kind == QLatin1String("retention")) {
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
        if (!auditFullNames(p, passphrase, QStringLiteral("list ") + kind, table.size(), m_err))
            return 1;
        table.print(m_out, json, meta, QStringLiteral("members"));
    } else if (kind == QLatin1String("conversion")) {
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
        if (!auditFullNames(p, passphrase, QStringLiteral("list ") + kind, table.size(), m_err))
            return 1;
        table.print(m_out, json, meta, QStringLiteral("members"));
    } else {
        Table table({QStringLiteral("employer"), QStringLiteral("customers"), QStringLiteral("assigned"),
                     QStringLiteral("aum_fen"), QStringLiteral("last_month_avg_fen"), QStringLiteral("month_before_avg_fen"),
                     QStringLiteral("kept_share")});
        for (const PayrollList::Employer &e : PayrollList::build(s)) {
            table.add({e.name, qint64(e.customers.size()), e.assigned, e.aumFen, e.lastMonthAvgFen, e.monthBeforeAvgFen,
                       QString::number(e.keptShare(), 'f', 4).toDouble()});
        }
        table.print(m_out, json, meta, QStringLiteral("employers"));
    }
    return 0;
}
