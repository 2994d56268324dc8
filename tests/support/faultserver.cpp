// SPDX-License-Identifier: MIT
#include "faultserver.h"

#include <QtNetwork/QTcpSocket>

namespace TestSupport {

QByteArray FaultServer::Request::query() const
{
    const qsizetype at = target.indexOf('?');
    return at < 0 ? QByteArray() : target.mid(at + 1);
}

FaultServer::FaultServer(QObject *parent) : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultServer::onNewConnection);
}

FaultServer::~FaultServer() = default;

bool FaultServer::listen(quint16 port)
{
    if (!m_server.listen(QHostAddress::LocalHost, port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

QUrl FaultServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void FaultServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            // Requests may be pipelined on a kept-alive connection: handle each complete one.
            forever {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                Request request;
                const QList<QByteArray> lines = buffer->left(end).split('\n');
                const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
                request.method = first.value(0);
                request.target = first.value(1);
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                               lines[i].mid(colon + 1).trimmed());
                }
                const qsizetype length = request.headers.value("content-length").toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                request.body = buffer->mid(end + 4, length);
                buffer->remove(0, end + 4 + length);
                m_requests.append(request);
                if (m_handler)
                    m_handler(request, socket);
            }
        });
    }
}

static QByteArray statusLine(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " Status\r\n";
}

void FaultServer::respond(QTcpSocket *socket, int status, const QByteArray &contentType,
                          const QByteArray &body,
                          const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QByteArray response = statusLine(status);
    if (!contentType.isEmpty())
        response += "Content-Type: " + contentType + "\r\n";
    for (const auto &[name, value] : headers)
        response += name + ": " + value + "\r\n";
    response += "X-Influxdb-Version: 1.6.7-fault\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket->write(response);
}

void FaultServer::beginChunked(QTcpSocket *socket, int status, const QByteArray &contentType)
{
    socket->write(statusLine(status) + "Content-Type: " + contentType
                  + "\r\nX-Influxdb-Version: 1.6.7-fault\r\nTransfer-Encoding: chunked\r\n\r\n");
}

void FaultServer::writeChunk(QTcpSocket *socket, const QByteArray &data)
{
    socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
    socket->flush();
}

void FaultServer::endChunked(QTcpSocket *socket)
{
    socket->write("0\r\n\r\n");
    socket->flush();
}

} // namespace TestSupport
