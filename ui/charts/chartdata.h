// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CHARTDATA_H
#define EXPLORER_CHARTDATA_H

#include "charts/chartarray.h"

#include "influxglobal.h"
#include "queryresult.h"

#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QStringList>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace Explorer {

// The lines a chart draws from a query result: one line per series and numeric field (Integer
// or Float column), x the series' time column, y the field. String, boolean, mixed and all-null
// columns are not charted (skippedColumns() names them); a series without a time column (SHOW
// results) gives no line.
//
// The values live in plain typed arrays: nanosecond times (shared by the lines of one series)
// and doubles (NaN where the field is null). Lines are sorted by time (ORDER BY time DESC
// results are reversed), which the Decimator relies on. Copies are cheap: the arrays are shared
// and what a ChartData shows never changes (ChartArray; a ChartDataBuilder's snapshots share
// arrays that grow past them).
class ChartData
{
public:
    struct Line
    {
        QString name; // "cpu host=a,region=eu · usage_user"
        QString measurement;
        QMap<QString, QString> tags;
        QString field;
        bool integerField = false; // the column held integers (the read-out prints them so)
        std::shared_ptr<const ChartArray<qint64>> times; // ns, non-decreasing
        std::shared_ptr<const ChartArray<double>> values; // same size, NaN = null
        qsizetype valueCount = 0; // non-null values: the points the line really has
        qint64 firstNs = 0; // time range of the non-null values (when valueCount > 0)
        qint64 lastNs = 0;

        std::span<const qint64> timeSpan() const { return times->span(); }
        std::span<const double> valueSpan() const { return values->span(); }
    };

    ChartData() = default;

    // Integer time columns (a query run with an epoch) count in units of `epoch`; without it
    // they are taken as nanoseconds, InfluxDB's default epoch.
    static ChartData fromResult(const Influx::QueryResult &result,
                                std::optional<Influx::Precision> epoch = {});
    static ChartData fromSeries(const QList<Influx::Series> &series,
                                std::optional<Influx::Precision> epoch = {});

    bool isEmpty() const { return m_lines.isEmpty(); }
    qsizetype lineCount() const { return m_lines.size(); }
    const Line &line(qsizetype index) const { return m_lines.at(index); }
    const QList<Line> &lines() const { return m_lines; }
    QStringList lineNames() const;
    // Non-null values over all lines.
    qsizetype pointCount() const;
    // The time range of all non-null values; nullopt when there is none.
    std::optional<std::pair<qint64, qint64>> timeRangeNs() const;
    // "cpu host=a · host (string)" for each column that was not charted.
    QStringList skippedColumns() const { return m_skipped; }

    // "name" or "name k=v,k2=v2" (tags sorted by key), as ResultTableModel titles a series.
    static QString seriesTitle(const QString &measurement, const QMap<QString, QString> &tags);

private:
    friend class ChartDataBuilder;
    void addSeries(const Influx::Series &series, std::optional<Influx::Precision> epoch);
    // The time column of a series (-1: none, the series gives no line).
    static qsizetype timeColumnOf(const Influx::Series &series);
    // The row's time in ns, or nullopt for a null or unreadable time.
    static std::optional<qint64> timeOf(const Influx::Series &series, qsizetype row,
                                        qsizetype column, Influx::ColumnType type, qint64 unitNs);
    static bool isCharted(Influx::ColumnType type);
    // "cpu host=a · host (string)"
    static QString skippedText(const QString &title, const QString &column,
                               Influx::ColumnType type);

    QList<Line> m_lines;
    QStringList m_skipped;
};

} // namespace Explorer

#endif // EXPLORER_CHARTDATA_H
