// SPDX-License-Identifier: MIT
#ifndef EXPLORER_SERIESSORT_H
#define EXPLORER_SERIESSORT_H

#include "series.h"

#include <QtCore/qnamespace.h>

#include <vector>

namespace Explorer {

// The rows of series ordered by one column: element i is the series row that comes i-th.
// The column's values are read once into a typed array and the row numbers are sorted
// against it (std::stable_sort), so a million rows cost no QVariant per comparison. Null cells
// come last in either order; equal values keep their received order. Times compare as
// Timestamps, strings by UTF-16 code units, Mixed columns by QVariant::compare (then by text).
std::vector<int> sortedRowOrder(const Influx::Series &series, qsizetype column,
                                Qt::SortOrder order);

} // namespace Explorer

#endif // EXPLORER_SERIESSORT_H
