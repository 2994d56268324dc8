// SPDX-License-Identifier: MIT
#ifndef EXPLORER_PARTIALWRITERESOLVER_H
#define EXPLORER_PARTIALWRITERESOLVER_H

#include "write/batchwritereport.h"

#include <influxglobal.h>
#include <queryresult.h>

#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QSet>

namespace Influx {
class Client;
class QueryReply;
} // namespace Influx

namespace Explorer {

// Finds which lines of a batch a "partial write" dropped when the server did not name them.
//
// InfluxDB 1.6 names unparsable lines, but for dropped points it only counts them and
// describes the first reason ("field type conflict: input field "v" on measurement "m" is
// type float, already exists as type integer dropped=2"); when a batch spans several shards
// it even reports one shard's count only. So the resolver asks the server, once the write is
// done, and compares every line with the answer:
// - field type conflicts: SHOW FIELD KEYS. A line is Dropped when the database has none of
//   its field's type (a point is stored with all its fields or not at all), MaybeDropped when
//   the database has the field with both types (different shards).
// - "points beyond retention policy": SHOW RETENTION POLICIES. A line is Dropped when its time
//   is older than the policy's duration (the server's rule), MaybeDropped within a minute of
//   that limit (the server's clock ran at the write, ours at the look-up).
// When the lines found do not add up to the dropped count, the reason is another one, or the
// look-up fails, every remaining line of the batch is MaybeDropped: it stays with the user
// rather than being reported as written.
//
// Not owned: the Client (must outlive the resolver). Results come from the event loop.
class PartialWriteResolver : public QObject
{
    Q_OBJECT
public:
    struct Line
    {
        qsizetype number = 0; // in the user's text
        QString text;
    };

    PartialWriteResolver(Influx::Client *client, QObject *parent = nullptr);
    ~PartialWriteResolver() override;

    // lines: the batch's lines the server did not name as unparsable. database must be the
    // database the batch went to; retentionPolicy may be empty (the default).
    void start(const QList<Line> &lines, const QString &serverMessage, qsizetype dropped,
               const QString &database, const QString &retentionPolicy,
               Influx::Precision precision);
    // Stops the lookup; resolved() follows with every line MaybeDropped.
    void abort();

Q_SIGNALS:
    // The lines that were (or may have been) dropped, in order; the others were written.
    void resolved(const QList<Explorer::BatchWriteReport::Line> &notWritten);

private:
    using FieldTypes = QHash<QString, QSet<QString>>; // field key → types on the server
    using Handler = void (PartialWriteResolver::*)(const Influx::QueryResult &);
    void query(const QString &text, Handler handler);
    void lookUpFieldTypes();
    void compareFieldTypes(const Influx::QueryResult &result);
    void compareTimes(const Influx::QueryResult &result);
    // Lines that were (maybe) dropped; fills up with MaybeDropped lines when they are fewer
    // than the server's count.
    void complete(QList<BatchWriteReport::Line> notWritten, qsizetype definite);
    void finishAllMaybe(const QString &why);
    void finish(const QList<BatchWriteReport::Line> &lines);

    Influx::Client *m_client;
    QList<Line> m_lines;
    QString m_message;
    qsizetype m_dropped = 0;
    QString m_database;
    QString m_retentionPolicy;
    Influx::Precision m_precision = Influx::Precision::Nanoseconds;
    QPointer<Influx::QueryReply> m_reply;
    bool m_finished = false;
};

} // namespace Explorer

#endif // EXPLORER_PARTIALWRITERESOLVER_H
