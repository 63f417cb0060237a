#include "outbox.h"

#include "store/database.h"
#include "store/statement.h"

#include <QDateTime>
#include <QJsonDocument>

void Outbox::enqueue(Database &db, const QString &entity, const QString &recordId, const QString &op,
                     const QJsonObject &payload, const QString &customerNo)
{
    Statement st(db, QStringLiteral(
        "INSERT INTO outbox (entity, record_id, op, customer_no, payload, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    st.bind(1, entity)
        .bind(2, recordId)
        .bind(3, op)
        .bind(4, customerNo.isEmpty() ? QString() : customerNo)
        .bind(5, QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)))
        .bind(6, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        .execute();
}

std::vector<Outbox::Entry> Outbox::peek(Database &db, int limit)
{
    std::vector<Entry> out;
    Statement st(db, QStringLiteral("SELECT seq, entity, record_id, op, payload FROM outbox ORDER BY seq LIMIT ?"));
    st.bind(1, limit);
    while (st.step()) {
        Entry e;
        e.seq = st.int64(0);
        e.entity = st.text(1);
        e.recordId = st.text(2);
        e.op = st.text(3);
        e.payload = QJsonDocument::fromJson(st.text(4).toUtf8()).object();
        out.push_back(std::move(e));
    }
    return out;
}

void Outbox::acknowledge(Database &db, qint64 upToSeq)
{
    Statement st(db, QStringLiteral("DELETE FROM outbox WHERE seq <= ?"));
    st.bind(1, upToSeq).execute();
}

int Outbox::pendingCount(Database &db)
{
    Statement st(db, QStringLiteral("SELECT count(*) FROM outbox"));
    return st.step() ? st.integer(0) : 0;
}

bool Outbox::hasPendingFor(Database &db, const QString &customerNo)
{
    Statement st(db, QStringLiteral(
        "SELECT 1 FROM outbox WHERE customer_no = ? LIMIT 1"));
    st.bind(1, customerNo);
    return st.step();
}
