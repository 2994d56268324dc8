// SPDX-License-Identifier: MIT
// The client against the real influxd of the "influxd" CTest fixture: the reference client's
// live tests (spec §11) rewritten for our API, plus what it never covered.
#include "client.h"
#include "testserver.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QRegularExpression>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtCore/QSemaphore>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

Timestamp utc(int y, int mo, int d, int h, int mi, int s, int micro)
{
    return sys_days(year(y) / mo / d) + hours(h) + minutes(mi) + seconds(s) + microseconds(micro);
}

} // namespace

class tst_Client : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void ping();
    void queryBuilderRendering();
    void rawQueryGet();
    void rawQueryPost();
    void write();
    void writeMany();
    void partialSeriesAreMerged();
    void piecesWithoutKeepingRows();
    void specialCharactersRoundTrip_data();
    void specialCharactersRoundTrip();
    void everyPrecision_data();
    void everyPrecision();
    void epochTimesStayIntegers();
    void nanosecondTimesKeepNineDigits();
    void resultShapes();
    void groupByTagsKeepsTags();
    void statementErrors();
    void parseErrorIsHttp400();
    void readOnlyContextWarningIsKept();
    void retentionPolicyReachesServer();
    void consistencyReachesServer();
    void builderExecute();
    void builderSelectInto();
    void unknownDatabaseOnWrite();
    void serverRejectsTypeConflict();
    void pauseHoldsBackTheResponse();
    void slowDecoderHoldsBackTheResponse();

private:
    static constexpr int BigPoints = 100000;
    void writeBigMeasurement();
    QueryResult query(const QString &text, const QueryOptions &options = {});
    QByteArray rawHttpGet(const QString &query);
    Client *m_client = nullptr;
    QString m_db;
};

void tst_Client::initTestCase()
{
    const QUrl url = TestSupport::fixtureUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(),
             "no influxd: run through ctest (fixture \"influxd\") or set INFLUX_TEST_SERVER_FILE");
    m_db = TestSupport::uniqueName(u"client"_s);
    ClientOptions options;
    options.baseUrls = {url};
    options.database = m_db;
    options.precision = Precision::Microseconds;
    m_client = new Client(options, this);
    query(u"CREATE DATABASE \"%1\""_s.arg(m_db));
}

void tst_Client::cleanupTestCase()
{
    if (m_client)
        query(u"DROP DATABASE \"%1\""_s.arg(m_db));
}

void tst_Client::cleanup()
{
    query(u"DROP MEASUREMENT m1"_s);
}

QueryResult tst_Client::query(const QString &text, const QueryOptions &options)
{
    Error error;
    const QueryResult result = TestSupport::query(*m_client, text, options, &error);
    if (error.isError())
        qWarning("query %s failed: %s", qUtf8Printable(text), qUtf8Printable(error.toString()));
    return result;
}

// An independent look at what the server stored, bypassing our decoder.
QByteArray tst_Client::rawHttpGet(const QString &text)
{
    QNetworkAccessManager manager;
    QUrl url(TestSupport::fixtureUrl().toString() + u"/query"_s);
    url.setQuery(u"db=%1&q=%2"_s.arg(m_db, QString::fromLatin1(QUrl::toPercentEncoding(text))));
    QNetworkReply *reply = manager.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    const QByteArray body = reply->readAll().trimmed();
    delete reply;
    return body;
}

// A paused query reads nothing more: the rows stop growing while the server still has most of
// the response to send, the timeout does not fire, and resume() delivers every row.
// About 28 MB of JSON: far more than loopback socket buffers and Qt's paused read buffer can
// hold, so the server cannot have finished sending while a reply holds back.
void tst_Client::writeBigMeasurement()
{
    const QByteArray padding(200, 'x');
    for (int batch = 0; batch < 10; ++batch) {
        QByteArray lines;
        for (int i = batch * BigPoints / 10; i < (batch + 1) * BigPoints / 10; ++i)
            lines += "big,host=h" + QByteArray::number(i % 7) + " v=" + QByteArray::number(i)
                    + "i,pad=\"" + padding + "\" " + QByteArray::number(i) + "\n";
        const Error error = TestSupport::writeLines(*m_client, lines,
                                                    WriteOptions {.precision = Precision::Seconds});
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
    }
}

void tst_Client::pauseHoldsBackTheResponse()
{
    constexpr int points = BigPoints;
    writeBigMeasurement();
    Client client;
    ClientOptions options = m_client->options();
    options.timeout = 300ms;
    QVERIFY(!client.setOptions(options).isError());

    QueryReply *reply = client.rawQuery(u"SELECT * FROM big"_s, QueryOptions {.chunkSize = 1000});
    connect(
            reply, &QueryReply::rowsReceived, reply, [reply] { reply->pause(); },
            Qt::SingleShotConnection);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isPaused(), 10000);
    // What was already handed to the decoder comes out; wait until the count stops moving.
    qint64 settled = -1;
    for (int i = 0; i < 50 && reply->rowCount() != settled; ++i) {
        settled = reply->rowCount();
        QTest::qWait(300);
    }
    QTest::qWait(800); // longer than the 300 ms timeout
    QCOMPARE(reply->rowCount(), settled);
    QVERIFY(!reply->isFinished());
    QVERIFY2(settled < points / 2, qPrintable(QString::number(settled)));

    QSignalSpy finished(reply, &Reply::finished);
    reply->resume();
    QVERIFY(finished.wait(30000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->rowCount(), qint64(points));
    QCOMPARE(reply->result().series().rowCount(), qsizetype(points));
    query(u"DROP MEASUREMENT big"_s);
}

// While the decoder thread is busy, the reply stops reading once a couple of MiB wait for it:
// the server is held back instead of the whole response piling up in memory, and the timeout
// (which is about the server) does not fire.
void tst_Client::slowDecoderHoldsBackTheResponse()
{
    writeBigMeasurement();
    Client client;
    ClientOptions options = m_client->options();
    options.timeout = 300ms;
    QVERIFY(!client.setOptions(options).isError());
    // Occupy the client's decoder thread until released.
    QSemaphore release;
    auto *blocker = new QObject;
    blocker->moveToThread(client.decoderThread());
    QMetaObject::invokeMethod(blocker, [&release] { release.acquire(); });

    QueryReply *reply = client.rawQuery(u"SELECT * FROM big"_s, QueryOptions {.chunkSize = 1000});
    qint64 received = 0;
    connect(reply, &Reply::downloadProgress, this, [&received](qint64 bytes) { received = bytes; });
    QTRY_VERIFY_WITH_TIMEOUT(received > 0, 10000);
    qint64 settled = -1;
    for (int i = 0; i < 50 && received != settled; ++i) {
        settled = received;
        QTest::qWait(300);
    }
    QTest::qWait(800); // longer than the 300 ms timeout
    QCOMPARE(received, settled);
    qInfo("held back after %lld bytes", settled);
    QVERIFY(!reply->isFinished());
    QCOMPARE(reply->rowCount(), 0);
    // Of about 26 MB (all of which arrives without the hold): the decoder's backlog, at most
    // 2 MiB plus one read of up to 4 MiB (2.1 MB in runs here).
    QVERIFY2(settled < 7 * 1024 * 1024, qPrintable(QString::number(settled)));

    QSignalSpy finished(reply, &Reply::finished);
    release.release();
    QVERIFY(finished.wait(30000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->rowCount(), qint64(BigPoints));
    blocker->deleteLater();
    query(u"DROP MEASUREMENT big"_s);
}

void tst_Client::ping()
{
    PingReply *reply = m_client->ping();
    QSignalSpy finished(reply, &Reply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<Reply *>(), reply);
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QVERIFY2(QRegularExpression(u"^\\d+\\.\\d+\\.\\d+"_s).match(reply->version()).hasMatch(),
             qPrintable(reply->version()));
    QVERIFY(reply->roundTripTime().count() > 0);
    QCOMPARE(reply->serverUrl(), TestSupport::fixtureUrl());
}

void tst_Client::queryBuilderRendering()
{
    QCOMPARE(m_client->query({u"field1"_s, u"field2"_s}, {u"m1"_s, u"m2"_s}).toString(),
             u"SELECT field1,field2 FROM \"m1\",\"m2\""_s);
    QCOMPARE(m_client->query(u"field1"_s, u"m1"_s).toString(), u"SELECT field1 FROM \"m1\""_s);
    QCOMPARE(m_client->query(u"field1"_s, u"m1"_s).client(), m_client);
}

void tst_Client::rawQueryGet()
{
    const Timestamp t1 = utc(2016, 12, 3, 19, 26, 51, 53212);
    const Timestamp t2 = utc(2016, 12, 3, 20, 19, 29, 123456);
    QVERIFY(m_client->write(u"m1"_s, {{u"tag1"_s, u"5"_s}, {u"tag2"_s, u"a"_s}},
                            {{u"f1"_s, 4.32}, {u"f2"_s, 6.9312}}, t1)
                    ->waitForFinished(10000));
    WriteReply *second = m_client->write(u"m1"_s, {{u"tag1"_s, u"x"_s}, {u"tag2"_s, u"xy"_s}},
                                         {{u"f1"_s, 5.22}, {u"f2"_s, 8.79}}, t2);
    QVERIFY(second->waitForFinished(10000));
    QVERIFY2(second->isSuccess(), qPrintable(second->error().toString()));

    QueryReply *reply = m_client->rawQuery(u"SELECT * FROM m1"_s);
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    const QueryResult result = reply->result();
    QCOMPARE(result.shape(), QueryResult::Shape::OneSeries);
    const Series series = result.series();
    QCOMPARE(series.name(), u"m1"_s);
    QCOMPARE(series.columns(), (QStringList {u"time"_s, u"f1"_s, u"f2"_s, u"tag1"_s, u"tag2"_s}));
    QCOMPARE(series.rowCount(), 2);
    QCOMPARE(series.row(0)[u"time"].value<Timestamp>(), t1);
    QCOMPARE(series.row(1)[u"time"].value<Timestamp>(), t2);
    QCOMPARE(series.row(0)[u"tag1"], QVariant(u"5"_s));
    QCOMPARE(series.row(0)[u"tag2"], QVariant(u"a"_s));
    QCOMPARE(series.row(1)[u"tag1"], QVariant(u"x"_s));
    QCOMPARE(series.row(1)[u"tag2"], QVariant(u"xy"_s));
    QCOMPARE(series.floatAt(0, series.columnIndex(u"f1")), 4.32);
    QCOMPARE(series.floatAt(0, series.columnIndex(u"f2")), 6.9312);
    QCOMPARE(series.floatAt(1, series.columnIndex(u"f1")), 5.22);
    QCOMPARE(series.floatAt(1, series.columnIndex(u"f2")), 8.79);
    // Reading rows twice is fine (the reference's KeyedTuple mutated the values on first read).
    QCOMPARE(series.row(0)[u"time"].value<Timestamp>(), t1);
}

void tst_Client::rawQueryPost()
{
    QueryReply *create = m_client->rawQuery(
            u"CREATE RETENTION POLICY testpolicy ON \"%1\" DURATION INF REPLICATION 1"_s.arg(m_db));
    QVERIFY(create->waitForFinished(10000));
    QVERIFY2(create->isSuccess(), qPrintable(create->error().toString()));
    QCOMPARE(create->result().shape(), QueryResult::Shape::None);
    QVERIFY(create->result().messages().isEmpty()); // POSTed: no read-only warning
    QueryReply *drop =
            m_client->rawQuery(u"DROP RETENTION POLICY testpolicy ON \"%1\""_s.arg(m_db));
    QVERIFY(drop->waitForFinished(10000));
    QVERIFY(drop->isSuccess());
    QCOMPARE(drop->result().shape(), QueryResult::Shape::None);
}

void tst_Client::write()
{
    WriteReply *reply = m_client->write(u"m1"_s, {{u"tag1"_s, u"5"_s}, {u"tag6"_s, u"a"_s}},
                                        {{u"f1"_s, 4.32}, {u"f2"_s, 6.9312}},
                                        utc(2016, 12, 3, 19, 26, 51, 53212));
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->httpStatus(), 204);
    QCOMPARE(
            rawHttpGet(u"SELECT * FROM m1"_s),
            R"({"results":[{"statement_id":0,"series":[{"name":"m1","columns":["time","f1","f2","tag1","tag6"],"values":[["2016-12-03T19:26:51.053212Z",4.32,6.9312,"5","a"]]}]}]})");
}

void tst_Client::writeMany()
{
    WriteReply *reply = m_client->writeMany(
            {DataPoint(u"m1"_s, {{u"tag1"_s, u"5"_s}, {u"tag6"_s, u"a"_s}},
                       {{u"f1"_s, 4.32}, {u"f2"_s, 6.9312}}, utc(2016, 12, 3, 19, 26, 51, 53212)),
             DataPoint(u"m1"_s, {{u"tag1"_s, u"abc"_s}, {u"tag6"_s, u"xx"_s}},
                       {{u"f1"_s, 654.0}, {u"f2"_s, 3042.1}}, PointTime::raw(1480796369123456))});
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    const QueryResult result = query(u"SELECT * FROM m1"_s);
    const Series series = result.series();
    QCOMPARE(series.rowCount(), 2);
    QCOMPARE(series.row(1).values(),
             (QVariantList {QVariant::fromValue(utc(2016, 12, 3, 20, 19, 29, 123456)), 654.0,
                            3042.1, u"abc"_s, u"xx"_s}));
}

void tst_Client::partialSeriesAreMerged()
{
    QVERIFY(m_client->writeMany({DataPoint(u"m1"_s, {}, {{u"v"_s, 1}}, PointTime::raw(1)),
                                 DataPoint(u"m1"_s, {}, {{u"v"_s, 2}}, PointTime::raw(2)),
                                 DataPoint(u"m1"_s, {}, {{u"v"_s, 3}}, PointTime::raw(3))})
                    ->waitForFinished(10000));
    QueryReply *reply = m_client->rawQuery(u"SELECT * FROM m1"_s, {.chunkSize = 1});
    QSignalSpy rows(reply, &QueryReply::rowsReceived);
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY(reply->isSuccess());
    QCOMPARE(reply->result().shape(), QueryResult::Shape::OneSeries);
    QCOMPARE(reply->result().series().rowCount(), 3);
    QCOMPARE(rows.size(), 3); // one piece per chunk, reported as it arrived
    QCOMPARE(reply->rowCount(), 3);
}

void tst_Client::piecesWithoutKeepingRows()
{
    QList<DataPoint> points;
    for (int i = 0; i < 7; ++i) {
        points.append(DataPoint(u"m2"_s, {{u"host"_s, i % 2 ? u"a"_s : u"b"_s}},
                                {{u"v"_s, i}, {u"s"_s, u"x%1"_s.arg(i)}}, PointTime::raw(i + 1)));
    }
    QVERIFY(m_client->writeMany(points)->waitForFinished(10000));
    const QString text = u"SELECT * FROM m2 GROUP BY host; SELECT v FROM m2"_s;

    struct Piece
    {
        int statement;
        int series;
        qsizetype firstRow;
        Series rows;
    };
    // Runs the query in chunks of 2 rows and collects its pieces; checks that each piece
    // comes just before the rowsReceived() that counts it.
    const auto run = [&](bool keep, QList<Piece> *pieces) -> QueryReply * {
        QueryReply *reply = m_client->rawQuery(text, {.chunkSize = 2});
        reply->setKeepRows(keep);
        connect(reply, &QueryReply::pieceReceived, reply,
                [pieces](int statement, int series, qsizetype first, const Series &piece) {
                    pieces->append({statement, series, first, piece});
                });
        connect(reply, &QueryReply::rowsReceived, reply,
                [pieces](int statement, int series, qsizetype first, qsizetype count) {
                    QVERIFY(!pieces->isEmpty());
                    QCOMPARE(pieces->last().statement, statement);
                    QCOMPARE(pieces->last().series, series);
                    QCOMPARE(pieces->last().firstRow, first);
                    QCOMPARE(pieces->last().rows.rowCount(), count);
                });
        [&] { QVERIFY(reply->waitForFinished(10000)); }();
        return reply;
    };
    QList<Piece> keptPieces;
    QList<Piece> pieces;
    QueryReply *kept = run(true, &keptPieces);
    QueryReply *dropped = run(false, &pieces);
    QVERIFY2(kept->isSuccess(), qPrintable(kept->error().toString()));
    QVERIFY2(dropped->isSuccess(), qPrintable(dropped->error().toString()));
    QVERIFY(kept->keepsRows());
    QVERIFY(!dropped->keepsRows());
    QCOMPARE(dropped->rowCount(), 14);
    QCOMPARE(pieces.size(), keptPieces.size());
    QVERIFY(pieces.size() >= 6); // 2-row chunks: the rows came in pieces

    // Without rows: the same statements and series, named and with columns, but empty.
    const QList<QList<Series>> full = kept->result().seriesPerStatement();
    const QList<QList<Series>> bare = dropped->result().seriesPerStatement();
    QCOMPARE(bare.size(), 2);
    QCOMPARE(full.size(), 2);
    QCOMPARE(full[0].size(), 2); // host=a, host=b
    for (int s = 0; s < 2; ++s) {
        QCOMPARE(bare[s].size(), full[s].size());
        for (int i = 0; i < full[s].size(); ++i) {
            QCOMPARE(bare[s][i].rowCount(), 0);
            QCOMPARE(bare[s][i].name(), full[s][i].name());
            QCOMPARE(bare[s][i].tags(), full[s][i].tags());
            QCOMPARE(bare[s][i].columns(), full[s][i].columns());
        }
    }
    // The pieces hold every row of the kept result, in order, at their positions.
    qsizetype rows = 0;
    for (const Piece &piece : std::as_const(pieces)) {
        const Series &series = full[piece.statement][piece.series];
        QCOMPARE(piece.rows.columns(), series.columns());
        for (qsizetype r = 0; r < piece.rows.rowCount(); ++r)
            QCOMPARE(piece.rows.row(r).values(), series.row(piece.firstRow + r).values());
        rows += piece.rows.rowCount();
    }
    QCOMPARE(rows, 14);
    kept->deleteLater();
    dropped->deleteLater();
}

void tst_Client::specialCharactersRoundTrip_data()
{
    QTest::addColumn<QString>("measurement");
    QTest::addColumn<QString>("tagKey");
    QTest::addColumn<QString>("tagValue");
    QTest::addColumn<QString>("fieldKey");
    QTest::addColumn<QString>("stringValue");
    QTest::newRow("spaces") << u"my m1"_s << u"tag key"_s << u"tag value"_s << u"field key"_s
                            << u"a b  c"_s;
    QTest::newRow("commas") << u"m1,x"_s << u"t,k"_s << u"v,1"_s << u"f,k"_s << u"1,2,3"_s;
    QTest::newRow("equals") << u"m1=x"_s << u"t=k"_s << u"v=1"_s << u"f=k"_s << u"a=b"_s;
    QTest::newRow("quotes") << u"m1\"q'"_s << u"t\"k'"_s << u"v\"1'"_s << u"f\"k'"_s
                            << u"say \"hi\" it's"_s;
    QTest::newRow("backslashes") << u"m1\\x"_s << u"t\\k"_s << u"v\\1"_s << u"f\\k"_s
                                 << u"C:\\path\\"_s;
    QTest::newRow("non-ASCII") << u"mésure 温度"_s << u"ключ"_s << u"значение ✓"_s << u"поле"_s
                               << u"日本語 😀"_s;
}

void tst_Client::specialCharactersRoundTrip()
{
    QFETCH(QString, measurement);
    QFETCH(QString, tagKey);
    QFETCH(QString, tagValue);
    QFETCH(QString, fieldKey);
    QFETCH(QString, stringValue);
    WriteReply *reply = m_client->write(measurement, {{tagKey, tagValue}},
                                        {{fieldKey, stringValue}, {u"n"_s, 1}}, PointTime::raw(7));
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));

    QueryReply *read = m_client->query({u"*"_s}, {measurement})
                               .whereEquals(tagKey, tagValue)
                               .params({.epoch = Precision::Microseconds})
                               .execute();
    QVERIFY(read->waitForFinished(10000));
    QVERIFY2(read->isSuccess(), qPrintable(read->error().toString()));
    const Series series = read->result().series();
    QCOMPARE(series.name(), measurement);
    QCOMPARE(series.rowCount(), 1);
    QCOMPARE(series.value(0, tagKey), QVariant(tagValue));
    QCOMPARE(series.value(0, fieldKey), QVariant(stringValue));
    QCOMPARE(series.value(0, u"time"), QVariant(qint64(7)));

    const QueryResult dropped =
            query(u"DROP MEASUREMENT %1"_s.arg(Source::quoteIdentifier(measurement)));
    QVERIFY(!dropped.hasErrors());
}

void tst_Client::everyPrecision_data()
{
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<qint64>("nanosecondsPerUnit");
    QTest::newRow("n") << Precision::Nanoseconds << qint64(1);
    QTest::newRow("u") << Precision::Microseconds << qint64(1000);
    QTest::newRow("ms") << Precision::Milliseconds << qint64(1000000);
    QTest::newRow("s") << Precision::Seconds << qint64(1000000000);
    QTest::newRow("m") << Precision::Minutes << qint64(60) * 1000000000;
    QTest::newRow("h") << Precision::Hours << qint64(3600) * 1000000000;
}

void tst_Client::everyPrecision()
{
    QFETCH(Precision, precision);
    QFETCH(qint64, nanosecondsPerUnit);
    // An instant with every digit significant: the exact conversion must survive the trip.
    const Timestamp exact = Timestamp::fromNanoseconds(1480785505123456789);
    const Timestamp truncated = Timestamp::fromNanoseconds(exact.nanoseconds() / nanosecondsPerUnit
                                                           * nanosecondsPerUnit);
    WriteReply *reply =
            m_client->write(u"m1"_s, {}, {{u"v"_s, 1}}, exact, {.precision = precision});
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    // Read back at nanosecond epoch and in the same unit.
    const Series ns = query(u"SELECT v FROM m1"_s, {.epoch = Precision::Nanoseconds}).series();
    QCOMPARE(ns.rowCount(), 1);
    QCOMPARE(ns.value(0, u"time"), QVariant(truncated.nanoseconds()));
    const Series unit = query(u"SELECT v FROM m1"_s, {.epoch = precision}).series();
    QCOMPARE(unit.value(0, u"time"), QVariant(exact.toPrecision(precision)));
    const Series rfc = query(u"SELECT v FROM m1"_s).series();
    QCOMPARE(rfc.value(0, u"time").value<Timestamp>(), truncated);
}

void tst_Client::epochTimesStayIntegers()
{
    QVERIFY(m_client->write(u"m1"_s, {}, {{u"v"_s, 1}}, PointTime::raw(1480793211053212))
                    ->waitForFinished(10000));
    const Series series = query(u"SELECT * FROM m1"_s, {.epoch = Precision::Microseconds}).series();
    QCOMPARE(series.columnType(0), ColumnType::Integer);
    QCOMPARE(series.integerAt(0, 0), qint64(1480793211053212));
    // Reading twice gives the same integer (no in-place conversion).
    QCOMPARE(series.row(0)[0], QVariant(qint64(1480793211053212)));
    QCOMPARE(series.row(0)[0], QVariant(qint64(1480793211053212)));
}

void tst_Client::nanosecondTimesKeepNineDigits()
{
    const Timestamp t = Timestamp::fromNanoseconds(1546849598178339889);
    QVERIFY(m_client->write(u"m1"_s, {}, {{u"big"_s, qint64(9223372036854775807)}}, t,
                            {.precision = Precision::Nanoseconds})
                    ->waitForFinished(10000));
    const Series series = query(u"SELECT * FROM m1"_s).series();
    QCOMPARE(series.timeAt(0, 0), t);
    QCOMPARE(series.timeAt(0, 0).toRfc3339(), u"2019-01-07T08:26:38.178339889Z"_s);
    QCOMPARE(series.integerAt(0, series.columnIndex(u"big")), qint64(9223372036854775807));
    const Series epoch = query(u"SELECT * FROM m1"_s, {.epoch = Precision::Nanoseconds}).series();
    QCOMPARE(epoch.integerAt(0, 0), qint64(1546849598178339889));
}

void tst_Client::resultShapes()
{
    QVERIFY(m_client->writeLines("m1,host=a v=1 1\nm1,host=b v=2 2\nm2 w=3 3",
                                 {.precision = Precision::Seconds})
                    ->waitForFinished(10000));
    QCOMPARE(query(u"SELECT * FROM m1 WHERE v > 100"_s).shape(), QueryResult::Shape::None);
    QCOMPARE(query(u"SELECT * FROM m2"_s).shape(), QueryResult::Shape::OneSeries);
    const QueryResult two = query(u"SELECT * FROM m1, m2"_s);
    QCOMPARE(two.shape(), QueryResult::Shape::SeriesList);
    QCOMPARE(two.allSeries().size(), 2);
    const QueryResult several =
            query(u"SELECT * FROM m1; SELECT * FROM m2; SELECT * FROM m1 WHERE v > 100"_s);
    QCOMPARE(several.shape(), QueryResult::Shape::SeriesLists);
    const QList<QList<Series>> lists = several.seriesPerStatement();
    QCOMPARE(lists.size(), 3);
    QCOMPARE(lists[0].size(), 1);
    QCOMPARE(lists[0][0].name(), u"m1"_s);
    QCOMPARE(lists[0][0].rowCount(), 2);
    QCOMPARE(lists[1][0].name(), u"m2"_s);
    QCOMPARE(lists[2].size(), 0);
    query(u"DROP MEASUREMENT m2"_s);
}

void tst_Client::groupByTagsKeepsTags()
{
    QVERIFY(m_client->writeLines("m1,host=a,dc=x v=1 1\nm1,host=b,dc=x v=2 2\nm1,host=b,dc=x v=4 3",
                                 {.precision = Precision::Seconds})
                    ->waitForFinished(10000));
    QueryReply *reply = m_client->query({u"sum(v)"_s}, {u"m1"_s}).groupBy({u"host"_s}).execute();
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    const QList<Series> series = reply->result().allSeries();
    QCOMPARE(series.size(), 2);
    QCOMPARE(series[0].tags(), (QMap<QString, QString> {{u"host"_s, u"a"_s}}));
    QCOMPARE(series[1].tags(), (QMap<QString, QString> {{u"host"_s, u"b"_s}}));
    QCOMPARE(series[1].value(0, u"sum"), QVariant(qint64(6)));

    const QList<Series> star = query(u"SELECT v FROM m1 GROUP BY *"_s).allSeries();
    QCOMPARE(star.size(), 2);
    QCOMPARE(star[1].tags(), (QMap<QString, QString> {{u"dc"_s, u"x"_s}, {u"host"_s, u"b"_s}}));
}

void tst_Client::statementErrors()
{
    QVERIFY(m_client->write(u"m1"_s, {}, {{u"v"_s, 1}})->waitForFinished(10000));
    QueryReply *reply =
            m_client->rawQuery(u"SELECT * FROM m1; SELECT * FROM nosuchdb_x..m1; SHOW DATABASES"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::StatementError);
    QCOMPARE(reply->error().statementIndex(), 1);
    QVERIFY2(reply->error().message().contains(u"database not found"_s),
             qPrintable(reply->error().message()));
    const QueryResult result = reply->result();
    // influxd stops at the first failing statement and reports the rest as one more result,
    // "not executed", under the failing statement's id (1.6 reuses the id); the error of the
    // statement that failed is the one kept.
    QCOMPARE(result.statementCount(), 2);
    QCOMPARE(result.statements()[0].series.size(), 1); // the other statements stay available
    QCOMPARE(result.statements()[0].series[0].rowCount(), 1);
    QVERIFY(result.statements()[1].error.isError());
    QCOMPARE(result.errors().size(), 1);
}

void tst_Client::parseErrorIsHttp400()
{
    QueryReply *reply = m_client->rawQuery(u"SELEKT nothing"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->error().httpStatus(), 400);
    QVERIFY2(reply->error().message().startsWith(u"error parsing query:"_s),
             qPrintable(reply->error().message()));
}

void tst_Client::readOnlyContextWarningIsKept()
{
    // Forcing GET for a writing statement makes influxd attach a warning; it is kept.
    const QString name = TestSupport::uniqueName(u"warned"_s);
    QueryReply *reply =
            m_client->rawQuery(u"CREATE DATABASE \"%1\""_s.arg(name), {.httpVerb = "GET"});
    QVERIFY(reply->waitForFinished(10000));
    const QList<Message> messages = reply->result().messages();
    query(u"DROP DATABASE \"%1\""_s.arg(name));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().level, u"warning"_s);
    QVERIFY2(messages.first().text.contains(u"please use a POST request"_s),
             qPrintable(messages.first().text));
}

void tst_Client::retentionPolicyReachesServer()
{
    QVERIFY(!query(u"CREATE RETENTION POLICY \"short one\" ON \"%1\" DURATION 1h REPLICATION 1"_s
                           .arg(m_db))
                     .hasErrors());
    WriteReply *reply =
            m_client->write(u"m1"_s, {}, {{u"v"_s, 42}}, {}, {.retentionPolicy = u"short one"_s});
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    // Not in the default policy ...
    QCOMPARE(query(u"SELECT * FROM m1"_s).shape(), QueryResult::Shape::None);
    // ... but in "short one", whether named in FROM or as the rp parameter.
    QueryReply *qualified =
            m_client->query({u"v"_s}, {Source::qualified(m_db, u"short one"_s, u"m1"_s)}).execute();
    QVERIFY(qualified->waitForFinished(10000));
    QCOMPARE(qualified->result().series().value(0, u"v"), QVariant(qint64(42)));
    const Series viaParameter =
            query(u"SELECT v FROM m1"_s, {.retentionPolicy = u"short one"_s}).series();
    QCOMPARE(viaParameter.value(0, u"v"), QVariant(qint64(42)));

    // An unknown policy is the server's error, with its text.
    WriteReply *bad =
            m_client->write(u"m1"_s, {}, {{u"v"_s, 1}}, {}, {.retentionPolicy = u"nope"_s});
    QVERIFY(bad->waitForFinished(10000));
    QCOMPARE(bad->error().kind(), Error::Kind::ServerError);
    QVERIFY2(bad->error().message().contains(u"retention policy not found"_s),
             qPrintable(bad->error().message()));
    query(u"DROP RETENTION POLICY \"short one\" ON \"%1\""_s.arg(m_db));
}

void tst_Client::consistencyReachesServer()
{
    // OSS influxd accepts every valid consistency level and rejects others; ours always sends a
    // valid one, so each level must be accepted.
    for (Consistency c :
         {Consistency::Any, Consistency::One, Consistency::Quorum, Consistency::All}) {
        WriteReply *reply = m_client->write(u"m1"_s, {}, {{u"v"_s, 1}}, {}, {.consistency = c});
        QVERIFY(reply->waitForFinished(10000));
        QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    }
    // The parameter really is read: a value influxd does not know is refused by it.
    WriteReply *raw = m_client->writeLines("m1 v=1");
    QVERIFY(raw->waitForFinished(10000));
    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(TestSupport::fixtureUrl().toString()
                                 + u"/write?db=%1&consistency=bogus"_s.arg(m_db)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("text/plain"));
    QNetworkReply *bogus = manager.post(request, QByteArray("m1 v=1"));
    QSignalSpy done(bogus, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    QCOMPARE(bogus->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    delete bogus;
}

void tst_Client::builderExecute()
{
    QVERIFY(m_client->writeLines("m1,host=a v=1,s=\"it's\" 60\nm1,host=a v=3,s=\"x\" 120\n"
                                 "m1,host=b v=5,s=\"it's\" 130",
                                 {.precision = Precision::Seconds})
                    ->waitForFinished(10000));
    QueryReply *reply = m_client->query({u"mean(v)"_s}, {u"m1"_s})
                                .whereEquals(u"s"_s, u"it's"_s)
                                .where(u"time >= 0s"_s)
                                .groupByTime(u"1m"_s)
                                .groupBy({u"host"_s})
                                .fill(u"none"_s)
                                .orderBy(SelectQuery::Order::Descending)
                                .params({.epoch = Precision::Seconds})
                                .execute();
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QList<Series> series = reply->result().allSeries();
    QCOMPARE(series.size(), 2);
    // ORDER BY time DESC also reverses the order of the series.
    QCOMPARE(series[0].tags().value(u"host"_s), u"b"_s);
    QCOMPARE(series[0].rowCount(), 1);
    QCOMPARE(series[0].value(0, u"time"), QVariant(qint64(120)));
    QCOMPARE(series[0].floatAt(0, 1), 5.0);
    QCOMPARE(series[1].tags().value(u"host"_s), u"a"_s);
    // Only the row whose s is exactly "it's" (the quote is escaped in the literal).
    QCOMPARE(series[1].rowCount(), 1);
    QCOMPARE(series[1].value(0, u"time"), QVariant(qint64(60)));
}

void tst_Client::builderSelectInto()
{
    QVERIFY(m_client->writeLines("m1 v=1 1\nm1 v=2 2", {.precision = Precision::Seconds})
                    ->waitForFinished(10000));
    QueryReply *reply = m_client->query({u"*"_s}, {u"m1"_s}).into(u"m1copy"_s).execute();
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QVERIFY(reply->result().messages().isEmpty()); // sent with POST
    QCOMPARE(reply->result().series().value(0, u"written"), QVariant(qint64(2)));
    QCOMPARE(query(u"SELECT count(v) FROM m1copy"_s).series().value(0, u"count"),
             QVariant(qint64(2)));
    query(u"DROP MEASUREMENT m1copy"_s);
}

void tst_Client::unknownDatabaseOnWrite()
{
    WriteReply *reply =
            m_client->write(u"m1"_s, {}, {{u"v"_s, 1}}, {}, {.database = u"no_such_db_here"_s});
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->error().httpStatus(), 404);
    QCOMPARE(reply->error().message(), u"database not found: \"no_such_db_here\""_s);
    QCOMPARE(reply->points().size(), 1);
}

void tst_Client::serverRejectsTypeConflict()
{
    QVERIFY(m_client->write(u"m1"_s, {}, {{u"v"_s, 1.5}})->waitForFinished(10000));
    WriteReply *reply = m_client->writeMany({DataPoint(u"m1"_s, {}, {{u"v"_s, 2.5}}),
                                             DataPoint(u"m1"_s, {}, {{u"v"_s, u"text"_s}})});
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->error().httpStatus(), 400);
    QVERIFY2(reply->error().message().contains(u"field type conflict"_s),
             qPrintable(reply->error().message()));
    QCOMPARE(reply->droppedCount(), 1);
    QCOMPARE(reply->points().size(), 2);
}

QTEST_GUILESS_MAIN(tst_Client)
#include "tst_client.moc"
