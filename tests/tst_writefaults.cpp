// SPDX-License-Identifier: MIT
// Writes while real influxd processes crash, freeze and come back: the account of every point.
// Each case starts its own private servers (never the shared fixture's, which other tests use).
//
//   - --import's Importer with retries rides out a crash and writes everything;
//   - without retries it stops, and every data line is either on the server or in the
//     failed-lines file;
//   - a write loop over three nodes behind three base URLs, with nodes killed, frozen (SIGSTOP)
//     and restarted, all three down at once for a while: every point acknowledged is on a node,
//     and nothing is lost silently.
#include "client.h"
#include "importer.h"
#include "localserver.h"
#include "testserver.h"

#include <QtCore/QBuffer>
#include <QtCore/QElapsedTimer>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtTest/QTest>

#include <csignal>

using namespace Influx;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int ServerStartMs = 60000;

bool startServer(LocalServer &server)
{
    if (server.start(ServerStartMs))
        return true;
    qWarning("influxd did not start: %s", qPrintable(server.errorString()));
    return false;
}

// The values of the integer field i in measurement m of database db on one server.
QList<qint64> idsOn(const QUrl &url, const QString &db)
{
    ClientOptions options;
    options.baseUrls = {url};
    options.database = db;
    Client client(options);
    Error error;
    const QueryResult result = TestSupport::query(client, u"SELECT i FROM m"_s, {}, &error);
    if (error.isError()) {
        qWarning("query on %s failed: %s", qPrintable(url.toString()),
                 qPrintable(error.toString()));
        return {};
    }
    QList<qint64> ids;
    for (const StatementResult &statement : result.statements()) {
        for (const Series &series : statement.series) {
            const qsizetype column = series.columnIndex(u"i");
            for (qsizetype row = 0; row < series.rowCount(); ++row)
                ids.append(series.integerAt(row, column));
        }
    }
    return ids;
}

bool createDatabase(const QUrl &url, const QString &db)
{
    ClientOptions options;
    options.baseUrls = {url};
    Client client(options);
    Error error;
    TestSupport::query(client, u"CREATE DATABASE "_s + db, {}, &error);
    return !error.isError();
}

// Line protocol with ids first..first+count-1: "m,b=<batch> i=<id>i <id>".
QByteArray lines(qint64 first, qint64 count, const QByteArray &tag = "x")
{
    QByteArray text;
    for (qint64 id = first; id < first + count; ++id)
        text += "m,b=" + tag + " i=" + QByteArray::number(id) + "i " + QByteArray::number(id)
                + '\n';
    return text;
}

QSet<qint64> idsInLineProtocol(const QByteArray &text)
{
    QSet<qint64> ids;
    for (const QByteArray &line : text.split('\n')) {
        const qsizetype at = line.indexOf(" i=");
        if (at >= 0)
            ids.insert(line.mid(at + 3, line.indexOf('i', at + 3) - at - 3).toLongLong());
    }
    return ids;
}

} // namespace

class tst_WriteFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importWithRetriesRidesOutACrash();
    void importWithoutRetriesKeepsEveryLineNotWritten();
    void threeNodesWriteLoop();
};

void tst_WriteFaults::importWithRetriesRidesOutACrash()
{
    LocalServer server;
    QVERIFY(startServer(server));
    QVERIFY(createDatabase(server.url(), u"imp"_s));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"in.lp"_s);
    constexpr qint64 Total = 40'000;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(lines(1, Total));
    }
    ClientOptions options;
    options.baseUrls = {server.url()};
    options.database = u"imp"_s;
    options.timeout = 5s;
    options.writeRetry.maxRetries = 30;
    options.writeRetry.initialDelay = 100ms;
    options.writeRetry.maxDelay = 500ms;
    Client client(options);
    // The crash comes right after the first batch is acknowledged: the next ones are in flight.
    bool killed = false;
    connect(&client, &Client::replyFinished, this, [&](Reply *reply) {
        if (!killed && reply->isSuccess()) {
            killed = true;
            server.kill();
            QTimer::singleShot(500, this, [&server] { QVERIFY(server.restart(ServerStartMs)); });
        }
    });
    QBuffer diagnostics;
    diagnostics.open(QIODevice::WriteOnly);
    Explorer::Importer importer(&client, &diagnostics);
    Explorer::Importer::Options importOptions;
    importOptions.path = path;
    importOptions.batchSize = 1000;
    importer.start(importOptions);
    QTRY_VERIFY_WITH_TIMEOUT(importer.isFinished(), 120000);
    const QByteArray text = diagnostics.data();
    qInfo("import log:\n%s", text.right(600).constData());
    QVERIFY(killed);
    QVERIFY2(!importer.hasFailed(), text.constData());
    const auto stats = importer.statistics();
    QCOMPARE(stats.pointsWritten, Total);
    QVERIFY(stats.retries >= 1);
    QVERIFY(text.contains("sending it again in"));
    QVERIFY(text.contains("sent again"));
    const QList<qint64> ids = idsOn(server.url(), u"imp"_s);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), Total);
    qInfo("crash during import with retries: %lld points written, %lld retries",
          stats.pointsWritten, stats.retries);
}

void tst_WriteFaults::importWithoutRetriesKeepsEveryLineNotWritten()
{
    LocalServer server;
    QVERIFY(startServer(server));
    QVERIFY(createDatabase(server.url(), u"imp"_s));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"in.lp"_s);
    const QString failedPath = dir.filePath(u"failed.lp"_s);
    constexpr qint64 Total = 40'000;
    constexpr int BatchSize = 1000;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        // Comments and blank lines are not data: they are neither written nor kept.
        file.write("# exported\n\n" + lines(1, Total));
    }
    ClientOptions options;
    options.baseUrls = {server.url()};
    options.database = u"imp"_s;
    options.timeout = 5s;
    Client client(options);
    bool killed = false;
    connect(&client, &Client::replyFinished, this, [&](Reply *reply) {
        if (!killed && reply->isSuccess()) {
            killed = true;
            server.kill();
        }
    });
    QBuffer diagnostics;
    diagnostics.open(QIODevice::WriteOnly);
    Explorer::Importer importer(&client, &diagnostics);
    Explorer::Importer::Options importOptions;
    importOptions.path = path;
    importOptions.batchSize = BatchSize;
    importOptions.failedLinesPath = failedPath;
    importer.start(importOptions);
    QTRY_VERIFY_WITH_TIMEOUT(importer.isFinished(), 120000);
    const QByteArray text = diagnostics.data();
    qInfo("import log:\n%s", text.constData());
    QVERIFY(killed);
    QVERIFY(importer.hasFailed());
    const auto stats = importer.statistics();
    QVERIFY(stats.stopped);
    QVERIFY(text.contains("ERR: import stopped"));
    QVERIFY(text.contains("lines not written are in"));
    // The arithmetic: each data line is counted written or kept, once.
    QCOMPARE(stats.pointsWritten + stats.linesKept, Total);

    QFile failedFile(failedPath);
    QVERIFY(failedFile.open(QIODevice::ReadOnly));
    const QByteArray failedText = failedFile.readAll();
    QCOMPARE(failedText.count('\n'), stats.linesKept);
    const QSet<qint64> kept = idsInLineProtocol(failedText);
    QCOMPARE(kept.size(), stats.linesKept);

    // And the truth on the server, once it is back: every line is there or in the file.
    QVERIFY(server.restart(ServerStartMs));
    const QList<qint64> list = idsOn(server.url(), u"imp"_s);
    const QSet<qint64> stored(list.cbegin(), list.cend());
    QVERIFY(stored.size() >= stats.pointsWritten);
    qint64 missing = 0;
    for (qint64 id = 1; id <= Total; ++id)
        missing += !stored.contains(id) && !kept.contains(id);
    QCOMPARE(missing, 0);
    // Kept lines that the server stored anyway: a batch in flight when it died, whose answer
    // never came. At most the batches in flight.
    const qint64 both = (stored & kept).size();
    QVERIFY(both <= 2 * BatchSize);
    qInfo("crash during import without retries: %lld written, %lld kept in the file, %lld of "
          "those stored anyway, %lld on the server",
          stats.pointsWritten, stats.linesKept, both, qint64(stored.size()));
}

void tst_WriteFaults::threeNodesWriteLoop()
{
    LocalServer nodes[3];
    QList<QUrl> urls;
    for (LocalServer &node : nodes) {
        QVERIFY(startServer(node));
        QVERIFY(createDatabase(node.url(), u"loop"_s));
        urls.append(node.url());
    }
    ClientOptions options;
    options.baseUrls = urls;
    options.database = u"loop"_s;
    options.timeout = 1s;
    options.writeRetry.maxRetries = 60;
    options.writeRetry.initialDelay = 50ms;
    options.writeRetry.maxDelay = 400ms;
    Client client(options);

    // The faults, by time since the loop began (ms). Restarts run a local event loop while
    // influxd comes up, so the writes go on meanwhile.
    struct Event
    {
        qint64 at;
        int node;
        enum { Kill, Stop, Continue, Restart } what;
    };
    const QList<Event> events = {
            {300, 0, Event::Kill},      {800, 1, Event::Stop},     {1300, 0, Event::Restart},
            {2000, 1, Event::Continue}, {2300, 2, Event::Kill},    {2600, 0, Event::Kill},
            {2900, 1, Event::Kill}, // all three down
            {3600, 2, Event::Restart},  {4200, 0, Event::Restart}, {4800, 1, Event::Restart},
    };
    constexpr int Writes = 250;
    constexpr int PointsPerWrite = 40;
    constexpr int MaxInFlight = 8;

    struct Sent
    {
        WriteReply *reply;
        qint64 firstId;
    };
    QList<Sent> sent;
    int inFlight = 0;
    qsizetype nextEvent = 0;
    bool inEvent = false;
    QElapsedTimer clock;
    clock.start();
    QTimer tick;
    tick.setInterval(20);
    connect(&tick, &QTimer::timeout, this, [&] {
        if (!inEvent && nextEvent < events.size() && clock.elapsed() >= events[nextEvent].at) {
            inEvent = true;
            const Event event = events[nextEvent++];
            LocalServer &node = nodes[event.node];
            switch (event.what) {
            case Event::Kill:
                node.kill();
                break;
            case Event::Stop:
                ::kill(pid_t(node.processId()), SIGSTOP);
                break;
            case Event::Continue:
                ::kill(pid_t(node.processId()), SIGCONT);
                break;
            case Event::Restart:
                if (!node.restart(ServerStartMs))
                    qWarning("restart failed: %s", qPrintable(node.errorString()));
                break;
            }
            qInfo("%5lld ms: node %d %s; %lld writes sent, %d in flight", clock.elapsed(),
                  event.node,
                  event.what == Event::Kill               ? "killed"
                          : event.what == Event::Stop     ? "frozen (SIGSTOP)"
                          : event.what == Event::Continue ? "resumed (SIGCONT)"
                                                          : "restarted",
                  qint64(sent.size()), inFlight);
            inEvent = false;
        }
        if (sent.size() < Writes && inFlight < MaxInFlight) {
            const qint64 firstId = qint64(sent.size()) * PointsPerWrite + 1;
            WriteReply *reply = client.writeLines(
                    lines(firstId, PointsPerWrite, QByteArray::number(sent.size())));
            ++inFlight;
            connect(reply, &Reply::finished, this, [&inFlight] { --inFlight; });
            sent.append({reply, firstId});
        }
    });
    tick.start();
    QTRY_VERIFY_WITH_TIMEOUT(sent.size() == Writes && inFlight == 0 && nextEvent == events.size(),
                             180000);
    tick.stop();

    // Every node up again to be counted (a restart that failed above is retried here).
    QList<QSet<qint64>> onNode;
    for (LocalServer &node : nodes) {
        if (!node.isRunning())
            QVERIFY(node.restart(ServerStartMs));
        const QList<qint64> ids = idsOn(node.url(), u"loop"_s);
        onNode.append(QSet<qint64>(ids.cbegin(), ids.cend()));
    }
    const QSet<qint64> stored = onNode[0] + onNode[1] + onNode[2];

    qint64 reportedWritten = 0;
    qint64 reportedFailed = 0;
    qint64 lost = 0; // acknowledged, yet on no node: lost silently
    int retried = 0;
    int maxAttempts = 0;
    for (const Sent &s : std::as_const(sent)) {
        const bool ok = s.reply->isSuccess();
        (ok ? reportedWritten : reportedFailed) += PointsPerWrite;
        retried += s.reply->attempts() > 1;
        maxAttempts = std::max(maxAttempts, s.reply->attempts());
        for (qint64 id = s.firstId; id < s.firstId + PointsPerWrite; ++id) {
            lost += ok && !stored.contains(id);
        }
        if (!ok)
            qWarning("write %lld failed: %s", s.firstId / PointsPerWrite,
                     qPrintable(s.reply->error().toString()));
    }
    const qint64 duplicated = (onNode[0] & onNode[1]).size() + (onNode[0] & onNode[2]).size()
            + (onNode[1] & onNode[2]).size();
    qInfo("three nodes: %d writes of %d points; reported written %lld, reported failed %lld; "
          "stored on the nodes %lld + %lld + %lld = %lld distinct (%lld on two nodes); %d writes "
          "retried, at most %d attempts",
          Writes, PointsPerWrite, reportedWritten, reportedFailed, qint64(onNode[0].size()),
          qint64(onNode[1].size()), qint64(onNode[2].size()), qint64(stored.size()), duplicated,
          retried, maxAttempts);
    QCOMPARE(lost, 0);
    QCOMPARE(reportedWritten + reportedFailed, qint64(Writes) * PointsPerWrite);
    // With retries, the outages are ridden out: every write succeeds in the end.
    QCOMPARE(reportedFailed, 0);
    QCOMPARE(qint64(stored.size()), qint64(Writes) * PointsPerWrite);
    QVERIFY(retried > 0);
}

QTEST_GUILESS_MAIN(tst_WriteFaults)
#include "tst_writefaults.moc"
