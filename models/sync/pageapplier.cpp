#include "pageapplier.h"

#include "outbox.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/transaction.h"
#include "syncentities.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <memory>

namespace {

void bindValue(Statement &st, int index, const QJsonValue &v, const SyncRecord &rec, const QString &column)
{
    switch (v.type()) {
    case QJsonValue::String:
        st.bind(index, v.toString());
        break;
    case QJsonValue::Double: {
        // Store numbers are whole (money in fen, counts). A fraction, NaN or a value
        // outside qint64 (found by fuzz/fuzz_syncpage) fails the page, never converts.
        const double d = v.toDouble();
        if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) || d != double(qint64(d)))
            throw StoreError(QStringLiteral("%1 %2 from HQ: field %3 is not a whole number").arg(rec.entity, rec.id, column));
        st.bind(index, qint64(d));
        break;
    }
    case QJsonValue::Bool:
        st.bind(index, v.toBool());
        break;
    default:
        st.bindNull(index);
        break;
    }
}

// Prepared UPDATE / INSERT / DELETE for one entity and one set of payload
// columns, reused across a page. Columns a payload leaves out keep their
// default (on insert) or their value (on update): an older or newer HQ may
// send fewer or more fields. UPDATE-then-INSERT, not INSERT OR REPLACE:
// REPLACE deletes the old row first.
struct EntityStatements
{
    EntityStatements(Database &db, const SyncEntities::Entity &e, const QStringList &cols)
        : entity(e), columns(cols),
          update(db, [&] {
              QStringList sets;
              for (const QString &c : cols)
                  sets << c + QStringLiteral(" = ?");
              return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?").arg(e.table, sets.join(QStringLiteral(", ")), e.key);
          }()),
          insert(db, QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)")
                         .arg(e.table, cols.join(QStringLiteral(", ")),
                              QStringList(cols.size(), QStringLiteral("?")).join(QStringLiteral(", ")))),
          remove(db, QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(e.table, e.key))
    {
    }
    const SyncEntities::Entity &entity;
    QStringList columns;
    Statement update;
    Statement insert;
    Statement remove;
};

QStringList presentColumns(const SyncEntities::Entity &e, const SyncRecord &rec)
{
    QStringList cols;
    for (const QString &c : e.columns) {
        if (rec.payload.contains(c) || c == e.key)
            cols << c;
    }
    return cols;
}

QString noteBody(Database &db, const QString &noteId)
{
    Statement st(db, QStringLiteral("SELECT body FROM note WHERE note_id = ?"));
    st.bind(1, noteId);
    return st.step() ? st.text(0) : QString();
}

// The RM a stored assignment names; a null string when there is none.
QString assignedRm(Database &db, const QString &customerNo)
{
    Statement st(db, QStringLiteral("SELECT rm_id FROM assignment WHERE customer_no = ?"));
    st.bind(1, customerNo);
    return st.step() ? st.text(0) : QString();
}

bool hasPendingRecord(Database &db, const QString &entity, const QString &id)
{
    Statement st(db, QStringLiteral("SELECT 1 FROM outbox WHERE entity = ? AND record_id = ? LIMIT 1"));
    st.bind(1, entity).bind(2, id);
    return st.step();
}

} // namespace

void PageApplier::log(Database &db, const QString &kind, const QString &message, const QString &entity,
                      const QString &recordId, const QString &rule, const QString &base, const QString &theirs,
                      const QString &yours)
{
    Statement st(db, QStringLiteral("INSERT INTO sync_log (at, kind, entity, record_id, rule, base, theirs, yours, message)"
                                    " VALUES (?,?,?,?,?,?,?,?,?)"));
    auto opt = [](const QString &s) { return s.isEmpty() ? QString() : s; };
    st.bind(1, QDateTime::currentDateTime().toString(Qt::ISODate))
        .bind(2, kind)
        .bind(3, opt(entity))
        .bind(4, opt(recordId))
        .bind(5, opt(rule))
        .bind(6, opt(base))
        .bind(7, opt(theirs))
        .bind(8, opt(yours))
        .bind(9, message)
        .execute();
}

PageApplier::Result PageApplier::apply(Database &db, const std::vector<SyncRecord> &records, qint64 newCursor)
{
    Result result;
    Transaction tx(db);
    QHash<QString, std::shared_ptr<EntityStatements>> statements;
    for (const SyncRecord &rec : records) {
        const SyncEntities::Entity *entity = SyncEntities::find(rec.entity);
        if (!entity || entity->table.isEmpty()) { // unknown (a newer HQ), or up-only like the audit trail
            ++result.skipped;
            continue;
        }
        const QStringList cols = rec.deleted ? QStringList{entity->key} : presentColumns(*entity, rec);
        auto &st = statements[rec.entity + QLatin1Char('|') + cols.join(QLatin1Char(','))];
        if (!st)
            st = std::make_shared<EntityStatements>(db, *entity, cols);

        if (rec.deleted) {
            if (rec.entity == QLatin1String("customer") && Outbox::hasPendingFor(db, rec.id)) {
                // Keep the customer until what we logged about them has reached HQ.
                Statement defer(db, QStringLiteral("INSERT OR REPLACE INTO pending_purge (entity, record_id, seq) VALUES (?,?,?)"));
                defer.bind(1, rec.entity).bind(2, rec.id).bind(3, rec.seq).execute();
                log(db, QStringLiteral("purge_deferred"),
                    QStringLiteral("Customer removed at HQ; kept until this desktop's changes are sent"),
                    rec.entity, rec.id);
                ++result.deferredPurges;
                continue;
            }
            st->remove.bind(1, rec.id).execute();
            ++result.deleted;
            continue;
        }

        if (entity->rule == SyncEntities::Rule::LastWriteWins && rec.entity == QLatin1String("note")) {
            const QString local = noteBody(db, rec.id);
            const QString incoming = rec.payload.value(QLatin1String("body")).toString();
            if (!local.isNull() && local != incoming) {
                if (hasPendingRecord(db, rec.entity, rec.id)) {
                    // Ours is newer and on its way up; it will win at HQ.
                    log(db, QStringLiteral("conflict"), QStringLiteral("Kept this desktop's unsent edit"), rec.entity,
                        rec.id, QStringLiteral("last write wins (ours not yet sent)"), QString(), incoming, local);
                    ++result.conflicts;
                    continue;
                }
                Statement hist(db, QStringLiteral("INSERT INTO note_history (note_id, body, author_id, updated_at, replaced_at, reason)"
                                                  " SELECT note_id, body, author_id, updated_at, ?, 'replaced by a later edit' FROM note WHERE note_id = ?"));
                hist.bind(1, QDateTime::currentDateTime().toString(Qt::ISODate)).bind(2, rec.id).execute();
                log(db, QStringLiteral("overwrite"), QStringLiteral("A later edit from another desktop replaced this note"),
                    rec.entity, rec.id, QStringLiteral("last write wins"), QString(), incoming, local);
                ++result.conflicts;
            }
        }

        if (rec.entity == QLatin1String("assignment")) {
            const QString local = assignedRm(db, rec.id);
            const QString incoming = rec.payload.value(QLatin1String("rm_id")).toString();
            if (!local.isNull() && local != incoming) {
                if (hasPendingRecord(db, rec.entity, rec.id)) {
                    log(db, QStringLiteral("conflict"), QStringLiteral("Kept this desktop's unsent assignment"), rec.entity,
                        rec.id, QStringLiteral("last write wins (ours not yet sent)"), QString(), incoming, local);
                    ++result.conflicts;
                    continue;
                }
                log(db, QStringLiteral("overwrite"), QStringLiteral("A later assignment from another desktop replaced this one"),
                    rec.entity, rec.id, QStringLiteral("last write wins"), QString(), incoming, local);
                ++result.conflicts;
            }
        }

        // Insert first (a first sync is all inserts), update when the id exists.
        auto valueOf = [&](const QString &c) { return c == entity->key ? QJsonValue(rec.id) : rec.payload.value(c); };
        int i = 1;
        for (const QString &c : st->columns)
            bindValue(st->insert, i++, valueOf(c), rec, c);
        st->insert.execute();
        if (db.changes() == 0 && entity->rule == SyncEntities::Rule::AppendOnly) {
            // Ignored: either it is already here (fine) or it broke a constraint (not fine).
            Statement exists(db, QStringLiteral("SELECT 1 FROM %1 WHERE %2 = ?").arg(entity->table, entity->key));
            exists.bind(1, rec.id);
            if (!exists.step())
                throw StoreError(QStringLiteral("%1 %2 from HQ does not fit the store").arg(rec.entity, rec.id));
        } else if (db.changes() == 0) {
            i = 1;
            for (const QString &c : st->columns)
                bindValue(st->update, i++, valueOf(c), rec, c);
            st->update.bind(i, rec.id);
            st->update.execute();
            if (db.changes() == 0) // neither inserted nor updated: the row broke a constraint
                throw StoreError(QStringLiteral("%1 %2 from HQ does not fit the store").arg(rec.entity, rec.id));
        }
        ++result.applied;
    }
    Statement cursor(db, QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('sync.cursor', ?)"));
    cursor.bind(1, QString::number(newCursor)).execute();
    statements.clear();
    tx.commit();
    return result;
}

int PageApplier::purgeDeferred(Database &db)
{
    std::vector<QString> ready;
    {
        Statement st(db, QStringLiteral("SELECT record_id FROM pending_purge WHERE entity = 'customer'"));
        while (st.step())
            ready.push_back(st.text(0));
    }
    int purged = 0;
    for (const QString &id : ready) {
        if (Outbox::hasPendingFor(db, id))
            continue;
        Transaction tx(db);
        Statement del(db, QStringLiteral("DELETE FROM customer WHERE customer_no = ?"));
        del.bind(1, id).execute();
        Statement done(db, QStringLiteral("DELETE FROM pending_purge WHERE entity = 'customer' AND record_id = ?"));
        done.bind(1, id).execute();
        log(db, QStringLiteral("purged"), QStringLiteral("Customer removed at HQ purged after its changes were sent"),
            QStringLiteral("customer"), id);
        tx.commit();
        ++purged;
    }
    return purged;
}
