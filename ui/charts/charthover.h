// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CHARTHOVER_H
#define EXPLORER_CHARTHOVER_H

#include <QtCore/QPoint>
#include <QtCore/QString>

QT_BEGIN_NAMESPACE
class QGraphicsEllipseItem;
class QLabel;
QT_END_NAMESPACE

namespace Explorer {

class SeriesChartView;

// The hover read-out of a SeriesChartView: finds the point nearest to the cursor (in pixels)
// among the visible lines' full data — not only the drawn points — and shows its line name,
// exact time (Preferences::formatTime) and value in a label beside the cursor, with a dot on
// the point. Nothing is shown when no point lies within MaxDistance pixels.
//
// Owned by the view; the label is a child of the viewport, the dot an item of the scene.
class ChartHover
{
public:
    static constexpr double MaxDistance = 32;

    explicit ChartHover(SeriesChartView *view);

    // viewportPos in viewport coordinates.
    void update(const QPoint &viewportPos);
    void hide();
    QString text() const { return m_text; }

private:
    SeriesChartView *m_view;
    QLabel *m_label;
    QGraphicsEllipseItem *m_dot;
    QString m_text;
};

} // namespace Explorer

#endif // EXPLORER_CHARTHOVER_H
