// SPDX-License-Identifier: MIT
#ifndef EXPLORER_RESULTFORMATTER_H
#define EXPLORER_RESULTFORMATTER_H

#include <queryresult.h>

#include <QtCore/QByteArray>
#include <QtCore/QString>

#include <memory>
#include <optional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Explorer {

// Writes a QueryResult as text, the way `influx-explorer --execute` prints it.
//
// - Json: exactly one JSON value, by the result's shape: `null` (no series at all), one series
//   object (one statement, one series), an array of series objects (one statement, several
//   series) or an array of arrays of series objects (several statements, one array each, in
//   order; a statement without series is []). A series object is the server's own (Go's
//   models.Row): {"name":…,"tags":{…},"columns":[…],"values":[[…],…]}, where, as the server
//   does, "name", "tags", "columns" and "values" are left out when empty ("partial" is never
//   written: pieces are merged). Values are as the server sent them: times as RFC 3339 strings
//   (or integers with an epoch), integers exact, floats in Go's shortest form (0.1, 654,
//   1e+21, 1e-7), strings escaped like Go's encoding/json. Compact, followed by a newline.
// - Csv and Column: the `influx` shell's layouts (cmd/influx/cli/cli.go of InfluxDB 1.x:
//   writeCSV, writeColumns, formatResults, interfaceToString), byte for byte, including its
//   header suppression: a result whose first series has the same name, tags and columns as
//   the previous result's is printed as more rows of the same table. The shell's "results"
//   are the documents of influxd's chunked response (one per series for SELECT and most SHOW
//   statements); setQuery() tells the formatter which statements send theirs in one piece.
//
// Messages (warnings) and statement errors are not part of this output: diagnostics() renders
// them for stderr, so that stdout stays parseable in every format.
//
// Large results are written row by row through a small buffer; nothing proportional to the
// result's size is built in memory (the column layout measures the rows in a first pass).
class ResultFormatter
{
public:
    enum class Format { Column, Csv, Json };

    // "column", "csv" or "json" (case-insensitive, as the shell's "format" command).
    static std::optional<Format> formatFromName(QStringView name);
    static QString formatName(Format format);

    explicit ResultFormatter(Format format = Format::Column) : m_format(format) { }
    Format format() const { return m_format; }

    // The query the result answers. Only needed for the shell formats, where SHOW SHARDS,
    // STATS, DIAGNOSTICS, CONTINUOUS QUERIES and SUBSCRIPTIONS lay out differently; without
    // it every series is taken as a result of its own, as for SELECT.
    void setQuery(QStringView query);

    // Returns false when writing to the device failed.
    bool write(const Influx::QueryResult &result, QIODevice *device) const;
    QByteArray toByteArray(const Influx::QueryResult &result) const;

    // For stderr: each statement's messages as the shell prints them ("warning: text.") and
    // each statement error as "ERR: statement <statement_id>: <message>", in statement order.
    static QByteArray diagnostics(const Influx::QueryResult &result);

    // One cell as JSON (null, true, 42, 0.5, "text", "2016-12-03T19:26:51Z").
    static void appendJsonValue(QByteArray &out, const Influx::Series &series, qsizetype row,
                                qsizetype column);
    // One cell as the shell prints it (interfaceToString: null is empty, strings unquoted).
    static void appendText(QByteArray &out, const Influx::Series &series, qsizetype row,
                           qsizetype column);

private:
    Format m_format;
    QList<bool> m_singleResult; // per statement: all series in one chunked document
};

// Writes a query's result as CSV while it streams (`--execute -f csv`): every row as soon as it
// arrived, byte for byte what ResultFormatter(Format::Csv).write() prints for the finished
// result (header suppression included). Feed it every QueryReply::pieceReceived, in order (the
// reply need not keep its rows); nothing of the result is kept here. Messages and errors are not
// part of it (ResultFormatter::diagnostics()). A series whose later pieces bring extra columns
// (which influxd does not send) keeps the header of its first piece.
class CsvStreamWriter
{
public:
    // The query decides which statements' series form one shell result (setQuery() above).
    CsvStreamWriter(QIODevice *device, QStringView query);
    ~CsvStreamWriter();
    void writePiece(int statementIndex, int seriesIndex, qsizetype firstRow,
                    const Influx::Series &piece);
    // Writes what is buffered; false when writing to the device failed (now or before).
    bool finish();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Explorer

#endif // EXPLORER_RESULTFORMATTER_H
