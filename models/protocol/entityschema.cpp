#include "entityschema.h"

#include "syncentities.h"

#include <QHash>
#include <QJsonValue>

#include <cmath>

namespace {

// One column: type t (text), i (integer), b (0/1 or true/false); '!' = required and not
// null, '?' = may be null; neither = may be left out but is not null when present.
struct Column
{
    char type = 't';
    bool required = false;
    bool nullable = false;
    QStringList allowed; // empty: any value of the type
};

struct Spec
{
    QHash<QString, Column> columns;
    EntitySchema::Identity identity;
};

Spec spec(const char *columns, EntitySchema::Identity identity)
{
    Spec s;
    s.identity = identity;
    for (const QString &c : QString::fromLatin1(columns).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList parts = c.split(QLatin1Char(':'));
        Column col;
        const QString t = parts.value(1, QStringLiteral("t"));
        col.type = t.at(0).toLatin1();
        col.required = t.contains(QLatin1Char('!'));
        col.nullable = t.contains(QLatin1Char('?'));
        if (parts.size() > 2)
            col.allowed = parts.at(2).split(QLatin1Char('|'));
        s.columns.insert(parts.at(0), col);
    }
    return s;
}

const QHash<QString, Spec> &specs()
{
    using I = EntitySchema::Identity;
    static const QHash<QString, Spec> all = [] {
        QHash<QString, Spec> m;
        const QString dev = QStringLiteral("device_id");
        m.insert(QStringLiteral("contact"),
                 spec("contact_id:t! customer_no:t! staff_id:t! channel:t! outcome:t! contacted_at:t! note:t "
                      "next_step_date:t? holding_id:t? supersedes:t? device_id:t! created_at:t!",
                      I{QStringLiteral("staff_id"), dev, false}));
        m.insert(QStringLiteral("note"),
                 spec("note_id:t! customer_no:t! body:t! author_id:t! updated_at:t! device_id:t!",
                      I{QStringLiteral("author_id"), dev, true}));
        m.insert(QStringLiteral("step_override"),
                 spec("override_id:t! plan_key:t! step_index:i! due_date:t! reason:t! staff_id:t! customer_no:t! "
                      "device_id:t! created_at:t!",
                      I{QStringLiteral("staff_id"), dev, false}));
        m.insert(QStringLiteral("enrolment"), spec("enrolment_key:t! customer_no:t! entered_on:t! device_id:t!", I{QString(), dev, false}));
        m.insert(QStringLiteral("maturity_outcome"),
                 spec("outcome_id:t! holding_id:t! customer_no:t! outcome:t!:renewed|reinvested|partly_kept|withdrawn "
                      "kept_fen:i note:t staff_id:t! supersedes:t? device_id:t! marked_at:t!",
                      I{QStringLiteral("staff_id"), dev, false}));
        m.insert(QStringLiteral("event"),
                 spec("event_id:t! name:t! held_on:t! place:t campaign:t created_by:t! device_id:t! created_at:t!",
                      I{QStringLiteral("created_by"), dev, false}));
        m.insert(QStringLiteral("event_visitor"),
                 spec("visitor_id:t! event_id:t! name:t phone:t? interest:t consent:b customer_no:t? contact_id:t? "
                      "prospect_id:t? captured_by:t! device_id:t! captured_at:t!",
                      I{QStringLiteral("captured_by"), dev, false}));
        m.insert(QStringLiteral("prospect"),
                 spec("prospect_id:t! name:t phone:t! interest:t owner_id:t! source_event_id:t? consent:b device_id:t! "
                      "created_at:t!",
                      I{QStringLiteral("owner_id"), dev, true}));
        m.insert(QStringLiteral("assignment"),
                 spec("customer_no:t! rm_id:t assigned_by:t! assigned_at:t! device_id:t!",
                      I{QStringLiteral("assigned_by"), dev, false}));
        m.insert(QStringLiteral("campaign"),
                 spec("campaign_id:t! name:t! starts_on:t! ends_on:t! targets:t updated_by:t updated_at:t! device_id:t",
                      I{QStringLiteral("updated_by"), dev, false}));
        // Work as issued (issue 17): do-not-contact flags, lists issued to RMs and their shares.
        m.insert(QStringLiteral("do_not_contact"),
                 spec("record_id:t! customer_no:t! active:b! since:t! source:t note:t staff_id:t! device_id:t! created_at:t!",
                      I{QStringLiteral("staff_id"), dev, false}));
        m.insert(QStringLiteral("issued_list"),
                 spec("list_id:t! name:t! kind:t campaign_id:t frozen_on:t issued_at:t! issued_by:t! withdrawn:b device_id:t!",
                      I{QStringLiteral("issued_by"), dev, false}));
        m.insert(QStringLiteral("issued_share"),
                 spec("share_id:t! list_id:t! customer_no:t! rm_id:t device_id:t!", I{QString(), dev, false}));
        // Audit entries are hash-chained: HQ cannot rewrite them, it checks them (hqdatabase.cpp).
        m.insert(QStringLiteral("audit"),
                 spec("entry_id:t! at:t! staff_id:t! event:t! subject:t detail:t device_id:t! prev_hash:t! hash:t! key_id:t n:i mac:t",
                      I{QString(), QString(), false}));
        return m;
    }();
    return all;
}

bool fits(const Column &col, const QJsonValue &v)
{
    switch (col.type) {
    case 'i':
        return v.isDouble() && std::isfinite(v.toDouble()) && std::trunc(v.toDouble()) == v.toDouble()
               && std::fabs(v.toDouble()) < 9.0e15;
    case 'b':
        return v.isBool() || (v.isDouble() && (v.toDouble() == 0 || v.toDouble() == 1));
    default:
        return v.isString() && v.toString().size() <= 20000
               && (col.allowed.isEmpty() || col.allowed.contains(v.toString()));
    }
}

} // namespace

bool EntitySchema::validId(const QString &id)
{
    if (id.isEmpty() || id.size() > 128)
        return false;
    for (const QChar c : id) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format)
            return false;
    }
    return true;
}

bool EntitySchema::validate(const QString &entity, const QString &recordId, const QJsonObject &payload, QString *reason)
{
    const auto it = specs().constFind(entity);
    if (it == specs().constEnd()) {
        *reason = QStringLiteral("unknown entity");
        return false;
    }
    if (!validId(recordId)) {
        *reason = QStringLiteral("record id is empty, too long or has control characters");
        return false;
    }
    const SyncEntities::Entity *e = SyncEntities::find(entity);
    for (auto p = payload.constBegin(); p != payload.constEnd(); ++p) {
        const auto col = it->columns.constFind(p.key());
        if (col == it->columns.constEnd()) {
            *reason = QStringLiteral("unknown column");
            return false;
        }
        if (p.value().isNull() ? !col->nullable : !fits(*col, p.value())) {
            *reason = QStringLiteral("column %1 has the wrong type or value").arg(p.key());
            return false;
        }
    }
    for (auto col = it->columns.constBegin(); col != it->columns.constEnd(); ++col) {
        if (col->required && !payload.contains(col.key())) {
            *reason = QStringLiteral("column %1 is missing").arg(col.key());
            return false;
        }
    }
    if (e && payload.contains(e->key) && payload.value(e->key).toString() != recordId) {
        *reason = QStringLiteral("column %1 differs from the record id").arg(e->key);
        return false;
    }
    return true;
}

EntitySchema::Identity EntitySchema::identity(const QString &entity)
{
    const auto it = specs().constFind(entity);
    return it == specs().constEnd() ? Identity{} : it->identity;
}
