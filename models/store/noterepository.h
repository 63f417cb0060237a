#pragma once

#include <QDateTime>
#include <QString>
#include <vector>

class Database;

// A customer note an RM keeps and edits. Notes sync to the branch's other
// desktops; when two desktops edit one note, the last edit to reach HQ wins
// and the replaced text stays in the note's history.
class NoteRepository
{
public:
    struct Note
    {
        QString noteId;
        QString customerNo;
        QString body;
        QString authorId;
        QDateTime updatedAt;
    };
    struct Replaced
    {
        QString body;
        QString authorId;
        QDateTime updatedAt;
        QDateTime replacedAt;
        QString reason;
    };

    explicit NoteRepository(Database &db) : m_db(db) {}

    // Creates (empty noteId) or replaces a note's text; queued for HQ in the same transaction.
    Note save(Note note);
    std::vector<Note> forCustomer(const QString &customerNo);
    std::vector<Replaced> history(const QString &noteId);

private:
    Database &m_db;
};
