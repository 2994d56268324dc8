// SPDX-License-Identifier: MIT
// Faults with real servers (issue 7): private influxd instances (Influx::LocalServer, never the
// shared fixture) are killed with SIGKILL in the middle of a streamed query, at the client and in
// the window, and of a batch write in the write panel (the account is then checked against the
// data after a restart on the same directory); a server that never answers; a refused
// connection; SIGTERM to the window process with an unsaved query tab. Each case must end in a
// clear error, with the GUI thread responsive (the largest gap between the ticks of a 10 ms timer
// is measured and printed), and every line either written or reported as not written.
#include "client.h"
#include "editor/queryeditor.h"
#include "faultserver.h"
#include "gapmeter.h"
#include "localserver.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/querypage.h"
#include "mainwindow/writedock.h"
#include "models/resulttablemodel.h"
#include "results/resultspanel.h"
#include "settings/connectionmanager.h"
#include "settings/connectionprofile.h"
#include "testserver.h"
#include "vnckeyboard.h"
#include "windowfixture.h"
#include "write/batchpage.h"
#include "write/batchwriter.h"
#include "write/lineprotocoleditor.h"
#include "write/pointform.h"
#include "write/writepanel.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QLibraryInfo>
#include <QtCore/QPointer>
#include <QtCore/QProcess>
#include <QtCore/QScopeGuard>
#include <QtCore/QSet>
#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolButton>

#include <csignal>
#include <sys/types.h>

using namespace Influx;
using namespace Qt::StringLiterals;
using Explorer::BatchPage;
using Explorer::BatchWriter;
using Explorer::BatchWriteReport;
using Explorer::MainWindow;
using Explorer::QueryPage;
using Explorer::ResultsPanel;
using TestSupport::GapMeter;
using TestSupport::VncKeyboard;
using Outcome = BatchWriteReport::Outcome;

namespace {

constexpr int StartTimeoutMs = 60000;
constexpr int LongWait = 60000;
constexpr qint64 MaxGapMs = 1000; // generous: ASan builds are several times slower
constexpr int StreamPoints = 200000;
constexpr int WritePoints = 100000;
constexpr int WriteBatchSize = 500;
constexpr qint64 Nov2023 = 1700000000000000000;

template<typename T>
T *child(const QObject &parent, const QString &name)
{
    T *object = parent.findChild<T *>(name);
    if (!object)
        qWarning("no child %s", qPrintable(name));
    return object;
}

QAction *menuAction(const MainWindow &window, const QString &text)
{
    const QList<QAction *> actions = window.findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->text() == text)
            return action;
    }
    qWarning("no action %s", qPrintable(text));
    return nullptr;
}

ClientOptions optionsFor(const QUrl &url, const QString &database)
{
    ClientOptions options;
    options.baseUrls = {url};
    options.database = database;
    return options;
}

// Rows of about 130 bytes as JSON, so that what can be on its way when the server dies
// (socket buffers, the client's decode backlog of 2 MiB) is a small part of the result.
Error fillWide(Client &client, const QString &database, int points)
{
    Error error;
    TestSupport::query(client, u"CREATE DATABASE \"%1\""_s.arg(database), {}, &error);
    if (error)
        return error;
    const QByteArray text = "a fairly long string field, 40 bytes....";
    constexpr int PerRequest = 50000;
    for (int first = 0; first < points; first += PerRequest) {
        QByteArray lines;
        lines.reserve(PerRequest * 110);
        for (int i = first; i < std::min(points, first + PerRequest); ++i) {
            lines += "wide,host=h" + QByteArray::number(i % 10) + " a=" + QByteArray::number(i)
                    + ".5,b=" + QByteArray::number(i) + "i,c=\"" + text + "\",d=true "
                    + QByteArray::number(Nov2023 + qint64(i) * 1000000) + '\n';
        }
        error = TestSupport::writeLines(client, lines, WriteOptions {.database = database});
        if (error)
            return error;
    }
    return {};
}

// Points the window's shared client at url, as the Connection menu does.
bool connectWindow(TestSupport::WindowFixture &fixture, const QUrl &url, const QString &database,
                   int timeoutSeconds = 60, int chunkSize = 0)
{
    Explorer::ConnectionProfile profile;
    profile.name = u"private"_s;
    profile.baseUrls = {url};
    profile.database = database;
    profile.timeoutSeconds = timeoutSeconds;
    profile.chunkSize = chunkSize;
    fixture.connections()->activateTemporary(profile, QString());
    return QTest::qWaitFor(
            [&] {
                const ClientOptions options = fixture.client()->options();
                return options.baseUrls == QList<QUrl> {url} && options.database == database;
            },
            5000);
}

void runAll(QueryPage *page)
{
    page->editor()->setFocus();
    QTest::keyClick(page->editor(), Qt::Key_Return, Qt::ControlModifier | Qt::ShiftModifier);
}

} // namespace

class tst_ServerKill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void streamedQueryKilled();
    void streamedQueryKilledInTheWindow();
    void batchWriteKilled();
    void stalledServerInTheWindow();
    void refusedConnectionInTheWindow();
    void sigtermEndsTheWindowWithUnsavedEdits();
};

void tst_ServerKill::streamedQueryKilled()
{
    LocalServer server;
    QVERIFY2(server.start(StartTimeoutMs), qPrintable(server.errorString()));
    const QString db = u"stream"_s;
    Client client(optionsFor(server.url(), db));
    const Error filled = fillWide(client, db, StreamPoints);
    QVERIFY2(!filled, qPrintable(filled.toString()));

    std::unique_ptr<QueryReply> reply(
            client.rawQuery(u"SELECT * FROM wide"_s, QueryOptions {.chunkSize = 1000}));
    qint64 rowsAtKill = 0;
    QElapsedTimer sinceKill;
    connect(reply.get(), &QueryReply::rowsReceived, this, [&] {
        if (rowsAtKill > 0)
            return;
        rowsAtKill = reply->rowCount();
        QCOMPARE(::kill(pid_t(server.processId()), SIGKILL), 0);
        sinceKill.start();
    });
    QSignalSpy finished(reply.get(), &Reply::finished);
    QVERIFY(finished.wait(LongWait));
    const qint64 endedAfterMs = sinceKill.elapsed();
    QVERIFY(rowsAtKill > 0);

    const Error error = reply->error();
    QCOMPARE(error.kind(), Error::Kind::ProtocolError);
    QCOMPARE(error.message(),
             u"the response from %1 ended before it was complete"_s.arg(server.url().toString()));
    QVERIFY2(endedAfterMs < 10000, qPrintable(u"%1 ms"_s.arg(endedAfterMs)));
    // The rows that arrived are kept: those before the kill, and those already on their way.
    QVERIFY(reply->rowCount() >= rowsAtKill);
    QVERIFY(reply->rowCount() < StreamPoints);
    QCOMPARE(reply->result().rowCount(), reply->rowCount());
    QTRY_VERIFY(!server.isRunning());
    qInfo("client: killed after %lld rows, %lld rows kept, \"%s\" %lld ms after the kill",
          rowsAtKill, reply->rowCount(), qPrintable(error.toString()), endedAfterMs);
}

void tst_ServerKill::streamedQueryKilledInTheWindow()
{
    LocalServer server;
    QVERIFY2(server.start(StartTimeoutMs), qPrintable(server.errorString()));
    const QString db = u"stream"_s;
    {
        Client client(optionsFor(server.url(), db));
        const Error filled = fillWide(client, db, StreamPoints);
        QVERIFY2(!filled, qPrintable(filled.toString()));
    }
    QTemporaryDir dir;
    TestSupport::WindowFixture fixture(dir.path());
    QVERIFY(fixture.createWindow());
    QVERIFY(connectWindow(fixture, server.url(), db, 60, 1000));
    MainWindow *window = fixture.window();
    QueryPage *page = window->addPage(u"SELECT * FROM wide"_s, db);
    ResultsPanel *results = page->results();
    QAction *cancel = menuAction(*window, u"&Cancel"_s);
    QVERIFY(cancel);

    runAll(page);
    QCOMPARE(results->state(), ResultsPanel::State::Running);
    QVERIFY(cancel->isEnabled());
    QPointer<QueryReply> reply = results->reply();
    QVERIFY(reply);
    GapMeter meter;
    qint64 rowsAtKill = 0;
    connect(reply.data(), &QueryReply::rowsReceived, this, [&] {
        if (rowsAtKill > 0)
            return;
        rowsAtKill = reply->rowCount();
        meter.start();
        QCOMPARE(::kill(pid_t(server.processId()), SIGKILL), 0);
    });
    QTRY_VERIFY_WITH_TIMEOUT(results->state() != ResultsPanel::State::Running, LongWait);
    QTest::qWait(300); // what follows the end (the chart, the history) is measured as well
    const qint64 gap = meter.stop();
    QVERIFY(rowsAtKill > 0);

    QCOMPARE(results->state(), ResultsPanel::State::Failed);
    const QString expected =
            u"Request failed: the response from %1 ended before it was complete"_s.arg(
                    server.url().toString());
    QVERIFY2(results->messages().filter(expected).size() == 1,
             qPrintable(results->messages().join(u'\n')));
    QCOMPARE(child<QLabel>(*results, u"stateLabel"_s)->text(), u"Failed"_s);
    QVERIFY(window->statusBar()->currentMessage().startsWith(
            u"Query failed: the response from %1"_s.arg(server.url().toString())));
    // The rows received are kept, in their table.
    QVERIFY(results->rowCount() >= rowsAtKill);
    QVERIFY(results->rowCount() < StreamPoints);
    QCOMPARE(results->resultTabCount(), 1);
    QCOMPARE(results->tableModel(0)->rowCount(), results->rowCount());
    // Back to idle: nothing to cancel, ready to run again.
    QVERIFY(!page->isRunning());
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!child<QPushButton>(*results, u"cancelButton"_s)->isEnabled());
    QVERIFY(menuAction(*window, u"&Run statement"_s)->isEnabled());
    QVERIFY(child<QToolButton>(*page, u"runButton"_s)->isEnabled());
    qInfo("window: killed after %lld rows, %lld rows kept, largest GUI gap %lld ms", rowsAtKill,
          results->rowCount(), gap);
    QVERIFY2(gap < MaxGapMs, qPrintable(u"the GUI thread stalled for %1 ms"_s.arg(gap)));
}

void tst_ServerKill::batchWriteKilled()
{
    LocalServer server;
    QVERIFY2(server.start(StartTimeoutMs), qPrintable(server.errorString()));
    const QString db = u"batch"_s;
    {
        Client client(optionsFor(server.url(), db));
        Error error;
        TestSupport::query(client, u"CREATE DATABASE batch"_s, {}, &error);
        QVERIFY2(!error, qPrintable(error.toString()));
    }
    // Line n holds v=n: what is stored tells which lines were written.
    QStringList original;
    original.reserve(WritePoints);
    for (int n = 1; n <= WritePoints; ++n)
        original.append(u"killed,host=h%1 v=%2i %3"_s.arg(n % 10).arg(n).arg(Nov2023 + n));
    QTemporaryDir dir;
    TestSupport::WindowFixture fixture(dir.path());
    QVERIFY(fixture.createWindow());
    QVERIFY(connectWindow(fixture, server.url(), db));
    Explorer::WritePanel *panel = fixture.window()->writeDock()->panel();
    fixture.window()->writeDock()->present();
    panel->setDatabase(db);
    BatchPage *page = panel->batchPage();
    page->setBatchSize(WriteBatchSize);
    auto *editor = child<Explorer::LineProtocolEditor>(*page, u"batchEditor"_s);
    editor->setPlainText(original.join(u'\n'));
    auto *writer = child<BatchWriter>(*page, QString());
    QVERIFY(writer);

    GapMeter meter;
    bool killed = false;
    connect(writer, &BatchWriter::progress, this, [&](qint64 done) {
        if (done == 0 || killed) // the first batch must have been written
            return;
        killed = true;
        meter.start();
        QCOMPARE(::kill(pid_t(server.processId()), SIGKILL), 0);
    });
    QSignalSpy finished(page, &BatchPage::writeFinished);
    QTest::mouseClick(child<QPushButton>(*page, u"writeBatchButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(LongWait));
    QTest::qWait(300);
    const qint64 gap = meter.stop();
    QVERIFY(killed);

    // The account: every line is written or listed as not written, with why.
    const auto report = finished.first().first().value<BatchWriteReport>();
    QCOMPARE(report.totalLines, WritePoints);
    QVERIFY(report.writtenLines >= WriteBatchSize);
    QVERIFY(report.writtenLines < WritePoints);
    QCOMPARE(report.writtenLines + report.notWritten.size(), WritePoints);
    QVERIFY(report.stopped);
    QVERIFY2(report.stopReason.contains(server.url().toString()), qPrintable(report.stopReason));
    const qsizetype failed = report.count(Outcome::Failed);
    const qsizetype notSent = report.count(Outcome::NotSent);
    QCOMPARE(failed + notSent, report.notWritten.size());
    // Only the batches in flight at the kill failed, whole; the rest was never sent.
    QVERIFY(failed > 0);
    QVERIFY(failed <= BatchWriter::MaxInFlight * WriteBatchSize);
    QCOMPARE(failed % WriteBatchSize, 0);
    QVERIFY(notSent > 0);
    auto *status = child<QLabel>(*page, u"batchStatusLabel"_s);
    QVERIFY2(status->text().contains(u"Stopped after an error: "_s)
                     && status->text().contains(server.url().toString()),
             qPrintable(status->text()));
    // The lines not written are in the editor, in order, for a retry; nothing else is.
    QStringList kept;
    for (const BatchWriteReport::Line &line : report.notWritten)
        kept.append(original.at(line.line - 1));
    QCOMPARE(editor->toPlainText(), kept.join(u'\n'));
    QVERIFY(!editor->isReadOnly());
    QVERIFY(!page->isWriting());
    QVERIFY(child<QPushButton>(*page, u"writeBatchButton"_s)->isEnabled());
    QVERIFY(!child<QPushButton>(*page, u"cancelBatchButton"_s)->isEnabled());
    QVERIFY2(gap < MaxGapMs, qPrintable(u"the GUI thread stalled for %1 ms"_s.arg(gap)));

    // influxd again on the same data: every line reported written is stored, and every line
    // that is not stored was reported as not written.
    QVERIFY2(server.restart(StartTimeoutMs), qPrintable(server.errorString()));
    Client client(optionsFor(server.url(), db));
    Error error;
    const QueryResult stored = TestSupport::query(client, u"SELECT v FROM killed"_s, {}, &error);
    QVERIFY2(!error, qPrintable(error.toString()));
    QSet<qint64> storedLines;
    const Series series = stored.series();
    for (qsizetype row = 0; row < series.rowCount(); ++row)
        storedLines.insert(series.value(row, 1).toLongLong());
    QSet<qint64> notWritten;
    for (const BatchWriteReport::Line &line : report.notWritten)
        notWritten.insert(line.line);
    qsizetype reportedButStored = 0; // a failed batch the server took before it died
    for (qint64 n = 1; n <= WritePoints; ++n) {
        if (!notWritten.contains(n))
            QVERIFY2(storedLines.contains(n), qPrintable(u"line %1 was reported written"_s.arg(n)));
        else if (storedLines.contains(n))
            ++reportedButStored;
        if (!storedLines.contains(n))
            QVERIFY2(notWritten.contains(n), qPrintable(u"line %1 was lost silently"_s.arg(n)));
    }
    qInfo("batch write: %lld lines written, %lld not written (%lld in failed batches, %lld not "
          "sent; %lld of them stored all the same), %lld stored after the restart, largest GUI "
          "gap %lld ms",
          qint64(report.writtenLines), qint64(report.notWritten.size()), qint64(failed),
          qint64(notSent), qint64(reportedButStored), qint64(storedLines.size()), gap);
}

void tst_ServerKill::stalledServerInTheWindow()
{
    TestSupport::FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const TestSupport::FaultServer::Request &, QTcpSocket *) {
        // never answer
    });
    QTemporaryDir dir;
    TestSupport::WindowFixture fixture(dir.path());
    QVERIFY(fixture.createWindow());
    QVERIFY(connectWindow(fixture, server.url(), u"stall"_s, 2));
    MainWindow *window = fixture.window();
    QueryPage *page = window->addPage(u"SELECT * FROM stalled"_s, u"stall"_s);
    ResultsPanel *results = page->results();
    QAction *cancel = menuAction(*window, u"&Cancel"_s);
    QVERIFY(cancel);
    const auto asked = [&server] {
        qsizetype n = 0;
        for (const auto &request : server.requests())
            n += request.target.contains("stalled");
        return n;
    };

    GapMeter meter;
    meter.start();
    runAll(page);
    QTRY_COMPARE_WITH_TIMEOUT(asked(), 1, 20000);
    QCOMPARE(results->state(), ResultsPanel::State::Running);
    // Cancel while the server says nothing: at once.
    QVERIFY(cancel->isEnabled());
    cancel->trigger();
    QCOMPARE(results->state(), ResultsPanel::State::Cancelled);
    QVERIFY(!page->isRunning());
    QVERIFY(!cancel->isEnabled());

    // Left alone, the query ends at the profile's timeout of 2 s.
    QElapsedTimer clock;
    clock.start();
    runAll(page);
    QCOMPARE(results->state(), ResultsPanel::State::Running);
    QTRY_COMPARE_WITH_TIMEOUT(results->state(), ResultsPanel::State::Failed, 30000);
    const qint64 ms = clock.elapsed();
    QTest::qWait(100);
    const qint64 gap = meter.stop();
    QVERIFY2(ms >= 1500 && ms < 20000, qPrintable(u"%1 ms"_s.arg(ms)));
    const QString expected = u"Request failed: unexpected error when connecting to %1 (no "
                             "response within 2 s)"_s.arg(server.url().toString());
    QVERIFY2(results->messages().contains(expected), qPrintable(results->messages().join(u'\n')));
    QVERIFY(!page->isRunning());
    QVERIFY(!cancel->isEnabled());
    qInfo("stall: the timeout of 2 s ended the query after %lld ms, largest GUI gap %lld ms", ms,
          gap);
    QVERIFY2(gap < MaxGapMs, qPrintable(u"the GUI thread stalled for %1 ms"_s.arg(gap)));
}

void tst_ServerKill::refusedConnectionInTheWindow()
{
    const QString url = TestSupport::closedPortUrl();
    QVERIFY(!url.isEmpty());
    QTemporaryDir dir;
    TestSupport::WindowFixture fixture(dir.path());
    QVERIFY(fixture.createWindow());
    QVERIFY(connectWindow(fixture, QUrl(url), u"refused"_s));
    MainWindow *window = fixture.window();
    const auto refused = [&url](const QString &text) {
        return text.contains(u"no servers could be reached"_s) && text.contains(url)
                && text.contains(u"refused"_s, Qt::CaseInsensitive);
    };

    GapMeter meter;
    meter.start();
    QElapsedTimer clock;
    clock.start();
    QueryPage *page = window->addPage(u"SELECT * FROM m"_s, u"refused"_s);
    runAll(page);
    ResultsPanel *results = page->results();
    QTRY_COMPARE_WITH_TIMEOUT(results->state(), ResultsPanel::State::Failed, 10000);
    const qint64 queryMs = clock.elapsed();
    QVERIFY2(results->messages().filter(u"Request failed: "_s).size() == 1
                     && refused(results->messages().filter(u"Request failed: "_s).first()),
             qPrintable(results->messages().join(u'\n')));
    QVERIFY(!page->isRunning());

    // A point from the write dock's form.
    Explorer::WritePanel *panel = window->writeDock()->panel();
    window->writeDock()->present();
    panel->setDatabase(u"refused"_s);
    panel->pointForm()->setMeasurement(u"m"_s);
    panel->pointForm()->addField(u"v"_s, Explorer::PointForm::FieldType::Float, u"1.5"_s);
    clock.restart();
    panel->writePoint();
    auto *pointResult = child<QLabel>(*panel, u"pointResultLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(pointResult->text().startsWith(u"Not written: "_s), 10000);
    const qint64 pointMs = clock.elapsed();
    QVERIFY2(refused(pointResult->text()), qPrintable(pointResult->text()));

    // A batch: nothing written, every line kept.
    BatchPage *page2 = panel->batchPage();
    const QString text = u"m v=1 1\nm v=2 2\nm v=3 3"_s;
    auto *editor = child<Explorer::LineProtocolEditor>(*page2, u"batchEditor"_s);
    editor->setPlainText(text);
    QSignalSpy finished(page2, &BatchPage::writeFinished);
    clock.restart();
    QTest::mouseClick(child<QPushButton>(*page2, u"writeBatchButton"_s), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    const qint64 batchMs = clock.elapsed();
    const qint64 gap = meter.stop();
    const auto report = finished.first().first().value<BatchWriteReport>();
    QCOMPARE(report.writtenLines, 0);
    QCOMPARE(report.notWritten.size(), 3);
    QCOMPARE(report.count(Outcome::Failed), 3);
    QVERIFY(report.stopped);
    QCOMPARE(editor->toPlainText(), text);
    auto *status = child<QLabel>(*page2, u"batchStatusLabel"_s);
    QVERIFY2(refused(status->text()), qPrintable(status->text()));
    qInfo("refused: query failed after %lld ms, point after %lld ms, batch after %lld ms; "
          "largest GUI gap %lld ms",
          queryMs, pointMs, batchMs, gap);
    QVERIFY(queryMs < 5000 && pointMs < 5000 && batchMs < 5000);
    QVERIFY2(gap < MaxGapMs, qPrintable(u"the GUI thread stalled for %1 ms"_s.arg(gap)));
}

void tst_ServerKill::sigtermEndsTheWindowWithUnsavedEdits()
{
    const QString binary = qEnvironmentVariable("INFLUX_EXPLORER_BINARY");
    QVERIFY2(!binary.isEmpty(), "INFLUX_EXPLORER_BINARY is not set: run through ctest");
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::PluginsPath) + u"/platforms/libqvnc.so"_s))
        QSKIP("Qt's vnc platform plugin (qt6-qpa-plugins) is missing: no way to type into the "
              "window of another process");
    // A server that answers everything with an empty result.
    TestSupport::FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const TestSupport::FaultServer::Request &request, QTcpSocket *socket) {
        const QList<std::pair<QByteArray, QByteArray>> version {{"X-Influxdb-Version", "1.6.7"}};
        if (request.path() == "/ping")
            TestSupport::FaultServer::respond(socket, 204, {}, {}, version);
        else
            TestSupport::FaultServer::respond(socket, 200, "application/json",
                                              R"({"results":[{"statement_id":0}]})", version);
    });
    const auto typedQueries = [&server] {
        qsizetype n = 0;
        for (const auto &request : server.requests())
            n += request.target.contains("killtest");
        return n;
    };

    QTemporaryDir home;
    const quint16 vncPort = TestSupport::closedPort(); // free for the window's vnc server
    QVERIFY(vncPort != 0);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto *name :
         {"INFLUX_USERNAME", "INFLUX_PASSWORD", "INFLUX_TOKEN", "DBUS_SESSION_BUS_ADDRESS"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"XDG_CACHE_HOME"_s, home.filePath(u"cache"_s));
    env.insert(u"XDG_STATE_HOME"_s, home.filePath(u"state"_s));
    // Offscreen has no input at all: Qt's VNC platform takes key events from a socket.
    env.insert(u"QT_QPA_PLATFORM"_s, u"vnc:size=1280x800:port=%1"_s.arg(vncPort));
    // In the sanitizer build: the plugin's own buffers, still held at exit, are not our leak.
    env.insert(u"LSAN_OPTIONS"_s,
               QStringLiteral("suppressions=" INFLUX_TEST_DATA_DIR "/sanitizers/lsan-qt-vnc.supp"));
    QProcess app;
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(binary, {u"--url"_s, server.url().toString(), u"--database"_s, u"sig"_s});
    QVERIFY(app.waitForStarted());
    const auto stop = qScopeGuard([&app] {
        if (app.state() != QProcess::NotRunning) {
            app.kill();
            app.waitForFinished(10000);
        }
    });
    // The window is up once it talks to the server (the status bar pings it).
    QTRY_VERIFY_WITH_TIMEOUT(!server.requests().isEmpty(), LongWait);

    VncKeyboard keyboard;
    QVERIFY(keyboard.connectTo(vncPort));
    keyboard.type("select killtest from m");
    keyboard.key(VncKeyboard::ControlL, true);
    keyboard.key(VncKeyboard::Return, true);
    keyboard.key(VncKeyboard::Return, false);
    keyboard.key(VncKeyboard::ControlL, false);
    // The typed query reached the server: the query tab holds an edit that was never saved.
    QTRY_COMPARE_WITH_TIMEOUT(typedQueries(), 1, 30000);

    QElapsedTimer clock;
    clock.start();
    app.terminate(); // SIGTERM
    // The event loop keeps running meanwhile: the window may still talk to the server.
    QTRY_VERIFY_WITH_TIMEOUT(app.state() == QProcess::NotRunning, 10000);
    const qint64 ms = clock.elapsed();
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    // It ended the normal way: the window's state was saved.
    QSettings settings(home.filePath(u"config/influx-explorer/influx-explorer.ini"_s),
                       QSettings::IniFormat);
    QVERIFY(settings.contains(u"window/geometry"_s));
    qInfo("SIGTERM with an unsaved query tab: the window process ended after %lld ms", ms);
}

QTEST_MAIN(tst_ServerKill)
#include "tst_serverkill.moc"
