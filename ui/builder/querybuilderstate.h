// SPDX-License-Identifier: MIT
#ifndef EXPLORER_QUERYBUILDERSTATE_H
#define EXPLORER_QUERYBUILDERSTATE_H

#include "selectquery.h"
#include "timestamp.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Influx {
class Client;
}

namespace Explorer {

// What the visual query builder's form describes, without any widget: one SELECT over one
// measurement (or a regex of measurements). toQuery() turns it into an Influx::SelectQuery; every
// identifier goes through Source::quoteIdentifier, every value through influxqlLiteral and every
// regex through Source::regex, so no name can break the statement.
struct QueryBuilderState
{
    Q_DECLARE_TR_FUNCTIONS(QueryBuilderState)

public:
    enum class Function {
        Raw, // the field's values, no function
        Mean,
        Median,
        Count,
        Sum,
        Min,
        Max,
        First,
        Last,
        Spread,
        Stddev,
        Mode,
        Distinct,
        Integral,
        Percentile, // percentile(field, N)
    };
    struct FieldSelection
    {
        QString field; // "*" is every field
        Function function = Function::Raw;
        double percentile = 95; // Function::Percentile only, 0-100
        QString alias; // AS "alias" when not empty
        friend bool operator==(const FieldSelection &, const FieldSelection &) = default;
    };

    enum class Operator { Equal, NotEqual, Matches, NotMatches }; // = != =~ !~
    // "key" op 'value' (Equal/NotEqual) or "key" op /value/ (Matches/NotMatches). A filter with
    // an empty key is incomplete and left out. Filters are combined with AND.
    struct TagFilter
    {
        QString key;
        Operator op = Operator::Equal;
        QString value;
        friend bool operator==(const TagFilter &, const TagFilter &) = default;
    };

    enum class TimeRange {
        Quick, // time > now() - quickRangeSeconds
        Absolute, // time >= from AND time <= to
        All, // no time condition
    };
    enum class GroupByTime {
        None,
        Auto, // the time range divided by the chart's width, see autoInterval()
        Explicit, // interval, an InfluxQL duration literal
    };
    enum class Fill { Default, None, Null, Previous, Linear, Number };

    QString database;
    QString retentionPolicy; // empty: the database's default policy
    QString measurement; // a name, or a pattern when measurementIsRegex
    bool measurementIsRegex = false;
    QList<FieldSelection> fields; // empty: SELECT *
    QList<TagFilter> filters;
    TimeRange timeRange = TimeRange::Quick;
    qint64 quickRangeSeconds = 3600;
    Influx::Timestamp from; // TimeRange::Absolute, UTC, inclusive
    Influx::Timestamp to;
    GroupByTime groupByTime = GroupByTime::None;
    QString interval; // GroupByTime::Explicit
    QStringList groupByTags;
    Fill fill = Fill::Default;
    double fillValue = 0; // Fill::Number
    Influx::SelectQuery::Order order = Influx::SelectQuery::Order::Default;
    qint64 limit = 0; // 0: none
    qint64 slimit = 0; // 0: none
    QString timeZone; // tz('…') when not empty

    friend bool operator==(const QueryBuilderState &, const QueryBuilderState &) = default;

    // The query this state describes (for any state; check problem() before running it).
    // chartWidthPx is only used for GroupByTime::Auto. The client is not owned; it is only
    // needed for SelectQuery::execute().
    Influx::SelectQuery toQuery(int chartWidthPx, Influx::Client *client = nullptr) const;
    QString toInfluxQL(int chartWidthPx) const { return toQuery(chartWidthPx).toString(); }

    // Why the server would reject the query (or the builder cannot build it), translated;
    // empty when the state is fine.
    QString problem() const;

    // The length of the time range in nanoseconds; 0 for TimeRange::All.
    qint64 rangeNanoseconds() const;
    // The GROUP BY time interval toQuery() uses (empty for GroupByTime::None).
    QString effectiveInterval(int chartWidthPx) const;

    // rangeNs / widthPx rounded up to the next of 1s 2s 5s 10s 15s 30s 1m 2m 5m 10m 15m 30m 1h
    // 2h 3h 6h 12h 1d 7d, so that the chart gets at most about one point per pixel at a step a
    // person reads easily; beyond 7d, whole days. At least 1s. widthPx < 1 counts as 1.
    static QString autoInterval(qint64 rangeNs, int widthPx);
    // A whole number of seconds as the shortest InfluxQL duration in one unit: 86400 → "1d",
    // 5400 → "90m", 90 → "90s".
    static QString durationText(qint64 seconds);
    // The quick ranges the form offers: 5m 15m 1h 6h 12h 24h 2d 7d 30d, in seconds.
    static QList<qint64> quickRanges();

    // The InfluxQL name ("mean"); empty for Raw.
    static QString functionName(Function function);
    // Every function, Raw first, in the form's order.
    static QList<Function> functions();
    // max, min, first, last and percentile pick a point: InfluxQL allows raw fields next to
    // a single selector.
    static bool isSelector(Function function);
    // Functions that only accept numeric fields (mean, median, sum, spread, stddev,
    // integral, percentile).
    static bool needsNumbers(Function function);
};

} // namespace Explorer

#endif // EXPLORER_QUERYBUILDERSTATE_H
