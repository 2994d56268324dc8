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
#include "localserver.h"
#include "signalwatcher.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

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
    using Bench::Workload::BatchPoints;
    for (qint64 first = 0; first < count; first += BatchPoints) {
        if (file.write(Bench::Workload::lines(first, std::min(BatchPoints, count - first))) < 0)
            return 1;
    }
    return 0;
}

int serve(qint64 count)
{
    Influx::LocalServer server;
    QElapsedTimer clock;
    clock.start();
    if (!Bench::Workload::startLoaded(server, count))
        return 1;
    std::fprintf(stdout, "%s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    std::fprintf(stderr,
                 "started influxd and loaded %lld points into \"bench\" in %.1f s; serving until "
                 "Ctrl+C\n",
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
