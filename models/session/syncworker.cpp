#include "syncworker.h"

#include "../store/outbox.h"
#include "../store/metatable.h"
#include "store/database.h"
#include "store/schemamigrations.h"
#include "store/statement.h"
#include "store/storeerror.h"

void SyncWorker::readSettings()
{
    try {
        Database db = m_store.open();
        SchemaMigrations::migrate(db);
        emit settingsRead(MetaTable::value(db, QStringLiteral("sync.hq_url")),
                          MetaTable::value(db, QStringLiteral("sync.staff_id")),
                          MetaTable::value(db, QStringLiteral("sync.staff_name")),
                          MetaTable::value(db, QStringLiteral("sync.last_success")), Outbox::pendingCount(db));
    } catch (const StoreError &) {
        emit settingsRead({}, {}, {}, {}, 0);
    }
}

void SyncWorker::runOnce(const QString &password)
{
    SyncEngine::Report report;
    try {
        Database db = m_store.open();
        SyncEngine::Settings s;
        s.hq = QUrl(MetaTable::value(db, QStringLiteral("sync.hq_url")));
        s.staffId = MetaTable::value(db, QStringLiteral("sync.staff_id"));
        s.password = password;
        report = SyncEngine::run(db, s, [this](const char *stage, qint64 done, qint64 total) {
            emit progress(QString::fromLatin1(stage), done, total);
            return true;
        }, m_cancel);
        // A round that stopped early (HQ down at sign-in) still says what waits to go up.
        report.pending = Outbox::pendingCount(db);
    } catch (const StoreError &e) {
        report.ok = false;
        report.status = HqClient::Status::BadResponse;
        report.error = e.message();
    }
    emit done(report);
}

void SyncWorker::readLog(int limit)
{
    QVector<QStringList> rows;
    try {
        Database db = m_store.open();
        Statement st(db, QStringLiteral("SELECT at, kind, entity, record_id, rule, base, theirs, yours, message"
                                        " FROM sync_log ORDER BY id DESC LIMIT ?"));
        st.bind(1, limit);
        while (st.step()) {
            QStringList row;
            for (int i = 0; i < 9; ++i)
                row << st.text(i);
            rows << row;
        }
    } catch (const StoreError &) {
    }
    emit logRead(rows);
}
