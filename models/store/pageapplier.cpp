#include "pageapplier.h"

#include "outbox.h"
#include "store/database.h"
#include "store/statement.h"
#include "store/storeerror.h"
#include "store/transaction.h"
#include "../protocol/syncentities.h"

#include <QDateTime>
#include <memory>

namespace {

using Value = PulledRecords::Value;

void bindValue(Statement &st, int index, const Value &v, const PulledRecords &page,
               const PulledRecords::Record &rec, const QString &column)
{
    switch (v.kind) {
    case Value::Kind::Text:
        st.bindUtf8(index, page.text(v).data(), v.size);
        break;
    case Value::Kind::Integer:
        st.bind(index, v.integer);
        break;
    case Value::Kind::Real:
        // Store numbers are whole (money in fen, counts). A fraction, NaN or a value
        // outside qint64 (found by fuzz/fuzz_syncpage) fails the page, never converts.
        throw StoreError(QStringLiteral("%1 %2 from HQ: field %3 is not a whole number")
                             .arg(page.entity(rec)->name, page.idString(rec), column));
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
    EntityStatements(Database &db, int entityIndex, quint64 mask)
        : entity(entityIndex), present(mask), columns([&] {
              std::vector<int> cols;
              for (int c = 0; c < PulledRecords::kMaxColumns; ++c) {
                  if (mask & (quint64(1) << c))
                      cols.push_back(c);
              }
              return cols;
          }()),
          update(db, [&] {
              const SyncEntities::Entity &e = SyncEntities::all().at(entityIndex);
              QStringList sets;
              for (int c : columns)
                  sets << e.columns.at(c) + QStringLiteral(" = ?");
              return QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?").arg(e.table, sets.join(QStringLiteral(", ")), e.key);
          }()),
          insert(db, [&] {
              const SyncEntities::Entity &e = SyncEntities::all().at(entityIndex);
              QStringList names;
              for (int c : columns)
                  names << e.columns.at(c);
              return QStringLiteral("INSERT OR IGNORE INTO %1 (%2) VALUES (%3)")
                  .arg(e.table, names.join(QStringLiteral(", ")),
                       QStringList(names.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
          }()),
          remove(db, [&] {
              const SyncEntities::Entity &e = SyncEntities::all().at(entityIndex);
              return QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(e.table, e.key);
          }())
    {
    }
    int entity;
    quint64 present;
    std::vector<int> columns; // entity column indexes, in the statements' order
    Statement update;
    Statement insert;
    Statement remove;
};

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

// The prepared statements of a page, by entity and column set; a page is mostly one or two
// of them, so the last one asked for is tried first.
class StatementCache
{
public:
    explicit StatementCache(Database &db) : m_db(db) {}
    EntityStatements *get(int entity, quint64 mask)
    {
        if (m_last && m_last->entity == entity && m_last->present == mask)
            return m_last;
        m_last = nullptr;
        for (const auto &st : m_statements) {
            if (st->entity == entity && st->present == mask)
                m_last = st.get();
        }
        if (!m_last) {
            m_statements.push_back(std::make_unique<EntityStatements>(m_db, entity, mask));
            m_last = m_statements.back().get();
        }
        return m_last;
    }
    void clear()
    {
        m_last = nullptr;
        m_statements.clear();
    }

private:
    Database &m_db;
    std::vector<std::unique_ptr<EntityStatements>> m_statements;
    EntityStatements *m_last = nullptr;
};

using Result = PageApplier::Result;

// A record HQ removed; a customer stays (a deferred purge) until what this desktop logged
// about them has reached HQ.
void applyRemoval(Database &db, StatementCache &statements, const PulledRecords &page, const PulledRecords::Record &rec,
                  const SyncEntities::Entity &entity, quint64 keyBit, Result &result)
{
    const QByteArrayView id = page.id(rec);
    const QString idString = page.idString(rec);
    if (entity.name == QLatin1String("customer") && Outbox::hasPendingFor(db, idString)) {
        // Keep the customer until what we logged about them has reached HQ.
        Statement defer(db, QStringLiteral("INSERT OR REPLACE INTO pending_purge (entity, record_id, seq) VALUES (?,?,?)"));
        defer.bind(1, entity.name).bind(2, idString).bind(3, rec.seq).execute();
        PageApplier::log(db, QStringLiteral("purge_deferred"),
                         QStringLiteral("Customer removed at HQ; kept until this desktop's changes are sent"), entity.name,
                         idString);
        ++result.deferredPurges;
        return;
    }
    statements.get(rec.entity, keyBit)->remove.bindUtf8(1, id.data(), id.size()).execute();
    ++result.deleted;
}

// A note another desktop edited: true when this desktop's unsent edit is kept (the record is
// not applied); a replaced local body goes to note_history first.
bool keepsLocalNote(Database &db, const PulledRecords &page, const PulledRecords::Record &rec,
                    const SyncEntities::Entity &entity, Result &result)
{
    const QString idString = page.idString(rec);
    const QString local = noteBody(db, idString);
    const QString incoming = page.textOf(rec, QStringLiteral("body"));
    if (local.isNull() || local == incoming)
        return false;
    if (hasPendingRecord(db, entity.name, idString)) {
        // Ours is newer and on its way up; it will win at HQ.
        PageApplier::log(db, QStringLiteral("conflict"), QStringLiteral("Kept this desktop's unsent edit"), entity.name,
                         idString, QStringLiteral("last write wins (ours not yet sent)"), QString(), incoming, local);
        ++result.conflicts;
        return true;
    }
    Statement hist(db, QStringLiteral("INSERT INTO note_history (note_id, body, author_id, updated_at, replaced_at, reason)"
                                      " SELECT note_id, body, author_id, updated_at, ?, 'replaced by a later edit' FROM note WHERE note_id = ?"));
    hist.bind(1, QDateTime::currentDateTime().toString(Qt::ISODate)).bind(2, idString).execute();
    PageApplier::log(db, QStringLiteral("overwrite"), QStringLiteral("A later edit from another desktop replaced this note"),
                     entity.name, idString, QStringLiteral("last write wins"), QString(), incoming, local);
    ++result.conflicts;
    return false;
}

// An assignment another desktop made: true when this desktop's unsent one is kept.
bool keepsLocalAssignment(Database &db, const PulledRecords &page, const PulledRecords::Record &rec,
                          const SyncEntities::Entity &entity, Result &result)
{
    const QString idString = page.idString(rec);
    const QString local = assignedRm(db, idString);
    const QString incoming = page.textOf(rec, QStringLiteral("rm_id"));
    if (local.isNull() || local == incoming)
        return false;
    if (hasPendingRecord(db, entity.name, idString)) {
        PageApplier::log(db, QStringLiteral("conflict"), QStringLiteral("Kept this desktop's unsent assignment"), entity.name,
                         idString, QStringLiteral("last write wins (ours not yet sent)"), QString(), incoming, local);
        ++result.conflicts;
        return true;
    }
    PageApplier::log(db, QStringLiteral("overwrite"), QStringLiteral("A later assignment from another desktop replaced this one"),
                     entity.name, idString, QStringLiteral("last write wins"), QString(), incoming, local);
    ++result.conflicts;
    return false;
}

// Binds the record's columns in the statements' order; the key column is the record's id,
// whatever the payload says. Returns the next parameter index.
int bindColumns(Statement &s, const EntityStatements &st, const PulledRecords &page, const PulledRecords::Record &rec,
                const SyncEntities::Entity &entity, int keyColumn, QByteArrayView id)
{
    int i = 1;
    for (int c : st.columns) {
        if (c == keyColumn)
            s.bindUtf8(i++, id.data(), id.size());
        else
            bindValue(s, i++, page.value(rec, c), page, rec, entity.columns.at(c));
    }
    return i;
}

// The record's columns over the row with its id; false when no row changed.
bool updateRow(Database &db, EntityStatements &st, const PulledRecords &page, const PulledRecords::Record &rec,
               const SyncEntities::Entity &entity, int keyColumn, QByteArrayView id)
{
    const int i = bindColumns(st.update, st, page, rec, entity, keyColumn, id);
    st.update.bindUtf8(i, id.data(), id.size());
    st.update.execute();
    return db.changes() != 0;
}

// Insert first (a first sync is all inserts), update when the id exists. An append-only record
// is never updated, except that when the registry names an earliestWins date column (an
// enrolment another desktop saw too) the earlier date and its record stay; ISO dates compare
// as text.
void upsert(Database &db, EntityStatements &st, const PulledRecords &page, const PulledRecords::Record &rec,
            const SyncEntities::Entity &entity, int keyColumn)
{
    const QByteArrayView id = page.id(rec);
    bindColumns(st.insert, st, page, rec, entity, keyColumn, id);
    st.insert.execute();
    if (db.changes() == 0 && entity.rule == SyncEntities::Rule::AppendOnly) {
        // Ignored: either it is already here (fine) or it broke a constraint (not fine).
        const QString column = entity.earliestWins.isEmpty() ? QStringLiteral("1") : entity.earliestWins;
        Statement local(db, QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(column, entity.table, entity.key));
        local.bindUtf8(1, id.data(), id.size());
        if (!local.step())
            throw StoreError(QStringLiteral("%1 %2 from HQ does not fit the store").arg(entity.name, page.idString(rec)));
        if (entity.earliestWins.isEmpty())
            return;
        const QString incoming = page.textOf(rec, entity.earliestWins);
        if (!incoming.isEmpty() && incoming < local.text(0))
            updateRow(db, st, page, rec, entity, keyColumn, id);
    } else if (db.changes() == 0 && !updateRow(db, st, page, rec, entity, keyColumn, id)) {
        // neither inserted nor updated: the row broke a constraint
        throw StoreError(QStringLiteral("%1 %2 from HQ does not fit the store").arg(entity.name, page.idString(rec)));
    }
}

// One record of the page into the store, counted in `result`.
void applyRecord(Database &db, StatementCache &statements, const std::vector<PulledRecords::EntityColumns> &names,
                 const PulledRecords &page, const PulledRecords::Record &rec, Result &result)
{
    const SyncEntities::Entity *entity = page.entity(rec);
    if (!entity || entity->table.isEmpty()) { // unknown (a newer HQ), or up-only like the audit trail
        ++result.skipped;
        return;
    }
    const int keyColumn = names[size_t(rec.entity)].key;
    const quint64 keyBit = quint64(1) << keyColumn;
    if (rec.deleted) {
        applyRemoval(db, statements, page, rec, *entity, keyBit, result);
        return;
    }
    if (entity->rule == SyncEntities::Rule::LastWriteWins && entity->name == QLatin1String("note")
        && keepsLocalNote(db, page, rec, *entity, result))
        return;
    if (entity->name == QLatin1String("assignment") && keepsLocalAssignment(db, page, rec, *entity, result))
        return;
    upsert(db, *statements.get(rec.entity, rec.present | keyBit), page, rec, *entity, keyColumn);
    ++result.applied;
}

// A record this store cannot take (a wrong type, a missing NOT NULL field) is put aside,
// reported and skipped: the rest of the page, and of the branch, goes on (issue 15). The
// message names no value from the record.
void quarantine(Database &db, const PulledRecords &page, const PulledRecords::Record &rec, Result &result)
{
    const SyncEntities::Entity *entity = page.entity(rec);
    QString id = page.idString(rec).left(64);
    for (QChar &c : id) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = QLatin1Char('?');
    }
    PageApplier::log(db, QStringLiteral("quarantine"), QStringLiteral("A record from HQ does not fit this store and was set aside"),
                     entity ? entity->name : QString(), id);
    ++result.quarantined;
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
    return apply(db, PulledRecords::fromSyncRecords(records), newCursor);
}

PageApplier::Result PageApplier::apply(Database &db, const PulledRecords &page, qint64 newCursor)
{
    Result result;
    Transaction tx(db);
    StatementCache statements(db);
    const std::vector<PulledRecords::EntityColumns> &names = PulledRecords::columns();
    for (size_t n = 0; n < page.size(); ++n) {
        const PulledRecords::Record &rec = page.at(n);
        try {
            applyRecord(db, statements, names, page, rec, result);
        } catch (const StoreError &e) {
            if (e.kind() == StoreError::Kind::DiskFull || e.kind() == StoreError::Kind::Busy)
                throw; // the store's trouble, not the record's: the page rolls back
            statements.clear();
            quarantine(db, page, rec, result);
        }
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
