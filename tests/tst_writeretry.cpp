// SPDX-License-Identifier: MIT
// The opt-in retry policy for writes (RetryPolicy), against the local fault server: what is
// retried and what is not, the back-off, failover on each attempt, abort while waiting and the
// bounded retry queue.
#include "client.h"
#include "faultserver.h"
#include "testserver.h"

#include <QtCore/QElapsedTimer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace Influx;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using TestSupport::FaultServer;

namespace {

RetryPolicy fastRetry(int retries)
{
    RetryPolicy policy;
    policy.maxRetries = retries;
    policy.initialDelay = 20ms;
    policy.maxDelay = 200ms;
    policy.jitter = 0;
    return policy;
}

ClientOptions optionsFor(const QList<QUrl> &urls, const RetryPolicy &retry = {})
{
    ClientOptions options;
    options.baseUrls = urls;
    options.database = u"db"_s;
    options.timeout = 5s;
    options.writeRetry = retry;
    return options;
}

// Answers with the given statuses in turn (204 once they run out).
FaultServer::Handler statuses(QList<int> list)
{
    auto remaining = std::make_shared<QList<int>>(std::move(list));
    return [remaining](const FaultServer::Request &, QTcpSocket *s) {
        const int status = remaining->isEmpty() ? 204 : remaining->takeFirst();
        if (status == 204)
            FaultServer::respond(s, 204, {}, {});
        else
            FaultServer::respond(s, status, "application/json",
                                 R"({"error":"status )" + QByteArray::number(status) + R"("})");
    };
}

} // namespace

class tst_WriteRetry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void offByDefault();
    void serverErrorsAreRetriedUntilSuccess();
    void givesUpAfterMaxRetries();
    void notRetried_data();
    void notRetried();
    void timeoutIsRetried();
    void refusedServerThatComesBack();
    void eachAttemptFailsOver();
    void stalledServerGoesToTheBack();
    void perCallPolicyOverridesTheClient();
    void abortWhileWaiting();
    void queueIsBounded();
    void backoffGrowsToItsCap();
    void jitterStaysInItsBounds();
    void optionsFromText();
    void outcomeOfALostWriteIsUnknown();
    void retryAfterIsHonoured();
};

void tst_WriteRetry::offByDefault()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(statuses({503}));
    Client client(optionsFor({server.url()}));
    WriteReply *reply = client.writeLines("m v=1 1");
    QSignalSpy retrying(reply, &WriteReply::retrying);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().httpStatus(), 503);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(reply->attempts(), 1);
    QCOMPARE(retrying.size(), 0);
}

void tst_WriteRetry::serverErrorsAreRetriedUntilSuccess()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(statuses({503, 500, 429}));
    Client client(optionsFor({server.url()}, fastRetry(5)));
    const QByteArray body = "m,host=a v=1 1\nm,host=b v=2 2";
    WriteReply *reply = client.writeLines(body);
    QSignalSpy retrying(reply, &WriteReply::retrying);
    QSignalSpy finished(reply, &Reply::finished);
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(reply->attempts(), 4);
    QCOMPARE(retrying.size(), 3);
    // attempt numbers, the failure that caused each retry, and the doubling delays
    QCOMPARE(retrying.at(0).at(0).toInt(), 2);
    QCOMPARE(retrying.at(2).at(0).toInt(), 4);
    QCOMPARE(retrying.at(0).at(1).value<Error>().httpStatus(), 503);
    QCOMPARE(retrying.at(1).at(1).value<Error>().httpStatus(), 500);
    QCOMPARE(retrying.at(2).at(1).value<Error>().httpStatus(), 429);
    QCOMPARE(retrying.at(0).at(2).toInt(), 20);
    QCOMPARE(retrying.at(1).at(2).toInt(), 40);
    QCOMPARE(retrying.at(2).at(2).toInt(), 80);
    // every attempt sent the same points to the same place
    QCOMPARE(server.requests().size(), 4);
    for (const FaultServer::Request &request : server.requests()) {
        QCOMPARE(request.body, body);
        QCOMPARE(request.target, QByteArray("/write?db=db"));
    }
}

void tst_WriteRetry::givesUpAfterMaxRetries()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(statuses({500, 500, 500, 500, 500}));
    Client client(optionsFor({server.url()}, fastRetry(2)));
    WriteReply *reply = client.writeLines("m v=1 1");
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->error().message(), u"status 500"_s);
    QVERIFY2(reply->error().detail().contains(u"failed after 3 attempts"_s),
             qPrintable(reply->error().detail()));
    QCOMPARE(reply->attempts(), 3);
    QCOMPARE(server.requests().size(), 3);
    QCOMPARE(reply->body(), QByteArray("m v=1 1")); // the points are kept
}

void tst_WriteRetry::notRetried_data()
{
    QTest::addColumn<int>("status");
    QTest::newRow("400 bad data") << 400;
    QTest::newRow("401 authentication") << 401;
    QTest::newRow("403 forbidden") << 403;
    QTest::newRow("404 database not found") << 404;
    QTest::newRow("413 too large") << 413;
    QTest::newRow("501 not implemented") << 501;
}

void tst_WriteRetry::notRetried()
{
    QFETCH(int, status);
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(statuses({status}));
    Client client(optionsFor({server.url()}, fastRetry(5)));
    WriteReply *reply = client.writeLines("m v=1 1");
    QSignalSpy retrying(reply, &WriteReply::retrying);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().httpStatus(), status);
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(retrying.size(), 0);
    QVERIFY(!reply->error().detail().contains(u"attempts"_s));
}

void tst_WriteRetry::timeoutIsRetried()
{
    FaultServer server;
    QVERIFY(server.listen());
    int seen = 0;
    server.setHandler([&seen](const FaultServer::Request &, QTcpSocket *s) {
        if (++seen == 1)
            return; // never answers: the client times out
        FaultServer::respond(s, 204, {}, {});
    });
    ClientOptions options = optionsFor({server.url()}, fastRetry(3));
    options.timeout = 300ms;
    Client client(options);
    WriteReply *reply = client.writeLines("m v=1 1");
    QSignalSpy retrying(reply, &WriteReply::retrying);
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(retrying.at(0).at(1).value<Error>().kind(), Error::Kind::Timeout);
    QCOMPARE(server.requests().size(), 2);
}

void tst_WriteRetry::refusedServerThatComesBack()
{
    const quint16 port = TestSupport::closedPort();
    QVERIFY(port != 0);
    const QUrl url(u"http://127.0.0.1:%1"_s.arg(port));
    RetryPolicy policy = fastRetry(20);
    policy.initialDelay = 50ms;
    policy.maxDelay = 100ms;
    Client client(optionsFor({url}, policy));
    WriteReply *reply = client.writeLines("m v=1 1");
    QSignalSpy retrying(reply, &WriteReply::retrying);
    // Nothing listens yet: the first attempts are refused.
    QTRY_VERIFY_WITH_TIMEOUT(retrying.size() >= 2, 10000);
    QCOMPARE(retrying.at(0).at(1).value<Error>().kind(), Error::Kind::NoServersReachable);
    QVERIFY(reply->isRunning());
    FaultServer server;
    QVERIFY(server.listen(port));
    server.setHandler(statuses({}));
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(reply->serverUrl(), url);
}

void tst_WriteRetry::eachAttemptFailsOver()
{
    // Two servers: the first answers 503 once, then goes away; the second is healthy. The retry
    // starts from the front of the failover list, so the write ends on the second.
    FaultServer first;
    FaultServer second;
    QVERIFY(first.listen());
    QVERIFY(second.listen());
    first.setHandler([&first](const FaultServer::Request &, QTcpSocket *s) {
        FaultServer::respond(s, 503, "application/json", R"({"error":"going down"})");
        s->disconnectFromHost();
        first.close();
    });
    second.setHandler(statuses({}));
    Client client(optionsFor({first.url(), second.url()}, fastRetry(3)));
    WriteReply *reply = client.writeLines("m v=1 1");
    QSignalSpy retrying(reply, &WriteReply::retrying);
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(retrying.size(), 1);
    QCOMPARE(first.requests().size(), 1);
    QCOMPARE(second.requests().size(), 1);
    QCOMPARE(reply->serverUrl(), second.url());
    QCOMPARE(client.baseUrls().first(), second.url()); // and it goes first from now on
}

void tst_WriteRetry::stalledServerGoesToTheBack()
{
    // A server that accepts and never answers (a frozen process) does not refuse: the failover
    // alone would never leave it. The retry asks the other one first.
    FaultServer stalled;
    FaultServer healthy;
    QVERIFY(stalled.listen());
    QVERIFY(healthy.listen());
    stalled.setHandler([](const FaultServer::Request &, QTcpSocket *) {});
    healthy.setHandler(statuses({}));
    ClientOptions options = optionsFor({stalled.url(), healthy.url()}, fastRetry(2));
    options.timeout = 300ms;
    Client client(options);
    WriteReply *reply = client.writeLines("m v=1 1");
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->attempts(), 2);
    QCOMPARE(stalled.requests().size(), 1);
    QCOMPARE(healthy.requests().size(), 1);
    QCOMPARE(client.baseUrls(), (QList<QUrl> {healthy.url(), stalled.url()}));
}

void tst_WriteRetry::perCallPolicyOverridesTheClient()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(statuses({503, 503}));
    Client client(optionsFor({server.url()})); // the client does not retry
    WriteOptions options;
    options.retry = fastRetry(2);
    WriteReply *reply = client.writeLines("m v=1 1", options);
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY(reply->isSuccess());
    QCOMPARE(server.requests().size(), 3);

    // And the other way round: a retrying client, one write that must not retry.
    server.setHandler(statuses({503}));
    client.setOptions(optionsFor({server.url()}, fastRetry(4)));
    options.retry = RetryPolicy {};
    WriteReply *once = client.writeLines("m v=1 1", options);
    QVERIFY(once->waitForFinished(10000));
    QCOMPARE(once->error().httpStatus(), 503);
    QCOMPARE(server.requests().size(), 4);

    // An invalid policy is an error before anything is sent.
    options.retry = fastRetry(2);
    options.retry->multiplier = 0.5;
    WriteReply *invalid = client.writeLines("m v=1 1", options);
    QVERIFY(invalid->waitForFinished(10000));
    QCOMPARE(invalid->error().kind(), Error::Kind::InvalidArgument);
    QCOMPARE(server.requests().size(), 4);
}

void tst_WriteRetry::abortWhileWaiting()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(statuses({503, 503, 503}));
    RetryPolicy policy = fastRetry(5);
    policy.initialDelay = 10s; // the retry waits long: abort must not
    policy.maxDelay = 10s;
    Client client(optionsFor({server.url()}, policy));
    WriteReply *reply = client.writeLines("m v=1 1");
    QSignalSpy retrying(reply, &WriteReply::retrying);
    QTRY_COMPARE_WITH_TIMEOUT(retrying.size(), 1, 10000);
    QElapsedTimer clock;
    clock.start();
    reply->abort();
    QVERIFY(reply->waitForFinished(2000));
    QVERIFY(clock.elapsed() < 2000);
    QCOMPARE(reply->error().kind(), Error::Kind::Aborted);
    QTest::qWait(100);
    QCOMPARE(server.requests().size(), 1);
}

void tst_WriteRetry::queueIsBounded()
{
    // Three writes of 1,000 bytes fail together; the queue holds 2,500 bytes: two wait for a
    // retry, the third fails at once and says why. Once the first two are done, there is room
    // again.
    FaultServer server;
    QVERIFY(server.listen());
    int failuresLeft = 3;
    server.setHandler([&failuresLeft](const FaultServer::Request &, QTcpSocket *s) {
        if (failuresLeft-- > 0)
            FaultServer::respond(s, 503, "application/json", R"({"error":"busy"})");
        else
            FaultServer::respond(s, 204, {}, {});
    });
    RetryPolicy policy = fastRetry(3);
    policy.initialDelay = 300ms;
    policy.maxDelay = 300ms;
    policy.maxQueuedBytes = 2500;
    Client client(optionsFor({server.url()}, policy));
    const QByteArray body = "m v=1 1" + QByteArray(993, ' ');
    QList<WriteReply *> replies;
    for (int i = 0; i < 3; ++i)
        replies.append(client.writeLines(body));
    for (WriteReply *reply : replies)
        QVERIFY(reply->waitForFinished(10000));
    int succeeded = 0;
    int refusedByQueue = 0;
    for (WriteReply *reply : replies) {
        if (reply->isSuccess()) {
            ++succeeded;
            QCOMPARE(reply->attempts(), 2);
        } else {
            ++refusedByQueue;
            QCOMPARE(reply->error().httpStatus(), 503);
            QVERIFY2(reply->error().detail().contains(u"not retried"_s),
                     qPrintable(reply->error().detail()));
            QCOMPARE(reply->attempts(), 1);
        }
    }
    QCOMPARE(succeeded, 2);
    QCOMPARE(refusedByQueue, 1);

    // The queue is empty again: a new failing write is retried.
    failuresLeft = 1;
    WriteReply *later = client.writeLines(body);
    QVERIFY(later->waitForFinished(10000));
    QVERIFY(later->isSuccess());
    QCOMPARE(later->attempts(), 2);
}

void tst_WriteRetry::backoffGrowsToItsCap()
{
    RetryPolicy policy;
    policy.maxRetries = 10;
    policy.initialDelay = 500ms;
    policy.multiplier = 2;
    policy.maxDelay = 5s;
    QCOMPARE(policy.delayBefore(1), 500ms);
    QCOMPARE(policy.delayBefore(2), 1000ms);
    QCOMPARE(policy.delayBefore(4), 4000ms);
    QCOMPARE(policy.delayBefore(5), 5000ms);
    QCOMPARE(policy.delayBefore(60), 5000ms); // no overflow however many retries
    policy.multiplier = 1;
    QCOMPARE(policy.delayBefore(7), 500ms);
}

void tst_WriteRetry::jitterStaysInItsBounds()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(statuses(QList<int>(8, 503)));
    RetryPolicy policy = fastRetry(8);
    policy.initialDelay = 100ms;
    policy.maxDelay = 100ms;
    policy.jitter = 0.5;
    Client client(optionsFor({server.url()}, policy));
    WriteReply *reply = client.writeLines("m v=1 1");
    QSignalSpy retrying(reply, &WriteReply::retrying);
    QVERIFY(reply->waitForFinished(20000));
    QCOMPARE(retrying.size(), 8);
    QSet<int> delays;
    for (const QList<QVariant> &signal : retrying) {
        const int delay = signal.at(2).toInt();
        QVERIFY2(delay >= 50 && delay <= 150, qPrintable(QString::number(delay)));
        delays.insert(delay);
    }
    QVERIFY(delays.size() > 1); // randomised, so writers do not retry in step
}

void tst_WriteRetry::optionsFromText()
{
    Error error;
    ClientOptions options = ClientOptions::fromVariantMap(
            {{u"writeRetries"_s, u"5"_s}, {u"writeRetryMaxDelay"_s, u"2.5"_s}}, &error);
    QVERIFY(!error.isError());
    QCOMPARE(options.writeRetry.maxRetries, 5);
    QCOMPARE(options.writeRetry.maxDelay, 2500ms);
    QCOMPARE(ClientOptions().writeRetry.maxRetries, 0);

    for (const QString &bad : {u"-1"_s, u"x"_s, u"101"_s, u"99999999999"_s}) {
        ClientOptions::fromVariantMap({{u"writeRetries"_s, bad}}, &error);
        QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
        QVERIFY2(error.message().contains(u"write retries"_s), qPrintable(error.message()));
    }
    for (const QString &bad : {u"0"_s, u"-3"_s, u"nan"_s, u"1e12"_s}) {
        ClientOptions::fromVariantMap({{u"writeRetryMaxDelay"_s, bad}}, &error);
        QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    }
    // A cap below the first delay is refused when the options are set.
    ClientOptions shortCap;
    shortCap.writeRetry.maxRetries = 3;
    shortCap.writeRetry.maxDelay = 100ms;
    QCOMPARE(shortCap.validate().kind(), Error::Kind::InvalidArgument);
}

void tst_WriteRetry::outcomeOfALostWriteIsUnknown()
{
    // Sent whole, then the connection closes without an answer: maybe stored.
    FaultServer closing;
    QVERIFY(closing.listen());
    closing.setHandler(
            [](const FaultServer::Request &, QTcpSocket *s) { s->disconnectFromHost(); });
    Client client(optionsFor({closing.url()}));
    WriteReply *lost = client.writeLines("m v=1 1");
    QVERIFY(lost->waitForFinished(10000));
    QCOMPARE(lost->error().kind(), Error::Kind::NoServersReachable);
    QVERIFY(lost->error().isOutcomeUnknown());
    // Qt itself sends a request once more when its connection closes before any answer.
    QVERIFY(closing.requests().size() >= 1);

    // Sent whole, no answer within the timeout: maybe stored.
    FaultServer silent;
    QVERIFY(silent.listen());
    silent.setHandler([](const FaultServer::Request &, QTcpSocket *) {});
    ClientOptions options = optionsFor({silent.url()});
    options.timeout = 300ms;
    Client patient(options);
    WriteReply *timedOut = patient.writeLines("m v=1 1");
    QVERIFY(timedOut->waitForFinished(10000));
    QCOMPARE(timedOut->error().kind(), Error::Kind::Timeout);
    QVERIFY(timedOut->error().isOutcomeUnknown());

    // Refused: never sent, known not stored.
    Client refused(optionsFor({QUrl(TestSupport::closedPortUrl())}));
    WriteReply *never = refused.writeLines("m v=1 1");
    QVERIFY(never->waitForFinished(10000));
    QCOMPARE(never->error().kind(), Error::Kind::NoServersReachable);
    QVERIFY(!never->error().isOutcomeUnknown());

    // An answer, even an error, is known.
    FaultServer failing;
    QVERIFY(failing.listen());
    failing.setHandler(statuses({500}));
    Client answered(optionsFor({failing.url()}));
    WriteReply *known = answered.writeLines("m v=1 1");
    QVERIFY(known->waitForFinished(10000));
    QCOMPARE(known->error().httpStatus(), 500);
    QVERIFY(!known->error().isOutcomeUnknown());
}

void tst_WriteRetry::retryAfterIsHonoured()
{
    // 503 with "Retry-After: 1": the retry waits a second, not the policy's 20 ms; a
    // Retry-After beyond maxDelay is cut to it.
    FaultServer server;
    QVERIFY(server.listen());
    int seen = 0;
    server.setHandler([&seen](const FaultServer::Request &, QTcpSocket *s) {
        if (++seen > 2) {
            FaultServer::respond(s, 204, {}, {});
            return;
        }
        FaultServer::respond(s, 503, "application/json", R"({"error":"later"})",
                             {{"Retry-After", seen == 1 ? "1" : "3600"}});
    });
    RetryPolicy policy = fastRetry(3);
    policy.maxDelay = 1500ms;
    Client client(optionsFor({server.url()}, policy));
    WriteReply *reply = client.writeLines("m v=1 1");
    QSignalSpy retrying(reply, &WriteReply::retrying);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(reply->waitForFinished(10000));
    QVERIFY(reply->isSuccess());
    QCOMPARE(retrying.size(), 2);
    QCOMPARE(retrying.at(0).at(1).value<Error>().retryAfter(), 1);
    QCOMPARE(retrying.at(0).at(2).toInt(), 1000);
    QCOMPARE(retrying.at(1).at(2).toInt(), 1500);
    QVERIFY(clock.elapsed() >= 2300); // 2.5 s, less what a coarse timer may fire early (5 %)
}

QTEST_GUILESS_MAIN(tst_WriteRetry)
#include "tst_writeretry.moc"
