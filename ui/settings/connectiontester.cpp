// SPDX-License-Identifier: MIT
#include "connectiontester.h"

#include "client.h"

using namespace Qt::StringLiterals;

namespace Explorer {

ConnectionTester::ConnectionTester(QObject *parent) : QObject(parent)
{ }

ConnectionTester::~ConnectionTester() = default;

void ConnectionTester::start(const ConnectionProfile &profile, const QString &secret)
{
    cancel();
    m_profile = profile;
    m_connected.clear();
    auto *client = new Influx::Client(this);
    client->setAutoDeleteReplies(true);
    m_client = client;
    Influx::Error error = profile.validate();
    if (!error)
        error = client->setOptions(profile.toClientOptions(secret));
    if (error) {
        // Reported like every other result: from the event loop.
        QMetaObject::invokeMethod(
                this, [this, error] { finish(false, error.message()); }, Qt::QueuedConnection);
        return;
    }
    connect(client->ping(), &Influx::Reply::finished, this, &ConnectionTester::pingFinished);
}

void ConnectionTester::cancel()
{
    if (m_client) {
        // Late results of the old test must not be taken for the new one's; deleting the
        // client takes its replies (and their requests) with it.
        for (QObject *child : m_client->children())
            child->disconnect(this);
        m_client->deleteLater();
        m_client = nullptr;
    }
}

void ConnectionTester::pingFinished(Influx::Reply *reply)
{
    if (reply->error()) {
        finish(false, reply->error().toString());
        return;
    }
    const auto *ping = static_cast<Influx::PingReply *>(reply);
    const double ms = double(ping->roundTripTime().count()) / 1000.0;
    const QString server = ping->build().isEmpty()
            ? tr("InfluxDB %1").arg(ping->version())
            : tr("InfluxDB %1 (%2)").arg(ping->version(), ping->build());
    m_connected = tr("Connected: %1, %2 ms").arg(server, QString::number(ms, 'f', 1));

    QString check;
    if (!m_profile.database.isEmpty())
        check = u"SHOW RETENTION POLICIES ON "_s
                + Influx::Source::quoteIdentifier(m_profile.database);
    else if (m_profile.auth != ConnectionProfile::Auth::None)
        check = u"SHOW DATABASES"_s;
    if (check.isEmpty()) {
        finish(true, m_connected);
        return;
    }
    connect(m_client->rawQuery(check), &Influx::Reply::finished, this,
            &ConnectionTester::queryFinished);
}

void ConnectionTester::queryFinished(Influx::Reply *reply)
{
    Influx::Error error = reply->error();
    if (!error)
        error = static_cast<Influx::QueryReply *>(reply)->result().firstError();
    if (error) {
        // The server answered the ping: say so, then what is wrong (credentials, database).
        finish(false, tr("%1, but: %2").arg(m_connected, error.toString()));
        return;
    }
    finish(true, m_connected);
}

void ConnectionTester::finish(bool success, const QString &message)
{
    cancel();
    Q_EMIT finished(success, message);
}

} // namespace Explorer
