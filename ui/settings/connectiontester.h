// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CONNECTIONTESTER_H
#define EXPLORER_CONNECTIONTESTER_H

#include "settings/connectionprofile.h"

#include <QtCore/QObject>

namespace Influx {
class Client;
class Reply;
} // namespace Influx

namespace Explorer {

// Tries a profile before it is saved, with a client of its own (never the shared one): /ping
// tells whether a server answers and its version; /ping needs no credentials, so a query
// follows when there is something to check: SHOW RETENTION POLICIES ON the database (which
// also reports a missing database), or SHOW DATABASES for credentials without a database.
class ConnectionTester : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTester)
public:
    explicit ConnectionTester(QObject *parent = nullptr);
    ~ConnectionTester() override;

    // Starts a test (cancelling one in progress). finished() follows, from the event loop.
    void start(const ConnectionProfile &profile, const QString &secret);
    void cancel();
    bool isRunning() const { return m_client != nullptr; }

Q_SIGNALS:
    // message is what the user reads, e.g. "Connected: InfluxDB 1.6.7 (OSS), 1.2 ms".
    void finished(bool success, const QString &message);

private:
    void pingFinished(Influx::Reply *reply);
    void queryFinished(Influx::Reply *reply);
    void finish(bool success, const QString &message);

    Influx::Client *m_client = nullptr; // child; the running test's, none when idle
    ConnectionProfile m_profile;
    QString m_connected; // the ping's report, completed by the query's
};

} // namespace Explorer

#endif // EXPLORER_CONNECTIONTESTER_H
