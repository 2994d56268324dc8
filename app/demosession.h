// SPDX-License-Identifier: MIT
#ifndef EXPLORER_DEMOSESSION_H
#define EXPLORER_DEMOSESSION_H

#include <error.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QUrl>

#include <memory>

namespace Influx {
class Client;
class LocalServer;
} // namespace Influx

namespace Explorer {

class DemoData;

// The window's demo server: a private influxd on 127.0.0.1 (Influx::LocalServer) loaded with
// the demo data set through a client of its own, so the user's connection is untouched until
// the server is ready. It lives as long as this object (the application's lifetime).
class DemoSession : public QObject
{
    Q_OBJECT
public:
    explicit DemoSession(QObject *parent = nullptr);
    ~DemoSession() override;

    // Starts influxd (a short local event loop while it boots, about a second), then loads the
    // data in the background: serverReady() first, progress(), then loaded().
    void start();
    bool isRunning() const;
    QUrl url() const;

Q_SIGNALS:
    void serverReady(const QUrl &url);
    void progress(qint64 pointsWritten, qint64 totalPoints);
    void loaded(const Influx::Error &error);
    void failed(const QString &message);

private:
    std::unique_ptr<Influx::LocalServer> m_server;
    Influx::Client *m_client = nullptr;
    QPointer<DemoData> m_data;
};

} // namespace Explorer

#endif // EXPLORER_DEMOSESSION_H
