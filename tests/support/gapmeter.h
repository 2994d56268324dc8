// SPDX-License-Identifier: MIT
#ifndef TESTSUPPORT_GAPMETER_H
#define TESTSUPPORT_GAPMETER_H

#include <QtCore/QElapsedTimer>
#include <QtCore/QTimer>

namespace TestSupport {

// The largest gap between the ticks of a 10 ms timer on the GUI thread: how long the window
// could not have answered the user.
class GapMeter
{
public:
    GapMeter();
    void start();
    bool isRunning() const { return m_timer.isActive(); }
    // Stops measuring and returns the largest gap in ms; the time since the last tick counts
    // as a gap as well.
    qint64 stop();

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_largest = 0;
};

} // namespace TestSupport

#endif // TESTSUPPORT_GAPMETER_H
