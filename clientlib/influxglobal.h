// SPDX-License-Identifier: MIT
#ifndef INFLUX_GLOBAL_H
#define INFLUX_GLOBAL_H

#include <QtCore/QLoggingCategory>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <optional>

// The InfluxDB 1.x client library of Influx Explorer. Everything public lives in namespace Influx.
namespace Influx {
Q_NAMESPACE

Q_DECLARE_LOGGING_CATEGORY(lcClient)

// Timestamp precision of writes ("precision") and of query results ("epoch").
enum class Precision { Nanoseconds, Microseconds, Milliseconds, Seconds, Minutes, Hours };
Q_ENUM_NS(Precision)

// Write consistency for InfluxEnterprise clusters.
enum class Consistency { Any, One, Quorum, All };
Q_ENUM_NS(Consistency)

// gzip over HTTP, for responses (Accept-Encoding) and for write bodies of at least
// GzipMinimumBody bytes (Content-Encoding). Auto compresses except when the server is on
// loopback: there no link is saved and both ends pay the CPU. With influxd on 127.0.0.1 a
// gzipped 1M-row response took 1.5 times as long (3.3 s against 2.2 s); see README
// "Performance". Gzip and None apply to every server (Gzip suits an SSH tunnel to a remote one).
enum class Compression { Auto, Gzip, None };
Q_ENUM_NS(Compression)

// The names: "auto", "gzip", "none".
QString compressionName(Compression compression);
std::optional<Compression> compressionFromName(QStringView name);

// The wire names: "n", "u", "ms", "s", "m", "h".
QString precisionName(Precision precision);
// Accepts exactly the wire names (case-sensitive, as the reference client does).
std::optional<Precision> precisionFromName(QStringView name);
// The wire names: "any", "one", "quorum", "all".
QString consistencyName(Consistency consistency);
std::optional<Consistency> consistencyFromName(QStringView name);
// Nanoseconds in one unit of the precision.
qint64 nanosecondsPerUnit(Precision precision);

} // namespace Influx

#endif // INFLUX_GLOBAL_H
