// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CHARTAXES_H
#define EXPLORER_CHARTAXES_H

#include "settings/preferences.h"

#include <QtCore/QtGlobal>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace Explorer {

// The two axes of a SeriesChartView.
//
// Time runs along x as milliseconds since an origin (the data's first time), so nanosecond
// detail survives double precision. The time axis is a QCategoryAxis whose categories end at
// round times (TimeTicks) labelled in the preferred time zone: QDateTimeAxis always labels in
// local time and at arbitrary fractions of the range. The value axis ticks at round steps.
//
// The axes are created in and owned by the chart.
class ChartAxes
{
public:
    explicit ChartAxes(QChart *chart);

    QCategoryAxis *timeAxis() const { return m_time; }
    QValueAxis *valueAxis() const { return m_value; }

    void setOrigin(qint64 originNs) { m_origin = originNs; }
    qint64 origin() const { return m_origin; }
    double xOf(qint64 ns) const; // ms since the origin
    qint64 nsOf(double x) const; // saturated to qint64

    // "Time (UTC)" or "Time (local)"; the labels follow at the next setTimeRange().
    void setTimeZone(Preferences::TimeZone zone);
    // At most maxTicks labelled ticks; none when withTicks is false (no data).
    void setTimeRange(qint64 fromNs, qint64 toNs, int maxTicks, bool withTicks = true);
    // Round steps of about a fifth of the range, [min, max] plus 5% margins inside.
    void setValueRange(double minValue, double maxValue);

    // True while setTimeRange() changes the time axis: its rangeChanged() is not the user's.
    bool isUpdating() const { return m_updating; }

private:
    QCategoryAxis *m_time;
    QValueAxis *m_value;
    qint64 m_origin = 0;
    Preferences::TimeZone m_zone = Preferences::TimeZone::Utc;
    bool m_updating = false;
};

} // namespace Explorer

#endif // EXPLORER_CHARTAXES_H
