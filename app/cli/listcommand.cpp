#include "listcommand.h"

#include "fullnames.h"

#include "domain/branchsnapshot.h"
#include "domain/personaldatamask.h"
#include "domain/lowefficiencylist.h"
#include "domain/activitylog.h"
#include "domain/momentlists.h"
#include "domain/quadrant.h"
#include "domain/thresholdlist.h"
#include "domain/valuescores.h"
#include "store/cadencerepository.h"
#include "store/analysisjobs.h"
#include "store/auditlog.h"
#include "store/branchrepository.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/storeerror.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace {

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString quoted = s;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

// The command's options.
struct ListOptions
{
    const QCommandLineOption store{QStringLiteral("store"), QString(), QStringLiteral("PATH")};
    const QCommandLineOption format{QStringLiteral("format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("csv")};
    const QCommandLineOption quadrant{QStringLiteral("quadrant"), QString(), QStringLiteral("Q")};
    const QCommandLineOption band{QStringLiteral("band"), QString(), QStringLiteral("TIER")};
    const QCommandLineOption wide{QStringLiteral("wide")};
    const QCommandLineOption date{QStringLiteral("date"), QString(), QStringLiteral("YYYY-MM-DD")};
};

// What the command line asks for, checked.
struct ListRequest
{
    QString kind;
    QString format;
    Quadrant::Id quadrant = Quadrant::A;
    QDate asOf = QDate::currentDate();
};

// Parses and checks the arguments: 0 when they make a request, otherwise the exit code
// (the error printed).
int parseRequest(QCommandLineParser &p, const ListOptions &o, const QStringList &arguments, const QString &passphrase,
                 QTextStream &err, ListRequest *r)
{
    p.addOptions({o.store, o.format, o.quadrant, o.band, o.wide, o.date, FullNames::option(), FullNames::reasonOption()});
    if (!p.parse(arguments)) {
        err << p.errorText() << Qt::endl;
        return 2;
    }
    if (!FullNames::check(p, err))
        return 2;
    const QStringList kinds = {QStringLiteral("threshold"), QStringLiteral("low-efficiency"), QStringLiteral("quadrant"),
                               QStringLiteral("new-customers"), QStringLiteral("loss-recovery"), QStringLiteral("moments")};
    r->kind = p.positionalArguments().value(0);
    if (!kinds.contains(r->kind) || p.value(o.store).isEmpty()) {
        err << ListCommand::tr("list needs threshold, low-efficiency, quadrant, new-customers, loss-recovery or moments, "
                               "and --store PATH")
            << Qt::endl;
        return 2;
    }
    r->format = p.value(o.format);
    if (r->format != QLatin1String("csv") && r->format != QLatin1String("json")) {
        err << ListCommand::tr("--format must be csv or json, got '%1'").arg(r->format) << Qt::endl;
        return 2;
    }
    if (r->kind == QLatin1String("quadrant") && !Quadrant::fromLetter(p.value(o.quadrant), &r->quadrant)) {
        err << ListCommand::tr("list quadrant needs --quadrant A, B, C or D") << Qt::endl;
        return 2;
    }
    if (p.isSet(o.date)) {
        r->asOf = QDate::fromString(p.value(o.date), Qt::ISODate);
        if (!r->asOf.isValid()) {
            err << ListCommand::tr("--date must be a date as YYYY-MM-DD, got '%1'").arg(p.value(o.date)) << Qt::endl;
            return 2;
        }
    }
    if (passphrase.isEmpty()) {
        err << ListCommand::tr("Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE") << Qt::endl;
        return 2;
    }
    return 0;
}

// The branch and the value policy (the manager's edit, as the app uses) from the store; the
// key, unwrapped once into `access`, serves both reads. False, the error printed, when it fails.
bool loadBranch(StoreAccess &access, const QString &passphrase, QTextStream &err, BranchData *data, ValuePolicy *policy)
{
    try {
        Database db = Database::open(access.path, passphrase, Database::OpenMode::ExistingOnly, &access.key);
        SchemaMigrations::migrate(db);
        BranchRepository(db).loadAll(data);
        db.close();
        *policy = AnalysisJobs::valuePolicy(access);
    } catch (const StoreError &e) {
        err << ListCommand::tr("Error: %1").arg(e.message()) << Qt::endl;
        return false;
    }
    return true;
}

// The branch's analyses a list is built from.
struct ListInputs
{
    const BranchSnapshot &snapshot;
    const ValuePolicy &policy;
    const ValueScores &scores;
    const Quadrant::Cuts &cuts;
};

// The threshold list, of one band when --band names its tier: 0, or the exit code.
int thresholdList(const QCommandLineParser &p, const ListOptions &o, const ListInputs &in, QTextStream &err,
                  CustomerList *list)
{
    int bandIndex = -1;
    if (p.isSet(o.band)) {
        for (int b = 0; b < in.policy.thresholdBands().size(); ++b) {
            if (in.policy.thresholdBands().at(b).tierId == p.value(o.band))
                bandIndex = b;
        }
        if (bandIndex < 0) {
            err << ListCommand::tr("--band must be the tier id of a threshold band, got '%1'").arg(p.value(o.band))
                << Qt::endl;
            return 2;
        }
    }
    *list = ThresholdList::build(in.snapshot, in.policy, bandIndex);
    return 0;
}

// The new customers or the moments of truth: contacts decide "met" and "called about the
// maturity". 0, or the exit code.
int momentList(const ListRequest &r, StoreAccess &access, const BranchSnapshot &snapshot, QTextStream &err,
               CustomerList *list)
{
    ActivityLog activity;
    try {
        Database db = access.open();
        activity = CadenceRepository(db).loadActivity(snapshot);
    } catch (const StoreError &e) {
        err << ListCommand::tr("Error: %1").arg(e.message()) << Qt::endl;
        return 1;
    }
    *list = r.kind == QLatin1String("moments") ? MomentLists::moments(snapshot, &activity, MomentRules(), r.asOf)
                                               : MomentLists::newCustomers(snapshot, &activity, MomentRules(), r.asOf);
    return 0;
}

// The list the request names: 0, or the exit code.
int buildList(const ListRequest &r, const QCommandLineParser &p, const ListOptions &o, const ListInputs &in,
              StoreAccess &access, QTextStream &err, CustomerList *list)
{
    if (r.kind == QLatin1String("threshold"))
        return thresholdList(p, o, in, err, list);
    if (r.kind == QLatin1String("low-efficiency")) {
        *list = LowEfficiencyList::build(in.snapshot, in.scores, p.isSet(o.wide));
    } else if (r.kind == QLatin1String("loss-recovery")) {
        *list = MomentLists::lossRecovery(in.snapshot, MomentRules(), r.asOf);
    } else if (r.kind == QLatin1String("new-customers") || r.kind == QLatin1String("moments")) {
        return momentList(r, access, in.snapshot, err, list);
    } else {
        *list = CustomerList::selection(in.snapshot, Quadrant::members(in.scores, in.cuts, r.quadrant),
                                        CustomerList::Kind::Quadrant,
                                        QStringLiteral("quadrant=%1;cut_current=%2;cut_potential=%3")
                                            .arg(Quadrant::letter(r.quadrant))
                                            .arg(in.cuts.current, 0, 'f', 2)
                                            .arg(in.cuts.potential, 0, 'f', 2));
    }
    return 0;
}

// Prints a list's members as CSV or JSON, names masked unless full names were asked for.
class ListPrinter
{
public:
    ListPrinter(const ListInputs &in, const CustomerList &list, bool fullNames)
        : m_in(in)
        , m_list(list)
        , m_fullNames(fullNames)
        , m_threshold(list.kind == CustomerList::Kind::Threshold)
    {
    }

    void printCsv(QTextStream &out) const
    {
        out << "rank,customer_no,name,tier,aum_basis_fen,target_tier,gap_fen,projected_fen,current_value,"
               "potential_value,quadrant,rm_id,reason\n";
        int rank = 0;
        for (const ListMember &m : m_list.members) {
            const Row row = rowOf(m);
            ++rank;
            const QStringList fields = {QString::number(rank), row.c.customerNo, csvField(shownName(row.c.name)),
                                        row.tier, QString::number(m.basisFen), row.target,
                                        QString::number(m.gapFen), m_threshold ? QString::number(m.projectedFen) : QString(),
                                        row.current, row.potential, row.quadrant, row.c.rmId, csvField(row.reason)};
            out << fields.join(QLatin1Char(',')) << '\n';
        }
    }

    void printJson(QTextStream &out, const QDate &asOf) const
    {
        QJsonArray members;
        int rank = 0;
        for (const ListMember &m : m_list.members)
            members.append(jsonMember(m, ++rank));
        QJsonObject root;
        root.insert(QStringLiteral("list"), CustomerList::kindKey(m_list.kind));
        root.insert(QStringLiteral("criteria"), m_list.criteria);
        root.insert(QStringLiteral("as_of"), asOf.toString(Qt::ISODate));
        root.insert(QStringLiteral("branch"), m_in.snapshot.branchCode());
        root.insert(QStringLiteral("count"), int(m_list.members.size()));
        root.insert(QStringLiteral("members"), members);
        out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    }

private:
    // A member's columns as text.
    struct Row
    {
        const Customer &c;
        bool scored; // VIP and above are off the quadrant by default
        QString quadrant;
        QString tier;
        QString target;
        QString reason;
        QString current;
        QString potential;
    };

    Row rowOf(const ListMember &m) const
    {
        const ValueScores &scores = m_in.scores;
        const TierPolicy &tiers = m_in.snapshot.tierPolicy();
        const bool scored = scores.scored(m.customer);
        return Row{m_in.snapshot.customer(m.customer),
                   scored,
                   scored ? Quadrant::letter(Quadrant::classify(scores.current(m.customer), scores.potential(m.customer), m_in.cuts))
                          : QString(),
                   tiers.tier(m_in.snapshot.tierOf(m.customer)).id,
                   m.targetTier >= 0 ? tiers.tier(m.targetTier).id : QString(),
                   CustomerList::reason(m_list.kind, m, m_in.snapshot, &scores),
                   scored ? QString::number(scores.current(m.customer), 'f', 2) : QString(),
                   scored ? QString::number(scores.potential(m.customer), 'f', 2) : QString()};
    }

    QJsonObject jsonMember(const ListMember &m, int rank) const
    {
        const Row row = rowOf(m);
        QJsonObject o;
        o.insert(QStringLiteral("rank"), rank);
        o.insert(QStringLiteral("customer_no"), row.c.customerNo);
        o.insert(QStringLiteral("name"), shownName(row.c.name));
        o.insert(QStringLiteral("tier"), row.tier);
        o.insert(QStringLiteral("aum_basis_fen"), double(m.basisFen));
        o.insert(QStringLiteral("target_tier"), row.target);
        o.insert(QStringLiteral("gap_fen"), double(m.gapFen));
        if (m_threshold)
            o.insert(QStringLiteral("projected_fen"), double(m.projectedFen));
        o.insert(QStringLiteral("current_value"), row.scored ? QJsonValue(row.current.toDouble()) : QJsonValue());
        o.insert(QStringLiteral("potential_value"), row.scored ? QJsonValue(row.potential.toDouble()) : QJsonValue());
        o.insert(QStringLiteral("quadrant"), row.quadrant);
        o.insert(QStringLiteral("rm_id"), row.c.rmId);
        o.insert(QStringLiteral("reason"), row.reason);
        return o;
    }

    QString shownName(const QString &name) const { return FullNames::shown(name, m_fullNames); }

    const ListInputs &m_in;
    const CustomerList &m_list;
    const bool m_fullNames;
    const bool m_threshold;
};

} // namespace

QString ListCommand::usage()
{
    return tr("  list threshold|low-efficiency|quadrant|new-customers|loss-recovery|moments --store PATH\n"
              "       [--format csv|json] [--quadrant A|B|C|D] [--band TIER] [--wide] [--date YYYY-MM-DD] [--full-names --reason TEXT]\n"
              "        print the threshold list (optionally one band, by its tier id), the low-efficiency\n"
              "        list (--wide: under the widened line), one quadrant's customers, the new customers\n"
              "        (first meeting, milestones), loss recovery or the moments of truth, as the app shows them;\n"
              "        names are masked (张*) unless --full-names with --reason, which is recorded in the audit log\n");
}

int ListCommand::run(const QStringList &arguments, const QString &passphrase)
{
    QCommandLineParser p;
    const ListOptions options;
    ListRequest request;
    if (const int status = parseRequest(p, options, arguments, passphrase, m_err, &request))
        return status;

    StoreAccess access{p.value(options.store), {}, nullptr};
    BranchData data;
    ValuePolicy policy;
    if (!loadBranch(access, passphrase, m_err, &data, &policy))
        return 1;
    const BranchSnapshot snapshot(std::move(data), TierPolicy::defaultPolicy(), request.asOf);
    const ValueScores scores(snapshot, policy);
    const Quadrant::Cuts cuts = Quadrant::defaultCuts(scores);
    const ListInputs inputs{snapshot, policy, scores, cuts};
    CustomerList list;
    if (const int status = buildList(request, p, options, inputs, access, m_err, &list))
        return status;

    // Issue 8: a list export masks names (JR/T 0171-2020 display rules, docs/security.md);
    // full names only on request, and that export is audited before anything is printed.
    const bool fullNames = FullNames::requested(p);
    if (fullNames) {
        try {
            Database db = access.open();
            FullNames::audit(db, QStringLiteral("list ") + request.kind, list.members.size(), p);
        } catch (const StoreError &e) {
            m_err << tr("Error: %1").arg(e.message()) << Qt::endl;
            return 1;
        }
    }
    const ListPrinter printer(inputs, list, fullNames);
    if (request.format == QLatin1String("csv"))
        printer.printCsv(m_out);
    else
        printer.printJson(m_out, request.asOf);
    return 0;
}
