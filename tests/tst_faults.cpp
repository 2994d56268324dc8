// SPDX-License-Identifier: MIT
// Faults a real influxd will not produce on demand, from a local fault server on 127.0.0.1:
// each ends in the right Error, never in a crash or a hang. Also checks what goes on the wire.
#include "client.h"
#include "faultserver.h"

#include <QtCore/QSemaphore>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;
using TestSupport::FaultServer;

namespace {

const QByteArray okBody =
        R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[["2020-01-01T00:00:00Z",1]]}]}]})"
        "\n";

ClientOptions optionsFor(const QList<QUrl> &urls, std::chrono::milliseconds timeout = 5s)
{
    ClientOptions o;
    o.baseUrls = urls;
    o.database = u"db"_s;
    o.timeout = timeout;
    return o;
}

} // namespace

class tst_Faults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void serverErrorWithJsonBody();
    void serverErrorWithTextBody();
    void notFoundText();
    void unexpectedStatus_data();
    void unexpectedStatus();
    void stallBeforeResponseTimesOut();
    void stallMidStreamTimesOut();
    void slowSteadyStreamIsNotCutOff();
    void chunkedStreamCutMidDocument();
    void malformedJson();
    void topLevelErrorDocument();
    void abortMidStream();
    void abortWhileDecodingTheLastBytes();
    void droppedConnectionTriesNextUrl();
    void errorStatusNeverFailsOver();
    void noBaseUrls();
    void pingWithoutVersionHeader();
    void streamingReportsRowsBeforeFinished();
    void statementErrorKeepsOtherStatements();
    void wireFormatOfQueries();
    void postForWritingStatements();
    void credentialsTravelInHeaders();
    void tokenHeader();
    void wireFormatOfWrites();
    void rejectedLinesAreNamed();
    void invalidPointIsNeverSent();
    void builderExecuteVerbAndParams();
    void decodingRunsOffTheCallingThread();
    void injectedNetworkManagerIsUsedAndNotOwned();
    void autoDeleteReplies();
};

void tst_Faults::serverErrorWithJsonBody()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 500, "application/json", R"({"error":"timeout"})");
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QSignalSpy errors(reply, &Reply::errorOccurred);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->error().message(), u"timeout"_s);
    QCOMPARE(reply->error().httpStatus(), 500);
    QCOMPARE(reply->error().url(), QUrl(server.url().toString() + u"/query"_s));
    QCOMPARE(errors.size(), 1);
}

void tst_Faults::serverErrorWithTextBody()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 503, "text/plain; charset=utf-8", "Service Unavailable");
    });
    Client client(optionsFor({server.url()}));
    PingReply *reply = client.ping();
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->error().message(), u"server error: Service Unavailable"_s);
    QCOMPARE(reply->httpStatus(), 503);
}

void tst_Faults::notFoundText()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 404, "text/plain; charset=utf-8", "404 page not found\n");
    });
    Client client(optionsFor({server.url()}));
    WriteReply *reply = client.write(u"m"_s, {}, {{u"v"_s, 1}});
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().message(), u"server error: 404 page not found\n"_s);
    QCOMPARE(reply->error().httpStatus(), 404);
    QCOMPARE(reply->points().size(), 1); // the user's point is kept
}

void tst_Faults::unexpectedStatus_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("302 redirect") << 302;
    QTest::newRow("304") << 304;
    QTest::newRow("201") << 201;
}

void tst_Faults::unexpectedStatus()
{
    QFETCH(int, status);
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([status](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, status, "text/plain", "",
                             {{"Location", "https://elsewhere:8086/query"}});
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"SHOW DATABASES"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::UnexpectedStatus);
    QCOMPARE(reply->error().message(),
             u"server responded with an unexpected HTTP status: %1"_s.arg(status));
    if (status == 302)
        QVERIFY(reply->error().detail().contains(u"https://elsewhere:8086/query"_s));
    QCOMPARE(server.requests().size(), 1); // not followed
}

void tst_Faults::stallBeforeResponseTimesOut()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *) { /* never answer */ });
    Client client(optionsFor({server.url()}, 300ms));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::Timeout);
    QCOMPARE(reply->error().message(),
             u"unexpected error when connecting to %1"_s.arg(server.url().toString()));
}

void tst_Faults::stallMidStreamTimesOut()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::beginChunked(s, 200, "application/json");
        FaultServer::writeChunk(s, okBody);
    });
    Client client(optionsFor({server.url()}, 400ms));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::Timeout);
    QVERIFY(reply->error().message().contains(u"stalled"_s));
    // What arrived before the stall is still there.
    QTRY_COMPARE(reply->result().rowCount(), 1);
}

void tst_Faults::slowSteadyStreamIsNotCutOff()
{
    // 8 chunks, one every 100 ms, with a 300 ms timeout: the whole response takes far longer
    // than the timeout, but never stalls, so it completes.
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::beginChunked(s, 200, "application/json");
        auto sent = std::make_shared<int>(0);
        auto *timer = new QTimer(s);
        QObject::connect(timer, &QTimer::timeout, s, [s, sent, timer] {
            const bool last = ++*sent == 8;
            const QByteArray doc =
                    u"{\"results\":[{\"statement_id\":0,\"series\":[{\"name\":\"m\",\"columns\":[\"time\",\"v\"],\"values\":[[\"2020-01-01T00:00:0%1Z\",%1]]%2}]%3}]}\n"_s
                            .arg(*sent)
                            .arg(last ? u""_s : u",\"partial\":true"_s)
                            .arg(last ? u""_s : u",\"partial\":true"_s)
                            .toUtf8();
            FaultServer::writeChunk(s, doc);
            if (last) {
                FaultServer::endChunked(s);
                timer->stop();
            }
        });
        timer->start(100);
    });
    Client client(optionsFor({server.url()}, 300ms));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QVERIFY(reply->waitForFinished(20000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->result().shape(), QueryResult::Shape::OneSeries);
    QCOMPARE(reply->result().series().rowCount(), 8);
}

void tst_Faults::chunkedStreamCutMidDocument()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::beginChunked(s, 200, "application/json");
        FaultServer::writeChunk(s, okBody);
        FaultServer::writeChunk(s, R"({"results":[{"statement_id":1,"series":[{"name":"m","col)");
        s->disconnectFromHost();
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m; SELECT * FROM m"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ProtocolError);
    QCOMPARE(reply->result().rowCount(), 1);
}

void tst_Faults::malformedJson()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", "{\"results\":[{\"statement_id\":0,]}\n");
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ProtocolError);
    QVERIFY(reply->error().message().startsWith(u"malformed response from"_s));
    QVERIFY(!reply->error().detail().isEmpty());
}

void tst_Faults::topLevelErrorDocument()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", "{\"error\":\"query interrupted\"}\n");
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->error().message(), u"query interrupted"_s);
}

void tst_Faults::abortMidStream()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::beginChunked(s, 200, "application/json");
        FaultServer::writeChunk(s, okBody);
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QSignalSpy finished(reply, &Reply::finished);
    QSignalSpy rows(reply, &QueryReply::rowsReceived);
    QVERIFY(rows.wait(10000));
    reply->abort();
    QCOMPARE(reply->error().kind(), Error::Kind::Aborted);
    QVERIFY(reply->isFinished());
    reply->abort(); // harmless a second time
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void tst_Faults::abortWhileDecodingTheLastBytes()
{
    // The whole response is in, the decoder thread still works on it: abort() must still end
    // the reply with Aborted (Cancel in the window once came out as "Done" with every row).
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", okBody);
    });
    Client client(optionsFor({server.url()}));
    // Hold the decoder thread, so that the reply cannot finish before the abort.
    QSemaphore hold;
    auto *blocker = new QObject; // deleted on the decoder thread
    blocker->moveToThread(client.decoderThread());
    QMetaObject::invokeMethod(blocker, [&hold] { hold.acquire(); });
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QSignalSpy finished(reply, &Reply::finished);
    QSignalSpy rows(reply, &QueryReply::rowsReceived);
    qint64 received = 0, total = -1;
    connect(reply, &Reply::downloadProgress, this, [&](qint64 r, qint64 t) {
        received = r;
        total = t;
    });
    QTRY_VERIFY_WITH_TIMEOUT(total > 0 && received == total, 10000);
    QTest::qWait(100); // the network reply's end, too
    QVERIFY(reply->isRunning());
    reply->abort();
    hold.release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(reply->error().kind(), Error::Kind::Aborted);
    QTest::qWait(100); // what the decoder sends now goes nowhere
    QCOMPARE(rows.size(), 0);
    QCOMPARE(finished.size(), 1);
    blocker->deleteLater();
}

void tst_Faults::droppedConnectionTriesNextUrl()
{
    FaultServer dropping;
    FaultServer good;
    QVERIFY(dropping.listen());
    QVERIFY(good.listen());
    dropping.setHandler([](const FaultServer::Request &, QTcpSocket *s) { s->abort(); });
    good.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 204, {}, {});
    });
    Client client(optionsFor({dropping.url(), good.url()}));
    PingReply *reply = client.ping();
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->serverUrl(), good.url());
    QCOMPARE(client.baseUrls().first(), good.url());

    // With nothing but a dropping server, nothing could be reached.
    Client lonely(optionsFor({dropping.url()}));
    PingReply *failed = lonely.ping();
    QVERIFY(failed->waitForFinished(10000));
    QCOMPARE(failed->error().kind(), Error::Kind::NoServersReachable);
    QCOMPARE(failed->error().message(), u"no servers could be reached"_s);
}

void tst_Faults::errorStatusNeverFailsOver()
{
    FaultServer failing;
    FaultServer good;
    QVERIFY(failing.listen());
    QVERIFY(good.listen());
    failing.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 500, "application/json", R"({"error":"engine failure"})");
    });
    good.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", okBody);
    });
    Client client(optionsFor({failing.url(), good.url()}));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().message(), u"engine failure"_s);
    QCOMPARE(good.requests().size(), 0);
}

void tst_Faults::noBaseUrls()
{
    Client client(optionsFor({}));
    PingReply *reply = client.ping();
    QVERIFY(!reply->isFinished()); // finishes from the event loop, never inside the call
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().message(), u"no servers could be reached"_s);
}

void tst_Faults::pingWithoutVersionHeader()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        s->write("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
    });
    Client client(optionsFor({server.url()}));
    PingReply *reply = client.ping();
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ProtocolError);
    QVERIFY(reply->error().message().contains(u"X-Influxdb-Version"_s));
}

void tst_Faults::streamingReportsRowsBeforeFinished()
{
    FaultServer server;
    QVERIFY(server.listen());
    QTcpSocket *socket = nullptr;
    server.setHandler([&socket](const FaultServer::Request &, QTcpSocket *s) {
        socket = s;
        FaultServer::beginChunked(s, 200, "application/json");
        FaultServer::writeChunk(
                s,
                R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[["2020-01-01T00:00:00Z",1],["2020-01-01T00:00:01Z",2]],"partial":true}],"partial":true}]})"
                "\n");
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QSignalSpy rows(reply, &QueryReply::rowsReceived);
    QVERIFY(rows.wait(10000));
    QVERIFY(!reply->isFinished());
    QCOMPARE(rows.first().at(2).value<qsizetype>(), 0); // firstRow
    QCOMPARE(rows.first().at(3).value<qsizetype>(), 2); // count
    QCOMPARE(reply->rowCount(), 2);

    FaultServer::writeChunk(
            socket,
            R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[["2020-01-01T00:00:02Z",3]]}]}]})"
            "\n");
    FaultServer::endChunked(socket);
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY(reply->isSuccess());
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.last().at(2).value<qsizetype>(), 2);
    const Series series = reply->result().series();
    QCOMPARE(series.rowCount(), 3);
    QCOMPARE(series.value(2, u"v"), QVariant(qint64(3)));
}

void tst_Faults::statementErrorKeepsOtherStatements()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(
                s, 200, "application/json",
                R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[["2020-01-01T00:00:00Z",1]]}]},{"statement_id":1,"error":"database not found: nodb"}]})"
                "\n");
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m; SELECT * FROM nodb..m"_s);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::StatementError);
    QCOMPARE(reply->error().statementIndex(), 1);
    QCOMPARE(reply->error().message(), u"database not found: nodb"_s);
    QCOMPARE(reply->result().statementCount(), 2);
    QCOMPARE(reply->result().statements().at(0).series.size(), 1);
}

void tst_Faults::wireFormatOfQueries()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", okBody);
    });
    ClientOptions o = optionsFor({server.url()});
    o.retentionPolicy = u"rp one"_s;
    o.epoch = Precision::Milliseconds;
    o.chunkSize = 2;
    Client client(o);
    const QString text = u"SELECT \"a+b\" FROM m WHERE t = 'x&y=1#%;' ; SHOW DATABASES"_s;
    QueryReply *reply = client.rawQuery(text);
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    const FaultServer::Request request = server.requests().first();
    QCOMPARE(request.method, "GET");
    QCOMPARE(request.path(), "/query");
    QCOMPARE(request.headers.value("accept"), "application/json");
    // Every reserved character is percent-encoded, so Go's form decoding sees the text intact.
    QCOMPARE(request.query(),
             "db=db&rp=rp%20one&epoch=ms&chunked=true&chunk_size=2&q="
                     + QUrl::toPercentEncoding(text, "-._~"));
    QCOMPARE(QUrl::fromPercentEncoding(request.query().split('=').last()), text);

    // Per-call overrides win but never remove a default.
    QueryReply *other = client.rawQuery(
            u"SHOW MEASUREMENTS"_s,
            {.database = u"other"_s, .epoch = Precision::Seconds, .chunked = false});
    QVERIFY(other->waitForFinished(10000));
    QCOMPARE(server.requests().last().query(),
             "db=other&rp=rp%20one&epoch=s&q=SHOW%20MEASUREMENTS");
}

void tst_Faults::postForWritingStatements()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", "{\"results\":[{\"statement_id\":0}]}\n");
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"  -- make it\n create database \"x;y\""_s);
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY(reply->isSuccess());
    QCOMPARE(reply->result().shape(), QueryResult::Shape::None);
    const FaultServer::Request request = server.requests().first();
    QCOMPARE(request.method, "POST");
    QCOMPARE(request.query(), QByteArray());
    QCOMPARE(request.headers.value("content-type"), "application/x-www-form-urlencoded");
    QVERIFY(request.body.startsWith("db=db&chunked=true&q="));
    QVERIFY(request.body.contains("x%3By"));

    // SELECT ... INTO writes, so it is POSTed too; the verb can be forced.
    QVERIFY(client.rawQuery(u"SELECT * INTO b FROM a"_s)->waitForFinished(10000));
    QCOMPARE(server.requests().last().method, "POST");
    QVERIFY(client.rawQuery(u"SHOW DATABASES"_s, {.httpVerb = "POST"})->waitForFinished(10000));
    QCOMPARE(server.requests().last().method, "POST");
}

void tst_Faults::credentialsTravelInHeaders()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 204, {}, {});
    });
    ClientOptions o = optionsFor({server.url()});
    o.username = u"jörg"_s;
    o.password = u"p@ss:w=rd&"_s;
    Client client(o);
    QVERIFY(client.write(u"m"_s, {}, {{u"v"_s, 1.5}})->waitForFinished(10000));
    QVERIFY(client.rawQuery(u"SHOW DATABASES"_s)->waitForFinished(10000));
    for (const FaultServer::Request &request : server.requests()) {
        QCOMPARE(request.headers.value("authorization"),
                 "Basic " + u"jörg:p@ss:w=rd&"_s.toUtf8().toBase64());
        QVERIFY(!request.target.contains("p%40ss"));
        QVERIFY(!request.target.contains("u="));
        QVERIFY(!request.target.contains("p="));
    }
}

void tst_Faults::tokenHeader()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 204, {}, {});
    });
    ClientOptions o = optionsFor({server.url()});
    o.username = u"ignored"_s;
    o.token = u"secret-token"_s;
    Client client(o);
    QVERIFY(client.ping()->waitForFinished(10000));
    QCOMPARE(server.requests().first().headers.value("authorization"), "Token secret-token");
}

void tst_Faults::wireFormatOfWrites()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 204, {}, {});
    });
    ClientOptions o = optionsFor({server.url()});
    o.precision = Precision::Microseconds;
    o.consistency = Consistency::All;
    o.retentionPolicy = u"policy1"_s;
    Client client(o);
    const Timestamp t = Timestamp::fromNanoseconds(1480793211053212000);
    WriteReply *reply =
            client.writeMany({DataPoint(u"m1"_s, {{u"tag1"_s, u"5"_s}, {u"tag6"_s, u"a"_s}},
                                        {{u"f1"_s, 4.32}, {u"f2"_s, 6.9312}}, t),
                              DataPoint(u"m1"_s, {{u"tag1"_s, u"6"_s}}, {{u"f1"_s, 7}},
                                        PointTime::raw(1480796369123456))},
                             {.database = u"other"_s, .precision = Precision::Microseconds});
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    const FaultServer::Request request = server.requests().first();
    QCOMPARE(request.method, "POST");
    QCOMPARE(request.target, "/write?consistency=all&db=other&precision=u&rp=policy1");
    QCOMPARE(request.body,
             "m1,tag1=5,tag6=a f1=4.32,f2=6.9312 1480793211053212\n"
             "m1,tag1=6 f1=7i 1480796369123456");
}

void tst_Faults::rejectedLinesAreNamed()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(
                s, 400, "application/json",
                R"({"error":"partial write: unable to parse 'bad line': missing fields dropped=0"})");
    });
    Client client(optionsFor({server.url()}));
    WriteReply *reply = client.writeLines("m v=1\nbad line\nm v=2");
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->error().httpStatus(), 400);
    QCOMPARE(reply->failedLines(), QList<qsizetype> {1});
    QCOMPARE(reply->pointCount(), 3);
    QVERIFY(reply->error().detail().contains(u"2"_s));
}

void tst_Faults::invalidPointIsNeverSent()
{
    FaultServer server;
    QVERIFY(server.listen());
    Client client(optionsFor({server.url()}));
    const QList<DataPoint> points {DataPoint(u"m"_s, {}, {{u"v"_s, 1}}), DataPoint(u"m"_s, {}, {})};
    WriteReply *reply = client.writeMany(points);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::InvalidArgument);
    QVERIFY(reply->error().message().contains(u"at least one field is required"_s));
    QCOMPARE(reply->failedLines(), QList<qsizetype> {1});
    QCOMPARE(reply->points(), points);
    QCOMPARE(server.requests().size(), 0);
}

void tst_Faults::builderExecuteVerbAndParams()
{
    // Reference tests 41-42: execute() runs the rendered text with the params() options,
    // with GET, or POST when INTO is set.
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", "{\"results\":[{\"statement_id\":0}]}\n");
    });
    Client client(optionsFor({server.url()}));
    const SelectQuery query =
            client.query({u"key1"_s, u"key2"_s}, {u"m1"_s, u"m2"_s})
                    .params({.retentionPolicy = u"dontkeep"_s, .epoch = Precision::Minutes});
    QueryReply *get = query.execute();
    QVERIFY(get->waitForFinished(10000));
    QVERIFY(get->isSuccess());
    QCOMPARE(get->query(), u"SELECT key1,key2 FROM \"m1\",\"m2\""_s);
    QCOMPARE(server.requests().last().method, "GET");
    QCOMPARE(server.requests().last().query(),
             "db=db&rp=dontkeep&epoch=m&chunked=true&q="
                     + QUrl::toPercentEncoding(get->query(), "-._~"));

    QueryReply *post = query.into(u"m3"_s).execute();
    QVERIFY(post->waitForFinished(10000));
    QCOMPARE(post->query(), u"SELECT key1,key2 INTO \"m3\" FROM \"m1\",\"m2\""_s);
    QCOMPARE(server.requests().last().method, "POST");
    QCOMPARE(server.requests().last().body,
             "db=db&rp=dontkeep&epoch=m&chunked=true&q="
                     + QUrl::toPercentEncoding(post->query(), "-._~"));
}

void tst_Faults::decodingRunsOffTheCallingThread()
{
    // A 200k-row response is decoded by the client's decoder thread: while it streams, the
    // calling (GUI) thread keeps running its event loop and sees rows arrive in pieces.
    QByteArray body;
    for (int chunk = 0; chunk < 20; ++chunk) {
        body += R"({"results":[{"statement_id":0,"series":[{"name":"m","columns":["time","v"],"values":[)";
        for (int i = 0; i < 10000; ++i) {
            if (i)
                body += ',';
            body += "[" + QByteArray::number(qint64(chunk) * 10000 + i) + ",0.5]";
        }
        body += chunk < 19 ? "],\"partial\":true}],\"partial\":true}]}\n" : "]}]}]}\n";
    }
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([&body](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 200, "application/json", body);
    });
    Client client(optionsFor({server.url()}));
    QueryReply *reply = client.rawQuery(u"SELECT * FROM m"_s);
    QSignalSpy rows(reply, &QueryReply::rowsReceived);
    QVERIFY(reply->waitForFinished(30000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->rowCount(), 200000);
    QCOMPARE(reply->result().series().rowCount(), 200000);
    QCOMPARE(reply->result().series().integerAt(199999, 0), 199999);
    QVERIFY(rows.size() > 1);
    const QList<QThread *> threads = client.findChildren<QThread *>();
    QCOMPARE(threads.size(), 1);
    QVERIFY(threads.first()->isRunning());
    QVERIFY(threads.first() != QThread::currentThread());
}

void tst_Faults::injectedNetworkManagerIsUsedAndNotOwned()
{
    // Reference tests 6-7 (a session passed in is used and never closed by the client).
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 204, {}, {});
    });
    QNetworkAccessManager manager;
    QSignalSpy used(&manager, &QNetworkAccessManager::finished);
    {
        ClientOptions o = optionsFor({server.url()});
        o.networkAccessManager = &manager;
        Client client(o);
        QCOMPARE(client.networkAccessManager(), &manager);
        QVERIFY(client.ping()->waitForFinished(10000));
        QCOMPARE(used.size(), 1);
    }
    // The client is gone; the manager it was given still works.
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(server.url().toString() + u"/ping"_s)));
    QVERIFY(used.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 204);
    delete reply;
}

void tst_Faults::autoDeleteReplies()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 204, {}, {});
    });
    Client client(optionsFor({server.url()}));
    QSignalSpy finished(&client, &Client::replyFinished);
    QPointer<PingReply> kept = client.ping();
    QVERIFY(finished.wait(10000));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(kept); // by default the caller owns it

    client.setAutoDeleteReplies(true);
    QPointer<PingReply> dropped = client.ping();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.last().first().value<Reply *>(), dropped.data());
    QTRY_VERIFY(!dropped);
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
