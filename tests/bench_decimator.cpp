// SPDX-License-Identifier: MIT
// Chart decimation: the Decimator (M4, up to 4 points per pixel column) against the least that
// drawing every point costs (a QList<QPointF> of all points for QLineSeries::replace), and the
// whole path to the screen: ChartData from a query result, and SeriesChartView from setData()
// to the end of its first paint, against a plain QChartView handed every point (offscreen
// raster unless QT_QPA_PLATFORM says otherwise).
//
//   bench_decimator                                 100k-point cases (the CTest smoke run)
//   bench_decimator --benchmark_filter=points:1000000   the 1M-point cases (registered only
//                                                       when a filter is given)
//
// points/s is items_per_second; "drawn" is the number of points the reduction kept.

#include "charts/chartdata.h"
#include "charts/decimator.h"
#include "charts/serieschartview.h"

#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtCore/QElapsedTimer>
#include <QtCore/QRandomGenerator>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

#include <benchmark/benchmark.h>

#include <cstring>
#include <map>

using namespace Explorer;
using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Start = 1'700'000'000'000'000'000;
constexpr qint64 Step = 1'000'000'000; // one point per second
constexpr int Width = 1000; // pixel columns

struct Data
{
    std::vector<qint64> times;
    std::vector<double> values;
};

// A random walk with a daily swing: every column has distinct first/min/max/last points.
const Data &data(qsizetype points)
{
    static std::map<qsizetype, Data> cache;
    Data &d = cache[points];
    if (d.times.empty()) {
        QRandomGenerator random(1);
        double value = 0;
        for (qsizetype i = 0; i < points; ++i) {
            value += random.bounded(2.0) - 1.0;
            d.times.push_back(Start + i * Step);
            d.values.push_back(value + 50 * std::sin(double(i) / 86400 * 6.283));
        }
    }
    return d;
}

Influx::Series series(qsizetype points, int index)
{
    const Data &d = data(points);
    Influx::Series s(u"cpu"_s, {u"time"_s, u"usage"_s}, {{u"host"_s, u"h%1"_s.arg(index)}});
    for (qsizetype i = 0; i < points; ++i)
        s.appendRow({QVariant::fromValue(Influx::Timestamp::fromNanoseconds(d.times[size_t(i)])),
                     d.values[size_t(i)] + index});
    return s;
}

void BM_Decimate(benchmark::State &state)
{
    const Data &d = data(state.range(0));
    size_t drawn = 0;
    for (auto _ : state) {
        const auto result =
                Decimator::decimate(d.times, d.values, d.times.front(), d.times.back(), Width);
        drawn = result.indices.size();
        benchmark::DoNotOptimize(result.indices.data());
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * state.range(0));
    state.counters["drawn"] = double(drawn);
}

// Zoomed to 1% of the data: binary search, then only the points in range are visited.
void BM_DecimateZoomed(benchmark::State &state)
{
    const Data &d = data(state.range(0));
    const qint64 span = d.times.back() - d.times.front();
    const qint64 from = d.times.front() + span / 2, to = from + span / 100;
    size_t drawn = 0;
    for (auto _ : state) {
        const auto result = Decimator::decimate(d.times, d.values, from, to, Width);
        drawn = result.indices.size();
        benchmark::DoNotOptimize(result.indices.data());
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * state.range(0) / 100);
    state.counters["drawn"] = double(drawn);
}

// The baseline: every point as a QPointF, what QLineSeries::replace() would get undecimated.
void BM_AllPointsBaseline(benchmark::State &state)
{
    const Data &d = data(state.range(0));
    for (auto _ : state) {
        QList<QPointF> points;
        points.reserve(qsizetype(d.times.size()));
        for (size_t i = 0; i < d.times.size(); ++i)
            points.append(QPointF(double(d.times[i] - Start) / 1e6, d.values[i]));
        benchmark::DoNotOptimize(points.data());
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * state.range(0));
    state.counters["drawn"] = double(state.range(0));
}

// Extracting the typed lines from query results: lines × points rows.
void BM_ChartDataFromSeries(benchmark::State &state)
{
    const qsizetype points = state.range(0) / state.range(1);
    QList<Influx::Series> all;
    for (int i = 0; i < state.range(1); ++i)
        all.append(series(points, i));
    for (auto _ : state) {
        const ChartData chart = ChartData::fromSeries(all);
        benchmark::DoNotOptimize(chart.pointCount());
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * state.range(0));
}

class PaintProbe : public SeriesChartView
{
public:
    bool painted = false;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        SeriesChartView::paintEvent(event);
        painted = true;
    }
};

// setData() to the end of the first paint of a 1200×700 view: lines × points.
void BM_FirstPaint(benchmark::State &state)
{
    const qsizetype points = state.range(0) / state.range(1);
    QList<Influx::Series> all;
    for (int i = 0; i < state.range(1); ++i)
        all.append(series(points, i));
    const ChartData chart = ChartData::fromSeries(all);
    qsizetype drawn = 0;
    int redecimations = 0;
    for (auto _ : state) {
        PaintProbe view;
        QObject::connect(&view, &SeriesChartView::redecimated,
                         [&redecimations] { ++redecimations; });
        view.resize(1200, 700);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            state.SkipWithError("the view was not exposed");
        QCoreApplication::processEvents();
        view.painted = false;
        QElapsedTimer timer;
        redecimations = 0;
        timer.start();
        view.setData(chart);
        while (!view.painted && timer.elapsed() < 10'000)
            QCoreApplication::processEvents();
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        drawn = view.drawnPointCount();
        if (!view.painted)
            state.SkipWithError("no paint within 10 s");
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * state.range(0));
    state.counters["drawn"] = double(drawn);
    state.counters["redecimations"] = redecimations; // in the last iteration
}

// A zoom step (re-decimation from the full data) to the end of the repaint: lines × points.
void BM_ZoomRepaint(benchmark::State &state)
{
    const qsizetype points = state.range(0) / state.range(1);
    QList<Influx::Series> all;
    for (int i = 0; i < state.range(1); ++i)
        all.append(series(points, i));
    PaintProbe view;
    view.resize(1200, 700);
    view.show();
    if (!QTest::qWaitForWindowExposed(&view))
        state.SkipWithError("the view was not exposed");
    view.setData(ChartData::fromSeries(all));
    QCoreApplication::processEvents();
    const auto [from, to] = view.fullRangeNs();
    qint64 step = 0;
    for (auto _ : state) {
        // Windows of a third of the data, moving by a hundredth: like dragging the view.
        const qint64 start = from + (to - from) / 100 * (step++ % 60);
        view.painted = false;
        QElapsedTimer timer;
        timer.start();
        view.zoomToRangeNs(start, start + (to - from) / 3);
        while (!view.painted && timer.elapsed() < 10'000)
            QCoreApplication::processEvents();
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * state.range(0) / 3);
    state.counters["drawn"] = double(view.drawnPointCount());
}

class BaselineProbe : public QChartView
{
public:
    bool painted = false;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QChartView::paintEvent(event);
        painted = true;
    }
};

// The baseline of the first paint: a plain QChartView handed every point (lines × points).
void BM_FirstPaintAllPointsBaseline(benchmark::State &state)
{
    const qsizetype points = state.range(0) / state.range(1);
    const Data &d = data(points);
    for (auto _ : state) {
        BaselineProbe view;
        view.resize(1200, 700);
        view.show();
        if (!QTest::qWaitForWindowExposed(&view))
            state.SkipWithError("the view was not exposed");
        QCoreApplication::processEvents();
        view.painted = false;
        QElapsedTimer timer;
        timer.start();
        auto *x = new QValueAxis;
        auto *y = new QValueAxis;
        view.chart()->addAxis(x, Qt::AlignBottom);
        view.chart()->addAxis(y, Qt::AlignLeft);
        for (int line = 0; line < state.range(1); ++line) {
            QList<QPointF> all;
            all.reserve(points);
            for (qsizetype i = 0; i < points; ++i)
                all.append(QPointF(double(d.times[size_t(i)] - Start) / 1e6,
                                   d.values[size_t(i)] + line));
            auto *series = new QLineSeries;
            series->replace(all);
            view.chart()->addSeries(series);
            series->attachAxis(x);
            series->attachAxis(y);
        }
        x->setRange(0, double(d.times.back() - Start) / 1e6);
        y->setRange(-100, 100);
        while (!view.painted && timer.elapsed() < 120'000)
            QCoreApplication::processEvents();
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        if (!view.painted)
            state.SkipWithError("no paint within 120 s");
    }
    state.SetItemsProcessed(int64_t(state.iterations()) * state.range(0));
    state.counters["drawn"] = double(state.range(0));
}

void registerBenchmarks(const std::vector<int64_t> &sizes)
{
    for (const int64_t points : sizes) {
        benchmark::RegisterBenchmark("BM_Decimate", BM_Decimate)
                ->Arg(points)
                ->ArgName("points")
                ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_DecimateZoomed", BM_DecimateZoomed)
                ->Arg(points)
                ->ArgName("points")
                ->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_AllPointsBaseline", BM_AllPointsBaseline)
                ->Arg(points)
                ->ArgName("points")
                ->Unit(benchmark::kMillisecond);
        for (const int64_t lines : {int64_t(1), int64_t(10)}) {
            benchmark::RegisterBenchmark("BM_ChartDataFromSeries", BM_ChartDataFromSeries)
                    ->Args({points, lines})
                    ->ArgNames({"points", "lines"})
                    ->Unit(benchmark::kMillisecond);
            benchmark::RegisterBenchmark("BM_FirstPaint", BM_FirstPaint)
                    ->Args({points, lines})
                    ->ArgNames({"points", "lines"})
                    ->UseManualTime()
                    ->Iterations(5)
                    ->Unit(benchmark::kMillisecond);
            benchmark::RegisterBenchmark("BM_ZoomRepaint", BM_ZoomRepaint)
                    ->Args({points, lines})
                    ->ArgNames({"points", "lines"})
                    ->UseManualTime()
                    ->Iterations(20)
                    ->Unit(benchmark::kMillisecond);
            benchmark::RegisterBenchmark("BM_FirstPaintAllPointsBaseline",
                                         BM_FirstPaintAllPointsBaseline)
                    ->Args({points, lines})
                    ->ArgNames({"points", "lines"})
                    ->UseManualTime()
                    ->Iterations(1)
                    ->Unit(benchmark::kMillisecond);
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    bool filtered = false;
    for (int i = 1; i < argc; ++i)
        filtered = filtered || std::strncmp(argv[i], "--benchmark_filter", 18) == 0;
#if defined(__SANITIZE_ADDRESS__)
    const int64_t smokePoints = 10'000;
#else
    const int64_t smokePoints = 100'000;
#endif
    registerBenchmarks(filtered ? std::vector<int64_t> {100'000, 1'000'000}
                                : std::vector<int64_t> {smokePoints});
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
