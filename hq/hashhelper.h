#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QStringList>
#include <QWaitCondition>

#include <stdexcept>
#include <sys/types.h>
#include <vector>

// Argon2id in processes of their own (issue 15's /v1/health figure, issue 19). libsodium maps
// and unmaps 64 MiB per hash; inside hq every map and unmap took the process's memory-map
// lock, and a login thread preempted while holding it stalled the event loop, whose page
// faults wait for that lock. A helper has its own address space, so its maps lock nothing of
// hq's. It is `branchdesk-hq internal-hash-helper`, started with posix_spawn (a threaded Qt
// process is never forked without exec), with an empty environment (no PG* settings or
// passwords from the unit's settings file), no other descriptor than one end of a
// socketpair as its stdin, and core dumps off. It receives a password and a stored hash
// (whose salt it carries), answers, and writes nothing anywhere else.
namespace HashHelper {

inline constexpr char kCommand[] = "internal-hash-helper";
// The helper's side: answers requests on `fd` until hq closes its end; returns the exit code.
int serve(int fd);

} // namespace HashHelper

// At most `size` helpers, each doing one hash at a time; a caller waits for a free one. A
// helper that dies is started again on the next request (which is tried once more); one that
// does not answer within `timeoutMs` is killed and the request fails with Unavailable.
class HashHelperPool
{
public:
    struct Unavailable : std::runtime_error
    {
        using std::runtime_error::runtime_error;
    };

    // `command`: the helper's program and arguments, e.g. {"/proc/self/exe", kCommand}.
    HashHelperPool(const QStringList &command, int size, int timeoutMs);
    ~HashHelperPool();
    HashHelperPool(const HashHelperPool &) = delete;
    HashHelperPool &operator=(const HashHelperPool &) = delete;

    QByteArray hash(const QByteArray &password);                         // crypto_pwhash_str
    bool verify(const QByteArray &encodedHash, const QByteArray &password); // crypto_pwhash_str_verify
    void startAll(); // start every helper now rather than at first use

    int started() const;         // helpers started so far, restarts included
    QList<qint64> pids() const;  // the running helpers (tests kill one)

private:
    struct Slot
    {
        pid_t pid = -1;
        int fd = -1;
    };
    enum class Outcome { Answered, Died, TimedOut };

    QByteArray call(char op, const QByteArray &a, const QByteArray &b, char *status);
    int acquire();
    void release(int slot);
    bool start(Slot &slot);
    void stop(Slot &slot);
    Outcome exchange(Slot &slot, const QByteArray &request, char *status, QByteArray *answer);

    std::vector<QByteArray> m_command;
    int m_timeoutMs;
    mutable QMutex m_mutex;
    QWaitCondition m_freed;
    std::vector<Slot> m_slots;
    std::vector<bool> m_busy;
    int m_started = 0;
};
