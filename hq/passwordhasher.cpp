#include "passwordhasher.h"

#include <sodium.h>
#include <stdexcept>

bool PasswordHasher::init()
{
    return sodium_init() >= 0;
}

QString PasswordHasher::hash(const QString &password)
{
    const QByteArray pw = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pw.constData(), quint64(pw.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        throw std::runtime_error("out of memory while hashing a password");
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    const QByteArray h = hash.toLatin1();
    const QByteArray pw = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), pw.constData(), quint64(pw.size())) == 0;
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
