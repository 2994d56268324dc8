// SPDX-License-Identifier: MIT
#include "charts/timeticks.h"

#include <QtCore/QDateTime>
#include <QtCore/QLocale>

#include <array>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

constexpr qint64 Us = 1'000;
constexpr qint64 Ms = 1'000'000;
constexpr qint64 Sec = 1'000'000'000;
constexpr qint64 Min = 60 * Sec;
constexpr qint64 Hour = 60 * Min;
constexpr qint64 Day = 24 * Hour;
constexpr qint64 Month = 30 * Day;
constexpr qint64 Year = 365 * Day;

constexpr std::array Steps {
        qint64(1),   qint64(2),   qint64(5),  qint64(10), qint64(20), qint64(50), qint64(100),
        qint64(200), qint64(500), Us,         2 * Us,     5 * Us,     10 * Us,    20 * Us,
        50 * Us,     100 * Us,    200 * Us,   500 * Us,   Ms,         2 * Ms,     5 * Ms,
        10 * Ms,     20 * Ms,     50 * Ms,    100 * Ms,   200 * Ms,   500 * Ms,   Sec,
        2 * Sec,     5 * Sec,     10 * Sec,   15 * Sec,   30 * Sec,   Min,        2 * Min,
        5 * Min,     10 * Min,    15 * Min,   30 * Min,   Hour,       2 * Hour,   3 * Hour,
        6 * Hour,    12 * Hour,   Day,        2 * Day,    7 * Day,    14 * Day,   Month,
        2 * Month,   3 * Month,   6 * Month,  Year,       2 * Year,   5 * Year,   10 * Year,
        20 * Year,   50 * Year,   100 * Year, 200 * Year};

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && a < 0) ? q - 1 : q;
}

qint64 floorMod(qint64 a, qint64 b)
{
    return a - floorDiv(a, b) * b;
}

Qt::TimeSpec specOf(Preferences::TimeZone zone)
{
    return zone == Preferences::TimeZone::Utc ? Qt::UTC : Qt::LocalTime;
}

QDateTime dateTimeOf(qint64 ns, Preferences::TimeZone zone)
{
    return QDateTime::fromMSecsSinceEpoch(floorDiv(ns, Ms), specOf(zone));
}

std::optional<qint64> nsOf(const QDateTime &dateTime)
{
    qint64 ns;
    if (__builtin_mul_overflow(dateTime.toMSecsSinceEpoch(), Ms, &ns))
        return std::nullopt;
    return ns;
}

QString labelFor(qint64 ns, qint64 step, qint64 span, Preferences::TimeZone zone)
{
    const QDateTime dateTime = dateTimeOf(ns, zone);
    const QLocale locale;
    if (step < Sec) {
        const int digits = step >= Ms ? 3 : step >= Us ? 6 : 9;
        const QString fraction = u"%1"_s.arg(floorMod(ns, Sec), 9, 10, QChar(u'0')).left(digits);
        return locale.toString(dateTime, u"HH:mm:ss"_s) + u'.' + fraction;
    }
    QString format;
    if (step < Min)
        format = u"HH:mm:ss"_s;
    else if (step < Day)
        format = span > Day ? u"MMM d HH:mm"_s : u"HH:mm"_s;
    else if (step < Month)
        format = span > 60 * Day ? u"yyyy-MM-dd"_s : u"MMM d"_s;
    else if (step < Year)
        format = u"yyyy-MM-dd"_s;
    else
        format = u"yyyy"_s;
    return locale.toString(dateTime, format);
}

// Sub-day steps: multiples of the step in the zone's wall time at the range start.
QList<qint64> fixedTicks(qint64 from, qint64 to, qint64 step, Preferences::TimeZone zone, int limit)
{
    qint64 offset = 0;
    if (zone == Preferences::TimeZone::Local
        && __builtin_mul_overflow(qint64(dateTimeOf(from, zone).offsetFromUtc()), Sec, &offset))
        offset = 0;
    qint64 wall;
    if (__builtin_add_overflow(from, offset, &wall))
        wall = from, offset = 0;
    QList<qint64> ticks;
    qint64 tick = (floorDiv(wall, step) + (floorMod(wall, step) != 0 ? 1 : 0)) * step - offset;
    while (tick <= to && ticks.size() < limit) {
        if (tick >= from)
            ticks.append(tick);
        if (__builtin_add_overflow(tick, step, &tick))
            break;
    }
    return ticks;
}

// Day, month and year steps: midnights of the zone's calendar.
QList<qint64> calendarTicks(qint64 from, qint64 to, qint64 step, Preferences::TimeZone zone,
                            int limit)
{
    const Qt::TimeSpec spec = specOf(zone);
    const QDate start = dateTimeOf(from, zone).date();
    QDate date;
    int days = 0, months = 0;
    if (step < Month) {
        days = int(step / Day);
        date = start.addDays(-floorMod(QDate(1970, 1, 1).daysTo(start), days));
    } else if (step < Year) {
        months = int(step / Month);
        date = QDate(start.year(), start.month(), 1).addMonths(-((start.month() - 1) % months));
    } else {
        const int years = int(step / Year);
        date = QDate(start.year() - int(floorMod(start.year(), years)), 1, 1);
        months = 12 * years;
    }
    QList<qint64> ticks;
    // A few steps more than the limit: the first dates may lie before `from`.
    for (int guard = 0; guard < limit + 3 && ticks.size() < limit; ++guard) {
        const std::optional<qint64> ns = nsOf(date.startOfDay(spec));
        if (!ns || *ns > to)
            break;
        if (*ns >= from)
            ticks.append(*ns);
        date = days ? date.addDays(days) : date.addMonths(months);
    }
    return ticks;
}

} // namespace

qint64 TimeTicks::stepFor(qint64 spanNs, int maxTicks)
{
    const qint64 intervals = std::max(maxTicks, 2) - 1;
    for (const qint64 step : Steps) {
        if (spanNs / step <= intervals)
            return step;
    }
    return Steps.back();
}

QList<TimeTicks::Tick> TimeTicks::compute(qint64 fromNs, qint64 toNs, int maxTicks,
                                          Preferences::TimeZone zone)
{
    QList<Tick> result;
    qint64 span;
    if (fromNs >= toNs || __builtin_sub_overflow(toNs, fromNs, &span))
        return result;
    const int limit = std::max(maxTicks, 2);
    const qint64 step = stepFor(span, limit);
    const QList<qint64> ticks = step < Day ? fixedTicks(fromNs, toNs, step, zone, limit)
                                           : calendarTicks(fromNs, toNs, step, zone, limit);
    result.reserve(ticks.size());
    for (const qint64 ns : ticks)
        result.append(Tick {ns, labelFor(ns, step, span, zone)});
    return result;
}

} // namespace Explorer
