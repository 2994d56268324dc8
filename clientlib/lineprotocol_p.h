// SPDX-License-Identifier: MIT
#ifndef INFLUX_LINEPROTOCOL_P_H
#define INFLUX_LINEPROTOCOL_P_H

// Internal: the pieces of lineprotocol.cpp that the bulk encoder (lineprotocolbatch.cpp)
// writes with. The rules themselves (what is escaped, what is rejected and with which message)
// stay in lineprotocol.cpp; this only lends them out.

#include "influxglobal.h"

#include <QtCore/QStringView>

#include <charconv>

namespace Influx::LineProtocol::Detail {

enum class Part { Measurement, TagKey, TagValue, FieldKey, StringValue };

// Worst case of writeChecked(): 3 bytes per UTF-16 unit (an escaped ASCII character takes 2,
// a surrogate pair 4 for 2 units).
constexpr qsizetype escapedBound(QStringView text)
{
    return 3 * text.size();
}

// Writes text as escaped UTF-8 at p (room for escapedBound(text) bytes) and advances p.
// Returns whether appendPoint() accepts text as that part of a point; false for anything it
// would reject (then p is past what was written, and the caller rewinds). The tag key and
// field key "time" and empty texts count as rejected where appendPoint() rejects them.
bool writeChecked(char *&p, QStringView text, Part part);

// The times (in units of a precision) that appendPoint() accepts: InfluxDB's range.
struct TimeRange
{
    qint64 first;
    qint64 last;
    bool contains(qint64 value) const { return value >= first && value <= last; }
};
TimeRange writableTimes(Precision precision);

// Asks for huge pages for a large output buffer about to be written from start to end (a
// fresh buffer is all page faults: one per 4 KiB otherwise, and they are expensive on VMs).
void adviseHugePages(char *data, qsizetype size);

constexpr qsizetype IntegerBound = 20; // "-9223372036854775808"
constexpr qsizetype FloatBound = 24; // the longest shortest form: "-2.2250738585072014e-308"

inline void writeInteger(char *&p, qint64 value)
{
    p = std::to_chars(p, p + IntegerBound, value).ptr;
}

// Shortest round-trip form, exactly as C++17 std::to_chars writes it (which Go's ParseFloat
// reads back exactly), at p (room for FloatBound bytes); advances p.
void writeFloat(char *&p, double value);

} // namespace Influx::LineProtocol::Detail

#endif // INFLUX_LINEPROTOCOL_P_H
