// SPDX-License-Identifier: MIT
#include "charts/chartlinesitem.h"

#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <QtGui/QPainter>

#include <algorithm>
#include <cmath>

namespace Explorer {

namespace {

// Segments are cut a little outside the plot, so that a line along its border keeps its
// antialiased edge; the painter's clip does the exact cut.
constexpr qreal ClipMargin = 2;
constexpr qreal DotRadius = 2;

bool isFinite(const QPointF &p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y());
}

} // namespace

ChartLinesItem::ChartLinesItem(QChart *chart, const QValueAxis *xAxis, const QValueAxis *yAxis)
    : QGraphicsItem(chart), m_x(xAxis), m_y(yAxis)
{
    setZValue(SeriesZValue);
    setFlag(QGraphicsItem::ItemHasNoContents, false);
    setAcceptedMouseButtons(Qt::NoButton); // the view handles zoom, pan and hover
}

void ChartLinesItem::setLineCount(int count)
{
    m_lines.resize(std::max(count, 0));
    update();
}

void ChartLinesItem::setPoints(int line, QList<QPointF> points)
{
    m_lines[line].points = std::move(points);
    update();
}

void ChartLinesItem::setColor(int line, const QColor &color)
{
    m_lines[line].color = color;
    update();
}

void ChartLinesItem::setLineVisible(int line, bool visible)
{
    m_lines[line].visible = visible;
    update();
}

void ChartLinesItem::setLineWidth(qreal width)
{
    m_width = width;
    update();
}

void ChartLinesItem::setPlotArea(const QRectF &plotArea)
{
    if (plotArea == m_plot)
        return;
    prepareGeometryChange();
    m_plot = plotArea;
    update();
}

QRectF ChartLinesItem::boundingRect() const
{
    return m_plot.adjusted(-ClipMargin, -ClipMargin, ClipMargin, ClipMargin);
}

QPointF ChartLinesItem::pixelOf(const QPointF &value) const
{
    const double xSpan = m_x->max() - m_x->min(), ySpan = m_y->max() - m_y->min();
    if (xSpan <= 0 || ySpan <= 0)
        return {};
    return {m_plot.left() + (value.x() - m_x->min()) / xSpan * m_plot.width(),
            m_plot.bottom() - (value.y() - m_y->min()) / ySpan * m_plot.height()};
}

bool ChartLinesItem::clipSegment(QPointF &a, QPointF &b, const QRectF &rect)
{
    const QPointF start = a;
    const QPointF d = b - a;
    const double p[4] = {-d.x(), d.x(), -d.y(), d.y()};
    const double q[4] = {a.x() - rect.left(), rect.right() - a.x(), a.y() - rect.top(),
                         rect.bottom() - a.y()};
    double t0 = 0, t1 = 1;
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return false; // parallel to this border and outside it
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1)
            return false;
    }
    a = start + t0 * d;
    b = start + t1 * d;
    return true;
}

void ChartLinesItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const double xMin = m_x->min(), yMin = m_y->min();
    const double xSpan = m_x->max() - xMin, ySpan = m_y->max() - yMin;
    if (m_plot.isEmpty() || !(xSpan > 0) || !(ySpan > 0))
        return;
    const double sx = m_plot.width() / xSpan, sy = m_plot.height() / ySpan;
    const double left = m_plot.left(), bottom = m_plot.bottom();
    const QRectF cut = boundingRect();

    painter->save();
    painter->setClipRect(m_plot);
    for (const Line &line : std::as_const(m_lines)) {
        const qsizetype n = line.points.size();
        if (!line.visible || n == 0)
            continue;
        m_pixels.resize(n);
        QPointF *px = m_pixels.data();
        const QPointF *points = line.points.constData();
        for (qsizetype i = 0; i < n; ++i)
            px[i] = QPointF(left + (points[i].x() - xMin) * sx,
                            bottom - (points[i].y() - yMin) * sy);

        if (n == 1) {
            if (cut.contains(px[0])) {
                painter->setPen(Qt::NoPen);
                painter->setBrush(line.color);
                painter->drawEllipse(px[0], DotRadius, DotRadius);
            }
            continue;
        }
        // The Decimator's edge points: cut their segments at the plot's border.
        qsizetype begin = 0, end = n;
        if (!cut.contains(px[0]) || !isFinite(px[0])) {
            QPointF a = px[0], b = px[1];
            if (isFinite(a) && isFinite(b) && clipSegment(a, b, cut))
                px[0] = a;
            else
                begin = 1;
        }
        if (!cut.contains(px[n - 1]) || !isFinite(px[n - 1])) {
            QPointF a = px[n - 2], b = px[n - 1];
            if (begin < n - 1 && isFinite(a) && isFinite(b) && clipSegment(a, b, cut))
                px[n - 1] = b;
            else
                end = n - 1;
        }
        if (end - begin < 2)
            continue;
        QPen pen(line.color, m_width);
        pen.setCapStyle(Qt::SquareCap);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPolyline(px + begin, int(end - begin));
    }
    painter->restore();
}

} // namespace Explorer
