// SPDX-License-Identifier: MIT
#include "client.h"

#include "influxql.h"
#include "lineprotocol.h"
#include "requestdispatcher.h"
#include "writeretry.h"

#include <QtCore/QFutureWatcher>
#include <QtCore/QPromise>
#include <QtCore/QThread>
#include <QtCore/QThreadPool>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslSocket>

using namespace Qt::StringLiterals;

namespace Influx {

// What encoding a write on the thread pool hands back.
struct WriteEncoding
{
    QByteArray body;
    Error error;
    qsizetype failedIndex = -1;
};

struct Client::Private
{
    ClientOptions options;
    QList<QUrl> urls; // current failover order
    QNetworkAccessManager *ownedManager = nullptr;
    QThread *decoderThread = nullptr;
    QSslConfiguration ssl; // from verifyTls and caFile
    bool autoDelete = false;
    std::shared_ptr<RetryQueue> retryQueue = std::make_shared<RetryQueue>();

    QNetworkAccessManager *manager() const
    {
        return options.networkAccessManager ? options.networkAccessManager : ownedManager;
    }
};

namespace {

QList<QUrl> normalised(const QList<QUrl> &urls)
{
    QList<QUrl> result;
    for (QUrl url : urls) {
        QString path = url.path();
        while (path.endsWith(u'/'))
            path.chop(1);
        url.setPath(path);
        result.append(url);
    }
    return result;
}

// Credentials go in a header, never in the URL, where proxies and server logs would keep them.
// Per-call credentials (QueryOptions/WriteOptions) win over the client's.
template<typename Overrides>
QByteArray authorizationFor(const ClientOptions &o, const Overrides &overrides)
{
    const QString token = overrides.token.value_or(o.token);
    if (!token.isEmpty())
        return "Token " + token.toUtf8();
    const QString username = overrides.username.value_or(o.username);
    const QString password = overrides.password.value_or(o.password);
    if (username.isEmpty() && password.isEmpty())
        return {};
    return "Basic " + (username + u':' + password).toUtf8().toBase64();
}

} // namespace

Client::Client(QObject *parent) : Client(ClientOptions(), parent)
{ }

Client::Client(const ClientOptions &options, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->ownedManager = new QNetworkAccessManager(this);
    d->ownedManager->setAutoDeleteReplies(false);
    if (Error error = setOptions(options)) {
        qCWarning(lcClient, "invalid client options: %s", qUtf8Printable(error.message()));
        d->options.baseUrls.clear();
    }
}

Client::~Client()
{
    // Replies (and their decoders) go before the decoder thread stops.
    const QList<Reply *> replies = findChildren<Reply *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(replies);
    if (d->decoderThread) {
        d->decoderThread->quit();
        d->decoderThread->wait();
    }
}

ClientOptions Client::options() const
{
    return d->options;
}

Error Client::setOptions(const ClientOptions &options)
{
    ClientOptions o = options;
    o.baseUrls = normalised(options.baseUrls);
    if (Error error = o.validate())
        return error;
    d->options = o;
    d->urls = o.baseUrls;
    d->ssl = QSslConfiguration::defaultConfiguration();
    if (!o.verifyTls)
        d->ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
    if (!o.caFile.isEmpty())
        d->ssl.addCaCertificates(ClientOptions::loadCaCertificates(o.caFile));
    Q_EMIT optionsChanged();
    return {};
}

QList<QUrl> Client::baseUrls() const
{
    return d->urls;
}

QNetworkAccessManager *Client::networkAccessManager() const
{
    return d->manager();
}

void Client::setAutoDeleteReplies(bool autoDelete)
{
    d->autoDelete = autoDelete;
}

bool Client::autoDeleteReplies() const
{
    return d->autoDelete;
}

QThread *Client::decoderThread()
{
    if (!d->decoderThread) {
        d->decoderThread = new QThread(this);
        d->decoderThread->setObjectName(u"influx-decoder"_s);
        d->decoderThread->start();
    }
    return d->decoderThread;
}

PingReply *Client::ping()
{
    auto *reply = new PingReply(this);
    RequestSpec spec;
    spec.method = "GET";
    spec.path = u"/ping"_s;
    spec.authorization = authorizationFor(d->options, QueryOptions());
    startRequest(reply, spec);
    return reply;
}

SelectQuery Client::query(const QStringList &select, const QList<Source> &from)
{
    return SelectQuery(this, select, from);
}

QueryReply *Client::rawQuery(const QString &query, const QueryOptions &options)
{
    auto *reply = new QueryReply(this, query);
    const ClientOptions &o = d->options;

    QList<std::pair<QString, QString>> params;
    const QString database = options.database.value_or(o.database);
    if (!database.isEmpty())
        params.append({u"db"_s, database});
    const QString rp = options.retentionPolicy.value_or(o.retentionPolicy);
    if (!rp.isEmpty())
        params.append({u"rp"_s, rp});
    if (const std::optional<Precision> epoch = options.epoch ? options.epoch : o.epoch)
        params.append({u"epoch"_s, precisionName(*epoch)});
    const int chunkSize = options.chunkSize.value_or(o.chunkSize);
    const bool chunked = options.chunkSize ? true : options.chunked.value_or(o.chunked);
    if (chunked) {
        params.append({u"chunked"_s, u"true"_s});
        if (chunkSize > 0)
            params.append({u"chunk_size"_s, QString::number(chunkSize)});
    }
    params.append({u"q"_s, query});

    RequestSpec spec;
    spec.path = u"/query"_s;
    spec.method = options.httpVerb.value_or(InfluxQL::isReadOnly(query) ? "GET" : "POST");
    if (spec.method == "GET") {
        spec.urlQuery = InfluxQL::formEncode(params);
    } else {
        // The query text goes in the body: it can be long, and it stays out of access logs.
        spec.body = InfluxQL::formEncode(params);
        spec.contentType = "application/x-www-form-urlencoded";
    }
    spec.authorization = authorizationFor(o, options);
    startRequest(reply, spec);
    return reply;
}

WriteReply *Client::write(const DataPoint &point, const WriteOptions &options)
{
    return writeMany({point}, options);
}

WriteReply *Client::write(const QString &measurement, const Tags &tags, const Fields &fields,
                          const PointTime &time, const WriteOptions &options)
{
    return writeMany({DataPoint(measurement, tags, fields, time)}, options);
}

Precision Client::writePrecision(const WriteOptions &options) const
{
    return options.precision ? *options.precision
                             : d->options.precision.value_or(Precision::Nanoseconds);
}

WriteReply *Client::writeMany(const QList<DataPoint> &points, const WriteOptions &options)
{
    const Precision precision = writePrecision(options);
    if (points.size() >= AsyncEncodingThreshold) {
        auto *reply = new WriteReply(this);
        reply->m_points = points;
        reply->m_lineCount = points.size();
        encodeThenSend(reply, options, [points, precision] {
            WriteEncoding result;
            result.body = LineProtocol::encodePoints(points, precision, &result.error,
                                                     &result.failedIndex);
            return result;
        });
        return reply;
    }
    Error error;
    qsizetype failedIndex = -1;
    const QByteArray body = LineProtocol::encodePoints(points, precision, &error, &failedIndex);
    // An invalid point fails the reply without sending anything; every point is kept.
    WriteReply *reply = writeBody(body, options, error);
    reply->m_points = points;
    reply->m_lineCount = points.size();
    if (error.isError() && failedIndex >= 0)
        reply->m_failedLines = {failedIndex};
    return reply;
}

WriteReply *Client::writeBatch(const PointBatch &batch, const WriteOptions &options)
{
    auto *reply = new WriteReply(this);
    reply->m_batch = batch;
    reply->m_lineCount = batch.rowCount();
    encodeThenSend(reply, options, [batch, precision = writePrecision(options)] {
        WriteEncoding result;
        result.body =
                LineProtocol::encodeBatch(batch, precision, &result.error, &result.failedIndex);
        return result;
    });
    return reply;
}

void Client::encodeThenSend(WriteReply *reply, const WriteOptions &options,
                            std::function<WriteEncoding()> encode)
{
    // The worker shares nothing with the reply but the promise: the reply (and the watcher, its
    // child) may be deleted while it runs, and a finished encoding then goes nowhere.
    auto promise = std::make_shared<QPromise<WriteEncoding>>();
    auto *watcher = new QFutureWatcher<WriteEncoding>(reply);
    connect(watcher, &QFutureWatcherBase::finished, reply,
            [this, reply, watcher, spec = writeSpec(options),
             retry = options.retry.value_or(d->options.writeRetry)]() mutable {
                watcher->deleteLater();
                if (reply->isFinished()) // aborted while encoding
                    return;
                if (watcher->future().resultCount() == 0) { // the pool dropped the task
                    reply->failWith(Error(Error::Kind::Aborted, u"operation aborted"_s));
                    return;
                }
                const WriteEncoding result = watcher->future().result();
                if (result.error.isError()) {
                    // Nothing is sent; every point is kept.
                    if (result.failedIndex >= 0)
                        reply->m_failedLines = {result.failedIndex};
                    reply->failWith(result.error);
                    return;
                }
                reply->m_body = result.body;
                spec.body = result.body;
                startWrite(reply, spec, retry);
            });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start([promise, encode = std::move(encode)] {
        promise->addResult(encode());
        promise->finish();
    });
}

WriteReply *Client::writeLines(const QByteArray &lineProtocol, const WriteOptions &options)
{
    WriteReply *reply = writeBody(lineProtocol, options, Error());
    reply->m_lineCount = lineProtocol.isEmpty() ? 0 : lineProtocol.count('\n') + 1;
    return reply;
}

WriteReply *Client::writeBody(const QByteArray &body, const WriteOptions &options,
                              const Error &validation)
{
    auto *reply = new WriteReply(this);
    reply->m_body = body;
    RequestSpec spec = writeSpec(options);
    spec.body = body;
    // From the event loop, so that finished() is never emitted inside this call.
    QTimer::singleShot(
            0, reply,
            [this, reply, spec, validation, retry = options.retry.value_or(d->options.writeRetry)] {
                if (validation.isError())
                    reply->failWith(validation);
                else if (!reply->isFinished())
                    startWrite(reply, spec, retry);
            });
    return reply;
}

void Client::startWrite(WriteReply *reply, const RequestSpec &spec, const RetryPolicy &retry)
{
    if (retry.isEnabled() && !reply->m_retry) {
        if (const Error problem = retry.validate()) {
            reply->failWith(problem);
            return;
        }
        QPointer<Client> self(this);
        reply->m_retry = new WriteRetry(
                retry, spec.body.size(), d->retryQueue,
                [self, reply, spec](const Error &lastError) {
                    if (!self) // the client is being destroyed, and its replies with it
                        return;
                    if (reply->isFinished())
                        return;
                    // The server that timed out or answered 5xx goes to the back of the
                    // failover order, so that the retry asks the others first (a refused URL
                    // is passed over by the failover itself).
                    QString failed = lastError.url().toString();
                    if (failed.endsWith(spec.path))
                        failed.chop(spec.path.size());
                    const qsizetype at = self->d->urls.indexOf(QUrl(failed));
                    if (at >= 0 && self->d->urls.size() > 1)
                        self->d->urls.move(at, self->d->urls.size() - 1);
                    self->startRequest(reply, spec);
                },
                reply);
        connect(reply->m_retry, &WriteRetry::retrying, reply, &WriteReply::retrying);
    }
    startRequest(reply, spec);
}

RequestSpec Client::writeSpec(const WriteOptions &options) const
{
    const ClientOptions &o = d->options;

    QList<std::pair<QString, QString>> params;
    if (const std::optional<Consistency> c =
                options.consistency ? options.consistency : o.consistency)
        params.append({u"consistency"_s, consistencyName(*c)});
    const QString database = options.database.value_or(o.database);
    if (!database.isEmpty())
        params.append({u"db"_s, database});
    if (const std::optional<Precision> p = options.precision ? options.precision : o.precision)
        params.append({u"precision"_s, precisionName(*p)});
    const QString rp = options.retentionPolicy.value_or(o.retentionPolicy);
    if (!rp.isEmpty())
        params.append({u"rp"_s, rp});

    RequestSpec spec;
    spec.method = "POST";
    spec.path = u"/write"_s;
    spec.urlQuery = InfluxQL::formEncode(params);
    spec.contentType = "text/plain; charset=utf-8";
    spec.compressibleBody = true;
    spec.authorization = authorizationFor(o, options);
    return spec;
}

void Client::startRequest(Reply *reply, RequestSpec spec)
{
    spec.timeout = d->options.timeout;
    spec.ssl = d->ssl;
    spec.compression = d->options.compression;
    QPointer<Client> self(this);
    auto promote = [self](const QUrl &url) {
        if (!self || self->d->urls.size() < 2)
            return;
        const qsizetype at = self->d->urls.indexOf(url);
        if (at > 0)
            self->d->urls.move(at, 0);
    };
    if (d->urls.isEmpty()) {
        QTimer::singleShot(0, reply, [reply] {
            reply->failWith(Error(Error::Kind::NoServersReachable, u"no servers could be reached"_s)
                                    .setDetail(u"no base URL is configured"_s));
        });
        return;
    }
    reply->send(new RequestDispatcher(reply, d->manager(), spec, d->urls, promote));
}

} // namespace Influx
