// SPDX-License-Identifier: MIT
#ifndef EXPLORER_SERIESCHARTVIEW_H
#define EXPLORER_SERIESCHARTVIEW_H

#include "charts/chartaxes.h"
#include "charts/chartdata.h"
#include "settings/preferences.h"

#include <QtCharts/QChartView>
#include <QtCore/QSet>
#include <QtCore/QTimer>

#include <chrono>
#include <memory>

QT_BEGIN_NAMESPACE
class QLineSeries;
QT_END_NAMESPACE

namespace Explorer {

class ChartHover;
class ChartLinesItem;

// A line chart of ChartData over a time axis. Each line has a QLineSeries for its legend entry,
// colour and axes, but no points: ChartLinesItem draws the reduced lines (see there why).
//
// Only what can be seen is drawn: whenever the visible time range or the plot's width changes
// (zoom, pan, resize) every line is reduced again from its full data with the Decimator (at
// most 4 points per pixel column, pixel-identical to drawing all points), so a million points
// draw as a few thousand and zooming in shows every point again. A new size is reduced for when
// the view gets it (resizeEvent), before the paint that shows it: a chart shown for the first
// time from a background tab paints once. Lines are 1 px wide (cheap to paint; see LineWidth).
//
// The time axis puts its ticks at round times and labels them in the Preferences' time zone;
// the value axis fits the visible data of the visible lines (ChartAxes).
//
// Interaction: rubber-band zoom along the time axis (left drag; y follows the visible data),
// wheel zoom around the cursor, pan with the middle button or Shift+left drag, arrow keys
// (Left/Right pan, Up/Down or +/- zoom, Home resets), double-click or resetZoom() shows
// everything again, right click zooms out. Clicking a legend entry hides/shows its line (the
// choice is kept across setData() by line name). Hovering shows the nearest point's series,
// exact time and value.
//
// At most MaxLines lines are drawn (the first ones); omittedLineCount() tells how many not.
// Auto-refresh: refreshRequested() is emitted every interval while the view shows the full
// range; zooming or panning pauses it until resetZoom() (or new data).
//
// The view owns its chart, series and axes; setData() keeps a ChartData copy (its arrays are
// shared, not copied).
class SeriesChartView : public QChartView
{
    Q_OBJECT
public:
    static constexpr int MaxLines = 100;

    explicit SeriesChartView(QWidget *parent = nullptr);
    ~SeriesChartView() override;

    // Replaces the lines and shows their full time range.
    void setData(const ChartData &data);
    // The same lines with more points, maybe more lines after them (a streaming result): the
    // full range follows the data, a zoomed view keeps its range, the lines their QLineSeries.
    // Anything else is a setData() that keeps the zoom.
    void updateData(const ChartData &data);
    void setData(const Influx::QueryResult &result, std::optional<Influx::Precision> epoch = {});
    const ChartData &data() const { return m_data; }
    void clear();

    void setPreferences(const Preferences &preferences);
    Preferences preferences() const { return m_preferences; }

    int lineCount() const { return int(m_series.size()); }
    int omittedLineCount() const { return int(m_data.lineCount()) - lineCount(); }
    QStringList lineNames() const;
    qsizetype fullPointCount(int line) const; // the line's non-null values
    qsizetype drawnPointCount(int line) const; // points of the reduced line
    qsizetype drawnPointCount() const; // over all lines
    // The reduced line as drawn: x in ms since the time axis' origin, y the value.
    QList<QPointF> drawnPoints(int line) const;
    // The line's legend entry, name and colour (it holds no points).
    QLineSeries *lineSeries(int line) const;
    ChartLinesItem *linesItem() const { return m_lines; }
    bool isLineVisible(int line) const;
    void setLineVisible(int line, bool visible);

    QPair<qint64, qint64> visibleRangeNs() const { return m_visible; }
    QPair<qint64, qint64> fullRangeNs() const { return m_full; }
    // True while the visible range is not the full range (zoomed or panned).
    bool isZoomed() const { return m_zoomed; }
    // Clamped to the full range; at least MinSpanNs wide.
    void zoomToRangeNs(qint64 fromNs, qint64 toNs);
    // Pixel columns the lines are reduced to (the plot's width in device pixels).
    int decimationWidth() const;
    // The decimationWidth() the drawn points were last reduced for.
    int reducedWidth() const { return m_lastWidth; }

    // The hover read-out ("line\ntime\nvalue"), empty when nothing is hovered.
    QString hoverText() const;
    // The chart as shown, at the view's size (device pixels).
    bool exportPng(const QString &path, QString *error = nullptr);

    // 0 switches auto-refresh off.
    void setAutoRefresh(std::chrono::milliseconds interval);
    std::chrono::milliseconds autoRefreshInterval() const { return m_refreshInterval; }
    bool isAutoRefreshPaused() const;

    static constexpr qint64 MinSpanNs = 10;

public Q_SLOTS:
    void resetZoom();
    void zoomIn(); // halves the visible span around its centre
    void zoomOut();

Q_SIGNALS:
    // Auto-refresh is due: re-run the query and call setData() with the new result.
    void refreshRequested();
    void visibleRangeChanged(qint64 fromNs, qint64 toNs);
    void zoomedChanged(bool zoomed);
    void lineVisibilityChanged(int line, bool visible);
    // The drawn points were recomputed (after a range or width change, or new data).
    void redecimated();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class ChartHover;
    void applyRange(qint64 fromNs, qint64 toNs);
    void setZoomed(bool zoomed);
    void redecimate();
    void updateTimeAxis();
    void syncFromAxis();
    void updateRefreshTimer();
    static QPair<qint64, qint64> fullRangeOf(const ChartData &data);
    void addLineSeries(); // for the lines of m_data that have none yet (up to MaxLines)
    void setupLegendMarkers(int first);
    void updateMarker(int line);
    // Moves the visible range so that `anchorNs` stays put and the span scales by `factor`.
    void zoomAround(qint64 anchorNs, double factor);
    void panByFraction(double fraction);

    QChart *m_chart;
    ChartAxes m_axes;
    ChartLinesItem *m_lines; // owned by the chart
    QList<QLineSeries *> m_series;
    ChartData m_data;
    Preferences m_preferences;
    QSet<QString> m_hiddenNames;

    QPair<qint64, qint64> m_full {0, 0};
    QPair<qint64, qint64> m_visible {0, 0};
    bool m_zoomed = false;
    bool m_axisMoved = false; // QChart changed the time axis (rubber band)
    int m_lastWidth = 0;
    QTimer m_sync; // coalesces range and size changes made by QChart itself

    bool m_panning = false;
    QPoint m_panStart;
    QPair<qint64, qint64> m_panRange;

    std::chrono::milliseconds m_refreshInterval {0};
    QTimer m_refresh;

    std::unique_ptr<ChartHover> m_hover;
};

} // namespace Explorer

#endif // EXPLORER_SERIESCHARTVIEW_H
