// SPDX-License-Identifier: MIT
#include "resultformatter.h"

#include "goformat.h"
#include "tablayout.h"

#include <influxql.h>
#include <series.h>

#include <QtCore/QBuffer>
#include <QtCore/QIODevice>
#include <QtCore/QVarLengthArray>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <span>
#include <string_view>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

using Influx::ColumnType;
using Influx::QueryResult;
using Influx::Series;

// Collects output and hands it to the device in pieces of about 64 KiB.
class Sink
{
public:
    explicit Sink(QIODevice *device) : m_device(device) { m_buffer.reserve(FlushSize + 4096); }
    QByteArray &buffer() { return m_buffer; }
    void maybeFlush()
    {
        if (m_buffer.size() >= FlushSize)
            flush();
    }
    bool flush()
    {
        if (m_ok && !m_buffer.isEmpty())
            m_ok = m_device->write(m_buffer) == m_buffer.size();
        m_buffer.truncate(0); // keeps the capacity
        return m_ok;
    }

private:
    static constexpr qsizetype FlushSize = 64 * 1024;
    QIODevice *m_device;
    QByteArray m_buffer;
    bool m_ok = true;
};

enum class Style { Json, Text };

void appendString(QByteArray &out, QByteArrayView utf8, Style style)
{
    if (style == Style::Json)
        GoFormat::appendJsonString(out, utf8);
    else
        out += utf8;
}

void appendFloat(QByteArray &out, double value, Style style)
{
    // JSON cannot hold NaN or infinities (the server never sends them); keep the output valid.
    if (style == Style::Json && !std::isfinite(value))
        out += "null";
    else
        GoFormat::appendFloat(out, value);
}

void appendVariant(QByteArray &out, const QVariant &value, Style style)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        if (style == Style::Json)
            out += "null";
        return;
    case QMetaType::Bool:
        out += value.toBool() ? "true" : "false";
        return;
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
        out += QByteArray::number(value.toLongLong());
        return;
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        out += QByteArray::number(value.toULongLong());
        return;
    case QMetaType::Float:
    case QMetaType::Double:
        appendFloat(out, value.toDouble(), style);
        return;
    default:
        break;
    }
    if (value.metaType() == QMetaType::fromType<Influx::Timestamp>())
        appendString(out, value.value<Influx::Timestamp>().toRfc3339Utf8(), style);
    else
        appendString(out, value.toString().toUtf8(), style);
}

void appendCell(QByteArray &out, const Series &series, qsizetype row, qsizetype column, Style style)
{
    const ColumnType type = series.columnType(column);
    if (type == ColumnType::Null || series.isNull(row, column)) {
        if (style == Style::Json)
            out += "null";
        return; // interfaceToString(nil) is ""
    }
    switch (type) {
    case ColumnType::Integer: {
        char digits[24];
        const auto end =
                std::to_chars(digits, digits + sizeof digits, series.integerAt(row, column));
        out.append(digits, end.ptr - digits);
        return;
    }
    case ColumnType::Float:
        appendFloat(out, series.floatAt(row, column), style);
        return;
    case ColumnType::Boolean:
        out += series.booleanAt(row, column) ? "true" : "false";
        return;
    case ColumnType::String:
        appendString(out, series.stringUtf8At(row, column), style);
        return;
    case ColumnType::Time:
        // RFC 3339 text needs no JSON escaping.
        if (style == Style::Json)
            out += '"';
        series.timeAt(row, column).appendRfc3339Utf8(out);
        if (style == Style::Json)
            out += '"';
        return;
    case ColumnType::Null:
    case ColumnType::Mixed:
        break;
    }
    appendVariant(out, series.value(row, column), style);
}

// Tags as UTF-8 key/value pairs in Go's order (map keys sorted bytewise, as encoding/json
// writes a map).
QList<std::pair<QByteArray, QByteArray>> sortedTags(const Series &series)
{
    QList<std::pair<QByteArray, QByteArray>> tags;
    const auto map = series.tags();
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        tags.append({it.key().toUtf8(), it.value().toUtf8()});
    std::sort(tags.begin(), tags.end());
    return tags;
}

void writeSeriesJson(Sink &sink, const Series &series)
{
    QByteArray &out = sink.buffer();
    out += '{';
    bool first = true;
    const auto key = [&](const char *name) {
        if (!first)
            out += ',';
        first = false;
        out += '"';
        out += name;
        out += "\":";
    };
    if (!series.name().isEmpty()) {
        key("name");
        GoFormat::appendJsonString(out, series.name().toUtf8());
    }
    if (const auto tags = sortedTags(series); !tags.isEmpty()) {
        key("tags");
        out += '{';
        for (qsizetype i = 0; i < tags.size(); ++i) {
            if (i > 0)
                out += ',';
            GoFormat::appendJsonString(out, tags[i].first);
            out += ':';
            GoFormat::appendJsonString(out, tags[i].second);
        }
        out += '}';
    }
    const QStringList columns = series.columns();
    if (!columns.isEmpty()) {
        key("columns");
        out += '[';
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (i > 0)
                out += ',';
            GoFormat::appendJsonString(out, columns[i].toUtf8());
        }
        out += ']';
    }
    const qsizetype rows = series.rowCount();
    if (rows > 0) {
        key("values");
        out += '[';
        const qsizetype columnCount = series.columnCount();
        for (qsizetype row = 0; row < rows; ++row) {
            if (row > 0)
                out += ',';
            out += '[';
            for (qsizetype column = 0; column < columnCount; ++column) {
                if (column > 0)
                    out += ',';
                appendCell(out, series, row, column, Style::Json);
            }
            out += ']';
            sink.maybeFlush();
        }
        out += ']';
    }
    out += '}';
}

void writeSeriesListJson(Sink &sink, const QList<Series> &list)
{
    sink.buffer() += '[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            sink.buffer() += ',';
        writeSeriesJson(sink, list[i]);
    }
    sink.buffer() += ']';
}

void writeJson(Sink &sink, const QueryResult &result)
{
    switch (result.shape()) {
    case QueryResult::Shape::None:
        sink.buffer() += "null";
        break;
    case QueryResult::Shape::OneSeries:
        writeSeriesJson(sink, result.series());
        break;
    case QueryResult::Shape::SeriesList:
        writeSeriesListJson(sink, result.allSeries());
        break;
    case QueryResult::Shape::SeriesLists: {
        const auto lists = result.seriesPerStatement();
        sink.buffer() += '[';
        for (qsizetype i = 0; i < lists.size(); ++i) {
            if (i > 0)
                sink.buffer() += ',';
            writeSeriesListJson(sink, lists[i]);
        }
        sink.buffer() += ']';
        break;
    }
    }
    sink.buffer() += '\n';
}

// What headersEqual() compares: name, tags and columns of a statement's first series.
struct Headers
{
    QString name;
    QMap<QString, QString> tags;
    QStringList columns;
    friend bool operator==(const Headers &, const Headers &) = default;
};

// What the shell prints around the rows of one series: its name and "k=v" tags (sorted as
// strings, sort.Strings, not by key), the column header and, for CSV, the prefix of each row.
struct SeriesLayout
{
    QByteArray name;
    QList<QByteArray> tags;
    QList<QByteArray> columnNames;
    QByteArray prefix; // CSV: "name\ttags\t" (the parts that are not empty)

    SeriesLayout(const Series &series, bool csv) : name(series.name().toUtf8())
    {
        for (const auto &[key, value] : sortedTags(series))
            tags.append(key + '=' + value);
        std::sort(tags.begin(), tags.end());
        if (csv) {
            if (!name.isEmpty()) {
                columnNames.append("name"_ba);
                prefix += name + '\t';
            }
            if (!tags.isEmpty()) {
                columnNames.append("tags"_ba);
                prefix += tags.join(',') + '\t';
            }
        }
        for (const QString &column : series.columns())
            columnNames.append(column.toUtf8());
    }

    // Data row r as '\t'-joined text into row, after the prefix.
    static void rowText(const Series &series, qsizetype r, QByteArrayView prefix, QByteArray &row)
    {
        row.truncate(0);
        row += prefix;
        const qsizetype columns = series.columnCount();
        for (qsizetype column = 0; column < columns; ++column) {
            if (column > 0)
                row += '\t';
            appendCell(row, series, r, column, Style::Text);
        }
        if (columns == 0 && !prefix.isEmpty())
            row.chop(1); // strings.Join puts no separator after the last value
    }
};

// The rows the shell's formatResults() produces for one statement result in the column format
// (plus the blank line writeColumns() puts between results), as '\t'-joined text.
// rowSink(QByteArrayView) gets each row; `row` is scratch space reused for every data row.
template<typename RowSink>
void formatResults(const QList<Series> &seriesList, bool suppressHeaders, RowSink &rowSink,
                   QByteArray &row)
{
    for (qsizetype i = 0; i < seriesList.size(); ++i) {
        const Series &series = seriesList[i];
        const SeriesLayout layout(series, false);
        if (i > 0 && !suppressHeaders)
            rowSink(QByteArrayView());
        if (!suppressHeaders) {
            if (!layout.name.isEmpty())
                rowSink(QByteArray("name: "_ba + layout.name));
            if (!layout.tags.isEmpty())
                rowSink(QByteArray("tags: "_ba + layout.tags.join(", "_ba)));
            rowSink(layout.columnNames.join('\t'));
            // strings.Repeat("-", len(columnName)): len counts bytes, not characters.
            QList<QByteArray> dashes;
            for (const QByteArray &column : layout.columnNames)
                dashes.append(QByteArray(column.size(), '-'));
            rowSink(dashes.join('\t'));
        }
        for (qsizetype r = 0; r < series.rowCount(); ++r) {
            SeriesLayout::rowText(series, r, layout.prefix, row);
            rowSink(QByteArrayView(row));
        }
    }
}

// The results the shell iterates over. Its client (client.QueryContext) does not merge a
// chunked response: every JSON document becomes one client.Result, and influxd sends each
// series of a SELECT or SHOW (pieces of long series too) in a document of its own, while a
// few meta statements (SHOW SHARDS, ...) send all their series in one. The header suppression
// and blank lines of writeColumns/writeCSV work on these results, so they are rebuilt here:
// one per series, or one per statement where singleResult says so, and one for a statement
// without series. (The pieces of one series would be suppressed into one table by the shell,
// which is what a merged series prints as.) CsvWriter applies the same rules series by series.
QList<QList<Series>> shellResults(const QueryResult &result, const QList<bool> &singleResult)
{
    QList<QList<Series>> results;
    const QList<Influx::StatementResult> statements = result.statements();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const QList<Series> &seriesList = statements[i].series;
        if (seriesList.size() <= 1 || singleResult.value(i)) {
            results.append(seriesList);
        } else {
            for (const Series &series : seriesList)
                results.append(QList<Series> {series});
        }
    }
    return results;
}

// writeColumns: every result in order, with the shell's header suppression.
template<typename RowSink>
void forEachShellRow(const QList<QList<Series>> &results, RowSink rowSink)
{
    QByteArray row;
    Headers previous;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const QList<Series> &seriesList = results[i];
        // Headers equal to the previous result's first series: its rows continue that table.
        bool suppressHeaders = false;
        if (!seriesList.isEmpty()) {
            const Series &first = seriesList.first();
            Headers headers {first.name(), first.tags(), first.columns()};
            suppressHeaders = headers == previous;
            if (!suppressHeaders)
                previous = std::move(headers);
        }
        // Blank lines between results (not before the first) unless headers are suppressed.
        if (!suppressHeaders && i > 0)
            rowSink(QByteArrayView());
        formatResults(seriesList, suppressHeaders, rowSink, row);
    }
}

// A text cell as CSV fields: the shell splits each row at '\t' before writing the record, so a
// tab inside a value separates fields. Room: 3 * text.size() + 2 (each byte at most doubled
// by quoting, and a tab's two quotes and ',' come from a byte of its own).
char *writeCsvText(char *p, QByteArrayView text)
{
    for (;;) {
        const qsizetype tab = text.indexOf('\t');
        p = GoFormat::writeCsvField(p, tab < 0 ? text : text.first(tab));
        if (tab < 0)
            return p;
        *p++ = ',';
        text = text.sliced(tab + 1);
    }
}

// csvw.Write(strings.Split(row, "\t")) without the line end: the fields, ',' between them.
void appendCsvFields(QByteArray &out, QByteArrayView row)
{
    const qsizetype start = out.size();
    out.resize(start + 3 * row.size() + 2);
    out.resize(writeCsvText(out.data() + start, row) - out.constData());
}

void appendCsvRecord(QByteArray &out, QByteArrayView row)
{
    appendCsvFields(out, row);
    out += '\n';
}

// The most bytes a number, boolean or time cell takes as text: a float at most
// GoFormat::FloatBound, an integer 20, a time 35 (Timestamp::writeRfc3339()).
constexpr qsizetype ScalarCellBound = 40;
static_assert(GoFormat::FloatBound <= ScalarCellBound);

// One data row of the shell's CSV (what appendCsvRecord() makes of SeriesLayout::rowText())
// in one pass, written with plain pointer writes into room sized once per row: number,
// boolean and time cells can hold neither a '\t' to split at nor anything to quote. Mixed
// columns (a QVariant per cell) take the detour through `cell`. types holds the series'
// column types; csvPrefix is the row prefix already as CSV fields, each followed by ','.
void appendCsvRow(QByteArray &out, const Series &series, qsizetype row,
                  std::span<const ColumnType> types, QByteArrayView csvPrefix, QByteArray &cell)
{
    const auto columns = qsizetype(types.size());
    qsizetype bound = csvPrefix.size() + columns + 1; // the ',' and the '\n'
    for (qsizetype column = 0; column < columns; ++column) {
        switch (types[size_t(column)]) {
        case ColumnType::String:
            bound += 3 * series.stringUtf8At(row, column).size() + 2;
            break;
        case ColumnType::Mixed:
            cell.truncate(0);
            appendCell(cell, series, row, column, Style::Text);
            bound += 3 * cell.size() + 2;
            break;
        default:
            bound += ScalarCellBound;
            break;
        }
    }
    const qsizetype start = out.size();
    out.resize(start + bound);
    char *p = out.data() + start;
    if (!csvPrefix.isEmpty()) {
        std::memcpy(p, csvPrefix.data(), size_t(csvPrefix.size()));
        p += csvPrefix.size();
    }
    for (qsizetype column = 0; column < columns; ++column) {
        if (column > 0)
            *p++ = ',';
        const ColumnType type = types[size_t(column)];
        if (type == ColumnType::Null || series.isNull(row, column))
            continue; // interfaceToString(nil) is ""
        switch (type) {
        case ColumnType::Integer:
            p = std::to_chars(p, p + ScalarCellBound, series.integerAt(row, column)).ptr;
            break;
        case ColumnType::Float:
            p = GoFormat::writeFloat(p, series.floatAt(row, column));
            break;
        case ColumnType::Boolean: {
            const std::string_view text = series.booleanAt(row, column) ? "true" : "false";
            std::memcpy(p, text.data(), text.size());
            p += text.size();
            break;
        }
        case ColumnType::Time:
            p = series.timeAt(row, column).writeRfc3339(p);
            break;
        case ColumnType::String:
            p = writeCsvText(p, series.stringUtf8At(row, column));
            break;
        case ColumnType::Mixed:
            cell.truncate(0);
            appendCell(cell, series, row, column, Style::Text);
            p = writeCsvText(p, cell);
            break;
        case ColumnType::Null:
            break;
        }
    }
    *p++ = '\n';
    out.resize(p - out.constData());
}

void writeColumns(Sink &sink, const QList<QList<Series>> &results)
{
    TabLayout layout;
    forEachShellRow(results, [&layout](QByteArrayView row) { layout.measure(row); });
    layout.finishMeasuring();
    forEachShellRow(results, [&](QByteArrayView row) {
        layout.write(row, sink.buffer());
        sink.maybeFlush();
    });
}

// Per statement of the query: whether influxd 1.x sends all its series in one chunked
// document (the meta statements below, checked against influxd 1.6; everything else sends one
// document per series).
QList<bool> singleResultStatements(QStringView query)
{
    static constexpr std::array<QStringView, 5> multiSeriesShows = {
            u"SHARDS", u"STATS", u"DIAGNOSTICS", u"CONTINUOUS", u"SUBSCRIPTIONS"};
    QList<bool> single;
    for (const QStringView statement : Influx::InfluxQL::splitStatements(query)) {
        QList<QStringView> words;
        for (const Influx::InfluxQL::Token &token : Influx::InfluxQL::tokenize(statement)) {
            if (token.isComment())
                continue;
            if (token.kind != Influx::InfluxQL::Token::Kind::Word || words.size() == 2)
                break;
            words.append(token.text(statement));
        }
        single.append(words.size() == 2 && words[0].compare(u"SHOW", Qt::CaseInsensitive) == 0
                      && std::any_of(multiSeriesShows.begin(), multiSeriesShows.end(),
                                     [&](QStringView keyword) {
                                         return words[1].compare(keyword, Qt::CaseInsensitive) == 0;
                                     }));
    }
    return single;
}

// The shell's CSV (writeCSV), series by series, as the rows arrive: header suppression and
// results as shellResults() rebuilds them, decided when a series starts. Both the streamed CSV
// of --execute and ResultFormatter's whole-result CSV go through it.
class CsvWriter
{
public:
    CsvWriter(Sink &sink, QList<bool> singleResult)
        : m_sink(sink), m_singleResult(std::move(singleResult))
    { }

    // Rows [firstRow, firstRow + count) of series, which holds (some of the) rows of series
    // seriesIndex of statement statementIndex; startsSeries: these are that series' first
    // rows (its header comes first, unless suppressed).
    void writeRows(const Series &series, int statementIndex, int seriesIndex, bool startsSeries,
                   qsizetype firstRow, qsizetype count)
    {
        if (startsSeries || statementIndex != m_statement || seriesIndex != m_series)
            startSeries(series, statementIndex, seriesIndex, startsSeries);
        const qsizetype columns = series.columnCount();
        QVarLengthArray<ColumnType, 16> types(columns);
        for (qsizetype column = 0; column < columns; ++column)
            types[column] = series.columnType(column); // per piece: its own types
        for (qsizetype r = firstRow; r < firstRow + count; ++r) {
            if (columns == 0) { // the prefix's last '\t' goes too
                SeriesLayout::rowText(series, r, m_prefix, m_row);
                appendCsvRecord(m_sink.buffer(), m_row);
            } else {
                appendCsvRow(m_sink.buffer(), series, r, types, m_csvPrefix, m_row);
            }
            m_sink.maybeFlush();
        }
    }

private:
    void startSeries(const Series &series, int statementIndex, int seriesIndex, bool isNew)
    {
        const SeriesLayout layout(series, true);
        m_prefix = layout.prefix;
        m_csvPrefix.clear();
        if (!m_prefix.isEmpty()) { // "name\ttags\t": every part is followed by a '\t'
            appendCsvFields(m_csvPrefix, QByteArrayView(m_prefix).chopped(1));
            m_csvPrefix += ',';
        }
        m_statement = statementIndex;
        m_series = seriesIndex;
        if (!isNew)
            return;
        // A new shell result, unless the statement sends all its series in one.
        if (seriesIndex == 0 || !m_singleResult.value(statementIndex)) {
            Headers headers {series.name(), series.tags(), series.columns()};
            m_suppressHeaders = headers == m_previous;
            if (!m_suppressHeaders)
                m_previous = std::move(headers);
        }
        if (!m_suppressHeaders)
            appendCsvRecord(m_sink.buffer(), layout.columnNames.join('\t'));
    }

    Sink &m_sink;
    QList<bool> m_singleResult;
    Headers m_previous; // of the last result's first series
    int m_statement = -1;
    int m_series = -1;
    bool m_suppressHeaders = false;
    QByteArray m_prefix;
    QByteArray m_csvPrefix; // m_prefix as CSV fields, each followed by ','
    QByteArray m_row;
};

void writeCsv(Sink &sink, const QueryResult &result, const QList<bool> &singleResult)
{
    CsvWriter writer(sink, singleResult);
    const QList<Influx::StatementResult> statements = result.statements();
    for (int s = 0; s < statements.size(); ++s) {
        for (int i = 0; i < statements[s].series.size(); ++i) {
            const Series &series = statements[s].series[i];
            writer.writeRows(series, s, i, true, 0, series.rowCount());
        }
    }
}

} // namespace

struct CsvStreamWriter::Private
{
    Private(QIODevice *device, QList<bool> singleResult)
        : sink(device), writer(sink, std::move(singleResult))
    { }
    Sink sink;
    CsvWriter writer;
};

CsvStreamWriter::CsvStreamWriter(QIODevice *device, QStringView query)
    : d(std::make_unique<Private>(device, singleResultStatements(query)))
{ }

CsvStreamWriter::~CsvStreamWriter() = default;

void CsvStreamWriter::writePiece(int statementIndex, int seriesIndex, qsizetype firstRow,
                                 const Series &piece)
{
    d->writer.writeRows(piece, statementIndex, seriesIndex, firstRow == 0, 0, piece.rowCount());
}

bool CsvStreamWriter::finish()
{
    return d->sink.flush();
}

std::optional<ResultFormatter::Format> ResultFormatter::formatFromName(QStringView name)
{
    if (name.compare(u"column", Qt::CaseInsensitive) == 0)
        return Format::Column;
    if (name.compare(u"csv", Qt::CaseInsensitive) == 0)
        return Format::Csv;
    if (name.compare(u"json", Qt::CaseInsensitive) == 0)
        return Format::Json;
    return std::nullopt;
}

void ResultFormatter::setQuery(QStringView query)
{
    m_singleResult = singleResultStatements(query);
}

QString ResultFormatter::formatName(Format format)
{
    switch (format) {
    case Format::Column:
        return u"column"_s;
    case Format::Csv:
        return u"csv"_s;
    case Format::Json:
        return u"json"_s;
    }
    return {};
}

bool ResultFormatter::write(const QueryResult &result, QIODevice *device) const
{
    Sink sink(device);
    switch (m_format) {
    case Format::Json:
        writeJson(sink, result);
        break;
    case Format::Csv:
        writeCsv(sink, result, m_singleResult);
        break;
    case Format::Column:
        writeColumns(sink, shellResults(result, m_singleResult));
        break;
    }
    return sink.flush();
}

QByteArray ResultFormatter::toByteArray(const QueryResult &result) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    write(result, &buffer);
    return bytes;
}

QByteArray ResultFormatter::diagnostics(const QueryResult &result)
{
    QByteArray out;
    for (const Influx::StatementResult &statement : result.statements()) {
        // writeColumns: fmt.Fprintf(w, "%s: %s.\n", m.Level, m.Text)
        for (const Influx::Message &message : statement.messages)
            out += message.level.toUtf8() + ": " + message.text.toUtf8() + ".\n";
        if (statement.error.isError()) {
            out += "ERR: statement " + QByteArray::number(statement.statementId) + ": "
                    + statement.error.message().toUtf8() + '\n';
        }
    }
    return out;
}

void ResultFormatter::appendJsonValue(QByteArray &out, const Series &series, qsizetype row,
                                      qsizetype column)
{
    appendCell(out, series, row, column, Style::Json);
}

void ResultFormatter::appendText(QByteArray &out, const Series &series, qsizetype row,
                                 qsizetype column)
{
    appendCell(out, series, row, column, Style::Text);
}

} // namespace Explorer
