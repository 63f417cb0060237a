#include "quadrant.h"

#include "branchsnapshot.h"
#include "valuescores.h"

#include <QCoreApplication>

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
    // Plain comparisons on floats: this runs on every step of a cut-line drag.
    const float cx = float(cuts.current);
    const float cy = float(cuts.potential);
    for (int i = 0; i < n; ++i) {
        const int q = potential[i] >= cy ? (current[i] >= cx ? B : A) : (current[i] >= cx ? C : D);
        ++s.customers[size_t(q)];
        s.aumFen[size_t(q)] += snapshot.customer(i).aumFen;
    }
    return s;
}

std::vector<int> Quadrant::members(const ValueScores &scores, const Cuts &cuts, Id quadrant)
{
    std::vector<int> out;
    for (int i = 0; i < scores.count(); ++i) {
        if (classify(scores.current(i), scores.potential(i), cuts) == quadrant)
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
