// SPDX-License-Identifier: MIT
#ifndef INFLUX_TIMESTAMP_H
#define INFLUX_TIMESTAMP_H

#include "influxglobal.h"

#include <QtCore/QByteArray>
#include <QtCore/QDateTime>
#include <QtCore/QMetaType>

#include <chrono>
#include <compare>

namespace Influx {

// A point in time with nanosecond resolution, as InfluxDB stores it: signed nanoseconds since
// 1970-01-01T00:00:00Z (covers 1677-09-21 to 2262-04-11). All conversions are exact integer
// arithmetic; nothing goes through floating point.
class Timestamp
{
public:
    constexpr Timestamp() noexcept = default;

    static constexpr Timestamp fromNanoseconds(qint64 nanoseconds) noexcept
    {
        Timestamp t;
        t.m_ns = nanoseconds;
        return t;
    }
    // value counted in units of precision (for example seconds for Precision::Seconds).
    // Returns nullopt when the result does not fit the nanosecond range.
    static std::optional<Timestamp> fromPrecision(qint64 value, Precision precision);
    // Millisecond-resolution QDateTime (any time spec; converted to UTC). Invalid → nullopt.
    static std::optional<Timestamp> fromDateTime(const QDateTime &dateTime);
    // Parses RFC 3339 as InfluxDB writes it: "2016-12-03T19:26:51.053212Z", 0-9 fraction
    // digits, "Z" or a numeric offset ("+02:00"). Anything else → nullopt.
    static std::optional<Timestamp> fromRfc3339(QByteArrayView text);
    static std::optional<Timestamp> fromRfc3339(QStringView text);

    template<typename Duration>
    constexpr Timestamp(std::chrono::sys_time<Duration> time) noexcept
        : m_ns(std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch())
                       .count())
    { }

    constexpr qint64 nanoseconds() const noexcept { return m_ns; }
    // The value in units of precision, truncated toward zero like the reference client
    // (1969-12-31T23:59:59.5Z in seconds is 0).
    qint64 toPrecision(Precision precision) const noexcept;
    // UTC, truncated to milliseconds (QDateTime's resolution).
    QDateTime toDateTime() const;
    std::chrono::sys_time<std::chrono::nanoseconds> toSysTime() const noexcept
    {
        return std::chrono::sys_time<std::chrono::nanoseconds>(std::chrono::nanoseconds(m_ns));
    }
    // Go's RFC3339Nano in UTC, exactly as InfluxDB formats times: trailing zeros of the
    // fraction removed, no fraction when it is zero ("2016-12-03T19:26:51.053212Z").
    QByteArray toRfc3339Utf8() const;
    // The same text appended, without a temporary (result formatting of millions of rows).
    void appendRfc3339Utf8(QByteArray &out) const;
    // The same text written at buffer, which has room for 35 bytes; returns the end.
    char *writeRfc3339(char *buffer) const;
    QString toRfc3339() const;

    friend constexpr bool operator==(Timestamp a, Timestamp b) noexcept = default;
    friend constexpr auto operator<=>(Timestamp a, Timestamp b) noexcept = default;

private:
    qint64 m_ns = 0;
};

} // namespace Influx

Q_DECLARE_METATYPE(Influx::Timestamp)

#endif // INFLUX_TIMESTAMP_H
