#include "customersearchindex.h"

#include "pinyin.h"

#include <QHash>

CustomerSearchIndex::CustomerSearchIndex(SnapshotPtr snapshot)
    : m_snapshot(std::move(snapshot))
{
    const int n = m_snapshot->customerCount();
    QHash<QString, quint16> syllableIds;
    m_syllables.emplace_back(); // id 0: no syllable (punctuation, unknown)
    syllableIds.insert(QString(), 0);
    m_nameStart.reserve(size_t(n) + 1);
    m_pinyinKey.resize(size_t(n));
    Pinyin &pinyin = Pinyin::instance();
    for (int i = 0; i < n; ++i) {
        m_nameStart.push_back(quint32(m_nameSyllables.size()));
        const QString &name = m_snapshot->customer(i).name;
        std::string key;
        for (int k = 0; k < name.size(); ++k) {
            const QString s = pinyin.syllable(name.at(k), k == 0);
            auto it = syllableIds.constFind(s);
            quint16 id;
            if (it == syllableIds.constEnd()) {
                id = quint16(m_syllables.size());
                m_syllables.push_back(s.toStdString());
                syllableIds.insert(s, id);
            } else {
                id = *it;
            }
            m_nameSyllables.push_back(id);
            key += m_syllables[id];
            key += ' ';
        }
        m_pinyinKey[size_t(i)] = std::move(key);
    }
    m_nameStart.push_back(quint32(m_nameSyllables.size()));
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
            if (c.unicode() < 128 && c.isLetter())
                t.hasLatin = true;
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
    std::vector<int> out;
    out.reserve(candidates.size() / 4);
    for (int c : candidates) {
        bool ok = true;
        for (const Term &t : terms) {
            if (!matchTerm(c, t)) {
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
    const QString &name = m_snapshot->customer(customer).name;
    if (!term.hasLatin)
        return name.contains(term.text);
    const int len = int(m_nameStart[size_t(customer) + 1] - m_nameStart[size_t(customer)]);
    const QChar first = term.text.at(0);
    for (int start = 0; start < len; ++start) {
        // Cheap first-character test before the recursive match.
        const QChar nameChar = name.at(start);
        const std::string &syl = m_syllables[m_nameSyllables[m_nameStart[size_t(customer)] + quint32(start)]];
        if (nameChar != first && (syl.empty() || syl[0] != first.unicode()))
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
