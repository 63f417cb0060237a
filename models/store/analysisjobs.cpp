#include "analysisjobs.h"

#include "auditlog.h"
#include "campaignrepository.h"
#include "transaction.h"
#include "database.h"
#include "policyrepository.h"
#include "policysource.h"
#include "schemamigrations.h"
#include "storeerror.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>

namespace {

Database openStore(const StoreAccess &store)
{
    Database db = store.open();
    SchemaMigrations::migrate(db);
    return db;
}

QString now()
{
    return QDateTime::currentDateTime().toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc()).toString(Qt::ISODate);
}

} // namespace

ValuePolicy AnalysisJobs::valuePolicy(const StoreAccess &store)
{
    Database db = openStore(store);
    return PolicySource(db).valuePolicy();
}

PolicyVersions AnalysisJobs::policyVersions(const StoreAccess &store)
{
    Database db = openStore(store);
    return PolicySource(db).versions();
}

bool AnalysisJobs::valuePolicyEditable(const StoreAccess &store, int *issuedVersion)
{
    Database db = openStore(store);
    PolicySource source(db);
    if (issuedVersion)
        *issuedVersion = source.issuedVersion(QStringLiteral("value"));
    return source.valuePolicyEditable();
}

void AnalysisJobs::saveValuePolicy(const StoreAccess &store, const ValuePolicy &policy)
{
    Database db = openStore(store);
    if (!PolicySource(db).valuePolicyEditable())
        throw StoreError(QCoreApplication::translate("AnalysisJobs", "HQ issued this branch's value policy and does "
                                                                      "not allow local changes."));
    Transaction tx(db);
    const QByteArray body = policy.toJson();
    PolicyRepository(db).setDocument(QString::fromLatin1(PolicyRepository::kValuePolicy), body, now());
    // Issue 8: policy changes are audited; the detail names the new document by its hash.
    const QString digest = QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(16));
    AuditLog(db).append(QStringLiteral("policy_change"), AuditLog::currentStaff(db),
                        QString::fromLatin1(PolicyRepository::kValuePolicy), QStringLiteral("saved sha256:%1").arg(digest));
    tx.commit();
}

void AnalysisJobs::resetValuePolicy(const StoreAccess &store)
{
    Database db = openStore(store);
    Transaction tx(db);
    PolicyRepository(db).removeDocument(QString::fromLatin1(PolicyRepository::kValuePolicy));
    AuditLog(db).append(QStringLiteral("policy_change"), AuditLog::currentStaff(db),
                        QString::fromLatin1(PolicyRepository::kValuePolicy), QStringLiteral("reset to the default"));
    tx.commit();
}

std::vector<CampaignList> AnalysisJobs::campaigns(const StoreAccess &store)
{
    Database db = openStore(store);
    return CampaignRepository(db).loadAll();
}

qint64 AnalysisJobs::saveCampaign(const StoreAccess &store, const CampaignList &list)
{
    Database db = openStore(store);
    return CampaignRepository(db).insert(list, now());
}

bool AnalysisJobs::deleteCampaign(const StoreAccess &store, qint64 id)
{
    Database db = openStore(store);
    return CampaignRepository(db).remove(id);
}
