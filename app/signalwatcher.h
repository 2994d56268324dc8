// SPDX-License-Identifier: MIT
#ifndef EXPLORER_SIGNALWATCHER_H
#define EXPLORER_SIGNALWATCHER_H

#include <QtCore/QSocketNotifier>

#include <csignal>
#include <functional>
#include <memory>

namespace Explorer {

// Turns SIGINT and SIGTERM into a callback on the event loop (the self-pipe pattern), so that a
// demo server is stopped and its directory removed instead of the process dying with influxd
// still running. One instance at a time; the previous handlers come back when it goes.
class SignalWatcher
{
public:
    explicit SignalWatcher(std::function<void()> callback);
    ~SignalWatcher();
    SignalWatcher(const SignalWatcher &) = delete;
    SignalWatcher &operator=(const SignalWatcher &) = delete;

private:
    static void handle(int);
    static inline int s_fds[2] = {-1, -1};
    std::function<void()> m_callback;
    std::unique_ptr<QSocketNotifier> m_notifier;
    struct sigaction m_oldInt
    { };
    struct sigaction m_oldTerm
    { };
    bool m_installed = false;
};

} // namespace Explorer

#endif // EXPLORER_SIGNALWATCHER_H
