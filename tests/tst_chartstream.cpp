// SPDX-License-Identifier: MIT
// Chart data built while a real query streams in (LIVE, the fixture's influxd): a
// ChartDataBuilder fed from QueryReply::rowsReceived() in pieces of a small chunk size gives,
// point for point, what ChartData::fromResult() gives for the rows received so far and for the
// whole result; ORDER BY time DESC is left to fromResult().
#include "charts/chartdata.h"
#include "charts/chartdatabuilder.h"
#include "client.h"
#include "testserver.h"

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

class tst_ChartStream : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void streamedLinesAreFromResultsLines_data();
    void streamedLinesAreFromResultsLines();
    void descendingTimeIsLeftToFromResult();

private:
    Client *m_client = nullptr;
    QString m_db;
};

void tst_ChartStream::initTestCase()
{
    const QUrl url = TestSupport::fixtureUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(),
             "no influxd: run through ctest (fixture \"influxd\") or set INFLUX_TEST_SERVER_FILE");
    m_client = new Client(ClientOptions {.baseUrls = {url}}, this);
    m_db = TestSupport::uniqueName(u"chartstream"_s);
    Error error;
    TestSupport::query(*m_client, u"CREATE DATABASE \"%1\""_s.arg(m_db), {}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));

    // Three hosts; usage is a float (missing on every tenth point of host c), count an integer,
    // state a string (not charted).
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

void tst_ChartStream::cleanupTestCase()
{
    if (m_client)
        TestSupport::query(*m_client, u"DROP DATABASE \"%1\""_s.arg(m_db));
}

void tst_ChartStream::streamedLinesAreFromResultsLines_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("epoch");
    QTest::newRow("group by host") << u"SELECT * FROM cpu GROUP BY host"_s << false;
    QTest::newRow("one series, epoch ms") << u"SELECT usage, count FROM cpu"_s << true;
    QTest::newRow("two statements")
            << u"SELECT usage FROM cpu WHERE host = 'c'; SELECT count, state FROM cpu"_s << false;
}

void tst_ChartStream::streamedLinesAreFromResultsLines()
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

void tst_ChartStream::descendingTimeIsLeftToFromResult()
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

QTEST_MAIN(tst_ChartStream)
#include "tst_chartstream.moc"
