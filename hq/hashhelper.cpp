#include "hashhelper.h"

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QScopeGuard>

#include <sodium.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

// The exchange, both ways: one byte, then length-prefixed fields (32-bit, host order: both
// ends are the same binary). Requests: 'h' password | 'v' hash password. Answers: 'y' (the
// hash, or "matches"), 'n' (does not match), 'e' (libsodium failed, e.g. out of memory).

namespace {

constexpr quint32 kMaxField = 128 * 1024; // a login body is at most 64 KiB

// --- the helper's side --------------------------------------------------------------------

bool readFully(int fd, void *to, size_t n)
{
    auto *p = static_cast<char *>(to);
    while (n > 0) {
        const ssize_t got = ::read(fd, p, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        p += got;
        n -= size_t(got);
    }
    return true;
}

bool writeFully(int fd, const void *from, size_t n)
{
    const auto *p = static_cast<const char *>(from);
    while (n > 0) {
        const ssize_t put = ::send(fd, p, n, MSG_NOSIGNAL);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        p += put;
        n -= size_t(put);
    }
    return true;
}

// A field into `out`, NUL-terminated (crypto_pwhash_str_verify wants a C string).
bool readField(int fd, std::vector<char> *out)
{
    quint32 n = 0;
    if (!readFully(fd, &n, sizeof n) || n > kMaxField)
        return false;
    out->assign(size_t(n) + 1, '\0');
    return readFully(fd, out->data(), n);
}

bool answer(int fd, char status, const char *data, quint32 n)
{
    return writeFully(fd, &status, 1) && writeFully(fd, &n, sizeof n) && (n == 0 || writeFully(fd, data, n));
}

// Everything inherited but stdin (the socket), stdout and stderr goes.
void closeOtherDescriptors()
{
    if (::close_range(3, ~0U, 0) == 0)
        return;
    rlimit limit{};
    const int top = ::getrlimit(RLIMIT_NOFILE, &limit) == 0 ? int(qMin<rlim_t>(limit.rlim_cur, 65536)) : 1024;
    for (int fd = 3; fd < top; ++fd)
        ::close(fd);
}

// --- hq's side ------------------------------------------------------------------------------

void appendField(QByteArray *to, const QByteArray &field)
{
    const quint32 n = quint32(field.size());
    to->append(reinterpret_cast<const char *>(&n), sizeof n);
    to->append(field);
}

// Waits until `fd` is ready for `events` or the deadline passes.
bool waitFor(int fd, short events, const QElapsedTimer &clock, int timeoutMs)
{
    for (;;) {
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0)
            return false;
        pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, int(left));
        if (r > 0)
            return true;
        if (r < 0 && errno != EINTR)
            return false;
    }
}

} // namespace

int HashHelper::serve(int fd)
{
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISSOCK(st.st_mode)) {
        std::fputs("branchdesk-hq: internal-hash-helper is started by `branchdesk-hq serve`\n", stderr);
        return 2;
    }
    closeOtherDescriptors();
    ::prctl(PR_SET_DUMPABLE, 0); // no core file with a password in it
    // Below the event loop (the unit's Nice=-5), like hq's pull and push threads: whichever
    // thread started us, the same nice value (raising it needs no privilege).
    if (::getpriority(PRIO_PROCESS, 0) < 5)
        ::setpriority(PRIO_PROCESS, 0, 5);
    if (sodium_init() < 0)
        return 1;
    std::vector<char> a, b;
    for (;;) {
        char op = 0;
        if (!readFully(fd, &op, 1))
            return 0; // hq closed its end (or is gone)
        if (!readField(fd, &a) || !readField(fd, &b) || (op != 'h' && op != 'v'))
            return 1;
        bool sent = false;
        if (op == 'h') {
            char out[crypto_pwhash_STRBYTES];
            const bool ok = crypto_pwhash_str(out, a.data(), a.size() - 1, crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                              crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0;
            sent = ok ? answer(fd, 'y', out, quint32(std::strlen(out))) : answer(fd, 'e', nullptr, 0);
        } else {
            const bool match = crypto_pwhash_str_verify(a.data(), b.data(), b.size() - 1) == 0;
            sent = answer(fd, match ? 'y' : 'n', nullptr, 0);
        }
        sodium_memzero(a.data(), a.size());
        sodium_memzero(b.data(), b.size());
        if (!sent)
            return 0;
    }
}

HashHelperPool::HashHelperPool(const QStringList &command, int size, int timeoutMs)
    : m_timeoutMs(qMax(1, timeoutMs)), m_slots(size_t(qMax(1, size))), m_busy(size_t(qMax(1, size)), false)
{
    for (const QString &part : command)
        m_command.push_back(part.toLocal8Bit());
}

HashHelperPool::~HashHelperPool()
{
    QMutexLocker lock(&m_mutex);
    for (Slot &s : m_slots)
        stop(s);
}

void HashHelperPool::startAll()
{
    QMutexLocker lock(&m_mutex);
    for (size_t i = 0; i < m_slots.size(); ++i)
        if (!m_busy[i] && m_slots[i].pid <= 0)
            start(m_slots[i]);
}

int HashHelperPool::started() const
{
    QMutexLocker lock(&m_mutex);
    return m_started;
}

QList<qint64> HashHelperPool::pids() const
{
    QMutexLocker lock(&m_mutex);
    QList<qint64> out;
    for (const Slot &s : m_slots)
        if (s.pid > 0)
            out << qint64(s.pid);
    return out;
}

QByteArray HashHelperPool::hash(const QByteArray &password)
{
    char status = 0;
    const QByteArray out = call('h', password, QByteArray(), &status);
    if (status != 'y' || out.isEmpty())
        throw Unavailable("password hashing failed (out of memory?)");
    return out;
}

bool HashHelperPool::verify(const QByteArray &encodedHash, const QByteArray &password)
{
    char status = 0;
    call('v', encodedHash, password, &status);
    if (status == 'e')
        throw Unavailable("password verification failed");
    return status == 'y';
}

int HashHelperPool::acquire()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        for (size_t i = 0; i < m_busy.size(); ++i)
            if (!m_busy[i]) {
                m_busy[i] = true;
                return int(i);
            }
        m_freed.wait(&m_mutex);
    }
}

void HashHelperPool::release(int slot)
{
    QMutexLocker lock(&m_mutex);
    m_busy[size_t(slot)] = false;
    m_freed.wakeOne();
}

QByteArray HashHelperPool::call(char op, const QByteArray &a, const QByteArray &b, char *status)
{
    if (quint32(a.size()) > kMaxField || quint32(b.size()) > kMaxField)
        throw Unavailable("password too long for the hash helper");
    QByteArray request(1, op);
    appendField(&request, a);
    appendField(&request, b);
    auto wipe = qScopeGuard([&] { sodium_memzero(request.data(), size_t(request.size())); });
    const int index = acquire();
    auto releaseSlot = qScopeGuard([&] { release(index); });
    Slot &slot = m_slots[size_t(index)]; // ours alone while busy
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (slot.pid <= 0) {
            QMutexLocker lock(&m_mutex);
            if (!start(slot))
                throw Unavailable("cannot start a password hash helper");
        }
        QByteArray out;
        switch (exchange(slot, request, status, &out)) {
        case Outcome::Answered:
            return out;
        case Outcome::TimedOut: {
            QMutexLocker lock(&m_mutex);
            stop(slot);
            throw Unavailable("the password hash helper did not answer in time");
        }
        case Outcome::Died: {
            QMutexLocker lock(&m_mutex);
            stop(slot); // and once more with a new one
            break;
        }
        }
    }
    throw Unavailable("the password hash helper died");
}

HashHelperPool::Outcome HashHelperPool::exchange(Slot &slot, const QByteArray &request, char *status, QByteArray *answer)
{
    QElapsedTimer clock;
    clock.start();
    qsizetype sent = 0;
    while (sent < request.size()) {
        if (!waitFor(slot.fd, POLLOUT, clock, m_timeoutMs))
            return Outcome::TimedOut;
        const ssize_t n = ::send(slot.fd, request.constData() + sent, size_t(request.size() - sent), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return Outcome::Died;
        sent += n;
    }
    QByteArray head;
    qsizetype need = 1 + qsizetype(sizeof(quint32));
    bool inHead = true;
    while (need > 0) {
        if (!waitFor(slot.fd, POLLIN, clock, m_timeoutMs))
            return Outcome::TimedOut;
        char buf[512];
        const ssize_t n = ::recv(slot.fd, buf, size_t(qMin<qsizetype>(need, sizeof buf)), MSG_DONTWAIT);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return Outcome::Died;
        (inHead ? head : *answer).append(buf, n);
        need -= n;
        if (inHead && need == 0) {
            inHead = false;
            *status = head.at(0);
            quint32 len = 0;
            std::memcpy(&len, head.constData() + 1, sizeof len);
            if (len > kMaxField)
                return Outcome::Died; // not our helper talking
            need = qsizetype(len);
        }
    }
    return Outcome::Answered;
}

// Called with m_mutex held.
bool HashHelperPool::start(Slot &slot)
{
    int sv[2];
    if (m_command.empty() || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
        return false;
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_adddup2(&files, sv[1], 0); // the copy on 0 is not close-on-exec
    // Nothing is written to stdout: hq's (a pipe, for a test or a script) is not held open by
    // a helper after hq is gone. stderr stays hq's, for the loader's own messages.
    posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &defaults);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    std::vector<char *> argv;
    for (QByteArray &part : m_command)
        argv.push_back(part.data());
    argv.push_back(nullptr);
    char *envp[] = {nullptr}; // nothing of hq's environment
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, argv[0], &files, &attr, argv.data(), envp);
    posix_spawn_file_actions_destroy(&files);
    posix_spawnattr_destroy(&attr);
    ::close(sv[1]);
    if (rc != 0) {
        ::close(sv[0]);
        return false;
    }
    slot.pid = pid;
    slot.fd = sv[0];
    ++m_started;
    return true;
}

// Kills and reaps a helper (a timed-out one may be mid-hash; a dead one is a zombie).
// Called with m_mutex held.
void HashHelperPool::stop(Slot &slot)
{
    if (slot.fd >= 0)
        ::close(slot.fd);
    if (slot.pid > 0) {
        ::kill(slot.pid, SIGKILL);
        while (::waitpid(slot.pid, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    slot = Slot{};
}
