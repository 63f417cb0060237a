#include "analysisstore.h"

#include "campaignrepository.h"
#include "database.h"
#include "policyrepository.h"
#include "schemamigrations.h"
#include "storeerror.h"

#include <QDateTime>

namespace {

Database openStore(const StoreAccess &store)
{
    Database db = Database::open(store.path, store.passphrase, Database::OpenMode::ExistingOnly);
    SchemaMigrations::migrate(db);
    return db;
}

QString now()
{
    return QDateTime::currentDateTime().toOffsetFromUtc(QDateTime::currentDateTime().offsetFromUtc()).toString(Qt::ISODate);
}

} // namespace

ValuePolicy AnalysisStore::valuePolicy(const StoreAccess &store)
{
    Database db = openStore(store);
    const auto body = PolicyRepository(db).document(QString::fromLatin1(PolicyRepository::kValuePolicy));
    if (!body)
        return ValuePolicy::defaultPolicy();
    ValuePolicy policy;
    QString error;
    if (!ValuePolicy::fromJson(*body, &policy, &error))
        throw StoreError(QStringLiteral("The stored value policy is not valid: %1").arg(error));
    return policy;
}

void AnalysisStore::saveValuePolicy(const StoreAccess &store, const ValuePolicy &policy)
{
    Database db = openStore(store);
    PolicyRepository(db).setDocument(QString::fromLatin1(PolicyRepository::kValuePolicy), policy.toJson(), now());
}

void AnalysisStore::resetValuePolicy(const StoreAccess &store)
{
    Database db = openStore(store);
    PolicyRepository(db).removeDocument(QString::fromLatin1(PolicyRepository::kValuePolicy));
}

std::vector<CampaignList> AnalysisStore::campaigns(const StoreAccess &store)
{
    Database db = openStore(store);
    return CampaignRepository(db).loadAll();
}

qint64 AnalysisStore::saveCampaign(const StoreAccess &store, const CampaignList &list)
{
    Database db = openStore(store);
    return CampaignRepository(db).insert(list, now());
}

bool AnalysisStore::deleteCampaign(const StoreAccess &store, qint64 id)
{
    Database db = openStore(store);
    return CampaignRepository(db).remove(id);
}
