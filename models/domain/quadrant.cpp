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

// How many quadrants with customers are ahead of `q` on `value` (higher is ahead), and
// how many behind; ties are neither, so equal figures get the same words.
template<typename F>
std::pair<int, int> standing(const Quadrant::Summary &s, Quadrant::Id q, F value)
{
    int ahead = 0;
    int behind = 0;
    for (int other = 0; other < Quadrant::kCount; ++other) {
        const auto o = Quadrant::Id(other);
        if (o == q || s.customers[o] == 0)
            continue;
        ahead += value(o) > value(q) ? 1 : 0;
        behind += value(o) < value(q) ? 1 : 0;
    }
    return {ahead, behind};
}

} // namespace

Quadrant::Ranks Quadrant::ranks(const Summary &s, Id q)
{
    Ranks r;
    r.size = standing(s, q, [&](Id o) { return double(s.customers[o]); }).first;
    r.assets = standing(s, q, [&](Id o) { return double(s.averageAumFen(o)); }).first;
    r.youth = standing(s, q, [&](Id o) { return -s.averageAge(o); }).first;
    r.online = standing(s, q, [&](Id o) { return s.averageLogins(o); }).first;
    return r;
}

QString Quadrant::profileSentence(const Summary &s, Id q)
{
    const QLocale locale;
    if (s.customers[q] == 0)
        return QCoreApplication::translate("Quadrant", "No customer falls in this quadrant with these cuts.");
    // First when no populated quadrant is ahead, last when none is behind, else in between.
    auto pick = [](std::pair<int, int> st, const char *first, const char *middle, const char *lastText) {
        const char *text = st.first == 0 ? first : (st.second == 0 ? lastText : middle);
        return QCoreApplication::translate("Quadrant", text);
    };
    const auto bySize = standing(s, q, [&](Id o) { return double(s.customers[o]); });
    const auto byAssets = standing(s, q, [&](Id o) { return double(s.averageAumFen(o)); });
    const auto byYouth = standing(s, q, [&](Id o) { return -s.averageAge(o); });
    const auto byOnline = standing(s, q, [&](Id o) { return s.averageLogins(o); });
    const QString size = pick(bySize, QT_TRANSLATE_NOOP("Quadrant", "the largest group"),
                              QT_TRANSLATE_NOOP("Quadrant", "a mid-sized group"),
                              QT_TRANSLATE_NOOP("Quadrant", "the smallest group"));
    const QString assets = pick(byAssets, QT_TRANSLATE_NOOP("Quadrant", "the highest average assets of the four (%1)"),
                                QT_TRANSLATE_NOOP("Quadrant", "average assets %1"),
                                QT_TRANSLATE_NOOP("Quadrant", "the lowest average assets of the four (%1)"))
                               .arg(MoneyFormat::readable(s.averageAumFen(q)));
    const QString age = s.ageKnown[q] == 0
                            ? QCoreApplication::translate("Quadrant", "age unknown")
                            : pick(byYouth, QT_TRANSLATE_NOOP("Quadrant", "the youngest (average age %1)"),
                                   QT_TRANSLATE_NOOP("Quadrant", "average age %1"),
                                   QT_TRANSLATE_NOOP("Quadrant", "the oldest (average age %1)"))
                                  .arg(locale.toString(s.averageAge(q), 'f', 0));
    const QString online = pick(byOnline, QT_TRANSLATE_NOOP("Quadrant", "the most active in mobile banking (%1 logins in 90 days)"),
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
