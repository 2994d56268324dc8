// SPDX-License-Identifier: MIT
#include "gapmeter.h"

namespace TestSupport {

GapMeter::GapMeter()
{
    m_timer.setInterval(10);
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer,
                     [this] { m_largest = std::max(m_largest, m_clock.restart()); });
}

void GapMeter::start()
{
    m_largest = 0;
    m_clock.start();
    m_timer.start();
}

qint64 GapMeter::stop()
{
    if (m_timer.isActive())
        m_largest = std::max(m_largest, m_clock.elapsed());
    m_timer.stop();
    return m_largest;
}

} // namespace TestSupport
