// SPDX-License-Identifier: MIT
#include "importer.h"

#include <client.h>

#include <QtCore/QSocketNotifier>
#include <QtCore/QStringDecoder>
#include <QtCore/QTimer>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

constexpr qsizetype ReadSize = 1 << 20;
constexpr int MaxInFlight = 2;
constexpr qint64 ProgressIntervalMs = 200;
constexpr qsizetype MaxLinesListed = 20;

bool isValidUtf8(QByteArrayView text)
{
    if (std::all_of(text.begin(), text.end(), [](char c) { return uchar(c) < 0x80; }))
        return true;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(text);
    return !decoder.hasError();
}

// influxd quotes each rejected line whole: a 20 MB line would make a 20 MB message.
QString shortenQuotedLines(const QString &message)
{
    constexpr qsizetype MaxQuoted = 200;
    const QString opening = u"unable to parse '"_s;
    QString out;
    qsizetype from = 0;
    for (qsizetype at; (at = message.indexOf(opening, from)) >= 0;) {
        const qsizetype start = at + opening.size();
        const qsizetype end = message.indexOf(u"': "_s, start);
        if (end < 0)
            break;
        out += QStringView(message).sliced(from, start - from);
        if (end - start > MaxQuoted) {
            out += QStringView(message).sliced(start, MaxQuoted)
                    + Importer::tr("… (%1 characters)").arg(end - start);
        } else {
            out += QStringView(message).sliced(start, end - start);
        }
        from = end;
    }
    return out + QStringView(message).sliced(from);
}

} // namespace

Importer::Importer(Influx::Client *client, QIODevice *diagnostics, QObject *parent)
    : QObject(parent), m_client(client), m_diagnostics(diagnostics)
{ }

Importer::~Importer() = default;

void Importer::start(const Options &options)
{
    m_options = options;
    m_options.batchSize = std::max(1, m_options.batchSize);
    m_clock.start();
    if (!m_options.failedLinesPath.isEmpty()) {
        m_failedLines.setFileName(m_options.failedLinesPath);
        if (!m_failedLines.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            fail(tr("cannot write %1: %2")
                         .arg(m_options.failedLinesPath, m_failedLines.errorString()));
            m_eof = true;
            QTimer::singleShot(0, this, &Importer::pump);
            return;
        }
    }
    if (m_options.path == u"-"_s) {
        m_fd = STDIN_FILENO;
    } else {
        m_file.setFileName(m_options.path);
        if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            fail(tr("cannot open %1: %2").arg(m_options.path, m_file.errorString()));
            m_eof = true;
            QTimer::singleShot(0, this, &Importer::pump);
            return;
        }
        m_fd = m_file.handle();
    }
    // Regular files are read as fast as the batches go out; pipes and terminals are read
    // when they have data, so the writes in flight keep going while a producer is slow.
    struct stat status
    { };
    m_pollable = ::fstat(m_fd, &status) != 0 || !S_ISREG(status.st_mode);
    if (m_pollable) {
        m_notifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
        m_notifier->setEnabled(false);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            readChunk();
            pump();
        });
    }
    QTimer::singleShot(0, this, &Importer::pump);
}

void Importer::pump()
{
    if (m_finished)
        return;
    sendReadyBatches();
    // Read on while there is room: nothing waits to be sent. After a stop, the input left is
    // read only to keep its lines.
    const bool reading = !m_stats.stopped || m_failedLines.isOpen();
    while (!m_eof && reading && m_ready.isEmpty() && !m_pollable) {
        readChunk();
        sendReadyBatches();
    }
    if (m_notifier)
        m_notifier->setEnabled(!m_eof && reading && m_ready.isEmpty());
    finishIfDone();
}

bool Importer::readChunk()
{
    if (m_eof)
        return false;
    QByteArray buffer(ReadSize, Qt::Uninitialized);
    ssize_t count = 0;
    do {
        count = ::read(m_fd, buffer.data(), size_t(ReadSize));
    } while (count < 0 && errno == EINTR);
    if (count < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return false;
        const QString path = m_options.path == u"-"_s ? tr("standard input") : m_options.path;
        fail(tr("cannot read %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
        // Send the complete lines read so far, then stop.
        m_eof = true;
        m_carry.clear();
    } else if (count == 0) {
        m_eof = true;
        if (!m_carry.isEmpty()) // the last line has no '\n'
            takeLine(std::exchange(m_carry, {}));
    } else {
        const QByteArrayView data(buffer.constData(), count);
        qsizetype start = 0;
        for (qsizetype end; (end = data.indexOf('\n', start)) >= 0; start = end + 1) {
            if (m_carry.isEmpty()) {
                takeLine(data.sliced(start, end - start));
            } else {
                m_carry += data.sliced(start, end - start);
                takeLine(std::exchange(m_carry, {}));
            }
        }
        m_carry += data.sliced(start);
        return true;
    }
    if (!m_filling.lineNumbers.isEmpty())
        m_ready.append(std::exchange(m_filling, {}));
    return false;
}

void Importer::takeLine(QByteArrayView line)
{
    const qint64 lineNumber = ++m_stats.linesRead;
    if (line.endsWith('\r'))
        line.chop(1);
    // As influxd's parser: leading white space is skipped, so are blank lines and comments.
    // Dropping the white space here makes each body line the text the server quotes in its
    // "unable to parse '...'" messages.
    qsizetype first = 0;
    while (first < line.size() && (line[first] == ' ' || line[first] == '\t'))
        ++first;
    if (first == line.size() || line[first] == '#')
        return;
    if (m_stats.stopped) { // only read on to keep the lines left (--failed-lines)
        ++m_stats.pointsNotSent;
        keepLine(line.sliced(first));
        return;
    }
    // influxd takes bytes that are not UTF-8 as they are and returns them as U+FFFD: the data
    // would change without a word, so such a line is named and not sent.
    if (!isValidUtf8(line.sliced(first))) {
        m_failed = true;
        ++m_stats.pointsFailed;
        report("ERR: " + tr("line %1 is not valid UTF-8: not sent").arg(lineNumber).toUtf8()
               + '\n');
        keepLine(line.sliced(first));
        return;
    }
    // Sized once per batch: growing a multi-MB body line by line copied it over and over.
    if (m_filling.body.isEmpty() && m_lastBatchBytes > 0)
        m_filling.body.reserve(m_lastBatchBytes + m_lastBatchBytes / 8);
    m_filling.body += line.sliced(first);
    m_filling.body += '\n';
    m_filling.lineNumbers.append(lineNumber);
    if (m_filling.lineNumbers.size() >= m_options.batchSize) {
        m_lastBatchBytes = m_filling.body.size();
        m_ready.append(std::exchange(m_filling, {}));
    }
}

void Importer::sendReadyBatches()
{
    while (m_inFlight < MaxInFlight && !m_ready.isEmpty() && !m_stats.stopped) {
        const Batch batch = m_ready.takeFirst();
        const qint64 batchNumber = m_nextBatchNumber++;
        Influx::WriteReply *reply = m_client->writeLines(batch.body, m_options.writeOptions);
        connect(reply, &Influx::WriteReply::retrying, this,
                [this, batchNumber, first = batch.lineNumbers.constFirst(),
                 last = batch.lineNumbers.constLast()](int attempt, const Influx::Error &error,
                                                       int delayMs) {
                    ++m_stats.retries;
                    const int attempts = m_options.writeOptions.retry
                            ? m_options.writeOptions.retry->maxRetries + 1
                            : m_client->options().writeRetry.maxRetries + 1;
                    report((u"warning: "_s
                            + tr("batch %1 (lines %2-%3) failed: %4; sending it again in %5 s "
                                 "(attempt %6 of %7)")
                                      .arg(batchNumber)
                                      .arg(first)
                                      .arg(last)
                                      .arg(error.toString())
                                      .arg(delayMs / 1000.0, 0, 'f', 1)
                                      .arg(attempt)
                                      .arg(attempts)
                            + u'\n')
                                   .toUtf8());
                });
        ++m_inFlight;
        ++m_stats.batches;
        m_stats.pointsSent += batch.lineNumbers.size();
        m_lastSentLine = batch.lineNumbers.constLast();
        connect(reply, &Influx::Reply::finished, this,
                [this, reply, batch, batchNumber] { batchFinished(reply, batch, batchNumber); });
    }
}

void Importer::batchFinished(Influx::WriteReply *reply, const Batch &batch, qint64 batchNumber)
{
    reply->deleteLater();
    --m_inFlight;
    const Influx::Error error = reply->error();
    const qint64 lines = batch.lineNumbers.size();
    if (!error.isError()) {
        m_stats.pointsWritten += lines;
    } else {
        m_failed = true;
        ++m_stats.failedBatches;
        const QList<qsizetype> failedLines = reply->failedLines();
        // In a partial write the server stored every point it did not name as unparsable or
        // count as dropped (type conflicts, outside the retention policy). The named lines are
        // counted in the message itself too, in case not all of them could be matched.
        const QString message = error.message();
        const bool partial = message.startsWith(u"partial write"_s);
        const qint64 unparsable =
                std::max<qint64>(failedLines.size(), message.count(u"unable to parse '"_s));
        const qint64 notWritten =
                partial ? std::min<qint64>(lines, unparsable + reply->droppedCount()) : lines;
        m_stats.pointsWritten += lines - notWritten;
        m_stats.pointsFailed += notWritten;
        // Lines to keep: a partial write's named lines, unless it also dropped points it did
        // not name; then (as for any other failure) the whole batch.
        if (partial && reply->droppedCount() == 0 && !failedLines.isEmpty()
            && unparsable == failedLines.size())
            keepLines(batch, failedLines);
        else
            keepLines(batch, {});

        QString text = u"ERR: "_s
                + tr("batch %1 (lines %2-%3) failed: %4")
                          .arg(batchNumber)
                          .arg(batch.lineNumbers.constFirst())
                          .arg(batch.lineNumbers.constLast())
                          .arg(shortenQuotedLines(error.toString()))
                + u'\n';
        if (error.isOutcomeUnknown() || error.kind() == Influx::Error::Kind::Timeout)
            text += u"  "_s
                    + tr("the batch was sent and no answer came: the server may have stored it")
                    + u'\n';
        if (!failedLines.isEmpty()) {
            QStringList listed;
            for (qsizetype i = 0; i < failedLines.size() && i < MaxLinesListed; ++i) {
                const qsizetype index = failedLines[i];
                listed.append(index >= 0 && index < batch.lineNumbers.size()
                                      ? QString::number(batch.lineNumbers[index])
                                      : u"?"_s);
            }
            QString lines = listed.join(u", "_s);
            if (failedLines.size() > MaxLinesListed)
                lines = tr("%1 and %2 more").arg(lines).arg(failedLines.size() - MaxLinesListed);
            text += u"  "_s
                    + (failedLines.size() == 1 ? tr("rejected line: %1") : tr("rejected lines: %1"))
                              .arg(lines)
                    + u'\n';
        }
        report(text.toUtf8());
        // Rejected data (HTTP 400, partial writes) concerns this batch only; anything else
        // (unreachable server, authentication, missing database, server errors) would fail
        // every later batch the same way.
        const bool dataError =
                error.httpStatus() == 400 || error.kind() == Influx::Error::Kind::InvalidArgument;
        if (!dataError && !m_stats.stopped)
            stop();
    }
    printProgress(false);
    pump();
}

void Importer::fail(const QString &message)
{
    m_failed = true;
    report("ERR: " + message.toUtf8() + '\n');
}

void Importer::stop()
{
    m_stats.stopped = true;
    for (const Batch &batch : std::as_const(m_ready)) {
        m_stats.pointsNotSent += batch.lineNumbers.size();
        keepLines(batch, {});
    }
    m_stats.pointsNotSent += m_filling.lineNumbers.size();
    keepLines(m_filling, {});
    m_ready.clear();
    m_filling = {};
    if (m_notifier)
        m_notifier->setEnabled(false);
}

void Importer::keepLines(const Batch &batch, const QList<qsizetype> &indexes)
{
    if (!m_failedLines.isOpen() || batch.lineNumbers.isEmpty())
        return;
    // The body holds one line per entry of lineNumbers, each ended by '\n'.
    QList<QByteArrayView> lines;
    lines.reserve(batch.lineNumbers.size());
    qsizetype start = 0;
    for (qsizetype end; (end = batch.body.indexOf('\n', start)) >= 0; start = end + 1)
        lines.append(QByteArrayView(batch.body).sliced(start, end - start));
    if (indexes.isEmpty()) {
        for (QByteArrayView line : std::as_const(lines))
            keepLine(line);
        return;
    }
    for (qsizetype index : indexes) {
        if (index >= 0 && index < lines.size())
            keepLine(lines[index]);
    }
}

void Importer::keepLine(QByteArrayView line)
{
    if (!m_failedLines.isOpen())
        return;
    ++m_stats.linesKept;
    if (m_failedLines.write(line.data(), line.size()) < 0 || !m_failedLines.putChar('\n')) {
        fail(tr("cannot write %1: %2").arg(m_options.failedLinesPath, m_failedLines.errorString()));
        m_failedLines.close();
    }
}

void Importer::printProgress(bool force)
{
    if (!m_options.showProgress)
        return;
    const qint64 elapsed = m_clock.elapsed();
    if (!force && m_lastProgress >= 0 && elapsed - m_lastProgress < ProgressIntervalMs)
        return;
    m_lastProgress = elapsed;
    const qint64 rate = elapsed > 0 ? m_stats.pointsWritten * 1000 / elapsed : 0;
    // "\033[K" clears what a longer previous line left (stderr is a terminal here).
    m_diagnostics->write("\r"
                         + tr("%1 lines, %2 points/s").arg(m_stats.linesRead).arg(rate).toUtf8()
                         + "\033[K");
    m_progressOnLine = true;
}

void Importer::report(const QByteArray &text)
{
    if (m_progressOnLine) {
        m_diagnostics->write("\n");
        m_progressOnLine = false;
    }
    m_diagnostics->write(text);
}

void Importer::finishIfDone()
{
    if (m_finished || m_inFlight > 0)
        return;
    if (!m_stats.stopped && !(m_eof && m_ready.isEmpty()))
        return;
    m_finished = true;
    if (m_notifier)
        m_notifier->setEnabled(false);
    printProgress(true);
    // Singular and plural spelled out rather than "%n point(s)": the English output must not
    // depend on a translation being loaded.
    const auto points = [](qint64 n) { return n == 1 ? tr("1 point") : tr("%1 points").arg(n); };
    const auto batches = [](qint64 n) { return n == 1 ? tr("1 batch") : tr("%1 batches").arg(n); };
    QString summary = tr("%1 written in %2, %3 failed (%4 lines read)")
                              .arg(points(m_stats.pointsWritten), batches(m_stats.batches))
                              .arg(m_stats.failedBatches)
                              .arg(m_stats.linesRead);
    if (m_stats.pointsFailed > 0)
        summary += tr("; %1 not written").arg(points(m_stats.pointsFailed));
    if (m_stats.retries > 0)
        summary += tr("; %1 sent again").arg(batches(m_stats.retries));
    summary += u'\n';
    if (m_stats.stopped) {
        summary += u"ERR: "_s
                + (m_lastSentLine > 0 ? tr("import stopped: the input after line %1 was not sent")
                                                .arg(m_lastSentLine)
                                      : tr("import stopped: the input was not sent"))
                + u'\n';
    }
    if (m_failedLines.isOpen()) {
        m_failedLines.close();
        if (m_stats.linesKept > 0)
            summary += (m_stats.linesKept == 1
                                ? tr("The line not written is in %1").arg(m_options.failedLinesPath)
                                : tr("The %1 lines not written are in %2")
                                          .arg(m_stats.linesKept)
                                          .arg(m_options.failedLinesPath))
                    + u'\n';
    }
    report(summary.toUtf8());
    Q_EMIT finished();
}

} // namespace Explorer
