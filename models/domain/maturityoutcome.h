#pragma once

#include <QDateTime>
#include <QString>

// What became of a matured product, as the RM marks it (HQ data, when it
// shows the answer, takes precedence). Append-only: a new mark supersedes.
struct MaturityOutcome
{
    enum class Kind : quint8 { Renewed, Reinvested, PartlyKept, Withdrawn };
    static constexpr int kKindCount = 4;

    QString outcomeId; // UUID
    QString holdingId;
    QString customerNo;
    Kind kind = Kind::Renewed;
    qint64 keptFen = 0; // the amount reinvested in a product here (what stayed on a demand deposit shows in the AUM)
    QString note;
    QString staffId;
    QString supersedes;
    QString deviceId;
    QDateTime markedAt;

    static QString kindKey(Kind k);
    static bool kindFromKey(const QString &key, Kind *out);
    static QString kindName(Kind k); // translated
    static bool isRetained(Kind k) { return k != Kind::Withdrawn; }
};
