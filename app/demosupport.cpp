// SPDX-License-Identifier: MIT
#include "demosupport.h"

#include <algorithm>

namespace Explorer::Demo {

qint64 Random::poisson(double mean)
{
    if (mean <= 0)
        return 0;
    if (mean > 30)
        return std::max<qint64>(0, std::llround(mean + std::sqrt(mean) * normal()));
    // Knuth: multiply uniforms until the product drops below e^-mean.
    const double limit = std::exp(-mean);
    qint64 count = 0;
    for (double product = uniform(); product > limit; product *= uniform())
        ++count;
    return count;
}

int Random::pick(std::initializer_list<double> weights)
{
    double total = 0;
    for (const double weight : weights)
        total += weight;
    double x = uniform() * total;
    int index = 0;
    for (const double weight : weights) {
        if (x < weight)
            return index;
        x -= weight;
        ++index;
    }
    return index - 1; // rounding at the top end
}

qint64 endSecond(Influx::Timestamp end, qint64 step)
{
    const qint64 ns = end.nanoseconds();
    const qint64 second = ns / 1'000'000'000ll - (ns % 1'000'000'000ll < 0 ? 1 : 0);
    return floorTo(second, step);
}

double hourOfDay(qint64 second)
{
    return double(second - floorTo(second, SecondsPerDay)) / SecondsPerHour;
}

double dayCurve(qint64 second, double peakHour)
{
    const double x = std::cos(2 * std::numbers::pi * (hourOfDay(second) - peakHour) / 24.0);
    const double half = (1.0 + x) / 2.0;
    return half * half;
}

QList<qint64> arrivalTimes(qint64 first, qint64 last, qsizetype count, qint64 minimumGap,
                           Random &random, const std::function<double(qint64)> &rate)
{
    Q_ASSERT(last > first && count * minimumGap <= last - first);
    // The cumulative rate on a one-minute grid, evaluated at the middle of each cell.
    constexpr qint64 cell = SecondsPerMinute;
    const qsizetype cells = (last - first + cell - 1) / cell;
    QList<double> cumulative(cells + 1);
    for (qsizetype i = 0; i < cells; ++i) {
        const qint64 start = first + i * cell;
        const qint64 length = std::min(cell, last - start);
        cumulative[i + 1] =
                cumulative[i] + std::max(rate(start + length / 2), 1e-9) * double(length);
    }

    // count + 1 exponential spacings: their normalised partial sums are count sorted
    // uniforms. The first pass on a copy of the generator only totals them.
    Random lookahead = random;
    double spacingTotal = 0;
    for (qsizetype i = 0; i <= count; ++i)
        spacingTotal += lookahead.exponential();

    QList<qint64> times;
    times.reserve(count);
    double sum = 0;
    qsizetype i = 0;
    for (qsizetype k = 0; k < count; ++k) {
        sum += random.exponential();
        const double target = cumulative[cells] * sum / spacingTotal;
        while (i + 1 < cells && cumulative[i + 1] <= target)
            ++i;
        const qint64 start = first + i * cell;
        const double width = double(std::min(cell, last - start));
        const double inCell = cumulative[i + 1] > cumulative[i]
                ? (target - cumulative[i]) / (cumulative[i + 1] - cumulative[i])
                : 0.0;
        qint64 time = start + qint64(std::floor(std::clamp(inCell, 0.0, 1.0) * width));
        if (!times.isEmpty())
            time = std::max(time, times.constLast() + minimumGap);
        times.append(time);
    }
    random.exponential(); // the last spacing, so that random ends where lookahead did
    // Pushing arrivals apart may have moved the last ones past `last`: pull them back.
    qint64 limit = last;
    for (qsizetype k = times.size() - 1; k >= 0; --k) {
        times[k] = std::min(times[k], limit);
        limit = times[k] - minimumGap;
    }
    return times;
}

} // namespace Explorer::Demo
