#include "pagefetcher.h"

PageFetcher::PageFetcher(std::atomic_bool *cancel)
    : m_cancel(cancel), m_client(std::make_shared<std::unique_ptr<HqClient>>())
{
    m_pool.setMaxThreadCount(1);
    m_pool.setExpiryTimeout(-1); // one thread for the whole pull: the client's connection stays open
}

PageFetcher::~PageFetcher()
{
    // However the pull ends (a StoreError from a full disk included), the client dies on its
    // own thread after the fetch in flight (crashed the CLI before, tests/tst_crashsafety).
    m_pool.waitForDone();
    m_pool.start([client = m_client] { client->reset(); });
    m_pool.waitForDone();
}

void PageFetcher::start(const Request &request, qint64 cursor)
{
    Q_ASSERT(!m_pending.valid());
    auto promise = std::make_shared<std::promise<Fetched>>();
    m_pending = promise->get_future();
    m_pool.start([request, cursor, promise, client = m_client, cancel = m_cancel] {
        try {
            promise->set_value(fetch(*client, request, cursor, cancel));
        } catch (...) {
            promise->set_exception(std::current_exception()); // rethrown by take()
        }
    });
}

PageFetcher::Fetched PageFetcher::fetch(std::unique_ptr<HqClient> &fetcher, const Request &request, qint64 cursor,
                                        std::atomic_bool *cancel)
{
    if (!fetcher)
        fetcher = std::make_unique<HqClient>(request.hq, cancel);
    fetcher->setFaultInjector(request.faults);
    fetcher->setTimeoutMs(request.timeoutMs);
    fetcher->setCaCertificates(request.caCertificates);
    fetcher->setToken(request.token);
    Fetched f;
    f.status = fetcher->pull(request.branch, cursor, request.limit, &f.page, request.fullReload);
    f.error = fetcher->lastError();
    if (f.status == HqClient::Status::Ok) {
        f.damaged = !WireFormat::verify(f.page);
        if (!f.damaged && !f.records.decode(f.page.records, &f.decodeError) && f.decodeError.isEmpty())
            f.decodeError = QStringLiteral("records: the page cannot be read");
        f.page.records.clear();
    }
    return f;
}

PageFetcher::Fetched PageFetcher::take()
{
    Q_ASSERT(m_pending.valid());
    // std::future::get() sleeps until the fetcher thread sets the value; unlike
    // QFuture::waitForFinished() it never runs a queued task on this thread, so the
    // fetcher's client and connection stay on theirs.
    std::future<Fetched> pending = std::move(m_pending);
    return pending.get();
}
