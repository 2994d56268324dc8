// SPDX-License-Identifier: MIT
#include "charts/charthover.h"

#include "charts/serieschartview.h"

#include <QtCharts/QCategoryAxis>
#include <QtCharts/QLineSeries>
#include <QtCharts/QValueAxis>
#include <QtWidgets/QGraphicsEllipseItem>
#include <QtWidgets/QLabel>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

// Points examined per mouse move over all lines; beyond that the window is sampled.
constexpr qsizetype Budget = 200'000;

QString valueText(double value, bool integer)
{
    // Integers up to 2^53 are exact as doubles: print them without exponent or fraction.
    if (integer && std::abs(value) <= 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

ChartHover::ChartHover(SeriesChartView *view)
    : m_view(view), m_label(new QLabel(view->viewport())), m_dot(new QGraphicsEllipseItem)
{
    m_label->setObjectName(u"hoverReadout"_s);
    m_label->setAutoFillBackground(true);
    m_label->setFrameShape(QFrame::StyledPanel);
    m_label->setMargin(4);
    m_label->setTextInteractionFlags(Qt::NoTextInteraction);
    m_label->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_label->hide();
    m_dot->setRect(-4, -4, 8, 8);
    m_dot->setZValue(1000);
    m_dot->hide();
    view->scene()->addItem(m_dot); // the scene owns it
}

void ChartHover::hide()
{
    m_text.clear();
    m_label->hide();
    m_dot->hide();
}

void ChartHover::update(const QPoint &viewportPos)
{
    const SeriesChartView *v = m_view;
    QChart *chart = v->m_chart;
    const QRectF plot = chart->plotArea();
    const QPointF cursor = chart->mapFromScene(v->mapToScene(viewportPos));
    const ChartAxes &axes = v->m_axes;
    const double xMin = axes.timeAxis()->min(), xMax = axes.timeAxis()->max();
    const double yMin = axes.valueAxis()->min(), yMax = axes.valueAxis()->max();
    if (v->m_series.isEmpty() || !plot.contains(cursor) || xMax <= xMin || yMax <= yMin) {
        hide();
        return;
    }
    const auto toPixel = [&](qint64 t, double value) {
        return QPointF(plot.left() + (axes.xOf(t) - xMin) / (xMax - xMin) * plot.width(),
                       plot.bottom() - (value - yMin) / (yMax - yMin) * plot.height());
    };
    const double nsPerPixel = (xMax - xMin) * 1e6 / plot.width();
    const qint64 cursorNs =
            axes.nsOf(xMin + (cursor.x() - plot.left()) / plot.width() * (xMax - xMin));
    const double reach = std::min(MaxDistance * nsPerPixel, 9e18);
    const qint64 fromNs = qint64(std::max(double(cursorNs) - reach, -9.2e18));
    const qint64 toNs = qint64(std::min(double(cursorNs) + reach, 9.2e18));

    int bestLine = -1;
    qsizetype bestIndex = -1;
    double bestDistance = MaxDistance * MaxDistance;
    QPointF bestPixel;
    const qsizetype perLine = std::max<qsizetype>(1000, Budget / v->lineCount());
    for (int line = 0; line < v->lineCount(); ++line) {
        if (!v->isLineVisible(line))
            continue;
        const ChartData::Line &data = v->m_data.line(line);
        const std::span<const qint64> times = data.timeSpan();
        const std::span<const double> values = data.valueSpan();
        const auto lo = std::lower_bound(times.begin(), times.end(), fromNs) - times.begin();
        const auto hi = std::upper_bound(times.begin() + lo, times.end(), toNs) - times.begin();
        const qsizetype step = std::max<qsizetype>(1, (hi - lo) / perLine);
        for (qsizetype i = lo; i < hi; i += step) {
            if (std::isnan(values[size_t(i)]))
                continue;
            const QPointF pixel = toPixel(times[size_t(i)], values[size_t(i)]);
            const double dx = pixel.x() - cursor.x(), dy = pixel.y() - cursor.y();
            if (dx * dx + dy * dy < bestDistance) {
                bestDistance = dx * dx + dy * dy;
                bestLine = line;
                bestIndex = i;
                bestPixel = pixel;
            }
        }
    }
    if (bestLine < 0) {
        hide();
        return;
    }

    const ChartData::Line &data = v->m_data.line(bestLine);
    const qint64 t = data.timeSpan()[size_t(bestIndex)];
    m_text = data.name + u'\n' + v->m_preferences.formatTime(Influx::Timestamp::fromNanoseconds(t))
            + u'\n' + valueText(data.valueSpan()[size_t(bestIndex)], data.integerField);
    m_label->setText(m_text);
    m_label->adjustSize();
    // Beside the cursor, flipped to the other side near the viewport's right/bottom edge.
    QPoint at = viewportPos + QPoint(14, 14);
    const QSize area = m_view->viewport()->size();
    if (at.x() + m_label->width() > area.width())
        at.setX(viewportPos.x() - 14 - m_label->width());
    if (at.y() + m_label->height() > area.height())
        at.setY(viewportPos.y() - 14 - m_label->height());
    m_label->move(at);
    m_label->show();
    m_label->raise();

    const QColor color = v->m_series.at(bestLine)->color();
    m_dot->setBrush(color);
    m_dot->setPen(QPen(color.darker(), 1));
    m_dot->setPos(chart->mapToScene(bestPixel));
    m_dot->show();
}

} // namespace Explorer
