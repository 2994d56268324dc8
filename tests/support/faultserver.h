// SPDX-License-Identifier: MIT
#ifndef TESTSUPPORT_FAULTSERVER_H
#define TESTSUPPORT_FAULTSERVER_H

#include <QtCore/QList>
#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QUrl>
#include <QtNetwork/QTcpServer>

#include <functional>

QT_BEGIN_NAMESPACE
class QTcpSocket;
QT_END_NAMESPACE

namespace TestSupport {

// A tiny HTTP/1.1 server on 127.0.0.1 for the faults a real influxd will not produce on demand:
// 5xx, odd statuses, stalls, truncated or malformed bodies, dropped connections. Each test
// installs a handler that writes exactly the bytes it needs to the socket.
class FaultServer : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QByteArray method;
        QByteArray target; // path and query, as sent
        QMap<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
        QByteArray path() const { return target.split('?').first(); }
        QByteArray query() const;
    };
    using Handler = std::function<void(const Request &request, QTcpSocket *socket)>;

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    bool listen(quint16 port = 0); // 127.0.0.1; 0 = a free port
    QUrl url() const;
    void close() { m_server.close(); } // refuses new connections from now on
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QList<Request> requests() const { return m_requests; }

    // A complete response with Content-Length.
    static void respond(QTcpSocket *socket, int status, const QByteArray &contentType,
                        const QByteArray &body,
                        const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    // The status line and headers of a chunked response; then writeChunk() pieces.
    static void beginChunked(QTcpSocket *socket, int status, const QByteArray &contentType);
    static void writeChunk(QTcpSocket *socket, const QByteArray &data);
    static void endChunked(QTcpSocket *socket);

private:
    void onNewConnection();
    QTcpServer m_server;
    quint16 m_port = 0; // kept after close()
    Handler m_handler;
    QList<Request> m_requests;
};

} // namespace TestSupport

#endif // TESTSUPPORT_FAULTSERVER_H
