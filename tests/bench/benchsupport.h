// SPDX-License-Identifier: MIT
#ifndef BENCH_BENCHSUPPORT_H
#define BENCH_BENCHSUPPORT_H

#include <QtCore/QByteArray>

// Helpers the benchmark programs share.
namespace Bench {

// The first three fields of /proc/loadavg ("unknown" when it cannot be read): other work on
// the machine shows up in the figures, so the benchmarks print it.
QByteArray loadAverage();

// CPU seconds (user + system) used so far by the process pid (from /proc/pid/stat), and by this
// process together with its finished children (getrusage): with the server and the client on
// the same cores, the CPU each of them needs bounds the wall time from below. -1 when unknown.
double processCpuSeconds(qint64 pid);
double ownCpuSeconds();

} // namespace Bench

#endif // BENCH_BENCHSUPPORT_H
