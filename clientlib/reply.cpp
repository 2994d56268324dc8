// SPDX-License-Identifier: MIT
#include "reply.h"

#include "client.h"
#include "querydecoder.h"
#include "requestdispatcher.h"
#include "resultmerger.h"
#include "writeretry.h"

#include <QtCore/QEventLoop>
#include <QtCore/QPointer>
#include <QtCore/QRegularExpression>
#include <QtCore/QThread>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

namespace Influx {

struct Reply::Private
{
    QPointer<Client> client;
    RequestDispatcher *dispatcher = nullptr;
    bool finished = false;
    Error error;
    QUrl serverUrl;
    int httpStatus = 0;
    bool readingPaused = false;
};

Reply::Reply(Client *client) : QObject(client), d(std::make_unique<Private>())
{
    d->client = client;
}

Reply::~Reply() = default;

Client *Reply::client() const
{
    return d->client;
}

RequestDispatcher *Reply::dispatcher() const
{
    return d->dispatcher;
}

bool Reply::isFinished() const
{
    return d->finished;
}

Error Reply::error() const
{
    return d->error;
}

QUrl Reply::serverUrl() const
{
    return d->serverUrl;
}

int Reply::httpStatus() const
{
    return d->httpStatus;
}

bool Reply::waitForFinished(int msecs)
{
    if (d->finished)
        return true;
    QEventLoop loop;
    connect(this, &Reply::finished, &loop, &QEventLoop::quit);
    if (msecs >= 0)
        QTimer::singleShot(msecs, &loop, &QEventLoop::quit);
    loop.exec();
    return d->finished;
}

void Reply::abort()
{
    if (d->finished)
        return;
    if (d->dispatcher && !d->dispatcher->isDone())
        d->dispatcher->abort(); // ends in failWith()
    else // not sent yet, or the response is all in and being decoded
        failWith(Error(Error::Kind::Aborted, u"operation aborted"_s).setUrl(d->serverUrl));
}

void Reply::send(RequestDispatcher *dispatcher)
{
    if (d->dispatcher) // a retry: the last attempt's is done
        d->dispatcher->deleteLater();
    d->dispatcher = dispatcher;
    dispatcher->setPaused(d->readingPaused);
    dispatcher->start();
}

void Reply::setReadingThrottled(bool throttled)
{
    if (d->dispatcher)
        d->dispatcher->setThrottled(throttled);
}

void Reply::setReadingPaused(bool paused)
{
    d->readingPaused = paused;
    if (d->dispatcher)
        d->dispatcher->setPaused(paused);
}

bool Reply::isReadingPaused() const
{
    return d->readingPaused;
}

void Reply::setServer(const QUrl &url, int httpStatus)
{
    d->serverUrl = url;
    d->httpStatus = httpStatus;
}

void Reply::failWith(const Error &error)
{
    if (d->finished)
        return;
    if (d->dispatcher)
        d->dispatcher->cancel();
    if (deferFailure(error))
        return;
    Error e = error;
    handleFailure(e);
    d->error = e;
    finish();
}

void Reply::finish()
{
    if (d->finished)
        return;
    d->finished = true;
    if (d->error.isError()) {
        qCDebug(lcClient) << "request failed:" << d->error.toString();
        Q_EMIT errorOccurred(d->error);
    }
    Q_EMIT finished(this);
    if (d->client) {
        Q_EMIT d->client->replyFinished(this);
        if (d->client->autoDeleteReplies())
            deleteLater();
    }
}

void Reply::handleHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    Q_UNUSED(headers)
}

void Reply::handleBody(const QByteArray &bytes)
{
    Q_UNUSED(bytes)
}

void Reply::handleEnd()
{
    finish();
}

// --- PingReply -------------------------------------------------------------------------------

void PingReply::handleHeaders(const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    for (const auto &[name, value] : headers) {
        if (name.compare("X-Influxdb-Version", Qt::CaseInsensitive) == 0)
            m_version = QString::fromUtf8(value);
        else if (name.compare("X-Influxdb-Build", Qt::CaseInsensitive) == 0)
            m_build = QString::fromUtf8(value);
    }
    if (dispatcher())
        m_roundTrip = dispatcher()->roundTripTime();
}

void PingReply::handleEnd()
{
    // The reference let a KeyError escape here; a server that is not InfluxDB gets a clear
    // error instead.
    if (m_version.isEmpty()) {
        failWith(Error(Error::Kind::ProtocolError,
                       u"the server at %1 did not send an X-Influxdb-Version header; is it an "
                       u"InfluxDB server?"_s.arg(serverUrl().toString()))
                         .setUrl(serverUrl())
                         .setHttpStatus(httpStatus()));
        return;
    }
    finish();
}

// --- WriteReply ------------------------------------------------------------------------------

QList<DataPoint> WriteReply::points() const
{
    return m_batch.isEmpty() ? m_points : m_batch.toPoints();
}

int WriteReply::attempts() const
{
    if (m_retry)
        return m_retry->attempts();
    return dispatcher() ? 1 : 0;
}

bool WriteReply::deferFailure(const Error &error)
{
    return m_retry && m_retry->retryAfter(error);
}

void WriteReply::handleFailure(Error &error)
{
    if (m_retry)
        m_retry->explain(error);
    if (error.kind() != Error::Kind::ServerError)
        return;
    const QString message = error.message();
    static const QRegularExpression dropped(u"dropped=(\\d+)"_s);
    const QRegularExpressionMatch match = dropped.match(message);
    if (match.hasMatch())
        m_dropped = match.captured(1).toLongLong();

    // "unable to parse '<line>': <reason>" names the rejected lines by their text; map each
    // back to its index in the body so the caller knows which points failed.
    static const QString marker = u"unable to parse '"_s;
    const QList<QByteArray> lines = m_body.split('\n');
    QList<bool> taken(lines.size(), false);
    for (qsizetype at = message.indexOf(marker); at >= 0;
         at = message.indexOf(marker, at + marker.size())) {
        const QByteArray rest = QStringView(message).mid(at + marker.size()).toUtf8();
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!taken[i] && rest.startsWith(QByteArray(lines[i] + "':"))) {
                taken[i] = true;
                m_failedLines.append(i);
                break;
            }
        }
    }
    std::sort(m_failedLines.begin(), m_failedLines.end());
    if (!m_failedLines.isEmpty()) {
        QStringList numbers;
        for (qsizetype i : std::as_const(m_failedLines))
            numbers.append(QString::number(i + 1));
        error.setDetail(
                u"rejected line(s) %1 of %2"_s.arg(numbers.join(u", "_s)).arg(lines.size()));
    }
}

// --- QueryReply ------------------------------------------------------------------------------

QueryReply::QueryReply(Client *client, const QString &query)
    : Reply(client), m_query(query), m_merger(std::make_unique<ResultMerger>())
{
    m_decoder = new QueryDecoder;
    m_decoder->moveToThread(client->decoderThread());
    connect(m_decoder, &QueryDecoder::decoded, this, &QueryReply::onDecoded);
}

QueryReply::~QueryReply()
{
    if (m_decoder) {
        disconnect(m_decoder, nullptr, this, nullptr);
        if (m_decoder->thread() && m_decoder->thread()->isRunning())
            m_decoder->deleteLater(); // after the work already queued for it
        else
            delete m_decoder;
    }
}

QueryResult QueryReply::result() const
{
    return m_merger->result();
}

void QueryReply::setKeepRows(bool keep)
{
    m_merger->setKeepRows(keep);
}

bool QueryReply::keepsRows() const
{
    return m_merger->keepsRows();
}

void QueryReply::handleBody(const QByteArray &bytes)
{
    QueryDecoder *decoder = m_decoder;
    QMetaObject::invokeMethod(decoder, [decoder, bytes] { decoder->feed(bytes); });
    m_undecodedBytes += bytes.size();
    if (m_undecodedBytes > DecodeBacklogLimit)
        setReadingThrottled(true);
}

void QueryReply::handleEnd()
{
    QueryDecoder *decoder = m_decoder;
    QMetaObject::invokeMethod(decoder, [decoder] { decoder->finish(); });
}

void QueryReply::handleFailure(Error &error)
{
    Q_UNUSED(error)
    // Whatever the decoder still sends is of no interest any more.
    disconnect(m_decoder, nullptr, this, nullptr);
}

bool QueryReply::deferFailure(const Error &error)
{
    const bool transportBrokeMidStream = httpStatus() == 200
            && (error.kind() == Error::Kind::Timeout || error.kind() == Error::Kind::ProtocolError);
    if (!transportBrokeMidStream || m_decoderDone || m_deferredError.isError())
        return false;
    m_deferredError = error;
    handleEnd(); // decodes what is queued, then onDecoded() fails with m_deferredError
    return true;
}

void QueryReply::onDecoded(const DecodedBatch &batch)
{
    if (isFinished())
        return;
    m_undecodedBytes -= batch.bytesConsumed;
    if (m_undecodedBytes <= DecodeBacklogLimit / 2)
        setReadingThrottled(false);
    m_decoderDone = batch.atEnd || !batch.errorString.isEmpty();
    for (const DecodedDocument &document : batch.documents) {
        const QList<ResultMerger::Update> updates = m_merger->add(document);
        for (const ResultMerger::Update &u : updates) {
            m_rows += u.count;
            Q_EMIT pieceReceived(u.statementIndex, u.seriesIndex, u.firstRow, u.piece);
            Q_EMIT rowsReceived(u.statementIndex, u.seriesIndex, u.firstRow, u.count);
        }
        if (m_merger->documentError().isError()) {
            failWith(Error(m_merger->documentError())
                             .setUrl(serverUrl())
                             .setHttpStatus(httpStatus()));
            return;
        }
        for (int statement : m_merger->takeFinishedStatements())
            Q_EMIT statementFinished(statement);
    }
    if (!batch.documents.isEmpty())
        Q_EMIT progress(m_rows);
    if (m_deferredError.isError() && m_decoderDone) {
        // The body was cut short: a trailing partial document is expected, the transport
        // error is what the caller needs to hear.
        m_merger->finish();
        for (int statement : m_merger->takeFinishedStatements())
            Q_EMIT statementFinished(statement);
        failWith(m_deferredError);
        return;
    }
    if (!batch.errorString.isEmpty()) {
        failWith(Error(Error::Kind::ProtocolError,
                       u"malformed response from %1"_s.arg(serverUrl().toString()))
                         .setDetail(batch.errorString)
                         .setUrl(serverUrl())
                         .setHttpStatus(httpStatus()));
        return;
    }
    if (!batch.atEnd)
        return;
    m_merger->finish();
    for (int statement : m_merger->takeFinishedStatements())
        Q_EMIT statementFinished(statement);
    // A failed statement fails the reply; the other statements' results stay in result().
    const Error statementError = m_merger->result().firstError();
    if (statementError.isError()) {
        failWith(Error(statementError).setUrl(serverUrl()).setHttpStatus(httpStatus()));
        return;
    }
    finish();
}

} // namespace Influx
