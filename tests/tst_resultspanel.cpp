// SPDX-License-Identifier: MIT
// The results panel against the fixture's influxd: tabs per series and statement, messages and
// errors, cancel, the row-limit question, export (exact file contents), sorting and copying,
// driven through the real widgets.
#include "charts/chartpanel.h"
#include "charts/serieschartview.h"
#include "client.h"
#include "models/resulttablemodel.h"
#include "responsedecoder.h"
#include "results/resultexporter.h"
#include "results/resultspanel.h"
#include "results/resulttableview.h"
#include "testserver.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QTemporaryDir>
#include <QtGui/QClipboard>
#include <QtGui/QGuiApplication>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>

using namespace Influx;
using namespace Qt::StringLiterals;
using Explorer::Preferences;
using Explorer::ResultExporter;
using Explorer::ResultsPanel;
using Explorer::ResultTableModel;
using Explorer::ResultTableView;

namespace {

constexpr int BigPoints = 200000;
constexpr int PaddedPoints = 50000;
constexpr int LongWait = 60000;

QByteArray readAll(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

template<typename T>
T *child(const QWidget &panel, const QString &name)
{
    T *widget = panel.findChild<T *>(name);
    if (!widget)
        qWarning("no child %s", qPrintable(name));
    return widget;
}

} // namespace

class tst_ResultsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void groupByFillsOneTabPerSeries();
    void multiStatementQuery();
    void warningsAreListed();
    void statementErrorIsShownAndSelected();
    void requestErrorIsShown();
    void cancelKeepsTheRowsReceived();
    void newReplyReplacesTheRunningOne();
    void rowLimitFetchAll();
    void rowLimitStopHere();
    void rowLimitIsNotReachedByExactlyThatMany();
    void exportCsvAndJson();
    void exportAllResultsRepeatsNoHeader();
    void exportCancelLeavesNoFile();
    void sortingAfterFinish();
    void copySelectionAsTsv();
    void manySeriesAreCappedAtMaxTabs();
    void deletedReplyFailsTheRun();
    void chartTabIsReducedForItsWidthBeforeItIsShown();
    void chartStreamsWhileTheQueryRuns();
    void backgroundChartGetsTheRowsWhenBroughtToTheFront();

private:
    QueryReply *run(const QString &text, const QueryOptions &options = {});
    bool runAndWait(ResultsPanel &panel, const QString &text, const QueryOptions &options = {});
    // Shows the panel with a row limit of 50,000: the limit holds a query of "big" midway
    // (paused), however fast the server is.
    static void showWithRowLimit(ResultsPanel &panel);
    void writeOrFail(const QByteArray &lines);

    Client *m_client = nullptr;
    QString m_db;
    QStringList m_extraDatabases;
};

QueryReply *tst_ResultsPanel::run(const QString &text, const QueryOptions &options)
{
    QueryOptions o = options;
    o.database = m_db;
    return m_client->rawQuery(text, o);
}

void tst_ResultsPanel::showWithRowLimit(ResultsPanel &panel)
{
    panel.resize(1000, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    Preferences preferences;
    preferences.rowLimit = 50000;
    panel.setPreferences(preferences);
}

bool tst_ResultsPanel::runAndWait(ResultsPanel &panel, const QString &text,
                                  const QueryOptions &options)
{
    QSignalSpy finished(&panel, &ResultsPanel::queryFinished);
    panel.setReply(run(text, options));
    return finished.wait(LongWait);
}

void tst_ResultsPanel::writeOrFail(const QByteArray &lines)
{
    const Error error = TestSupport::writeLines(*m_client, lines, WriteOptions {.database = m_db});
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void tst_ResultsPanel::initTestCase()
{
    const QUrl url = TestSupport::fixtureUrl();
    QVERIFY2(url.isValid() && !url.isEmpty(),
             "no influxd: run through ctest (fixture \"influxd\") or set INFLUX_TEST_SERVER_FILE");
    m_client = new Client(ClientOptions {.baseUrls = {url}}, this);
    m_db = TestSupport::uniqueName(u"results"_s);
    Error error;
    TestSupport::query(*m_client, u"CREATE DATABASE \"%1\""_s.arg(m_db), {}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));

    writeOrFail("cpu,host=a,region=eu usage=0.5,count=3i 1000000000\n"
                "cpu,host=a,region=eu usage=1.25,count=4i 2000000000\n"
                "cpu,host=b,region=us usage=9.75,count=1i 1000000000\n"
                "cpu,host=b,region=us usage=2,count=7i 2000000000\n"
                "cpu,host=b,region=us usage=4.5,count=2i 3000000000\n"
                "exp,host=a,region=eu f=0.1,i=42i,note=\"x, \\\"y\\\"\" 1480793211053212789\n"
                "exp,host=a,region=eu f=2,i=-7i,note=\"plain\" 1480793211053212790\n");
    for (int batch = 0; batch < 4; ++batch) {
        QByteArray lines;
        for (int i = batch * BigPoints / 4; i < (batch + 1) * BigPoints / 4; ++i)
            lines +=
                    "big v=" + QByteArray::number(i) + "i " + QByteArray::number(i) + "000000000\n";
        writeOrFail(lines);
    }
    // Rows of about 1 KB, 52 MB in all: far more than what is on its way when a reply pauses
    // (the decoder's 2 MiB backlog, Qt's buffer and loopback socket buffers that Linux grows to
    // 4-6 MB each), so a paused reply really stops well before the end. With 250-byte rows a
    // slow (ASan) run once had 26,000 of the 50,000 rows out before the pause took hold.
    const QByteArray padding(1000, 'x');
    for (int batch = 0; batch < 5; ++batch) { // influxd takes at most 25 MB a request
        QByteArray lines;
        for (int i = batch * PaddedPoints / 5; i < (batch + 1) * PaddedPoints / 5; ++i)
            lines += "padded v=" + QByteArray::number(i) + "i,pad=\"" + padding + "\" "
                    + QByteArray::number(i) + "000000000\n";
        writeOrFail(lines);
    }
}

void tst_ResultsPanel::cleanupTestCase()
{
    if (!m_client)
        return;
    for (const QString &db : std::as_const(m_extraDatabases))
        TestSupport::query(*m_client, u"DROP DATABASE \"%1\""_s.arg(db));
    TestSupport::query(*m_client, u"DROP DATABASE \"%1\""_s.arg(m_db));
}

void tst_ResultsPanel::groupByFillsOneTabPerSeries()
{
    ResultsPanel panel;
    QSignalSpy finished(&panel, &ResultsPanel::queryFinished);
    QSignalSpy states(&panel, &ResultsPanel::stateChanged);
    panel.setReply(run(u"SELECT usage, count FROM cpu GROUP BY host, region"_s));
    QCOMPARE(panel.state(), ResultsPanel::State::Running);
    QVERIFY(child<QPushButton>(panel, u"cancelButton"_s)->isEnabled());
    QVERIFY(finished.wait(LongWait));

    QCOMPARE(panel.state(), ResultsPanel::State::Done);
    QCOMPARE(states.last().first().value<ResultsPanel::State>(), ResultsPanel::State::Done);
    QCOMPARE(finished.first().at(0).toLongLong(), 5);
    QVERIFY(finished.first().at(2).toString().isEmpty());
    QCOMPARE(child<QLabel>(panel, u"stateLabel"_s)->text(), u"Done"_s);
    QCOMPARE(child<QLabel>(panel, u"rowsLabel"_s)->text(), u"5 rows"_s);
    const qint64 elapsed = finished.first().at(1).toLongLong();
    QCOMPARE(child<QLabel>(panel, u"elapsedLabel"_s)->text(),
             elapsed < 1000 ? u"%1 ms"_s.arg(elapsed)
                            : u"%1 s"_s.arg(QLocale().toString(elapsed / 1000.0, 'f', 2)));
    QCOMPARE(panel.elapsedMs(), elapsed);
    QVERIFY(!child<QPushButton>(panel, u"cancelButton"_s)->isEnabled());

    auto *tabs = child<QTabWidget>(panel, u"resultTabs"_s);
    QCOMPARE(panel.resultTabCount(), 2);
    // The chart first (it may appear while the rows stream in), then a table per series.
    QTRY_VERIFY(panel.hasChart());
    QCOMPARE(tabs->tabText(0), u"Chart"_s);
    QCOMPARE(tabs->tabText(1), u"1: cpu host=a,region=eu"_s);
    QCOMPARE(tabs->tabText(2), u"1: cpu host=b,region=us"_s);
    QVERIFY(tabs->tabToolTip(2).contains(u"host=b"_s));
    QVERIFY(tabs->tabToolTip(2).contains(u"region=us"_s));
    QCOMPARE(panel.tableView(1)->parentWidget()->findChild<QLabel *>()->text(),
             u"Statement 1 · cpu · host=b, region=us"_s);
    QCOMPARE(tabs->currentIndex(), 1); // the first table, not the chart (no setChartFirst())
    QVERIFY(panel.messages().isEmpty());
    QCOMPARE(tabs->tabText(3), u"Messages"_s);

    const ResultTableModel *a = panel.tableModel(0);
    const ResultTableModel *b = panel.tableModel(1);
    QCOMPARE(a->rowCount(), 2);
    QCOMPARE(b->rowCount(), 3);
    QCOMPARE(b->headerData(1, Qt::Horizontal).toString(), u"usage"_s);
    QCOMPARE(b->data(b->index(0, 0)).toString(), u"1970-01-01T00:00:01Z"_s);
    QCOMPARE(b->data(b->index(0, 1)).toString(), u"9.75"_s);
    QCOMPARE(b->data(b->index(1, 1)).toString(), u"2"_s);
    QCOMPARE(b->data(b->index(1, 2)).toString(), u"7"_s);
    QCOMPARE(a->data(a->index(1, 1)).toString(), u"1.25"_s);

    // The time format follows the preferences, in every tab.
    Preferences preferences;
    preferences.timeFormat = Preferences::TimeFormat::EpochNanoseconds;
    panel.setPreferences(preferences);
    QCOMPARE(b->data(b->index(2, 0)).toString(), u"3000000000"_s);
}

void tst_ResultsPanel::multiStatementQuery()
{
    const QString created = TestSupport::uniqueName(u"created"_s);
    m_extraDatabases.append(created);
    ResultsPanel panel;
    QVERIFY(runAndWait(panel,
                       u"SELECT usage FROM cpu WHERE host = 'a'; SELECT i FROM exp; "
                       u"CREATE DATABASE \"%1\""_s.arg(created)));
    QCOMPARE(panel.state(), ResultsPanel::State::Done);
    auto *tabs = child<QTabWidget>(panel, u"resultTabs"_s);
    QCOMPARE(panel.resultTabCount(), 2);
    QTRY_VERIFY(panel.hasChart());
    QCOMPARE(tabs->tabText(1), u"1: cpu"_s);
    QCOMPARE(tabs->tabText(2), u"2: exp"_s);
    QCOMPARE(panel.tableModel(0)->rowCount(), 2);
    QCOMPARE(panel.tableModel(1)->rowCount(), 2);
    QCOMPARE(panel.tableModel(1)->data(panel.tableModel(1)->index(0, 1)).toString(), u"42"_s);
    QCOMPARE(panel.messages(), QStringList {u"Statement 3: OK (no rows)"_s});
    QCOMPARE(panel.errorCount(), 0);
    QCOMPARE(tabs->currentIndex(), 1);
}

void tst_ResultsPanel::warningsAreListed()
{
    // Forcing GET for a writing statement makes influxd attach a warning.
    const QString created = TestSupport::uniqueName(u"warned"_s);
    m_extraDatabases.append(created);
    ResultsPanel panel;
    QVERIFY(runAndWait(panel, u"CREATE DATABASE \"%1\""_s.arg(created), {.httpVerb = "GET"}));
    QCOMPARE(panel.state(), ResultsPanel::State::Done);
    const QStringList messages = panel.messages();
    QCOMPARE(messages.size(), 2);
    QVERIFY2(messages.at(0).startsWith(u"Statement 1: warning: "_s)
                     && messages.at(0).contains(u"please use a POST request"_s),
             qPrintable(messages.at(0)));
    QCOMPARE(messages.at(1), u"Statement 1: OK (no rows)"_s);
    QCOMPARE(panel.errorCount(), 0); // a warning is no error
    QCOMPARE(child<QTabWidget>(panel, u"resultTabs"_s)->tabText(0), u"Messages"_s);
}

void tst_ResultsPanel::statementErrorIsShownAndSelected()
{
    ResultsPanel panel;
    QSignalSpy finished(&panel, &ResultsPanel::queryFinished);
    panel.setReply(run(u"SELECT usage FROM cpu; SELECT * FROM nosuchdb_x..m"_s));
    QVERIFY(finished.wait(LongWait));
    QCOMPARE(panel.state(), ResultsPanel::State::Failed);
    QCOMPARE(child<QLabel>(panel, u"stateLabel"_s)->text(), u"Failed"_s);
    QVERIFY(finished.first().at(2).toString().contains(u"database not found"_s));
    // The first statement's rows stay available.
    QCOMPARE(panel.resultTabCount(), 1);
    QCOMPARE(panel.tableModel(0)->rowCount(), 5);
    QCOMPARE(panel.messages(),
             QStringList {u"Statement 2: error: database not found: nosuchdb_x"_s});
    QCOMPARE(panel.errorCount(), 1);
    auto *tabs = child<QTabWidget>(panel, u"resultTabs"_s);
    QCOMPARE(tabs->currentWidget(), panel.messagesPage());
    QCOMPARE(tabs->tabText(tabs->currentIndex()), u"Messages (1 error)"_s);
}

void tst_ResultsPanel::requestErrorIsShown()
{
    ResultsPanel panel;
    QVERIFY(runAndWait(panel, u"SELEKT nothing"_s));
    QCOMPARE(panel.state(), ResultsPanel::State::Failed);
    QCOMPARE(panel.resultTabCount(), 0);
    QCOMPARE(panel.messages().size(), 1);
    QVERIFY2(panel.messages().first().startsWith(u"Request failed: error parsing query:"_s),
             qPrintable(panel.messages().first()));
    auto *tabs = child<QTabWidget>(panel, u"resultTabs"_s);
    QCOMPARE(tabs->currentWidget(), panel.messagesPage());
    QCOMPARE(tabs->tabText(0), u"Messages (1 error)"_s);
}

void tst_ResultsPanel::cancelKeepsTheRowsReceived()
{
    ResultsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy finished(&panel, &ResultsPanel::queryFinished);
    // The 52 MB of padded rows: the 200,000 small rows of "big" could all arrive before the
    // click on a slow (ASan) build.
    QPointer<QueryReply> reply = run(u"SELECT v FROM padded"_s, {.chunkSize = 1000});
    QSignalSpy rowsReceived(reply.data(), &QueryReply::rowsReceived);
    panel.setReply(reply);
    // Back right after the first rows: qWaitFor() polls inside one long processEvents(), which
    // can run through the whole stream before it looks again.
    QVERIFY(rowsReceived.wait(LongWait));
    QVERIFY(reply->isRunning());
    QCOMPARE(panel.resultTabCount(), 1);
    // Sorting waits for the last row.
    QVERIFY(!panel.tableView(0)->isSortingEnabled());

    auto *cancel = child<QPushButton>(panel, u"cancelButton"_s);
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(panel.state(), ResultsPanel::State::Cancelled);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().at(2).toString().isEmpty());
    QCOMPARE(child<QLabel>(panel, u"stateLabel"_s)->text(), u"Cancelled"_s);
    QVERIFY(!cancel->isEnabled());
    const qint64 rows = panel.rowCount();
    QVERIFY2(rows > 0 && rows < PaddedPoints, qPrintable(QString::number(rows)));
    const ResultTableModel *model = panel.tableModel(0);
    QCOMPARE(model->availableRows(), rows);
    QVERIFY(model->rowCount() > 0);
    QCOMPARE(model->data(model->index(0, 1)).toString(), u"0"_s);
    QCOMPARE(child<QLabel>(panel, u"rowsLabel"_s)->text(),
             u"%1 rows"_s.arg(QLocale().toString(rows)));
    QVERIFY(panel.tableView(0)->isSortingEnabled());
    QTest::qWait(200); // nothing arrives after the abort
    QCOMPARE(panel.rowCount(), rows);
    QCOMPARE(model->availableRows(), rows);
}

void tst_ResultsPanel::newReplyReplacesTheRunningOne()
{
    ResultsPanel panel;
    QPointer<QueryReply> first = run(u"SELECT * FROM big"_s, {.chunkSize = 1000});
    panel.setReply(first);
    QVERIFY(QTest::qWaitFor([&] { return first && first->rowCount() > 0; }, LongWait));
    QSignalSpy finished(&panel, &ResultsPanel::queryFinished);
    QPointer<QueryReply> second = run(u"SELECT usage FROM cpu"_s);
    panel.setReply(second);
    QVERIFY(first->isFinished()); // aborted at once ...
    QCOMPARE(first->error().kind(), Error::Kind::Aborted);
    QTRY_VERIFY(first.isNull()); // ... and deleted
    // (the second query may have finished while the first was being deleted)
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), LongWait);
    QTest::qWait(50);
    QCOMPARE(finished.size(), 1); // the first query reports nothing any more
    QCOMPARE(finished.first().at(0).toLongLong(), 5);
    QCOMPARE(panel.resultTabCount(), 1);
    QCOMPARE(panel.tableModel(0)->rowCount(), 5);

    panel.clear();
    QCOMPARE(panel.state(), ResultsPanel::State::Idle);
    QCOMPARE(panel.resultTabCount(), 0);
    QTRY_VERIFY(second.isNull());
}

void tst_ResultsPanel::rowLimitFetchAll()
{
    ResultsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    Preferences preferences;
    preferences.rowLimit = 5000;
    panel.setPreferences(preferences);
    auto *bar = child<QWidget>(panel, u"rowLimitBar"_s);
    QVERIFY(!bar->isVisible());

    QPointer<QueryReply> reply = run(u"SELECT * FROM padded"_s, {.chunkSize = 1000});
    panel.setReply(reply);
    QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ResultsPanel::State::Paused, LongWait);
    QVERIFY(bar->isVisible());
    QVERIFY(reply->isPaused());
    QCOMPARE(child<QLabel>(panel, u"rowLimitLabel"_s)->text(),
             u"The query returned more than %1 rows so far."_s.arg(QLocale().toString(5000)));
    QVERIFY(child<QPushButton>(panel, u"cancelButton"_s)->isEnabled());
    QVERIFY(!panel.tableView(0)->isSortingEnabled());
    // Nothing to export before the query ends.
    QVERIFY(!child<QToolButton>(panel, u"exportButton"_s)->isEnabled());
    QTemporaryDir dir;
    QVERIFY(!panel.exportResults(dir.filePath(u"early.csv"_s), ResultExporter::Format::Csv,
                                 ResultsPanel::ExportScope::AllTables));
    auto *elapsed = child<QLabel>(panel, u"elapsedLabel"_s);
    const QString elapsedBefore = elapsed->text();
    QTest::qWait(500); // what was already on its way comes out, then nothing more
    const qint64 settled = reply->rowCount();
    QVERIFY(elapsed->text() != elapsedBefore); // the clock runs on while the user decides
    QTest::qWait(500);
    QCOMPARE(reply->rowCount(), settled);
    QVERIFY2(settled >= 5000 && settled < PaddedPoints / 2, qPrintable(QString::number(settled)));
    QVERIFY(reply->isRunning());
    QCOMPARE(child<QLabel>(panel, u"rowsLabel"_s)->text(),
             u"%1 rows"_s.arg(QLocale().toString(settled)));

    QTest::mouseClick(child<QPushButton>(panel, u"fetchAllButton"_s), Qt::LeftButton);
    QCOMPARE(panel.state(), ResultsPanel::State::Running);
    QVERIFY(!bar->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ResultsPanel::State::Done, LongWait);
    QCOMPARE(panel.rowCount(), PaddedPoints);
    QCOMPARE(panel.tableModel(0)->availableRows(), PaddedPoints);
}

void tst_ResultsPanel::rowLimitStopHere()
{
    ResultsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    Preferences preferences;
    preferences.rowLimit = 5000;
    panel.setPreferences(preferences);
    QSignalSpy finished(&panel, &ResultsPanel::queryFinished);
    panel.setReply(run(u"SELECT * FROM padded"_s, {.chunkSize = 1000}));
    QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ResultsPanel::State::Paused, LongWait);
    QTest::mouseClick(child<QPushButton>(panel, u"stopHereButton"_s), Qt::LeftButton);
    QTRY_COMPARE(panel.state(), ResultsPanel::State::StoppedAtLimit);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(child<QLabel>(panel, u"stateLabel"_s)->text(), u"Stopped at limit"_s);
    QVERIFY(!child<QWidget>(panel, u"rowLimitBar"_s)->isVisible());
    QVERIFY(!child<QPushButton>(panel, u"cancelButton"_s)->isEnabled());
    const qint64 rows = panel.rowCount();
    QVERIFY2(rows >= 5000 && rows < PaddedPoints, qPrintable(QString::number(rows)));
    QCOMPARE(panel.tableModel(0)->availableRows(), rows);
    QCOMPARE(panel.errorCount(), 0);
}

// The limit is "more rows than this": a result of exactly that many never pauses (the bar
// used to flash up on the last chunk and go away when the query finished).
void tst_ResultsPanel::rowLimitIsNotReachedByExactlyThatMany()
{
    ResultsPanel panel;
    Preferences preferences;
    preferences.rowLimit = PaddedPoints;
    panel.setPreferences(preferences);
    QSignalSpy states(&panel, &ResultsPanel::stateChanged);
    QVERIFY(runAndWait(panel, u"SELECT * FROM padded"_s));
    QCOMPARE(panel.state(), ResultsPanel::State::Done);
    QCOMPARE(panel.rowCount(), PaddedPoints);
    for (const QList<QVariant> &change : std::as_const(states))
        QVERIFY(change.first().value<ResultsPanel::State>() != ResultsPanel::State::Paused);
}

void tst_ResultsPanel::exportCsvAndJson()
{
    ResultsPanel panel;
    QVERIFY(runAndWait(panel, u"SELECT * FROM exp GROUP BY *"_s));
    QCOMPARE(panel.state(), ResultsPanel::State::Done);
    QVERIFY(child<QToolButton>(panel, u"exportButton"_s)->isEnabled());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    QSignalSpy exported(&panel, &ResultsPanel::exportFinished);
    const QString csv = dir.filePath(u"exp.csv"_s);
    QVERIFY(panel.exportResults(csv, ResultExporter::Format::Csv,
                                ResultsPanel::ExportScope::CurrentTable));
    QVERIFY(panel.isExporting());
    QVERIFY(exported.wait(LongWait));
    QCOMPARE(exported.first().at(0).toBool(), true);
    QCOMPARE(readAll(csv),
             "name,tags,time,f,i,note\r\n"
             "exp,\"host=a,region=eu\",2016-12-03T19:26:51.053212789Z,0.1,42,\"x, \"\"y\"\"\"\r\n"
             "exp,\"host=a,region=eu\",2016-12-03T19:26:51.05321279Z,2,-7,plain\r\n"_ba);

    const QString json = dir.filePath(u"exp.json"_s);
    QVERIFY(panel.exportResults(json, ResultExporter::Format::Json,
                                ResultsPanel::ExportScope::CurrentTable));
    QVERIFY(exported.wait(LongWait));
    QCOMPARE(exported.last().at(0).toBool(), true);
    const QByteArray text = readAll(json);
    QCOMPARE(
            text,
            R"({"results":[{"statement_id":0,"series":[{"name":"exp","tags":{"host":"a","region":"eu"},)"
            R"("columns":["time","f","i","note"],"values":[)"
            R"(["2016-12-03T19:26:51.053212789Z",0.1,42,"x, \"y\""],)"
            R"(["2016-12-03T19:26:51.05321279Z",2.0,-7,"plain"]]}]}]})"
            "\n"_ba);
    // Our own decoder reads it back to the same series, types included.
    ResponseDecoder decoder;
    QVERIFY2(decoder.feed(text) && decoder.finish(), qPrintable(decoder.errorString()));
    const QList<DecodedDocument> documents = decoder.takeDocuments();
    QCOMPARE(documents.size(), 1);
    const Series decoded = documents.first().results.first().series.first().series;
    const Series original = panel.tableModel(0)->series();
    QCOMPARE(decoded, original);
    QCOMPARE(decoded.columnType(0), ColumnType::Time);
    QCOMPARE(decoded.columnType(1), ColumnType::Float);
    QCOMPARE(decoded.columnType(2), ColumnType::Integer);
    QCOMPARE(decoded.timeAt(1, 0).nanoseconds(), 1480793211053212790);

    // CSV times follow the preferences.
    Preferences preferences;
    preferences.timeFormat = Preferences::TimeFormat::EpochNanoseconds;
    panel.setPreferences(preferences);
    QVERIFY(panel.exportResults(csv, ResultExporter::Format::Csv,
                                ResultsPanel::ExportScope::CurrentTable));
    QVERIFY(exported.wait(LongWait));
    QVERIFY(readAll(csv).contains(",1480793211053212789,0.1,"));
    QCOMPARE(panel.messages().last(), u"Exported 2 rows to %1"_s.arg(csv));
    QCOMPARE(panel.errorCount(), 0);

    // A file that cannot be written is an error, listed and counted.
    const QString bad = dir.filePath(u"no/such/dir/exp.csv"_s);
    QVERIFY(panel.exportResults(bad, ResultExporter::Format::Csv,
                                ResultsPanel::ExportScope::CurrentTable));
    QVERIFY(exported.wait(LongWait));
    QCOMPARE(exported.last().at(0).toBool(), false);
    QVERIFY2(exported.last().at(1).toString().startsWith(u"Cannot open "_s),
             qPrintable(exported.last().at(1).toString()));
    QCOMPARE(panel.errorCount(), 1);
    QVERIFY(panel.messages().last().startsWith(u"Export to %1 failed: Cannot open"_s.arg(bad)));
}

void tst_ResultsPanel::exportAllResultsRepeatsNoHeader()
{
    ResultsPanel panel;
    QVERIFY(runAndWait(panel, u"SELECT usage, count FROM cpu GROUP BY host; SELECT i FROM exp"_s));
    QTemporaryDir dir;
    QSignalSpy exported(&panel, &ResultsPanel::exportFinished);
    const QString csv = dir.filePath(u"all.csv"_s);
    QVERIFY(panel.exportResults(csv, ResultExporter::Format::Csv,
                                ResultsPanel::ExportScope::AllTables));
    QVERIFY(exported.wait(LongWait));
    QCOMPARE(readAll(csv),
             "name,tags,time,usage,count\r\n"
             "cpu,host=a,1970-01-01T00:00:01Z,0.5,3\r\n"
             "cpu,host=a,1970-01-01T00:00:02Z,1.25,4\r\n"
             "cpu,host=b,1970-01-01T00:00:01Z,9.75,1\r\n"
             "cpu,host=b,1970-01-01T00:00:02Z,2,7\r\n"
             "cpu,host=b,1970-01-01T00:00:03Z,4.5,2\r\n"
             "name,tags,time,i\r\n"
             "exp,,2016-12-03T19:26:51.053212789Z,42\r\n"
             "exp,,2016-12-03T19:26:51.05321279Z,-7\r\n"_ba);
    const QString json = dir.filePath(u"all.json"_s);
    QVERIFY(panel.exportResults(json, ResultExporter::Format::Json,
                                ResultsPanel::ExportScope::AllTables));
    QVERIFY(exported.wait(LongWait));
    ResponseDecoder decoder;
    QVERIFY(decoder.feed(readAll(json)) && decoder.finish());
    const QList<DecodedResult> results = decoder.takeDocuments().first().results;
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).statementId, 1);
    QCOMPARE(results.at(0).series.size(), 2);
    QCOMPARE(results.at(0).series.at(1).series, panel.tableModel(1)->series());
    QCOMPARE(results.at(1).series.first().series, panel.tableModel(2)->series());
}

void tst_ResultsPanel::exportCancelLeavesNoFile()
{
    ResultsPanel panel;
    QVERIFY(runAndWait(panel, u"SELECT * FROM big"_s));
    QCOMPARE(panel.rowCount(), BigPoints);
    const Series big = panel.tableModel(0)->series();
    QTemporaryDir dir;

    // Cancelled while writing: the worker stops, the file never appears.
    ResultExporter exporter;
    QSignalSpy finished(&exporter, &ResultExporter::finished);
    qint64 writtenAtCancel = -1;
    connect(&exporter, &ResultExporter::progress, &exporter, [&](qint64 written, qint64 total) {
        QCOMPARE(total, qint64(BigPoints));
        if (writtenAtCancel < 0) {
            writtenAtCancel = written;
            exporter.cancel();
        }
    });
    const QString file = dir.filePath(u"big.csv"_s);
    QVERIFY(exporter.start({big}, file, ResultExporter::Format::Csv));
    QVERIFY(!exporter.start({big}, file, ResultExporter::Format::Csv)); // one at a time
    QVERIFY(finished.wait(LongWait));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QCOMPARE(finished.first().at(1).toString(), u"Export cancelled"_s);
    QVERIFY(exporter.wasCancelled());
    QVERIFY2(writtenAtCancel > 0 && writtenAtCancel < BigPoints,
             qPrintable(QString::number(writtenAtCancel)));
    QVERIFY(!QFile::exists(file));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

    // The panel's Cancel button does the same.
    QSignalSpy exported(&panel, &ResultsPanel::exportFinished);
    const QString json = dir.filePath(u"big.json"_s);
    QVERIFY(panel.exportResults(json, ResultExporter::Format::Json,
                                ResultsPanel::ExportScope::AllTables));
    auto *cancel = child<QPushButton>(panel, u"exportCancelButton"_s);
    QVERIFY(!cancel->isHidden());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(exported.wait(LongWait));
    QCOMPARE(exported.first().at(0).toBool(), false);
    QVERIFY(cancel->isHidden());
    QCOMPARE(panel.messages().last(), u"Export to %1 cancelled"_s.arg(json));
    QCOMPARE(panel.errorCount(), 0);
    QVERIFY(!QFile::exists(json));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

    // Uncancelled, the whole file is there.
    QVERIFY(exporter.start({big}, file, ResultExporter::Format::Csv));
    QVERIFY(finished.wait(LongWait));
    QCOMPARE(finished.last().at(0).toBool(), true);
    QCOMPARE(readAll(file).count('\n'), BigPoints + 1);
}

void tst_ResultsPanel::sortingAfterFinish()
{
    ResultsPanel panel;
    QVERIFY(runAndWait(panel, u"SELECT usage, count FROM cpu GROUP BY host"_s));
    ResultTableView *view = panel.tableView(1); // host=b: 9.75, 2, 4.5 at 1 s, 2 s, 3 s
    const ResultTableModel *model = panel.tableModel(1);
    QVERIFY(view->isSortingEnabled());
    QCOMPARE(view->horizontalHeader()->sortIndicatorSection(), -1); // received order first
    QCOMPARE(model->data(model->index(0, 1)).toString(), u"9.75"_s);

    view->sortByColumn(1, Qt::AscendingOrder);
    QCOMPARE(model->data(model->index(0, 1)).toString(), u"2"_s);
    view->sortByColumn(1, Qt::DescendingOrder);
    QCOMPARE(model->data(model->index(0, 1)).toString(), u"9.75"_s);
    QCOMPARE(model->data(model->index(2, 1)).toString(), u"2"_s);
    QCOMPARE(model->data(model->index(2, 0)).toString(), u"1970-01-01T00:00:02Z"_s);

    view->sortByColumn(0, Qt::DescendingOrder);
    QCOMPARE(model->data(model->index(0, 0)).toString(), u"1970-01-01T00:00:03Z"_s);
    view->sortByColumn(0, Qt::AscendingOrder);
    QCOMPARE(model->data(model->index(0, 0)).toString(), u"1970-01-01T00:00:01Z"_s);
    QCOMPARE(model->data(model->index(2, 0)).toString(), u"1970-01-01T00:00:03Z"_s);
}

void tst_ResultsPanel::copySelectionAsTsv()
{
    ResultsPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(runAndWait(panel, u"SELECT usage, count FROM cpu GROUP BY host; SELECT * FROM exp"_s));
    ResultTableView *view = panel.tableView(0);
    const ResultTableModel *model = panel.tableModel(0);
    view->selectionModel()->select(QItemSelection(model->index(0, 1), model->index(1, 2)),
                                   QItemSelectionModel::ClearAndSelect);
    QGuiApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), u"0.5\t3\n1.25\t4\n"_s);

    view->copySelectionWithHeaders();
    QCOMPARE(QGuiApplication::clipboard()->text(), u"usage\tcount\n0.5\t3\n1.25\t4\n"_s);

    // Columns in their visual order once moved; times with every digit; a quote is quoted.
    ResultTableView *exp = panel.tableView(2);
    const ResultTableModel *expModel = panel.tableModel(2);
    QCOMPARE(expModel->headerData(4, Qt::Horizontal).toString(), u"note"_s);
    exp->horizontalHeader()->moveSection(4, 0);
    exp->selectionModel()->select(QItemSelection(expModel->index(0, 0), expModel->index(0, 0)),
                                  QItemSelectionModel::ClearAndSelect);
    exp->selectionModel()->select(QItemSelection(expModel->index(0, 4), expModel->index(0, 4)),
                                  QItemSelectionModel::Select);
    QTest::keyClick(exp, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             u"\"x, \"\"y\"\"\"\t2016-12-03T19:26:51.053212789Z\n"_s);
}

void tst_ResultsPanel::manySeriesAreCappedAtMaxTabs()
{
    const int seriesCount = ResultsPanel::MaxResultTabs + 25;
    QByteArray lines;
    for (int i = 0; i < seriesCount; ++i)
        lines += "many,host=h" + QByteArray::number(1000 + i) + " v=" + QByteArray::number(i)
                + "i 1000000000\n";
    writeOrFail(lines);
    ResultsPanel panel;
    QVERIFY(runAndWait(panel, u"SELECT v FROM many GROUP BY host"_s));
    QCOMPARE(panel.state(), ResultsPanel::State::Done);
    QCOMPARE(panel.resultTabCount(), ResultsPanel::MaxResultTabs);
    QCOMPARE(panel.rowCount(), seriesCount);
    QCOMPARE(panel.messages(),
             QStringList {u"25 more series are not shown as tabs; export all results to see "
                          u"them."_s});
    QTRY_VERIFY(panel.hasChart());
    QCOMPARE(child<QTabWidget>(panel, u"resultTabs"_s)->currentWidget(),
             panel.tableView(0)->parentWidget());

    // The export has them all.
    QTemporaryDir dir;
    QSignalSpy exported(&panel, &ResultsPanel::exportFinished);
    QVERIFY(panel.exportResults(dir.filePath(u"many.csv"_s), ResultExporter::Format::Csv,
                                ResultsPanel::ExportScope::AllTables));
    QVERIFY(exported.wait(LongWait));
    QCOMPARE(readAll(dir.filePath(u"many.csv"_s)).count('\n'), seriesCount + 1);
}

void tst_ResultsPanel::deletedReplyFailsTheRun()
{
    ResultsPanel panel;
    QSignalSpy finished(&panel, &ResultsPanel::queryFinished);
    QueryReply *reply = run(u"SELECT * FROM big"_s, {.chunkSize = 1000});
    panel.setReply(reply);
    QVERIFY(QTest::qWaitFor([&] { return reply->rowCount() > 0; }, LongWait));
    QVERIFY(reply->isRunning());
    delete reply; // e.g. its Client went away
    QCOMPARE(panel.state(), ResultsPanel::State::Failed);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(panel.errorCount(), 1);
    QCOMPARE(panel.tableModel(0)->rowCount(), 0);
    QVERIFY(!child<QPushButton>(panel, u"cancelButton"_s)->isEnabled());
    panel.clear(); // nothing left to release
    QCOMPARE(panel.state(), ResultsPanel::State::Idle);
}

void tst_ResultsPanel::chartTabIsReducedForItsWidthBeforeItIsShown()
{
    ResultsPanel panel;
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy chartUpdated(&panel, &ResultsPanel::chartUpdated);
    QVERIFY(runAndWait(panel, u"SELECT v FROM big"_s));
    QTRY_COMPARE_WITH_TIMEOUT(chartUpdated.size(), 1, LongWait);
    QVERIFY(panel.hasChart());
    auto *tabs = child<QTabWidget>(panel, u"resultTabs"_s);
    QCOMPARE(tabs->currentWidget(), panel.tableView(0)->parentWidget()); // the table in front
    Explorer::SeriesChartView *view = panel.chartPanel()->view();
    QVERIFY(!view->isVisible());
    QCOMPARE(view->fullPointCount(0), BigPoints);
    QTest::qWait(100); // the chart's own relayout after its last update (new axis labels)
    const int reducedHidden = view->reducedWidth();
    QVERIFY2(reducedHidden > 800, qPrintable(QString::number(reducedHidden)));

    // Brought to the front, it paints the lines it has: they were reduced for this width while
    // the tab was in the background, so there is nothing to reduce again and one paint.
    int paints = 0;
    struct Counter : QObject
    {
        int *paints;
        bool eventFilter(QObject *, QEvent *event) override
        {
            *paints += event->type() == QEvent::Paint ? 1 : 0;
            return false;
        }
    } counter;
    counter.paints = &paints;
    view->viewport()->installEventFilter(&counter);
    QSignalSpy redecimated(view, &Explorer::SeriesChartView::redecimated);
    tabs->setCurrentWidget(panel.chartPanel());
    QTRY_VERIFY(paints > 0);
    QTest::qWait(200);
    QCOMPARE(redecimated.size(), 0);
    // One paint in practice (bench_gui). A scene update queued while the lines were replaced in
    // the background may still arrive after the first paint on a slow build (about one run in
    // three under ASan), a second paint of the same reduced lines; the old code reduced again
    // and painted three times.
    QVERIFY2(paints <= 2, qPrintable(QString::number(paints)));
    QCOMPARE(view->decimationWidth(), reducedHidden);
    QVERIFY(view->drawnPointCount(0) > reducedHidden);
    QVERIFY(view->drawnPointCount(0) <= 4 * reducedHidden + 2);
}

void tst_ResultsPanel::chartStreamsWhileTheQueryRuns()
{
    ResultsPanel panel;
    panel.setChartFirst(true); // as the builder: the chart in front as soon as it is there
    // Held midway by the row limit: the chart must show part of the rows while it waits.
    showWithRowLimit(panel);
    if (QTest::currentTestFailed())
        return;
    Explorer::SeriesChartView *view = panel.chartPanel()->view();
    auto *tabs = child<QTabWidget>(panel, u"resultTabs"_s);

    // What the chart shows each time it is drawn anew, and whether the query still ran.
    struct Sample
    {
        bool running;
        bool inFront;
        int lines;
        qsizetype points;
    };
    QList<Sample> samples;
    connect(view, &Explorer::SeriesChartView::redecimated, this, [&] {
        samples.append({panel.state() == ResultsPanel::State::Running
                                || panel.state() == ResultsPanel::State::Paused,
                        tabs->currentWidget() == panel.chartPanel(), view->lineCount(),
                        view->fullPointCount(0)});
    });
    QSignalSpy chartUpdated(&panel, &ResultsPanel::chartUpdated);
    QSignalSpy finished(&panel, &ResultsPanel::queryFinished);
    QElapsedTimer clock;
    clock.start();
    // 2000 rows a chunk: 100 pieces.
    panel.setReply(run(u"SELECT v FROM big"_s, {.chunkSize = 2000}));
    QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ResultsPanel::State::Paused, LongWait);
    QTRY_VERIFY_WITH_TIMEOUT(view->lineCount() == 1 && view->fullPointCount(0) >= 50000, LongWait);
    QVERIFY(view->fullPointCount(0) < BigPoints);
    panel.fetchAll();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), LongWait);
    const qint64 runningMs = clock.elapsed();
    QTRY_COMPARE_WITH_TIMEOUT(chartUpdated.size(), 1, LongWait);

    // The chart came while the rows streamed in, in front, with part of them.
    QList<qsizetype> whileRunning;
    for (const Sample &sample : std::as_const(samples)) {
        if (!sample.running || sample.lines == 0) // not yet: the panel's empty chart
            continue;
        QVERIFY(sample.inFront);
        // All of them only when the last rows came before the end of the response.
        QVERIFY2(sample.points > 0 && sample.points <= BigPoints,
                 qPrintable(QString::number(sample.points)));
        if (!whileRunning.contains(sample.points))
            whileRunning.append(sample.points);
    }
    QVERIFY2(!whileRunning.isEmpty(), "no chart while the query ran");
    QVERIFY(std::is_sorted(whileRunning.cbegin(), whileRunning.cend()));
    // New data at most every ChartUpdateMs (the first at once).
    QVERIFY2(whileRunning.size() <= 2 + runningMs / ResultsPanel::ChartUpdateMs,
             qPrintable(u"%1 updates in %2 ms"_s.arg(whileRunning.size()).arg(runningMs)));
    // And ends with every point, the chart still in front.
    QCOMPARE(view->fullPointCount(0), BigPoints);
    QCOMPARE(view->data().pointCount(), BigPoints);
    QCOMPARE(tabs->currentWidget(), panel.chartPanel());
    QVERIFY2(panel.chartPanel()->statusText().startsWith(u"1 line \u00B7 200,000 points"_s),
             qPrintable(panel.chartPanel()->statusText()));

    // A refresh keeps the old chart up while it runs, and then shows its own result.
    Preferences noLimit;
    noLimit.rowLimit = 0;
    panel.setPreferences(noLimit);
    samples.clear();
    QSignalSpy refreshed(&panel, &ResultsPanel::queryFinished);
    panel.setReply(run(u"SELECT v FROM big WHERE time < 150000s"_s, {.chunkSize = 2000}),
                   ResultsPanel::RunKind::Refresh);
    QCOMPARE(view->fullPointCount(0), BigPoints);
    QVERIFY(refreshed.wait(LongWait));
    QTRY_COMPARE_WITH_TIMEOUT(chartUpdated.size(), 2, LongWait);
    for (const Sample &sample : std::as_const(samples)) {
        if (sample.running)
            QCOMPARE(sample.points, BigPoints);
    }
    QCOMPARE(view->fullPointCount(0), 150000);
    QCOMPARE(tabs->currentWidget(), panel.chartPanel());
}

void tst_ResultsPanel::backgroundChartGetsTheRowsWhenBroughtToTheFront()
{
    ResultsPanel panel; // as a query tab: the table stays in front
    showWithRowLimit(panel);
    if (QTest::currentTestFailed())
        return;
    Explorer::SeriesChartView *view = panel.chartPanel()->view();
    auto *tabs = child<QTabWidget>(panel, u"resultTabs"_s);
    QSignalSpy finished(&panel, &ResultsPanel::queryFinished);
    panel.setReply(run(u"SELECT v FROM big"_s, {.chunkSize = 2000}));

    // The tab is there with the first rows; behind the table it gets none of them.
    QTRY_VERIFY_WITH_TIMEOUT(panel.hasChart(), LongWait);
    QTRY_COMPARE_WITH_TIMEOUT(panel.state(), ResultsPanel::State::Paused, LongWait);
    QVERIFY(tabs->currentWidget() != panel.chartPanel());
    QTest::qWait(2 * ResultsPanel::ChartUpdateMs);
    QCOMPARE(view->lineCount(), 0);

    // Brought to the front, it shows what arrived so far at once.
    tabs->setCurrentWidget(panel.chartPanel());
    QTRY_COMPARE_WITH_TIMEOUT(view->lineCount(), 1, LongWait);
    const qsizetype shown = view->fullPointCount(0);
    QVERIFY2(shown >= 50000 && shown < BigPoints, qPrintable(QString::number(shown)));
    QCOMPARE(panel.state(), ResultsPanel::State::Paused);
    QCOMPARE(shown, panel.rowCount()); // every row received so far, no more

    // Fetching the rest streams it into the chart in front; the end has every point.
    panel.fetchAll();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), LongWait);
    QTRY_COMPARE_WITH_TIMEOUT(view->fullPointCount(0), BigPoints, LongWait);
}

QTEST_MAIN(tst_ResultsPanel)
#include "tst_resultspanel.moc"
