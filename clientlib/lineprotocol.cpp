// SPDX-License-Identifier: MIT
#include "lineprotocol.h"

#include "lineprotocol_p.h"
#include "shortestdecimal.h"

#include <QtCore/QVarLengthArray>

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#if defined(Q_OS_LINUX)
#    include <sys/mman.h>
#endif

using namespace Qt::StringLiterals;

// What InfluxDB 1.6.7 does with awkward names and values, found by writing each case to a
// real influxd and reading it back (SHOW MEASUREMENTS, SELECT *), then by writing batches of
// random points built from " ,=\"\\#\t\0é😀" and comparing every stored value. Examples
// below are wire text. The escaping of §14.4 alone is not enough; these inputs have no line
// protocol form that the server stores as written, so they are rejected:
//
// - A backslash at the end of a measurement, tag key, tag value or field key: the server
//   treats a separator after a backslash as escaped and has no escape for the backslash
//   itself (`m,k=a\ f=1` and `m,k=a\ f=1` are both 400 "invalid tag format").
// - In measurements and field keys, a backslash directly before a space, comma, equals sign
//   or double quote. Names are unescaped more than once: measurement a\,b (wire `a\,b`) is
//   stored as "a,b", field key a"b as a"b (204, data silently changed); other cases are 400.
// - In tag keys and values, a backslash directly before a space. One line round-trips, but
//   the line splitter (scanLine) reads `\ ` as an escaped backslash and a real space, where
//   the tag scanner reads an escaped space; a '"' later in the line then makes the splitter
//   swallow the newline, and the following lines fail ("point is invalid"). Backslashes before
//   other characters in tags round-trip, in batches too.
// - A measurement or field key starting with a tab or NUL: skipped as leading whitespace
//   (`	a` stored as "a"). A measurement starting with '#': the line is a comment, 204 and
//   nothing stored.
// - An empty tag value: 400 "missing tag value" (InfluxDB has no empty tag values; an absent
//   tag reads as ""). Rejected rather than dropped so that nothing changes unnoticed.
// - Tag key or field key "time": 400 partial write, the point is dropped.
// - Times outside [-2^63 + 2, 2^63 - 2] ns after scaling: 400 "time outside range".
// Everything else round-trips: other backslashes, '"' and '#' inside names, tabs, control
// characters, any Unicode. Line breaks inside string field values round-trip as well, but the
// project rejects every line break (DECISIONS.md).
//
// Decimals: the server accepts -?(d+[.d*]|.d+)([eE][+-]?d+)?, leading zeros included; it
// rejects "+1", "inf", "NaN", "0x10", "1_000" and numbers that overflow a double ("1e400"),
// and stores underflowing ones ("1e-400") as 0, like any float rounding.

namespace Influx::LineProtocol {

using namespace Detail;

namespace {

enum Problem : unsigned {
    LineBreak = 1,
    LoneSurrogate = 2,
    TrailingBackslash = 4,
    BackslashBeforeSpecial = 8, // space, comma, equals sign or double quote
    LeadingBlank = 16,
    BackslashBeforeSpace = 32,
};

// Problems that make each part unwritable; see the evidence above.
constexpr unsigned NameProblems =
        LineBreak | LoneSurrogate | TrailingBackslash | BackslashBeforeSpecial | LeadingBlank;
constexpr unsigned TagProblems =
        LineBreak | LoneSurrogate | TrailingBackslash | BackslashBeforeSpace;
constexpr unsigned StringProblems = LineBreak | LoneSurrogate;

enum CharClass : quint8 {
    EscapeInMeasurement = 1,
    EscapeInKey = 2, // tag keys, tag values, field keys
    EscapeInString = 4,
    SpecialAfterBackslash = 8,
    Break = 16,
};

constexpr std::array<quint8, 128> makeCharClasses()
{
    std::array<quint8, 128> c {};
    c[','] = EscapeInMeasurement | EscapeInKey | SpecialAfterBackslash;
    c[' '] = EscapeInMeasurement | EscapeInKey | SpecialAfterBackslash;
    c['='] = EscapeInKey | SpecialAfterBackslash;
    c['"'] = EscapeInString | SpecialAfterBackslash;
    c['\\'] = EscapeInString;
    c['\n'] = Break;
    c['\r'] = Break;
    return c;
}
constexpr std::array<quint8, 128> CharClasses = makeCharClasses();

constexpr quint8 escapeClass(Part part)
{
    switch (part) {
    case Part::Measurement:
        return EscapeInMeasurement;
    case Part::StringValue:
        return EscapeInString;
    case Part::TagKey:
    case Part::TagValue:
    case Part::FieldKey:
        break;
    }
    return EscapeInKey;
}

// Writes text as escaped UTF-8 at p (room for escapedBound(text) bytes), advances p and returns
// the problems seen. One pass straight into the output buffer: bulk writes of millions of
// points must not build temporaries per string.
unsigned writeEscaped(char *&p, QStringView text, Part part)
{
    const quint8 escape = escapeClass(part);
    unsigned problems = 0;
    bool afterBackslash = false;
    const char16_t *s = text.utf16();
    const char16_t *const end = s + text.size();
    while (s < end) {
        char32_t u = *s++;
        if (u < 0x80) {
            if (const quint8 cls = CharClasses[u]) {
                if (cls & Break)
                    problems |= LineBreak;
                if (afterBackslash && (cls & SpecialAfterBackslash))
                    problems |= u == ' ' ? BackslashBeforeSpecial | BackslashBeforeSpace
                                         : BackslashBeforeSpecial;
                if (cls & escape)
                    *p++ = '\\';
            }
            afterBackslash = u == '\\';
            *p++ = char(u);
            continue;
        }
        afterBackslash = false;
        if (QChar::isSurrogate(u)) {
            if (QChar::isHighSurrogate(u) && s < end && QChar::isLowSurrogate(*s)) {
                u = QChar::surrogateToUcs4(char16_t(u), *s++);
            } else {
                problems |= LoneSurrogate;
                u = QChar::ReplacementCharacter;
            }
        }
        if (u < 0x800) {
            *p++ = char(0xc0 | (u >> 6));
        } else if (u < 0x10000) {
            *p++ = char(0xe0 | (u >> 12));
            *p++ = char(0x80 | ((u >> 6) & 0x3f));
        } else {
            *p++ = char(0xf0 | (u >> 18));
            *p++ = char(0x80 | ((u >> 12) & 0x3f));
            *p++ = char(0x80 | ((u >> 6) & 0x3f));
        }
        *p++ = char(0x80 | (u & 0x3f));
    }
    if (afterBackslash)
        problems |= TrailingBackslash;
    if (!text.isEmpty() && (text.front() == u'\t' || text.front() == u'\0'))
        problems |= LeadingBlank;
    return problems;
}

unsigned appendEscaped(QByteArray &out, QStringView text, Part part)
{
    const qsizetype start = out.size();
    out.resize(start + escapedBound(text));
    char *p = out.data() + start;
    const unsigned problems = writeEscaped(p, text, part);
    out.resize(p - out.data());
    return problems;
}

QByteArray escaped(QStringView text, Part part)
{
    QByteArray out;
    appendEscaped(out, text, part);
    return out;
}

Error invalid(const QString &message)
{
    return Error(Error::Kind::InvalidArgument, message);
}

QString describe(Part part, QStringView name)
{
    switch (part) {
    case Part::Measurement:
        return u"measurement \"%1\""_s.arg(name);
    case Part::TagKey:
        return u"tag key \"%1\""_s.arg(name);
    case Part::TagValue:
        return u"the value of tag \"%1\""_s.arg(name);
    case Part::FieldKey:
        return u"field key \"%1\""_s.arg(name);
    case Part::StringValue:
        break;
    }
    return u"the value of field \"%1\""_s.arg(name);
}

// name is what the message names: the text itself, or for values their key.
Error problemError(unsigned problems, Part part, QStringView name)
{
    const QString what = describe(part, name);
    if (problems & LineBreak)
        return invalid(u"%1 contains a line break"_s.arg(what));
    if (problems & LoneSurrogate)
        return invalid(u"%1 contains an unpaired UTF-16 surrogate (not valid Unicode)"_s.arg(what));
    if (problems & TrailingBackslash)
        return invalid(
                u"%1 ends with a backslash, which would escape the separator after it"_s.arg(what));
    if (problems & BackslashBeforeSpace) { // tags only; names report BackslashBeforeSpecial
        return invalid(u"%1 has a backslash before a space, which InfluxDB misreads when it "
                       "receives several lines"_s.arg(what));
    }
    if (problems & BackslashBeforeSpecial)
        return invalid(u"%1 has a backslash before a space, comma, equals sign or double quote, "
                       "which InfluxDB would not store as written"_s.arg(what));
    return invalid(
            u"%1 starts with a tab or NUL character, which InfluxDB would strip"_s.arg(what));
}

// Computed at compile time; comparing with a bare u"time" costs a strlen per key.
constexpr QStringView TimeKey = u"time";

// Exact nanosecond range InfluxDB accepts (models.MinNanoTime / MaxNanoTime).
constexpr qint64 MinNanoTime = std::numeric_limits<qint64>::min() + 2;
constexpr qint64 MaxNanoTime = std::numeric_limits<qint64>::max() - 1;

enum class DecimalParse { Invalid, Ok, Overflow };

DecimalParse parseDecimal(QStringView text, double *value)
{
    QVarLengthArray<char, 64> latin1(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80)
            return DecimalParse::Invalid;
        latin1[i] = char(c);
    }
    const char *const begin = latin1.constData();
    const char *const end = begin + latin1.size();
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };

    // The grammar Go's scanner in InfluxDB accepts (see above); from_chars alone would also
    // take "inf" and "nan".
    const char *p = begin;
    if (p < end && *p == '-')
        ++p;
    qsizetype intDigits = 0, fracDigits = 0;
    // Decimal exponent of the first non-zero digit, before the explicit exponent.
    qint64 leadingExponent = 0;
    bool nonZero = false;
    for (; p < end && isDigit(*p); ++p, ++intDigits) {
        if (*p != '0' && !nonZero) {
            nonZero = true;
            leadingExponent = -intDigits; // fixed up below once the digit count is known
        }
    }
    if (nonZero)
        leadingExponent += intDigits - 1;
    if (p < end && *p == '.') {
        for (++p; p < end && isDigit(*p); ++p) {
            ++fracDigits;
            if (*p != '0' && !nonZero) {
                nonZero = true;
                leadingExponent = -fracDigits;
            }
        }
    }
    if (intDigits == 0 && fracDigits == 0)
        return DecimalParse::Invalid;
    qint64 exponent = 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        ++p;
        bool negative = false;
        if (p < end && (*p == '+' || *p == '-'))
            negative = *p++ == '-';
        if (p == end || !isDigit(*p))
            return DecimalParse::Invalid;
        for (; p < end && isDigit(*p); ++p)
            exponent = std::min<qint64>(exponent * 10 + (*p - '0'), qint64(1) << 40);
        if (negative)
            exponent = -exponent;
    }
    if (p != end)
        return DecimalParse::Invalid;

    double result = 0;
    const std::from_chars_result r = std::from_chars(begin, end, result);
    if (r.ec == std::errc::result_out_of_range) {
        // Out of range with a magnitude below 1 is an underflow, which the server stores as a
        // rounded value like any other float.
        if (!nonZero || leadingExponent + exponent < 0) {
            *value = begin[0] == '-' ? -0.0 : 0.0;
            return DecimalParse::Ok;
        }
        *value = begin[0] == '-' ? -HUGE_VAL : HUGE_VAL;
        return DecimalParse::Overflow;
    }
    if (r.ec != std::errc() || r.ptr != end)
        return DecimalParse::Invalid;
    *value = result;
    return std::isinf(result) ? DecimalParse::Overflow : DecimalParse::Ok;
}

// writeFloat() for the common case, several times faster than libstdc++'s to_chars (whose Ryu
// removes a short number's trailing digits one division at a time): values that
// ShortestDecimal::fastDigits() takes and that to_chars writes in fixed notation. Returns false
// for any other value, leaving it to to_chars. The notation follows the standard: the shorter
// of %f and %e, %f on a tie. tst_pointbatch compares this with std::to_chars on millions of
// values.
bool writeShortFixed(char *&p, double value)
{
    quint64 n = 0;
    int exponent = 0; // value = ±n * 10^exponent
    if (!ShortestDecimal::fastDigits(value, &n, &exponent))
        return false;
    char digits[32] = {};
    const int length = int(std::to_chars(digits, digits + 20, n).ptr - digits); // <= 15
    const int scientificExponent = exponent + length - 1;
    const int scientificLength =
            length + (length > 1 ? 1 : 0) + 2 + (std::abs(scientificExponent) >= 100 ? 3 : 2);
    const int fixedLength = exponent >= 0 ? length + exponent
            : length > -exponent          ? length + 1
                                          : 2 - exponent;
    if (fixedLength > scientificLength)
        return false;
    // Being at most as long as %e bounds the zeros: at most 5 after the digits ("1e+05" is
    // shorter than "100000"), at most 3 after "0." ("0.0001" is longer than "1e-04"). All
    // copies have fixed sizes (no call to memcpy), within FloatBound bytes at p.
    char text[48] = {};
    char *o = text;
    if (value < 0)
        *o++ = '-';
    if (exponent >= 0) {
        std::memcpy(o, digits, 16);
        std::memset(o + length, '0', 8);
        o += length + exponent;
    } else if (length > -exponent) {
        const int integerDigits = length + exponent;
        std::memcpy(o, digits, 16);
        o[integerDigits] = '.';
        std::memcpy(o + integerDigits + 1, digits + integerDigits, 16);
        o += length + 1;
    } else {
        std::memcpy(o, "0.000000", 8);
        o += 2 - exponent - length;
        std::memcpy(o, digits, 16);
        o += length;
    }
    std::memcpy(p, text, FloatBound);
    p += o - text;
    return true;
}

// The most bytes writeFieldValue() writes for value.
qsizetype fieldValueBound(const FieldValue &value)
{
    switch (value.type()) {
    case FieldValue::Type::Float:
        return FloatBound;
    case FieldValue::Type::Integer:
        return IntegerBound + 1;
    case FieldValue::Type::Boolean:
        return 5;
    case FieldValue::Type::String:
        return 2 + escapedBound(value.stringView());
    case FieldValue::Type::Decimal:
        return value.stringView().size();
    }
    return 0;
}

void writeBytes(char *&p, QByteArrayView bytes)
{
    std::memcpy(p, bytes.data(), size_t(bytes.size()));
    p += bytes.size();
}

// Writes the value of a field (room for fieldValueBound()); checks it first.
Error writeFieldValue(char *&p, QStringView key, const FieldValue &value)
{
    switch (value.type()) {
    case FieldValue::Type::Float: {
        const double d = value.toDouble();
        if (!std::isfinite(d)) {
            return invalid(u"field \"%1\" is %2, which InfluxDB cannot store"_s.arg(
                    key, std::isnan(d) ? u"NaN"_s : u"infinite"_s));
        }
        writeFloat(p, d);
        return {};
    }
    case FieldValue::Type::Integer:
        writeInteger(p, value.toInteger());
        *p++ = 'i';
        return {};
    case FieldValue::Type::Boolean:
        writeBytes(p, value.toBool() ? QByteArrayView("true") : QByteArrayView("false"));
        return {};
    case FieldValue::Type::String: {
        *p++ = '"';
        const unsigned problems = writeEscaped(p, value.stringView(), Part::StringValue);
        if (problems & StringProblems)
            return problemError(problems, Part::StringValue, key);
        *p++ = '"';
        return {};
    }
    case FieldValue::Type::Decimal: {
        const QStringView text = value.stringView();
        double parsed;
        switch (parseDecimal(text, &parsed)) {
        case DecimalParse::Invalid:
            return invalid(u"field \"%1\" is not a valid decimal number: \"%2\""_s.arg(key, text));
        case DecimalParse::Overflow:
            return invalid(u"field \"%1\" is too large for a float: \"%2\""_s.arg(key, text));
        case DecimalParse::Ok:
            break;
        }
        for (const QChar c : text) // checked to be ASCII
            *p++ = char(c.unicode());
        return {};
    }
    }
    return {};
}

// The most bytes writePoint() writes for point (0 when it has no fields).
qsizetype pointBound(const Tags &tags, const Fields &fields, QStringView measurement)
{
    qsizetype bound = escapedBound(measurement) + 1 + IntegerBound; // " time"
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        bound += 2 + escapedBound(it.key()) + escapedBound(it.value()); // ",k=v"
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        bound += 2 + escapedBound(it.key()) + fieldValueBound(it.value()); // " k=v" / ",k=v"
    return bound;
}

// Writes the point at p, which has room for pointBound() bytes. One sizing of the buffer per
// point, then plain pointer writes: no capacity check per character.
Error writePoint(char *&p, const DataPoint &point, const Tags &tags, const Fields &fields,
                 const QString &measurement, Precision precision)
{
    if (fields.isEmpty())
        return invalid(u"at least one field is required"_s); // the reference's exact text
    if (measurement.isEmpty())
        return invalid(u"the measurement name is empty"_s);
    if (measurement.front() == u'#') {
        return invalid(u"measurement \"%1\" starts with '#', which makes InfluxDB skip the line "
                       "as a comment"_s.arg(measurement));
    }
    if (const unsigned problems = writeEscaped(p, measurement, Part::Measurement) & NameProblems)
        return problemError(problems, Part::Measurement, measurement);

    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        const QString &key = it.key();
        if (key.isEmpty())
            return invalid(u"a tag key of measurement \"%1\" is empty"_s.arg(measurement));
        if (key == TimeKey)
            return invalid(u"tag key \"time\" is not allowed: InfluxDB drops such points"_s);
        if (it.value().isEmpty()) {
            return invalid(u"tag \"%1\" has an empty value, which InfluxDB cannot store; leave "
                           "the tag out instead"_s.arg(key));
        }
        *p++ = ',';
        if (const unsigned problems = writeEscaped(p, key, Part::TagKey) & TagProblems)
            return problemError(problems, Part::TagKey, key);
        *p++ = '=';
        if (const unsigned problems = writeEscaped(p, it.value(), Part::TagValue) & TagProblems)
            return problemError(problems, Part::TagValue, key);
    }

    char separator = ' ';
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QString &key = it.key();
        if (key.isEmpty())
            return invalid(u"a field key of measurement \"%1\" is empty"_s.arg(measurement));
        if (key == TimeKey)
            return invalid(u"field key \"time\" is not allowed: InfluxDB drops such points"_s);
        *p++ = separator;
        separator = ',';
        if (const unsigned problems = writeEscaped(p, key, Part::FieldKey) & NameProblems)
            return problemError(problems, Part::FieldKey, key);
        *p++ = '=';
        if (Error error = writeFieldValue(p, key, it.value()))
            return error;
    }

    const PointTime time = point.time();
    if (time.isOutOfRange()) {
        return invalid(u"the time of the point is outside the range InfluxDB can store "
                       "(1677-09-21T00:12:43.145224194Z to 2262-04-11T23:47:16.854775806Z)"_s);
    }
    if (const std::optional<qint64> value = time.valueIn(precision)) {
        if (!writableTimes(precision).contains(*value)) {
            return invalid(u"time %1 (precision \"%2\") is outside the range InfluxDB can store "
                           "(1677-09-21T00:12:43.145224194Z to 2262-04-11T23:47:16.854775806Z)"_s
                                   .arg(*value)
                                   .arg(precisionName(precision)));
        }
        *p++ = ' ';
        writeInteger(p, *value);
    }
    return {};
}

// Appends the point to out; on a problem returns it and leaves out as it was.
Error encode(QByteArray &out, const DataPoint &point, Precision precision)
{
    const Tags tags = point.tags();
    const Fields fields = point.fields();
    const QString measurement = point.measurement();
    const qsizetype start = out.size();
    out.resize(start + pointBound(tags, fields, measurement));
    char *p = out.data() + start;
    Error error = writePoint(p, point, tags, fields, measurement, precision);
    out.resize(error ? start : p - out.data());
    return error;
}

} // namespace

namespace Detail {

// The conditions of writePoint() and writeFieldValue(), part by part, as one predicate for the
// bulk encoder, which encodes a row that fails it again through appendPoint() (for the
// message). Stricter than writePoint() would only cost speed; laxer would write what
// appendPoint() rejects: tst_pointbatch compares both paths on each rule and on random batches.
bool writeChecked(char *&p, QStringView text, Part part)
{
    const unsigned problems = writeEscaped(p, text, part);
    switch (part) {
    case Part::Measurement:
        return !text.isEmpty() && text.front() != u'#' && !(problems & NameProblems);
    case Part::TagKey:
        return !text.isEmpty() && text != TimeKey && !(problems & TagProblems);
    case Part::TagValue:
        return !text.isEmpty() && !(problems & TagProblems);
    case Part::FieldKey:
        return !text.isEmpty() && text != TimeKey && !(problems & NameProblems);
    case Part::StringValue:
        break;
    }
    return !(problems & StringProblems);
}

void writeFloat(char *&p, double value)
{
    if (!writeShortFixed(p, value))
        p = std::to_chars(p, p + FloatBound, value).ptr;
}

void adviseHugePages(char *data, qsizetype size)
{
#if defined(Q_OS_LINUX) && defined(MADV_HUGEPAGE)
    // 1M points of the issue-5 workload (about 110 MB) encode at 1.7-2.1 M points/s in 4 KiB
    // pages on the 2-core VM of issue 5, at 8-9 M/s in 2 MiB pages. Only whole huge pages
    // inside the buffer are advised; with transparent huge pages off this does nothing.
    constexpr quintptr HugePage = 2 * 1024 * 1024;
    if (size < qsizetype(4 * HugePage))
        return;
    const auto begin = (quintptr(data) + HugePage - 1) & ~(HugePage - 1);
    const auto end = (quintptr(data) + quintptr(size)) & ~(HugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data)
    Q_UNUSED(size)
#endif
}

TimeRange writableTimes(Precision precision)
{
    // Integer division truncates toward zero: up for the negative minimum, down for the maximum.
    const qint64 unit = nanosecondsPerUnit(precision);
    return TimeRange {MinNanoTime / unit, MaxNanoTime / unit};
}

} // namespace Detail

QByteArray escapeMeasurement(QStringView name)
{
    return escaped(name, Part::Measurement);
}

QByteArray escapeTagKey(QStringView key)
{
    return escaped(key, Part::TagKey);
}

QByteArray escapeTagValue(QStringView value)
{
    return escaped(value, Part::TagValue);
}

QByteArray escapeFieldKey(QStringView key)
{
    return escaped(key, Part::FieldKey);
}

QByteArray quoteFieldString(QStringView text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out.append('"');
    appendEscaped(out, text, Part::StringValue);
    out.append('"');
    return out;
}

QByteArray formatFloat(double value)
{
    char buffer[FloatBound];
    char *end = buffer;
    writeFloat(end, value);
    return QByteArray(buffer, end - buffer);
}

QByteArray formatField(const FieldValue &value)
{
    switch (value.type()) {
    case FieldValue::Type::Float:
        return formatFloat(value.toDouble());
    case FieldValue::Type::Integer: {
        char buffer[IntegerBound + 1];
        char *end = buffer;
        writeInteger(end, value.toInteger());
        *end++ = 'i';
        return QByteArray(buffer, end - buffer);
    }
    case FieldValue::Type::Boolean:
        return value.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
    case FieldValue::Type::String:
        return quoteFieldString(value.toString());
    case FieldValue::Type::Decimal:
        break;
    }
    return value.toString().toLatin1();
}

bool isValidDecimal(QStringView text)
{
    double value;
    return parseDecimal(text, &value) == DecimalParse::Ok;
}

std::optional<double> decimalToDouble(QStringView text)
{
    double value;
    return parseDecimal(text, &value) == DecimalParse::Invalid ? std::nullopt
                                                               : std::optional(value);
}

Error validate(const DataPoint &point, Precision precision)
{
    QByteArray scratch;
    return encode(scratch, point, precision);
}

Error appendPoint(QByteArray &out, const DataPoint &point, Precision precision)
{
    return encode(out, point, precision); // leaves out as it was on a problem
}

QByteArray encodePoints(const QList<DataPoint> &points, Precision precision, Error *error,
                        qsizetype *failedIndex)
{
    if (failedIndex)
        *failedIndex = -1;
    if (error)
        *error = Error();
    QByteArray out;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (i > 0)
            out.append('\n');
        if (Error e = appendPoint(out, points.at(i), precision)) {
            if (points.size() > 1)
                e.setDetail(u"point %1 of %2"_s.arg(i + 1).arg(points.size()));
            if (error)
                *error = e;
            if (failedIndex)
                *failedIndex = i;
            return QByteArray();
        }
        // Points of one batch are usually alike: size the buffer from the first one.
        if (i == 0 && points.size() > 1) {
            out.reserve((out.size() + 1) * points.size() + points.size() / 8);
            adviseHugePages(out.data(), out.capacity());
        }
    }
    return out;
}

} // namespace Influx::LineProtocol
