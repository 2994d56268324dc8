// SPDX-License-Identifier: MIT
#ifndef INFLUX_LOCALSERVER_H
#define INFLUX_LOCALSERVER_H

#include "error.h"

#include <QtCore/QObject>
#include <QtCore/QUrl>

#include <memory>

namespace Influx {

// Starts a private influxd (Debian's influxdb package) for tests and the demo mode: on free
// 127.0.0.1 ports, in a temporary directory, with reporting, UDP and other services off.
// It never touches a system-wide server, port 8086/8088 or any address but 127.0.0.1.
//
//     Influx::LocalServer server;
//     if (!server.start())                       // waits until /ping answers
//         qFatal("%s", qPrintable(server.errorString()));
//     client.setOptions({.baseUrls = {server.url()}});
class LocalServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalServer)
public:
    explicit LocalServer(QObject *parent = nullptr);
    ~LocalServer() override; // stops the server and removes its directory

    // Defaults: /usr/bin/influxd (or the INFLUXD environment variable), no authentication.
    void setExecutable(const QString &path);
    void setAuthEnabled(bool enabled);
    // Keep the data directory after stop() (for debugging a failing test).
    void setKeepData(bool keep);

    // Starts influxd and waits (running an event loop) until it answers /ping or timeoutMs
    // passes. Retries with new ports when influxd cannot bind one.
    bool start(int timeoutMs = 30000);
    void stop();
    // For fault tests: ends influxd with SIGKILL, as a crash would, and keeps its data;
    // restart() brings it back.
    void kill();
    // Stops influxd if it runs (SIGTERM) and starts it again on the same port and data, waiting
    // as start() does. False when it was never started, or cannot come back (port taken).
    bool restart(int timeoutMs = 30000);
    bool isRunning() const;

    QUrl url() const; // http://127.0.0.1:<port>
    quint16 port() const;
    QString dataDirectory() const;
    qint64 processId() const;
    QString errorString() const;
    // What influxd printed (stderr and stdout), for diagnosing a failed start.
    QByteArray log() const;

    // Detached mode for the CTest fixture: the server outlives this process. stopDetached()
    // ends it (by process id) and removes the directory.
    bool startDetached(int timeoutMs = 30000);
    static bool stopDetached(qint64 pid, const QString &directory);

Q_SIGNALS:
    void finished(int exitCode); // influxd ended (crash or stop())

private:
    bool launch(int timeoutMs); // runs influxd with the prepared directory and ports
    void halt(bool crash); // ends the process, keeps the directory
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Influx

#endif // INFLUX_LOCALSERVER_H
