#include "cadencetemplate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

#include <limits>

namespace {
const char *const kFitKeys[] = {"any", "remote", "face_to_face"};

struct Purpose
{
    const char *key;
    const char *text;
};
const Purpose kPurposes[] = {
    {"inform", QT_TRANSLATE_NOOP("CadenceTemplate", "tell them it matures, learn their plans")},
    {"propose", QT_TRANSLATE_NOOP("CadenceTemplate", "propose a plan or an appointment")},
    {"confirm", QT_TRANSLATE_NOOP("CadenceTemplate", "confirm and remind")},
    {"touch", QT_TRANSLATE_NOOP("CadenceTemplate", "remote touch")},
    {"meet", QT_TRANSLATE_NOOP("CadenceTemplate", "face-to-face meeting")},
};
} // namespace

bool CadenceTemplate::fromJson(const QJsonObject &o, CadenceTemplate *out, QString *error)
{
    CadenceTemplate t;
    t.id = o.value(QLatin1String("id")).toString();
    if (t.id.isEmpty()) {
        *error = QStringLiteral("cadence template: field id is missing");
        return false;
    }
    t.nameEn = o.value(QLatin1String("name_en")).toString(t.id);
    t.nameZh = o.value(QLatin1String("name_zh")).toString(t.nameEn);
    const QString anchor = o.value(QLatin1String("anchor")).toString();
    if (anchor == QLatin1String("maturity")) {
        t.anchor = Anchor::Maturity;
    } else if (anchor == QLatin1String("cycle")) {
        t.anchor = Anchor::Cycle;
    } else {
        *error = QStringLiteral("cadence template %1: anchor must be maturity or cycle").arg(t.id);
        return false;
    }
    t.cycleDays = o.value(QLatin1String("cycle_days")).toInt(0);
    t.openBeforeDays = o.value(QLatin1String("open_before_first_step_days")).toInt(7);
    if (t.anchor == Anchor::Cycle && t.cycleDays < 1) {
        *error = QStringLiteral("cadence template %1: a cycle template needs cycle_days >= 1").arg(t.id);
        return false;
    }
    const QJsonArray steps = o.value(QLatin1String("steps")).toArray();
    if (steps.isEmpty()) {
        *error = QStringLiteral("cadence template %1: field steps is missing or empty").arg(t.id);
        return false;
    }
    int previous = std::numeric_limits<int>::min();
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const QJsonObject s = steps.at(i).toObject();
        Step step;
        if (!s.value(QLatin1String("day")).isDouble()) {
            *error = QStringLiteral("cadence template %1: steps[%2] needs a numeric day").arg(t.id).arg(i);
            return false;
        }
        step.day = s.value(QLatin1String("day")).toInt();
        const QString fit = s.value(QLatin1String("fit")).toString(QStringLiteral("any"));
        bool known = false;
        for (int f = 0; f < 3; ++f) {
            if (fit == QLatin1String(kFitKeys[f])) {
                step.fit = Fit(f);
                known = true;
            }
        }
        if (!known) {
            *error = QStringLiteral("cadence template %1: steps[%2].fit '%3' is not any, remote or face_to_face")
                         .arg(t.id)
                         .arg(i)
                         .arg(fit);
            return false;
        }
        if (step.day < previous) {
            *error = QStringLiteral("cadence template %1: steps must be in order of day").arg(t.id);
            return false;
        }
        if (t.anchor == Anchor::Cycle && (step.day < 0 || step.day >= t.cycleDays)) {
            *error = QStringLiteral("cadence template %1: steps[%2].day must fall inside the cycle").arg(t.id).arg(i);
            return false;
        }
        previous = step.day;
        step.purpose = s.value(QLatin1String("purpose")).toString();
        t.steps.push_back(step);
    }
    *out = t;
    return true;
}

bool CadenceTemplate::fits(Fit fit, Contact::Channel channel)
{
    switch (fit) {
    case Fit::Any:
        return true;
    case Fit::Remote:
        return !Contact::isFaceToFace(channel);
    case Fit::FaceToFace:
        return Contact::isFaceToFace(channel);
    }
    return false;
}

QString CadenceTemplate::fitKey(Fit fit)
{
    return QString::fromLatin1(kFitKeys[int(fit)]);
}

QString CadenceTemplate::purposeText(const QString &purpose)
{
    for (const Purpose &p : kPurposes) {
        if (purpose == QLatin1String(p.key))
            return QCoreApplication::translate("CadenceTemplate", p.text);
    }
    return purpose;
}

QString CadenceTemplate::displayName() const
{
    return QLocale().language() == QLocale::Chinese ? nameZh : nameEn;
}

int CadenceTemplate::countOf(Fit fit) const
{
    int n = 0;
    for (const Step &s : steps)
        n += s.fit == fit ? 1 : 0;
    return n;
}

int CadenceTemplate::ordinalOf(int index) const
{
    int n = 0;
    for (int i = 0; i <= index && i < int(steps.size()); ++i)
        n += steps[size_t(i)].fit == steps[size_t(index)].fit ? 1 : 0;
    return n;
}
