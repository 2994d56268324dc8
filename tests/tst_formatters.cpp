// SPDX-License-Identifier: MIT
// The headless mode's output formats. The expected texts were derived by hand from the
// `influx` shell's source (InfluxDB 1.x cmd/influx/cli/cli.go: writeCSV, writeColumns,
// formatResults, interfaceToString; Go's text/tabwriter and encoding/csv) and from what
// influxd 1.6.7 sends (Go's encoding/json), checked against a real server where noted.
#include "goformat.h"
#include "resultformatter.h"

#include <queryresult.h>
#include <series.h>

#include <QtCore/QJsonDocument>
#include <QtTest/QtTest>

#include <bit>
#include <charconv>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using Explorer::ResultFormatter;
using Influx::Error;
using Influx::QueryResult;
using Influx::Series;
using Influx::StatementResult;
using Influx::Timestamp;

namespace {

QVariant time(const char *rfc3339)
{
    const auto timestamp = Timestamp::fromRfc3339(QByteArrayView(rfc3339));
    Q_ASSERT(timestamp);
    return QVariant::fromValue(*timestamp);
}

Series series(const QString &name, const QStringList &columns, const QList<QVariantList> &rows,
              const QMap<QString, QString> &tags = {})
{
    Series s(name, columns, tags);
    for (const QVariantList &row : rows)
        s.appendRow(row);
    return s;
}

StatementResult statement(int id, const QList<Series> &seriesList)
{
    StatementResult result;
    result.statementId = id;
    result.series = seriesList;
    return result;
}

QueryResult result(const QList<StatementResult> &statements)
{
    return QueryResult(statements);
}

QByteArray format(ResultFormatter::Format format, const QueryResult &queryResult)
{
    return ResultFormatter(format).toByteArray(queryResult);
}

constexpr auto Json = ResultFormatter::Format::Json;
constexpr auto Csv = ResultFormatter::Format::Csv;
constexpr auto Column = ResultFormatter::Format::Column;

// cpu without tags: an RFC 3339 time with a fraction, a float column holding 0.1 and the
// integral 654 (Go writes 654, not 654.0) and a null.
Series cpuSeries()
{
    return series(u"cpu"_s, {u"time"_s, u"value"_s},
                  {{time("2016-12-03T19:26:51.053212Z"), 0.1},
                   {time("2016-12-03T19:26:52Z"), 654.0},
                   {time("2016-12-03T19:26:53Z"), QVariant()}});
}

// GROUP BY host, region: two series with tags.
QList<Series> groupedSeries()
{
    const QStringList columns {u"time"_s, u"usage"_s};
    return {series(u"cpu"_s, columns, {{time("1970-01-01T00:00:01Z"), qint64(1)}},
                   {{u"host"_s, u"a"_s}, {u"region"_s, u"eu"_s}}),
            series(u"cpu"_s, columns,
                   {{time("1970-01-01T00:00:02Z"), std::numeric_limits<qint64>::min()}},
                   {{u"host"_s, u"b"_s}, {u"region"_s, u"eu"_s}})};
}

// Four statements (three with series, one failed): cpu, cpu again (same headers: the shell
// suppresses them), databases, and one that failed (no series).
QueryResult threeStatementsAndAnError()
{
    const QStringList columns {u"time"_s, u"value"_s};
    StatementResult first =
            statement(0, {series(u"cpu"_s, columns, {{time("1970-01-01T00:00:01Z"), 1.5}})});
    first.messages.append({u"warning"_s, u"deprecated"_s});
    StatementResult failed = statement(3, {});
    failed.error = Error(Error::Kind::StatementError, u"type error"_s);
    failed.error.setStatementIndex(3);
    return result(
            {first,
             statement(1, {series(u"cpu"_s, columns, {{time("1970-01-01T00:00:02Z"), 2.25}})}),
             statement(2, {series(u"databases"_s, {u"name"_s}, {{u"a\"b,c"_s}, {u"<x>"_s}})}),
             failed});
}

} // namespace

class tst_Formatters : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goFloat_data();
    void goFloat();
    void goFloatMatchesTheLayoutOfToChars();
    void jsonString_data();
    void jsonString();
    void csvField_data();
    void csvField();
    void formatNames();

    void noSeries();
    void oneSeries();
    void severalSeries();
    void severalStatements();
    void chunkedResults();
    void csvStreamMatchesTheFinishedResult_data();
    void csvStreamMatchesTheFinishedResult();
    void diagnostics();
    void valuesJson();
    void epochTimes();
    void seriesWithoutNameOrRows();
    void tagOrder();
    void unicodeWidths();
    void stringsWithTabs();
    void csvWidestCells();
    void mixedColumn();
    void largeResultIsValidJson();
};

void tst_Formatters::goFloat_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");
    // encoding/json: 'f' for 1e-6 <= |x| < 1e21, else 'e' with e-07 cleaned to e-7. The first
    // five are what influxd 1.6.7 sent for these values.
    QTest::newRow("0.1") << 0.1 << "0.1"_ba;
    QTest::newRow("654") << 654.0 << "654"_ba;
    QTest::newRow("1e21") << 1e21 << "1e+21"_ba;
    QTest::newRow("1e-7") << 1e-7 << "1e-7"_ba;
    QTest::newRow("1e-6") << 1e-6 << "0.000001"_ba;
    QTest::newRow("1e20") << 1e20 << "100000000000000000000"_ba;
    // Shortest digits padded with zeros, not the exact binary value (…683968).
    QTest::newRow("1.2345678901234568e20") << 123456789012345680000.0 << "123456789012345680000"_ba;
    QTest::newRow("just below 1e21") << 9.999999999999999e20 << "999999999999999900000"_ba;
    QTest::newRow("-2.5") << -2.5 << "-2.5"_ba;
    QTest::newRow("-1e21") << -1e21 << "-1e+21"_ba;
    QTest::newRow("0") << 0.0 << "0"_ba;
    QTest::newRow("-0") << -0.0 << "-0"_ba;
    QTest::newRow("3e-5") << 3e-5 << "0.00003"_ba;
    QTest::newRow("1.5e-7") << 1.5e-7 << "1.5e-7"_ba;
    QTest::newRow("1e-10") << 1e-10 << "1e-10"_ba;
    QTest::newRow("12345.678") << 12345.678 << "12345.678"_ba;
    QTest::newRow("2^53+2") << 9007199254740994.0 << "9007199254740994"_ba;
    QTest::newRow("denormal min") << 5e-324 << "5e-324"_ba;
    QTest::newRow("max") << std::numeric_limits<double>::max() << "1.7976931348623157e+308"_ba;
    QTest::newRow("1/3") << 1.0 / 3 << "0.3333333333333333"_ba;
}

void tst_Formatters::goFloat()
{
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(Explorer::GoFormat::formatFloat(value), expected);
}

void tst_Formatters::jsonString_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << u"abc"_s << "\"abc\""_ba;
    QTest::newRow("empty") << QString() << "\"\""_ba;
    // As influxd 1.6.7 sent it for the same string value.
    QTest::newRow("influxd") << u"<a&b>\"q\" \u2028 \x01 tab\there"_s
                             << R"("\u003ca\u0026b\u003e\"q\" \u2028 \u0001 tab\there")"_ba;
    QTest::newRow("controls") << u"\n\r\b\f\x1f\x7f"_s
                              << R"("\n\r\u0008\u000c\u001f)"
                                 "\x7f\""_ba;
    QTest::newRow("backslash") << u"a\\b"_s << R"("a\\b")"_ba;
    QTest::newRow("paragraph separator") << u"\u2029"_s << R"("\u2029")"_ba;
    QTest::newRow("non-ASCII") << u"é€😀"_s << "\"é€😀\""_ba;
}

void tst_Formatters::jsonString()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, expected);
    QByteArray out;
    Explorer::GoFormat::appendJsonString(out, text.toUtf8());
    QCOMPARE(out, expected);
    QByteArray invalid;
    Explorer::GoFormat::appendJsonString(invalid,
                                         "a\xff"
                                         "b");
    QCOMPARE(invalid, R"("a\ufffdb")"_ba);
}

// Go's layout of std::to_chars' shortest digits, the straightforward way: what formatFloat()
// must print for every value, whichever way it finds the digits.
static QByteArray goLayout(double value)
{
    char buffer[64];
    const auto end =
            std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific).ptr;
    const QByteArray text(buffer, end - buffer);
    const bool negative = text.startsWith('-');
    const qsizetype e = text.indexOf('e');
    QByteArray digits = text.mid(negative ? 1 : 0, e - (negative ? 1 : 0));
    digits.replace(".", "");
    const int exponent = text.mid(e + 1).toInt();
    const double magnitude = std::fabs(value);
    QByteArray out = negative ? "-" : "";
    if (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21)) {
        out += digits.left(1);
        if (digits.size() > 1)
            out += "." + digits.mid(1);
        out += exponent < 0 ? "e-" : "e+";
        out += QByteArray::number(std::abs(exponent)).rightJustified(exponent < 0 ? 1 : 2, '0');
        return out;
    }
    const qsizetype point = exponent + 1;
    if (point <= 0)
        return out + "0." + QByteArray(-point, '0') + digits;
    if (point >= digits.size())
        return out + digits + QByteArray(point - digits.size(), '0');
    return out + digits.left(point) + "." + digits.mid(point);
}

void tst_Formatters::goFloatMatchesTheLayoutOfToChars()
{
    QRandomGenerator random(20261126);
    QList<double> values {
            1e-5,      -1e-5,    9.99999999999999e-6, 1e15,  999999999999999.0, 1e15 - 1,
            0.1 + 0.2, 100000.0, 123456789012345.0,   1.5e-5};
    for (int i = 0; i < 300'000; ++i) {
        // Numbers as data holds them (few digits, decimal scales) and arbitrary doubles.
        const double decimal = double(qint64(random.generate64() % 10'000'000'000'000'000ull))
                / std::pow(10.0, random.bounded(0, 25));
        values.append(i % 2 ? decimal : -decimal);
        values.append(double(random.bounded(1'000'000)) / std::pow(10.0, random.bounded(0, 12)));
        values.append(std::bit_cast<double>(random.generate64()));
    }
    for (const double value : std::as_const(values)) {
        if (!std::isfinite(value))
            continue;
        const QByteArray expected = goLayout(value);
        if (Explorer::GoFormat::formatFloat(value) != expected) {
            QCOMPARE(Explorer::GoFormat::formatFloat(value), expected); // names the value
        }
    }
}

void tst_Formatters::csvField_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("plain") << "a b"_ba
                           << "a b"_ba;
    QTest::newRow("comma") << "a,b"_ba
                           << "\"a,b\""_ba;
    QTest::newRow("quote") << "say \"hi\""_ba
                           << "\"say \"\"hi\"\"\""_ba;
    QTest::newRow("newline") << "a\nb"_ba
                             << "\"a\nb\""_ba;
    QTest::newRow("carriage return") << "a\rb"_ba
                                     << "\"a\rb\""_ba;
    QTest::newRow("leading space") << " a"_ba
                                   << "\" a\""_ba;
    QTest::newRow("leading no-break space") << "\u00a0a"_ba
                                            << "\"\u00a0a\""_ba;
    QTest::newRow("trailing space") << "a "_ba
                                    << "a "_ba;
    QTest::newRow("backslash dot") << "\\."_ba
                                   << "\"\\.\""_ba;
}

void tst_Formatters::csvField()
{
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, expected);
    QByteArray out;
    Explorer::GoFormat::appendCsvField(out, field);
    QCOMPARE(out, expected);
}

void tst_Formatters::formatNames()
{
    QCOMPARE(ResultFormatter::formatFromName(u"json"), Json);
    QCOMPARE(ResultFormatter::formatFromName(u"CSV"), Csv);
    QCOMPARE(ResultFormatter::formatFromName(u"column"), Column);
    QVERIFY(!ResultFormatter::formatFromName(u"table"));
    QCOMPARE(ResultFormatter::formatName(Csv), u"csv"_s);
}

void tst_Formatters::noSeries()
{
    for (const QueryResult &none : {QueryResult(), result({statement(0, {})}),
                                    result({statement(0, {}), statement(1, {})})}) {
        QCOMPARE(format(Json, none), "null\n"_ba);
        QCOMPARE(format(Csv, none), QByteArray());
    }
    QCOMPARE(format(Column, QueryResult()), QByteArray());
    QCOMPARE(format(Column, result({statement(0, {})})), QByteArray());
    // writeColumns prints a blank line before every result but the first, even an empty one.
    QCOMPARE(format(Column, result({statement(0, {}), statement(1, {})})), "\n"_ba);
}

void tst_Formatters::oneSeries()
{
    const QueryResult one = result({statement(0, {cpuSeries()})});
    QCOMPARE(one.shape(), QueryResult::Shape::OneSeries);
    QCOMPARE(format(Json, one),
             R"({"name":"cpu","columns":["time","value"],"values":[)"
             R"(["2016-12-03T19:26:51.053212Z",0.1],["2016-12-03T19:26:52Z",654],)"
             R"(["2016-12-03T19:26:53Z",null]]})"
             "\n"_ba);
    QCOMPARE(format(Csv, one),
             "name,time,value\n"
             "cpu,2016-12-03T19:26:51.053212Z,0.1\n"
             "cpu,2016-12-03T19:26:52Z,654\n"
             "cpu,2016-12-03T19:26:53Z,\n"_ba);
    // tabwriter pads every cell but the last of a line to the widest cell of its column + 1.
    QCOMPARE(format(Column, one),
             "name: cpu\n"
             "time                        value\n"
             "----                        -----\n"
             "2016-12-03T19:26:51.053212Z 0.1\n"
             "2016-12-03T19:26:52Z        654\n"
             "2016-12-03T19:26:53Z        \n"_ba);
}

void tst_Formatters::severalSeries()
{
    const QueryResult grouped = result({statement(0, groupedSeries())});
    QCOMPARE(grouped.shape(), QueryResult::Shape::SeriesList);
    QCOMPARE(format(Json, grouped),
             R"([{"name":"cpu","tags":{"host":"a","region":"eu"},"columns":["time","usage"],)"
             R"("values":[["1970-01-01T00:00:01Z",1]]},)"
             R"({"name":"cpu","tags":{"host":"b","region":"eu"},"columns":["time","usage"],)"
             R"("values":[["1970-01-01T00:00:02Z",-9223372036854775808]]}])"
             "\n"_ba);
    // formatResults repeats the header for every series of a statement.
    QCOMPARE(format(Csv, grouped),
             "name,tags,time,usage\n"
             "cpu,\"host=a,region=eu\",1970-01-01T00:00:01Z,1\n"
             "name,tags,time,usage\n"
             "cpu,\"host=b,region=eu\",1970-01-01T00:00:02Z,-9223372036854775808\n"_ba);
    QCOMPARE(format(Column, grouped),
             "name: cpu\n"
             "tags: host=a, region=eu\n"
             "time                 usage\n"
             "----                 -----\n"
             "1970-01-01T00:00:01Z 1\n"
             "\n"
             "name: cpu\n"
             "tags: host=b, region=eu\n"
             "time                 usage\n"
             "----                 -----\n"
             "1970-01-01T00:00:02Z -9223372036854775808\n"_ba);
}

void tst_Formatters::severalStatements()
{
    const QueryResult several = threeStatementsAndAnError();
    QCOMPARE(several.shape(), QueryResult::Shape::SeriesLists);
    QCOMPARE(
            format(Json, several),
            R"([[{"name":"cpu","columns":["time","value"],"values":[["1970-01-01T00:00:01Z",1.5]]}],)"
            R"([{"name":"cpu","columns":["time","value"],"values":[["1970-01-01T00:00:02Z",2.25]]}],)"
            R"([{"name":"databases","columns":["name"],"values":[["a\"b,c"],["\u003cx\u003e"]]}],)"
            R"([]])"
            "\n"_ba);
    // The second statement's headers equal the first's: the shell prints only its rows.
    QCOMPARE(format(Csv, several),
             "name,time,value\n"
             "cpu,1970-01-01T00:00:01Z,1.5\n"
             "cpu,1970-01-01T00:00:02Z,2.25\n"
             "name,name\n"
             "databases,\"a\"\"b,c\"\n"
             "databases,<x>\n"_ba);
    // ...and in columns they share one tabwriter block. Results are separated by a blank line,
    // also before the failed statement's empty one.
    QCOMPARE(format(Column, several),
             "name: cpu\n"
             "time                 value\n"
             "----                 -----\n"
             "1970-01-01T00:00:01Z 1.5\n"
             "1970-01-01T00:00:02Z 2.25\n"
             "\n"
             "name: databases\n"
             "name\n"
             "----\n"
             "a\"b,c\n"
             "<x>\n"
             "\n"_ba);
}

void tst_Formatters::chunkedResults()
{
    // The shell sees one result per chunked document: one per series for SELECT, so the same
    // GROUP BY twice repeats every header (host=a follows host=b) ...
    const QStringList columns {u"time"_s, u"v"_s};
    const Series a = series(u"cpu"_s, columns, {{qint64(1), qint64(1)}}, {{u"host"_s, u"a"_s}});
    const Series b = series(u"cpu"_s, columns, {{qint64(2), qint64(2)}}, {{u"host"_s, u"b"_s}});
    const QueryResult twice = result({statement(0, {a, b}), statement(1, {a, b})});
    const QByteArray tableA = "name: cpu\ntags: host=a\ntime v\n---- -\n1    1\n";
    const QByteArray tableB = "name: cpu\ntags: host=b\ntime v\n---- -\n2    2\n";
    ResultFormatter column(Column);
    column.setQuery(u"SELECT v FROM cpu GROUP BY host; SELECT v FROM cpu GROUP BY host"_s);
    QCOMPARE(column.toByteArray(twice), tableA + '\n' + tableB + '\n' + tableA + '\n' + tableB);
    QCOMPARE(ResultFormatter(Column).toByteArray(twice), column.toByteArray(twice));
    const QByteArray csvA = "name,tags,time,v\ncpu,host=a,1,1\n";
    const QByteArray csvB = "name,tags,time,v\ncpu,host=b,2,2\n";
    QCOMPARE(format(Csv, twice), csvA + csvB + csvA + csvB);

    // ... while SHOW SHARDS and a few other meta statements send all their series in one
    // document: the second statement's headers equal the first's and are suppressed.
    column.setQuery(u"SHOW SHARDS; -- twice\nshow shards"_s);
    QCOMPARE(column.toByteArray(twice), tableA + '\n' + tableB + "1    1\n2    2\n");
    ResultFormatter csv(Csv);
    csv.setQuery(u"SHOW SHARDS; SHOW SHARDS"_s);
    QCOMPARE(csv.toByteArray(twice), csvA + csvB + "cpu,host=a,1,1\ncpu,host=b,2,2\n");
}

void tst_Formatters::csvStreamMatchesTheFinishedResult_data()
{
    QTest::addColumn<QueryResult>("queryResult");
    QTest::addColumn<QString>("query");
    const QStringList columns {u"time"_s, u"v"_s};
    const Series a = series(u"cpu"_s, columns, {{qint64(1), qint64(1)}, {qint64(3), qint64(3)}},
                            {{u"host"_s, u"a"_s}});
    const Series b = series(u"cpu"_s, columns, {{qint64(2), qint64(2)}}, {{u"host"_s, u"b"_s}});
    const QueryResult twice = result({statement(0, {a, b}), statement(1, {a, b})});
    QTest::newRow("group by, twice") << twice << u"SELECT 1; SELECT 2"_s;
    QTest::newRow("show shards, twice") << twice << u"SHOW SHARDS; SHOW SHARDS"_s;
    QTest::newRow("same headers suppressed") << threeStatementsAndAnError() << u"a;b;c;d"_s;
    QTest::newRow("one series") << result({statement(0, {cpuSeries()})}) << u"SELECT"_s;
    QTest::newRow("tabs and quotes")
            << result({statement(0,
                                 {series(u"m\tx"_s, {u"time"_s, u"s"_s},
                                         {{qint64(1), u"a\tb,\"c\""_s}, {qint64(2), QVariant()}},
                                         {{u"k"_s, u"v w"_s}})})})
            << u"SELECT"_s;
    QTest::newRow("booleans, nulls, a mixed column") << result(
            {statement(0,
                       {series(u"m"_s, {u"time"_s, u"b"_s, u"n"_s, u"mix"_s},
                               {{time("2016-12-03T19:26:51.5Z"), true, QVariant(), qint64(5)},
                                {time("2016-12-03T19:26:52Z"), false, -0.5, u" x\ty"_s},
                                {QVariant(), QVariant(), 1e21, 2.5}})})})
                                                     << u"SELECT"_s;
    QTest::newRow("no name, no tags")
            << result({statement(0, {series({}, {u"name"_s}, {{u"db1"_s}, {u"db2"_s}})})})
            << u"SHOW DATABASES"_s;
}

// The streamed CSV of --execute is byte for byte what the finished result prints, whether the
// rows come one at a time or a series at once.
void tst_Formatters::csvStreamMatchesTheFinishedResult()
{
    QFETCH(QueryResult, queryResult);
    QFETCH(QString, query);
    ResultFormatter formatter(Csv);
    formatter.setQuery(query);
    const QByteArray expected = formatter.toByteArray(queryResult);
    QVERIFY(!expected.isEmpty());
    for (const qsizetype piece : {qsizetype(1), qsizetype(1000)}) {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        Explorer::CsvStreamWriter stream(&buffer, query);
        const QList<StatementResult> statements = queryResult.statements();
        for (int s = 0; s < statements.size(); ++s) {
            for (int i = 0; i < statements[s].series.size(); ++i) {
                // The pieces as a reply hands them over: each a series of its own, typed by
                // its own values (a mixed column can be plain integers in one piece).
                const Series &whole = statements[s].series[i];
                const qsizetype rows = whole.rowCount();
                for (qsizetype first = 0; first < rows; first += piece) {
                    Series part(whole.name(), whole.columns(), whole.tags());
                    for (qsizetype r = first; r < std::min(first + piece, rows); ++r)
                        part.appendRow(whole.row(r).values());
                    stream.writePiece(s, i, first, part);
                }
            }
        }
        QVERIFY(stream.finish());
        QCOMPARE(bytes, expected);
    }
}

void tst_Formatters::diagnostics()
{
    QCOMPARE(ResultFormatter::diagnostics(threeStatementsAndAnError()),
             "warning: deprecated.\n"
             "ERR: statement 3: type error\n"_ba);
    QCOMPARE(ResultFormatter::diagnostics(result({statement(0, {cpuSeries()})})), QByteArray());
}

void tst_Formatters::valuesJson()
{
    const QString text = u"<a&b>\"q\" \\ \u2028 \x01 tab\there é"_s;
    const Series values =
            series(u"m"_s, {u"time"_s, u"f"_s, u"i"_s, u"s"_s, u"b"_s, u"n"_s},
                   {{time("2262-04-11T23:47:16.854775807Z"), 1e21,
                     std::numeric_limits<qint64>::max(), text, true, QVariant()},
                    {time("1677-09-21T00:12:43.145224192Z"), 1e-7,
                     std::numeric_limits<qint64>::min(), QString(), false, QVariant()}});
    QCOMPARE(format(Json, result({statement(0, {values})})),
             R"({"name":"m","columns":["time","f","i","s","b","n"],"values":[)"
             R"(["2262-04-11T23:47:16.854775807Z",1e+21,9223372036854775807,)"
             R"("\u003ca\u0026b\u003e\"q\" \\ \u2028 \u0001 tab\there é",true,null],)"
             R"(["1677-09-21T00:12:43.145224192Z",1e-7,-9223372036854775808,"",false,null]]})"
             "\n"_ba);
    // interfaceToString: strings raw, null empty; the tab inside the string starts a new cell
    // in the shell too (it joins the values with tabs).
    QCOMPARE(format(Csv, result({statement(0, {values})})),
             "name,time,f,i,s,b,n\n"
             "m,2262-04-11T23:47:16.854775807Z,1e+21,9223372036854775807,\"<a&b>\"\"q\"\" \\ "
             "\u2028 \x01 tab\",here é,true,\n"
             "m,1677-09-21T00:12:43.145224192Z,1e-7,-9223372036854775808,,false,\n"_ba);
}

void tst_Formatters::epochTimes()
{
    // With an epoch the server sends times as integers; they stay integers.
    const Series epoch = series(u"cpu"_s, {u"time"_s, u"value"_s},
                                {{qint64(1480793211000), 0.5}, {qint64(-1), 10.0}});
    const QueryResult epochResult = result({statement(0, {epoch})});
    QCOMPARE(format(Json, epochResult),
             R"({"name":"cpu","columns":["time","value"],"values":[[1480793211000,0.5],[-1,10]]})"
             "\n"_ba);
    QCOMPARE(format(Csv, epochResult), "name,time,value\ncpu,1480793211000,0.5\ncpu,-1,10\n"_ba);
    QCOMPARE(format(Column, epochResult),
             "name: cpu\n"
             "time          value\n"
             "----          -----\n"
             "1480793211000 0.5\n"
             "-1            10\n"_ba);
}

void tst_Formatters::seriesWithoutNameOrRows()
{
    // SHOW RETENTION POLICIES has no name; SHOW DATABASES on an empty server has no values.
    // The server leaves such keys out ("omitempty"), and so do we.
    const Series policies = series(QString(), {u"name"_s, u"duration"_s, u"default"_s},
                                   {{u"autogen"_s, u"0s"_s, true}});
    const Series databases = series(u"databases"_s, {u"name"_s}, {});
    const QueryResult both = result({statement(0, {policies}), statement(1, {databases})});
    QCOMPARE(format(Json, both),
             R"([[{"columns":["name","duration","default"],"values":[["autogen","0s",true]]}],)"
             R"([{"name":"databases","columns":["name"]}]])"
             "\n"_ba);
    QCOMPARE(format(Csv, both),
             "name,duration,default\n"
             "autogen,0s,true\n"
             "name,name\n"_ba);
    QCOMPARE(format(Column, both),
             "name    duration default\n"
             "----    -------- -------\n"
             "autogen 0s       true\n"
             "\n"
             "name: databases\n"
             "name\n"
             "----\n"_ba);
}

void tst_Formatters::tagOrder()
{
    // JSON sorts tag keys (Go map order); the shell sorts "key=value" strings, and '-' sorts
    // before '=', so the two orders differ here.
    const Series tagged = series(u"m"_s, {u"time"_s, u"v"_s}, {{qint64(1), qint64(2)}},
                                 {{u"a"_s, u"1"_s}, {u"a-b"_s, u"2"_s}});
    const QueryResult tagResult = result({statement(0, {tagged})});
    QCOMPARE(format(Json, tagResult),
             R"({"name":"m","tags":{"a":"1","a-b":"2"},"columns":["time","v"],"values":[[1,2]]})"
             "\n"_ba);
    QCOMPARE(format(Column, tagResult), "name: m\ntags: a-b=2, a=1\ntime v\n---- -\n1    2\n"_ba);
    QCOMPARE(format(Csv, tagResult), "name,tags,time,v\nm,\"a-b=2,a=1\",1,2\n"_ba);
}

void tst_Formatters::unicodeWidths()
{
    // tabwriter measures cells in code points; the shell's dashes count bytes (len()).
    const Series wide =
            series(u"m"_s, {u"ä"_s, u"b"_s}, {{u"x"_s, qint64(1)}, {u"€€€"_s, qint64(2)}});
    QCOMPARE(format(Column, result({statement(0, {wide})})),
             "name: m\n"
             "ä   b\n"
             "--  -\n"
             "x   1\n"
             "€€€ 2\n"_ba);
}

void tst_Formatters::stringsWithTabs()
{
    // The shell joins values with tabs before splitting them into cells, so a tab in a value
    // adds a cell; a newline starts a new tabwriter line.
    const Series s = series(u"m"_s, {u"a"_s, u"b"_s}, {{u"x\ty"_s, u"z"_s}, {u"1\n2"_s, u"3"_s}});
    QCOMPARE(format(Column, result({statement(0, {s})})),
             "name: m\n"
             "a b\n"
             "- -\n"
             "x y z\n"
             "1\n"
             "2 3\n"_ba);
    QCOMPARE(format(Csv, result({statement(0, {s})})),
             "name,a,b\n"
             "m,x,y,z\n"
             "m,\"1\n2\",3\n"_ba);
}

// Each kind of cell at its longest, and text that grows the most when quoted: the CSV row is
// written into room sized once per row (the sanitizer build checks that it never overflows).
void tst_Formatters::csvWidestCells()
{
    const Series s = series(
            u"m"_s, {u"time"_s, u"i"_s, u"f"_s, u"b"_s, u"s"_s, u"t"_s},
            {{time("1677-09-21T00:12:43.145224193Z"), std::numeric_limits<qint64>::min(),
              -1.2345678901234567e-308, false, u"\"\t\"\t\"\""_s, u"\t\t"_s},
             {time("2262-04-11T23:47:16.854775807Z"), std::numeric_limits<qint64>::max(),
              -0.0000012345678901234567, true, u" a"_s, u"\\."_s},
             {QVariant(), QVariant(), -123456789012345680000.0, QVariant(), QVariant(), u"€,"_s}});
    QCOMPARE(format(Csv, result({statement(0, {s})})),
             "name,time,i,f,b,s,t\n"
             "m,1677-09-21T00:12:43.145224193Z,-9223372036854775808,-1.2345678901234567e-308,"
             "false,\"\"\"\",\"\"\"\",\"\"\"\"\"\",,,\n"
             "m,2262-04-11T23:47:16.854775807Z,9223372036854775807,-0.0000012345678901234567,"
             "true,\" a\",\"\\.\"\n"
             "m,,,-123456789012345680000,,,\"€,\"\n"_ba);
}

void tst_Formatters::mixedColumn()
{
    // Values of different types in one column are printed each as itself.
    const Series mixed =
            series(u"m"_s, {u"v"_s}, {{qint64(1)}, {u"x"_s}, {true}, {0.5}, {QVariant()}});
    QCOMPARE(format(Json, result({statement(0, {mixed})})),
             R"({"name":"m","columns":["v"],"values":[[1],["x"],[true],[0.5],[null]]})"
             "\n"_ba);
    QCOMPARE(format(Csv, result({statement(0, {mixed})})),
             "name,v\nm,1\nm,x\nm,true\nm,0.5\nm,\n"_ba);
}

void tst_Formatters::largeResultIsValidJson()
{
    // Larger than the formatter's buffer, so it is written in several pieces.
    Series big(u"big"_s, {u"time"_s, u"value"_s, u"text"_s});
    constexpr int rows = 20000;
    for (int i = 0; i < rows; ++i)
        big.appendRow({qint64(i) * 1000, i / 7.0, u"row \"%1\""_s.arg(i)});
    const QueryResult bigResult = result({statement(0, {big}), statement(1, {big, big})});
    const QByteArray json = format(Json, bigResult);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.array().size(), 2);
    QCOMPARE(document.array().at(1).toArray().size(), 2);
    QCOMPARE(document.array().at(0).toArray().at(0).toObject().value(u"values"_s).toArray().size(),
             rows);

    const QByteArray csv = format(Csv, bigResult);
    QCOMPARE(csv.count('\n'), 3 * rows + 1); // the repeated headers are suppressed
    // One tabwriter block over all three series: the last row lines up with the header.
    const QList<QByteArray> lines = format(Column, bigResult).split('\n');
    QCOMPARE(lines.size(), 3 + 3 * rows + 1);
    QCOMPARE(lines.at(1).left(15), "time     value "_ba);
    QCOMPARE(lines.at(lines.size() - 2).left(14), "19999000 2857 "_ba);
    QVERIFY(lines.at(lines.size() - 2).endsWith("row \"19999\""));
    QCOMPARE(lines.at(lines.size() - 2).indexOf("row"), lines.at(1).indexOf("text"));
    QVERIFY(lines.at(1).indexOf("text") > 15);
}

QTEST_APPLESS_MAIN(tst_Formatters)
#include "tst_formatters.moc"
