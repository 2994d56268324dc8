// SPDX-License-Identifier: MIT
#include "timestamp.h"

#include <QtCore/qnumeric.h>
#include <QtCore/QString>

#include <cstring>

namespace Influx {

namespace {

constexpr qint64 NanosPerSecond = 1'000'000'000;
constexpr qint64 SecondsPerDay = 86'400;

// Howard Hinnant's proleptic Gregorian algorithms
// (https://howardhinnant.github.io/date_algorithms.html): exact for any year, no tables, no
// time zone database, a few integer operations. They keep the RFC 3339 paths free of QDateTime,
// which matters because the response decoder parses one time string per row.
constexpr qint64 daysFromCivil(qint64 y, unsigned m, unsigned d) noexcept
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

struct CivilDate
{
    qint64 year;
    unsigned month;
    unsigned day;
};

constexpr CivilDate civilFromDays(qint64 z) noexcept
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 y = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {y + (m <= 2), m, d};
}

static_assert(daysFromCivil(1970, 1, 1) == 0);
static_assert(daysFromCivil(2000, 3, 1) == 11017);
static_assert(civilFromDays(-1).year == 1969 && civilFromDays(-1).day == 31);

constexpr bool isLeapYear(qint64 y) noexcept
{
    return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

constexpr unsigned daysInMonth(qint64 y, unsigned m) noexcept
{
    constexpr unsigned char days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeapYear(y) ? 29 : days[m - 1];
}

// Floor division: the calendar fields of an instant before 1970 come from the day it falls in,
// not the one truncation toward zero would pick.
constexpr qint64 floorDiv(qint64 a, qint64 b) noexcept
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

inline bool isDigit(char c) noexcept
{
    return c >= '0' && c <= '9';
}

// Reads count digits at p; false on any non-digit.
inline bool readDigits(const char *p, int count, unsigned *value) noexcept
{
    unsigned v = 0;
    for (int i = 0; i < count; ++i) {
        if (!isDigit(p[i]))
            return false;
        v = v * 10 + unsigned(p[i] - '0');
    }
    *value = v;
    return true;
}

// The "YYYY-MM-DD" of the last date fromRfc3339() parsed, and its day number.
struct DateCache
{
    char text[10] = {};
    qint64 days = 0;
    bool valid = false;
};

// The longest accepted form: "YYYY-MM-DDTHH:MM:SS.nnnnnnnnn+HH:MM".
constexpr qsizetype MaxRfc3339Length = 35;

} // namespace

std::optional<Timestamp> Timestamp::fromPrecision(qint64 value, Precision precision)
{
    qint64 ns = 0;
    if (qMulOverflow(value, nanosecondsPerUnit(precision), &ns))
        return std::nullopt;
    return fromNanoseconds(ns);
}

std::optional<Timestamp> Timestamp::fromDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return std::nullopt;
    qint64 ns = 0;
    if (qMulOverflow(dateTime.toMSecsSinceEpoch(), qint64(1'000'000), &ns))
        return std::nullopt;
    return fromNanoseconds(ns);
}

std::optional<Timestamp> Timestamp::fromRfc3339(QByteArrayView text)
{
    const qsizetype n = text.size();
    // The shortest accepted form is "YYYY-MM-DDTHH:MM:SSZ".
    if (n < 20 || n > MaxRfc3339Length)
        return std::nullopt;
    const char *p = text.data();

    // The times of a result mostly share their date: the date's validation and calendar
    // arithmetic are done once per date and thread (about a third of the parse).
    thread_local DateCache lastDate;
    qint64 days = 0;
    if (lastDate.valid && std::memcmp(p, lastDate.text, sizeof lastDate.text) == 0) {
        days = lastDate.days;
    } else {
        unsigned year, month, day;
        if (!readDigits(p, 4, &year) || p[4] != '-' || !readDigits(p + 5, 2, &month) || p[7] != '-'
            || !readDigits(p + 8, 2, &day) || month < 1 || month > 12 || day < 1
            || day > daysInMonth(year, month)) {
            return std::nullopt;
        }
        days = daysFromCivil(year, month, day);
        std::memcpy(lastDate.text, p, sizeof lastDate.text);
        lastDate.days = days;
        lastDate.valid = true;
    }
    unsigned hour, minute, second;
    if ((p[10] != 'T' && p[10] != 't') || !readDigits(p + 11, 2, &hour) || p[13] != ':'
        || !readDigits(p + 14, 2, &minute) || p[16] != ':' || !readDigits(p + 17, 2, &second)
        || hour > 23 || minute > 59 || second > 59) {
        return std::nullopt;
    }

    qsizetype i = 19;
    qint64 fraction = 0;
    if (p[i] == '.') {
        ++i;
        int digits = 0;
        while (i < n && isDigit(p[i])) {
            if (++digits > 9)
                return std::nullopt;
            fraction = fraction * 10 + (p[i] - '0');
            ++i;
        }
        if (digits == 0)
            return std::nullopt;
        for (; digits < 9; ++digits)
            fraction *= 10;
    }

    qint64 offsetSeconds = 0;
    if (i < n && (p[i] == 'Z' || p[i] == 'z')) {
        ++i;
    } else if (i < n && (p[i] == '+' || p[i] == '-')) {
        unsigned offsetHours, offsetMinutes;
        if (n - i != 6 || !readDigits(p + i + 1, 2, &offsetHours) || p[i + 3] != ':'
            || !readDigits(p + i + 4, 2, &offsetMinutes) || offsetHours > 23
            || offsetMinutes > 59) {
            return std::nullopt;
        }
        offsetSeconds = qint64(offsetHours) * 3600 + qint64(offsetMinutes) * 60;
        if (p[i] == '-')
            offsetSeconds = -offsetSeconds;
        i += 6;
    } else {
        return std::nullopt;
    }
    if (i != n)
        return std::nullopt;

    // Years 0000-9999 keep the seconds far inside qint64; only the nanosecond scaling can
    // overflow.
    const qint64 seconds =
            days * SecondsPerDay + hour * 3600 + minute * 60 + second - offsetSeconds;
    // Borrow a second from negative times so that the earliest instants (1677-09-21T00:12:43
    // plus a fraction) do not overflow before the fraction is added.
    const bool borrow = seconds < 0 && fraction > 0;
    qint64 ns = 0;
    if (qMulOverflow(seconds + borrow, NanosPerSecond, &ns)
        || qAddOverflow(ns, borrow ? fraction - NanosPerSecond : fraction, &ns)) {
        return std::nullopt;
    }
    return fromNanoseconds(ns);
}

std::optional<Timestamp> Timestamp::fromRfc3339(QStringView text)
{
    if (text.size() > MaxRfc3339Length)
        return std::nullopt;
    char buffer[MaxRfc3339Length];
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        // Anything outside ASCII is invalid; mapping it to NUL makes the parser reject it.
        buffer[i] = c < 0x80 ? char(c) : '\0';
    }
    return fromRfc3339(QByteArrayView(buffer, text.size()));
}

qint64 Timestamp::toPrecision(Precision precision) const noexcept
{
    // C++ integer division truncates toward zero, as the reference client's int() does.
    return m_ns / nanosecondsPerUnit(precision);
}

QDateTime Timestamp::toDateTime() const
{
    // Floor, so that the milliseconds shown are the leading digits of the RFC 3339 form even
    // before 1970.
    return QDateTime::fromMSecsSinceEpoch(floorDiv(m_ns, 1'000'000), Qt::UTC);
}

QByteArray Timestamp::toRfc3339Utf8() const
{
    char buffer[MaxRfc3339Length];
    return QByteArray(buffer, writeRfc3339(buffer) - buffer);
}

void Timestamp::appendRfc3339Utf8(QByteArray &out) const
{
    char buffer[MaxRfc3339Length];
    out.append(buffer, writeRfc3339(buffer) - buffer);
}

char *Timestamp::writeRfc3339(char *buffer) const
{
    // Floor division by hand: seconds * 10^9 would overflow for the earliest instants.
    qint64 seconds = m_ns / NanosPerSecond;
    qint64 remainder = m_ns % NanosPerSecond;
    if (remainder < 0) {
        remainder += NanosPerSecond;
        --seconds;
    }
    auto fraction = unsigned(remainder);
    const qint64 days = floorDiv(seconds, SecondsPerDay);
    const auto secondOfDay = unsigned(seconds - days * SecondsPerDay);
    const CivilDate date = civilFromDays(days);

    char *p = buffer;
    const auto put = [&p](unsigned value, int digits) {
        for (int i = digits - 1; i >= 0; --i) {
            p[i] = char('0' + value % 10);
            value /= 10;
        }
        p += digits;
    };
    // The nanosecond range spans 1677-2262, so the year always has four digits.
    put(unsigned(date.year), 4);
    *p++ = '-';
    put(date.month, 2);
    *p++ = '-';
    put(date.day, 2);
    *p++ = 'T';
    put(secondOfDay / 3600, 2);
    *p++ = ':';
    put(secondOfDay / 60 % 60, 2);
    *p++ = ':';
    put(secondOfDay % 60, 2);
    if (fraction != 0) {
        // Go's RFC3339Nano (".999999999"): trailing zeros go, and so does an all-zero fraction.
        int digits = 9;
        while (fraction % 10 == 0) {
            fraction /= 10;
            --digits;
        }
        *p++ = '.';
        put(fraction, digits);
    }
    *p++ = 'Z';
    return p;
}

QString Timestamp::toRfc3339() const
{
    const QByteArray utf8 = toRfc3339Utf8();
    return QString::fromLatin1(utf8);
}

} // namespace Influx
