// SPDX-License-Identifier: MIT
// The issue-5 workload (bench/workload.h), deterministic, for the benchmarks and for running
// the peers (curl, influx, influxdb-python) on exactly the same data:
//
//   bench_workload lines N FILE     writes N points of line protocol (ns times) to FILE ("-":
//                                   standard output)
//   bench_workload serve N          starts a private influxd on 127.0.0.1, loads N points into
//                                   database "bench", prints its URL alone on the first line,
//                                   and serves until SIGINT or SIGTERM
//
// e.g.  url=$(build/dev/tests/bench_workload serve 1000000 | head -1)
//       curl -s -G "$url/query" --data-urlencode db=bench --data-urlencode chunked=true
//            --data-urlencode "q=SELECT * FROM cpu" -o /dev/null       (one line)
#include "bench/workload.h"
#include "client.h"
#include "localserver.h"
#include "signalwatcher.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 BatchPoints = 100'000;

int usage()
{
    std::fputs("usage: bench_workload lines N FILE | bench_workload serve N\n", stderr);
    return 2;
}

int writeLines(qint64 count, const QString &path)
{
    QFile file;
    const bool open = path == u"-"_s ? file.open(stdout, QIODevice::WriteOnly)
                                     : (file.setFileName(path), file.open(QIODevice::WriteOnly));
    if (!open) {
        std::fprintf(stderr, "cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return 1;
    }
    for (qint64 first = 0; first < count; first += BatchPoints) {
        if (file.write(Bench::Workload::lines(first, std::min(BatchPoints, count - first))) < 0)
            return 1;
    }
    return 0;
}

bool load(Influx::Client &client, qint64 count)
{
    Influx::QueryReply *create = client.rawQuery(u"CREATE DATABASE bench"_s);
    create->waitForFinished(30000);
    const bool created = create->isSuccess();
    delete create;
    if (!created)
        return false;
    for (qint64 first = 0; first < count; first += BatchPoints) {
        Influx::WriteReply *reply = client.writeLines(
                Bench::Workload::lines(first, std::min(BatchPoints, count - first)),
                Influx::WriteOptions {.database = u"bench"_s});
        reply->waitForFinished(120000);
        const Influx::Error error = reply->error();
        delete reply;
        if (error.isError()) {
            std::fprintf(stderr, "write failed: %s\n", qPrintable(error.toString()));
            return false;
        }
    }
    return true;
}

int serve(qint64 count)
{
    Influx::LocalServer server;
    if (!server.start()) {
        std::fprintf(stderr, "influxd did not start: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    Influx::Client client(Influx::ClientOptions {.baseUrls = {server.url()}});
    QElapsedTimer clock;
    clock.start();
    if (!load(client, count))
        return 1;
    std::fprintf(stdout, "%s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    std::fprintf(stderr, "loaded %lld points into \"bench\" in %.1f s; serving until Ctrl+C\n",
                 count, double(clock.elapsed()) / 1000.0);
    Explorer::SignalWatcher watcher([] { QCoreApplication::quit(); });
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = application.arguments();
    bool ok = false;
    const qint64 count = args.value(2).toLongLong(&ok);
    if (args.size() == 4 && args.at(1) == u"lines"_s && ok && count >= 0)
        return writeLines(count, args.at(3));
    if (args.size() == 3 && args.at(1) == u"serve"_s && ok && count >= 0)
        return serve(count);
    return usage();
}
