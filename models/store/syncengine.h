#pragma once

#include "../protocol/hqclient.h"

#include <QUrl>
#include <atomic>
#include <functional>

class Database;

// One sync round against HQ: log in if needed, push the outbox in batches
// (each removed only once HQ acknowledges it), then pull pages after the
// cursor, verifying each page's checksum and applying it with its cursor in
// one transaction. Runs on whatever thread owns `db` (a worker in the app).
class SyncEngine
{
public:
    struct Settings
    {
        QUrl hq;
        QString branch;    // empty: HQ infers it from the staff ID
        QString staffId;
        QString password;  // needed only when no valid token is stored
        // Records per pull page; 0: 20,000 (HQ's most) while a store is filled from nothing (a
        // first sync or a full reload), else 5,000 (issue 19: a quarter of the requests and
        // transactions for a first sync).
        int pageSize = 0;
        int pushBatch = 500;
        int timeoutMs = 60000;
        QList<QSslCertificate> caCertificates;
        HqClient::FaultInjector faults; // tests only
    };
    struct Report
    {
        bool ok = false;
        HqClient::Status status = HqClient::Status::Ok;
        QString error;
        int pushed = 0;
        int pulled = 0;
        int deleted = 0;
        int conflicts = 0;
        int pages = 0;
        int checksumRetries = 0;
        bool fullResync = false;
        qint64 cursor = 0;
        int pending = 0; // outbox entries still waiting
        int refused = 0;     // pushed records HQ refused (logged in the sync log)
        int quarantined = 0; // pulled records that did not fit the store (set aside, logged)
        QString token;       // DeviceLost: the session that reports the erase
        // HQ ended this device's sign-in (401 credential_invalid: a new password, 30 days
        // unused, a logout): the saved device credential was dropped and the password is
        // needed once (issue 19). Set only in the round that found out.
        bool signInEnded = false;
    };
    // After a DeviceLost round erased the store: tells HQ, with the lost device's token.
    static bool reportErased(const Settings &settings, const QString &token);
    // stage, done, total (total 0 = unknown). Return false to cancel.
    using Progress = std::function<bool(const char *stage, qint64 done, qint64 total)>;

    static Report run(Database &db, const Settings &settings, const Progress &progress = {},
                      std::atomic_bool *cancel = nullptr);
};
