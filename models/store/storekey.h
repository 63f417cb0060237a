#pragma once

#include <QByteArray>
#include <memory>

// The store's 256-bit SQLCipher key, held in sodium_malloc'ed memory (guard
// pages, locked against swapping) and zeroed when wiped or destroyed. Shared
// between the connections of one unlocked session; wipe() on lock makes every
// holder see an empty key at once.
class StoreKey
{
public:
    static constexpr int kBytes = 32;

    StoreKey();
    ~StoreKey();
    StoreKey(const StoreKey &) = delete;
    StoreKey &operator=(const StoreKey &) = delete;

    static std::shared_ptr<StoreKey> random();
    // Copies `bytes` (exactly kBytes) and leaves the caller to zero its copy.
    static std::shared_ptr<StoreKey> fromBytes(const unsigned char *bytes, int size);

    bool isValid() const { return m_valid; }
    const unsigned char *data() const { return m_key; }
    unsigned char *data() { return m_key; }
    // Zeroes the key. Connections opened with it stay open until closed.
    void wipe();
    // Takes `other`'s bytes: an unlock refills the session's key object, so every
    // holder (sync worker, pages) works again.
    void assign(const StoreKey &other);

    // Calls `use` with SQLCipher's raw-key form x'<64 hex digits>' in a secure
    // buffer that is zeroed afterwards.
    template<typename F>
    void withRawKeyLiteral(F use) const
    {
        char *literal = rawKeyLiteral();
        try {
            use(literal, kLiteralSize);
        } catch (...) {
            freeLiteral(literal);
            throw;
        }
        freeLiteral(literal);
    }
    static constexpr int kLiteralSize = 2 * kBytes + 3;

private:
    char *rawKeyLiteral() const;
    static void freeLiteral(char *literal);

    unsigned char *m_key = nullptr;
    bool m_valid = false;
};
