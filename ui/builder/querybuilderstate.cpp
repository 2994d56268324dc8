// SPDX-License-Identifier: MIT
#include "builder/querybuilderstate.h"

#include "schema/schemastatements.h"

#include <QtCore/QVariant>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using Influx::Source;

namespace Explorer {

namespace {

constexpr qint64 NanosecondsPerSecond = 1'000'000'000;

// Integral values without a fraction ("95", not "95.0"): that is how people write a percentile
// or a fill value, and both are accepted by InfluxQL as integer or float.
QString numberLiteral(double value)
{
    if (std::isfinite(value) && value == std::trunc(value) && std::abs(value) < 1e15)
        return Influx::influxqlLiteral(QVariant(qint64(value)));
    return Influx::influxqlLiteral(QVariant(value));
}

bool isComplete(const QueryBuilderState::FieldSelection &selection)
{
    return !selection.field.isEmpty();
}

QString fieldExpression(const QueryBuilderState::FieldSelection &selection)
{
    // "*" is the wildcard, not a field called *.
    const bool wildcard = selection.field == u"*";
    const QString reference = wildcard ? u"*"_s : Source::quoteIdentifier(selection.field);
    QString text;
    switch (selection.function) {
    case QueryBuilderState::Function::Raw:
        text = reference;
        break;
    case QueryBuilderState::Function::Percentile:
        text = QueryBuilderState::functionName(selection.function) + u'(' + reference + u", "
                + numberLiteral(selection.percentile) + u')';
        break;
    default:
        text = QueryBuilderState::functionName(selection.function) + u'(' + reference + u')';
        break;
    }
    // A bare * expands to many columns: it cannot have one name.
    if (!selection.alias.isEmpty()
        && !(wildcard && selection.function == QueryBuilderState::Function::Raw))
        text += u" AS "_s + Source::quoteIdentifier(selection.alias);
    return text;
}

QString filterExpression(const QueryBuilderState::TagFilter &filter)
{
    const QString key = Source::quoteIdentifier(filter.key);
    switch (filter.op) {
    case QueryBuilderState::Operator::Equal:
        return key + u" = "_s + Influx::influxqlLiteral(QVariant(filter.value));
    case QueryBuilderState::Operator::NotEqual:
        return key + u" != "_s + Influx::influxqlLiteral(QVariant(filter.value));
    case QueryBuilderState::Operator::Matches:
        return key + u" =~ "_s + Source::regex(filter.value).toString();
    case QueryBuilderState::Operator::NotMatches:
        return key + u" !~ "_s + Source::regex(filter.value).toString();
    }
    return {};
}

QString fillOption(QueryBuilderState::Fill fill, double value)
{
    switch (fill) {
    case QueryBuilderState::Fill::Default:
        return {};
    case QueryBuilderState::Fill::None:
        return u"none"_s;
    case QueryBuilderState::Fill::Null:
        return u"null"_s;
    case QueryBuilderState::Fill::Previous:
        return u"previous"_s;
    case QueryBuilderState::Fill::Linear:
        return u"linear"_s;
    case QueryBuilderState::Fill::Number:
        return numberLiteral(value);
    }
    return {};
}

} // namespace

Influx::SelectQuery QueryBuilderState::toQuery(int chartWidthPx, Influx::Client *client) const
{
    QStringList select;
    for (const FieldSelection &selection : fields) {
        if (isComplete(selection))
            select.append(fieldExpression(selection));
    }
    if (select.isEmpty())
        select.append(u"*"_s);

    const Source source = measurementIsRegex
            ? Source::regex(measurement, database, retentionPolicy)
            : Source::qualified(database, retentionPolicy, measurement);
    Influx::SelectQuery query(client, select, {source});

    QStringList conditions;
    if (timeRange == TimeRange::Quick) {
        conditions.append(u"time > now() - "_s + durationText(quickRangeSeconds));
    } else if (timeRange == TimeRange::Absolute) {
        conditions.append(u"time >= "_s + Influx::influxqlLiteral(QVariant::fromValue(from)));
        conditions.append(u"time <= "_s + Influx::influxqlLiteral(QVariant::fromValue(to)));
    }
    for (const TagFilter &filter : filters) {
        if (!filter.key.isEmpty())
            conditions.append(filterExpression(filter));
    }
    if (!conditions.isEmpty())
        query = query.where(conditions);

    QStringList tags;
    for (const QString &tag : groupByTags) {
        if (!tag.isEmpty())
            tags.append(tag);
    }
    if (!tags.isEmpty())
        query = query.groupBy(tags);
    const QString timeInterval = effectiveInterval(chartWidthPx);
    if (!timeInterval.isEmpty())
        query = query.groupByTime(timeInterval);

    query = query.fill(fillOption(fill, fillValue)).orderBy(order);
    if (limit > 0)
        query = query.limit(limit);
    if (slimit > 0)
        query = query.slimit(slimit);
    return query.tz(timeZone);
}

QString QueryBuilderState::problem() const
{
    if (database.isEmpty())
        return tr("Choose a database.");
    if (measurement.isEmpty())
        return measurementIsRegex ? tr("Enter a measurement pattern.")
                                  : tr("Choose a measurement.");

    // The rules of InfluxQL's validSelectWithAggregate (influxql/ast.go).
    qsizetype fieldCount = 0;
    qsizetype functionCount = 0;
    bool onlySelectors = true;
    bool distinct = false;
    for (const FieldSelection &selection : fields) {
        if (!isComplete(selection))
            continue;
        ++fieldCount;
        if (selection.function == Function::Raw)
            continue;
        ++functionCount;
        onlySelectors = onlySelectors && isSelector(selection.function);
        distinct = distinct || selection.function == Function::Distinct;
        if (selection.function == Function::Percentile
            && !(selection.percentile >= 0 && selection.percentile <= 100))
            return tr("The percentile must be between 0 and 100.");
    }
    if (fieldCount == 0)
        fieldCount = 1; // SELECT *
    if (distinct && fieldCount > 1)
        return tr("distinct() cannot be combined with other fields or functions.");
    if (functionCount > 0 && functionCount < fieldCount && !(onlySelectors && functionCount == 1))
        return tr("Raw fields cannot be mixed with functions (only with a single max, min, first, "
                  "last or percentile).");

    if (groupByTime != GroupByTime::None && functionCount == 0)
        return tr("GROUP BY time needs a function on the fields.");
    if (groupByTime == GroupByTime::Explicit && !SchemaStatements::isValidDuration(interval))
        return tr("The GROUP BY time interval is not a duration (for example 10m or 1h30m).");
    if (groupByTime == GroupByTime::Auto && timeRange == TimeRange::All)
        return tr("The automatic interval needs a time range.");
    if (fill != Fill::Default && groupByTime == GroupByTime::None)
        return tr("fill() needs GROUP BY time.");
    if (fill == Fill::Number && !std::isfinite(fillValue))
        return tr("The fill value must be a number.");

    if (timeRange == TimeRange::Quick && quickRangeSeconds <= 0)
        return tr("The time range must be longer than zero.");
    if (timeRange == TimeRange::Absolute && from > to)
        return tr("The time range ends before it starts.");
    return {};
}

qint64 QueryBuilderState::rangeNanoseconds() const
{
    switch (timeRange) {
    case TimeRange::Quick: {
        qint64 nanoseconds = 0;
        if (quickRangeSeconds <= 0)
            return 0;
        if (qMulOverflow(quickRangeSeconds, NanosecondsPerSecond, &nanoseconds))
            return std::numeric_limits<qint64>::max();
        return nanoseconds;
    }
    case TimeRange::Absolute: {
        qint64 difference = 0;
        if (to <= from)
            return 0;
        if (qSubOverflow(to.nanoseconds(), from.nanoseconds(), &difference))
            return std::numeric_limits<qint64>::max();
        return difference;
    }
    case TimeRange::All:
        return 0;
    }
    return 0;
}

QString QueryBuilderState::effectiveInterval(int chartWidthPx) const
{
    switch (groupByTime) {
    case GroupByTime::None:
        return {};
    case GroupByTime::Auto:
        return timeRange == TimeRange::All ? QString()
                                           : autoInterval(rangeNanoseconds(), chartWidthPx);
    case GroupByTime::Explicit:
        return interval.trimmed();
    }
    return {};
}

QString QueryBuilderState::autoInterval(qint64 rangeNs, int widthPx)
{
    static constexpr qint64 steps[] = {1,     2,     5,     10,    15,    30,   60,
                                       120,   300,   600,   900,   1800,  3600, 7200,
                                       10800, 21600, 43200, 86400, 604800};
    const qint64 width = qMax(widthPx, 1);
    const qint64 perPixel = rangeNs <= 0 ? 0 : (rangeNs - 1) / width + 1; // rounded up
    for (const qint64 step : steps) {
        if (step * NanosecondsPerSecond >= perPixel)
            return durationText(step);
    }
    constexpr qint64 day = 86400 * NanosecondsPerSecond;
    return durationText(((perPixel - 1) / day + 1) * 86400);
}

QString QueryBuilderState::durationText(qint64 seconds)
{
    if (seconds != 0 && seconds % 86400 == 0)
        return QString::number(seconds / 86400) + u'd';
    if (seconds != 0 && seconds % 3600 == 0)
        return QString::number(seconds / 3600) + u'h';
    if (seconds != 0 && seconds % 60 == 0)
        return QString::number(seconds / 60) + u'm';
    return QString::number(seconds) + u's';
}

QList<qint64> QueryBuilderState::quickRanges()
{
    return {5 * 60,    15 * 60,   3600,      6 * 3600,  12 * 3600,
            24 * 3600, 2 * 86400, 7 * 86400, 30 * 86400};
}

QString QueryBuilderState::functionName(Function function)
{
    switch (function) {
    case Function::Raw:
        return {};
    case Function::Mean:
        return u"mean"_s;
    case Function::Median:
        return u"median"_s;
    case Function::Count:
        return u"count"_s;
    case Function::Sum:
        return u"sum"_s;
    case Function::Min:
        return u"min"_s;
    case Function::Max:
        return u"max"_s;
    case Function::First:
        return u"first"_s;
    case Function::Last:
        return u"last"_s;
    case Function::Spread:
        return u"spread"_s;
    case Function::Stddev:
        return u"stddev"_s;
    case Function::Mode:
        return u"mode"_s;
    case Function::Distinct:
        return u"distinct"_s;
    case Function::Integral:
        return u"integral"_s;
    case Function::Percentile:
        return u"percentile"_s;
    }
    return {};
}

QList<QueryBuilderState::Function> QueryBuilderState::functions()
{
    return {Function::Raw,      Function::Mean,     Function::Median,    Function::Count,
            Function::Sum,      Function::Min,      Function::Max,       Function::First,
            Function::Last,     Function::Spread,   Function::Stddev,    Function::Mode,
            Function::Distinct, Function::Integral, Function::Percentile};
}

bool QueryBuilderState::isSelector(Function function)
{
    switch (function) {
    case Function::Min:
    case Function::Max:
    case Function::First:
    case Function::Last:
    case Function::Percentile:
        return true;
    default:
        return false;
    }
}

bool QueryBuilderState::needsNumbers(Function function)
{
    switch (function) {
    case Function::Mean:
    case Function::Median:
    case Function::Sum:
    case Function::Spread:
    case Function::Stddev:
    case Function::Integral:
    case Function::Percentile:
        return true;
    default:
        return false;
    }
}

} // namespace Explorer
