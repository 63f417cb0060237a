#include "policysource.h"

#include <functional>

#include "database.h"
#include "policyrepository.h"
#include "storeerror.h"

#include <QLoggingCategory>

namespace {

Q_LOGGING_CATEGORY(lcPolicy, "branchdesk.policy")

// A document HQ checked before issuing it can still fail here when this build is older
// than HQ's: then the shipped default stays, and the log says which document (no personal data).
void rejected(const QString &id, const QString &error)
{
    qCWarning(lcPolicy, "issued %s not applied: %s", qPrintable(id), qPrintable(error));
}

} // namespace

TierPolicy PolicySource::tierPolicy()
{
    if (const auto issued = PolicyRepository(m_db).issued(QStringLiteral("tier"))) {
        TierPolicy p;
        QString error;
        if (TierPolicy::fromJson(issued->body, &p, &error))
            return p;
        rejected(issued->id, error);
    }
    return TierPolicy::defaultPolicy();
}

ValuePolicy PolicySource::valuePolicy()
{
    PolicyRepository repo(m_db);
    ValuePolicy base = ValuePolicy::defaultPolicy();
    const auto issued = repo.issued(QStringLiteral("value"));
    if (issued) {
        QString error;
        if (!ValuePolicy::fromJson(issued->body, &base, &error)) {
            rejected(issued->id, error);
            base = ValuePolicy::defaultPolicy();
        }
        if (!issued->localEdits)
            return base;
    }
    const auto local = repo.document(QString::fromLatin1(PolicyRepository::kValuePolicy));
    if (!local)
        return base;
    ValuePolicy policy;
    QString error;
    if (!ValuePolicy::fromJson(*local, &policy, &error))
        throw StoreError(QStringLiteral("The stored value policy is not valid: %1").arg(error));
    return policy;
}

bool PolicySource::valuePolicyEditable()
{
    const auto issued = PolicyRepository(m_db).issued(QStringLiteral("value"));
    return !issued || issued->localEdits;
}

CadencePolicy PolicySource::cadencePolicy(const TierPolicy &tiers)
{
    CadencePolicy policy = CadencePolicy::defaultPolicy();
    if (const auto issued = PolicyRepository(m_db).issued(QStringLiteral("cadence"))) {
        CadencePolicy p;
        QString error;
        if (CadencePolicy::fromJson(issued->body, &p, &error))
            policy = p;
        else
            rejected(issued->id, error);
    }
    policy.adoptThresholdBands(valuePolicy(), tiers);
    return policy;
}

WorkingCalendar PolicySource::calendar()
{
    WorkingCalendar calendar = WorkingCalendar::standard();
    for (const PolicyRepository::Issued &doc : PolicyRepository(m_db).issued()) {
        if (doc.kind != QLatin1String("calendar"))
            continue;
        QString error;
        if (!calendar.loadJson(doc.body, &error))
            rejected(doc.id, error);
    }
    return calendar;
}

int PolicySource::issuedVersion(const QString &id)
{
    const auto issued = PolicyRepository(m_db).issued(id);
    return issued ? issued->version : 0;
}

PolicyVersions PolicySource::versions()
{
    PolicyVersions out;
    PolicyRepository repo(m_db);
    // An issued document in force when this build reads it; else the default stays, and says so.
    auto documentOf = [&](const QString &id, const std::function<bool(const QByteArray &, QString *)> &reads) {
        PolicyVersions::Document d;
        if (const auto issued = repo.issued(id)) {
            QString error;
            if (reads(issued->body, &error)) {
                d.version = issued->version;
                d.issuedAt = issued->issuedAt;
            } else {
                d.rejectedVersion = issued->version;
            }
        }
        return d;
    };
    out.tier = documentOf(QStringLiteral("tier"), [](const QByteArray &b, QString *e) {
        TierPolicy p;
        return TierPolicy::fromJson(b, &p, e);
    });
    out.value = documentOf(QStringLiteral("value"), [](const QByteArray &b, QString *e) {
        ValuePolicy p;
        return ValuePolicy::fromJson(b, &p, e);
    });
    out.value.editedHere = valuePolicyEditable() && repo.document(QString::fromLatin1(PolicyRepository::kValuePolicy));
    out.cadence = documentOf(QStringLiteral("cadence"), [](const QByteArray &b, QString *e) {
        CadencePolicy p;
        return CadencePolicy::fromJson(b, &p, e);
    });
    const WorkingCalendar cal = calendar();
    for (int year : cal.years()) {
        const auto issued = repo.issued(QStringLiteral("calendar-%1").arg(year));
        out.calendars.push_back({year, issued ? issued->version : 0});
    }
    return out;
}
