#include "customersearchindex.h"

#include "pinyin.h"

#include <QHash>

#include <string_view>

namespace {

constexpr int kSuffixLength = 4;
constexpr int kSuffixKeys = 11 * 11 * 11 * 11; // 0-9 and x at each of the last four places

// The bucket of a number's last four characters, or -1 when it is shorter or ends in
// something else. An ID number's final X counts as x (IDs match without case); a phone's does not.
int suffixKey(const QString &number, qsizetype from, qsizetype length, bool allowX)
{
    int key = 0;
    for (qsizetype i = from; i < from + length; ++i) {
        const char16_t c = number.at(i).unicode();
        int digit;
        if (c >= u'0' && c <= u'9')
            digit = c - u'0';
        else if (allowX && (c == u'x' || c == u'X'))
            digit = 10;
        else
            return -1;
        key = key * 11 + digit;
    }
    return key;
}

// The bit of a lower-case ASCII letter, 0 for anything else.
quint32 letterBit(char16_t c)
{
    return c >= u'a' && c <= u'z' ? quint32(1) << (c - u'a') : 0;
}

quint32 lettersOf(const std::string &syllable)
{
    quint32 bits = 0;
    for (char c : syllable)
        bits |= letterBit(char16_t(uchar(c)));
    return bits;
}

int lastFourKey(const QString &number, bool allowX)
{
    if (number.size() < kSuffixLength)
        return -1;
    return suffixKey(number, number.size() - kSuffixLength, kSuffixLength, allowX);
}

} // namespace

CustomerSearchIndex::CustomerSearchIndex(SnapshotPtr snapshot)
    : m_snapshot(std::move(snapshot))
{
    const int n = m_snapshot->customerCount();
    QHash<QString, quint16> syllableIds;
    m_syllables.emplace_back(); // id 0: no syllable (punctuation, unknown)
    syllableIds.insert(QString(), 0);
    m_nameStart.reserve(size_t(n) + 1);
    m_pinyinKey.resize(size_t(n));
    m_startLetters.assign(size_t(n), 0);
    m_allLetters.assign(size_t(n), 0);
    m_nameLetters.assign(size_t(n), 0);
    Pinyin &pinyin = Pinyin::instance();
    // Syllable ids by character (and whether it starts the name, for surname readings): a
    // branch's names use a few thousand characters, so Pinyin (a lock and a string per call)
    // is asked once per character, not once per name character (issue 19).
    QHash<quint32, quint16> idOfChar;
    for (int i = 0; i < n; ++i) {
        m_nameStart.push_back(quint32(m_nameSyllables.size()));
        const QString &name = m_snapshot->customer(i).name;
        std::string key;
        for (int k = 0; k < name.size(); ++k) {
            const quint32 charKey = quint32(name.at(k).unicode()) | (k == 0 ? 0x10000u : 0u);
            auto known = idOfChar.constFind(charKey);
            if (known == idOfChar.constEnd()) {
                const QString s = pinyin.syllable(name.at(k), k == 0);
                auto it = syllableIds.constFind(s);
                if (it == syllableIds.constEnd()) {
                    it = syllableIds.insert(s, quint16(m_syllables.size()));
                    m_syllables.push_back(s.toStdString());
                }
                known = idOfChar.insert(charKey, *it);
            }
            const quint16 id = *known;
            const std::string &syllable = m_syllables[id];
            m_nameSyllables.push_back(id);
            const quint32 own = letterBit(name.at(k).unicode());
            m_nameLetters[size_t(i)] |= own;
            m_startLetters[size_t(i)] |= own | letterBit(syllable.empty() ? u' ' : char16_t(syllable[0]));
            m_allLetters[size_t(i)] |= own | lettersOf(syllable);
            key += syllable;
            key += ' ';
        }
        m_pinyinKey[size_t(i)] = std::move(key);
    }
    m_nameStart.push_back(quint32(m_nameSyllables.size()));
    buildDigitIndex();
}

void CustomerSearchIndex::buildDigitIndex()
{
    const int n = m_snapshot->customerCount();
    m_suffixStart.assign(size_t(kSuffixKeys) + 1, 0);
    m_numberStart.reserve(size_t(n));
    std::vector<std::pair<int, int>> keyed; // (key, customer)
    keyed.reserve(size_t(n) * 2);
    for (int i = 0; i < n; ++i) {
        const Customer &c = m_snapshot->customer(i);
        m_numberStart.push_back(quint32(m_numbers.size()));
        m_numbers += c.customerNo.toStdString();
        m_numbers += '\n';
        bool odd = false;
        for (const auto &[number, allowX] : {std::pair{&c.phone, false}, std::pair{&c.idNumber, true}}) {
            if (number->isEmpty())
                continue;
            const int key = lastFourKey(*number, allowX);
            if (key < 0)
                odd = true;
            else if (keyed.empty() || keyed.back() != std::pair{key, i})
                keyed.emplace_back(key, i);
        }
        if (odd)
            m_suffixOdd.push_back(i);
    }
    for (const auto &[key, customer] : keyed)
        ++m_suffixStart[size_t(key) + 1];
    for (size_t k = 1; k < m_suffixStart.size(); ++k)
        m_suffixStart[k] += m_suffixStart[k - 1];
    m_suffixIds.resize(keyed.size());
    std::vector<quint32> fill(m_suffixStart.begin(), m_suffixStart.end() - 1);
    for (const auto &[key, customer] : keyed)
        m_suffixIds[fill[size_t(key)]++] = customer;
}

std::vector<char> CustomerSearchIndex::digitMatches(const Term &term) const
{
    const int n = m_snapshot->customerCount();
    std::vector<char> hit(size_t(n), 0);
    // Customer numbers: every occurrence in the one buffer, walked in order.
    const std::string_view numbers(m_numbers);
    const std::string_view needle(term.ascii.constData(), size_t(term.ascii.size()));
    size_t customer = 0;
    for (size_t pos = numbers.find(needle); pos != std::string_view::npos; pos = numbers.find(needle, pos + 1)) {
        while (customer + 1 < m_numberStart.size() && m_numberStart[customer + 1] <= pos)
            ++customer;
        hit[customer] = 1;
    }
    // Phone and ID endings, from the buckets of their last four characters.
    const auto endsWith = [&](int c) {
        const Customer &cu = m_snapshot->customer(c);
        return cu.phone.endsWith(term.text) || cu.idNumber.endsWith(term.text, Qt::CaseInsensitive);
    };
    const auto addBucket = [&](int key, bool check) {
        for (quint32 k = m_suffixStart[size_t(key)]; k < m_suffixStart[size_t(key) + 1]; ++k) {
            const int c = m_suffixIds[k];
            if (!check || endsWith(c))
                hit[size_t(c)] = 1;
        }
    };
    const qsizetype len = term.text.size();
    if (len >= kSuffixLength) {
        const int key = suffixKey(term.text, len - kSuffixLength, kSuffixLength, true);
        if (key >= 0)
            addBucket(key, len > kSuffixLength);
    } else if (const int tail = suffixKey(term.text, 0, len, true); tail >= 0) {
        // A shorter term is the end of every bucket whose last places spell it.
        int span = 1;
        for (qsizetype i = 0; i < len; ++i)
            span *= 11;
        for (int head = 0; head * span < kSuffixKeys; ++head)
            addBucket(head * span + tail, false);
    }
    for (int c : m_suffixOdd) {
        if (endsWith(c))
            hit[size_t(c)] = 1;
    }
    return hit;
}

std::vector<CustomerSearchIndex::Term> CustomerSearchIndex::parse(const QString &query)
{
    std::vector<Term> terms;
    QString normalized = query.toLower();
    normalized.replace(QChar(0x3000), QLatin1Char(' ')); // the full-width space of Chinese input methods
    normalized.replace(QLatin1Char('\t'), QLatin1Char(' '));
    const QStringList parts = normalized.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        Term t;
        t.text = part;
        bool ascii = true;
        bool digits = true;
        for (int i = 0; i < part.size(); ++i) {
            const QChar c = part.at(i);
            if (c.unicode() >= 128)
                ascii = false;
            if (c.unicode() < 128 && c.isLetter()) {
                t.hasLatin = true;
                t.letters |= letterBit(c.unicode());
            }
            if (c.isDigit())
                t.hasDigit = true;
            const bool trailingX = i == part.size() - 1 && i > 0 && c == QLatin1Char('x');
            if (!c.isDigit() && !trailingX)
                digits = false;
        }
        t.digits = digits;
        if (ascii)
            t.ascii = part.toLatin1();
        terms.push_back(t);
    }
    return terms;
}

bool CustomerSearchIndex::matches(int customer, const QString &query) const
{
    for (const Term &t : parse(query)) {
        if (!matchTerm(customer, t))
            return false;
    }
    return true;
}

std::vector<int> CustomerSearchIndex::filter(const std::vector<int> &candidates, const QString &query) const
{
    const std::vector<Term> terms = parse(query);
    if (terms.empty())
        return candidates;
    // Digit terms are looked up once; the others are tried per candidate.
    std::vector<std::vector<char>> digitHits(terms.size());
    for (size_t i = 0; i < terms.size(); ++i) {
        if (terms[i].digits && !terms[i].ascii.isEmpty()) // full-width digits are tried one by one
            digitHits[i] = digitMatches(terms[i]);
    }
    std::vector<int> out;
    out.reserve(candidates.size() / 4);
    for (int c : candidates) {
        bool ok = true;
        for (size_t i = 0; i < terms.size(); ++i) {
            if (!digitHits[i].empty() ? !digitHits[i][size_t(c)] : !matchTerm(c, terms[i])) {
                ok = false;
                break;
            }
        }
        if (ok)
            out.push_back(c);
    }
    return out;
}

bool CustomerSearchIndex::matchTerm(int customer, const Term &term) const
{
    const Customer &c = m_snapshot->customer(customer);
    if (term.digits) {
        if (c.phone.endsWith(term.text))
            return true;
        if (c.idNumber.endsWith(term.text, Qt::CaseInsensitive))
            return true;
        return c.customerNo.contains(term.text);
    }
    // Letters: a name or its pinyin; a customer number only when the term also has digits.
    if (matchName(customer, term))
        return true;
    return term.hasDigit && c.customerNo.contains(term.text, Qt::CaseInsensitive);
}

bool CustomerSearchIndex::matchName(int customer, const Term &term) const
{
    if (!term.hasLatin)
        return m_snapshot->customer(customer).name.contains(term.text);
    // Two ANDs on small arrays reject most names before the name itself is read.
    if (term.letters & ~m_allLetters[size_t(customer)])
        return false; // a letter of the term is in no syllable and not in the name
    const QChar first = term.text.at(0);
    const quint32 firstBit = letterBit(first.unicode());
    if (firstBit && !(m_startLetters[size_t(customer)] & firstBit))
        return false; // no syllable and no letter of the name starts the term
    const quint32 base = m_nameStart[size_t(customer)];
    const int len = int(m_nameStart[size_t(customer) + 1] - base);
    // The name's own characters matter only for a first character no syllable gives.
    const bool readName = !firstBit || (m_nameLetters[size_t(customer)] & firstBit);
    const QString *name = readName ? &m_snapshot->customer(customer).name : nullptr;
    for (int start = 0; start < len; ++start) {
        // Cheap first-character test before the recursive match.
        const std::string &syl = m_syllables[m_nameSyllables[base + quint32(start)]];
        const bool bySyllable = !syl.empty() && syl[0] == first.unicode();
        if (!bySyllable && !(name && name->at(start) == first))
            continue;
        if (matchFrom(customer, start, term.text, 0))
            return true;
    }
    return false;
}

bool CustomerSearchIndex::matchFrom(int customer, int charPos, const QString &term, int termPos) const
{
    if (termPos == term.size())
        return true;
    const quint32 base = m_nameStart[size_t(customer)];
    const int len = int(m_nameStart[size_t(customer) + 1] - base);
    if (charPos >= len)
        return false;
    const QChar t = term.at(termPos);
    if (t.unicode() >= 128) // a character must equal the name's character here
        return m_snapshot->customer(customer).name.at(charPos) == t && matchFrom(customer, charPos + 1, term, termPos + 1);
    const std::string &syl = m_syllables[m_nameSyllables[base + quint32(charPos)]];
    // Take the longest prefix of this syllable that the term spells, then shorter ones.
    int k = 0;
    while (k < int(syl.size()) && termPos + k < term.size() && term.at(termPos + k).unicode() == uchar(syl[size_t(k)]))
        ++k;
    for (; k >= 1; --k) {
        if (matchFrom(customer, charPos + 1, term, termPos + k))
            return true;
    }
    return false;
}
