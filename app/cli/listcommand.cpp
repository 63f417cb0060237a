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
#include "store/analysisstore.h"
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
    const QCommandLineOption store(QStringLiteral("store"), QString(), QStringLiteral("PATH"));
    const QCommandLineOption format(QStringLiteral("format"), QString(), QStringLiteral("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption quadrantOpt(QStringLiteral("quadrant"), QString(), QStringLiteral("Q"));
    const QCommandLineOption band(QStringLiteral("band"), QString(), QStringLiteral("TIER"));
    const QCommandLineOption wide(QStringLiteral("wide"));
    const QCommandLineOption date(QStringLiteral("date"), QString(), QStringLiteral("YYYY-MM-DD"));
    p.addOptions({store, format, quadrantOpt, band, wide, date, FullNames::option(), FullNames::reasonOption()});
    if (!p.parse(arguments)) {
        m_err << p.errorText() << Qt::endl;
        return 2;
    }
    if (!FullNames::check(p, m_err))
        return 2;
    const QStringList kinds = {QStringLiteral("threshold"), QStringLiteral("low-efficiency"), QStringLiteral("quadrant"),
                               QStringLiteral("new-customers"), QStringLiteral("loss-recovery"), QStringLiteral("moments")};
    const QString kind = p.positionalArguments().value(0);
    if (!kinds.contains(kind) || p.value(store).isEmpty()) {
        m_err << tr("list needs threshold, low-efficiency, quadrant, new-customers, loss-recovery or moments, "
                    "and --store PATH")
              << Qt::endl;
        return 2;
    }
    const QString fmt = p.value(format);
    if (fmt != QLatin1String("csv") && fmt != QLatin1String("json")) {
        m_err << tr("--format must be csv or json, got '%1'").arg(fmt) << Qt::endl;
        return 2;
    }
    Quadrant::Id quadrant = Quadrant::A;
    if (kind == QLatin1String("quadrant") && !Quadrant::fromLetter(p.value(quadrantOpt), &quadrant)) {
        m_err << tr("list quadrant needs --quadrant A, B, C or D") << Qt::endl;
        return 2;
    }
    QDate asOf = QDate::currentDate();
    if (p.isSet(date)) {
        asOf = QDate::fromString(p.value(date), Qt::ISODate);
        if (!asOf.isValid()) {
            m_err << tr("--date must be a date as YYYY-MM-DD, got '%1'").arg(p.value(date)) << Qt::endl;
            return 2;
        }
    }
    if (passphrase.isEmpty()) {
        m_err << tr("Set the store passphrase in the environment variable BRANCHDESK_PASSPHRASE") << Qt::endl;
        return 2;
    }

    StoreAccess access{p.value(store), {}, nullptr}; // the key, unwrapped once, serves both reads
    BranchData data;
    ValuePolicy policy;
    try {
        Database db = Database::open(access.path, passphrase, Database::OpenMode::ExistingOnly, &access.key);
        SchemaMigrations::migrate(db);
        BranchRepository(db).loadAll(&data);
        db.close();
        policy = AnalysisStore::valuePolicy(access); // the manager's edit, as the app uses
    } catch (const StoreError &e) {
        m_err << tr("Error: %1").arg(e.message()) << Qt::endl;
        return 1;
    }
    const BranchSnapshot snapshot(std::move(data), TierPolicy::defaultPolicy(), asOf);
    const ValueScores scores(snapshot, policy);
    const Quadrant::Cuts cuts = Quadrant::defaultCuts(scores);

    CustomerList list;
    if (kind == QLatin1String("threshold")) {
        int bandIndex = -1;
        if (p.isSet(band)) {
            for (int b = 0; b < policy.thresholdBands().size(); ++b) {
                if (policy.thresholdBands().at(b).tierId == p.value(band))
                    bandIndex = b;
            }
            if (bandIndex < 0) {
                m_err << tr("--band must be the tier id of a threshold band, got '%1'").arg(p.value(band)) << Qt::endl;
                return 2;
            }
        }
        list = ThresholdList::build(snapshot, policy, bandIndex);
    } else if (kind == QLatin1String("low-efficiency")) {
        list = LowEfficiencyList::build(snapshot, scores, p.isSet(wide));
    } else if (kind == QLatin1String("loss-recovery")) {
        list = MomentLists::lossRecovery(snapshot, MomentRules(), asOf);
    } else if (kind == QLatin1String("new-customers") || kind == QLatin1String("moments")) {
        ActivityLog activity; // contacts decide "met" and "called about the maturity"
        try {
            Database db = access.open();
            activity = CadenceRepository(db).loadActivity(snapshot);
        } catch (const StoreError &e) {
            m_err << tr("Error: %1").arg(e.message()) << Qt::endl;
            return 1;
        }
        list = kind == QLatin1String("moments") ? MomentLists::moments(snapshot, &activity, MomentRules(), asOf)
                                                : MomentLists::newCustomers(snapshot, &activity, MomentRules(), asOf);
    } else {
        list = CustomerList::selection(snapshot, Quadrant::members(scores, cuts, quadrant), CustomerList::Kind::Quadrant,
                                       QStringLiteral("quadrant=%1;cut_current=%2;cut_potential=%3")
                                           .arg(Quadrant::letter(quadrant))
                                           .arg(cuts.current, 0, 'f', 2)
                                           .arg(cuts.potential, 0, 'f', 2));
    }

    // Issue 8: a list export masks names (JR/T 0171-2020 display rules, docs/security.md);
    // full names only on request, and that export is audited before anything is printed.
    const bool fullNames = FullNames::requested(p);
    if (fullNames) {
        try {
            Database db = access.open();
            FullNames::audit(db, QStringLiteral("list ") + kind, list.members.size(), p);
        } catch (const StoreError &e) {
            m_err << tr("Error: %1").arg(e.message()) << Qt::endl;
            return 1;
        }
    }
    auto shownName = [fullNames](const QString &name) { return FullNames::shown(name, fullNames); };
    const TierPolicy &tiers = snapshot.tierPolicy();
    const bool threshold = list.kind == CustomerList::Kind::Threshold;
    if (fmt == QLatin1String("csv")) {
        m_out << "rank,customer_no,name,tier,aum_basis_fen,target_tier,gap_fen,projected_fen,current_value,"
                 "potential_value,quadrant,rm_id,reason\n";
    }
    QJsonArray members;
    int rank = 0;
    for (const ListMember &m : list.members) {
        const Customer &c = snapshot.customer(m.customer);
        const bool scored = scores.scored(m.customer); // VIP and above are off the quadrant by default
        const QString q = scored ? Quadrant::letter(Quadrant::classify(scores.current(m.customer), scores.potential(m.customer), cuts))
                                 : QString();
        const QString target = m.targetTier >= 0 ? tiers.tier(m.targetTier).id : QString();
        const QString reason = CustomerList::reason(list.kind, m, snapshot, &scores);
        const QString current = scored ? QString::number(scores.current(m.customer), 'f', 2) : QString();
        const QString potential = scored ? QString::number(scores.potential(m.customer), 'f', 2) : QString();
        ++rank;
        if (fmt == QLatin1String("csv")) {
            const QStringList fields = {QString::number(rank), c.customerNo, csvField(shownName(c.name)),
                                        tiers.tier(snapshot.tierOf(m.customer)).id, QString::number(m.basisFen), target,
                                        QString::number(m.gapFen), threshold ? QString::number(m.projectedFen) : QString(),
                                        current, potential, q, c.rmId, csvField(reason)};
            m_out << fields.join(QLatin1Char(',')) << '\n';
        } else {
            QJsonObject o;
            o.insert(QStringLiteral("rank"), rank);
            o.insert(QStringLiteral("customer_no"), c.customerNo);
            o.insert(QStringLiteral("name"), shownName(c.name));
            o.insert(QStringLiteral("tier"), tiers.tier(snapshot.tierOf(m.customer)).id);
            o.insert(QStringLiteral("aum_basis_fen"), double(m.basisFen));
            o.insert(QStringLiteral("target_tier"), target);
            o.insert(QStringLiteral("gap_fen"), double(m.gapFen));
            if (threshold)
                o.insert(QStringLiteral("projected_fen"), double(m.projectedFen));
            o.insert(QStringLiteral("current_value"), scored ? QJsonValue(current.toDouble()) : QJsonValue());
            o.insert(QStringLiteral("potential_value"), scored ? QJsonValue(potential.toDouble()) : QJsonValue());
            o.insert(QStringLiteral("quadrant"), q);
            o.insert(QStringLiteral("rm_id"), c.rmId);
            o.insert(QStringLiteral("reason"), reason);
            members.append(o);
        }
    }
    if (fmt == QLatin1String("json")) {
        QJsonObject root;
        root.insert(QStringLiteral("list"), CustomerList::kindKey(list.kind));
        root.insert(QStringLiteral("criteria"), list.criteria);
        root.insert(QStringLiteral("as_of"), asOf.toString(Qt::ISODate));
        root.insert(QStringLiteral("branch"), snapshot.branchCode());
        root.insert(QStringLiteral("count"), int(list.members.size()));
        root.insert(QStringLiteral("members"), members);
        m_out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    }
    return 0;
}
