// SPDX-License-Identifier: MIT
#ifndef BENCH_WORKLOAD_H
#define BENCH_WORKLOAD_H

#include "datapoint.h"
#include "pointbatch.h"

#include <QtCore/QByteArray>
#include <QtCore/QList>

namespace Influx {
class Client;
class LocalServer;
} // namespace Influx

// The performance workload of issue 5, the same on every run: measurement `cpu`, tags
// host=host{i%100} and region=r{i%5}; fields usage_user and usage_system (floats), count
// (integer) and status (a string with a double quote in every third point); one point a
// second from Start.
namespace Bench::Workload {

// 2023-11-14T22:13:20Z, in nanoseconds.
constexpr qint64 StartNs = 1'700'000'000'000'000'000;
// Points per batch of lines() when producing or loading the workload in pieces.
constexpr qint64 BatchPoints = 100'000;

Influx::DataPoint point(qint64 index);
QList<Influx::DataPoint> points(qint64 first, qint64 count);
// The same points as one PointBatch, filled row by row as an application would.
Influx::PointBatch batch(qint64 first, qint64 count);
// The same points as line protocol with nanosecond times, one per line, '\n' after each.
QByteArray lines(qint64 first, qint64 count);
// Creates database "bench" and writes points [0, count) into it in batches of BatchPoints,
// waiting for each write. False (the failure printed on stderr) when a step fails.
bool load(Influx::Client &client, qint64 count);
// Starts server and loads points [0, count) into it (load()). False (printed) on a failure.
bool startLoaded(Influx::LocalServer &server, qint64 count);

} // namespace Bench::Workload

#endif // BENCH_WORKLOAD_H
