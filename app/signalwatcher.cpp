// SPDX-License-Identifier: MIT
#include "signalwatcher.h"

#include <sys/socket.h>
#include <unistd.h>

namespace Explorer {

SignalWatcher::SignalWatcher(std::function<void()> callback) : m_callback(std::move(callback))
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, s_fds) != 0)
        return;
    m_notifier = std::make_unique<QSocketNotifier>(qintptr(s_fds[0]), QSocketNotifier::Read);
    QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [this] {
        char byte;
        if (::read(s_fds[0], &byte, 1) == 1)
            m_callback();
    });
    struct sigaction action
    { };
    action.sa_handler = &SignalWatcher::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &m_oldInt);
    ::sigaction(SIGTERM, &action, &m_oldTerm);
    m_installed = true;
}

SignalWatcher::~SignalWatcher()
{
    if (m_installed) {
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
    }
    m_notifier.reset();
    if (s_fds[0] >= 0) {
        ::close(s_fds[0]);
        ::close(s_fds[1]);
        s_fds[0] = s_fds[1] = -1;
    }
}

void SignalWatcher::handle(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(s_fds[1], &byte, 1);
}

} // namespace Explorer
