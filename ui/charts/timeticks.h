// SPDX-License-Identifier: MIT
#ifndef EXPLORER_TIMETICKS_H
#define EXPLORER_TIMETICKS_H

#include "settings/preferences.h"

#include <QtCore/QList>
#include <QtCore/QString>

namespace Explorer {

// The ticks of a time axis: round times (every 5 min, every day at midnight, every month...)
// inside a visible range, labelled in the preferred time zone with a format that fits the step:
//   below a second "HH:mm:ss.zzz" (6 or 9 fraction digits below a millisecond), below a minute
//   "HH:mm:ss", below a day "HH:mm" ("MMM d HH:mm" when the range spans more than a day), days
//   "MMM d" ("yyyy-MM-dd" beyond two months), months "yyyy-MM-dd", years "yyyy".
// Sub-day steps are aligned to the zone's offset at the range start; day, month and year steps
// to the zone's calendar.
class TimeTicks
{
public:
    struct Tick
    {
        qint64 ns;
        QString label;
        friend bool operator==(const Tick &, const Tick &) = default;
    };

    // At most maxTicks (at least 2) ticks with from <= ns <= to; empty when from >= to.
    static QList<Tick> compute(qint64 fromNs, qint64 toNs, int maxTicks,
                               Preferences::TimeZone zone);
    // The step compute() picks, in ns (months and years count as 30 and 365 days).
    static qint64 stepFor(qint64 spanNs, int maxTicks);
};

} // namespace Explorer

#endif // EXPLORER_TIMETICKS_H
