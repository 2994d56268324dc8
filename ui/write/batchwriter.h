// SPDX-License-Identifier: MIT
#ifndef EXPLORER_BATCHWRITER_H
#define EXPLORER_BATCHWRITER_H

#include "write/batchwritereport.h"

#include <clientoptions.h>

#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace Influx {
class Client;
class WriteReply;
} // namespace Influx

namespace Explorer {

class PartialWriteResolver;

// Writes line-protocol text through the shared Influx::Client in batches (no widget).
//
// - Blank lines and comments are not sent; every line number it reports is the text's.
// - Batches of batchSize() data lines, at most two in flight.
// - A batch the server rejects as data (HTTP 400: unparsable lines, field type conflicts,
//   partial writes) is reported and the next batches go on. Any other failure (unreachable,
//   timeout, database not found, authentication, server error) stops sending: the later
//   lines are reported NotSent, because every batch would fail the same way.
// - Partial writes: lines the server named are Rejected; the points it dropped without
//   naming them are found by a PartialWriteResolver.
// - With a retry policy in the options, the client sends a batch again after network errors,
//   timeouts and 5xx (retrying() tells); a batch is reported failed only after its last attempt.
// - cancel() aborts the batches in flight (Cancelled: the server may have stored them) and
//   sends nothing more (NotSent).
// - finished() comes exactly once per start(), from the event loop, with the full report:
//   every line not written is listed, so that the caller can keep it for the user.
//
// Not owned: the Client (must outlive the writer).
class BatchWriter : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultBatchSize = 5000;
    static constexpr int MaxInFlight = 2;

    explicit BatchWriter(Influx::Client *client, QObject *parent = nullptr);
    ~BatchWriter() override;

    void setBatchSize(int lines); // at least 1
    int batchSize() const { return m_batchSize; }

    // Starts writing text with options (their precision is the timestamps'). skip: lines to
    // leave out (1-based line number → why), reported as Skipped. Returns false (and does
    // nothing) while a write is running.
    bool start(const QString &text, const Influx::WriteOptions &options,
               const QMap<qsizetype, QString> &skip = {});
    bool isRunning() const { return m_running; }
    // The report so far; final once finished() was emitted.
    BatchWriteReport report() const { return m_report; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    // Data lines whose batch is complete (written or not), of all data lines to send.
    void progress(qint64 linesDone, qint64 linesTotal);
    // The batch of text lines firstLine..lastLine failed (reason) and is sent again in delayMs,
    // as the write options' retry policy says; attempt 2 is the first retry.
    void retrying(qsizetype firstLine, qsizetype lastLine, int attempt, const QString &reason,
                  int delayMs);
    void finished(const Explorer::BatchWriteReport &report);

private:
    struct Line
    {
        qsizetype number;
        QString text;
    };
    struct Batch
    {
        qsizetype first = 0; // index into m_lines
        qsizetype count = 0;
        QPointer<Influx::WriteReply> reply;
        PartialWriteResolver *resolver = nullptr;
    };

    void sendMore();
    void onBatchFinished(Influx::WriteReply *reply);
    void handleFailure(Batch &batch, Influx::WriteReply *reply);
    void completeBatch(Batch &batch, const QList<BatchWriteReport::Line> &notWritten);
    void markLines(qsizetype first, qsizetype count, BatchWriteReport::Outcome outcome,
                   const QString &reason);
    void finishIfDone();

    Influx::Client *m_client;
    int m_batchSize = DefaultBatchSize;
    Influx::WriteOptions m_options;
    QString m_database; // where the batches go (for the resolver's look-up)
    QList<Line> m_lines; // the data lines to send, in order
    qsizetype m_next = 0; // first line not sent yet
    qsizetype m_done = 0; // lines of completed batches
    QList<Batch *> m_batches; // in flight or being resolved
    BatchWriteReport m_report;
    bool m_running = false;
    bool m_stopping = false; // cancelled or stopped: send nothing more
    bool m_cancelling = false; // inside cancel()
};

} // namespace Explorer

#endif // EXPLORER_BATCHWRITER_H
