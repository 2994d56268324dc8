// SPDX-License-Identifier: MIT
#ifndef INFLUX_SHORTESTDECIMAL_H
#define INFLUX_SHORTESTDECIMAL_H

// Internal: the shortest decimal of a double, fast, for the values that data mostly holds.
// Shared by the line-protocol encoder and the explorer's result formatting (Go's layout), which
// both write the shortest round-trip digits and spent most of their float time in libstdc++'s
// std::to_chars.

#include <QtCore/QtGlobal>

namespace Influx::ShortestDecimal {

// For a value of at most 15 significant digits with 1e-5 <= |value| < 1e15: the shortest
// decimal that reads back as value, |value| = n * 10^exponent with n free of trailing zeros
// (so its digits are those std::to_chars writes). False for any other value (zero, NaN,
// infinities, more digits, other magnitudes): the caller falls back to std::to_chars.
bool fastDigits(double value, quint64 *n, int *exponent);

} // namespace Influx::ShortestDecimal

#endif // INFLUX_SHORTESTDECIMAL_H
