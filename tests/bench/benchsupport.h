// SPDX-License-Identifier: MIT
#ifndef BENCH_BENCHSUPPORT_H
#define BENCH_BENCHSUPPORT_H

#include <QtCore/QByteArray>

// Helpers the benchmark programs share.
namespace Bench {

// The first three fields of /proc/loadavg ("unknown" when it cannot be read): other work on
// the machine shows up in the figures, so the benchmarks print it.
QByteArray loadAverage();

} // namespace Bench

#endif // BENCH_BENCHSUPPORT_H
