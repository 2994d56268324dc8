// SPDX-License-Identifier: MIT
#include "charts/decimator.h"

#include <algorithm>
#include <cmath>

namespace Explorer {

namespace {

// The columns' borders are offsets from `from`: column c starts at ceil(c · span / width).
// With span = q · width + r that is c · q + ceil(c · r / width), where c · r < width² fits in
// 64 bits, so the borders are exact for any span up to 2^64 - 1 ns without 128-bit division.
struct ColumnBorders
{
    quint64 q;
    quint64 r;
    quint64 width;
    quint64 start(quint64 column) const { return column * q + (column * r + width - 1) / width; }
};

} // namespace

Decimator::Result Decimator::decimate(std::span<const qint64> timesNs,
                                      std::span<const double> values, qint64 fromNs, qint64 toNs,
                                      int width)
{
    Result result;
    const qsizetype n = qsizetype(std::min(timesNs.size(), values.size()));
    if (n == 0 || fromNs > toNs)
        return result;
    const qint64 *t = timesNs.data();
    const double *v = values.data();
    const int columns = std::max(width, 1);

    const qsizetype lo = std::lower_bound(t, t + n, fromNs) - t;
    const qsizetype hi = std::upper_bound(t + lo, t + n, toNs) - t;
    result.pointsInRange = hi - lo;
    std::vector<qsizetype> &out = result.indices;
    out.reserve(std::min<qsizetype>(hi - lo, 4 * qsizetype(columns)) + 2);

    for (qsizetype i = lo - 1; i >= 0; --i) {
        if (!std::isnan(v[i])) {
            out.push_back(i);
            break;
        }
    }

    // Unsigned arithmetic: to - from may exceed qint64, and t - from is never negative here.
    const quint64 span = quint64(toNs) - quint64(fromNs);
    const ColumnBorders borders {span / quint64(columns), span % quint64(columns),
                                 quint64(columns)};
    const auto keep = [&out](qsizetype index) {
        if (index >= 0 && (out.empty() || out.back() != index))
            out.push_back(index);
    };

    qsizetype i = lo;
    for (int c = 0; c < columns && i < hi; ++c) {
        const bool lastColumn = c == columns - 1;
        const quint64 end = lastColumn ? 0 : borders.start(quint64(c) + 1);
        qsizetype first = -1, minAt = -1, maxAt = -1, lastAt = -1;
        double minValue = 0, maxValue = 0;
        for (; i < hi; ++i) {
            if (i > lo && t[i] < t[i - 1]) {
                out.clear();
                result.sorted = false;
                return result;
            }
            if (!lastColumn && quint64(t[i]) - quint64(fromNs) >= end)
                break;
            const double y = v[i];
            if (std::isnan(y))
                continue;
            if (first < 0) {
                first = minAt = maxAt = i;
                minValue = maxValue = y;
            } else if (y < minValue) {
                minAt = i;
                minValue = y;
            } else if (y > maxValue) {
                maxAt = i;
                maxValue = y;
            }
            lastAt = i;
        }
        keep(first);
        keep(std::min(minAt, maxAt));
        keep(std::max(minAt, maxAt));
        keep(lastAt);
    }

    for (qsizetype j = hi; j < n; ++j) {
        if (!std::isnan(v[j])) {
            out.push_back(j);
            break;
        }
    }
    return result;
}

int Decimator::columnOf(qint64 timeNs, qint64 fromNs, qint64 toNs, int width)
{
    const int columns = std::max(width, 1);
    const quint64 span = quint64(toNs) - quint64(fromNs);
    if (timeNs >= toNs || span == 0)
        return columns - 1;
    if (timeNs <= fromNs)
        return 0;
    // The inverse of ColumnBorders::start: the last column whose start is <= the offset.
    const ColumnBorders borders {span / quint64(columns), span % quint64(columns),
                                 quint64(columns)};
    const quint64 offset = quint64(timeNs) - quint64(fromNs);
    int low = 0, high = columns - 1;
    while (low < high) {
        const int mid = low + (high - low + 1) / 2;
        if (borders.start(quint64(mid)) <= offset)
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}

bool Decimator::isSorted(std::span<const qint64> timesNs)
{
    return std::is_sorted(timesNs.begin(), timesNs.end());
}

} // namespace Explorer
