#include "noterepository.h"

#include "contactrepository.h"
#include "database.h"
#include "statement.h"
#include "storeerror.h"
#include "store/outbox.h"
#include "transaction.h"

#include <QJsonObject>
#include <QUuid>

NoteRepository::Note NoteRepository::save(Note note)
{
    if (note.customerNo.isEmpty())
        throw StoreError(QStringLiteral("A note needs a customer number"));
    Transaction tx(m_db);
    if (note.noteId.isEmpty())
        note.noteId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    note.updatedAt = QDateTime::currentDateTime();
    const QString device = ContactRepository::deviceId(m_db);
    const QString at = note.updatedAt.toString(Qt::ISODateWithMs);
    Statement update(m_db, QStringLiteral("UPDATE note SET body = ?, author_id = ?, updated_at = ?, device_id = ? WHERE note_id = ?"));
    update.bind(1, note.body).bind(2, note.authorId).bind(3, at).bind(4, device).bind(5, note.noteId).execute();
    if (m_db.changes() == 0) {
        Statement insert(m_db, QStringLiteral("INSERT INTO note (note_id, customer_no, body, author_id, updated_at, device_id)"
                                              " VALUES (?, ?, ?, ?, ?, ?)"));
        insert.bind(1, note.noteId).bind(2, note.customerNo).bind(3, note.body).bind(4, note.authorId).bind(5, at).bind(6, device).execute();
    }
    const QJsonObject payload{{QStringLiteral("note_id"), note.noteId},    {QStringLiteral("customer_no"), note.customerNo},
                              {QStringLiteral("body"), note.body},         {QStringLiteral("author_id"), note.authorId},
                              {QStringLiteral("updated_at"), at},          {QStringLiteral("device_id"), device}};
    Outbox::enqueue(m_db, QStringLiteral("note"), note.noteId, QStringLiteral("upsert"), payload, note.customerNo);
    tx.commit();
    return note;
}

std::vector<NoteRepository::Note> NoteRepository::forCustomer(const QString &customerNo)
{
    std::vector<Note> out;
    Statement st(m_db, QStringLiteral("SELECT note_id, customer_no, body, author_id, updated_at FROM note"
                                      " WHERE customer_no = ? ORDER BY updated_at DESC"));
    st.bind(1, customerNo);
    while (st.step())
        out.push_back({st.text(0), st.text(1), st.text(2), st.text(3), QDateTime::fromString(st.text(4), Qt::ISODateWithMs)});
    return out;
}

std::vector<NoteRepository::Replaced> NoteRepository::history(const QString &noteId)
{
    std::vector<Replaced> out;
    Statement st(m_db, QStringLiteral("SELECT body, author_id, updated_at, replaced_at, reason FROM note_history"
                                      " WHERE note_id = ? ORDER BY id"));
    st.bind(1, noteId);
    while (st.step()) {
        out.push_back({st.text(0), st.text(1), QDateTime::fromString(st.text(2), Qt::ISODateWithMs),
                       QDateTime::fromString(st.text(3), Qt::ISODate), st.text(4)});
    }
    return out;
}
