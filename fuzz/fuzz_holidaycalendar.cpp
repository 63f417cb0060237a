// libFuzzer target: a holiday-cn calendar file as HQ drops it into the desktop's
// holidays folder (WorkingCalendar::loadJson), then the date arithmetic the cadences
// do with it. A calendar whose every day is off must not hang the search.
#include "domain/workingcalendar.h"

#include <QByteArray>

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    WorkingCalendar calendar;
    QString error;
    if (!calendar.loadJson(json, &error)) {
        if (error.isEmpty())
            abort(); // refused without saying why
        return 0;
    }
    for (int year : calendar.years()) {
        for (QDate d(year, 1, 1); d.year() == year; d = d.addDays(17)) {
            const QDate before = calendar.onOrBefore(d);
            const QDate after = calendar.onOrAfter(d);
            if (!before.isValid() || !after.isValid() || before > d || after < d)
                abort();
            calendar.holidayName(d);
            calendar.isMakeUpWorkday(d);
        }
    }
    return 0;
}
