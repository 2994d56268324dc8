// SPDX-License-Identifier: MIT
#ifndef EXPLORER_IMPORTER_H
#define EXPLORER_IMPORTER_H

#include <clientoptions.h>
#include <error.h>

#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QObject>

#include <memory>

QT_BEGIN_NAMESPACE
class QIODevice;
class QSocketNotifier;
QT_END_NAMESPACE

namespace Influx {
class Client;
class WriteReply;
} // namespace Influx

namespace Explorer {

// Writes line protocol from a file or standard input in batches (influx-explorer --import).
//
// - Streams: reads 1 MiB at a time and keeps at most a couple of batches in memory, so a
//   multi-GB file needs no more memory than a small one.
// - Blank lines and lines starting with '#' (after leading spaces) are skipped but counted, so
//   the line numbers in messages are the file's; a trailing '\r' (CRLF files) is removed.
// - At most two batches are in flight at once (Client::writeLines).
// - A failed batch is reported on the diagnostics device with the server's message, the
//   range of input lines it covered and, when the server named them, the exact rejected line
//   numbers. The import goes on with the next batch when the server rejected data (HTTP 400,
//   including partial writes); it stops sending when the failure is not about the data (the
//   server cannot be reached, authentication, database not found, server errors), because
//   every later batch would fail the same way. Either way the exit status is 1: nothing
//   fails silently.
// - With a retry policy in the client's options (--retries), a batch that failed because no
//   server could be reached, none answered in time or one answered 5xx is sent again first;
//   each retry is reported, and the import stops only after the last attempt failed.
// - With failedLinesPath (--failed-lines), every data line not written goes to that file, in
//   the input's order within each batch: the failed batches' lines, the lines a partial write
//   rejected (and, when it dropped points without naming them, the rest of that batch: writing
//   a stored point again overwrites it with the same values), and after a stop the batches in
//   flight and all the input left, which is then still read to its end. So each input data line
//   is either written or in that file.
// - A progress line ("\r<lines> lines, <rate> points/s") is written while it runs when
//   showProgress is set (the headless mode sets it when stderr is a terminal), and a summary
//   at the end ("<n> points written in <b> batches, <f> failed (<l> lines read)").
class Importer : public QObject
{
    Q_OBJECT
public:
    // Lines per write request. influxd 1.6 spends most of its time per request on small
    // batches: 1M points took 6.1 s in batches of 5,000 and 3.7 s in batches of 100,000 (curl
    // with 10 x 100,000: 3.2 s; tests/bench_e2e). 50,000 lines are about 5 MB.
    static constexpr int DefaultBatchSize = 50'000;

    struct Options
    {
        QString path; // "-" = standard input
        int batchSize = DefaultBatchSize;
        bool showProgress = false;
        QString failedLinesPath; // empty: not kept

        Influx::WriteOptions writeOptions;
    };

    struct Statistics
    {
        qint64 linesRead = 0; // every input line, including blank lines and comments
        qint64 pointsSent = 0; // data lines sent
        qint64 pointsWritten = 0; // sent and accepted by the server
        qint64 pointsFailed = 0; // sent and rejected (or not known to be written)
        qint64 pointsNotSent = 0; // data lines left after a stop (counted with failedLinesPath)
        qint64 linesKept = 0; // data lines written to the failed-lines file
        qint64 retries = 0; // batches sent again by the retry policy
        qint64 batches = 0; // sent
        qint64 failedBatches = 0;
        bool stopped = false; // gave up before the end of the input
    };

    Importer(Influx::Client *client, QIODevice *diagnostics, QObject *parent = nullptr);
    ~Importer() override;

    // Starts reading and writing; finished() follows, also when the input cannot be opened.
    void start(const Options &options);
    bool isFinished() const { return m_finished; }
    bool hasFailed() const { return m_failed; }
    Statistics statistics() const { return m_stats; }

Q_SIGNALS:
    void finished();

private:
    struct Batch
    {
        QByteArray body;
        QList<qint64> lineNumbers; // input line number (1-based) of each body line
    };

    void pump();
    bool readChunk(); // false when the source has nothing for now
    void takeLine(QByteArrayView line);
    void sendReadyBatches();
    void batchFinished(Influx::WriteReply *reply, const Batch &batch, qint64 batchNumber);
    void fail(const QString &message);
    void stop();
    void printProgress(bool force);
    void finishIfDone();
    void report(const QByteArray &text);
    void keepLines(const Batch &batch, const QList<qsizetype> &indexes); // all when empty
    void keepLine(QByteArrayView line);

    Influx::Client *m_client;
    QIODevice *m_diagnostics;
    Options m_options;
    QFile m_file;
    QFile m_failedLines;
    int m_fd = -1;
    bool m_pollable = false; // a pipe or terminal: wait for data with a notifier
    QSocketNotifier *m_notifier = nullptr;
    bool m_pumpQueued = false;
    QByteArray m_carry; // an incomplete line from the previous read
    Batch m_filling;
    qsizetype m_lastBatchBytes = 0; // the next batch's body is reserved at about this size
    QList<Batch> m_ready;
    int m_inFlight = 0;
    bool m_eof = false;
    bool m_finished = false;
    bool m_failed = false;
    qint64 m_nextBatchNumber = 1;
    Statistics m_stats;
    QElapsedTimer m_clock;
    qint64 m_lastProgress = -1;
    bool m_progressOnLine = false;
    qint64 m_lastSentLine = 0;
};

} // namespace Explorer

#endif // EXPLORER_IMPORTER_H
