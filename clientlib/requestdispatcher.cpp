// SPDX-License-Identifier: MIT
#include "requestdispatcher.h"

#include "gzip.h"
#include "reply.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QThreadPool>
#include <QtNetwork/QHostAddress>
#include <QtNetwork/QNetworkAccessManager>

using namespace Qt::StringLiterals;

namespace Influx {

RequestDispatcher::RequestDispatcher(Reply *reply, QNetworkAccessManager *manager,
                                     const RequestSpec &spec, const QList<QUrl> &baseUrls,
                                     PromoteFunction promote)
    : QObject(reply),
      m_reply(reply),
      m_manager(manager),
      m_spec(spec),
      m_urls(baseUrls),
      m_promote(std::move(promote))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RequestDispatcher::onTimeout);
}

RequestDispatcher::~RequestDispatcher()
{
    releaseNetworkReply();
}

void RequestDispatcher::start()
{
    tryUrl(0);
}

void RequestDispatcher::abort()
{
    if (!m_done)
        fail(Error(Error::Kind::Aborted, u"operation aborted"_s));
}

void RequestDispatcher::setPaused(bool paused)
{
    m_paused = paused;
    updateHold();
}

void RequestDispatcher::setThrottled(bool throttled)
{
    m_throttled = throttled;
    updateHold();
}

void RequestDispatcher::updateHold()
{
    if (isHeld() == m_held)
        return;
    m_held = isHeld();
    if (!m_networkReply || m_done)
        return;
    if (m_held) {
        m_networkReply->setReadBufferSize(ReadBufferWhilePaused);
        m_timer.stop();
        return;
    }
    m_networkReply->setReadBufferSize(ReadBufferWhileReading);
    if (m_spec.timeout.count() > 0)
        m_timer.start(m_spec.timeout);
    // Deliver what waited in the buffer, then the end if it came meanwhile; both from the event
    // loop, since resume() may be called from a slot of this reply.
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (isHeld())
                    return;
                if (m_finishPending) {
                    m_finishPending = false;
                    onFinished();
                } else {
                    onReadyRead();
                }
            },
            Qt::QueuedConnection);
}

void RequestDispatcher::cancel()
{
    m_done = true;
    m_timer.stop();
    releaseNetworkReply();
}

bool RequestDispatcher::isConnectionError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}

void RequestDispatcher::tryUrl(qsizetype index)
{
    m_index = index;
    if (index >= m_urls.size()) {
        Error error(Error::Kind::NoServersReachable, u"no servers could be reached"_s);
        error.setDetail(m_connectionErrors.join(u"; "_s));
        error.setOutcomeUnknown(m_sentThenLost);
        m_done = true;
        m_reply->failWith(error);
        return;
    }
    if (gzipsBody(m_urls.at(index)) && m_gzippedBody.isEmpty())
        compressBody(index);
    else
        sendTo(index);
}

bool RequestDispatcher::gzipsBody(const QUrl &baseUrl) const
{
    return m_spec.compressibleBody && m_spec.body.size() >= GzipMinimumBody
            && usesGzip(m_spec.compression, baseUrl);
}

bool RequestDispatcher::usesGzip(Compression compression, const QUrl &baseUrl)
{
    switch (compression) {
    case Compression::Gzip:
        return true;
    case Compression::None:
        return false;
    case Compression::Auto:
        break;
    }
    const QString host = baseUrl.host();
    if (host.compare("localhost"_L1, Qt::CaseInsensitive) == 0)
        return false;
    const QHostAddress address(host);
    return address.isNull() || !address.isLoopback();
}

void RequestDispatcher::compressBody(qsizetype index)
{
    // 10 MB of line protocol takes about 0.1 s to compress: not on the caller's (GUI) thread.
    QPointer<RequestDispatcher> self(this);
    QThreadPool::globalInstance()->start([self, index, body = m_spec.body] {
        QByteArray gzipped = Gzip::compress(body);
        QMetaObject::invokeMethod(
                self.get(),
                [self, index, gzipped = std::move(gzipped)]() mutable {
                    if (!self || self->m_done)
                        return;
                    self->m_gzippedBody = std::move(gzipped);
                    self->sendTo(index);
                },
                Qt::QueuedConnection);
    });
}

void RequestDispatcher::sendTo(qsizetype index)
{
    const QUrl base = m_urls.at(index);
    QByteArray encoded = base.toEncoded() + m_spec.path.toUtf8();
    if (!m_spec.urlQuery.isEmpty())
        encoded += '?' + m_spec.urlQuery;
    QNetworkRequest request(QUrl::fromEncoded(encoded, QUrl::StrictMode));
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("influx-explorer/0.1"));
    // Redirects are not followed: a redirect to another origin would carry the credentials
    // along; the error names the new location instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    if (!m_spec.authorization.isEmpty())
        request.setRawHeader("Authorization", m_spec.authorization);
    if (base.scheme() == "https"_L1)
        request.setSslConfiguration(m_spec.ssl);
    if (!m_spec.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_spec.contentType);
    // Qt asks for gzip and inflates by itself unless Accept-Encoding is set here.
    if (!usesGzip(m_spec.compression, base))
        request.setRawHeader("Accept-Encoding", "identity");
    const bool gzipBody = gzipsBody(base); // compressed by tryUrl() before
    if (gzipBody)
        request.setRawHeader("Content-Encoding", "gzip");

    m_status = 0;
    m_sent = m_spec.method == "GET"; // a GET is out once connected: no body to wait for
    m_headersHandled = false;
    m_errorBody.clear();
    m_bodyReceived = 0;
    m_bodyTotal = -1;
    m_clock.start();
    if (m_spec.method == "GET")
        m_networkReply = m_manager->get(request);
    else
        m_networkReply = m_manager->sendCustomRequest(request, m_spec.method,
                                                      gzipBody ? m_gzippedBody : m_spec.body);

    connect(m_networkReply, &QNetworkReply::metaDataChanged, this, &RequestDispatcher::onMetaData);
    connect(m_networkReply, &QNetworkReply::readyRead, this, &RequestDispatcher::onReadyRead);
    connect(m_networkReply, &QNetworkReply::finished, this, &RequestDispatcher::onFinished);
    connect(m_networkReply, &QNetworkReply::uploadProgress, this,
            [this](qint64 sent, qint64 total) {
                if (total > 0 && sent == total)
                    m_sent = true;
                if (m_timer.isActive())
                    m_timer.start();
                Q_EMIT m_reply->uploadProgress(sent, total);
            });
    m_networkReply->setReadBufferSize(m_held ? ReadBufferWhilePaused : ReadBufferWhileReading);
    if (!m_held && m_spec.timeout.count() > 0)
        m_timer.start(m_spec.timeout);
}

void RequestDispatcher::onMetaData()
{
    if (m_headersHandled || !m_networkReply)
        return;
    const QVariant status = m_networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return;
    m_headersHandled = true;
    m_status = status.toInt();
    m_roundTrip = std::chrono::microseconds(m_clock.nsecsElapsed() / 1000);
    const QUrl base = m_urls.at(m_index);
    m_reply->setServer(base, m_status);
    if (m_promote)
        m_promote(base);

    if (m_status == 200 || m_status == 204) {
        // Content-Length counts compressed bytes when Qt inflates the body.
        const QVariant length = m_networkReply->header(QNetworkRequest::ContentLengthHeader);
        if (m_networkReply->rawHeader("Content-Encoding").isEmpty() && length.isValid())
            m_bodyTotal = length.toLongLong();
        m_reply->handleHeaders(m_networkReply->rawHeaderPairs());
    } else if (m_status < 400) {
        Error error(Error::Kind::UnexpectedStatus,
                    u"server responded with an unexpected HTTP status: %1"_s.arg(m_status));
        const QByteArray location = m_networkReply->rawHeader("Location");
        if (!location.isEmpty())
            error.setDetail(u"redirected to %1; use that URL"_s.arg(QString::fromUtf8(location)));
        fail(error.setHttpStatus(m_status));
    }
}

void RequestDispatcher::onReadyRead()
{
    if (!m_networkReply)
        return;
    if (m_timer.isActive())
        m_timer.start();
    onMetaData();
    if (m_done || !m_networkReply)
        return;
    if (!m_headersHandled)
        return; // not an HTTP response yet
    if (m_held && m_status < 400)
        return; // left in the buffer until resumed
    const QByteArray data = m_networkReply->readAll();
    if (m_status >= 400)
        m_errorBody += data;
    else if (!data.isEmpty())
        deliverBody(data);
}

// Progress is counted here, on what the reply takes in, rather than forwarded from
// QNetworkReply: Qt emits its downloadProgress at most every 100 ms and only when more data
// comes, so a reply that holds back after one large read would never report it.
void RequestDispatcher::deliverBody(const QByteArray &data)
{
    m_bodyReceived += data.size();
    Q_EMIT m_reply->downloadProgress(m_bodyReceived, m_bodyTotal);
    m_reply->handleBody(data);
}

void RequestDispatcher::onFinished()
{
    if (m_done || !m_networkReply)
        return;
    if (m_held && m_headersHandled && m_status < 400) {
        m_finishPending = true;
        return;
    }
    m_timer.stop();
    onMetaData();
    if (m_done)
        return;
    const QUrl base = m_urls.at(m_index);
    const QNetworkReply::NetworkError networkError = m_networkReply->error();
    if (!m_headersHandled) {
        const QString reason = m_networkReply->errorString();
        releaseNetworkReply();
        if (isConnectionError(networkError)) {
            if (m_sent && networkError == QNetworkReply::RemoteHostClosedError)
                m_sentThenLost = true;
            qCWarning(lcClient, "error connecting to %s: %s", qUtf8Printable(base.toString()),
                      qUtf8Printable(reason));
            m_connectionErrors.append(base.toString() + u": "_s + reason);
            tryUrl(m_index + 1);
            return;
        }
        fail(Error(Error::Kind::ConnectionError,
                   u"unexpected error when connecting to %1"_s.arg(base.toString()))
                     .setDetail(reason));
        return;
    }
    if (m_status >= 400) {
        m_errorBody += m_networkReply->readAll();
        Error error = errorFromStatus(m_errorBody);
        // Only the delay-seconds form; an HTTP date is rare and left to the back-off.
        bool ok = false;
        const int retryAfter = m_networkReply->rawHeader("Retry-After").trimmed().toInt(&ok);
        if (ok && retryAfter > 0)
            error.setRetryAfter(retryAfter);
        fail(error);
        return;
    }
    const QByteArray rest = m_networkReply->readAll();
    if (!rest.isEmpty())
        deliverBody(rest);
    if (m_done)
        return;
    if (networkError != QNetworkReply::NoError) {
        fail(Error(Error::Kind::ProtocolError,
                   u"the response from %1 ended before it was complete"_s.arg(base.toString()))
                     .setDetail(m_networkReply->errorString())
                     .setHttpStatus(m_status));
        return;
    }
    releaseNetworkReply();
    m_done = true;
    m_reply->handleEnd();
}

void RequestDispatcher::onTimeout()
{
    if (m_done)
        return;
    const QString url = m_urls.value(m_index).toString();
    const double seconds = std::chrono::duration<double>(m_spec.timeout).count();
    if (!m_headersHandled) {
        fail(Error(Error::Kind::Timeout, u"unexpected error when connecting to %1"_s.arg(url))
                     .setDetail(u"no response within %1 s"_s.arg(seconds))
                     .setOutcomeUnknown(m_sent || m_sentThenLost));
    } else {
        fail(Error(Error::Kind::Timeout,
                   u"the response from %1 stalled for more than %2 s"_s.arg(url).arg(seconds))
                     .setHttpStatus(m_status));
    }
}

void RequestDispatcher::fail(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    releaseNetworkReply();
    Error e = error;
    if (e.url().isEmpty() && m_index >= 0 && m_index < m_urls.size())
        e.setUrl(QUrl(m_urls.at(m_index).toString() + m_spec.path));
    m_reply->failWith(e);
}

void RequestDispatcher::releaseNetworkReply()
{
    if (!m_networkReply)
        return;
    QNetworkReply *reply = std::exchange(m_networkReply, nullptr);
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isRunning())
        reply->abort();
    reply->deleteLater();
}

Error RequestDispatcher::errorFromStatus(const QByteArray &body) const
{
    Error error(Error::Kind::ServerError, QString());
    error.setHttpStatus(m_status);
    const QByteArray contentType = m_networkReply
            ? m_networkReply->header(QNetworkRequest::ContentTypeHeader).toByteArray()
            : QByteArray();
    const QByteArray mediaType = contentType.split(';').first().trimmed().toLower();
    if (mediaType == "application/json") {
        const QJsonDocument document = QJsonDocument::fromJson(body);
        const QJsonValue message = document.object().value("error"_L1);
        if (message.isString()) {
            error = Error(Error::Kind::ServerError, message.toString()).setHttpStatus(m_status);
            return error;
        }
    }
    // Plain-text bodies (Go's "404 page not found", proxies' HTML pages).
    return Error(Error::Kind::ServerError, u"server error: "_s + QString::fromUtf8(body))
            .setHttpStatus(m_status);
}

} // namespace Influx
