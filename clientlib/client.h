// SPDX-License-Identifier: MIT
#ifndef INFLUX_CLIENT_H
#define INFLUX_CLIENT_H

#include "clientoptions.h"
#include "datapoint.h"
#include "pointbatch.h"
#include "reply.h"
#include "selectquery.h"

#include <QtCore/QObject>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QThread;
QT_END_NAMESPACE

namespace Influx {

struct RequestSpec;
struct WriteEncoding;

// An asynchronous InfluxDB 1.x HTTP client (also InfluxDB 2.x/3.x through their v1 API).
// Configured once with ClientOptions; every operation returns a reply object whose signals
// report progress, results and errors. Nothing blocks.
//
// Replies are children of the client; the caller owns them (see Reply). All panels of the
// application share one Client: setOptions() reconfigures it for every later request.
class Client : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Client)
public:
    explicit Client(QObject *parent = nullptr);
    explicit Client(const ClientOptions &options, QObject *parent = nullptr);
    ~Client() override;

    ClientOptions options() const;
    // Checks the options first; returns the problem and keeps the old options when invalid.
    Error setOptions(const ClientOptions &options);
    // The base URLs in the order the next request tries them.
    QList<QUrl> baseUrls() const;
    QNetworkAccessManager *networkAccessManager() const;

    // When true, replies delete themselves (deleteLater) after finished(). Default false.
    void setAutoDeleteReplies(bool autoDelete);
    bool autoDeleteReplies() const;

    // GET /ping: the server's version. No database or credentials needed.
    PingReply *ping();

    // A query builder bound to this client (no I/O until execute()).
    SelectQuery query(const QStringList &select, const QList<Source> &from);
    SelectQuery query(const QString &select, const Source &from)
    {
        return query(QStringList {select}, QList<Source> {from});
    }

    // Sends InfluxQL (one or several ';'-separated statements). GET when every statement is
    // read-only, otherwise POST with the query in a form-encoded body.
    QueryReply *rawQuery(const QString &query, const QueryOptions &options = {});

    // Writes one point / many points. Points are validated first: an invalid point fails the
    // reply (InvalidArgument, failedLines() names it) without sending anything. From
    // AsyncEncodingThreshold points on, writeMany() encodes on QThreadPool::globalInstance()
    // instead of the calling thread (a million points take about a second there).
    WriteReply *write(const DataPoint &point, const WriteOptions &options = {});
    WriteReply *write(const QString &measurement, const Tags &tags, const Fields &fields,
                      const PointTime &time = {}, const WriteOptions &options = {});
    WriteReply *writeMany(const QList<DataPoint> &points, const WriteOptions &options = {});
    static constexpr qsizetype AsyncEncodingThreshold = 1000;
    // Writes the rows of a batch (see PointBatch), always encoded on QThreadPool::globalInstance()
    // so that the calling (GUI) thread never waits. The reply keeps a copy of the batch (cheap:
    // implicitly shared). An invalid row fails the reply (InvalidArgument, failedLines() = {row})
    // without sending anything. The reply may be aborted or deleted while the encoding runs; the
    // encoding then finishes on its worker thread and its result is dropped.
    WriteReply *writeBatch(const PointBatch &batch, const WriteOptions &options = {});
    // Writes line protocol as given ('\n'-separated lines in the write precision).
    WriteReply *writeLines(const QByteArray &lineProtocol, const WriteOptions &options = {});

    // The thread query responses are decoded in (one per client, started on first use). For
    // tests and profiling; the client's own objects are the only ones meant to live there.
    QThread *decoderThread();

Q_SIGNALS:
    void optionsChanged();
    // Every reply's finished(), once more, for status bars and logs.
    void replyFinished(Influx::Reply *reply);

private:
    friend class Reply;
    friend class QueryReply;
    RequestSpec writeSpec(const WriteOptions &options) const;
    WriteReply *writeBody(const QByteArray &body, const WriteOptions &options,
                          const Error &validation);
    // Runs encode on the thread pool, then sends its body or fails the reply with its error.
    void encodeThenSend(WriteReply *reply, const WriteOptions &options,
                        std::function<WriteEncoding()> encode);
    Precision writePrecision(const WriteOptions &options) const;
    void startRequest(Reply *reply, RequestSpec spec);
    // startRequest() for a write, with its retry policy.
    void startWrite(WriteReply *reply, const RequestSpec &spec, const RetryPolicy &retry);
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Influx

#endif // INFLUX_CLIENT_H
