#include "quadrant.h"

#include "branchsnapshot.h"
#include "valuescores.h"

#include "moneyformat.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace {

struct QuadrantText
{
    const char *name;
    const char *profile;
    const char *strategy;
};

const QuadrantText kTexts[Quadrant::kCount] = {
    {QT_TRANSLATE_NOOP("Quadrant", "Growth"),
     QT_TRANSLATE_NOOP("Quadrant", "Low current, high potential value. The largest group: young, active, digital."),
     QT_TRANSLATE_NOOP("Quadrant", "Online services and everyday scenarios, consumer credit and cards; build stickiness.")},
    {QT_TRANSLATE_NOOP("Quadrant", "Cultivation"),
     QT_TRANSLATE_NOOP("Quadrant", "High current, high potential value. Highest assets of the four but under 500k here: money spread across banks."),
     QT_TRANSLATE_NOOP("Quadrant", "Key focus: investment products, differentiated service, vouchers (e.g. 500 off per 100k); prevent churn.")},
    {QT_TRANSLATE_NOOP("Quadrant", "Potential"),
     QT_TRANSLATE_NOOP("Quadrant", "High current, low potential value. Older, inactive, counter-oriented."),
     QT_TRANSLATE_NOOP("Quadrant", "In person and by phone or SMS, moderate effort; find the few with upside.")},
    {QT_TRANSLATE_NOOP("Quadrant", "General"),
     QT_TRANSLATE_NOOP("Quadrant", "Low current, low potential value. Like the potential group with fewer assets."),
     QT_TRANSLATE_NOOP("Quadrant", "Uniform pushes, move to online and self-service, minimal cost.")},
};

} // namespace

Quadrant::Cuts Quadrant::defaultCuts(const ValueScores &scores)
{
    Cuts cuts;
    cuts.current = scores.policy().currentCut().value_or(scores.medianCurrent());
    cuts.potential = scores.policy().potentialCut().value_or(scores.medianPotential());
    return cuts;
}

Quadrant::Summary Quadrant::summarize(const BranchSnapshot &snapshot, const ValueScores &scores, const Cuts &cuts)
{
    Summary s;
    const float *current = scores.currentScores().data();
    const float *potential = scores.potentialScores().data();
    const int n = scores.count();
    const QDate asOf = snapshot.asOf();
    // Plain comparisons on floats: this runs on every step of a cut-line drag.
    const float cx = float(cuts.current);
    const float cy = float(cuts.potential);
    for (int i = 0; i < n; ++i) {
        const Customer &c = snapshot.customer(i);
        if (!scores.scored(i)) {
            ++s.unscored;
            s.unscoredAumFen += c.aumFen;
            continue;
        }
        const int q = potential[i] >= cy ? (current[i] >= cx ? B : A) : (current[i] >= cx ? C : D);
        ++s.customers[size_t(q)];
        s.aumFen[size_t(q)] += c.aumFen;
        s.mobileLogins[size_t(q)] += c.mobileLogins90d;
        const int age = c.ageOn(asOf);
        if (age >= 0) {
            s.ageSum[size_t(q)] += age;
            ++s.ageKnown[size_t(q)];
        }
    }
    return s;
}

namespace {

// Rank of `q` among the quadrants with customers, by `value`, highest first (0-based).
template<typename F>
int rankOf(const Quadrant::Summary &s, Quadrant::Id q, F value)
{
    int rank = 0;
    for (int other = 0; other < Quadrant::kCount; ++other) {
        const auto o = Quadrant::Id(other);
        if (o == q || s.customers[o] == 0)
            continue;
        if (value(o) > value(q) || (value(o) == value(q) && other < int(q)))
            ++rank;
    }
    return rank;
}

int populated(const Quadrant::Summary &s)
{
    int n = 0;
    for (int c : s.customers)
        n += c > 0;
    return n;
}

} // namespace

Quadrant::Ranks Quadrant::ranks(const Summary &s, Id q)
{
    Ranks r;
    r.size = rankOf(s, q, [&](Id o) { return double(s.customers[o]); });
    r.assets = rankOf(s, q, [&](Id o) { return double(s.averageAumFen(o)); });
    r.youth = rankOf(s, q, [&](Id o) { return -s.averageAge(o); });
    r.online = rankOf(s, q, [&](Id o) { return s.averageLogins(o); });
    return r;
}

QString Quadrant::profileSentence(const Summary &s, Id q)
{
    const QLocale locale;
    if (s.customers[q] == 0)
        return QCoreApplication::translate("Quadrant", "No customer falls in this quadrant with these cuts.");
    const Ranks r = ranks(s, q);
    const int last = populated(s) - 1;
    // First, last or in between among the quadrants that have customers.
    auto pick = [last](int rank, const char *first, const char *middle, const char *lastText) {
        const char *text = rank == 0 ? first : (rank == last ? lastText : middle);
        return QCoreApplication::translate("Quadrant", text);
    };
    const QString size = pick(r.size, QT_TRANSLATE_NOOP("Quadrant", "the largest group"),
                              QT_TRANSLATE_NOOP("Quadrant", "a mid-sized group"),
                              QT_TRANSLATE_NOOP("Quadrant", "the smallest group"));
    const QString assets = pick(r.assets, QT_TRANSLATE_NOOP("Quadrant", "the highest average assets of the four (%1)"),
                                QT_TRANSLATE_NOOP("Quadrant", "average assets %1"),
                                QT_TRANSLATE_NOOP("Quadrant", "the lowest average assets of the four (%1)"))
                               .arg(MoneyFormat::readable(s.averageAumFen(q)));
    const QString age = s.ageKnown[q] == 0
                            ? QCoreApplication::translate("Quadrant", "age unknown")
                            : pick(r.youth, QT_TRANSLATE_NOOP("Quadrant", "the youngest (average age %1)"),
                                   QT_TRANSLATE_NOOP("Quadrant", "average age %1"),
                                   QT_TRANSLATE_NOOP("Quadrant", "the oldest (average age %1)"))
                                  .arg(locale.toString(s.averageAge(q), 'f', 0));
    const QString online = pick(r.online, QT_TRANSLATE_NOOP("Quadrant", "the most active in mobile banking (%1 logins in 90 days)"),
                                QT_TRANSLATE_NOOP("Quadrant", "%1 mobile-banking logins in 90 days"),
                                QT_TRANSLATE_NOOP("Quadrant", "the least active in mobile banking (%1 logins in 90 days)"))
                               .arg(locale.toString(s.averageLogins(q), 'f', 1));
    return QCoreApplication::translate("Quadrant", "%1 customers: %2; %3; %4; %5.")
        .arg(locale.toString(s.customers[q]), size, assets, age, online);
}

std::vector<int> Quadrant::members(const ValueScores &scores, const Cuts &cuts, Id quadrant)
{
    std::vector<int> out;
    for (int i = 0; i < scores.count(); ++i) {
        if (scores.scored(i) && classify(scores.current(i), scores.potential(i), cuts) == quadrant)
            out.push_back(i);
    }
    std::stable_sort(out.begin(), out.end(), [&](int a, int b) {
        if (scores.potential(a) != scores.potential(b))
            return scores.potential(a) > scores.potential(b);
        return scores.current(a) > scores.current(b);
    });
    return out;
}

bool Quadrant::fromLetter(const QString &letter, Id *out)
{
    if (letter.size() != 1)
        return false;
    const QChar c = letter.at(0).toUpper();
    if (c < QLatin1Char('A') || c > QLatin1Char('D'))
        return false;
    *out = Id(c.unicode() - u'A');
    return true;
}

QString Quadrant::name(Id q)
{
    return QCoreApplication::translate("Quadrant", kTexts[q].name);
}

QString Quadrant::profile(Id q)
{
    return QCoreApplication::translate("Quadrant", kTexts[q].profile);
}

QString Quadrant::strategy(Id q)
{
    return QCoreApplication::translate("Quadrant", kTexts[q].strategy);
}
