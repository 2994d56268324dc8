// SPDX-License-Identifier: MIT
// Fuzzes the line-protocol encoder: DataPoint → LineProtocol::encodePoints, and the same point
// as a PointBatch → LineProtocol::encodeBatch.
//
// The input is turned into one point (FuzzedDataProvider): measurement, tags, fields of every
// type (floats from raw bits: NaN, infinities, subnormals, -0; decimals from a numeric
// alphabet), a time (none, Timestamp, raw integer, QDateTime) and a write precision. Names and
// texts mix ordinary characters with the awkward ones: space , = " \ # tab NUL \n \r, é, a
// surrogate pair, lone surrogates, and the word "time".
//
// Oracles:
// - Rejection is justified: an independent model of the rules (here, not the library's code)
//   lists the problems the point has; the encoder must reject exactly the points that have
//   one, with a message naming one of them.
// - Round trip: an accepted line must parse with the strict parser (strictlineparser.h) to the
//   same point: measurement, tags in the encoder's (sorted) order, fields with their types,
//   floats bit for bit (decimals as the double their text stands for), the time in the
//   precision.
// - The bulk path: encodeBatch() of the point as a one-row PointBatch must give the same bytes
//   (or the same error), and two copies must encode as two lines joined by '\n'.

#include "lineprotocol.h"
#include "pointbatch.h"
#include "strictlineparser.h"

#include <QtCore/QDateTime>
#include <QtCore/QRegularExpression>

#include <fuzzer/FuzzedDataProvider.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

using namespace Influx;
using namespace Qt::StringLiterals;

namespace {

#define FUZZ_CHECK(condition, context)                                                             \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "fuzz_encoder: check failed: %s (line %d)\n%s\n", #condition,     \
                         __LINE__, qPrintable(context));                                           \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

QString text(FuzzedDataProvider &input)
{
    static constexpr char16_t specials[] = {u' ',  u',',  u'=', u'"', u'\\', u'#', u'\t', u'\0',
                                            u'\n', u'\r', u'é', u'a', u'z',  u'_', u'-',  u'.'};
    QString result;
    const int length = input.ConsumeIntegralInRange(0, 10);
    for (int i = 0; i < length; ++i) {
        const quint8 b = input.ConsumeIntegral<quint8>();
        if (b < std::size(specials))
            result += QChar(specials[b]);
        else if (b == 16)
            result += u"😀"_s; // a surrogate pair
        else if (b == 17)
            result += QChar(char16_t(0xd83d)); // lone high surrogate
        else if (b == 18)
            result += QChar(char16_t(0xde00)); // lone low surrogate
        else if (b == 19)
            result += u"time"_s;
        else if (b < 0x80)
            result += QChar(char16_t(b));
        else if (b < 0xf0)
            result += QChar(char16_t(b)); // Latin-1 supplement
        else
            result += QChar(input.ConsumeIntegral<char16_t>());
    }
    return result;
}

QString decimalText(FuzzedDataProvider &input)
{
    static constexpr char16_t alphabet[] = u"0123456789.-+eE1i n";
    QString result;
    const int length = input.ConsumeIntegralInRange(0, 12);
    for (int i = 0; i < length; ++i)
        result += QChar(alphabet[input.ConsumeIntegralInRange<size_t>(0, std::size(alphabet) - 2)]);
    return result;
}

enum class TimeKind { None, Timestamp, Raw, DateTime };

struct Generated
{
    DataPoint point;
    Precision precision = Precision::Nanoseconds;
    TimeKind timeKind = TimeKind::None;
    qint64 timeValue = 0; // nanoseconds, raw value or msecs
};

Generated generate(FuzzedDataProvider &input)
{
    Generated g;
    g.precision = Precision(input.ConsumeIntegralInRange(0, 5));
    g.point.setMeasurement(text(input));
    const int tags = input.ConsumeIntegralInRange(0, 3);
    for (int i = 0; i < tags; ++i) {
        const QString key = text(input);
        g.point.setTag(key, text(input));
    }
    const int fields = input.ConsumeIntegralInRange(0, 4);
    for (int i = 0; i < fields; ++i) {
        const QString key = text(input);
        switch (input.ConsumeIntegralInRange(0, 4)) {
        case 0:
            g.point.setField(key, std::bit_cast<double>(input.ConsumeIntegral<quint64>()));
            break;
        case 1:
            g.point.setField(key, input.ConsumeIntegral<qint64>());
            break;
        case 2:
            g.point.setField(key, input.ConsumeBool());
            break;
        case 3:
            g.point.setField(key, text(input));
            break;
        default:
            g.point.setField(key, FieldValue::decimal(decimalText(input)));
            break;
        }
    }
    g.timeKind = TimeKind(input.ConsumeIntegralInRange(0, 3));
    g.timeValue = input.ConsumeIntegral<qint64>();
    switch (g.timeKind) {
    case TimeKind::None:
        break;
    case TimeKind::Timestamp:
        g.point.setTime(Timestamp::fromNanoseconds(g.timeValue));
        break;
    case TimeKind::Raw:
        g.point.setTime(PointTime::raw(g.timeValue));
        break;
    case TimeKind::DateTime:
        // QDateTime's own range is about ±292 million years.
        g.timeValue %= 9'000'000'000'000'000;
        g.point.setTime(QDateTime::fromMSecsSinceEpoch(g.timeValue, Qt::UTC));
        break;
    }
    return g;
}

// --- The independent model of what InfluxDB 1.6.7 cannot store (lineprotocol.cpp evidence).

enum class Part { Name, Tag, String };

// Substrings of the messages the encoder gives for the problems of text as that part.
void textProblems(QStringView text, Part part, QStringList *problems)
{
    if (text.contains(u'\n') || text.contains(u'\r'))
        *problems << u"contains a line break"_s;
    if (!text.isValidUtf16())
        *problems << u"unpaired UTF-16 surrogate"_s;
    if (part == Part::String)
        return;
    if (text.endsWith(u'\\'))
        *problems << u"ends with a backslash"_s;
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != u'\\')
            continue;
        const QChar next = text[i + 1];
        if (part == Part::Tag && next == u' ')
            *problems << u"has a backslash before a space, which InfluxDB misreads"_s;
        if (part == Part::Name && QStringView(u" ,=\"").contains(next))
            *problems << u"has a backslash before a space, comma, equals sign or double quote"_s;
    }
    if (part == Part::Name && (text.startsWith(u'\t') || text.startsWith(QChar(u'\0'))))
        *problems << u"starts with a tab or NUL character"_s;
}

std::optional<double> parseDecimal(const QString &text, bool *overflow)
{
    static const QRegularExpression grammar(
            u"^-?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$"_s);
    *overflow = false;
    if (!grammar.match(text).hasMatch())
        return std::nullopt;
    const double value = std::strtod(text.toLatin1().constData(), nullptr);
    *overflow = std::isinf(value);
    return value;
}

qint64 unit(Precision precision)
{
    static constexpr qint64 units[] = {
            1, 1'000, 1'000'000, 1'000'000'000, 60'000'000'000, 3'600'000'000'000};
    return units[int(precision)];
}

// The time written (nullopt: none), or *outOfRange.
std::optional<qint64> expectedTime(const Generated &g, bool *outOfRange)
{
    *outOfRange = false;
    const qint64 u = unit(g.precision);
    const qint64 first = (std::numeric_limits<qint64>::min() + 2) / u;
    const qint64 last = (std::numeric_limits<qint64>::max() - 1) / u;
    qint64 value = 0;
    switch (g.timeKind) {
    case TimeKind::None:
        return std::nullopt;
    case TimeKind::Timestamp:
        value = g.timeValue / u;
        break;
    case TimeKind::Raw:
        value = g.timeValue;
        break;
    case TimeKind::DateTime: {
        qint64 ns = 0;
        if (qMulOverflow(g.timeValue, qint64(1'000'000), &ns)) {
            *outOfRange = true;
            return std::nullopt;
        }
        value = ns / u;
        break;
    }
    }
    *outOfRange = value < first || value > last;
    return value;
}

QStringList expectedProblems(const Generated &g)
{
    QStringList problems;
    const DataPoint &p = g.point;
    if (p.fields().isEmpty())
        problems << u"at least one field is required"_s;
    if (p.measurement().isEmpty())
        problems << u"the measurement name is empty"_s;
    if (p.measurement().startsWith(u'#'))
        problems << u"starts with '#'"_s;
    textProblems(p.measurement(), Part::Name, &problems);
    const Tags tags = p.tags();
    for (auto it = tags.cbegin(); it != tags.cend(); ++it) {
        if (it.key().isEmpty())
            problems << u"a tag key of measurement"_s;
        if (it.key() == u"time")
            problems << u"tag key \"time\" is not allowed"_s;
        if (it.value().isEmpty())
            problems << u"has an empty value"_s;
        textProblems(it.key(), Part::Tag, &problems);
        textProblems(it.value(), Part::Tag, &problems);
    }
    const Fields fields = p.fields();
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (it.key().isEmpty())
            problems << u"a field key of measurement"_s;
        if (it.key() == u"time")
            problems << u"field key \"time\" is not allowed"_s;
        textProblems(it.key(), Part::Name, &problems);
        const FieldValue &value = it.value();
        if (value.type() == FieldValue::Type::Float && std::isnan(value.toDouble()))
            problems << u"is NaN"_s;
        if (value.type() == FieldValue::Type::Float && std::isinf(value.toDouble()))
            problems << u"is infinite"_s;
        if (value.type() == FieldValue::Type::String)
            textProblems(value.stringView(), Part::String, &problems);
        if (value.type() == FieldValue::Type::Decimal) {
            bool overflow = false;
            if (!parseDecimal(value.toString(), &overflow))
                problems << u"is not a valid decimal number"_s;
            else if (overflow)
                problems << u"is too large for a float"_s;
        }
    }
    bool outOfRange = false;
    expectedTime(g, &outOfRange);
    if (outOfRange)
        problems << u"outside the range InfluxDB can store"_s;
    return problems;
}

bool sameBits(double a, double b)
{
    return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b);
}

// context: a callable giving the text of a failure report (built only on failure).
template<typename Context>
void checkRoundTrip(const Generated &g, const QByteArray &line, const Context &context)
{
    QString error;
    const std::optional<StrictLineProtocol::Point> parsed = StrictLineProtocol::parse(line, &error);
    FUZZ_CHECK(parsed, context() + u"\nstrict parser: "_s + error);
    FUZZ_CHECK(parsed->measurement == g.point.measurement(), context());
    const Tags tags = g.point.tags();
    FUZZ_CHECK(parsed->tags.size() == tags.size(), context());
    qsizetype i = 0;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it, ++i) {
        FUZZ_CHECK(parsed->tags[i].first == it.key(), context());
        FUZZ_CHECK(parsed->tags[i].second == it.value(), context());
    }
    const Fields fields = g.point.fields();
    FUZZ_CHECK(parsed->fields.size() == fields.size(), context());
    i = 0;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it, ++i) {
        FUZZ_CHECK(parsed->fields[i].first == it.key(), context());
        const FieldValue &got = parsed->fields[i].second;
        const FieldValue &want = it.value();
        switch (want.type()) {
        case FieldValue::Type::Float:
            FUZZ_CHECK(got.type() == FieldValue::Type::Float, context());
            FUZZ_CHECK(sameBits(got.toDouble(), want.toDouble()), context());
            break;
        case FieldValue::Type::Decimal: {
            bool overflow = false;
            FUZZ_CHECK(got.type() == FieldValue::Type::Float, context());
            FUZZ_CHECK(sameBits(got.toDouble(), *parseDecimal(want.toString(), &overflow)),
                       context());
            break;
        }
        default:
            FUZZ_CHECK(got == want, context());
            break;
        }
    }
    bool outOfRange = false;
    FUZZ_CHECK(parsed->time == expectedTime(g, &outOfRange), context());
}

// The point as a one-row batch, or nullopt when a batch cannot hold it (decimals, a QDateTime
// time out of Timestamp's range).
std::optional<PointBatch> asBatch(const Generated &g)
{
    PointBatch batch(g.point.measurement());
    const qsizetype row = batch.appendRow();
    const Tags tags = g.point.tags();
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        FUZZ_CHECK(batch.setTag(row, batch.addTagColumn(it.key()), it.value()), QString());
    const Fields fields = g.point.fields();
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (it.value().type() == FieldValue::Type::Decimal)
            return std::nullopt;
        const int column = batch.addFieldColumn(it.key(), it.value().type());
        FUZZ_CHECK(batch.setField(row, column, it.value()), QString());
    }
    const PointTime time = g.point.time();
    if (time.isOutOfRange())
        return std::nullopt;
    if (time.isRaw())
        batch.setRawTime(row, *time.valueIn(Precision::Nanoseconds));
    else if (const auto timestamp = time.timestamp())
        batch.setTime(row, *timestamp);
    // (Not compared with ==: a NaN field differs from itself; the encodings are compared.)
    return batch;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FuzzedDataProvider input(data, size);
    const Generated g = generate(input);

    Error error;
    const QByteArray line = LineProtocol::encodePoints({g.point}, g.precision, &error);
    const auto context = [&] {
        return QString(u"line: %1\nerror: %2"_s.arg(
                QString::fromUtf8(line.toPercentEncoding(" ,=\"\\#")), error.toString()));
    };
    const QStringList problems = expectedProblems(g);
    if (problems.isEmpty()) {
        FUZZ_CHECK(!error, context());
        checkRoundTrip(g, line, context);
    } else {
        FUZZ_CHECK(error.kind() == Error::Kind::InvalidArgument, context());
        FUZZ_CHECK(line.isEmpty(), context());
        bool named = false;
        for (const QString &problem : problems)
            named = named || error.message().contains(problem);
        FUZZ_CHECK(named, context() + u"\nexpected one of: "_s + problems.join(u" | "_s));
    }

    Error twiceError;
    const QByteArray twice =
            LineProtocol::encodePoints({g.point, g.point}, g.precision, &twiceError);
    FUZZ_CHECK(twice == (error ? QByteArray() : line + '\n' + line), context());
    FUZZ_CHECK(twiceError.message() == error.message(), context());

    if (const std::optional<PointBatch> batch = asBatch(g)) {
        Error batchError;
        qsizetype failedRow = -2;
        const QByteArray bulk =
                LineProtocol::encodeBatch(*batch, g.precision, &batchError, &failedRow);
        FUZZ_CHECK(bulk == line, context() + u"\nbatch: "_s + QString::fromUtf8(bulk));
        FUZZ_CHECK(batchError == error, context() + u"\nbatch error: "_s + batchError.toString());
        FUZZ_CHECK(failedRow == (error ? 0 : -1), context());
    }
    return 0;
}
