#include "poolpolicy.h"

#include <QJsonDocument>
#include <QJsonObject>

bool PoolPolicy::fromJson(const QByteArray &json, PoolPolicy *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (doc.isNull() || !doc.isObject()) {
        *error = doc.isNull() ? QStringLiteral("pool policy: JSON error at offset %1: %2").arg(pe.offset).arg(pe.errorString())
                              : QStringLiteral("pool policy: the document is not a JSON object");
        return false;
    }
    const QJsonObject root = doc.object();
    PoolPolicy p;
    for (auto it = root.begin(); it != root.end(); ++it) {
        bool *field = it.key() == QLatin1String("rm_sees_pool") ? &p.rmSeesPool
                      : it.key() == QLatin1String("show_tier")  ? &p.showTier
                                                                : nullptr;
        if (!field) {
            *error = QStringLiteral("pool policy: unknown field '%1' (rm_sees_pool, show_tier)").arg(it.key());
            return false;
        }
        if (!it.value().isBool()) {
            *error = QStringLiteral("pool policy: field '%1' must be true or false").arg(it.key());
            return false;
        }
        *field = it.value().toBool();
    }
    *out = p;
    return true;
}
