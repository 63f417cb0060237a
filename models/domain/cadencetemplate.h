#pragma once

#include "contact.h"

#include <QJsonObject>
#include <QString>
#include <vector>

// A contact cadence as data (HQ policy may change it). 731 is anchored on a
// product's maturity date: steps at days -7, -3 and -1. 4+1 runs in cycles of
// `cycleDays`: remote touches on days 0, 7, 14, 21 and one face-to-face by the
// end of the cycle. `day` is relative to the anchor (maturity, or cycle start).
struct CadenceTemplate
{
    enum class Anchor : quint8 { Maturity, Cycle };
    // Which contacts a step accepts: any channel, remote channels only, or
    // face-to-face only (Contact::isFaceToFace).
    enum class Fit : quint8 { Any, Remote, FaceToFace };
    struct Step
    {
        int day = 0;
        Fit fit = Fit::Any;
        QString purpose; // "inform", "propose", "confirm", "touch", "meet" (see purposeText)
    };

    QString id;       // "731", "4+1"
    QString nameEn;
    QString nameZh;
    Anchor anchor = Anchor::Maturity;
    int cycleDays = 0;     // Cycle: length of one cycle
    int openBeforeDays = 7; // Maturity: contacts count from this many days before the first step
    std::vector<Step> steps;

    static bool fromJson(const QJsonObject &o, CadenceTemplate *out, QString *error);
    static bool fits(Fit fit, Contact::Channel channel);
    static QString fitKey(Fit fit);
    static QString purposeText(const QString &purpose); // translated
    QString displayName() const; // in the current language

    // Number of steps of this fit, and the 1-based position of step `index`
    // among them: "touch 3 of 4".
    int countOf(Fit fit) const;
    int ordinalOf(int index) const;
};
