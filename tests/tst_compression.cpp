// SPDX-License-Identifier: MIT
// ClientOptions::compression: what goes over the wire (captured by the fault server) and that
// the real influxd accepts gzipped writes and sends gzipped results that read back the same.
#include "client.h"
#include "faultserver.h"
#include "gzip.h"
#include "requestdispatcher.h"
#include "testserver.h"

#include <QtNetwork/QTcpSocket>
#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;
using TestSupport::FaultServer;

class tst_Compression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gzipRoundTrip();
    void gzipRejectsBrokenData();
    void autoSkipsLoopback_data();
    void autoSkipsLoopback();
    void optionFromText();
    void autoOnLoopbackSendsPlain();
    void gzipCompressesLargeWrites();
    void gzipResponseIsInflated();
    void liveServerTakesGzip();

private:
    // Lines of about 60 bytes each; n of them.
    static QByteArray lines(int n);
    // A fault server answering 204 to writes and a one-row result to queries (gzipped when the
    // request accepts gzip).
    static void answer(const FaultServer::Request &request, QTcpSocket *socket);
};

QByteArray tst_Compression::lines(int n)
{
    QByteArray text;
    for (int i = 0; i < n; ++i)
        text += "cpu,host=host" + QByteArray::number(i % 100) + " usage=" + QByteArray::number(i)
                + "i " + QByteArray::number(1'700'000'000 + i) + "000000000\n";
    return text;
}

static const QByteArray OneRow =
        R"({"results":[{"statement_id":0,"series":[{"name":"cpu","columns":["time","v"],"values":[["2023-11-14T22:13:20Z",42]]}]}]})"
        "\n";

void tst_Compression::answer(const FaultServer::Request &request, QTcpSocket *socket)
{
    if (request.path() == "/write") {
        FaultServer::respond(socket, 204, {}, {});
        return;
    }
    if (request.headers.value("accept-encoding").contains("gzip")) {
        FaultServer::respond(socket, 200, "application/json", Gzip::compress(OneRow),
                             {{"Content-Encoding", "gzip"}});
    } else {
        FaultServer::respond(socket, 200, "application/json", OneRow);
    }
}

void tst_Compression::gzipRoundTrip()
{
    const QByteArray text = lines(5000);
    const QByteArray packed = Gzip::compress(text);
    QVERIFY(packed.startsWith("\x1f\x8b")); // the gzip magic, not zlib's header
    QVERIFY2(packed.size() < text.size() / 3, qPrintable(QString::number(packed.size())));
    QCOMPARE(Gzip::decompress(packed), text);
    // Concatenated members (what `cat a.gz b.gz` gives) are one stream.
    QCOMPARE(Gzip::decompress(QByteArray(Gzip::compress("ab") + Gzip::compress("cd"))), "abcd"_ba);
    QCOMPARE(Gzip::decompress(Gzip::compress({})), QByteArray());
}

void tst_Compression::gzipRejectsBrokenData()
{
    const QByteArray packed = Gzip::compress(lines(100));
    QCOMPARE(Gzip::decompress(packed.first(packed.size() / 2)), std::nullopt); // cut short
    QByteArray corrupt = packed;
    corrupt[corrupt.size() / 2] = char(corrupt[corrupt.size() / 2] ^ 0x55);
    QCOMPARE(Gzip::decompress(corrupt), std::nullopt);
    QCOMPARE(Gzip::decompress("plain text"), std::nullopt);
}

void tst_Compression::autoSkipsLoopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("127.0.0.1") << u"http://127.0.0.1:8086"_s << false;
    QTest::newRow("127.1.2.3") << u"http://127.1.2.3:8086"_s << false;
    QTest::newRow("localhost") << u"http://LocalHost:8086"_s << false;
    QTest::newRow("::1") << u"http://[::1]:8086"_s << false;
    QTest::newRow("lan address") << u"http://10.0.0.5:8086"_s << true;
    QTest::newRow("host name") << u"https://influx.example.com"_s << true;
}

void tst_Compression::autoSkipsLoopback()
{
    QFETCH(QString, url);
    QFETCH(bool, gzip);
    QCOMPARE(RequestDispatcher::usesGzip(Compression::Auto, QUrl(url)), gzip);
    QVERIFY(RequestDispatcher::usesGzip(Compression::Gzip, QUrl(url)));
    QVERIFY(!RequestDispatcher::usesGzip(Compression::None, QUrl(url)));
}

void tst_Compression::optionFromText()
{
    Error error;
    ClientOptions options = ClientOptions::fromVariantMap({{u"compression"_s, u"GZIP"_s}}, &error);
    QVERIFY(!error.isError());
    QCOMPARE(options.compression, Compression::Gzip);
    options = ClientOptions::fromVariantMap({}, &error);
    QCOMPARE(options.compression, Compression::Auto);
    ClientOptions::fromVariantMap({{u"compression"_s, u"zstd"_s}}, &error);
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(error.message(), uR"(compression must be one of "auto", "gzip" or "none": zstd)"_s);
}

// The default on 127.0.0.1: nothing compressed either way, and Qt's own gzip request is
// switched off.
void tst_Compression::autoOnLoopbackSendsPlain()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(&tst_Compression::answer);
    Client client(ClientOptions {.baseUrls = {server.url()}, .database = u"db"_s});

    const QByteArray body = lines(1000);
    std::unique_ptr<WriteReply> write(client.writeLines(body));
    QVERIFY(write->waitForFinished(10000));
    QVERIFY2(write->isSuccess(), qPrintable(write->error().toString()));
    std::unique_ptr<QueryReply> query(client.rawQuery(u"SELECT * FROM cpu"_s));
    QVERIFY(query->waitForFinished(10000));
    QVERIFY2(query->isSuccess(), qPrintable(query->error().toString()));
    QCOMPARE(query->result().series().integerAt(0, 1), 42);

    const QList<FaultServer::Request> requests = server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].headers.value("content-encoding"), QByteArray());
    QCOMPARE(requests[0].body, body);
    for (const FaultServer::Request &request : requests)
        QCOMPARE(request.headers.value("accept-encoding"), "identity"_ba);
}

// Compression::Gzip: a write body from GzipMinimumBody on is sent gzipped and inflates to
// exactly the lines; a smaller one is sent as it is.
void tst_Compression::gzipCompressesLargeWrites()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(&tst_Compression::answer);
    Client client(ClientOptions {
            .baseUrls = {server.url()}, .database = u"db"_s, .compression = Compression::Gzip});

    const QByteArray large = lines(20000);
    const QByteArray small = lines(2);
    QVERIFY(small.size() < RequestDispatcher::GzipMinimumBody);
    for (const QByteArray &body : {large, small}) {
        std::unique_ptr<WriteReply> reply(client.writeLines(body));
        QVERIFY(reply->waitForFinished(10000));
        QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    }
    const QList<FaultServer::Request> requests = server.requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests[0].headers.value("content-encoding"), "gzip"_ba);
    QVERIFY(requests[0].body.size() < large.size() / 3);
    QCOMPARE(Gzip::decompress(requests[0].body), large);
    QCOMPARE(requests[1].headers.value("content-encoding"), QByteArray());
    QCOMPARE(requests[1].body, small);
}

void tst_Compression::gzipResponseIsInflated()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(&tst_Compression::answer);
    Client client(ClientOptions {
            .baseUrls = {server.url()}, .database = u"db"_s, .compression = Compression::Gzip});
    std::unique_ptr<QueryReply> reply(client.rawQuery(u"SELECT * FROM cpu"_s));
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QVERIFY(server.requests().value(0).headers.value("accept-encoding").contains("gzip"));
    QCOMPARE(reply->result().series().integerAt(0, 1), 42);
}

// influxd 1.6 takes a gzipped write and sends a gzipped result; both read back exactly as the
// uncompressed ones.
void tst_Compression::liveServerTakesGzip()
{
    const QUrl url = TestSupport::fixtureUrl();
    QVERIFY2(!url.isEmpty(), "no influxd: run through ctest (fixture \"influxd\")");
    const QString db = TestSupport::uniqueName(u"gzip"_s);
    QVERIFY(!TestSupport::createDatabase(db).isError());
    const auto drop = qScopeGuard([&db] { TestSupport::dropDatabase(db); });

    Client gzip(
            ClientOptions {.baseUrls = {url}, .database = db, .compression = Compression::Gzip});
    Client plain(
            ClientOptions {.baseUrls = {url}, .database = db, .compression = Compression::None});
    const Error error = TestSupport::writeLines(gzip, lines(20000));
    QVERIFY2(!error.isError(), qPrintable(error.toString()));

    const QString text = u"SELECT * FROM cpu"_s;
    const QueryResult zipped = TestSupport::query(gzip, text);
    QCOMPARE(zipped.series().rowCount(), 20000);
    QCOMPARE(zipped.series().integerAt(19999, 2), 19999);
    QCOMPARE(zipped, TestSupport::query(plain, text));
}

QTEST_GUILESS_MAIN(tst_Compression)
#include "tst_compression.moc"
