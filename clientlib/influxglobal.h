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
