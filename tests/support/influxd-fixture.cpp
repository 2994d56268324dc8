// SPDX-License-Identifier: MIT
// The CTest fixture around one private influxd for the whole test run:
//   influxd-fixture start STATEFILE   starts influxd on a free 127.0.0.1 port, writes
//                                     "url\npid\ndirectory\n" to STATEFILE
//   influxd-fixture stop STATEFILE    stops it and removes its directory
#include "localserver.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 || (args[1] != u"start" && args[1] != u"stop")) {
        std::fprintf(stderr, "usage: influxd-fixture start|stop STATEFILE\n");
        return 2;
    }
    QFile state(args[2]);
    if (args[1] == u"start") {
        Influx::LocalServer server;
        if (!server.startDetached()) {
            std::fprintf(stderr, "cannot start influxd: %s\n", qPrintable(server.errorString()));
            return 1;
        }
        if (!state.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            Influx::LocalServer::stopDetached(server.processId(), server.dataDirectory());
            std::fprintf(stderr, "cannot write %s\n", qPrintable(args[2]));
            return 1;
        }
        state.write(server.url().toEncoded() + '\n' + QByteArray::number(server.processId()) + '\n'
                    + server.dataDirectory().toUtf8() + '\n');
        std::printf("influxd %lld listening on %s\n", server.processId(),
                    server.url().toEncoded().constData());
        return 0;
    }
    if (!state.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "no fixture state in %s\n", qPrintable(args[2]));
        return 1;
    }
    const QList<QByteArray> lines = state.readAll().split('\n');
    state.close();
    if (lines.size() < 3)
        return 1;
    const bool clean =
            Influx::LocalServer::stopDetached(lines[1].toLongLong(), QString::fromUtf8(lines[2]));
    state.remove();
    std::printf("influxd %s stopped%s\n", lines[1].constData(), clean ? "" : " (killed)");
    return 0;
}
