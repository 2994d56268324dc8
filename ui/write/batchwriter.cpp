// SPDX-License-Identifier: MIT
#include "batchwriter.h"

#include "write/lineprotocolchecker.h"
#include "write/partialwriteresolver.h"

#include <client.h>

#include <QtCore/QRegularExpression>

using namespace Qt::StringLiterals;
using Outcome = Explorer::BatchWriteReport::Outcome;

namespace Explorer {

namespace {

const QString ParseMarker = u"unable to parse '"_s;

// The server's reason for one unparsable line: "unable to parse '<line>': <reason>", one per
// line of the message, the last one followed by " dropped=N" in a partial write.
QString serverReason(const QString &message, const QString &line)
{
    const QString prefix = ParseMarker + line + u"': "_s;
    const qsizetype at = message.indexOf(prefix);
    if (at < 0)
        return message;
    const qsizetype start = at + prefix.size();
    qsizetype end = message.indexOf(u'\n', start);
    QString reason = message.mid(start, end < 0 ? -1 : end - start);
    static const QRegularExpression dropped(u" dropped=\\d+$"_s);
    reason.remove(dropped);
    return reason;
}

} // namespace

BatchWriter::BatchWriter(Influx::Client *client, QObject *parent)
    : QObject(parent), m_client(client)
{ }

BatchWriter::~BatchWriter()
{
    for (Batch *batch : std::as_const(m_batches)) {
        if (batch->reply) {
            batch->reply->disconnect(this);
            batch->reply->abort();
            batch->reply->deleteLater();
        }
        delete batch->resolver;
        delete batch;
    }
}

void BatchWriter::setBatchSize(int lines)
{
    m_batchSize = std::max(1, lines);
}

bool BatchWriter::start(const QString &text, const Influx::WriteOptions &options,
                        const QMap<qsizetype, QString> &skip)
{
    if (m_running)
        return false;
    m_report = BatchWriteReport();
    m_lines.clear();
    m_options = options;
    m_database = options.database.value_or(m_client->options().database);
    const QList<QStringView> lines = LineProtocolChecker::splitLines(text);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (LineProtocolChecker::kindOf(lines[i]) != LineProtocolChecker::LineKind::Data)
            continue;
        const qsizetype number = i + 1;
        if (const auto it = skip.constFind(number); it != skip.cend())
            m_report.notWritten.append({number, Outcome::Skipped, it.value()});
        else
            m_lines.append({number, lines[i].toString()});
    }
    m_report.totalLines = m_lines.size();
    m_next = 0;
    m_done = 0;
    m_running = true;
    m_stopping = false;
    // From the event loop: finished() must not come from inside start().
    QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT progress(0, m_lines.size());
                sendMore();
            },
            Qt::QueuedConnection);
    return true;
}

void BatchWriter::cancel()
{
    if (!m_running || m_report.cancelled)
        return;
    m_report.cancelled = true;
    m_stopping = true;
    markLines(m_next, m_lines.size() - m_next, Outcome::NotSent,
              tr("not sent: the write was cancelled"));
    m_next = m_lines.size();
    // Reply::abort() emits finished() at once: a batch may complete (and be deleted) inside
    // this loop, and finished() must still wait for the event loop.
    m_cancelling = true;
    const QList<Batch *> batches = m_batches;
    for (Batch *batch : batches) {
        if (!m_batches.contains(batch))
            continue;
        if (batch->reply)
            batch->reply->abort();
        else if (batch->resolver)
            batch->resolver->abort();
    }
    m_cancelling = false;
    QMetaObject::invokeMethod(this, &BatchWriter::finishIfDone, Qt::QueuedConnection);
}

void BatchWriter::sendMore()
{
    while (!m_stopping && m_batches.size() < MaxInFlight && m_next < m_lines.size()) {
        auto *batch = new Batch;
        batch->first = m_next;
        batch->count = std::min<qsizetype>(m_batchSize, m_lines.size() - m_next);
        QByteArray body;
        for (qsizetype i = batch->first; i < batch->first + batch->count; ++i) {
            if (i > batch->first)
                body.append('\n');
            body.append(m_lines[i].text.toUtf8());
        }
        m_next += batch->count;
        ++m_report.batchesSent;
        Influx::WriteReply *reply = m_client->writeLines(body, m_options);
        batch->reply = reply;
        m_batches.append(batch);
        connect(reply, &Influx::Reply::finished, this, [this, reply] { onBatchFinished(reply); });
        connect(reply, &Influx::WriteReply::retrying, this,
                [this, first = m_lines[batch->first].number,
                 last = m_lines[batch->first + batch->count - 1].number](
                        int attempt, const Influx::Error &error, int delayMs) {
                    ++m_report.retries;
                    Q_EMIT retrying(first, last, attempt, error.toString(), delayMs);
                });
    }
    if (m_stopping && m_next < m_lines.size()) {
        markLines(m_next, m_lines.size() - m_next, Outcome::NotSent,
                  tr("not sent: an earlier batch failed: %1").arg(m_report.stopReason));
        m_next = m_lines.size();
    }
    finishIfDone();
}

void BatchWriter::onBatchFinished(Influx::WriteReply *reply)
{
    reply->deleteLater();
    const auto it = std::find_if(m_batches.begin(), m_batches.end(),
                                 [reply](const Batch *b) { return b->reply == reply; });
    if (it == m_batches.end())
        return;
    Batch &batch = **it;
    batch.reply = nullptr;
    if (reply->error())
        handleFailure(batch, reply);
    else
        completeBatch(batch, {});
}

void BatchWriter::handleFailure(Batch &batch, Influx::WriteReply *reply)
{
    const Influx::Error error = reply->error();
    QList<BatchWriteReport::Line> notWritten;
    const auto lineAt = [this, &batch](qsizetype index) -> const Line & {
        return m_lines[batch.first + index];
    };
    if (error.kind() == Influx::Error::Kind::Aborted && m_report.cancelled) {
        for (qsizetype i = 0; i < batch.count; ++i) {
            notWritten.append({lineAt(i).number, Outcome::Cancelled,
                               tr("cancelled while being sent: the server may have stored it")});
        }
        completeBatch(batch, notWritten);
        return;
    }

    const QString message = error.message();
    BatchWriteReport::Batch failure;
    failure.firstLine = lineAt(0).number;
    failure.lastLine = lineAt(batch.count - 1).number;
    failure.message = error.toString();
    failure.partial = message.startsWith(u"partial write"_s);
    failure.dropped = reply->droppedCount();
    m_report.droppedPoints += failure.dropped;

    QList<bool> named(batch.count, false);
    for (const qsizetype index : reply->failedLines()) {
        if (index < 0 || index >= batch.count)
            continue;
        named[index] = true;
        failure.namedLines.append(lineAt(index).number);
        notWritten.append({lineAt(index).number, Outcome::Rejected,
                           serverReason(message, lineAt(index).text)});
    }
    m_report.failedBatches.append(failure);

    const bool dataError = error.httpStatus() == 400;
    // Unparsable lines the reply could not match to the body (the server echoes them).
    const bool unmatched = message.count(ParseMarker) > failure.namedLines.size();
    if (!dataError || !failure.partial || unmatched) {
        Outcome outcome = Outcome::Failed;
        QString reason;
        if (!dataError) {
            // A timeout, or a connection lost after the batch went out, says nothing about the
            // server: it may have stored the batch.
            reason = error.kind() == Influx::Error::Kind::Timeout || error.isOutcomeUnknown()
                    ? tr("maybe not written: %1").arg(failure.message)
                    : tr("not written: %1").arg(failure.message);
            if (!m_stopping) {
                m_stopping = true;
                m_report.stopped = true;
                m_report.stopReason = failure.message;
            }
        } else if (!failure.partial) {
            reason =
                    tr("not written: the server rejected the whole batch: %1").arg(failure.message);
        } else {
            outcome = Outcome::MaybeDropped;
            reason = tr("maybe not written: the server rejected lines of this batch that "
                        "could not be matched: %1")
                             .arg(failure.message);
        }
        for (qsizetype i = 0; i < batch.count; ++i) {
            if (!named[i])
                notWritten.append({lineAt(i).number, outcome, reason});
        }
        completeBatch(batch, notWritten);
        return;
    }
    if (failure.dropped == 0) {
        completeBatch(batch, notWritten);
        return;
    }
    QList<PartialWriteResolver::Line> unnamed;
    for (qsizetype i = 0; i < batch.count; ++i) {
        if (!named[i])
            unnamed.append({lineAt(i).number, lineAt(i).text});
    }
    batch.resolver = new PartialWriteResolver(m_client, this);
    Batch *pointer = &batch;
    connect(batch.resolver, &PartialWriteResolver::resolved, this,
            [this, pointer, notWritten](const QList<BatchWriteReport::Line> &dropped) {
                completeBatch(*pointer, notWritten + dropped);
            });
    batch.resolver->start(unnamed, message, failure.dropped, m_database,
                          m_options.retentionPolicy.value_or(m_client->options().retentionPolicy),
                          m_options.precision.value_or(m_client->options().precision.value_or(
                                  Influx::Precision::Nanoseconds)));
}

void BatchWriter::completeBatch(Batch &batch, const QList<BatchWriteReport::Line> &notWritten)
{
    m_report.notWritten.append(notWritten);
    m_report.writtenLines += batch.count - notWritten.size();
    m_done += batch.count;
    if (batch.resolver)
        batch.resolver->deleteLater();
    m_batches.removeOne(&batch);
    delete &batch;
    Q_EMIT progress(m_done, m_lines.size());
    sendMore();
}

void BatchWriter::markLines(qsizetype first, qsizetype count, Outcome outcome,
                            const QString &reason)
{
    for (qsizetype i = first; i < first + count; ++i)
        m_report.notWritten.append({m_lines[i].number, outcome, reason});
}

void BatchWriter::finishIfDone()
{
    if (!m_running || m_cancelling || !m_batches.isEmpty() || m_next < m_lines.size())
        return;
    m_running = false;
    // Batches finish in any order; the report follows the text.
    std::sort(m_report.notWritten.begin(), m_report.notWritten.end(),
              [](const auto &a, const auto &b) { return a.line < b.line; });
    std::sort(m_report.failedBatches.begin(), m_report.failedBatches.end(),
              [](const auto &a, const auto &b) { return a.firstLine < b.firstLine; });
    Q_EMIT finished(m_report);
}

} // namespace Explorer
