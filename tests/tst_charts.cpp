// SPDX-License-Identifier: MIT
// Series charts: the Decimator against a brute-force reference (and pixel for pixel against
// drawing every point), ChartData's extraction from query results, the time axis ticks, and
// SeriesChartView / ChartPanel driven like a user would (offscreen).
#include "charts/chartdata.h"
#include "charts/chartdatabuilder.h"
#include "charts/chartlinesitem.h"
#include "charts/chartpanel.h"
#include "charts/decimator.h"
#include "charts/serieschartview.h"
#include "charts/timeticks.h"

#include <QtCharts/QCategoryAxis>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtCore/QFileInfo>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QLabel>
#include <QtWidgets/QTabWidget>

#include <cmath>
#include <limits>

#ifdef Q_OS_LINUX
#    include <sys/mman.h>
#    include <unistd.h>
#endif
#include <numeric>

using namespace Explorer;
using namespace Influx;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
constexpr qint64 Second = 1'000'000'000;
const qint64 Base = 1'700'000'000 * Second; // 2023-11-14T22:13:20Z

__extension__ typedef __int128 Wide;

// The definition, independently of the Decimator's integer tricks.
int referenceColumn(qint64 t, qint64 from, qint64 to, int width)
{
    if (to == from)
        return width - 1;
    const Wide column = (Wide(t) - from) * width / (Wide(to) - from);
    return int(std::min<Wide>(column, width - 1));
}

struct Data
{
    std::vector<qint64> times;
    std::vector<double> values;
};

// Sorted times with random gaps (including equal times), values with NaNs and plateaus.
Data randomData(qsizetype n, quint32 seed)
{
    QRandomGenerator random(seed);
    Data data;
    qint64 t = Base;
    for (qsizetype i = 0; i < n; ++i) {
        t += random.bounded(3) == 0 ? 0 : qint64(random.bounded(5'000'000));
        data.times.push_back(t);
        const int kind = random.bounded(20);
        data.values.push_back(kind == 0 ? NaN : kind == 1 ? 42.0 : random.bounded(2000.0) - 1000.0);
    }
    return data;
}

Series cpuSeries(const QString &host, int rows, qint64 step = Second)
{
    Series series(u"cpu"_s, {u"time"_s, u"usage"_s, u"count"_s, u"state"_s, u"ok"_s},
                  {{u"host"_s, host}});
    for (int i = 0; i < rows; ++i)
        series.appendRow({QVariant::fromValue(Timestamp::fromNanoseconds(Base + i * step)),
                          double(i) * 0.5, qint64(i * 3), u"s%1"_s.arg(i % 3), i % 2 == 0});
    return series;
}

// One line of `rows` points, a sine with noise, one point per second.
ChartData bigData(int rows, int lines = 1)
{
    QList<Series> all;
    for (int line = 0; line < lines; ++line) {
        Series series(u"m"_s, {u"time"_s, u"v"_s}, {{u"n"_s, QString::number(line)}});
        for (int i = 0; i < rows; ++i)
            series.appendRow({QVariant::fromValue(Timestamp::fromNanoseconds(Base + i * Second)),
                              std::sin(i / 500.0) * 100 + (i % 7) + line});
        all.append(series);
    }
    return ChartData::fromSeries(all);
}

// The first difference between two ChartData, point for point (NaN equals NaN); empty when
// they are the same.
QString chartDifference(const ChartData &a, const ChartData &b)
{
    if (a.lineNames() != b.lineNames())
        return u"lines %1 vs %2"_s.arg(a.lineNames().join(u'|'), b.lineNames().join(u'|'));
    if (a.skippedColumns() != b.skippedColumns())
        return u"skipped %1 vs %2"_s.arg(a.skippedColumns().join(u'|'),
                                         b.skippedColumns().join(u'|'));
    for (qsizetype i = 0; i < a.lineCount(); ++i) {
        const ChartData::Line &x = a.line(i), &y = b.line(i);
        const QString where = u"line %1 (%2): "_s.arg(i).arg(x.name);
        if (x.measurement != y.measurement || x.tags != y.tags || x.field != y.field
            || x.integerField != y.integerField)
            return where + u"names, tags or type"_s;
        if (x.valueCount != y.valueCount)
            return where + u"%1 vs %2 values"_s.arg(x.valueCount).arg(y.valueCount);
        if (x.valueCount > 0 && (x.firstNs != y.firstNs || x.lastNs != y.lastNs))
            return where + u"time range"_s;
        const auto xt = x.timeSpan(), yt = y.timeSpan();
        const auto xv = x.valueSpan(), yv = y.valueSpan();
        if (xt.size() != yt.size() || xv.size() != yv.size() || xt.size() != xv.size())
            return where + u"%1 vs %2 points"_s.arg(xt.size()).arg(yt.size());
        for (size_t k = 0; k < xt.size(); ++k) {
            const bool same =
                    xt[k] == yt[k] && (xv[k] == yv[k] || (std::isnan(xv[k]) && std::isnan(yv[k])));
            if (!same)
                return where
                        + u"point %1: %2 %3 vs %4 %5"_s.arg(k).arg(xt[k]).arg(xv[k]).arg(yt[k]).arg(
                                yv[k]);
        }
    }
    return {};
}

// A result as a QueryReply's merger builds it, piece by piece, fed to a ChartDataBuilder as
// the reply's rowsReceived() would.
struct Stream
{
    QList<QList<Series>> statements;
    ChartDataBuilder builder;

    bool add(int statement, int index, const Series &piece)
    {
        if (statements.size() <= statement)
            statements.resize(statement + 1);
        QList<Series> &list = statements[statement];
        qsizetype first = 0;
        if (list.size() <= index) {
            list.append(piece);
        } else {
            first = list[index].rowCount();
            list[index].appendRows(piece);
        }
        return builder.append(statement, index, list.at(index), first, piece.rowCount());
    }
    QList<Series> all() const
    {
        QList<Series> series;
        for (const QList<Series> &list : statements)
            series += list;
        return series;
    }
};

QVariant at(qint64 ns)
{
    return QVariant::fromValue(Timestamp::fromNanoseconds(ns));
}

QCategoryAxis *timeAxis(SeriesChartView &view)
{
    return qobject_cast<QCategoryAxis *>(view.chart()->axes(Qt::Horizontal).value(0));
}

// A point of line `line` in viewport coordinates.
QPoint viewportPointOf(SeriesChartView &view, int line, qint64 t, double value)
{
    const double x = double(t - view.fullRangeNs().first) / 1e6;
    Q_UNUSED(line); // the lines share the axes
    const QPointF inChart = view.linesItem()->pixelOf(QPointF(x, value));
    return view.mapFromScene(view.chart()->mapToScene(inChart));
}

} // namespace

class tst_Charts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Decimator
    void decimatorKeepsEveryColumnsExtremes_data();
    void decimatorKeepsEveryColumnsExtremes();
    void decimatedLineIsPixelIdentical();
    void decimatorReachesTheBorders();
    void decimatorEdgeCases();
    void decimatorRejectsUnsortedTimes();
    void columnOfMatchesTheDefinition();
    // ChartData
    void chartDataOneLinePerSeriesAndNumericField();
    void chartDataNullsOrderAndEpoch();
    void builderStreamsWhatFromResultGives();
    void builderArraysGrowInPlace();
    void builderStopsWhereItCannotBeExact();
    void viewUpdateKeepsLinesAndZoom();
    // TimeTicks
    void timeTicksAtRoundTimes_data();
    void timeTicksAtRoundTimes();
    // SeriesChartView
    void viewShowsOneLinePerSeriesAndField();
    void largeSeriesAreDecimated();
    void zoomingReDecimatesFromTheFullData();
    void timeAxisFollowsTheVisibleRange();
    void legendMarkerTogglesALine();
    void mouseAndKeyboardZoomAndPan();
    void hoverShowsTheNearestPoint();
    void exportPngWritesTheChart();
    void autoRefreshPausesWhileZoomed();
    void linesItemClipsSegments();
    void linesItemDrawsTheReducedLines();
    void linesItemDrawsALoneValueAsADot();
    void panelShowsStatusAndDrivesTheView();
    void firstShowInABackgroundTabPaintsOnce();
};

// ---- Decimator ----

void tst_Charts::decimatorKeepsEveryColumnsExtremes_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("fromFraction");
    QTest::addColumn<double>("toFraction");
    QTest::newRow("100k into 800, all") << 100'000 << 800 << 0.0 << 1.0;
    QTest::newRow("100k into 1, all") << 100'000 << 1 << 0.0 << 1.0;
    QTest::newRow("100k into 997, middle") << 100'000 << 997 << 0.31 << 0.62;
    QTest::newRow("500 into 1000 (sparser than pixels)") << 500 << 1000 << 0.0 << 1.0;
    QTest::newRow("20k into 333, narrow") << 20'000 << 333 << 0.5 << 0.503;
}

void tst_Charts::decimatorKeepsEveryColumnsExtremes()
{
    QFETCH(int, points);
    QFETCH(int, width);
    QFETCH(double, fromFraction);
    QFETCH(double, toFraction);
    const Data data = randomData(points, 4711 + quint32(width));
    const qint64 first = data.times.front(), last = data.times.back();
    const qint64 from = first + qint64(double(last - first) * fromFraction);
    const qint64 to = first + qint64(double(last - first) * toFraction);

    const Decimator::Result result = Decimator::decimate(data.times, data.values, from, to, width);
    QVERIFY(result.sorted);
    const std::vector<qsizetype> &out = result.indices;
    QVERIFY(qsizetype(out.size()) <= 4 * qsizetype(width) + 2);
    QVERIFY(std::is_sorted(out.begin(), out.end()));
    QVERIFY(std::adjacent_find(out.begin(), out.end()) == out.end());

    // Brute force: first, last, min and max value of every column.
    struct Column
    {
        qsizetype first = -1, last = -1;
        double min = 0, max = 0;
    };
    std::vector<Column> reference(static_cast<size_t>(width));
    qsizetype inRange = 0;
    for (size_t i = 0; i < data.times.size(); ++i) {
        if (data.times[i] < from || data.times[i] > to)
            continue;
        ++inRange;
        if (std::isnan(data.values[i]))
            continue;
        Column &c = reference[size_t(referenceColumn(data.times[i], from, to, width))];
        if (c.first < 0)
            c.min = c.max = data.values[i], c.first = qsizetype(i);
        c.min = std::min(c.min, data.values[i]);
        c.max = std::max(c.max, data.values[i]);
        c.last = qsizetype(i);
    }
    QCOMPARE(result.pointsInRange, inRange);

    std::vector<Column> kept(static_cast<size_t>(width));
    for (const qsizetype i : out) {
        QVERIFY(!std::isnan(data.values[size_t(i)]));
        const qint64 t = data.times[size_t(i)];
        if (t < from || t > to)
            continue; // the edge points, checked below
        Column &c = kept[size_t(referenceColumn(t, from, to, width))];
        if (c.first < 0)
            c.min = c.max = data.values[size_t(i)], c.first = i;
        c.min = std::min(c.min, data.values[size_t(i)]);
        c.max = std::max(c.max, data.values[size_t(i)]);
        c.last = i;
    }
    int nonEmpty = 0;
    for (int c = 0; c < width; ++c) {
        const Column &want = reference[size_t(c)];
        const Column &got = kept[size_t(c)];
        QCOMPARE(got.first, want.first);
        QCOMPARE(got.last, want.last);
        if (want.first >= 0) {
            ++nonEmpty;
            QCOMPARE(got.min, want.min);
            QCOMPARE(got.max, want.max);
        }
    }
    QVERIFY(nonEmpty > 0);

    // Edges: the nearest non-NaN points just outside the range.
    qsizetype left = -1, right = -1;
    for (qsizetype i = 0; i < qsizetype(data.times.size()); ++i) {
        if (std::isnan(data.values[size_t(i)]))
            continue;
        if (data.times[size_t(i)] < from)
            left = i;
        if (data.times[size_t(i)] > to && right < 0)
            right = i;
    }
    QCOMPARE(out.front() == left, left >= 0);
    QCOMPARE(out.back() == right, right >= 0);
}

void tst_Charts::decimatedLineIsPixelIdentical()
{
    // Points placed at their pixel column's centre (as the M4 argument assumes): the polyline
    // through the kept points covers exactly the pixels of the polyline through all points.
    // The segments are drawn one by one with both end pixels (a cosmetic square-cap pen):
    // QPainter's polyline joins leave out the peak pixel of some up-down pairs, in the
    // undecimated line as well.
    const int width = 300, height = 200;
    const Data data = randomData(60'000, 99);
    const qint64 from = data.times.front(), to = data.times.back();
    const auto polyline = [&](const std::vector<qsizetype> &indices) {
        QImage image(width, height, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setPen(QPen(Qt::black, 0, Qt::SolidLine, Qt::SquareCap));
        QPolygonF points;
        for (const qsizetype i : indices) {
            if (std::isnan(data.values[size_t(i)]))
                continue;
            const int column = referenceColumn(data.times[size_t(i)], from, to, width);
            points.append(
                    QPointF(column + 0.5, (data.values[size_t(i)] + 1000) / 2000 * (height - 1)));
        }
        QList<QLineF> segments;
        for (qsizetype i = 1; i < points.size(); ++i)
            segments.append(QLineF(points.at(i - 1), points.at(i)));
        painter.drawLines(segments);
        return image;
    };
    std::vector<qsizetype> all(data.times.size());
    std::iota(all.begin(), all.end(), 0);
    const Decimator::Result result = Decimator::decimate(data.times, data.values, from, to, width);
    QVERIFY(result.indices.size() < all.size() / 10);
    QCOMPARE(polyline(result.indices), polyline(all));
}

void tst_Charts::decimatorReachesTheBorders()
{
    std::vector<qint64> times;
    std::vector<double> values;
    for (int i = 0; i < 100; ++i) {
        times.push_back(i * 10);
        values.push_back(i);
    }
    auto result = Decimator::decimate(times, values, 205, 505, 1000);
    // 21..50 are inside; 20 and 51 lead the line to the borders.
    QCOMPARE(result.indices.front(), 20);
    QCOMPARE(result.indices.back(), 51);
    QCOMPARE(qsizetype(result.indices.size()), 32);
    QCOMPARE(result.pointsInRange, 30);

    // NaN neighbours are skipped: the nearest drawable points are used.
    values[20] = NaN;
    values[51] = NaN;
    result = Decimator::decimate(times, values, 205, 505, 1000);
    QCOMPARE(result.indices.front(), 19);
    QCOMPARE(result.indices.back(), 52);

    // A range beyond the data: only the edge point on the data's side.
    result = Decimator::decimate(times, values, 2000, 3000, 10);
    QCOMPARE(result.indices, std::vector<qsizetype> {99});
    result = Decimator::decimate(times, values, -100, -50, 10);
    QCOMPARE(result.indices, std::vector<qsizetype> {0});
}

void tst_Charts::decimatorEdgeCases()
{
    // Empty input, inverted range.
    QVERIFY(Decimator::decimate({}, {}, 0, 100, 10).indices.empty());
    const std::vector<qint64> one {50};
    const std::vector<double> oneValue {7.5};
    QVERIFY(Decimator::decimate(one, oneValue, 100, 0, 10).indices.empty());
    // One point: kept whether inside or just outside the range.
    QCOMPARE(Decimator::decimate(one, oneValue, 0, 100, 10).indices, std::vector<qsizetype> {0});
    QCOMPARE(Decimator::decimate(one, oneValue, 60, 100, 10).indices, std::vector<qsizetype> {0});
    QCOMPARE(Decimator::decimate(one, oneValue, 50, 50, 10).indices, std::vector<qsizetype> {0});
    // Width 0 counts as one column.
    const std::vector<qint64> times {0, 1, 2, 3, 4, 5};
    const std::vector<double> values {3, 1, 9, 4, 0, 2};
    QCOMPARE(Decimator::decimate(times, values, 0, 5, 0).indices,
             (std::vector<qsizetype> {0, 2, 4, 5}));
    // An all-NaN column contributes nothing; its neighbours are unaffected.
    const std::vector<double> gap {1, 2, NaN, NaN, 5, 6};
    QCOMPARE(Decimator::decimate(times, gap, 0, 5, 3).indices,
             (std::vector<qsizetype> {0, 1, 4, 5}));
    const std::vector<double> allNaN(6, NaN);
    QVERIFY(Decimator::decimate(times, allNaN, 0, 5, 3).indices.empty());
    // The whole qint64 range without overflow.
    const std::vector<qint64> extremes {std::numeric_limits<qint64>::min(), -1, 0,
                                        std::numeric_limits<qint64>::max()};
    const std::vector<double> four {1, 2, 3, 4};
    const auto result = Decimator::decimate(extremes, four, std::numeric_limits<qint64>::min(),
                                            std::numeric_limits<qint64>::max(), 2);
    QCOMPARE(result.indices, (std::vector<qsizetype> {0, 1, 2, 3}));
    QCOMPARE(result.pointsInRange, 4);
}

void tst_Charts::decimatorRejectsUnsortedTimes()
{
    const std::vector<qint64> times {0, 10, 20, 15, 30, 40};
    const std::vector<double> values {1, 2, 3, 4, 5, 6};
    QVERIFY(!Decimator::isSorted(times));
    const auto result = Decimator::decimate(times, values, 0, 40, 100);
    QVERIFY(!result.sorted);
    QVERIFY(result.indices.empty());
    const std::vector<qint64> sorted {0, 10, 10, 15, 30, 40};
    QVERIFY(Decimator::isSorted(sorted));
    QVERIFY(Decimator::decimate(sorted, values, 0, 40, 100).sorted);
}

void tst_Charts::columnOfMatchesTheDefinition()
{
    QRandomGenerator random(7);
    for (int round = 0; round < 20000; ++round) {
        const qint64 from = qint64(random.generate64() >> 2) - (qint64(1) << 61);
        const qint64 span = qint64(random.generate64() >> (2 + random.bounded(60)));
        const qint64 to = from + span;
        const int width = 1 + random.bounded(5000);
        const qint64 t = from + (span > 0 ? qint64(random.generate64() % quint64(span + 1)) : 0);
        QCOMPARE(Decimator::columnOf(t, from, to, width), referenceColumn(t, from, to, width));
    }
}

// ---- ChartData ----

void tst_Charts::chartDataOneLinePerSeriesAndNumericField()
{
    const QueryResult result({StatementResult {
            .statementId = 0, .series = {cpuSeries(u"a"_s, 5), cpuSeries(u"b"_s, 3)}}});
    const ChartData data = ChartData::fromResult(result);
    QCOMPARE(data.lineCount(), 4);
    QCOMPARE(data.lineNames(),
             (QStringList {u"cpu host=a \u00B7 usage"_s, u"cpu host=a \u00B7 count"_s,
                           u"cpu host=b \u00B7 usage"_s, u"cpu host=b \u00B7 count"_s}));
    QCOMPARE(data.line(0).valueCount, 5);
    QCOMPARE(data.line(3).valueCount, 3);
    QCOMPARE(data.pointCount(), 16);
    QVERIFY(!data.line(0).integerField);
    QVERIFY(data.line(1).integerField);
    QCOMPARE(data.line(1).field, u"count"_s);
    QCOMPARE(data.line(2).tags.value(u"host"_s), u"b"_s);
    // The lines of one series share their times.
    QCOMPARE(data.line(0).times.get(), data.line(1).times.get());
    QCOMPARE((*data.line(0).times)[4], Base + 4 * Second);
    QCOMPARE((*data.line(1).values)[4], 12.0);
    QCOMPARE((*data.line(0).values)[3], 1.5);
    QCOMPARE(data.timeRangeNs(), (std::pair {Base, Base + 4 * Second}));
    // The string and boolean columns are named as skipped.
    QCOMPARE(data.skippedColumns().size(), 4);
    QVERIFY(data.skippedColumns().first().startsWith(u"cpu host=a \u00B7 state"_s));
}

void tst_Charts::chartDataNullsOrderAndEpoch()
{
    // ORDER BY time DESC, a null field value and a null time.
    Series desc(u"m"_s, {u"time"_s, u"v"_s, u"w"_s});
    desc.appendRow({QVariant::fromValue(Timestamp::fromNanoseconds(30)), 3.0, qint64(1)});
    desc.appendRow({QVariant::fromValue(Timestamp::fromNanoseconds(20)), QVariant(), qint64(2)});
    desc.appendRow({QVariant(), 9.0, qint64(9)});
    desc.appendRow({QVariant::fromValue(Timestamp::fromNanoseconds(10)), 1.0, qint64(3)});
    ChartData data = ChartData::fromSeries({desc});
    QCOMPARE(data.lineNames(), (QStringList {u"m \u00B7 v"_s, u"m \u00B7 w"_s}));
    QCOMPARE(data.line(0).times->toVector(), (std::vector<qint64> {10, 20, 30}));
    QCOMPARE(data.line(0).valueCount, 2);
    QCOMPARE((*data.line(0).values)[0], 1.0);
    QVERIFY(std::isnan((*data.line(0).values)[1]));
    QCOMPARE(data.line(1).values->toVector(), (std::vector<double> {3, 2, 1}));

    // Out of order: sorted, equal times keep their order.
    Series shuffled(u"m"_s, {u"time"_s, u"v"_s});
    for (const auto &[t, v] : {std::pair {20, 1.0}, {10, 2.0}, {30, 3.0}, {10, 4.0}})
        shuffled.appendRow({QVariant::fromValue(Timestamp::fromNanoseconds(t)), v});
    data = ChartData::fromSeries({shuffled});
    QCOMPARE(data.line(0).times->toVector(), (std::vector<qint64> {10, 10, 20, 30}));
    QCOMPARE(data.line(0).values->toVector(), (std::vector<double> {2, 4, 1, 3}));

    // Integer times of a query run with epoch=s.
    Series epoch(u"m"_s, {u"time"_s, u"v"_s});
    epoch.appendRow({qint64(1'700'000'000), 1.0});
    epoch.appendRow({qint64(1'700'000'001), 2.0});
    data = ChartData::fromSeries({epoch}, Precision::Seconds);
    QCOMPARE(data.line(0).times->toVector(), (std::vector<qint64> {Base, Base + Second}));
    data = ChartData::fromSeries({epoch}); // nanoseconds by default
    QCOMPARE((*data.line(0).times)[0], qint64(1'700'000'000));

    // No time column (SHOW results), or no numeric column: no line.
    Series show(u"databases"_s, {u"name"_s});
    show.appendRow({u"db"_s});
    QVERIFY(ChartData::fromSeries({show}).isEmpty());
    Series strings(u"m"_s, {u"time"_s, u"s"_s});
    strings.appendRow({QVariant::fromValue(Timestamp::fromNanoseconds(1)), u"x"_s});
    data = ChartData::fromSeries({strings});
    QVERIFY(data.isEmpty());
    QCOMPARE(data.skippedColumns().size(), 1);
    QVERIFY(!data.timeRangeNs());
}

// ---- TimeTicks ----

void tst_Charts::timeTicksAtRoundTimes_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("an hour by 15 min")
            << u"2024-03-05T10:07:00Z"_s << u"2024-03-05T11:07:00Z"_s << 6
            << QStringList {u"10:15"_s, u"10:30"_s, u"10:45"_s, u"11:00"_s};
    QTest::newRow("seconds") << u"2024-03-05T10:07:00.5Z"_s << u"2024-03-05T10:07:04Z"_s << 5
                             << QStringList {u"10:07:01"_s, u"10:07:02"_s, u"10:07:03"_s,
                                             u"10:07:04"_s};
    QTest::newRow("milliseconds") << u"2024-03-05T10:07:00.0101Z"_s
                                  << u"2024-03-05T10:07:00.0135Z"_s << 4
                                  << QStringList {u"10:07:00.011"_s, u"10:07:00.012"_s,
                                                  u"10:07:00.013"_s};
    QTest::newRow("nanoseconds") << u"2024-03-05T10:07:00.000000001Z"_s
                                 << u"2024-03-05T10:07:00.000000004Z"_s << 4
                                 << QStringList {u"10:07:00.000000001"_s, u"10:07:00.000000002"_s,
                                                 u"10:07:00.000000003"_s, u"10:07:00.000000004"_s};
    QTest::newRow("days by 12 h") << u"2024-03-05T10:00:00Z"_s << u"2024-03-07T10:00:00Z"_s << 5
                                  << QStringList {u"Mar 5 12:00"_s, u"Mar 6 00:00"_s,
                                                  u"Mar 6 12:00"_s, u"Mar 7 00:00"_s};
    QTest::newRow("weeks by days") << u"2024-02-27T10:00:00Z"_s << u"2024-03-04T10:00:00Z"_s << 4
                                   << QStringList {u"Feb 29"_s, u"Mar 2"_s, u"Mar 4"_s};
    QTest::newRow("months") << u"2023-11-20T00:00:00Z"_s << u"2024-04-02T00:00:00Z"_s << 5
                            << QStringList {u"2023-12-01"_s, u"2024-01-01"_s, u"2024-02-01"_s,
                                            u"2024-03-01"_s, u"2024-04-01"_s};
    QTest::newRow("years") << u"2001-06-01T00:00:00Z"_s << u"2013-06-01T00:00:00Z"_s << 4
                           << QStringList {u"2005"_s, u"2010"_s};
}

void tst_Charts::timeTicksAtRoundTimes()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(int, maxTicks);
    QFETCH(QStringList, labels);
    QLocale::setDefault(QLocale::c());
    const qint64 fromNs = Timestamp::fromRfc3339(from)->nanoseconds();
    const qint64 toNs = Timestamp::fromRfc3339(to)->nanoseconds();
    const auto ticks = TimeTicks::compute(fromNs, toNs, maxTicks, Preferences::TimeZone::Utc);
    QStringList got;
    for (const TimeTicks::Tick &tick : ticks) {
        QVERIFY(tick.ns >= fromNs && tick.ns <= toNs);
        got.append(tick.label);
    }
    QCOMPARE(got, labels);
    QVERIFY(ticks.size() <= maxTicks);
    // Local time: the same instants, labelled with the local wall clock.
    const auto local = TimeTicks::compute(fromNs, toNs, maxTicks, Preferences::TimeZone::Local);
    QVERIFY(!local.isEmpty());
    if (TimeTicks::stepFor(toNs - fromNs, maxTicks) >= 60 * Second
        && TimeTicks::stepFor(toNs - fromNs, maxTicks) < 86400 * Second) {
        const QDateTime at =
                QDateTime::fromMSecsSinceEpoch(local.first().ns / 1'000'000, Qt::LocalTime);
        QVERIFY2(local.first().label.endsWith(at.toString(u"HH:mm"_s)),
                 qPrintable(local.first().label));
    }
}

void tst_Charts::builderStreamsWhatFromResultGives()
{
    const QStringList columns {u"time"_s, u"usage"_s, u"count"_s, u"state"_s, u"late"_s, u"flag"_s};
    // Host a: 6000 rows in three pieces (the builder's arrays grow past their first size).
    // usage is a float with nulls, count an integer that turns float, state a string, late and
    // flag null at first, then float and boolean; the third piece brings a new column.
    const auto piece = [&](const QString &host, int from, int rows, int kind) {
        QStringList names = columns;
        if (kind == 3)
            names.append(u"extra"_s);
        Series series(u"cpu"_s, names, {{u"host"_s, host}});
        for (int i = from; i < from + rows; ++i) {
            QVariantList row {at(Base + qint64(i / 2) * Second), // pairs of equal times
                              i % 7 == 0 ? QVariant() : QVariant(i * 0.25),
                              kind == 1 ? QVariant(qint64(i * 3)) : QVariant(i * 3 + 0.5),
                              u"s%1"_s.arg(i % 3),
                              kind == 1 ? QVariant() : QVariant(-i * 1.5),
                              kind == 1 ? QVariant() : QVariant(i % 2 == 0)};
            if (kind == 3)
                row.append(i % 5 == 0 ? QVariant() : QVariant(double(i)));
            series.appendRow(row);
        }
        return series;
    };
    // Host b: count turns mixed (a string among the integers) and is dropped; a null time.
    Series b1(u"cpu"_s, columns, {{u"host"_s, u"b"_s}});
    Series b2 = b1;
    for (int i = 0; i < 50; ++i) {
        b1.appendRow({at(Base + i * Second), i * 2.0, qint64(i), u"x"_s, QVariant(), QVariant()});
        b2.appendRow({i == 10 ? QVariant() : at(Base + (50 + i) * Second), i * 2.0,
                      i == 20 ? QVariant(u"n/a"_s) : QVariant(qint64(i)), u"y"_s, QVariant(),
                      QVariant()});
    }
    // Host c: RFC 3339 times joined by texts (the column turns into strings); the text rows
    // are dropped, the times are kept.
    Series c1(u"cpu"_s, {u"time"_s, u"usage"_s}, {{u"host"_s, u"c"_s}});
    Series c2 = c1;
    for (int i = 0; i < 20; ++i) {
        c1.appendRow({at(Base + i * Second + 123), double(i)});
        c2.appendRow({i == 5 ? u"later"_s
                             : Timestamp::fromNanoseconds(Base + (20 + i) * Second + 7).toRfc3339(),
                      double(i)});
    }
    // A second statement without a time column: no line.
    Series show(u"databases"_s, {u"name"_s});
    show.appendRow({u"db"_s});

    Stream stream;
    const auto check = [&](const char *step) {
        const QString difference =
                chartDifference(stream.builder.snapshot(), ChartData::fromSeries(stream.all()));
        QVERIFY2(difference.isEmpty(), qPrintable(QLatin1StringView(step) + u": "_s + difference));
        QVERIFY(stream.builder.isExact());
    };
    QVERIFY(stream.builder.snapshot().isEmpty());
    QVERIFY(stream.add(0, 0, piece(u"a"_s, 0, 2000, 1)));
    check("a, first piece");
    const ChartData early = stream.builder.snapshot();
    const ChartData earlyExpected = ChartData::fromSeries(stream.all());
    QCOMPARE(early.lineNames(),
             (QStringList {u"cpu host=a \u00B7 usage"_s, u"cpu host=a \u00B7 count"_s}));
    QVERIFY(early.line(1).integerField);
    QVERIFY(stream.add(0, 1, b1));
    check("b, first piece");
    QVERIFY(stream.add(0, 0, piece(u"a"_s, 2000, 2000, 2)));
    check("a, late and flag arrive, count turns float");
    QVERIFY(stream.add(0, 1, b2));
    check("b, count turns mixed");
    QVERIFY(stream.add(0, 2, c1));
    QVERIFY(stream.add(0, 2, c2));
    check("c, times turn into strings");
    QVERIFY(stream.add(1, 0, show));
    QVERIFY(stream.add(0, 0, piece(u"a"_s, 4000, 2000, 3)));
    check("a, a new column");

    const ChartData data = stream.builder.snapshot();
    QCOMPARE(data.lineNames(),
             (QStringList {u"cpu host=a \u00B7 usage"_s, u"cpu host=a \u00B7 count"_s,
                           u"cpu host=a \u00B7 late"_s, u"cpu host=a \u00B7 extra"_s,
                           u"cpu host=b \u00B7 usage"_s, u"cpu host=c \u00B7 usage"_s}));
    QVERIFY(!data.line(1).integerField);
    QCOMPARE(data.line(0).timeSpan().size(), size_t(6000));
    QCOMPARE(data.line(5).valueCount, 39);
    QVERIFY(data.skippedColumns().contains(u"cpu host=b \u00B7 count (mixed types)"_s));
    QVERIFY(data.skippedColumns().contains(u"cpu host=a \u00B7 flag (boolean)"_s));
    QCOMPARE(stream.builder.rowCount(), 6000 + 100 + 40 + 1);
    // What a snapshot shows does not change while the builder goes on (and moves its arrays).
    const QString difference = chartDifference(early, earlyExpected);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));
    QVERIFY(early.line(0).times->data() != data.line(0).times->data());
}

void tst_Charts::builderArraysGrowInPlace()
{
    // 300,000 rows in pieces of 50,000: past its first 65,536 elements an array is a reservation
    // of address space that grows where it is, so snapshots share one block and nothing is
    // copied again; a worker faults the pages in ahead of the writes.
    constexpr int Rows = 300'000, Piece = 50'000;
    Series series(u"m"_s, {u"time"_s, u"v"_s});
    for (int i = 0; i < Rows; ++i)
        series.appendRow({at(Base + qint64(i) * Second), double(i) * 0.5});
    ChartDataBuilder builder;
    QList<ChartData> snapshots;
    for (int from = 0; from < Rows; from += Piece) {
        QVERIFY(builder.append(0, 0, series, from, Piece));
        snapshots.append(builder.snapshot());
    }
    const double *block = snapshots.at(1).line(0).valueSpan().data();
    for (qsizetype i = 2; i < snapshots.size(); ++i)
        QCOMPARE(snapshots.at(i).line(0).valueSpan().data(), block);
    QVERIFY(snapshots.at(0).line(0).valueSpan().data() != block); // the small array before
    // Every snapshot still sees its own rows, written once.
    for (qsizetype i = 0; i < snapshots.size(); ++i) {
        const ChartData::Line &line = snapshots.at(i).line(0);
        QCOMPARE(qsizetype(line.valueSpan().size()), (i + 1) * Piece);
        QCOMPARE(line.valueSpan().back(), double((i + 1) * Piece - 1) * 0.5);
        QCOMPARE(line.timeSpan().back(), Base + qint64((i + 1) * Piece - 1) * Second);
    }
    const ChartData whole = ChartData::fromSeries({series});
    QVERIFY(std::equal(whole.line(0).valueSpan().begin(), whole.line(0).valueSpan().end(),
                       snapshots.last().line(0).valueSpan().begin()));
#ifdef Q_OS_LINUX
    // The pages past the last write are resident too (populated ahead, on a worker).
    const size_t page = size_t(sysconf(_SC_PAGESIZE));
    const size_t written = size_t(Rows) * sizeof(double);
    // Past the huge page the writes ended in, inside the window populated ahead (>= 2 MiB).
    const size_t ahead = (written + (size_t(3) << 20)) / page * page;
    std::vector<unsigned char> resident(ahead / page);
    const auto residentPages = [&] {
        if (mincore(const_cast<double *>(block), ahead, resident.data()) != 0)
            return size_t(0);
        return size_t(std::count_if(resident.begin(), resident.end(),
                                    [](unsigned char c) { return c & 1; }));
    };
    QTRY_COMPARE_WITH_TIMEOUT(residentPages(), resident.size(), 2000);
#endif
}

void tst_Charts::builderStopsWhereItCannotBeExact()
{
    // ORDER BY time DESC: fromResult() reverses the rows.
    Series desc(u"m"_s, {u"time"_s, u"v"_s});
    desc.appendRow({at(30), 3.0});
    desc.appendRow({at(20), 2.0});
    ChartDataBuilder builder;
    QVERIFY(!builder.append(0, 0, desc, 0, 2));
    QVERIFY(!builder.isExact());
    QVERIFY(!builder.append(0, 0, desc, 2, 0)); // and stays so

    // Rows that do not follow the ones appended.
    Series up(u"m"_s, {u"time"_s, u"v"_s});
    for (int i = 0; i < 4; ++i)
        up.appendRow({at(i), double(i)});
    ChartDataBuilder gap;
    QVERIFY(gap.append(0, 0, up, 0, 2));
    QVERIFY(!gap.append(0, 0, up, 3, 1));
    QVERIFY(!gap.isExact());
    ChartDataBuilder late;
    QVERIFY(!late.append(0, 0, up, 1, 2)); // a series that starts in the middle

    // A time column that turns into numbers: fromResult() would drop every row.
    Stream stream;
    Series times(u"m"_s, {u"time"_s, u"v"_s});
    times.appendRow({at(1), 1.0});
    Series numbers(u"m"_s, {u"time"_s, u"v"_s});
    numbers.appendRow({qint64(2), 2.0});
    QVERIFY(stream.add(0, 0, times));
    QVERIFY(!stream.add(0, 0, numbers));
    QVERIFY(!stream.builder.isExact());
    // The snapshot keeps what was built until then.
    QCOMPARE(stream.builder.snapshot().pointCount(), 1);
}

void tst_Charts::viewUpdateKeepsLinesAndZoom()
{
    SeriesChartView view;
    view.resize(800, 500);
    Stream stream;
    const auto rows = [](int from, int count, int lines) {
        QStringList columns {u"time"_s};
        for (int line = 0; line < lines; ++line)
            columns.append(u"v%1"_s.arg(line));
        Series series(u"m"_s, columns);
        for (int i = from; i < from + count; ++i) {
            QVariantList row {at(Base + i * Second)};
            for (int line = 0; line < lines; ++line)
                row.append(double(i + line));
            series.appendRow(row);
        }
        return series;
    };
    QVERIFY(stream.add(0, 0, rows(0, 1000, 2)));
    view.setData(stream.builder.snapshot());
    QLineSeries *first = view.lineSeries(0);
    view.setLineVisible(1, false);
    QSignalSpy ranges(&view, &SeriesChartView::visibleRangeChanged);

    // More points: the same QLineSeries, the full range follows, the hidden line stays hidden.
    QVERIFY(stream.add(0, 0, rows(1000, 1000, 2)));
    view.updateData(stream.builder.snapshot());
    QCOMPARE(view.lineSeries(0), first);
    QCOMPARE(view.fullPointCount(0), 2000);
    QCOMPARE(view.fullRangeNs(), (QPair<qint64, qint64> {Base, Base + 1999 * Second}));
    QCOMPARE(view.visibleRangeNs(), view.fullRangeNs());
    QCOMPARE(ranges.size(), 1);
    QVERIFY(!view.isLineVisible(1));
    QVERIFY(!view.isZoomed());

    // Zoomed in, the view stays where it is while the data grows.
    view.zoomToRangeNs(Base + 100 * Second, Base + 199 * Second);
    QVERIFY(stream.add(0, 0, rows(2000, 1000, 2)));
    view.updateData(stream.builder.snapshot());
    QCOMPARE(view.visibleRangeNs(),
             (QPair<qint64, qint64> {Base + 100 * Second, Base + 199 * Second}));
    QVERIFY(view.isZoomed());
    QCOMPARE(view.fullRangeNs().second, Base + 2999 * Second);
    QCOMPARE(view.drawnPointCount(0), 102);
    QCOMPARE(view.lineSeries(0), first);

    // A new series brings a line after the others.
    QVERIFY(stream.add(0, 1, rows(0, 10, 1)));
    view.updateData(stream.builder.snapshot());
    QCOMPARE(view.lineCount(), 3);
    QCOMPARE(view.lineSeries(0), first);
    QVERIFY(view.isZoomed());

    // Other lines than before: replaced as by setData(), the zoom kept.
    view.updateData(ChartData::fromSeries({rows(0, 3000, 1)}));
    QCOMPARE(view.lineCount(), 1);
    QCOMPARE(view.visibleRangeNs(),
             (QPair<qint64, qint64> {Base + 100 * Second, Base + 199 * Second}));
    QVERIFY(view.isZoomed());
}

// ---- SeriesChartView ----

void tst_Charts::viewShowsOneLinePerSeriesAndField()
{
    SeriesChartView view;
    const QueryResult result({StatementResult {
            .statementId = 0, .series = {cpuSeries(u"a"_s, 50), cpuSeries(u"b"_s, 30)}}});
    view.setData(result);
    QCOMPARE(view.lineCount(), 4);
    QCOMPARE(view.lineNames(),
             (QStringList {u"cpu host=a \u00B7 usage"_s, u"cpu host=a \u00B7 count"_s,
                           u"cpu host=b \u00B7 usage"_s, u"cpu host=b \u00B7 count"_s}));
    QCOMPARE(view.fullPointCount(0), 50);
    QCOMPARE(view.fullPointCount(3), 30);
    QCOMPARE(view.chart()->series().size(), 4);
    // Few points: all of them are drawn.
    QCOMPARE(view.drawnPointCount(0), 50);
    QCOMPARE(view.drawnPoints(2).size(), 30);
    QCOMPARE(view.drawnPoints(2).at(29).y(), 14.5);
    QCOMPARE(view.visibleRangeNs(), (QPair<qint64, qint64> {Base, Base + 49 * Second}));
    QVERIFY(!view.isZoomed());

    // Beyond MaxLines lines only the first ones are drawn.
    QList<Series> many;
    for (int i = 0; i < SeriesChartView::MaxLines + 20; ++i)
        many.append(cpuSeries(QString::number(i), 2));
    view.setData(ChartData::fromSeries(many));
    QCOMPARE(view.data().lineCount(), 2 * (SeriesChartView::MaxLines + 20));
    QCOMPARE(view.lineCount(), SeriesChartView::MaxLines);
    QCOMPARE(view.omittedLineCount(), SeriesChartView::MaxLines + 40);
    QCOMPARE(view.chart()->series().size(), SeriesChartView::MaxLines);

    view.clear();
    QCOMPARE(view.lineCount(), 0);
    QCOMPARE(view.chart()->series().size(), 0);
    QCOMPARE(view.fullPointCount(0), 0);
}

void tst_Charts::largeSeriesAreDecimated()
{
    SeriesChartView view;
    view.setRenderHint(QPainter::Antialiasing, false);
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setData(bigData(200'000));
    QCOMPARE(view.fullPointCount(0), 200'000);
    const int width = view.decimationWidth();
    QVERIFY2(width > 300 && width <= 800, qPrintable(QString::number(width)));
    QVERIFY(view.drawnPointCount(0) <= 4 * width + 2);
    QVERIFY(view.drawnPointCount(0) >= width); // every column has points
    QCOMPARE(view.drawnPoints(0).size(), view.drawnPointCount(0));

    // A wider window re-decimates to the new width.
    QSignalSpy redecimated(&view, &SeriesChartView::redecimated);
    view.resize(1200, 500);
    QTRY_VERIFY(view.decimationWidth() > width + 300);
    QTRY_VERIFY(!redecimated.isEmpty());
    QTRY_VERIFY(view.drawnPointCount(0) > 4 * width + 2);
    QVERIFY(view.drawnPointCount(0) <= 4 * view.decimationWidth() + 2);
}

void tst_Charts::zoomingReDecimatesFromTheFullData()
{
    SeriesChartView view;
    view.resize(800, 500);
    view.setData(bigData(200'000));
    QSignalSpy ranges(&view, &SeriesChartView::visibleRangeChanged);
    QSignalSpy zoomed(&view, &SeriesChartView::zoomedChanged);

    // 300 s of one-point-per-second data: every point is drawn, plus one beyond each border.
    view.zoomToRangeNs(Base + 1000 * Second, Base + 1299 * Second);
    QCOMPARE(view.visibleRangeNs(),
             (QPair<qint64, qint64> {Base + 1000 * Second, Base + 1299 * Second}));
    QVERIFY(view.isZoomed());
    QCOMPARE(view.drawnPointCount(0), 302);
    QCOMPARE(ranges.size(), 1);
    QCOMPARE(zoomed.size(), 1);
    QCOMPARE(view.drawnPoints(0).at(1).y(), std::sin(1000 / 500.0) * 100 + (1000 % 7));

    // Beyond the data: clamped, the span kept.
    view.zoomToRangeNs(Base - 100 * Second, Base + 199 * Second);
    QCOMPARE(view.visibleRangeNs(), (QPair<qint64, qint64> {Base, Base + 299 * Second}));
    QCOMPARE(view.drawnPointCount(0), 301); // no point left of the data
    // Too narrow: widened to the minimum span.
    view.zoomToRangeNs(Base + 5 * Second, Base + 5 * Second);
    QCOMPARE(view.visibleRangeNs().second - view.visibleRangeNs().first,
             SeriesChartView::MinSpanNs);
    // Wider than the data: everything, no longer zoomed.
    view.zoomToRangeNs(Base - 1000 * Second, Base + 10'000'000 * Second);
    QCOMPARE(view.visibleRangeNs(), view.fullRangeNs());
    QVERIFY(!view.isZoomed());
    QVERIFY(view.drawnPointCount(0) <= 4 * view.decimationWidth() + 2);
}

void tst_Charts::timeAxisFollowsTheVisibleRange()
{
    QLocale::setDefault(QLocale::c());
    SeriesChartView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setData(bigData(4320)); // 72 minutes, one point per second
    QCategoryAxis *axis = timeAxis(view);
    QVERIFY(axis);
    QCOMPARE(axis->titleText(), u"Time (UTC)"_s);
    const auto expected = [&view] {
        const int maxTicks = std::max(2, int(view.chart()->plotArea().width()) / 110);
        QStringList labels;
        for (const auto &tick :
             TimeTicks::compute(view.visibleRangeNs().first, view.visibleRangeNs().second, maxTicks,
                                view.preferences().timeZone))
            labels.append(tick.label);
        return labels;
    };
    QTRY_COMPARE(axis->categoriesLabels(), expected());
    QVERIFY(axis->count() >= 2);

    view.zoomToRangeNs(Base + 100 * Second, Base + 110 * Second);
    QCOMPARE(axis->categoriesLabels(), expected());
    QVERIFY(axis->categoriesLabels().first().count(u':') == 2); // HH:mm:ss
    QCOMPARE(axis->min(), 100'000.0); // ms since the data's first time
    QCOMPARE(axis->max(), 110'000.0);

    Preferences local;
    local.timeZone = Preferences::TimeZone::Local;
    view.setPreferences(local);
    QCOMPARE(axis->titleText(), u"Time (local)"_s);
    QCOMPARE(axis->categoriesLabels(), expected());
}

void tst_Charts::legendMarkerTogglesALine()
{
    SeriesChartView view;
    view.setRenderHint(QPainter::Antialiasing, false);
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setData(ChartData::fromSeries({cpuSeries(u"a"_s, 20)}));
    QSignalSpy toggled(&view, &SeriesChartView::lineVisibilityChanged);
    const QList<QLegendMarker *> markers = view.chart()->legend()->markers(view.lineSeries(1));
    QCOMPARE(markers.size(), 1);
    QVERIFY(markers.first()->isVisible());

    Q_EMIT markers.first()->clicked();
    QVERIFY(!view.isLineVisible(1));
    QVERIFY(!view.lineSeries(1)->isVisible());
    QVERIFY(markers.first()->isVisible()); // the entry stays, to be clicked again
    QCOMPARE(toggled.size(), 1);
    QCOMPARE(toggled.first(), (QVariantList {1, false}));
    // The value axis fits the visible line.
    auto *yAxis = qobject_cast<QValueAxis *>(view.chart()->axes(Qt::Vertical).value(0));
    // usage is 0…9.5: with 5% margins, whole steps of 2.5.
    QCOMPARE(yAxis->min(), -2.5);
    QCOMPARE(yAxis->max(), 10.0);
    QCOMPARE(yAxis->tickCount(), 6);

    // New data (an auto-refresh) keeps the line hidden.
    view.setData(ChartData::fromSeries({cpuSeries(u"a"_s, 25)}));
    QVERIFY(!view.isLineVisible(1));
    QVERIFY(view.isLineVisible(0));

    Q_EMIT view.chart()->legend()->markers(view.lineSeries(1)).first()->clicked();
    QVERIFY(view.isLineVisible(1));
    QCOMPARE(yAxis->min(), -20.0); // count reaches 72: steps of 20
    QCOMPARE(yAxis->max(), 80.0);
}

void tst_Charts::mouseAndKeyboardZoomAndPan()
{
    SeriesChartView view;
    view.setRenderHint(QPainter::Antialiasing, false);
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setData(bigData(100'000));
    const QRectF plot = view.chart()->plotArea();
    const int y = int(plot.center().y());
    QWidget *viewport = view.viewport();

    // Rubber band over the middle fifth of the plot.
    const QPoint start(int(plot.left() + plot.width() * 0.4), y);
    const QPoint end(int(plot.left() + plot.width() * 0.6), y);
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    QTest::mouseMove(viewport, end);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, end);
    QTRY_VERIFY(view.isZoomed());
    const auto band = view.visibleRangeNs();
    const qint64 full = view.fullRangeNs().second - view.fullRangeNs().first;
    QVERIFY2(std::abs(double(band.second - band.first) / double(full) - 0.2) < 0.02,
             qPrintable(QString::number(double(band.second - band.first) / double(full))));
    QVERIFY(view.drawnPointCount(0) <= 4 * view.decimationWidth() + 2);

    // Keys: pan right by a tenth, Home shows everything.
    QTest::keyClick(&view, Qt::Key_Right);
    QVERIFY(std::abs(view.visibleRangeNs().first - band.first - (band.second - band.first) / 10)
            <= 1);
    QTest::keyClick(&view, Qt::Key_Minus);
    QVERIFY(std::abs(view.visibleRangeNs().second - view.visibleRangeNs().first
                     - 2 * (band.second - band.first))
            <= 2);
    QTest::keyClick(&view, Qt::Key_Home);
    QVERIFY(!view.isZoomed());

    // The wheel zooms around the cursor: the time under it stays put.
    const QPoint at(int(plot.left() + plot.width() * 0.25), y);
    QWheelEvent wheel(at, viewport->mapToGlobal(at), {}, {0, 240}, Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(viewport, &wheel);
    const auto wheeled = view.visibleRangeNs();
    QVERIFY(view.isZoomed());
    QVERIFY(std::abs(double(wheeled.second - wheeled.first) - double(full) * 0.64) <= 2);
    const double anchorBefore = double(full) * (at.x() - plot.left()) / plot.width();
    const double anchorAfter = double(wheeled.first - view.fullRangeNs().first)
            + double(wheeled.second - wheeled.first) * (at.x() - plot.left()) / plot.width();
    QVERIFY(std::abs(anchorAfter - anchorBefore) < double(full) / 1000);

    // Shift+drag pans: dragging right shows earlier times.
    const QPoint from(int(plot.left() + plot.width() * 0.5), y);
    const QPoint to(int(plot.left() + plot.width() * 0.6), y);
    QTest::mousePress(viewport, Qt::LeftButton, Qt::ShiftModifier, from);
    QTest::mouseMove(viewport, to);
    QVERIFY(view.visibleRangeNs().first < wheeled.first);
    QCOMPARE(view.visibleRangeNs().second - view.visibleRangeNs().first,
             wheeled.second - wheeled.first);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::ShiftModifier, to);

    // A double-click shows everything again.
    QTest::mouseClick(viewport, Qt::LeftButton, {}, from);
    QMouseEvent doubleClick(QEvent::MouseButtonDblClick, from, viewport->mapToGlobal(from),
                            Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(viewport, &doubleClick);
    QVERIFY(doubleClick.isAccepted());
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, from);
    QVERIFY(!view.isZoomed());
    QCOMPARE(view.visibleRangeNs(), view.fullRangeNs());
}

void tst_Charts::hoverShowsTheNearestPoint()
{
    SeriesChartView view;
    view.setRenderHint(QPainter::Antialiasing, false);
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    Series series(u"cpu"_s, {u"time"_s, u"usage"_s, u"count"_s}, {{u"host"_s, u"a"_s}});
    for (int i = 0; i < 10; ++i)
        series.appendRow(
                {QVariant::fromValue(Timestamp::fromNanoseconds(Base + i * Second + 123'456'789)),
                 i == 4 ? 0.1 + 0.2 : double(i), qint64(100 + i)});
    view.setData(ChartData::fromSeries({series}));
    QTRY_VERIFY(view.chart()->plotArea().width() > 100);

    // Over the fifth usage point: the exact time and the shortest exact value.
    QTest::mouseMove(view.viewport(), viewportPointOf(view, 0, Base + 4 * Second, 0.1 + 0.2));
    QTRY_COMPARE(view.hoverText(),
                 u"cpu host=a \u00B7 usage\n2023-11-14T22:13:24.123456789Z\n"
                 "0.30000000000000004"_s);
    const auto *label = view.viewport()->findChild<QLabel *>(u"hoverReadout"_s);
    QVERIFY(label && label->isVisible());
    QCOMPARE(label->text(), view.hoverText());

    // Over an integer point; the time follows the preferences.
    Preferences preferences;
    preferences.timeFormat = Preferences::TimeFormat::EpochNanoseconds;
    view.setPreferences(preferences);
    QTest::mouseMove(view.viewport(), viewportPointOf(view, 1, Base + 7 * Second, 107));
    QTRY_COMPARE(view.hoverText(), u"cpu host=a \u00B7 count\n1700000007123456789\n107"_s);

    // A hidden line is not read out; far from every point nothing is shown.
    view.setLineVisible(1, false);
    QTest::mouseMove(view.viewport(), viewportPointOf(view, 1, Base + 7 * Second, 107));
    QTRY_VERIFY(!view.hoverText().contains(u"count"_s));
    QTest::mouseMove(view.viewport(), QPoint(2, 2));
    QTRY_VERIFY(view.hoverText().isEmpty());
    QVERIFY(!label->isVisible());
}

void tst_Charts::exportPngWritesTheChart()
{
    SeriesChartView view;
    view.resize(640, 400);
    view.setData(bigData(5000, 2));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"chart.png"_s);
    QString error;
    QVERIFY2(view.exportPng(path, &error), qPrintable(error));
    QImage image;
    QVERIFY(image.load(path, "PNG"));
    QCOMPARE(image.size(), view.size() * view.devicePixelRatio());
    QVERIFY(QFileInfo(path).size() > 1000);
    // Not a blank image: the lines and axes are drawn in more than one colour.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 3);

    QVERIFY(!view.exportPng(dir.filePath(u"missing/dir/chart.png"_s), &error));
    QVERIFY(!error.isEmpty());
}

void tst_Charts::autoRefreshPausesWhileZoomed()
{
    SeriesChartView view;
    view.setData(bigData(1000));
    QSignalSpy refresh(&view, &SeriesChartView::refreshRequested);
    view.setAutoRefresh(30ms);
    QCOMPARE(view.autoRefreshInterval(), 30ms);
    QVERIFY(!view.isAutoRefreshPaused());
    QTRY_VERIFY(refresh.size() >= 2);

    view.zoomToRangeNs(Base + 10 * Second, Base + 20 * Second);
    QVERIFY(view.isAutoRefreshPaused());
    refresh.clear();
    QTest::qWait(200);
    QCOMPARE(refresh.size(), 0);

    view.resetZoom();
    QVERIFY(!view.isAutoRefreshPaused());
    QTRY_VERIFY(!refresh.isEmpty());

    view.setAutoRefresh(0ms);
    refresh.clear();
    QTest::qWait(150);
    QCOMPARE(refresh.size(), 0);
    QVERIFY(!view.isAutoRefreshPaused());
}

void tst_Charts::linesItemClipsSegments()
{
    const QRectF rect(0, 0, 100, 50);
    QPointF a(10, 10), b(90, 40); // inside: unchanged
    QVERIFY(ChartLinesItem::clipSegment(a, b, rect));
    QCOMPARE(a, QPointF(10, 10));
    QCOMPARE(b, QPointF(90, 40));
    // Far outside on both sides, as the Decimator's edge points are when zoomed in.
    a = QPointF(-1e9, 25);
    b = QPointF(1e9, 25);
    QVERIFY(ChartLinesItem::clipSegment(a, b, rect));
    QCOMPARE(a, QPointF(0, 25));
    QCOMPARE(b, QPointF(100, 25));
    a = QPointF(-100, 0);
    b = QPointF(100, 50); // enters at x = 0, y = 25
    QVERIFY(ChartLinesItem::clipSegment(a, b, rect));
    QCOMPARE(a, QPointF(0, 25));
    QCOMPARE(b, QPointF(100, 50));
    a = QPointF(-10, -10);
    b = QPointF(200, -1); // above the rectangle
    QVERIFY(!ChartLinesItem::clipSegment(a, b, rect));
    a = QPointF(120, 10);
    b = QPointF(120, 40); // parallel to the right border, outside it
    QVERIFY(!ChartLinesItem::clipSegment(a, b, rect));
}

namespace {

// The tests below draw without antialiasing: a line's pixels have exactly its colour.
constexpr int OnTheLine = 1;

// How far the pixel nearest to `at` (within 2 px) is from `colour`: the sum of the channel
// differences, 0 for the exact colour.
int colourDistance(const QImage &image, QPoint at, const QColor &colour)
{
    int best = 3 * 255;
    for (int dy = -2; dy <= 2; ++dy) {
        for (int dx = -2; dx <= 2; ++dx) {
            const QPoint p = at + QPoint(dx, dy);
            if (!image.rect().contains(p))
                continue;
            const QColor c = image.pixelColor(p);
            best = std::min(best,
                            std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                                    + std::abs(c.blue() - colour.blue()));
        }
    }
    return best;
}

// A ramp: value i at Base + i seconds.
Series rampSeries(const QString &name, int rows, double offset)
{
    Series series(name, {u"time"_s, u"v"_s});
    for (int i = 0; i < rows; ++i)
        series.appendRow({QVariant::fromValue(Timestamp::fromNanoseconds(Base + i * Second)),
                          double(i) + offset});
    return series;
}

} // namespace

void tst_Charts::linesItemDrawsTheReducedLines()
{
    SeriesChartView view;
    view.setRenderHint(QPainter::Antialiasing, false);
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setData(
            ChartData::fromSeries({rampSeries(u"low"_s, 100, 0), rampSeries(u"high"_s, 100, 40)}));
    QCoreApplication::processEvents();
    QCOMPARE(view.lineCount(), 2);
    // QtCharts' series carry the legend only: no points, so no outline to recompute.
    QCOMPARE(view.lineSeries(0)->count(), 0);
    QCOMPARE(view.drawnPointCount(0), 100);
    const QColor low = view.lineSeries(0)->color(), high = view.lineSeries(1)->color();
    QVERIFY(low != high);

    const auto at = [&view](qint64 t, double value) { return viewportPointOf(view, 0, t, value); };
    QImage image = view.grab().toImage();
    QVERIFY(colourDistance(image, at(Base + 50 * Second, 50), low) < OnTheLine);
    QVERIFY(colourDistance(image, at(Base + 50 * Second, 90), high) < OnTheLine);
    // Between the lines there is neither.
    QVERIFY(colourDistance(image, at(Base + 50 * Second, 70), low) > 200);
    QVERIFY(colourDistance(image, at(Base + 50 * Second, 70), high) > 200);

    view.setLineVisible(1, false);
    QCoreApplication::processEvents();
    image = view.grab().toImage();
    QVERIFY(colourDistance(image, at(Base + 50 * Second, 90), high) > 200);
    QVERIFY(colourDistance(image, at(Base + 50 * Second, 50), low) < OnTheLine);
    view.setLineVisible(1, true);

    // Zoomed to a microsecond after t = 50 s: one point inside, the next one a million plot
    // widths to the right. The segment towards it is cut at the border and still drawn.
    view.zoomToRangeNs(Base + 50 * Second, Base + 50 * Second + 1000);
    QCOMPARE(view.drawnPointCount(0), 3);
    QCoreApplication::processEvents();
    image = view.grab().toImage();
    QVERIFY(colourDistance(image, at(Base + 50 * Second + 500, 50), low) < OnTheLine);
    QVERIFY(colourDistance(image, at(Base + 50 * Second + 500, 90), high) < OnTheLine);
    QVERIFY(colourDistance(image, at(Base + 50 * Second + 500, 70), low) > 200);
}

void tst_Charts::linesItemDrawsALoneValueAsADot()
{
    SeriesChartView view;
    view.setRenderHint(QPainter::Antialiasing, false);
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setData(ChartData::fromSeries({rampSeries(u"one"_s, 1, 7)}));
    QCoreApplication::processEvents();
    QCOMPARE(view.drawnPointCount(0), 1);
    const QImage image = view.grab().toImage();
    // The instant sits in the middle of its two-second range.
    QVERIFY(colourDistance(image, viewportPointOf(view, 0, Base, 7), view.lineSeries(0)->color())
            < OnTheLine);
}

void tst_Charts::panelShowsStatusAndDrivesTheView()
{
    QLocale::setDefault(QLocale::c());
    ChartPanel panel;
    panel.resize(900, 500);
    auto *view = panel.findChild<SeriesChartView *>(u"chartView"_s);
    QVERIFY(view);
    panel.setData(bigData(50'000, 3));
    QVERIFY2(panel.statusText().startsWith(
                     u"3 lines \u00B7 %1 points \u00B7 "_s.arg(QLocale().toString(150'000))),
             qPrintable(panel.statusText()));
    auto *reset = panel.findChild<QAction *>(u"resetZoomAction"_s);
    QVERIFY(reset && !reset->isEnabled());

    auto *combo = panel.findChild<QComboBox *>(u"autoRefreshCombo"_s);
    QSignalSpy refresh(&panel, &ChartPanel::refreshRequested);
    combo->setCurrentIndex(1);
    QCOMPARE(view->autoRefreshInterval(), 5s);

    view->zoomIn();
    QVERIFY(reset->isEnabled());
    QVERIFY(panel.statusText().endsWith(u"auto-refresh paused (zoomed)"_s));
    reset->trigger();
    QVERIFY(!view->isZoomed());
    QVERIFY(!panel.statusText().contains(u"paused"_s));

    combo->setCurrentIndex(0);
    QCOMPARE(view->autoRefreshInterval(), 0ms);
    panel.setData(ChartData());
    QCOMPARE(panel.statusText(), u"No numeric fields to chart"_s);
}

namespace {

// Counts the paints of a view's viewport and notes the width its lines were reduced for at each.
class PaintRecorder : public QObject
{
public:
    explicit PaintRecorder(SeriesChartView *view) : m_view(view)
    {
        view->viewport()->installEventFilter(this);
    }
    struct Paint
    {
        int reducedWidth;
        int decimationWidth;
        qsizetype drawn;
    };
    QList<Paint> paints;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            paints.append({m_view->reducedWidth(), m_view->decimationWidth(),
                           m_view->drawnPointCount(0)});
        return false;
    }

private:
    SeriesChartView *m_view;
};

} // namespace

void tst_Charts::firstShowInABackgroundTabPaintsOnce()
{
    // A chart filled while its tab is in the background, as the results panel does.
    QTabWidget tabs;
    tabs.resize(1100, 700);
    tabs.addTab(new QLabel(u"table"_s), u"Table"_s);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    auto *panel = new ChartPanel;
    SeriesChartView *view = panel->view();
    tabs.insertTab(0, panel, u"Chart"_s);
    tabs.setCurrentIndex(1);
    panel->setData(bigData(100'000, 3));
    QVERIFY(!view->isVisible());
    const int hiddenWidth = view->reducedWidth();
    QTest::qWait(50);

    PaintRecorder recorder(view);
    QSignalSpy redecimated(view, &SeriesChartView::redecimated);
    tabs.setCurrentWidget(panel);
    QTRY_VERIFY(!recorder.paints.isEmpty());
    QTest::qWait(200); // nothing more to paint: the data did not change
    // One paint, with the lines reduced for the plot's real width (reduced before the paint,
    // when the view got its size), not first for the size it had in the background.
    QCOMPARE(recorder.paints.size(), 1);
    const PaintRecorder::Paint paint = recorder.paints.constFirst();
    QVERIFY2(paint.decimationWidth > 800 && paint.decimationWidth != hiddenWidth,
             qPrintable(u"%1 (hidden %2)"_s.arg(paint.decimationWidth).arg(hiddenWidth)));
    QCOMPARE(paint.reducedWidth, paint.decimationWidth);
    QVERIFY(paint.drawn > 4 * hiddenWidth + 2);
    QVERIFY(paint.drawn <= 4 * paint.decimationWidth + 2);
    QCOMPARE(redecimated.size(), 1);

    // A resize of the shown view is reduced before its paint as well.
    recorder.paints.clear();
    tabs.resize(800, 700);
    QTRY_VERIFY(!recorder.paints.isEmpty());
    QTest::qWait(100);
    QCOMPARE(recorder.paints.constLast().reducedWidth, view->decimationWidth());
    QVERIFY(view->decimationWidth() < paint.decimationWidth);
    for (const PaintRecorder::Paint &p : std::as_const(recorder.paints))
        QCOMPARE(p.reducedWidth, p.decimationWidth);
}

QTEST_MAIN(tst_Charts)
#include "tst_charts.moc"
