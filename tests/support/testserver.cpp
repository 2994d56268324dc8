// SPDX-License-Identifier: MIT
#include "testserver.h"

#include <QtNetwork/QTcpServer>

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>

#include <atomic>

namespace TestSupport {

QUrl fixtureUrl()
{
    QFile state(qEnvironmentVariable("INFLUX_TEST_SERVER_FILE"));
    if (!state.open(QIODevice::ReadOnly))
        return {};
    return QUrl::fromEncoded(state.readLine().trimmed());
}

QString uniqueName(const QString &prefix)
{
    static std::atomic<int> counter = 0;
    return prefix + u'_' + QString::number(QCoreApplication::applicationPid()) + u'_'
            + QString::number(++counter);
}

Influx::QueryResult query(Influx::Client &client, const QString &text,
                          const Influx::QueryOptions &options, Influx::Error *error)
{
    Influx::QueryReply *reply = client.rawQuery(text, options);
    reply->waitForFinished(60000);
    const Influx::QueryResult result = reply->result();
    if (error)
        *error = reply->error();
    reply->deleteLater();
    return result;
}

Influx::Error writeLines(Influx::Client &client, const QByteArray &lines,
                         const Influx::WriteOptions &options)
{
    Influx::WriteReply *reply = client.writeLines(lines, options);
    reply->waitForFinished(60000);
    const Influx::Error error = reply->error();
    reply->deleteLater();
    return error;
}

Influx::Error createDatabase(const QString &database, const QByteArray &lines)
{
    Influx::Client client(Influx::ClientOptions {.baseUrls = {fixtureUrl()}});
    Influx::Error error;
    query(client, QStringLiteral("CREATE DATABASE \"%1\"").arg(database), {}, &error);
    if (error.isError() || lines.isEmpty())
        return error;
    return writeLines(client, lines, Influx::WriteOptions {.database = database});
}

void dropDatabase(const QString &database)
{
    Influx::Client client(Influx::ClientOptions {.baseUrls = {fixtureUrl()}});
    query(client, QStringLiteral("DROP DATABASE \"%1\"").arg(database));
}

quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    return server.serverPort(); // closed when server goes
}

QString closedPortUrl()
{
    const quint16 port = closedPort();
    return port ? QStringLiteral("http://127.0.0.1:%1").arg(port) : QString();
}

} // namespace TestSupport
