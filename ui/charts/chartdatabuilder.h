// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CHARTDATABUILDER_H
#define EXPLORER_CHARTDATABUILDER_H

#include "charts/chartdata.h"

#include <map>

namespace Explorer {

// Builds the ChartData of a query result while its rows stream in: append() takes the rows a
// QueryReply reports (rowsReceived), read from the series as it is at that moment, and
// snapshot() gives what ChartData::fromResult() would give for the rows appended so far.
//
// The rows are copied into append-only typed arrays (one of times per series, one of values
// per charted column) that snapshots share: a snapshot sees a prefix, the builder writes only
// past it, and a full array is replaced by a bigger copy while the snapshots keep the old one.
// So a snapshot costs a few small allocations, and the builder never holds a copy of a Series
// (which would make the reply's merger copy the whole series on its next append).
//
// Column types may change as pieces arrive, as Series::appendRows() widens them: an all-null
// column that turns numeric becomes a line (null before), an integer column that turns float
// stays one (its values are the same doubles), a numeric column that turns mixed is dropped
// and listed as skipped, a time column of RFC 3339 times that turns into strings keeps the
// rows that are times. What cannot be streamed exactly ends the streaming: times that go
// backwards within a series (ORDER BY time DESC, or unsorted pieces; fromResult() sorts
// them), a time column that turns into anything else, or rows that do not follow the ones
// appended before. isExact() is false from then on, snapshot() keeps giving what was built
// until then, and the caller builds the final data with fromResult().
class ChartDataBuilder
{
public:
    explicit ChartDataBuilder(std::optional<Influx::Precision> epoch = {});

    // Rows [firstRow, firstRow + count) of `series`, the series seriesIndex of statement
    // statementIndex. Series are ordered by (statementIndex, seriesIndex), as
    // QueryResult::allSeries() orders them. False once the rows cannot be streamed exactly.
    bool append(int statementIndex, int seriesIndex, const Influx::Series &series,
                qsizetype firstRow, qsizetype count);
    bool isExact() const { return m_exact; }
    ChartData snapshot() const;
    // Rows taken (with or without a readable time) over all series.
    qsizetype rowCount() const { return m_rows; }

private:
    template<typename T>
    struct Array // append-only; snapshots hold `storage` and read [0, their size)
    {
        std::shared_ptr<T[]> storage;
        qsizetype capacity = 0;
        bool inPlace = false; // a reservation that grows without moving (see reserve())
        size_t populated = 0; // bytes of the reservation faulted in or being faulted in
        std::shared_ptr<T[]> next; // the reservation a small array will move to
        size_t nextPopulated = 0;
        void reserve(qsizetype used, qsizetype needed);
    };
    struct Column
    {
        Influx::ColumnType type = Influx::ColumnType::Null;
        QString name;
        Array<double> values; // while the column is charted (or has been)
        qsizetype valueCount = 0;
        qint64 firstNs = 0;
        qint64 lastNs = 0;
    };
    struct SeriesState
    {
        QString name;
        QMap<QString, QString> tags;
        QString title;
        qsizetype timeColumn = -1;
        Influx::ColumnType timeType = Influx::ColumnType::Null;
        qsizetype rowsTaken = 0; // rows of the series appended (firstRow of the next piece)
        Array<qint64> times;
        qsizetype size = 0; // rows with a readable time: the lines' length
        QList<Column> columns; // by column index (the time column's entry is unused)
    };

    bool fail();
    bool updateColumns(SeriesState &state, const Influx::Series &series);

    std::optional<Influx::Precision> m_epoch;
    std::map<std::pair<int, int>, SeriesState> m_series;
    qsizetype m_rows = 0;
    bool m_exact = true;
};

} // namespace Explorer

#endif // EXPLORER_CHARTDATABUILDER_H
