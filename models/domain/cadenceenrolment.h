#pragma once

#include <QDate>
#include <QString>

// The day a product first entered the maturity list, or a customer first
// entered a 4+1 list, as this branch's desktops first saw it. Steps due
// before it are "late entry"; 4+1 cycles are counted from it. The earliest
// date known for a key wins, so desktops agree once synced.
struct CadenceEnrolment
{
    QString enrolmentKey; // "731:<holding id>" or "4+1:<customer no>"
    QString customerNo;
    QDate enteredOn;
    QString deviceId;
};
