// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CHARTLINESITEM_H
#define EXPLORER_CHARTLINESITEM_H

#include <QtCore/QList>
#include <QtCore/QPointF>
#include <QtGui/QColor>
#include <QtWidgets/QGraphicsItem>

QT_BEGIN_NAMESPACE
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace Explorer {

// Draws the reduced lines of a SeriesChartView in the chart's plot area, in place of QtCharts'
// own line items.
//
// Why: a QLineSeries recomputes a stroked outline of its whole line (QPainterPathStroker, for
// QtCharts' hit testing) whenever its points or an axis change. For three lines reduced from 1M
// points that is 7-64 ms of the GUI thread per update, more than painting them; the view's hit
// testing is ChartHover's, on the full data, so the outline is never needed. This item keeps the
// points in axis coordinates and maps them to pixels when it paints, so a new range, new points
// or a resize cost nothing until the paint.
//
// The lines' QLineSeries stay in the chart, empty, for the legend, the theme's colours and the
// axes; the view copies their colour and visibility here.
//
// Lines are clipped to the plot area. Only the first and the last point of a reduced line lie
// outside it (the Decimator's edge points): their segments are cut at the plot's border before
// drawing, so a zoom far into the data never hands the raster engine coordinates millions of
// pixels away. A line of a single point is drawn as a dot.
//
// A child of the chart (the chart owns it); reads the axes' ranges when it paints.
class ChartLinesItem : public QGraphicsItem
{
public:
    // QtCharts' z value for series (ChartPresenter::SeriesZValue): above the grid and the axes,
    // below the legend.
    static constexpr qreal SeriesZValue = 4;

    ChartLinesItem(QChart *chart, const QValueAxis *xAxis, const QValueAxis *yAxis);

    void setLineCount(int count); // new lines are empty, visible and black
    int lineCount() const { return int(m_lines.size()); }
    // Points in axis coordinates (x as the time axis counts, y the value).
    void setPoints(int line, QList<QPointF> points);
    const QList<QPointF> &points(int line) const { return m_lines.at(line).points; }
    void setColor(int line, const QColor &color);
    void setLineVisible(int line, bool visible);
    void setLineWidth(qreal width);

    // The chart's plotArea(), in chart coordinates.
    void setPlotArea(const QRectF &plotArea);
    QRectF plotArea() const { return m_plot; }

    // Where a point in axis coordinates is drawn (chart coordinates), for the axes' current range.
    QPointF pixelOf(const QPointF &value) const;

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget = nullptr) override;

    // Cuts the segment a-b to `rect` (Liang-Barsky); false when no part of it lies inside.
    static bool clipSegment(QPointF &a, QPointF &b, const QRectF &rect);

private:
    struct Line
    {
        QList<QPointF> points;
        QColor color = Qt::black;
        bool visible = true;
    };

    const QValueAxis *m_x;
    const QValueAxis *m_y;
    QList<Line> m_lines;
    QRectF m_plot;
    qreal m_width = 1.0;
    QList<QPointF> m_pixels; // reused by paint()
};

} // namespace Explorer

#endif // EXPLORER_CHARTLINESITEM_H
