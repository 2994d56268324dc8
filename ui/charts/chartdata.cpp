// SPDX-License-Identifier: MIT
#include "charts/chartdata.h"

#include <QtCore/QCoreApplication>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

QString typeName(Influx::ColumnType type)
{
    switch (type) {
    case Influx::ColumnType::Null:
        return QCoreApplication::translate("Explorer::ChartData", "no values");
    case Influx::ColumnType::Boolean:
        return QCoreApplication::translate("Explorer::ChartData", "boolean");
    case Influx::ColumnType::String:
        return QCoreApplication::translate("Explorer::ChartData", "string");
    case Influx::ColumnType::Time:
        return QCoreApplication::translate("Explorer::ChartData", "time");
    case Influx::ColumnType::Mixed:
        return QCoreApplication::translate("Explorer::ChartData", "mixed types");
    case Influx::ColumnType::Integer:
    case Influx::ColumnType::Float:
        break;
    }
    return {};
}

// Reorders `data` by `order` (order[i] = the old index of the new element i).
template<typename T>
void permute(std::vector<T> &data, const std::vector<qsizetype> &order)
{
    std::vector<T> sorted(data.size());
    for (size_t i = 0; i < order.size(); ++i)
        sorted[i] = data[size_t(order[i])];
    data.swap(sorted);
}

} // namespace

std::optional<qint64> ChartData::timeOf(const Influx::Series &series, qsizetype row,
                                        qsizetype column, Influx::ColumnType type, qint64 unitNs)
{
    if (series.isNull(row, column))
        return std::nullopt;
    switch (type) {
    case Influx::ColumnType::Time:
        return series.timeAt(row, column).nanoseconds();
    case Influx::ColumnType::Integer: {
        qint64 ns;
        if (__builtin_mul_overflow(series.integerAt(row, column), unitNs, &ns))
            return std::nullopt;
        return ns;
    }
    case Influx::ColumnType::String: // times and texts mixed: keep the rows that are times
        if (const auto time = Influx::Timestamp::fromRfc3339(series.stringAt(row, column)))
            return time->nanoseconds();
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

qsizetype ChartData::timeColumnOf(const Influx::Series &series)
{
    const QStringList columns = series.columns();
    return !columns.isEmpty() && columns.first() == u"time" ? 0 : series.columnIndex(u"time");
}

bool ChartData::isCharted(Influx::ColumnType type)
{
    return type == Influx::ColumnType::Integer || type == Influx::ColumnType::Float;
}

QString ChartData::skippedText(const QString &title, const QString &column, Influx::ColumnType type)
{
    return u"%1 \u00B7 %2 (%3)"_s.arg(title, column, typeName(type));
}

ChartData ChartData::fromResult(const Influx::QueryResult &result,
                                std::optional<Influx::Precision> epoch)
{
    return fromSeries(result.allSeries(), epoch);
}

ChartData ChartData::fromSeries(const QList<Influx::Series> &series,
                                std::optional<Influx::Precision> epoch)
{
    ChartData data;
    for (const Influx::Series &s : series)
        data.addSeries(s, epoch);
    return data;
}

QString ChartData::seriesTitle(const QString &measurement, const QMap<QString, QString> &tags)
{
    QStringList pairs;
    for (auto it = tags.cbegin(); it != tags.cend(); ++it)
        pairs.append(it.key() + u'=' + it.value());
    return pairs.isEmpty() ? measurement : measurement + u' ' + pairs.join(u',');
}

void ChartData::addSeries(const Influx::Series &series, std::optional<Influx::Precision> epoch)
{
    const QString title = seriesTitle(series.name(), series.tags());
    const QStringList columns = series.columns();
    const qsizetype timeColumn = timeColumnOf(series);
    if (timeColumn < 0)
        return;

    QList<qsizetype> fieldColumns;
    for (qsizetype c = 0; c < columns.size(); ++c) {
        if (c == timeColumn)
            continue;
        const Influx::ColumnType type = series.columnType(c);
        if (isCharted(type))
            fieldColumns.append(c);
        else
            m_skipped.append(skippedText(title, columns.at(c), type));
    }
    if (fieldColumns.isEmpty())
        return;

    // Rows without a readable time are dropped for every line of the series.
    const Influx::ColumnType timeType = series.columnType(timeColumn);
    const qint64 unitNs =
            Influx::nanosecondsPerUnit(epoch.value_or(Influx::Precision::Nanoseconds));
    const qsizetype rows = series.rowCount();
    std::vector<qint64> times;
    std::vector<qsizetype> rowOf;
    times.reserve(size_t(rows));
    rowOf.reserve(size_t(rows));
    for (qsizetype row = 0; row < rows; ++row) {
        if (const auto ns = timeOf(series, row, timeColumn, timeType, unitNs)) {
            times.push_back(*ns);
            rowOf.push_back(row);
        }
    }

    // InfluxDB returns rows in time order, or reversed with ORDER BY time DESC; anything else
    // (merged pieces, hand-made series) gets a stable sort.
    if (!std::is_sorted(times.begin(), times.end())) {
        if (std::is_sorted(times.rbegin(), times.rend())) {
            std::reverse(times.begin(), times.end());
            std::reverse(rowOf.begin(), rowOf.end());
        } else {
            std::vector<qsizetype> order(times.size());
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(),
                             [&times](qsizetype a, qsizetype b) { return times[a] < times[b]; });
            permute(times, order);
            permute(rowOf, order);
        }
    }
    const auto sharedTimes = std::make_shared<const ChartArray<qint64>>(std::move(times));

    for (const qsizetype column : fieldColumns) {
        Line line;
        line.name = title + u" \u00B7 "_s + columns.at(column);
        line.measurement = series.name();
        line.tags = series.tags();
        line.field = columns.at(column);
        line.integerField = series.columnType(column) == Influx::ColumnType::Integer;
        line.times = sharedTimes;
        std::vector<double> values(rowOf.size());
        bool seen = false;
        for (size_t i = 0; i < rowOf.size(); ++i) {
            const qsizetype row = rowOf[i];
            if (series.isNull(row, column)) {
                values[i] = std::numeric_limits<double>::quiet_NaN();
                continue;
            }
            values[i] = series.floatAt(row, column);
            ++line.valueCount;
            if (!seen)
                line.firstNs = (*sharedTimes)[i];
            line.lastNs = (*sharedTimes)[i];
            seen = true;
        }
        line.values = std::make_shared<const ChartArray<double>>(std::move(values));
        m_lines.append(std::move(line));
    }
}

QStringList ChartData::lineNames() const
{
    QStringList names;
    names.reserve(m_lines.size());
    for (const Line &line : m_lines)
        names.append(line.name);
    return names;
}

qsizetype ChartData::pointCount() const
{
    qsizetype count = 0;
    for (const Line &line : m_lines)
        count += line.valueCount;
    return count;
}

std::optional<std::pair<qint64, qint64>> ChartData::timeRangeNs() const
{
    std::optional<std::pair<qint64, qint64>> range;
    for (const Line &line : m_lines) {
        if (line.valueCount == 0)
            continue;
        if (!range)
            range = std::pair {line.firstNs, line.lastNs};
        range->first = std::min(range->first, line.firstNs);
        range->second = std::max(range->second, line.lastNs);
    }
    return range;
}

} // namespace Explorer
