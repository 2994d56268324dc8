// SPDX-License-Identifier: MIT
#ifndef INFLUX_REPLY_H
#define INFLUX_REPLY_H

#include "datapoint.h"
#include "error.h"
#include "pointbatch.h"
#include "queryresult.h"

#include <QtCore/QObject>
#include <QtCore/QUrl>

#include <chrono>
#include <memory>

namespace Influx {

class Client;
class RequestDispatcher;
class WriteRetry;

// The common part of every operation's reply, in the QNetworkReply style.
//
// Ownership: the caller owns the reply (it is also a child of the Client, so it cannot outlive
// it). Delete it with deleteLater() once finished() was emitted, never with delete inside a slot
// connected to one of its signals; or let the client do it with Client::setAutoDeleteReplies().
//
// finished() is emitted exactly once, after success, failure or abort(), and always from the
// event loop (never from inside the call that created the reply).
class Reply : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Reply)
public:
    ~Reply() override;

    bool isFinished() const;
    bool isRunning() const { return !isFinished(); }
    bool isSuccess() const { return isFinished() && !error().isError(); }
    Error error() const;
    // The base URL of the server that answered (empty until one did).
    QUrl serverUrl() const;
    int httpStatus() const;

    // Runs a local event loop until finished() or msecs elapsed (-1: no limit). For scripts
    // and tests; a GUI never waits, it connects to finished(). Don't call deleteLater() on the
    // reply before waiting: the local loop would delete it while waiting.
    bool waitForFinished(int msecs = -1);

public Q_SLOTS:
    // Cancels the request. The reply finishes with an Error of kind Aborted (unless it already
    // finished). Safe to call at any time.
    void abort();

Q_SIGNALS:
    void finished(Influx::Reply *reply);
    void errorOccurred(const Influx::Error &error);
    // Bytes of the request body sent / of the response body taken in so far (after gzip is
    // undone; -1 total = unknown). downloadProgress comes with every piece of the body.
    void uploadProgress(qint64 sent, qint64 total);
    void downloadProgress(qint64 received, qint64 total);

protected:
    explicit Reply(Client *client);
    Client *client() const;
    RequestDispatcher *dispatcher() const;
    // See QueryReply::pause().
    void setReadingPaused(bool paused);
    bool isReadingPaused() const;
    // Holds reading back while the consumer of the body is behind (see QueryReply).
    void setReadingThrottled(bool throttled);
    // Fails the reply: stops the request and any decoding (handleAbort()), then finish().
    void failWith(const Error &error);
    // Marks the reply finished and emits errorOccurred() (on error) and finished().
    void finish();
    // Subclasses interpret the response; the base class has taken care of HTTP status errors.
    virtual void handleHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers);
    virtual void handleBody(const QByteArray &bytes);
    virtual void handleEnd(); // called once the whole body arrived; default: finish()
    // The reply is about to fail with error (which may be amended); stop any work in progress.
    virtual void handleFailure(Error &error) { Q_UNUSED(error) }
    // Return true to finish later (calling failWith() again): a query reply first decodes
    // what arrived before its connection broke, so that nothing received is lost.
    virtual bool deferFailure(const Error &error)
    {
        Q_UNUSED(error)
        return false;
    }

private:
    friend class Client;
    friend class RequestDispatcher;
    void setServer(const QUrl &url, int httpStatus);
    // Sends the request (called by Client once the reply is set up).
    void send(RequestDispatcher *dispatcher);
    struct Private;
    std::unique_ptr<Private> d;
};

// Result of Client::ping().
class PingReply : public Reply
{
    Q_OBJECT
public:
    // The X-Influxdb-Version header, e.g. "1.6.7~rc0".
    QString version() const { return m_version; }
    // X-Influxdb-Build ("OSS", "ENT", ...), empty when absent.
    QString build() const { return m_build; }
    // From sending the request to receiving the response headers.
    std::chrono::microseconds roundTripTime() const { return m_roundTrip; }

private:
    friend class Client;
    using Reply::Reply;
    void handleHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers) override;
    void handleEnd() override;
    QString m_version;
    QString m_build;
    std::chrono::microseconds m_roundTrip {0};
};

// Result of Client::write(), writeMany(), writeBatch() and writeLines(). A failed write keeps
// the points and tells which ones the server rejected and why.
class WriteReply : public Reply
{
    Q_OBJECT
public:
    qsizetype pointCount() const { return m_lineCount; }
    // The points given to write()/writeMany(); for writeBatch() the batch's rows as DataPoints
    // (built on each call: for a large batch, prefer batch()); empty for writeLines().
    QList<DataPoint> points() const;
    // The batch given to writeBatch() (empty otherwise).
    PointBatch batch() const { return m_batch; }
    // The line-protocol body that was sent. Empty while a large write is still being encoded
    // on the thread pool (see Client::writeMany()), and when encoding failed.
    QByteArray body() const { return m_body; }
    // 0-based indexes (points, batch rows or body lines) the server named as unparsable or
    // rejected, or the invalid point or row that stopped the write before sending, in order.
    // Empty when the server's message names no line (the whole batch failed).
    QList<qsizetype> failedLines() const { return m_failedLines; }
    // For "partial write: ... dropped=N", N; otherwise 0.
    qsizetype droppedCount() const { return m_dropped; }
    // Requests sent so far: 1, plus one per retry (see RetryPolicy).
    int attempts() const;

Q_SIGNALS:
    // The attempt failed with error and is retried (attempt 2 = the first retry) in delayMs.
    // finished() comes only after the last attempt.
    void retrying(int attempt, const Influx::Error &error, int delayMs);

private:
    friend class Client;
    using Reply::Reply;
    void handleFailure(Error &error) override;
    bool deferFailure(const Error &error) override;
    WriteRetry *m_retry = nullptr; // child; only with a RetryPolicy that is enabled
    QList<DataPoint> m_points;
    PointBatch m_batch;
    QByteArray m_body;
    qsizetype m_lineCount = 0;
    QList<qsizetype> m_failedLines;
    qsizetype m_dropped = 0;
};

class QueryDecoder;
class ResultMerger;
struct DecodedBatch;

// Result of Client::rawQuery() and SelectQuery::execute(). The response is decoded off the GUI
// thread as it arrives; the reply reports each new piece and keeps the merged result.
class QueryReply : public Reply
{
    Q_OBJECT
public:
    ~QueryReply() override;

    QString query() const { return m_query; }
    // The result so far (complete once finished()). Pieces of a series split over chunks are
    // already merged.
    QueryResult result() const;
    qint64 rowCount() const { return m_rows; }

    // Stops reading the response: what was already received is still decoded and reported, then
    // nothing more arrives until resume(). The server is held back by TCP flow control (at most
    // a few hundred KiB wait in buffers), and the timeout does not run while paused. For a
    // "fetch everything?" question above a row limit: the rows beyond it are not even read
    // unless the user says so. abort() works as usual while paused.
    void pause() { setReadingPaused(true); }
    void resume() { setReadingPaused(false); }
    bool isPaused() const { return isReadingPaused(); }

    // Whether result() keeps the rows (the default). A consumer that handles every piece once,
    // as it arrives (printing, exporting), turns this off right after the call, before
    // returning to the event loop: then result() keeps every series' name, tags and columns,
    // the messages and the errors, but no rows, and the rows are only in pieceReceived().
    // That saves merging each piece into a growing copy of the whole result.
    void setKeepRows(bool keep);
    bool keepsRows() const;

Q_SIGNALS:
    // The rows of one rowsReceived() as a Series of their own: its row 0 is row firstRow of
    // series seriesIndex of statement statementIndex, and it has that series' name, tags and
    // columns. Emitted just before rowsReceived(), also when rows are kept. The piece is
    // shared with the reply: read it in the slot, don't keep a copy while the query runs.
    void pieceReceived(int statementIndex, int seriesIndex, qsizetype firstRow,
                       const Influx::Series &piece);

    // Rows were appended to series seriesIndex of statement statementIndex: rows
    // [firstRow, firstRow + count) are new. A new series starts with firstRow == 0. (Without
    // keepsRows() the series in result() stays empty; the rows came with pieceReceived().)
    void rowsReceived(int statementIndex, int seriesIndex, qsizetype firstRow, qsizetype count);
    // A statement result is complete (its series, messages and error are final).
    void statementFinished(int statementIndex);
    // Rows decoded so far, over all statements.
    void progress(qint64 rows);

private:
    friend class Client;
    QueryReply(Client *client, const QString &query);
    void handleBody(const QByteArray &bytes) override;
    void handleEnd() override;
    void handleFailure(Error &error) override;
    bool deferFailure(const Error &error) override;
    void onDecoded(const Influx::DecodedBatch &batch);

    // Reading stops while more than this many received bytes wait for the decoder thread, and
    // goes on below half of it: a slow decoder holds the server back (TCP flow control) instead
    // of the response piling up in memory, and pause() takes effect within about this much.
    static constexpr qint64 DecodeBacklogLimit = 2 * 1024 * 1024;

    QString m_query;
    std::unique_ptr<ResultMerger> m_merger;
    Error m_deferredError; // a transport failure waiting for the decoder to drain
    bool m_decoderDone = false;
    qint64 m_rows = 0;
    qint64 m_undecodedBytes = 0; // handed to the decoder thread, not yet reported back
    QueryDecoder *m_decoder = nullptr;
};

} // namespace Influx

#endif // INFLUX_REPLY_H
