// SPDX-License-Identifier: MIT
#ifndef EXPLORER_DEMOSUPPORT_H
#define EXPLORER_DEMOSUPPORT_H

#include <timestamp.h>

#include <QtCore/QList>

#include <cmath>
#include <functional>
#include <numbers>

// Internal: what the demo data generators share.
namespace Explorer::Demo {

constexpr qint64 SecondsPerMinute = 60;
constexpr qint64 SecondsPerHour = 3600;
constexpr qint64 SecondsPerDay = 86400;

// A small deterministic random source (splitmix64): the standard distributions' output is
// implementation-defined, this is the same everywhere. Copyable, so that a copy can look ahead.
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double normal() // Box-Muller
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
    }
    double exponential() { return -std::log(1.0 - uniform()); } // mean 1
    int below(int n) { return int(uniform() * n); } // [0, n)
    // A Poisson-distributed count: exact for small means, the normal approximation above.
    qint64 poisson(double mean);
    // Index into weights, chosen in proportion to them.
    int pick(std::initializer_list<double> weights);

private:
    quint64 m_state;
};

// Floor division that also rounds negative values down (times before 1970).
constexpr qint64 floorTo(qint64 value, qint64 step)
{
    const qint64 remainder = value % step;
    return remainder < 0 ? value - remainder - step : value - remainder;
}

// `end` in whole seconds, rounded down to a multiple of step seconds.
qint64 endSecond(Influx::Timestamp end, qint64 step);
inline Influx::Timestamp atSecond(qint64 second)
{
    return Influx::Timestamp::fromNanoseconds(second * 1'000'000'000ll);
}

inline double round1(double value)
{
    return std::round(value * 10.0) / 10.0;
}
inline double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

// The hour of the day (UTC, [0, 24)) of a time in seconds.
double hourOfDay(qint64 second);
// The daily cycle: 1 at peakHour (UTC), falling smoothly to 0 twelve hours away; about 0.56
// four hours from the peak.
double dayCurve(qint64 second, double peakHour);

// Exactly `count` event times (whole seconds) in [first, last], at least minimumGap apart,
// spread like a Poisson process whose rate follows rate(second): the arrivals of a unit-rate
// process conditioned on their number, mapped through the rate's cumulative integral. A
// fixed count keeps the total of a data set independent of its end time.
QList<qint64> arrivalTimes(qint64 first, qint64 last, qsizetype count, qint64 minimumGap,
                           Random &random, const std::function<double(qint64)> &rate);

} // namespace Explorer::Demo

#endif // EXPLORER_DEMOSUPPORT_H
