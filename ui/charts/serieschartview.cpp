// SPDX-License-Identifier: MIT
#include "charts/serieschartview.h"

#include "charts/charthover.h"
#include "charts/chartlinesitem.h"
#include "charts/decimator.h"

#include <QtCharts/QCategoryAxis>
#include <QtCharts/QLegend>
#include <QtCharts/QLegendMarker>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtGui/QGuiApplication>
#include <QtGui/QImageWriter>
#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>
#include <QtWidgets/QRubberBand>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

// Range arithmetic near the ends of qint64 (ranges may span more than 2^63 ns).
__extension__ typedef __int128 Wide;

qint64 saturate(Wide value)
{
    return qint64(std::clamp<Wide>(value, std::numeric_limits<qint64>::min(),
                                   std::numeric_limits<qint64>::max()));
}

// A time axis needs about this many pixels per label ("MMM d HH:mm").
constexpr int PixelsPerTick = 110;

// QtCharts draws 2 px lines by default. The raster engine strokes antialiased pens up to one
// pixel wide with its fast cosmetic stroker and wider ones as filled outlines, 2-3 times the
// cost: the difference between a 10-15 ms and a 25-35 ms paint of three reduced 1M-point
// lines, which is most of what showing a large chart costs the GUI thread.
constexpr qreal LineWidth = 1.0;

} // namespace

SeriesChartView::SeriesChartView(QWidget *parent)
    : QChartView(new QChart, parent),
      m_chart(chart()),
      m_axes(m_chart),
      m_lines(new ChartLinesItem(m_chart, m_axes.timeAxis(), m_axes.valueAxis())),
      m_hover(std::make_unique<ChartHover>(this))
{
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    setRubberBand(QChartView::HorizontalRubberBand);
    setRenderHint(QPainter::Antialiasing);
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setMouseTracking(true);
    setPreferences(m_preferences);
    m_lines->setLineWidth(LineWidth);

    m_sync.setSingleShot(true);
    m_sync.setInterval(0);
    connect(&m_sync, &QTimer::timeout, this, &SeriesChartView::syncFromAxis);
    // QChart itself changes the time axis on a rubber-band zoom; the range is taken from the
    // axis once QChart is done (it sets the value axis right after).
    connect(m_axes.timeAxis(), &QValueAxis::rangeChanged, this, [this] {
        if (!m_axes.isUpdating()) {
            m_axisMoved = true;
            m_sync.start();
        }
    });
    // The lines are mapped to pixels when they are painted: a new range or plot area only
    // repaints them.
    connect(m_axes.timeAxis(), &QValueAxis::rangeChanged, this, [this] { m_lines->update(); });
    connect(m_axes.valueAxis(), &QValueAxis::rangeChanged, this, [this] { m_lines->update(); });
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &plotArea) {
        m_lines->setPlotArea(plotArea);
        if (decimationWidth() != m_lastWidth)
            m_sync.start();
    });
    connect(&m_refresh, &QTimer::timeout, this, &SeriesChartView::refreshRequested);
}

SeriesChartView::~SeriesChartView() = default;

void SeriesChartView::setData(const Influx::QueryResult &result,
                              std::optional<Influx::Precision> epoch)
{
    setData(ChartData::fromResult(result, epoch));
}

void SeriesChartView::setData(const ChartData &data)
{
    m_hover->hide();
    m_chart->removeAllSeries();
    m_series.clear();
    m_data = data;
    m_full = fullRangeOf(data);
    m_visible = m_full;
    m_axes.setOrigin(m_full.first);
    addLineSeries();
    setZoomed(false);
    updateRefreshTimer();
    redecimate();
    Q_EMIT visibleRangeChanged(m_visible.first, m_visible.second);
}

void SeriesChartView::updateData(const ChartData &data)
{
    bool grown = !m_series.isEmpty() && data.lineCount() >= m_data.lineCount();
    for (int line = 0; grown && line < lineCount(); ++line)
        grown = data.line(line).name == m_data.line(line).name;
    if (!grown) {
        const bool keepZoom = m_zoomed && !data.isEmpty();
        const QPair<qint64, qint64> range = m_visible;
        setData(data);
        if (keepZoom)
            zoomToRangeNs(range.first, range.second);
        return;
    }
    m_hover->hide();
    m_data = data;
    m_full = fullRangeOf(data);
    m_axes.setOrigin(m_full.first);
    addLineSeries();
    // The full range follows the data; a zoomed view stays where the user put it.
    const QPair<qint64, qint64> range = m_zoomed ? m_visible : m_full;
    applyRange(range.first, range.second);
}

QPair<qint64, qint64> SeriesChartView::fullRangeOf(const ChartData &data)
{
    auto range = data.timeRangeNs().value_or(std::pair<qint64, qint64> {0, 0});
    if (range.first == range.second) {
        // One instant: a second either side, so the point sits in the middle.
        constexpr qint64 Second = 1'000'000'000;
        range = {saturate(Wide(range.first) - Second), saturate(Wide(range.second) + Second)};
    }
    return {range.first, range.second};
}

void SeriesChartView::addLineSeries()
{
    const int first = lineCount();
    const qsizetype shown = std::min<qsizetype>(m_data.lineCount(), MaxLines);
    for (qsizetype i = first; i < shown; ++i) {
        auto *series = new QLineSeries;
        series->setName(m_data.line(i).name);
        m_chart->addSeries(series); // the theme gives it its colour
        series->attachAxis(m_axes.timeAxis());
        series->attachAxis(m_axes.valueAxis());
        series->setVisible(!m_hiddenNames.contains(m_data.line(i).name));
        m_series.append(series);
    }
    m_lines->setLineCount(lineCount());
    for (int line = first; line < lineCount(); ++line) {
        m_lines->setPoints(line, {});
        m_lines->setColor(line, m_series.at(line)->color());
        m_lines->setLineVisible(line, m_series.at(line)->isVisible());
    }
    setupLegendMarkers(first);
}

void SeriesChartView::clear()
{
    setData(ChartData());
}

void SeriesChartView::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    m_axes.setTimeZone(preferences.timeZone);
    updateTimeAxis();
}

QStringList SeriesChartView::lineNames() const
{
    QStringList names;
    for (const QLineSeries *series : m_series)
        names.append(series->name());
    return names;
}

qsizetype SeriesChartView::fullPointCount(int line) const
{
    return line >= 0 && line < lineCount() ? m_data.line(line).valueCount : 0;
}

qsizetype SeriesChartView::drawnPointCount(int line) const
{
    return line >= 0 && line < lineCount() ? m_lines->points(line).size() : 0;
}

qsizetype SeriesChartView::drawnPointCount() const
{
    qsizetype count = 0;
    for (int line = 0; line < lineCount(); ++line)
        count += drawnPointCount(line);
    return count;
}

QList<QPointF> SeriesChartView::drawnPoints(int line) const
{
    return line >= 0 && line < lineCount() ? m_lines->points(line) : QList<QPointF>();
}

QLineSeries *SeriesChartView::lineSeries(int line) const
{
    return m_series.value(line);
}

bool SeriesChartView::isLineVisible(int line) const
{
    return line >= 0 && line < lineCount() && m_series.at(line)->isVisible();
}

void SeriesChartView::setLineVisible(int line, bool visible)
{
    if (line < 0 || line >= lineCount() || m_series.at(line)->isVisible() == visible)
        return;
    m_series.at(line)->setVisible(visible);
    m_lines->setLineVisible(line, visible);
    if (visible)
        m_hiddenNames.remove(m_series.at(line)->name());
    else
        m_hiddenNames.insert(m_series.at(line)->name());
    updateMarker(line);
    redecimate(); // the value axis fits the visible lines only
    Q_EMIT lineVisibilityChanged(line, visible);
}

void SeriesChartView::setupLegendMarkers(int first)
{
    for (int line = first; line < lineCount(); ++line) {
        QLineSeries *series = m_series.at(line);
        for (QLegendMarker *marker : m_chart->legend()->markers(series)) {
            connect(marker, &QLegendMarker::clicked, this, [this, series] {
                setLineVisible(int(m_series.indexOf(series)), !series->isVisible());
            });
        }
        updateMarker(line);
    }
}

void SeriesChartView::updateMarker(int line)
{
    QLineSeries *series = m_series.at(line);
    const qreal alpha = series->isVisible() ? 1.0 : 0.3;
    for (QLegendMarker *marker : m_chart->legend()->markers(series)) {
        // QLegend hides the markers of hidden series; the entry must stay to be clicked again.
        marker->setVisible(true);
        QColor label = m_chart->legend()->labelColor();
        label.setAlphaF(alpha);
        marker->setLabelBrush(label);
        QColor color = series->color();
        color.setAlphaF(alpha);
        marker->setBrush(color);
        marker->setPen(QPen(color));
    }
}

int SeriesChartView::decimationWidth() const
{
    const qreal plotWidth = m_chart->plotArea().width();
    // Before the first layout the plot area is empty: the view's width is an upper bound.
    const qreal pixels = plotWidth >= 16 ? plotWidth : qreal(std::max(width() - 80, 100));
    return std::max(1, int(std::ceil(pixels * devicePixelRatioF())));
}

void SeriesChartView::zoomToRangeNs(qint64 fromNs, qint64 toNs)
{
    applyRange(fromNs, toNs);
}

void SeriesChartView::resetZoom()
{
    applyRange(m_full.first, m_full.second);
}

void SeriesChartView::zoomIn()
{
    zoomAround(saturate((Wide(m_visible.first) + m_visible.second) / 2), 0.5);
}

void SeriesChartView::zoomOut()
{
    zoomAround(saturate((Wide(m_visible.first) + m_visible.second) / 2), 2.0);
}

void SeriesChartView::zoomAround(qint64 anchorNs, double factor)
{
    const auto scaled = [factor](Wide distance) {
        return Wide(std::llround(std::clamp(double(distance) * factor, -9.2e18, 9.2e18)));
    };
    applyRange(saturate(anchorNs - scaled(Wide(anchorNs) - m_visible.first)),
               saturate(anchorNs + scaled(Wide(m_visible.second) - anchorNs)));
}

void SeriesChartView::panByFraction(double fraction)
{
    const Wide span = Wide(m_visible.second) - m_visible.first;
    const Wide shift = Wide(std::llround(double(span) * fraction));
    applyRange(saturate(m_visible.first + shift), saturate(m_visible.second + shift));
}

void SeriesChartView::applyRange(qint64 fromNs, qint64 toNs)
{
    if (m_series.isEmpty())
        return;
    Wide from = std::min(fromNs, toNs), to = std::max(fromNs, toNs);
    const Wide fullFrom = m_full.first, fullTo = m_full.second;
    if (to - from >= fullTo - fullFrom) {
        from = fullFrom;
        to = fullTo;
    } else {
        if (to - from < MinSpanNs) {
            from = (from + to) / 2 - MinSpanNs / 2;
            to = from + MinSpanNs;
        }
        // Keep the span, stay inside the data.
        if (from < fullFrom) {
            to += fullFrom - from;
            from = fullFrom;
        }
        if (to > fullTo) {
            from -= to - fullTo;
            to = fullTo;
        }
    }
    const QPair<qint64, qint64> range {qint64(from), qint64(to)};
    const bool changed = range != m_visible;
    m_visible = range;
    setZoomed(m_visible != m_full);
    redecimate();
    if (changed)
        Q_EMIT visibleRangeChanged(m_visible.first, m_visible.second);
}

void SeriesChartView::syncFromAxis()
{
    if (m_axisMoved) {
        m_axisMoved = false;
        applyRange(m_axes.nsOf(m_axes.timeAxis()->min()), m_axes.nsOf(m_axes.timeAxis()->max()));
    } else if (decimationWidth() != m_lastWidth) {
        redecimate();
    }
}

void SeriesChartView::setZoomed(bool zoomed)
{
    if (m_zoomed == zoomed)
        return;
    m_zoomed = zoomed;
    updateRefreshTimer();
    Q_EMIT zoomedChanged(zoomed);
}

void SeriesChartView::redecimate()
{
    m_hover->hide(); // its point may have moved
    // A hidden view that was resized (a background tab laid out ahead of its first show) gets
    // its resize event only when shown: the chart is brought to that size now, so that the
    // lines are reduced for the plot they will be shown in and the show changes nothing.
    if (testAttribute(Qt::WA_PendingResizeEvent) && m_chart->size() != QSizeF(size()))
        m_chart->resize(size());
    const int width = decimationWidth();
    m_lastWidth = width;
    double minValue = std::numeric_limits<double>::infinity();
    double maxValue = -minValue;
    QList<QList<QPointF>> lines(lineCount());
    for (int line = 0; line < lineCount(); ++line) {
        const ChartData::Line &data = m_data.line(line);
        const std::span<const qint64> times = data.timeSpan();
        const std::span<const double> values = data.valueSpan();
        const Decimator::Result result =
                Decimator::decimate(times, values, m_visible.first, m_visible.second, width);
        const bool visible = m_series.at(line)->isVisible();
        QList<QPointF> &points = lines[line];
        points.reserve(qsizetype(result.indices.size()));
        for (const qsizetype index : result.indices) {
            const qint64 t = times[size_t(index)];
            const double value = values[size_t(index)];
            points.append(QPointF(m_axes.xOf(t), value));
            // The edge points outside the range only lead the line to the border.
            if (visible && t >= m_visible.first && t <= m_visible.second) {
                minValue = std::min(minValue, value);
                maxValue = std::max(maxValue, value);
            }
        }
    }
    updateTimeAxis();
    m_axes.setValueRange(minValue, maxValue);
    for (int line = 0; line < lineCount(); ++line)
        m_lines->setPoints(line, std::move(lines[line]));
    Q_EMIT redecimated();
}

void SeriesChartView::updateTimeAxis()
{
    const int plotWidth = int(m_chart->plotArea().width());
    const int maxTicks = std::max(2, (plotWidth > 0 ? plotWidth : width()) / PixelsPerTick);
    m_axes.setTimeRange(m_visible.first, m_visible.second, maxTicks, !m_series.isEmpty());
}

QString SeriesChartView::hoverText() const
{
    return m_hover->text();
}

bool SeriesChartView::exportPng(const QString &path, QString *error)
{
    m_hover->hide();
    const QImage image = grab().toImage();
    QImageWriter writer(path, "png");
    if (image.isNull() || !writer.write(image)) {
        if (error)
            *error = image.isNull() ? tr("The chart could not be rendered.") : writer.errorString();
        return false;
    }
    return true;
}

void SeriesChartView::setAutoRefresh(std::chrono::milliseconds interval)
{
    m_refreshInterval = std::max(interval, std::chrono::milliseconds(0));
    m_refresh.stop();
    updateRefreshTimer();
}

bool SeriesChartView::isAutoRefreshPaused() const
{
    return m_refreshInterval.count() > 0 && (m_zoomed || m_panning);
}

void SeriesChartView::updateRefreshTimer()
{
    if (m_refreshInterval.count() > 0 && !m_zoomed && !m_panning) {
        if (!m_refresh.isActive())
            m_refresh.start(m_refreshInterval);
    } else {
        m_refresh.stop();
    }
}

void SeriesChartView::mousePressEvent(QMouseEvent *event)
{
    const bool panButton = event->button() == Qt::MiddleButton
            || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier));
    if (panButton && !m_series.isEmpty()) {
        m_panning = true;
        m_panStart = event->position().toPoint();
        m_panRange = m_visible;
        m_hover->hide();
        updateRefreshTimer();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void SeriesChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const qreal plotWidth = m_chart->plotArea().width();
        if (plotWidth > 0) {
            const double fraction = (event->position().x() - m_panStart.x()) / plotWidth;
            const Wide span = Wide(m_panRange.second) - m_panRange.first;
            const Wide shift = -Wide(std::llround(double(span) * fraction));
            applyRange(saturate(m_panRange.first + shift), saturate(m_panRange.second + shift));
        }
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
    const auto *band = findChild<QRubberBand *>();
    if (band && band->isVisible())
        m_hover->hide();
    else
        m_hover->update(event->position().toPoint());
}

void SeriesChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        viewport()->unsetCursor();
        updateRefreshTimer();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        // QChartView's own zoom-out ignores where the data ends.
        zoomOut();
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        // A click (or the first click of a double-click) is no zoom.
        auto *band = findChild<QRubberBand *>();
        if (band && band->isVisible() && band->width() < 4) {
            band->hide();
            event->accept();
            return;
        }
    }
    QChartView::mouseReleaseEvent(event);
}

void SeriesChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        resetZoom();
        event->accept();
        return;
    }
    QChartView::mouseDoubleClickEvent(event);
}

void SeriesChartView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0 || m_series.isEmpty()) {
        QChartView::wheelEvent(event);
        return;
    }
    const QRectF plot = m_chart->plotArea();
    const QPointF at = m_chart->mapFromScene(mapToScene(event->position().toPoint()));
    const double fraction =
            plot.width() > 0 ? std::clamp((at.x() - plot.left()) / plot.width(), 0.0, 1.0) : 0.5;
    const Wide span = Wide(m_visible.second) - m_visible.first;
    const qint64 anchor = saturate(m_visible.first + Wide(std::llround(double(span) * fraction)));
    zoomAround(anchor, std::pow(0.8, delta / 120.0));
    event->accept();
}

void SeriesChartView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        panByFraction(-0.1);
        break;
    case Qt::Key_Right:
        panByFraction(0.1);
        break;
    case Qt::Key_Up:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Down:
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Home:
        resetZoom();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void SeriesChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event); // lays the chart out at the new size
    // Reduced for the new width before the paint that follows, not after it: a view shown for
    // the first time (a background tab brought to the front) paints once, with the right data.
    if (decimationWidth() != m_lastWidth)
        redecimate();
}

void SeriesChartView::leaveEvent(QEvent *event)
{
    m_hover->hide();
    QChartView::leaveEvent(event);
}

} // namespace Explorer
