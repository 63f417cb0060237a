#include "passphrasestrength.h"

#include <QtMath>

namespace {

// The top of published leak lists (global and Chinese sites); lower-case.
const char *const kCommon[] = {
    "password", "passw0rd", "12345678", "123456789", "1234567890", "87654321", "11111111", "00000000",
    "88888888", "66666666", "12341234", "11223344", "qwertyui", "qwerty123", "1qaz2wsx", "1q2w3e4r",
    "qazwsxedc", "abc12345", "abcd1234", "a1234567", "a123456789", "iloveyou", "woaini1314", "woaini520",
    "5201314", "13145201314", "147258369", "123qweasd", "zxcvbnm", "asdfghjkl", "admin123", "letmein",
    "welcome1", "sunshine", "princess", "football", "baseball", "dragon", "monkey", "branchdesk",
};

bool isRun(QChar a, QChar b)
{
    return a == b || qAbs(a.unicode() - b.unicode()) == 1;
}

} // namespace

PassphraseStrength::Estimate PassphraseStrength::estimate(const QString &passphrase)
{
    Estimate e;
    if (passphrase.isEmpty())
        return e;

    bool lower = false, upper = false, digit = false, symbol = false, han = false, other = false;
    for (const QChar c : passphrase) {
        const char16_t u = c.unicode();
        if (u >= 'a' && u <= 'z')
            lower = true;
        else if (u >= 'A' && u <= 'Z')
            upper = true;
        else if (u >= '0' && u <= '9')
            digit = true;
        else if (u < 128)
            symbol = true;
        else if (u >= 0x3400 && u <= 0x9FFF)
            han = true;
        else
            other = true;
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (han ? 3500 : 0)
                     + (other ? 100 : 0);
    e.oneKind = (lower + upper + digit + symbol + han + other) == 1 && !han;

    // Each character counts once, a repeat or a step from the previous one (aaaa, 1234, abcd) a quarter.
    double effective = 1;
    for (qsizetype i = 1; i < passphrase.size(); ++i)
        effective += isRun(passphrase.at(i), passphrase.at(i - 1)) ? 0.25 : 1.0;
    e.pattern = passphrase.size() >= 4 && effective < passphrase.size() * 0.6;

    const QString folded = passphrase.toLower();
    for (const char *word : kCommon) {
        const QString w = QString::fromLatin1(word);
        // The word itself, or the word with a little around it ("password1!", "5201314abc").
        if (folded.contains(w) && folded.size() - w.size() <= 4) {
            e.common = true;
            break;
        }
    }

    e.bits = effective * std::log2(double(qMax(pool, 2)));
    if (passphrase.size() < kMinimumLength)
        e.level = Level::TooShort;
    else if (e.common || e.bits < 36)
        e.level = Level::Weak;
    else if (e.bits < 60 || (e.oneKind && e.bits < 80)) // one kind of character: words, not noise
        e.level = Level::Fair;
    else
        e.level = Level::Strong;
    return e;
}
