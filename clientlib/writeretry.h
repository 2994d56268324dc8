// SPDX-License-Identifier: MIT
#ifndef INFLUX_WRITERETRY_H
#define INFLUX_WRITERETRY_H

#include "clientoptions.h"
#include "error.h"

#include <QtCore/QObject>
#include <QtCore/QTimer>

#include <functional>
#include <memory>

namespace Influx {

// Bytes of write bodies that wait for a retry, across one client: the bounded retry queue.
// Shared with the replies, which may outlive the client's private data while it is destroyed.
struct RetryQueue
{
    qint64 queuedBytes = 0;
    qint64 queuedWrites = 0;
};

// Sends a failed write again as its RetryPolicy says (see RetryPolicy). Internal: owned by the
// WriteReply it serves, which asks it whether to defer each failure.
class WriteRetry : public QObject
{
    Q_OBJECT
public:
    // Sends the write again; lastError is why the previous attempt failed.
    using Resend = std::function<void(const Error &lastError)>;

    WriteRetry(const RetryPolicy &policy, qint64 bodyBytes, std::shared_ptr<RetryQueue> queue,
               Resend resend, QObject *parent);
    ~WriteRetry() override;

    // Called with each failure of the current attempt. Returns true when a retry is scheduled
    // (the reply goes on), false when the failure is final.
    bool retryAfter(const Error &error);
    // Amends a final error with what retrying did ("gave up after 4 attempts", queue full).
    void explain(Error &error) const;
    int attempts() const { return m_attempts; }
    bool isWaiting() const { return m_timer.isActive(); }

Q_SIGNALS:
    // A retry is scheduled: attempt (2 = the first retry) starts in delayMs.
    void retrying(int attempt, const Influx::Error &error, int delayMs);

private:
    void release();

    RetryPolicy m_policy;
    qint64 m_bodyBytes;
    std::shared_ptr<RetryQueue> m_queue;
    Resend m_resend;
    QTimer m_timer;
    Error m_lastError;
    int m_attempts = 1;
    bool m_queued = false;
    bool m_queueWasFull = false;
    qint64 m_queuedWhenRefused = 0;
};

} // namespace Influx

#endif // INFLUX_WRITERETRY_H
