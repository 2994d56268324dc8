// SPDX-License-Identifier: MIT
#include "writeretry.h"

#include <QtCore/QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Influx {

namespace {

QString sizeText(qint64 bytes)
{
    if (bytes < 1024 * 1024)
        return u"%1 KiB"_s.arg(double(bytes) / 1024, 0, 'f', 1);
    return u"%1 MiB"_s.arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
}

} // namespace

WriteRetry::WriteRetry(const RetryPolicy &policy, qint64 bodyBytes,
                       std::shared_ptr<RetryQueue> queue, Resend resend, QObject *parent)
    : QObject(parent),
      m_policy(policy),
      m_bodyBytes(bodyBytes),
      m_queue(std::move(queue)),
      m_resend(std::move(resend))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        release();
        ++m_attempts;
        m_resend(m_lastError);
    });
}

WriteRetry::~WriteRetry()
{
    release();
}

bool WriteRetry::retryAfter(const Error &error)
{
    m_timer.stop();
    release();
    if (m_attempts > m_policy.maxRetries || !RetryPolicy::isRetryable(error))
        return false;
    // The queue bound: a write that would take it past its limit fails now rather than holding
    // its body; there is always room for one, however large, so that a big batch can be retried.
    if (m_queue->queuedWrites > 0 && m_queue->queuedBytes + m_bodyBytes > m_policy.maxQueuedBytes) {
        m_queueWasFull = true;
        m_queuedWhenRefused = m_queue->queuedBytes;
        return false;
    }
    m_lastError = error;
    m_queue->queuedBytes += m_bodyBytes;
    ++m_queue->queuedWrites;
    m_queued = true;

    const std::chrono::milliseconds base = m_policy.delayBefore(m_attempts);
    const double spread = m_policy.jitter * (2 * QRandomGenerator::global()->generateDouble() - 1);
    qint64 delay = std::max<qint64>(1, qint64(double(base.count()) * (1 + spread)));
    // A server that says when to come back (Retry-After) is not asked sooner, nor later than
    // the policy's longest delay.
    if (error.retryAfter() > 0)
        delay = std::min<qint64>(std::max<qint64>(delay, qint64(error.retryAfter()) * 1000),
                                 m_policy.maxDelay.count());
    m_timer.start(std::chrono::milliseconds(delay));
    Q_EMIT retrying(m_attempts + 1, error, int(std::min<qint64>(delay, INT_MAX)));
    return true;
}

void WriteRetry::explain(Error &error) const
{
    QString note;
    if (m_queueWasFull)
        note = u"not retried: %1 of writes already wait for a retry, and the limit is %2"_s.arg(
                sizeText(m_queuedWhenRefused), sizeText(m_policy.maxQueuedBytes));
    else if (m_attempts > 1 && error.kind() != Error::Kind::Aborted)
        note = u"failed after %1 attempts"_s.arg(m_attempts);
    if (note.isEmpty())
        return;
    error.setDetail(error.detail().isEmpty() ? note : error.detail() + u"; "_s + note);
}

void WriteRetry::release()
{
    if (!m_queued)
        return;
    m_queued = false;
    m_queue->queuedBytes -= m_bodyBytes;
    --m_queue->queuedWrites;
}

} // namespace Influx
