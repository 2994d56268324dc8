// SPDX-License-Identifier: MIT
#include "lineprotocolchecker.h"

#include <lineprotocol.h>

#include <variant>

using namespace Qt::StringLiterals;
using Influx::DataPoint;
using Influx::FieldValue;

// The syntax below follows InfluxDB 1.6.7's models/points.go, checked against the real server
// (tests/tst_writepanel.cpp sends every "good" line of its table to the fixture):
// - measurement: up to the first unescaped ',' or ' '; "\," and "\ " are escapes.
// - tags: ",key=value" pairs; in keys and values "\,", "\ " and "\=" are escapes; an
//   unescaped '=' in a value is "invalid tag format"; duplicate keys are "duplicate tags".
// - one or more spaces, then fields "key=value" separated by ','; field keys escape like tags.
// - values: "string" (\" and \\ are escapes), 5i / -5i (int64), true/false in the spellings
//   t T true True TRUE f F false False FALSE, otherwise a float -?(d+[.d*]|.d+)([eE][+-]?d+)?.
// - optionally spaces and a signed integer timestamp, then only spaces.
// A tab is not a separator (the server reads "m\tv=1" as a measurement without fields);
// leading spaces and tabs are skipped like the server does.

namespace Explorer {

namespace {

struct Failure
{
    qsizetype at; // 0-based
    QString message;
};

bool isLeadingBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// The index of the first unescaped character of stops at or after i (or the line's end). A
// backslash takes the next character with it, as the server's scanner does.
qsizetype scanUntil(QStringView s, qsizetype i, QStringView stops)
{
    while (i < s.size()) {
        const QChar c = s[i];
        if (c == u'\\') {
            i = std::min(i + 2, s.size());
            continue;
        }
        if (stops.contains(c))
            return i;
        ++i;
    }
    return i;
}

// Removes the backslash of each escape in escapable (the others stay, as on the server).
QString unescape(QStringView s, QStringView escapable)
{
    if (!s.contains(u'\\'))
        return s.toString();
    QString out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i] == u'\\' && i + 1 < s.size() && escapable.contains(s[i + 1]))
            ++i;
        out.append(s[i]);
    }
    return out;
}

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

bool isSignedInteger(QStringView s)
{
    return isDigits(s.startsWith(u'-') ? s.sliced(1) : s);
}

std::optional<bool> parseBoolean(QStringView s)
{
    static const QStringList truths {u"t"_s, u"T"_s, u"true"_s, u"True"_s, u"TRUE"_s};
    static const QStringList lies {u"f"_s, u"F"_s, u"false"_s, u"False"_s, u"FALSE"_s};
    if (truths.contains(s))
        return true;
    if (lies.contains(s))
        return false;
    return std::nullopt;
}

// A field value that is not a string.
std::variant<FieldValue, QString> parseValue(QStringView raw)
{
    if (const std::optional<bool> b = parseBoolean(raw))
        return FieldValue(*b);
    const QChar last = raw.back();
    if (last == u'i' && raw.size() > 1 && isSignedInteger(raw.chopped(1))) {
        bool ok = false;
        const qint64 value = raw.chopped(1).toLongLong(&ok);
        if (!ok)
            return LineProtocolChecker::tr("integer %1 is out of range").arg(raw);
        return FieldValue(value);
    }
    if (last == u'u' && raw.size() > 1 && isDigits(raw.chopped(1)))
        return LineProtocolChecker::tr("unsigned integers (%1) are not supported by InfluxDB 1.x")
                .arg(raw);
    const QChar first = raw.front();
    if (first.isDigit() || first == u'-' || first == u'.' || first == u'+') {
        if (Influx::LineProtocol::isValidDecimal(raw))
            return FieldValue::decimal(raw.toString());
        if (Influx::LineProtocol::decimalToDouble(raw))
            return LineProtocolChecker::tr("number %1 is too large for a float").arg(raw);
        return LineProtocolChecker::tr("invalid number %1").arg(raw);
    }
    return LineProtocolChecker::tr("invalid field value %1 (strings need double quotes; "
                                   "booleans are true or false)")
            .arg(raw);
}

// Where each element of the line starts, to place the library's validation errors.
struct Columns
{
    qsizetype measurement = 0;
    QList<std::pair<qsizetype, qsizetype>> tags; // key, value (in Tags' sorted order)
    QList<std::pair<qsizetype, qsizetype>> fields;
    qsizetype time = -1;
};

// The library's verdict on the point, placed at the element it concerns.
std::optional<Failure> validate(const DataPoint &point, const Columns &columns,
                                Influx::Precision precision)
{
    const Influx::Error error = Influx::LineProtocol::validate(point, precision);
    if (!error)
        return std::nullopt;
    const auto fails = [precision](const DataPoint &p) {
        return Influx::LineProtocol::validate(p, precision).isError();
    };
    const QString dummy = u"f"_s;
    const FieldValue one(1.0);
    if (fails(DataPoint(point.measurement(), {}, {{dummy, one}})))
        return Failure {columns.measurement, error.message()};
    const Influx::Tags tags = point.tags();
    qsizetype index = 0;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it, ++index) {
        if (fails(DataPoint(u"m"_s, {{it.key(), u"v"_s}}, {{dummy, one}})))
            return Failure {columns.tags[index].first, error.message()};
        if (fails(DataPoint(u"m"_s, {{it.key(), it.value()}}, {{dummy, one}})))
            return Failure {columns.tags[index].second, error.message()};
    }
    const Influx::Fields fields = point.fields();
    index = 0;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it, ++index) {
        if (fails(DataPoint(u"m"_s, {}, {{it.key(), one}})))
            return Failure {columns.fields[index].first, error.message()};
        if (fails(DataPoint(u"m"_s, {}, {{it.key(), it.value()}})))
            return Failure {columns.fields[index].second, error.message()};
    }
    return Failure {std::max<qsizetype>(columns.time, 0), error.message()};
}

std::variant<DataPoint, Failure> parse(QStringView s, Influx::Precision precision)
{
    const qsizetype n = s.size();
    qsizetype i = 0;
    while (i < n && isLeadingBlank(s[i]))
        ++i;
    Columns columns;
    columns.measurement = i;
    i = scanUntil(s, i, u", ");
    if (i == columns.measurement)
        return Failure {i, LineProtocolChecker::tr("missing measurement")};
    DataPoint point;
    point.setMeasurement(unescape(s.sliced(columns.measurement, i - columns.measurement), u", "));
    if (i == n)
        return Failure {i, LineProtocolChecker::tr("missing fields")};

    Influx::Tags tags;
    QMap<QString, std::pair<qsizetype, qsizetype>> tagColumns;
    while (i < n && s[i] == u',') {
        const qsizetype keyStart = ++i;
        i = scanUntil(s, i, u"=, ");
        if (i == keyStart)
            return Failure {keyStart, LineProtocolChecker::tr("missing tag key")};
        if (i == n || s[i] != u'=')
            return Failure {i, LineProtocolChecker::tr("missing tag value")};
        const QString key = unescape(s.sliced(keyStart, i - keyStart), u", =");
        const qsizetype valueStart = ++i;
        i = scanUntil(s, i, u"=, ");
        if (i < n && s[i] == u'=')
            return Failure {i,
                            LineProtocolChecker::tr(
                                    "invalid tag format: '=' in a tag value must be escaped")};
        if (i == valueStart)
            return Failure {valueStart, LineProtocolChecker::tr("missing tag value")};
        if (tags.contains(key))
            return Failure {keyStart, LineProtocolChecker::tr("duplicate tag key \"%1\"").arg(key)};
        tags.insert(key, unescape(s.sliced(valueStart, i - valueStart), u", ="));
        tagColumns.insert(key, {keyStart, valueStart});
        if (i == n)
            return Failure {i, LineProtocolChecker::tr("missing fields")};
    }
    point.setTags(tags);
    columns.tags = tagColumns.values();

    while (i < n && s[i] == u' ')
        ++i;
    if (i == n)
        return Failure {i, LineProtocolChecker::tr("missing fields")};

    Influx::Fields fields;
    QMap<QString, std::pair<qsizetype, qsizetype>> fieldColumns;
    for (;;) {
        const qsizetype keyStart = i;
        i = scanUntil(s, i, u"=, ");
        if (i == n || s[i] != u'=') {
            return Failure {
                    i,
                    i == keyStart ? LineProtocolChecker::tr("missing field after ','")
                                  : LineProtocolChecker::tr("invalid field format: '=' and a value "
                                                            "expected after field key")};
        }
        if (i == keyStart)
            return Failure {keyStart, LineProtocolChecker::tr("missing field key")};
        const QString key = unescape(s.sliced(keyStart, i - keyStart), u", =");
        const qsizetype valueStart = ++i;
        if (i == n || s[i] == u' ' || s[i] == u',')
            return Failure {valueStart, LineProtocolChecker::tr("missing field value")};
        FieldValue value;
        if (s[i] == u'"') {
            ++i;
            while (i < n && s[i] != u'"')
                i += s[i] == u'\\' ? 2 : 1;
            if (i >= n)
                return Failure {
                        valueStart,
                        LineProtocolChecker::tr("unbalanced quotes: the string has no end")};
            value = FieldValue(unescape(s.sliced(valueStart + 1, i - valueStart - 1), u"\"\\"));
            ++i;
            if (i < n && s[i] != u' ' && s[i] != u',')
                return Failure {i,
                                LineProtocolChecker::tr("unexpected text after the closing quote")};
        } else {
            i = scanUntil(s, i, u", ");
            auto parsed = parseValue(s.sliced(valueStart, i - valueStart));
            if (const QString *message = std::get_if<QString>(&parsed))
                return Failure {valueStart, *message};
            value = std::get<FieldValue>(parsed);
        }
        if (fields.contains(key))
            return Failure {keyStart,
                            LineProtocolChecker::tr("duplicate field key \"%1\"").arg(key)};
        fields.insert(key, value);
        fieldColumns.insert(key, {keyStart, valueStart});
        if (i == n || s[i] == u' ')
            break;
        ++i; // ','
    }
    point.setFields(fields);
    columns.fields = fieldColumns.values();

    while (i < n && s[i] == u' ')
        ++i;
    if (i < n) {
        columns.time = i;
        const qsizetype end = scanUntil(s, i, u" ");
        const QStringView text = s.sliced(i, end - i);
        if (!isSignedInteger(text))
            return Failure {
                    i,
                    LineProtocolChecker::tr("bad timestamp %1: an integer is expected").arg(text)};
        bool ok = false;
        const qint64 time = text.toLongLong(&ok);
        if (!ok)
            return Failure {i, LineProtocolChecker::tr("timestamp %1 is out of range").arg(text)};
        point.setTime(Influx::PointTime::raw(time));
        i = end;
        while (i < n && s[i] == u' ')
            ++i;
        if (i < n)
            return Failure {i, LineProtocolChecker::tr("unexpected text after the timestamp")};
    }
    if (std::optional<Failure> failure = validate(point, columns, precision))
        return *failure;
    return point;
}

} // namespace

LineProtocolChecker::LineKind LineProtocolChecker::kindOf(QStringView line)
{
    for (const QChar c : line) {
        if (c == u'#')
            return LineKind::Comment;
        if (!isLeadingBlank(c) && c != u'\r')
            return LineKind::Data;
    }
    return LineKind::Blank;
}

QList<QStringView> LineProtocolChecker::splitLines(QStringView text)
{
    QList<QStringView> lines;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        QStringView line = text.sliced(start, end - start);
        if (line.endsWith(u'\r'))
            line.chop(1);
        lines.append(line);
        start = end + 1;
    }
    return lines;
}

LineProtocolChecker::LineResult LineProtocolChecker::parseLine(QStringView line) const
{
    if (line.endsWith(u'\r'))
        line.chop(1);
    LineResult result;
    const LineKind kind = kindOf(line);
    if (kind != LineKind::Data) {
        result.column = 1;
        result.message = kind == LineKind::Blank ? tr("the line is empty") : tr("comment");
        return result;
    }
    auto parsed = parse(line, m_precision);
    if (const Failure *failure = std::get_if<Failure>(&parsed)) {
        result.column = failure->at + 1;
        result.message = failure->message;
    } else {
        result.point = std::get<DataPoint>(std::move(parsed));
    }
    return result;
}

QList<LineProtocolChecker::Problem> LineProtocolChecker::check(QStringView text,
                                                               qsizetype maxProblems) const
{
    QList<Problem> problems;
    const QList<QStringView> lines = splitLines(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (kindOf(lines[i]) != LineKind::Data)
            continue;
        const LineResult result = parseLine(lines[i]);
        if (result.isValid())
            continue;
        problems.append(Problem {i + 1, result.column, result.message});
        if (maxProblems > 0 && problems.size() >= maxProblems)
            break;
    }
    return problems;
}

} // namespace Explorer
