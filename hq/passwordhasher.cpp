#include "passwordhasher.h"

#include "hashhelper.h"

#include <sodium.h>
#include <atomic>
#include <stdexcept>

namespace {

std::atomic<HashHelperPool *> g_helpers{nullptr};

// The password's bytes, wiped when the hash is done (the QString itself is the caller's).
struct SecretBytes
{
    QByteArray bytes;
    explicit SecretBytes(const QString &s) : bytes(s.toUtf8()) {}
    ~SecretBytes() { sodium_memzero(bytes.data(), size_t(bytes.size())); }
};

} // namespace

bool PasswordHasher::init()
{
    return sodium_init() >= 0;
}

void PasswordHasher::useHelpers(HashHelperPool *pool)
{
    g_helpers.store(pool);
}

QString PasswordHasher::hash(const QString &password)
{
    const SecretBytes pw(password);
    if (HashHelperPool *helpers = g_helpers.load())
        return QString::fromLatin1(helpers->hash(pw.bytes));
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pw.bytes.constData(), quint64(pw.bytes.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    const QByteArray h = hash.toLatin1();
    const SecretBytes pw(password);
    if (HashHelperPool *helpers = g_helpers.load())
        return helpers->verify(h, pw.bytes);
    return crypto_pwhash_str_verify(h.constData(), pw.bytes.constData(), quint64(pw.bytes.size())) == 0;
}

QString PasswordHasher::dummyHash()
{
    static const QString dummy = [] {
        unsigned char secret[16];
        randombytes_buf(secret, sizeof secret);
        return hash(QString::fromLatin1(QByteArray(reinterpret_cast<char *>(secret), sizeof secret).toHex()));
    }();
    return dummy;
}
