// SPDX-License-Identifier: MIT
// The builder tabs, the result charts and the write dock as they sit in the window, against the
// fixture's influxd: the form's query runs into a chart and a table, "Open in editor" makes a
// query tab, a chart re-runs its query, a point written from the dock appears in the schema.
#include "builder/querybuilderform.h"
#include "charts/chartpanel.h"
#include "charts/serieschartview.h"
#include "client.h"
#include "editor/queryeditor.h"
#include "history/queryhistory.h"
#include "mainwindow/builderpage.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/querypage.h"
#include "mainwindow/writedock.h"
#include "models/resulttablemodel.h"
#include "results/queryrunner.h"
#include "results/resultspanel.h"
#include "schema/schemabrowser.h"
#include "schema/schemamodel.h"
#include "settings/connectionmanager.h"
#include "settings/connectionprofile.h"
#include "settings/secretstore.h"
#include "testserver.h"
#include "windowfixture.h"
#include "write/pointform.h"
#include "write/writeoptionsbar.h"
#include "write/writepanel.h"

#include <QtCore/QSettings>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QToolButton>

using namespace Explorer;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {
constexpr int Wait = 10000;
} // namespace

class tst_MainWindowTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void builderTabRunsIntoChartAndTable();
    void builderRunsFromTheMenuAndTheButton();
    void builderOpensItsQueryInAnEditorTab();
    void builderIntervalFollowsTheChartWidth();
    void queryTabOffersAChartOfNumericResults();
    void chartRefreshRerunsTheQueryWithoutHistory();
    void autoRefreshTimerRerunsTheQuery();
    void writeDockWritesAndTheSchemaShowsIt();
    void preferencesReachEveryTool();

private:
    QueryBuilderState cpuState() const;

    QString m_db;
    QTemporaryDir m_dir;
    std::unique_ptr<TestSupport::WindowFixture> m_fixture;
};

void tst_MainWindowTools::initTestCase()
{
    QVERIFY2(!TestSupport::fixtureUrl().isEmpty(), "no influxd: run through ctest");
    m_db = TestSupport::uniqueName(u"tools"_s);
    const QByteArray lines = "cpu,host=a,region=eu usage=1.5,count=3i,note=\"x\" 1000000000\n"
                             "cpu,host=a,region=eu usage=2.25,count=4i,note=\"y\" 2000000000\n"
                             "cpu,host=b,region=us usage=7,count=5i,note=\"z\" 1000000000\n";
    const Influx::Error error = TestSupport::createDatabase(m_db, lines);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void tst_MainWindowTools::cleanupTestCase()
{
    TestSupport::dropDatabase(m_db);
}

void tst_MainWindowTools::init()
{
    m_fixture = std::make_unique<TestSupport::WindowFixture>(m_dir.path());
    QVERIFY(m_fixture->createWindow());
    QVERIFY(m_fixture->connectToFixture(m_db));
}

void tst_MainWindowTools::cleanup()
{
    m_fixture.reset();
    QFile::remove(m_dir.filePath(u"history.jsonl"_s));
}

QueryBuilderState tst_MainWindowTools::cpuState() const
{
    QueryBuilderState state;
    state.database = m_db;
    state.measurement = u"cpu"_s;
    state.fields = {{.field = u"usage"_s}};
    state.timeRange = QueryBuilderState::TimeRange::All; // the points are from 1970
    state.groupByTags = {u"host"_s};
    return state;
}

void tst_MainWindowTools::builderTabRunsIntoChartAndTable()
{
    BuilderPage *builder = m_fixture->window()->addBuilderPage();
    QCOMPARE(m_fixture->window()->currentBuilder(), builder);
    QCOMPARE(builder->database(), m_db); // the connection's database
    builder->form()->setState(cpuState());
    const QString influxql = builder->form()->influxQL();
    QCOMPARE(influxql, u"SELECT \"usage\" FROM \"%1\"..\"cpu\" GROUP BY \"host\""_s.arg(m_db));

    ResultsPanel *results = builder->results();
    QSignalSpy chartUpdated(results, &ResultsPanel::chartUpdated);
    QPushButton *run = builder->form()->findChild<QPushButton *>(u"run"_s);
    QVERIFY(run && run->isEnabled());
    QTest::mouseClick(run, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(results->state(), ResultsPanel::State::Done, Wait);
    QTRY_COMPARE_WITH_TIMEOUT(chartUpdated.size(), 1, Wait);

    // The chart is in front: one line per series (host=a with 2 points, host=b with 1).
    QVERIFY(results->hasChart());
    auto *tabs = results->findChild<QTabWidget *>(u"resultTabs"_s);
    QCOMPARE(tabs->currentWidget(), results->chartPanel());
    SeriesChartView *view = results->chartPanel()->view();
    QCOMPARE(view->lineCount(), 2);
    QCOMPARE(view->fullPointCount(0), 2);
    QCOMPARE(view->fullPointCount(1), 1);
    QVERIFY2(view->data().line(0).name.contains(u"host=a"_s),
             qPrintable(view->data().line(0).name));
    QVERIFY2(results->chartPanel()->statusText().startsWith(u"2 lines"_s),
             qPrintable(results->chartPanel()->statusText()));
    // The tables are behind it, counted without the chart.
    QCOMPARE(results->resultTabCount(), 2);
    QCOMPARE(results->tableModel(0)->rowCount(), 2);
    QCOMPARE(results->tableModel(1)->rowCount(), 1);

    // The run is in the history with the form's text.
    QTRY_COMPARE(m_fixture->history()->entries().size(), 1);
    QCOMPARE(m_fixture->history()->entries().constFirst().query, influxql);
    QCOMPARE(m_fixture->history()->entries().constFirst().rows, 3);
}

void tst_MainWindowTools::builderRunsFromTheMenuAndTheButton()
{
    const int before = m_fixture->window()->tabs()->count();
    auto *button = m_fixture->window()->findChild<QToolButton *>(u"newBuilderTabButton"_s);
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_fixture->window()->tabs()->count(), before + 1);
    BuilderPage *builder = m_fixture->window()->currentBuilder();
    QVERIFY(builder);
    QCOMPARE(m_fixture->window()->tabs()->tabText(m_fixture->window()->tabs()->currentIndex()),
             builder->title());
    QVERIFY(m_fixture->window()->windowTitle().startsWith(builder->title()));

    // Query ▸ Run statement (Ctrl+Enter) runs the form's query on a builder tab.
    QueryBuilderState state = cpuState();
    state.groupByTags.clear();
    builder->form()->setState(state);
    QTest::keyClick(m_fixture->window(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(builder->results()->state(), ResultsPanel::State::Done, Wait);
    QCOMPARE(builder->results()->rowCount(), 3);
    QTRY_VERIFY_WITH_TIMEOUT(builder->results()->hasChart(), Wait);
    QCOMPARE(builder->results()->chartPanel()->view()->lineCount(), 1);

    // Ctrl+W closes the builder tab without asking.
    QTest::keyClick(m_fixture->window(), Qt::Key_W, Qt::ControlModifier);
    QTRY_COMPARE(m_fixture->window()->tabs()->count(), before);
    QVERIFY(m_fixture->window()->builderPages().isEmpty());
}

void tst_MainWindowTools::builderOpensItsQueryInAnEditorTab()
{
    BuilderPage *builder = m_fixture->window()->addBuilderPage(m_db);
    QueryBuilderState state = cpuState();
    state.fields = {{.field = u"usage"_s, .function = QueryBuilderState::Function::Max}};
    builder->form()->setState(state);
    const QString influxql = builder->form()->influxQL();
    QTest::mouseClick(builder->form()->findChild<QPushButton *>(u"openInEditor"_s), Qt::LeftButton);
    QueryPage *page = m_fixture->window()->currentPage();
    QVERIFY(page);
    QCOMPARE(page->editor()->toPlainText(), influxql);
    QCOMPARE(page->database(), m_db);
    QVERIFY(!page->isModified());
    page->runAll();
    QTRY_COMPARE_WITH_TIMEOUT(page->results()->state(), ResultsPanel::State::Done, Wait);
    QCOMPARE(page->results()
                     ->tableModel(0)
                     ->index(0, 1)
                     .data(ResultTableModel::RawValueRole)
                     .toDouble(),
             2.25); // max(usage) of host=a
}

void tst_MainWindowTools::builderIntervalFollowsTheChartWidth()
{
    BuilderPage *builder = m_fixture->window()->addBuilderPage(m_db);
    QueryBuilderState state = cpuState();
    state.fields = {{.field = u"usage"_s, .function = QueryBuilderState::Function::Mean}};
    state.timeRange = QueryBuilderState::TimeRange::Quick;
    state.quickRangeSeconds = 86400;
    state.groupByTime = QueryBuilderState::GroupByTime::Auto;
    builder->form()->setState(state);
    QTRY_VERIFY(builder->results()->width() > 0);
    const int wide = builder->form()->chartWidth();
    QVERIFY2(wide > 200 && wide < builder->results()->width(), qPrintable(QString::number(wide)));

    // A narrower window gives a narrower chart and a coarser automatic interval.
    const QString before = builder->form()->influxQL();
    m_fixture->window()->resize(700, 800);
    QTRY_VERIFY(builder->form()->chartWidth() < wide);
    const int narrow = builder->form()->chartWidth();
    QCOMPARE(builder->form()->influxQL(),
             builder->form()->state().toInfluxQL(narrow)); // the preview follows
    QCOMPARE(QueryBuilderState::autoInterval(86'400'000'000'000, narrow),
             builder->form()->state().effectiveInterval(narrow));
    QVERIFY2(before.contains(
                     u"time(%1)"_s.arg(QueryBuilderState::autoInterval(86'400'000'000'000, wide))),
             qPrintable(before));
}

void tst_MainWindowTools::queryTabOffersAChartOfNumericResults()
{
    QueryPage *page = m_fixture->window()->addPage(
            u"SELECT usage, count, note FROM cpu GROUP BY host"_s, m_db);
    ResultsPanel *results = page->results();
    QSignalSpy chartUpdated(results, &ResultsPanel::chartUpdated);
    page->runAll();
    QTRY_COMPARE_WITH_TIMEOUT(chartUpdated.size(), 1, Wait);
    QVERIFY(results->hasChart());
    // In a query tab the first table stays in front; the chart is one click away.
    auto *tabs = results->findChild<QTabWidget *>(u"resultTabs"_s);
    QCOMPARE(tabs->currentWidget()->objectName(), QString()); // a ResultPage
    QCOMPARE(tabs->tabText(0), u"Chart"_s);
    QCOMPARE(results->resultTabCount(), 2);
    // usage and count of two hosts; the string field is not charted.
    SeriesChartView *view = results->chartPanel()->view();
    QCOMPARE(view->lineCount(), 4);
    QCOMPARE(view->data().skippedColumns().size(), 2);
    QVERIFY(view->data().skippedColumns().constFirst().contains(u"note"_s));

    // A result with nothing to chart removes the tab and drops the old lines.
    page->run(u"SHOW TAG KEYS FROM cpu"_s);
    QTRY_COMPARE_WITH_TIMEOUT(chartUpdated.size(), 2, Wait);
    QVERIFY(!results->hasChart());
    QCOMPARE(view->lineCount(), 0);
    QCOMPARE(results->resultTabCount(), 1);
    QCOMPARE(tabs->currentIndex(), 0);
}

void tst_MainWindowTools::chartRefreshRerunsTheQueryWithoutHistory()
{
    const QString measurement = TestSupport::uniqueName(u"live"_s);
    Influx::Client writer(Influx::ClientOptions {.baseUrls = {TestSupport::fixtureUrl()}});
    QVERIFY(!TestSupport::writeLines(writer, (measurement + u",host=a v=1 1000000000"_s).toUtf8(),
                                     Influx::WriteOptions {.database = m_db})
                     .isError());
    QueryPage *page = m_fixture->window()->addPage(
            u"SELECT v FROM %1 GROUP BY host"_s.arg(measurement), m_db);
    ResultsPanel *results = page->results();
    QSignalSpy chartUpdated(results, &ResultsPanel::chartUpdated);
    page->runAll();
    QTRY_COMPARE_WITH_TIMEOUT(chartUpdated.size(), 1, Wait);
    QTRY_COMPARE(m_fixture->history()->entries().size(), 1);
    auto *tabs = results->findChild<QTabWidget *>(u"resultTabs"_s);
    tabs->setCurrentWidget(results->chartPanel());
    QCOMPARE(results->chartPanel()->view()->lineCount(), 1);

    // New data arrives; the chart asks for a refresh (as its timer does).
    QVERIFY(!TestSupport::writeLines(writer, (measurement + u",host=b v=2 1000000000"_s).toUtf8(),
                                     Influx::WriteOptions {.database = m_db})
                     .isError());
    QSignalSpy states(results, &ResultsPanel::stateChanged);
    Q_EMIT results->chartPanel()->refreshRequested();
    QCOMPARE(page->runner()->refreshCount(), 1);
    // While it runs, the old chart stays up and in front: no blinking.
    QCOMPARE(results->state(), ResultsPanel::State::Running);
    QVERIFY(results->hasChart());
    QCOMPARE(tabs->currentWidget(), results->chartPanel());
    QCOMPARE(results->chartPanel()->view()->lineCount(), 1);
    // A second request while it runs is ignored.
    Q_EMIT results->chartPanel()->refreshRequested();
    QCOMPARE(page->runner()->refreshCount(), 1);

    QTRY_COMPARE_WITH_TIMEOUT(chartUpdated.size(), 2, Wait);
    QCOMPARE(results->chartPanel()->view()->lineCount(), 2);
    QCOMPARE(tabs->currentWidget(), results->chartPanel());
    QCOMPARE(results->resultTabCount(), 2);
    // Refreshes are not history.
    QTest::qWait(50);
    QCOMPARE(m_fixture->history()->entries().size(), 1);
    QVERIFY(!page->isRunning());
}

void tst_MainWindowTools::autoRefreshTimerRerunsTheQuery()
{
    BuilderPage *builder = m_fixture->window()->addBuilderPage(m_db);
    builder->form()->setState(cpuState());
    builder->run();
    ResultsPanel *results = builder->results();
    QTRY_VERIFY_WITH_TIMEOUT(results->hasChart(), Wait);
    // The panel offers 5 s and more; the view takes any interval, which keeps the test short.
    SeriesChartView *view = results->chartPanel()->view();
    view->setAutoRefresh(150ms);
    QTRY_VERIFY_WITH_TIMEOUT(builder->runner()->refreshCount() >= 2, Wait);
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isRunning(), Wait);
    QCOMPARE(view->lineCount(), 2);
    view->setAutoRefresh(0ms);
    QTRY_VERIFY_WITH_TIMEOUT(!builder->isRunning(), Wait);
    QSignalSpy chartUpdated(results, &ResultsPanel::chartUpdated);
    QTRY_VERIFY_WITH_TIMEOUT(!chartUpdated.wait(300), Wait); // the last refresh is drawn

    // Zooming pauses it, and a refresh already running when the user zooms keeps the zoom.
    view->setAutoRefresh(150ms);
    Q_EMIT results->chartPanel()->refreshRequested();
    QVERIFY(builder->isRunning());
    view->zoomToRangeNs(1'000'000'000, 1'500'000'000);
    const QPair<qint64, qint64> zoomed = view->visibleRangeNs();
    QVERIFY(view->isZoomed());
    QVERIFY(view->isAutoRefreshPaused());
    QVERIFY(chartUpdated.wait(Wait));
    QVERIFY(view->isZoomed());
    QCOMPARE(view->visibleRangeNs(), zoomed);
    const int count = builder->runner()->refreshCount();
    QTest::qWait(500);
    QCOMPARE(builder->runner()->refreshCount(), count);
    QCOMPARE(m_fixture->history()->entries().size(), 1); // only the run itself
}

void tst_MainWindowTools::writeDockWritesAndTheSchemaShowsIt()
{
    // Load the database's measurements in the tree first, so only a refresh can show more.
    SchemaModel *schema = m_fixture->window()->schemaBrowser()->model();
    QTRY_VERIFY_WITH_TIMEOUT(schema->childIndex({}, m_db).isValid(), Wait);
    QModelIndex db = schema->childIndex({}, m_db);
    schema->fetchMore(db);
    QTRY_VERIFY_WITH_TIMEOUT(schema->childIndex(db, u"autogen"_s).isValid(), Wait);
    QModelIndex autogen = schema->childIndex(db, u"autogen"_s);
    schema->fetchMore(autogen);
    QTRY_VERIFY_WITH_TIMEOUT(schema->childIndex(autogen, u"cpu"_s).isValid(), Wait);
    QVERIFY(!schema->childIndex(autogen, u"probe"_s).isValid());

    WriteDock *dock = m_fixture->window()->writeDock();
    QVERIFY(dock->isHidden());
    QTest::mouseClick(m_fixture->window()->findChild<QToolButton *>(u"writeDataButton"_s),
                      Qt::LeftButton);
    QVERIFY(dock->isVisible());
    WritePanel *panel = dock->panel();
    QCOMPARE(panel->database(), m_db);
    // Its retention policies come from the server.
    auto *policies = panel->findChild<QComboBox *>(u"retentionPolicyCombo"_s);
    QVERIFY(policies);
    QTRY_VERIFY_WITH_TIMEOUT(policies->findText(u"autogen"_s) >= 0, Wait);

    PointForm *form = panel->pointForm();
    form->clearFields();
    form->setMeasurement(u"probe"_s);
    form->addTag(u"site"_s, u"lab"_s);
    form->addField(u"reading"_s, PointForm::FieldType::Float, u"4.5"_s);
    QVERIFY2(form->isValid(), qPrintable(form->validationMessage()));
    QSignalSpy written(panel, &WritePanel::pointsWritten);
    panel->writePoint();
    QVERIFY(written.wait(Wait));
    QCOMPARE(written.constFirst().at(1).toLongLong(), 1);

    // The tree reloads the database: the new measurement is listed.
    QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QModelIndex db = schema->childIndex({}, m_db);
                const QModelIndex rp = schema->childIndex(db, u"autogen"_s);
                if (rp.isValid() && schema->canFetchMore(rp))
                    schema->fetchMore(rp);
                return rp.isValid() && schema->childIndex(rp, u"probe"_s).isValid();
            }(),
            Wait);
    // And the point reads back.
    Influx::Client reader(Influx::ClientOptions {.baseUrls = {TestSupport::fixtureUrl()}});
    const Influx::QueryResult result =
            TestSupport::query(reader, u"SELECT reading FROM probe WHERE site = 'lab'"_s,
                               Influx::QueryOptions {.database = m_db});
    QCOMPARE(result.series().rowCount(), 1);
    QCOMPARE(result.series().value(0, 1).toDouble(), 4.5);
    TestSupport::query(reader, u"DROP MEASUREMENT probe"_s,
                       Influx::QueryOptions {.database = m_db});
}

void tst_MainWindowTools::preferencesReachEveryTool()
{
    BuilderPage *builder = m_fixture->window()->addBuilderPage(m_db);
    Preferences preferences = m_fixture->window()->preferences();
    preferences.rowLimit = 1234;
    preferences.timeZone = Preferences::TimeZone::Local;
    m_fixture->window()->setPreferences(preferences);
    QCOMPARE(builder->results()->preferences().rowLimit, 1234);
    QCOMPARE(m_fixture->window()->currentPage()
                     ? m_fixture->window()->currentPage()->results()->preferences().rowLimit
                     : m_fixture->window()->pages().constFirst()->results()->preferences().rowLimit,
             1234);
    // A builder tab opened later starts with them too.
    BuilderPage *later = m_fixture->window()->addBuilderPage(m_db);
    QCOMPARE(later->results()->preferences().rowLimit, 1234);
    QCOMPARE(later->results()->preferences().timeZone, Preferences::TimeZone::Local);
}

QTEST_MAIN(tst_MainWindowTools)
#include "tst_mainwindowtools.moc"
