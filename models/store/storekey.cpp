#include "storekey.h"

#include "storeerror.h"

#include <sodium.h>

namespace {
void ensureSodium()
{
    if (sodium_init() < 0)
        throw StoreError(QStringLiteral("libsodium cannot be initialised"));
}
} // namespace

StoreKey::StoreKey()
{
    ensureSodium();
    m_key = static_cast<unsigned char *>(sodium_malloc(kBytes));
    if (!m_key)
        throw StoreError(QStringLiteral("No secure memory for the store key"));
    sodium_memzero(m_key, kBytes);
}

StoreKey::~StoreKey()
{
    sodium_free(m_key); // zeroes before freeing
}

std::shared_ptr<StoreKey> StoreKey::random()
{
    auto key = std::make_shared<StoreKey>();
    randombytes_buf(key->m_key, kBytes);
    key->m_valid = true;
    return key;
}

std::shared_ptr<StoreKey> StoreKey::fromBytes(const unsigned char *bytes, int size)
{
    if (size != kBytes)
        throw StoreError(QStringLiteral("A store key has %1 bytes, not %2").arg(kBytes).arg(size));
    auto key = std::make_shared<StoreKey>();
    memcpy(key->m_key, bytes, kBytes);
    key->m_valid = true;
    return key;
}

void StoreKey::wipe()
{
    sodium_memzero(m_key, kBytes);
    m_valid = false;
}

void StoreKey::assign(const StoreKey &other)
{
    memcpy(m_key, other.m_key, kBytes);
    m_valid = other.m_valid;
}

char *StoreKey::rawKeyLiteral() const
{
    if (!m_valid)
        throw StoreError(QStringLiteral("The store is locked: its key has been wiped"),
                         StoreError::Kind::WrongPassphrase);
    auto *literal = static_cast<char *>(sodium_malloc(kLiteralSize + 1));
    if (!literal)
        throw StoreError(QStringLiteral("No secure memory for the store key"));
    literal[0] = 'x';
    literal[1] = '\'';
    sodium_bin2hex(literal + 2, 2 * kBytes + 1, m_key, kBytes);
    literal[2 + 2 * kBytes] = '\'';
    literal[kLiteralSize] = '\0';
    return literal;
}

void StoreKey::freeLiteral(char *literal)
{
    sodium_free(literal);
}
