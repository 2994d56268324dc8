// SPDX-License-Identifier: MIT
#ifndef EXPLORER_BATCHWRITEREPORT_H
#define EXPLORER_BATCHWRITEREPORT_H

#include <QtCore/QList>
#include <QtCore/QMetaType>
#include <QtCore/QString>

namespace Explorer {

// What a BatchWriter did with the lines of a text. Line numbers are the text's (1-based,
// counting blank lines and comments), never positions inside a batch.
struct BatchWriteReport
{
    // Why a data line was not written (or may not have been).
    enum class Outcome {
        Skipped, // left out by the caller (a bad line the local check found)
        Rejected, // the server named it as unparsable
        Dropped, // a partial write dropped it (field type conflict: the type differs)
        MaybeDropped, // a partial write dropped points the server did not name; maybe this one
        Failed, // its whole batch failed (server error, unreachable, timeout ...)
        Cancelled, // its batch was being sent when cancel() aborted it: maybe stored, maybe not
        NotSent, // never sent (cancelled, or stopped after a failure not about the data)
    };

    struct Line
    {
        qsizetype line = 0;
        Outcome outcome = Outcome::Failed;
        QString reason;
        friend bool operator==(const Line &, const Line &) = default;
    };

    // A batch the server did not take whole.
    struct Batch
    {
        qsizetype firstLine = 0; // text line numbers of its first and last data line
        qsizetype lastLine = 0;
        QString message; // the server's (or the transport's) error, as a user reads it
        bool partial = false; // "partial write": the server stored the other points
        qsizetype dropped = 0; // the server's "dropped=N"
        QList<qsizetype> namedLines; // lines the server named as unparsable
    };

    qsizetype totalLines = 0; // data lines given to write (skipped lines not included)
    qsizetype writtenLines = 0; // accepted by the server
    qsizetype droppedPoints = 0; // sum of the partial writes' dropped counts
    qsizetype batchesSent = 0;
    qsizetype retries = 0; // batches sent again by the retry policy (each time counts)
    bool cancelled = false;
    // A failure not about the data (server unreachable, database not found ...) stopped the
    // batches after it; their lines are NotSent.
    bool stopped = false;
    QString stopReason;
    QList<Batch> failedBatches;
    // Every line that was not written (or may not have been), skipped ones included, by line.
    QList<Line> notWritten;

    QList<qsizetype> notWrittenLines() const
    {
        QList<qsizetype> lines;
        lines.reserve(notWritten.size());
        for (const Line &line : notWritten)
            lines.append(line.line);
        return lines;
    }
    qsizetype count(Outcome outcome) const
    {
        qsizetype n = 0;
        for (const Line &line : notWritten)
            n += line.outcome == outcome;
        return n;
    }
};

} // namespace Explorer

Q_DECLARE_METATYPE(Explorer::BatchWriteReport)

#endif // EXPLORER_BATCHWRITEREPORT_H
