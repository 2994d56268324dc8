// SPDX-License-Identifier: MIT
#include "charts/chartaxes.h"

#include "charts/timeticks.h"

#include <QtCharts/QCategoryAxis>
#include <QtCharts/QChart>
#include <QtCharts/QValueAxis>
#include <QtCore/QCoreApplication>
#include <QtCore/QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Explorer {

namespace {
__extension__ typedef __int128 Wide;
} // namespace

ChartAxes::ChartAxes(QChart *chart) : m_time(new QCategoryAxis), m_value(new QValueAxis)
{
    chart->addAxis(m_time, Qt::AlignBottom);
    chart->addAxis(m_value, Qt::AlignLeft);
    m_time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_time->setRange(0, 1);
    m_value->setRange(0, 1);
    setTimeZone(m_zone);
}

double ChartAxes::xOf(qint64 ns) const
{
    return double(Wide(ns) - m_origin) / 1e6;
}

qint64 ChartAxes::nsOf(double x) const
{
    const double offset = std::clamp(std::round(x * 1e6), -9.2e18, 9.2e18);
    return qint64(std::clamp<Wide>(Wide(m_origin) + qint64(offset),
                                   std::numeric_limits<qint64>::min(),
                                   std::numeric_limits<qint64>::max()));
}

void ChartAxes::setTimeZone(Preferences::TimeZone zone)
{
    m_zone = zone;
    m_time->setTitleText(
            zone == Preferences::TimeZone::Utc
                    ? QCoreApplication::translate("Explorer::ChartAxes", "Time (UTC)")
                    : QCoreApplication::translate("Explorer::ChartAxes", "Time (local)"));
}

void ChartAxes::setTimeRange(qint64 fromNs, qint64 toNs, int maxTicks, bool withTicks)
{
    m_updating = true;
    const double from = xOf(fromNs);
    const double to = from == xOf(toNs) ? from + 1 : xOf(toNs);
    m_time->setRange(from, to);
    for (const QString &label : m_time->categoriesLabels())
        m_time->remove(label);
    m_time->setStartValue(from);
    if (withTicks) {
        QSet<QString> used;
        for (const TimeTicks::Tick &tick : TimeTicks::compute(fromNs, toNs, maxTicks, m_zone)) {
            // QCategoryAxis needs unique labels; a repeated wall time (the hour the clocks go
            // back) gets an invisible suffix.
            QString label = tick.label;
            while (used.contains(label))
                label += QChar(0x200B);
            used.insert(label);
            m_time->append(label, xOf(tick.ns));
        }
    }
    m_updating = false;
}

void ChartAxes::setValueRange(double minValue, double maxValue)
{
    if (!std::isfinite(minValue) || !std::isfinite(maxValue)) {
        minValue = 0;
        maxValue = 1;
    } else if (minValue == maxValue) {
        const double pad = std::max(std::abs(minValue) * 0.1, 1.0);
        minValue -= pad;
        maxValue += pad;
    } else {
        const double pad = (maxValue - minValue) * 0.05;
        minValue -= pad;
        maxValue += pad;
    }
    // Ticks at a round step (1, 2, 2.5 or 5 × 10^n) of about a fifth of the range, the range
    // widened to whole steps: QValueAxis::applyNiceNumbers() often doubles the range.
    const double rough = (maxValue - minValue) / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double step = 10 * magnitude;
    for (const double multiple : {1.0, 2.0, 2.5, 5.0}) {
        if (rough <= multiple * magnitude) {
            step = multiple * magnitude;
            break;
        }
    }
    const double low = std::floor(minValue / step) * step;
    const double high = std::ceil(maxValue / step) * step;
    if (!std::isfinite(step) || step <= 0 || !std::isfinite(low) || !std::isfinite(high)) {
        m_value->setRange(minValue, maxValue);
        m_value->setTickCount(5);
        return;
    }
    m_value->setRange(low, high);
    m_value->setTickCount(int(std::lround((high - low) / step)) + 1);
}

} // namespace Explorer
