// SPDX-License-Identifier: MIT
#ifndef INFLUX_REQUESTDISPATCHER_H
#define INFLUX_REQUESTDISPATCHER_H

#include "error.h"
#include "influxglobal.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QSslConfiguration>

#include <chrono>
#include <functional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Influx {

class Reply;

// What to send, independent of which base URL receives it.
struct RequestSpec
{
    QByteArray method; // "GET" or "POST"
    QString path; // "/ping", "/query", "/write"
    QByteArray urlQuery; // already percent-encoded, without '?'
    QByteArray body;
    QByteArray contentType;
    QByteArray authorization; // complete header value, or empty
    Compression compression = Compression::Auto; // for the response, and for a write body
    bool compressibleBody = false; // gzip the body (when compression applies and it is large)
    std::chrono::milliseconds timeout {0};
    QSslConfiguration ssl; // applied to https URLs
};

// Sends one request with the reference client's ordered failover (spec §4.2): base URLs are
// tried in order; only connection-class failures (refused, unknown host, reset before any
// response) move on to the next URL; any HTTP response — whatever its status — ends the search
// and its URL goes to the front of the client's list. Status handling follows §4.4.
// Internal: owned by the Reply it serves.
class RequestDispatcher : public QObject
{
    Q_OBJECT
public:
    using PromoteFunction = std::function<void(const QUrl &)>;

    RequestDispatcher(Reply *reply, QNetworkAccessManager *manager, const RequestSpec &spec,
                      const QList<QUrl> &baseUrls, PromoteFunction promote);
    ~RequestDispatcher() override;

    void start();
    // Fails the reply with an Aborted error.
    void abort();
    // Stops silently (the reply already knows why).
    void cancel();
    // True once the response is all in (or the request failed): what is left of the reply is
    // its own work, decoding.
    bool isDone() const { return m_done; }
    // Stops / restarts reading the response. While paused, at most ReadBufferWhilePaused bytes
    // wait in Qt's buffer, so the server is held back by TCP flow control, and the inactivity
    // timeout is suspended (a paused reply is waiting for the user, not for the server).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    static constexpr qint64 ReadBufferWhilePaused = 256 * 1024;
    // Otherwise Qt's buffer is capped too, so that one read never hands over more than this
    // (with no cap a busy event loop can find tens of MiB waiting at once).
    static constexpr qint64 ReadBufferWhileReading = 4 * 1024 * 1024;
    // The same hold while the reply's consumer (the decoder thread) is behind: the reply stops
    // reading when the bytes it has not yet decoded pass a limit, and goes on once they are
    // down again, so a slow decoder holds the server back instead of piling up the response.
    void setThrottled(bool throttled);
    bool isThrottled() const { return m_throttled; }
    // Bodies below this are sent as they are: compressing them saves less than it costs.
    static constexpr qsizetype GzipMinimumBody = 4096;
    // Whether requests to this base URL use gzip (see Compression).
    static bool usesGzip(Compression compression, const QUrl &baseUrl);
    // Time from sending to the response headers of the attempt that answered.
    std::chrono::microseconds roundTripTime() const { return m_roundTrip; }

private:
    void tryUrl(qsizetype index);
    void sendTo(qsizetype index);
    bool gzipsBody(const QUrl &baseUrl) const; // this request's body goes gzipped there
    void compressBody(qsizetype index); // off this thread, then sendTo(index)
    bool isHeld() const { return m_paused || m_throttled; }
    void updateHold();
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void deliverBody(const QByteArray &data);
    void onTimeout();
    void fail(const Error &error);
    void releaseNetworkReply();
    Error errorFromStatus(const QByteArray &body) const;
    static bool isConnectionError(QNetworkReply::NetworkError error);

    QPointer<Reply> m_reply;
    QNetworkAccessManager *m_manager;
    RequestSpec m_spec;
    QList<QUrl> m_urls;
    PromoteFunction m_promote;
    qsizetype m_index = -1;
    QNetworkReply *m_networkReply = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    std::chrono::microseconds m_roundTrip {0};
    int m_status = 0;
    qint64 m_bodyReceived = 0;
    qint64 m_bodyTotal = -1; // from Content-Length when the body arrives as sent
    bool m_headersHandled = false;
    bool m_done = false;
    bool m_paused = false;
    bool m_throttled = false;
    bool m_held = false; // m_paused || m_throttled, as last applied to the network reply
    bool m_finishPending = false; // the response ended while held
    QByteArray m_errorBody;
    QByteArray m_gzippedBody; // m_spec.body compressed, once a URL needed it
    QStringList m_connectionErrors;
    bool m_sent = false; // the current attempt's request went out whole
    bool m_sentThenLost = false; // an attempt was sent whole and its connection then broke
};

} // namespace Influx

#endif // INFLUX_REQUESTDISPATCHER_H
