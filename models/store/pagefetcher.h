#pragma once

#include "../protocol/hqclient.h"
#include "pulledrecords.h"

#include <QThreadPool>

#include <atomic>
#include <future>
#include <memory>

// Asks HQ for pull pages on a thread of its own, one at a time: requests a page, verifies its
// checksum and decodes its records there, so the sync engine's thread only applies (issue 19:
// page n+1 is served, transferred and decoded while page n is applied). The fetcher's HqClient
// and its connection live on that thread and die there.
class PageFetcher
{
public:
    struct Request
    {
        QUrl hq;
        QString branch;
        QString token;
        int limit = 5000;
        bool fullReload = false; // `&full=1`: HQ serves cursors below its tombstone floor
        int timeoutMs = 60000;
        QList<QSslCertificate> caCertificates;
        HqClient::FaultInjector faults;
    };
    // A page as the fetcher thread hands it over.
    struct Fetched
    {
        HqClient::Status status = HqClient::Status::Ok;
        WireFormat::Page page; // its records are cleared once decoded
        QString error;
        bool damaged = false;  // checksum mismatch: fetch it again
        PulledRecords records;
        QString decodeError;   // not empty: the page cannot be read
    };

    explicit PageFetcher(std::atomic_bool *cancel);
    // Waits for the fetch in flight, then ends the client on its own thread.
    ~PageFetcher();
    PageFetcher(const PageFetcher &) = delete;
    PageFetcher &operator=(const PageFetcher &) = delete;

    // Starts fetching the page after `cursor`; at most one fetch is in flight (the one before
    // must have been taken).
    void start(const Request &request, qint64 cursor);
    // Blocks until the fetch started last has ended (a real wait, no polling) and returns it.
    Fetched take();
    bool inFlight() const { return m_pending.valid(); }

private:
    // Runs on the pool's thread: request, checksum, decode.
    static Fetched fetch(std::unique_ptr<HqClient> &client, const Request &request, qint64 cursor,
                         std::atomic_bool *cancel);

    QThreadPool m_pool;
    std::atomic_bool *m_cancel = nullptr;
    std::shared_ptr<std::unique_ptr<HqClient>> m_client; // touched on the pool's thread only
    std::future<Fetched> m_pending;
};
