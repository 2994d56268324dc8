// SPDX-License-Identifier: MIT
// Series charts of real query results (LIVE, the fixture's influxd): what the client returns
// for GROUP BY queries, with RFC 3339 and epoch times, becomes one line per series and numeric
// field with every point. And chart data built while a query streams in: a ChartDataBuilder fed
// from QueryReply::rowsReceived() in pieces of a small chunk size gives, point for point, what
// ChartData::fromResult() gives for the rows received so far and for the whole result; ORDER BY
// time DESC is left to fromResult().
#include "charts/chartdata.h"
#include "charts/chartdatabuilder.h"
#include "charts/serieschartview.h"
#include "testserver.h"

#include <QtCharts/QLineSeries>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <cmath>

using namespace Explorer;
using namespace Influx;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 Second = 1'000'000'000;
const qint64 Base = 1'600'000'000 * Second;
const int PointsPerHost[] = {120, 250, 3000};
constexpr int Wait = 60000;

// The first difference, point for point (NaN equals NaN); empty when there is none.
QString difference(const ChartData &a, const ChartData &b)
{
    if (a.lineNames() != b.lineNames())
        return u"lines %1 vs %2"_s.arg(a.lineNames().join(u'|'), b.lineNames().join(u'|'));
    if (a.skippedColumns() != b.skippedColumns())
        return u"skipped columns differ"_s;
    for (qsizetype i = 0; i < a.lineCount(); ++i) {
        const ChartData::Line &x = a.line(i), &y = b.line(i);
        if (x.integerField != y.integerField || x.valueCount != y.valueCount
            || x.firstNs != y.firstNs || x.lastNs != y.lastNs || x.tags != y.tags)
            return u"line %1: counts, range, tags or type"_s.arg(x.name);
        const auto xt = x.timeSpan(), yt = y.timeSpan();
        const auto xv = x.valueSpan(), yv = y.valueSpan();
        if (xt.size() != yt.size() || xv.size() != yt.size())
            return u"line %1: %2 vs %3 points"_s.arg(x.name).arg(xt.size()).arg(yt.size());
        for (size_t k = 0; k < xt.size(); ++k) {
            if (xt[k] != yt[k] || !(xv[k] == yv[k] || (std::isnan(xv[k]) && std::isnan(yv[k]))))
                return u"line %1: point %2"_s.arg(x.name).arg(k);
        }
    }
    return {};
}

} // namespace

class tst_ChartsLive : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void groupByGivesOneLinePerSeriesAndField();
    void epochTimesAreCharted();
    void streamedLinesAreFromResultsLines_data();
    void streamedLinesAreFromResultsLines();
    void descendingTimeIsLeftToFromResult();

private:
    QueryResult run(const QString &text, QueryOptions options = {});
    Client *m_client = nullptr;
    QString m_db;
};

QueryResult tst_ChartsLive::run(const QString &text, QueryOptions options)
{
    options.database = m_db;
    Error error;
    const QueryResult result = TestSupport::query(*m_client, text, options, &error);
    if (error.isError())
        qWarning() << error.toString();
    return result;
}

void tst_ChartsLive::initTestCase()
{
    const QUrl url = TestSupport::fixtureUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(),
             "no influxd: run through ctest (fixture \"influxd\") or set INFLUX_TEST_SERVER_FILE");
    m_client = new Client(ClientOptions {.baseUrls = {url}}, this);
    m_db = TestSupport::uniqueName(u"charts"_s);
    Error error;
    TestSupport::query(*m_client, u"CREATE DATABASE \"%1\""_s.arg(m_db), {}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));

    // Three hosts; usage is a float, count an integer, state a string (not charted). Host c
    // misses usage on every tenth point.
    QByteArray lines;
    for (int host = 0; host < 3; ++host) {
        const QByteArray name(1, char('a' + host));
        for (int i = 0; i < PointsPerHost[host]; ++i) {
            QByteArray fields;
            if (host != 2 || i % 10 != 0)
                fields += "usage=" + QByteArray::number(i * 0.25 + host) + ",";
            fields += "count=" + QByteArray::number(i) + "i,state=\"s" + QByteArray::number(i % 3)
                    + "\"";
            lines += "cpu,host=" + name + " " + fields + " "
                    + QByteArray::number(Base + qint64(i) * Second) + "\n";
        }
    }
    const Error writeError =
            TestSupport::writeLines(*m_client, lines, WriteOptions {.database = m_db});
    QVERIFY2(!writeError.isError(), qPrintable(writeError.toString()));
}

void tst_ChartsLive::cleanupTestCase()
{
    if (m_client)
        TestSupport::query(*m_client, u"DROP DATABASE \"%1\""_s.arg(m_db));
}

void tst_ChartsLive::groupByGivesOneLinePerSeriesAndField()
{
    const QueryResult result = run(u"SELECT * FROM cpu GROUP BY host"_s);
    QCOMPARE(result.allSeries().size(), 3);
    const ChartData data = ChartData::fromResult(result);
    QCOMPARE(data.lineNames(),
             (QStringList {u"cpu host=a \u00B7 count"_s, u"cpu host=a \u00B7 usage"_s,
                           u"cpu host=b \u00B7 count"_s, u"cpu host=b \u00B7 usage"_s,
                           u"cpu host=c \u00B7 count"_s, u"cpu host=c \u00B7 usage"_s}));
    QCOMPARE(data.skippedColumns().size(), 3); // state, once per host

    SeriesChartView view;
    view.resize(900, 500);
    view.setData(result);
    QCOMPARE(view.lineCount(), 6);
    QCOMPARE(view.lineNames(), data.lineNames());
    for (int host = 0; host < 3; ++host) {
        QCOMPARE(view.fullPointCount(2 * host), PointsPerHost[host]);
        QCOMPARE(view.fullPointCount(2 * host + 1),
                 host == 2 ? PointsPerHost[host] - PointsPerHost[host] / 10 : PointsPerHost[host]);
    }
    // The full range is the data's; host c's 3000 points are reduced to the plot's width.
    QCOMPARE(view.fullRangeNs(),
             (QPair<qint64, qint64> {Base, Base + qint64(PointsPerHost[2] - 1) * Second}));
    QVERIFY(view.drawnPointCount(4) < PointsPerHost[2]);
    QVERIFY(view.drawnPointCount(4) <= 4 * view.decimationWidth() + 2);

    // Zoomed to host a's two minutes: every point of it, host b's plus the one after.
    view.zoomToRangeNs(Base, Base + qint64(PointsPerHost[0] - 1) * Second);
    QCOMPARE(view.drawnPointCount(0), PointsPerHost[0]);
    QCOMPARE(view.drawnPointCount(2), PointsPerHost[0] + 1);
    QCOMPARE(view.drawnPoints(1).at(4).y(), 1.0); // host a's usage at i = 4

    // Zoomed to host c's last 100 s: every point of it, plus the one before.
    view.zoomToRangeNs(Base + 2900 * Second, Base + 2999 * Second);
    QCOMPARE(view.drawnPointCount(4), 101);
}

void tst_ChartsLive::epochTimesAreCharted()
{
    const QueryResult result = run(u"SELECT count FROM cpu WHERE host = 'b' ORDER BY time DESC"_s,
                                   QueryOptions {.epoch = Precision::Milliseconds});
    QCOMPARE(result.series().columnType(0), ColumnType::Integer);
    const ChartData data = ChartData::fromResult(result, Precision::Milliseconds);
    QCOMPARE(data.lineCount(), 1);
    QCOMPARE(data.line(0).valueCount, PointsPerHost[1]);
    // DESC arrives newest first; the line is in time order, in nanoseconds.
    QCOMPARE(data.line(0).times->front(), Base);
    QCOMPARE(data.line(0).times->back(), Base + qint64(PointsPerHost[1] - 1) * Second);
    QCOMPARE(data.line(0).values->back(), double(PointsPerHost[1] - 1));
}

void tst_ChartsLive::streamedLinesAreFromResultsLines_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("epoch");
    QTest::newRow("group by host") << u"SELECT * FROM cpu GROUP BY host"_s << false;
    QTest::newRow("one series, epoch ms") << u"SELECT usage, count FROM cpu"_s << true;
    QTest::newRow("two statements")
            << u"SELECT usage FROM cpu WHERE host = 'c'; SELECT count, state FROM cpu"_s << false;
}

void tst_ChartsLive::streamedLinesAreFromResultsLines()
{
    QFETCH(QString, query);
    QFETCH(bool, epoch);
    std::optional<Precision> precision;
    if (epoch)
        precision = Precision::Milliseconds;
    QueryReply *reply = m_client->rawQuery(
            query, QueryOptions {.database = m_db, .epoch = precision, .chunkSize = 100});
    ChartDataBuilder builder(precision);
    int pieces = 0;
    QString midway; // a comparison while the rows still arrive
    connect(reply, &QueryReply::rowsReceived, this,
            [&](int statement, int series, qsizetype firstRow, qsizetype count) {
                ++pieces;
                const QueryResult result = reply->result();
                builder.append(statement, series,
                               result.statements().value(statement).series.value(series), firstRow,
                               count);
                if (pieces == 20)
                    midway = difference(builder.snapshot(),
                                        ChartData::fromResult(result, precision));
            });
    QSignalSpy finished(reply, &Reply::finished);
    QVERIFY(finished.wait(Wait));
    QVERIFY2(!reply->error().isError(), qPrintable(reply->error().toString()));
    QVERIFY2(pieces > 20, qPrintable(QString::number(pieces))); // really in pieces
    QVERIFY2(midway.isEmpty(), qPrintable(midway));
    QVERIFY(builder.isExact());

    const ChartData streamed = builder.snapshot();
    const ChartData whole = ChartData::fromResult(reply->result(), precision);
    QVERIFY(!whole.isEmpty());
    QVERIFY(!whole.skippedColumns().isEmpty() || !query.contains(u"state"_s));
    const QString different = difference(streamed, whole);
    QVERIFY2(different.isEmpty(), qPrintable(different));
    QCOMPARE(builder.rowCount(), reply->rowCount());
    delete reply;
}

void tst_ChartsLive::descendingTimeIsLeftToFromResult()
{
    QueryReply *reply = m_client->rawQuery(u"SELECT usage FROM cpu ORDER BY time DESC"_s,
                                           QueryOptions {.database = m_db, .chunkSize = 100});
    ChartDataBuilder builder;
    connect(reply, &QueryReply::rowsReceived, this,
            [&](int statement, int series, qsizetype firstRow, qsizetype count) {
                const QueryResult result = reply->result();
                builder.append(statement, series,
                               result.statements().value(statement).series.value(series), firstRow,
                               count);
            });
    QSignalSpy finished(reply, &Reply::finished);
    QVERIFY(finished.wait(Wait));
    QVERIFY(!builder.isExact());
    // fromResult() puts the rows in time order.
    const ChartData whole = ChartData::fromResult(reply->result());
    QCOMPARE(whole.line(0).times->front(), Base);
    delete reply;
}

QTEST_MAIN(tst_ChartsLive)
#include "tst_chartslive.moc"
