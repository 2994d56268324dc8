// SPDX-License-Identifier: MIT
// GUI responsiveness and memory while a large result streams in (issue 5). Starts a private
// influxd, loads N points of the issue-5 workload (bench/workload.h) into database "bench" and
// runs `SELECT * FROM cpu` (N rows, one series; three numeric fields, so three chart lines of
// N points) three times:
//
//   client only    the bare Influx::Client (rawQuery(), no widgets): the baseline, and the
//                  memory of N decoded rows (VmHWM/VmRSS of /proc/self/status around the
//                  query with the result kept alive, and Series::memoryUsage() of the result)
//   results panel  an Explorer::ResultsPanel (1200x800, shown) driven by a QueryRunner as a
//                  query tab drives it: the table fills while the rows stream and in front;
//                  the chart streams into the Chart tab behind it (ChartDataBuilder, updated at
//                  most every ResultsPanel::ChartUpdateMs); then the Chart tab is brought to
//                  the front (as a click on it would) so the chart paints
//   chart panel    the same with setChartFirst() (as a builder tab): the Chart tab comes to the
//                  front as soon as there is something to chart and is drawn anew as the rows
//                  stream in; reported: the first chart paint after the query started, the
//                  chart's paints while it streams and after, and the stalls meanwhile
//
// Event-loop latency: a 1 ms Qt::PreciseTimer records every gap between two timeouts minus the
// interval (QElapsedTimer::nsecsElapsed()); a stall is such a gap. Reported while the query
// runs (for the panels: while the table and the chart stream), for about 1 s after it finished
// (the chart's final data, sorting enabled, ...) and, for the results panel, for 1 s after the
// Chart tab was selected. Paints are counted on the viewports of the tables and of the chart.
// The row limit of the preferences is off (0) so the panel never pauses to ask. All runs come
// after the load in the same process, the panels' also after the client-only result was freed:
// by then glibc's malloc has raised its mmap threshold (as in an explorer that already dropped
// a large result), so large column arrays grow by copying realloc(); in a fresh process the
// first query grows them by mremap().
// The figures are printed as plain lines; the exit code is 1 when something is wrong (query
// failed, rows missing, the table never painted, no chart), 2 on bad arguments.
//
//   QT_QPA_PLATFORM=offscreen build/dev/tests/bench_gui [N]     N points, default 1000000
//
// (the CTest smoke run uses N = 20000; `cmake --build --preset dev --target bench` runs it with
// the default).

#include "bench/benchsupport.h"
#include "bench/workload.h"
#include "charts/chartpanel.h"
#include "charts/serieschartview.h"
#include "models/resulttablemodel.h"
#include "results/queryrunner.h"
#include "results/resultspanel.h"
#include "results/resulttableview.h"

#include "client.h"
#include "localserver.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QTimer>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QTabWidget>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

#ifdef __GLIBC__
#    include <malloc.h>
#endif

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 DefaultPoints = 1'000'000;
constexpr int ProbeIntervalMs = 1;
constexpr int TailMs = 1000; // measured on after the query finished / the chart tab was shown
constexpr int QueryTimeoutMs = 600'000;
constexpr int ChartTimeoutMs = 60'000; // after the query finished
constexpr double MB = 1024.0 * 1024.0;
const QString Query = u"SELECT * FROM cpu"_s;
const QString Database = u"bench"_s;

// --- Event-loop latency --------------------------------------------------------------------

struct Stalls
{
    qsizetype samples = 0;
    qint64 maxNs = 0;
    qint64 maxStartNs = 0; // when the longest stall began (probe clock)
    qint64 maxWaitNs = 0; // of the longest stall: the time the GUI thread waited for a core
    qint64 maxOwnNs = 0; // the longest stall without that wait (the thread's work or blocking)
    qint64 p99Ns = 0;
    qint64 p999Ns = 0;
    int over16ms = 0;
    int over50ms = 0;
    std::vector<std::array<qint64, 3>> over50; // start, length and wait for a core of each one
};

// The time this thread has waited on a run queue for a core (schedstat's second field, ns); -1
// where /proc/thread-self/schedstat is not there (no CONFIG_SCHEDSTATS).
qint64 runQueueWaitNs()
{
    static thread_local QFile file(u"/proc/thread-self/schedstat"_s);
    if (!file.isOpen() && !file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return -1;
    char text[128];
    const qint64 size = file.seek(0) ? file.read(text, sizeof text - 1) : -1;
    if (size <= 0)
        return -1;
    text[size] = 0;
    const QList<QByteArray> fields = QByteArray(text).split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() : -1;
}

// Records the gap between consecutive timeouts of a 1 ms precise timer, minus the interval, and
// how much of it the GUI thread spent waiting for a core: on this 2-core machine influxd, on
// the same machine, keeps both cores busy while it answers a large query, and the scheduler
// then leaves the GUI thread runnable but not running for tens of ms. What remains of a stall
// ("own") is the GUI thread's work, or its waiting for something else than a core.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(ProbeIntervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const qint64 wait = runQueueWaitNs();
            m_samples.push_back({now, std::max<qint64>(0, now - m_last - IntervalNs),
                                 wait >= 0 && m_lastWait >= 0 ? wait - m_lastWait : 0});
            m_last = now;
            m_lastWait = wait;
        });
    }

    void start()
    {
        m_samples.clear();
        m_samples.reserve(1 << 20);
        m_clock.start();
        m_last = 0;
        m_lastWait = runQueueWaitNs();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    qint64 now() const { return m_clock.nsecsElapsed(); }

    // The gaps that ended in [fromNs, toNs).
    Stalls stalls(qint64 fromNs, qint64 toNs) const
    {
        Stalls result;
        std::vector<qint64> gaps;
        for (const Sample &sample : m_samples) {
            if (sample.endNs < fromNs || sample.endNs >= toNs)
                continue;
            gaps.push_back(sample.gapNs);
            if (sample.gapNs > result.maxNs) {
                result.maxNs = sample.gapNs;
                result.maxStartNs = sample.endNs - sample.gapNs;
                result.maxWaitNs = sample.waitNs;
            }
            result.maxOwnNs =
                    std::max(result.maxOwnNs, std::max<qint64>(0, sample.gapNs - sample.waitNs));
            result.over16ms += sample.gapNs > 16'000'000 ? 1 : 0;
            if (sample.gapNs > 50'000'000)
                result.over50.push_back({sample.endNs - sample.gapNs, sample.gapNs, sample.waitNs});
        }
        result.samples = qsizetype(gaps.size());
        result.over50ms = int(result.over50.size());
        if (gaps.empty())
            return result;
        std::sort(gaps.begin(), gaps.end());
        const auto quantile = [&gaps](double q) {
            const auto rank = size_t(std::ceil(q * double(gaps.size())));
            return gaps[std::clamp<size_t>(rank, 1, gaps.size()) - 1];
        };
        result.p99Ns = quantile(0.99);
        result.p999Ns = quantile(0.999);
        return result;
    }

private:
    static constexpr qint64 IntervalNs = qint64(ProbeIntervalMs) * 1'000'000;
    struct Sample
    {
        qint64 endNs;
        qint64 gapNs;
        qint64 waitNs; // on a run queue since the previous sample
    };
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastWait = -1;
    std::vector<Sample> m_samples;
};

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

// A line of the latency table, and one listing the stalls over 50 ms (when they began, in
// seconds after startNs, the query's start).
void printStalls(const char *scenario, const char *phase, const Stalls &s, qint64 startNs)
{
    const auto seconds = [startNs](qint64 ns) { return double(ns - startNs) / 1e9; };
    std::printf("%-14s %-30s max %7.1f ms (at %6.2f s, %4.1f ms of it waiting for a core)  "
                "p99 %6.2f ms  p99.9 %6.2f ms  >16 ms: %3d  >50 ms: %3d  (%lld samples)\n",
                scenario, phase, ms(s.maxNs), seconds(s.maxStartNs), ms(s.maxWaitNs), ms(s.p99Ns),
                ms(s.p999Ns), s.over16ms, s.over50ms, qlonglong(s.samples));
    std::printf("%-14s %-30s longest stall without the waits for a core: %.1f ms\n", "", "",
                ms(s.maxOwnNs));
    if (s.over50.empty())
        return;
    std::printf("%-14s %-30s stalls > 50 ms:", "", "");
    for (const auto &[start, length, wait] : s.over50)
        std::printf(" %.1f ms at %.2f s (%.1f waiting);", ms(length), seconds(start), ms(wait));
    std::printf("\n");
}

// --- Waiting without sleeping (a sleep would show up as a stall) --------------------------

bool runUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer check;
    check.setInterval(5);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    check.start();
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

void runFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

// --- Memory ---------------------------------------------------------------------------------

struct Memory
{
    qint64 rssKb = -1;
    qint64 hwmKb = -1; // peak RSS
};

Memory memory()
{
    Memory m;
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return m;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const auto value = [&line] {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        };
        if (line.startsWith("VmRSS:"))
            m.rssKb = value();
        else if (line.startsWith("VmHWM:"))
            m.hwmKb = value();
    }
    return m;
}

double mb(qint64 kb)
{
    return double(kb) * 1024.0 / MB;
}

// Hands the heap's free memory back to the system (every thread's arena): the RSS that
// remains is what is held.
void trimHeap()
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

// Trims the heap and resets VmHWM to the current RSS, so that what follows is measured from
// here (Linux ≥ 4.0). False when the peak could not be reset.
bool resetPeak()
{
    trimHeap();
    QFile file(u"/proc/self/clear_refs"_s);
    return file.open(QIODevice::WriteOnly) && file.write("5") == 1;
}

qint64 seriesBytes(const Influx::QueryResult &result)
{
    qint64 bytes = 0;
    for (const Influx::Series &series : result.allSeries())
        bytes += series.memoryUsage();
    return bytes;
}

int fail(const char *what)
{
    std::fprintf(stderr, "bench_gui: FAILED: %s\n", what);
    return 1;
}

// --- The two runs ---------------------------------------------------------------------------

int clientOnly(Influx::Client &client, qint64 points)
{
    const bool peakReset = resetPeak();
    const Memory before = memory();
    StallProbe probe;
    probe.start();
    const qint64 startNs = probe.now();
    qint64 finishedNs = -1;
    Influx::QueryReply *reply = client.rawQuery(Query, Influx::QueryOptions {.database = Database});
    QObject::connect(reply, &Influx::Reply::finished, reply,
                     [&finishedNs, &probe] { finishedNs = probe.now(); });
    if (!runUntil([&finishedNs] { return finishedNs >= 0; }, QueryTimeoutMs))
        return fail("client only: the query did not finish");
    runFor(TailMs);
    const qint64 endNs = probe.now();
    probe.stop();

    // The result stays alive (reply and copy) while the memory is read.
    const Influx::QueryResult result = reply->result();
    const Memory after = memory();
    trimHeap();
    const Memory trimmed = memory();
    const qint64 rows = result.rowCount();
    const qint64 bytes = seriesBytes(result);

    std::printf("%-14s time to finish %.2f s, %lld rows received\n", "client only",
                double(finishedNs - startNs) / 1e9, qlonglong(reply->rowCount()));
    printStalls("client only", "while the query runs", probe.stalls(startNs, finishedNs), startNs);
    printStalls("client only", "1 s after it finished", probe.stalls(finishedNs, endNs), startNs);
    const double peakGrowth = mb(after.hwmKb - before.rssKb);
    std::printf("%-14s memory: RSS before %.1f MB, peak %.1f MB (+%.1f MB%s), RSS with the "
                "result alive %.1f MB (+%.1f MB), after malloc_trim %.1f MB (+%.1f MB); "
                "Series::memoryUsage %.1f MB (%.1f B/row); target < 100 MB of peak growth: %s\n",
                "client only", mb(before.rssKb), mb(after.hwmKb), peakGrowth,
                peakReset ? "" : ", peak not reset: it may predate the query", mb(after.rssKb),
                mb(after.rssKb - before.rssKb), mb(trimmed.rssKb), mb(trimmed.rssKb - before.rssKb),
                double(bytes) / MB, rows > 0 ? double(bytes) / double(rows) : 0.0,
                peakGrowth < 100 ? "met" : "MISSED");

    const Influx::Error error = reply->error();
    delete reply;
    if (error.isError()) {
        std::fprintf(stderr, "bench_gui: %s\n", qPrintable(error.toString()));
        return fail("client only: the query failed");
    }
    if (rows != points)
        return fail("client only: rows received differ from the points loaded");
    return 0;
}

// Counts the paint events of the result tables' and the chart's viewports.
class PaintCounter : public QObject
{
public:
    explicit PaintCounter(const StallProbe &probe) : m_probe(probe) { }
    int tablePaints = 0;
    int chartPaints = 0;
    qint64 firstChartPaintNs = -1; // probe clock

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || !watched->isWidgetType())
            return false;
        const QWidget *parent = static_cast<QWidget *>(watched)->parentWidget();
        if (qobject_cast<const Explorer::ResultTableView *>(parent)) {
            ++tablePaints;
        } else if (qobject_cast<const Explorer::SeriesChartView *>(parent)) {
            ++chartPaints;
            if (firstChartPaintNs < 0)
                firstChartPaintNs = m_probe.now();
        }
        return false;
    }

private:
    const StallProbe &m_probe;
};

// The results panel as a query tab has it (table in front, chartFirst false) or as a builder
// tab has it (the chart in front as soon as it is there).
int resultsPanel(Influx::Client &client, qint64 points, bool chartFirst)
{
    const char *const name = chartFirst ? "chart panel" : "results panel";
    const bool peakReset = resetPeak();
    const Memory before = memory();

    Explorer::ResultsPanel panel;
    panel.setChartFirst(chartFirst);
    Explorer::Preferences preferences;
    preferences.rowLimit = 0; // never pause to ask
    panel.setPreferences(preferences);
    Explorer::QueryRunner runner(&client, &panel);
    panel.resize(1200, 800);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        return fail("results panel: the window was not exposed");
    StallProbe probe;
    PaintCounter paints(probe);
    qApp->installEventFilter(&paints);

    bool finished = false;
    bool chartUpdated = false;
    qint64 finishedNs = -1;
    qint64 chartNs = -1;
    QObject::connect(&panel, &Explorer::ResultsPanel::queryFinished, &panel, [&] {
        finished = true;
        finishedNs = probe.now();
    });
    QObject::connect(&panel, &Explorer::ResultsPanel::chartUpdated, &panel, [&] {
        chartUpdated = true;
        chartNs = probe.now();
    });
    // The chart's data updates while the query runs: the point counts it was drawn with.
    Explorer::SeriesChartView *chartView = panel.chartPanel()->view();
    std::vector<qsizetype> streamedCounts;
    QObject::connect(chartView, &Explorer::SeriesChartView::redecimated, &panel, [&] {
        const qsizetype count = chartView->data().pointCount();
        if (!finished && count > 0 && (streamedCounts.empty() || streamedCounts.back() != count))
            streamedCounts.push_back(count);
    });
    // How the table's exposed rows grow while the query runs.
    int rowSamples = 0;
    int rowGrowths = 0;
    int lastExposed = 0;
    QTimer rowSampler;
    rowSampler.setInterval(50);
    QObject::connect(&rowSampler, &QTimer::timeout, &panel, [&] {
        const Explorer::ResultTableModel *model = panel.tableModel(0);
        if (!model || finished)
            return;
        ++rowSamples;
        rowGrowths += model->rowCount() > lastExposed ? 1 : 0;
        lastExposed = std::max(lastExposed, model->rowCount());
    });

    probe.start();
    rowSampler.start();
    const qint64 startNs = probe.now();
    runner.run(Query, Database);
    qint64 firstRowsNs = -1;
    if (panel.reply())
        QObject::connect(panel.reply(), &Influx::QueryReply::rowsReceived, &panel, [&] {
            if (firstRowsNs < 0)
                firstRowsNs = probe.now();
        });
    if (!runUntil([&finished] { return finished; }, QueryTimeoutMs))
        return fail("results panel: the query did not finish");
    rowSampler.stop();
    const int tablePaintsRunning = paints.tablePaints;
    const int chartPaintsRunning = paints.chartPaints;
    runUntil([&] { return chartUpdated && probe.now() - finishedNs >= TailMs * 1'000'000ll; },
             ChartTimeoutMs);
    const qint64 tailEndNs = probe.now();
    const int tablePaintsAfter = paints.tablePaints - tablePaintsRunning;
    const int chartPaintsAfter = paints.chartPaints - chartPaintsRunning;

    // The Chart tab to the front, as a click on it would.
    const int chartPaintsBefore = paints.chartPaints;
    const qint64 chartTabNs = probe.now();
    auto *tabs = panel.findChild<QTabWidget *>(u"resultTabs"_s);
    if (!chartFirst) {
        if (panel.hasChart() && tabs)
            tabs->setCurrentWidget(panel.chartPanel());
        runFor(TailMs);
    }
    const qint64 endNs = probe.now();
    probe.stop();
    qApp->removeEventFilter(&paints);

    const Memory after = memory();
    trimHeap();
    const Memory trimmed = memory();
    const Explorer::ResultTableModel *model = panel.tableModel(0);
    const qint64 available = model ? model->availableRows() : 0;
    const auto seconds = [startNs](qint64 ns) {
        return ns < 0 ? -1.0 : double(ns - startNs) / 1e9;
    };
    std::printf("%-14s time to finish %.2f s, %lld rows received; table: %d tab(s), %lld rows "
                "available, %d exposed; exposed rows grew in %d of %d samples while running "
                "(up to %d); table paints: %d while running, %d after\n",
                name, double(finishedNs - startNs) / 1e9, qlonglong(panel.rowCount()),
                panel.resultTabCount(), qlonglong(available), model ? model->rowCount() : 0,
                rowGrowths, rowSamples, lastExposed, tablePaintsRunning, tablePaintsAfter);
    std::printf("%-14s chart: first rows at %.2f s, first chart paint at %.2f s after the query "
                "started; streamed %zu times while running (last with %lld points); final data "
                "%s %.2f s after the query finished: %s; chart paints: %d while running, %d "
                "after",
                name, seconds(firstRowsNs), seconds(paints.firstChartPaintNs),
                streamedCounts.size(),
                qlonglong(streamedCounts.empty() ? 0 : streamedCounts.back()),
                chartUpdated ? "shown" : "NOT shown",
                chartUpdated ? double(chartNs - finishedNs) / 1e9 : 0.0,
                panel.hasChart() ? qPrintable(panel.chartPanel()->statusText()) : "no chart tab",
                chartPaintsRunning, chartPaintsAfter);
    if (!chartFirst)
        std::printf(", after selecting its tab: %d", paints.chartPaints - chartPaintsBefore);
    std::printf("\n");
    printStalls(name, "while the query runs", probe.stalls(startNs, finishedNs), startNs);
    printStalls(name, "1 s after (final chart)", probe.stalls(finishedNs, tailEndNs), startNs);
    if (!chartFirst)
        printStalls(name, "1 s after the chart tab shown", probe.stalls(chartTabNs, endNs),
                    startNs);
    std::printf("%-14s memory: RSS before %.1f MB, peak %.1f MB (+%.1f MB%s), RSS with the "
                "panel, its table and chart %.1f MB (+%.1f MB), after malloc_trim %.1f MB "
                "(+%.1f MB)\n",
                name, mb(before.rssKb), mb(after.hwmKb), mb(after.hwmKb - before.rssKb),
                peakReset ? "" : ", peak not reset: it may predate the query", mb(after.rssKb),
                mb(after.rssKb - before.rssKb), mb(trimmed.rssKb),
                mb(trimmed.rssKb - before.rssKb));

    if (panel.state() != Explorer::ResultsPanel::State::Done)
        return fail("results panel: the query did not end as Done");
    if (panel.rowCount() != points || available != points)
        return fail("results panel: rows received differ from the points loaded");
    if (!chartFirst && paints.tablePaints == 0)
        return fail("results panel: the table never painted");
    if (!chartUpdated || !panel.hasChart())
        return fail("results panel: no chart");
    if (chartView->data().pointCount() != 3 * points)
        return fail("results panel: the chart does not have every point");
    if (paints.chartPaints == 0)
        return fail("results panel: the chart never painted");
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    const QStringList args = application.arguments();
    bool ok = true;
    const qint64 points = args.size() > 1 ? args.at(1).toLongLong(&ok) : DefaultPoints;
    if (args.size() > 2 || !ok || points <= 0) {
        std::fputs("usage: bench_gui [POINTS]   (default 1000000)\n", stderr);
        return 2;
    }

    Influx::LocalServer server;
    QElapsedTimer clock;
    clock.start();
    if (!Bench::Workload::startLoaded(server, points))
        return fail("starting influxd with the workload");
    Influx::Client client(Influx::ClientOptions {.baseUrls = {server.url()}});
    std::printf("bench_gui: %lld points loaded into \"%s\" (influxd started) in %.1f s; query: %s "
                "(RFC 3339 times, chunked, the server's chunk size); stalls: gaps of a %d ms "
                "precise timer beyond its interval; platform %s; load average %s\n",
                qlonglong(points), qPrintable(Database), double(clock.elapsed()) / 1000.0,
                qPrintable(Query), ProbeIntervalMs, qPrintable(QGuiApplication::platformName()),
                Bench::loadAverage().constData());
    std::fflush(stdout);

    if (const int result = clientOnly(client, points))
        return result;
    std::fflush(stdout);
    if (const int result = resultsPanel(client, points, false))
        return result;
    std::fflush(stdout);
    return resultsPanel(client, points, true);
}
