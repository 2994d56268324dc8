// SPDX-License-Identifier: MIT
#ifndef EXPLORER_DECIMATOR_H
#define EXPLORER_DECIMATOR_H

#include <QtCore/QtGlobal>

#include <span>
#include <vector>

namespace Explorer {

// Reduces a time series to the points that matter for drawing it W pixels wide (M4
// aggregation): the visible range [from, to] is cut into W equal pixel columns and each column
// keeps the first, the smallest, the largest and the last of its points. A polyline through
// those points covers exactly the pixels a polyline through all points covers, so a million
// points draw as at most 4·W + 2.
//
// The nearest drawable point on each side just outside the range is kept as well, so the line
// reaches the plot's borders instead of stopping at the first visible point.
//
// NaN values (null fields) are skipped: the line continues from the previous value to the next
// one, the way the table shows gaps as empty cells rather than as zero.
//
// Times must be non-decreasing (ChartData sorts its lines). The range is found by binary search
// and only the points in it are visited; an out-of-order time met there makes the result empty
// with sorted == false (outside the range it cannot be noticed without a full scan).
class Decimator
{
public:
    struct Result
    {
        // Indexes into the input, ascending, without duplicates.
        std::vector<qsizetype> indices;
        // Points with a time in [from, to] (NaN values included): how much the reduction saved.
        qsizetype pointsInRange = 0;
        bool sorted = true;
    };

    // width < 1 is treated as 1; from > to gives an empty result (sorted stays true).
    // timesNs and values must have the same size (the shorter size is used otherwise).
    static Result decimate(std::span<const qint64> timesNs, std::span<const double> values,
                           qint64 fromNs, qint64 toNs, int width);

    // The pixel column [0, width) of a time inside [from, to]: floor((t - from) · width /
    // (to - from)), computed exactly (no floating point), `to` itself in the last column (and
    // everything when from == to, as in decimate()).
    static int columnOf(qint64 timeNs, qint64 fromNs, qint64 toNs, int width);

    static bool isSorted(std::span<const qint64> timesNs);
};

} // namespace Explorer

#endif // EXPLORER_DECIMATOR_H
