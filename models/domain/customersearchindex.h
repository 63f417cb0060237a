#pragma once

#include "branchsnapshot.h"

#include <QString>
#include <string>
#include <vector>

// The search behind the customer list's one search box. Each whitespace-
// separated term must match; a term matches a customer when it is
//  - part of the name in characters (张三), or pinyin read syllable by syllable
//    where each syllable may be cut short: "zs", "zhangsan", "zhangs", "张s";
//  - digits: part of the customer number, or the end of the phone or ID-card
//    number ("5678" finds 138****5678; an ID's final X matches x or X).
// The index is built once per snapshot, off the UI thread. A digit term is looked
// up, not scanned (issue 19): phone and ID numbers are bucketed by their last four
// characters, and the customer numbers sit in one buffer searched with a single
// substring scan.
class CustomerSearchIndex
{
public:
    explicit CustomerSearchIndex(SnapshotPtr snapshot);

    bool matches(int customer, const QString &query) const;
    // Keeps, in order, the candidates that match. An empty query keeps all.
    std::vector<int> filter(const std::vector<int> &candidates, const QString &query) const;
    // The snapshot it indexes (an index arriving after its branch was replaced is dropped).
    const SnapshotPtr &snapshot() const { return m_snapshot; }
    // Full pinyin of the name, for sorting names in pinyin order.
    const std::string &pinyinKey(int customer) const { return m_pinyinKey[size_t(customer)]; }

private:
    struct Term
    {
        QString text;       // lower case
        QByteArray ascii;   // lower-case ASCII form when the term is all ASCII
        bool digits = false;
        bool hasLatin = false;
        bool hasDigit = false;
        quint32 letters = 0;  // bits of the lower-case ASCII letters in it
    };
    static std::vector<Term> parse(const QString &query);
    bool matchTerm(int customer, const Term &term) const;
    bool matchName(int customer, const Term &term) const;
    bool matchFrom(int customer, int charPos, const QString &term, int termPos) const;
    void buildDigitIndex();
    // One byte per customer: 1 where the digit term matches (same rule as matchTerm).
    std::vector<char> digitMatches(const Term &term) const;

    SnapshotPtr m_snapshot;
    std::vector<std::string> m_syllables;   // syllable id -> ASCII pinyin
    std::vector<quint16> m_nameSyllables;   // per name character, a syllable id
    std::vector<quint32> m_nameStart;       // customers()+1 offsets into m_nameSyllables
    std::vector<std::string> m_pinyinKey;
    // Per customer, the letters a pinyin term may start with (each syllable's first letter
    // and the name's own lower-case Latin letters): one AND rejects most names.
    std::vector<quint32> m_startLetters;
    // Every letter of every syllable and of the name's own Latin letters: a pinyin term
    // with a letter outside it cannot match ("zs" needs an s somewhere).
    std::vector<quint32> m_allLetters;
    // The name's own lower-case Latin letters (most names have none: the name itself
    // is then never read to test a term's first letter).
    std::vector<quint32> m_nameLetters;
    // Digit lookup: customers by the last four characters of their phone and of their
    // ID number (key in base 11: 0-9 and x), compressed as offsets into one id array;
    // customers with a number shorter than four characters or with other characters at
    // its end are checked one by one.
    std::vector<quint32> m_suffixStart;
    std::vector<int> m_suffixIds;
    std::vector<int> m_suffixOdd;
    std::string m_numbers;               // lower-case customer numbers, each followed by '\n'
    std::vector<quint32> m_numberStart;  // customers() offsets into m_numbers
};
