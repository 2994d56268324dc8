// SPDX-License-Identifier: MIT
// End-to-end query and import against a private influxd (issue 5), each timed beside plain-HTTP
// baselines in the same run and reported as a ratio to them. Starts a private influxd, loads N
// points of the issue-5 workload (bench/workload.h) into database "bench", writes the same N
// points once as line protocol to a temporary file (and in 10 pieces of N/10 lines), then
// measures the wall time of each row R times, interleaved (row 1, row 2, ..., row 1, row 2,
// ...: drift on the machine hits every row alike):
//
// Query, `SELECT * FROM cpu` on "bench" (N rows, RFC 3339 times, the whole result):
//   curl chunked=true   curl -s -G URL/query --data-urlencode db=bench --data-urlencode
//                       chunked=true --data-urlencode "q=SELECT * FROM cpu" -o /dev/null
//                       (the baseline)
//   QNAM GET            a bare QNetworkAccessManager GET of the same URL ("Accept-Encoding:
//                       identity", as curl sends none), the body read and discarded as it comes
//   Client::rawQuery    Influx::Client, default options but the URL and database, until
//                       finished (N rows checked)
//   influx-explorer     influx-explorer --url URL -d bench -e "SELECT * FROM cpu" -f csv, and
//                       with -f json and the default column format; stdout to /dev/null
//                       (target: -f csv within 1.05x of curl)
//
// Import of the N points into a database "imp" dropped and created again before each run:
//   curl sequential     curl -s -XPOST "URL/write?db=imp" --data-binary @piece, one process per
//                       piece, the 10 pieces one after the other
//   curl 2 parallel     the same, two chains of 5 pieces each at once
//   influx-explorer     influx-explorer --url URL -d imp --import FILE (its default batch size),
//                       and with --batch-size 100000 (target: within 1.05x of the best curl)
//
// The times include starting the processes (or, in process, creating the QNAM or Client). The
// dropping and creating of "imp" and the count check after each import (SELECT
// count(usage_user) FROM cpu == N) are not timed. Before the first repetition,
// `influx-explorer -f csv` runs once untimed into a file to check it prints N rows (this also
// warms influxd's caches). Each row: median, min and max in seconds and the ratio of its
// median to the baseline's (curl chunked=true for the query, the faster curl variant for the
// import; without curl on PATH the curl rows are skipped, the QNAM row is the query's
// baseline and the import has none), and the median CPU seconds (user + system) that influxd
// and the client (this process for the in-process rows, the processes it ran for the others)
// used during the run. For the targeted rows it also prints the bound those CPU times set on
// this machine: server and client share the cores, so the wall time is at least
// (influxd CPU + client CPU) / cores. The exit code is 0 when everything ran (a missed target
// is a figure, not a failure), 1 on a failure (a process failing, a wrong row or point count),
// 2 on bad arguments.
//
//   build/dev/tests/bench_e2e [N] [--repetitions R]     N points, default 1000000; R, default 5
//
// The explorer is the build's (INFLUX_EXPLORER_BINARY in the environment overrides it). The
// CTest smoke run uses N = 20000 and R = 1; `cmake --build --preset dev --target bench` runs
// it with the defaults (a few minutes).

#include "bench/benchsupport.h"
#include "bench/workload.h"

#include "client.h"
#include "localserver.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtCore/QUrlQuery>

#include <unistd.h>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 DefaultPoints = 1'000'000;
constexpr int DefaultRepetitions = 5;
constexpr int Pieces = 10; // of the line-protocol file, for curl
constexpr int TimeoutMs = 600'000; // any one step
constexpr double Target = 1.05;
constexpr double MB = 1024.0 * 1024.0;
const QString Query = u"SELECT * FROM cpu"_s;
const QString QueryDatabase = u"bench"_s;
const QString ImportDatabase = u"imp"_s;

int fail(const char *what)
{
    std::fprintf(stderr, "bench_e2e: FAILED: %s\n", what);
    return 1;
}

// Prints what went wrong; false.
bool problem(const QString &what)
{
    std::fprintf(stderr, "bench_e2e: %s\n", qPrintable(what));
    return false;
}

// --- Processes ------------------------------------------------------------------------------

struct Command
{
    QString program;
    QStringList arguments;
    QString outputFile; // standard output; empty = the null device
};

QString commandLine(const Command &command)
{
    return (QStringList {command.program} + command.arguments).join(u' ');
}

// Runs the chains at once, the commands of each one after the other. False (printed) when a
// command did not start, failed (exit code not 0) or the whole did not end in time.
bool runChains(const QList<QList<Command>> &chains)
{
    QEventLoop loop;
    std::vector<std::unique_ptr<QProcess>> processes;
    qsizetype running = chains.size();
    bool ok = true;
    std::function<void(qsizetype, qsizetype)> start = [&](qsizetype chain, qsizetype step) {
        const Command &command = chains[chain][step];
        QProcess *process = processes.emplace_back(std::make_unique<QProcess>()).get();
        process->setStandardOutputFile(command.outputFile.isEmpty() ? QProcess::nullDevice()
                                                                    : command.outputFile);
        const auto next = [&, chain, step](bool succeeded) {
            ok = ok && succeeded;
            if (ok && step + 1 < chains[chain].size())
                start(chain, step + 1);
            else if (--running == 0)
                loop.quit();
        };
        QObject::connect(process, &QProcess::errorOccurred, &loop,
                         [process, next, &command](QProcess::ProcessError error) {
                             if (error != QProcess::FailedToStart)
                                 return;
                             next(problem(commandLine(command) + u": "_s + process->errorString()));
                         });
        QObject::connect(process, &QProcess::finished, &loop,
                         [process, next, &command](int exitCode, QProcess::ExitStatus status) {
                             if (status == QProcess::NormalExit && exitCode == 0)
                                 return next(true);
                             next(problem(u"%1: %2 (exit code %3)\n%4"_s.arg(
                                     commandLine(command),
                                     status == QProcess::NormalExit ? u"failed"_s : u"crashed"_s,
                                     QString::number(exitCode),
                                     QString::fromLocal8Bit(process->readAllStandardError()))));
                         });
        process->start(command.program, command.arguments);
    };
    for (qsizetype chain = 0; chain < chains.size(); ++chain)
        start(chain, 0);
    QTimer::singleShot(TimeoutMs, &loop, [&] {
        ok = problem(u"no end in %1 s"_s.arg(TimeoutMs / 1000));
        loop.quit();
    });
    if (running > 0)
        loop.exec();
    // Processes still running (after a timeout) are killed when they are deleted: their
    // signals must not reach the slots above any more.
    for (const std::unique_ptr<QProcess> &process : processes)
        process->disconnect(&loop);
    return ok;
}

bool run(const Command &command)
{
    return runChains({{command}});
}

// --- In-process requests --------------------------------------------------------------------

// A GET of url with a bare QNetworkAccessManager, the body read as it arrives and discarded.
// bodyBytes: the body's size. False (printed) unless it ended with HTTP 200.
bool plainGet(const QUrl &url, qint64 *bodyBytes)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setRawHeader("Accept-Encoding", "identity");
    std::unique_ptr<QNetworkReply> reply(manager.get(request));
    qint64 received = 0;
    const auto drain = [&reply, &received] {
        static char buffer[64 * 1024];
        for (qint64 n; (n = reply->read(buffer, sizeof buffer)) > 0;)
            received += n;
    };
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, drain);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(TimeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    drain();
    *bodyBytes = received;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!reply->isFinished() || reply->error() != QNetworkReply::NoError || status != 200)
        return problem(
                u"GET %1: %2 (HTTP %3)"_s.arg(url.toString(), reply->errorString()).arg(status));
    return true;
}

// Runs query and waits for the whole result; nothing (printed) on a failure.
std::optional<Influx::QueryResult> query(Influx::Client &client, const QString &query,
                                         const Influx::QueryOptions &options = {})
{
    std::unique_ptr<Influx::QueryReply> reply(client.rawQuery(query, options));
    reply->waitForFinished(TimeoutMs);
    if (!reply->isFinished()) {
        problem(query + u": no answer in time"_s);
        return std::nullopt;
    }
    if (reply->error().isError()) {
        problem(query + u": "_s + reply->error().toString());
        return std::nullopt;
    }
    return reply->result();
}

// --- Rows and their figures -----------------------------------------------------------------

struct Row
{
    QString label;
    std::function<bool()> run; // the timed part; false (printed) on a failure
    bool baseline = false; // a candidate for the baseline (the one with the lowest median)
    bool targeted = false; // the target applies
    std::vector<double> seconds;
    std::vector<double> serverCpu; // CPU seconds of influxd during each run
    std::vector<double> clientCpu; // of this process and the processes it ran

    double median() const { return medianOf(seconds); }
    static double medianOf(std::vector<double> sorted)
    {
        std::sort(sorted.begin(), sorted.end());
        const size_t n = sorted.size();
        return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
};

// Runs every row repetitions times, interleaved; prepare and check (untimed, may be empty)
// come before and after each run. False (printed) at the first failure.
bool measure(const char *what, std::vector<Row> &rows, int repetitions, qint64 serverPid,
             const std::function<bool()> &prepare, const std::function<bool()> &check)
{
    for (int repetition = 1; repetition <= repetitions; ++repetition) {
        std::fprintf(stderr, "bench_e2e: %s, repetition %d of %d\n", what, repetition, repetitions);
        for (Row &row : rows) {
            if (prepare && !prepare())
                return false;
            const double serverCpu = Bench::processCpuSeconds(serverPid);
            const double clientCpu = Bench::ownCpuSeconds();
            QElapsedTimer clock;
            clock.start();
            if (!row.run())
                return problem(row.label + u" failed"_s);
            row.seconds.push_back(double(clock.nsecsElapsed()) / 1e9);
            row.serverCpu.push_back(Bench::processCpuSeconds(serverPid) - serverCpu);
            row.clientCpu.push_back(Bench::ownCpuSeconds() - clientCpu);
            if (check && !check())
                return problem(u"the check after "_s + row.label + u" failed"_s);
        }
    }
    return true;
}

// The table: a line per row, the ratio to the baseline (the candidate with the lowest median),
// then whether the targeted rows are within Target of it.
void printTable(const QString &title, const std::vector<Row> &rows)
{
    const Row *baseline = nullptr;
    for (const Row &row : rows) {
        if (row.baseline && (!baseline || row.median() < baseline->median()))
            baseline = &row;
    }
    std::printf("\n%s\n%-58s %9s %9s %9s %9s %9s %7s\n", qPrintable(title), "", "median", "min",
                "max", "influxd", "client", "ratio");
    for (const Row &row : rows) {
        const auto [min, max] = std::minmax_element(row.seconds.begin(), row.seconds.end());
        std::printf("%-58s %7.3f s %7.3f s %7.3f s %5.2f cpu %5.2f cpu", qPrintable(row.label),
                    row.median(), *min, *max, Row::medianOf(row.serverCpu),
                    Row::medianOf(row.clientCpu));
        if (baseline)
            std::printf(" %6.2fx%s\n", row.median() / baseline->median(),
                        &row == baseline ? "  (baseline)" : "");
        else
            std::printf("       -\n");
    }
    for (const Row &row : rows) {
        if (!row.targeted)
            continue;
        if (!baseline) {
            std::printf("target %.2fx: %s: no baseline (no curl)\n", Target, qPrintable(row.label));
            continue;
        }
        const double ratio = row.median() / baseline->median();
        std::printf("target %.2fx: %s: %.2fx of %s: %s\n", Target, qPrintable(row.label), ratio,
                    qPrintable(baseline->label), ratio <= Target ? "met" : "missed");
        // Server and client share the cores: neither can finish before their CPU time is
        // spent, so (influxd CPU + client CPU) / cores bounds the wall time from below.
        const long cores = sysconf(_SC_NPROCESSORS_ONLN);
        const double bound =
                (Row::medianOf(row.serverCpu) + Row::medianOf(row.clientCpu)) / double(cores);
        std::printf("        CPU bound on %ld cores: (influxd + client CPU) / %ld = %.3f s = "
                    "%.2fx of %s\n",
                    cores, cores, bound, bound / baseline->median(), qPrintable(baseline->label));
    }
    std::fflush(stdout);
}

// --- The two parts --------------------------------------------------------------------------

struct Setup
{
    QUrl url; // the server's
    qint64 points = 0;
    int repetitions = 0;
    QString curl; // empty: not installed
    QString explorer;
    QString directory; // for temporary files
    qint64 serverPid = 0; // influxd's, for its CPU time
};

bool queries(const Setup &setup)
{
    // Untimed: the explorer's CSV has a header and a line per row.
    const QString csvPath = setup.directory + u"/query.csv"_s;
    const QStringList explorerQuery = {
            u"--url"_s, setup.url.toString(), u"-d"_s, QueryDatabase, u"-e"_s, Query};
    if (!run({setup.explorer, explorerQuery + QStringList {u"-f"_s, u"csv"_s}, csvPath}))
        return false;
    QFile csv(csvPath);
    if (!csv.open(QIODevice::ReadOnly))
        return problem(csvPath + u": "_s + csv.errorString());
    qint64 csvLines = 0;
    while (!csv.atEnd())
        csvLines += csv.read(1 << 20).count('\n');
    if (csvLines != setup.points + 1) {
        return problem(u"influx-explorer -f csv printed %1 lines, expected %2"_s.arg(csvLines).arg(
                setup.points + 1));
    }

    QUrl url = setup.url;
    url.setPath(u"/query"_s);
    QUrlQuery parameters;
    parameters.addQueryItem(u"db"_s, QueryDatabase);
    parameters.addQueryItem(u"chunked"_s, u"true"_s);
    parameters.addQueryItem(u"q"_s, Query);
    url.setQuery(parameters);
    qint64 bodyBytes = 0;

    std::vector<Row> rows;
    if (!setup.curl.isEmpty()) {
        const QStringList arguments = {u"-s"_s,
                                       u"-G"_s,
                                       setup.url.toString() + u"/query"_s,
                                       u"--data-urlencode"_s,
                                       u"db="_s + QueryDatabase,
                                       u"--data-urlencode"_s,
                                       u"chunked=true"_s,
                                       u"--data-urlencode"_s,
                                       u"q="_s + Query,
                                       u"-o"_s,
                                       u"/dev/null"_s};
        const auto curl = [&setup, arguments] { return run({setup.curl, arguments}); };
        rows.push_back({.label = u"curl chunked=true"_s, .run = curl, .baseline = true});
    }
    rows.push_back({.label = u"QNetworkAccessManager GET, body discarded"_s,
                    .run = [&] { return plainGet(url, &bodyBytes); },
                    .baseline = setup.curl.isEmpty()});
    rows.push_back({.label = u"Influx::Client::rawQuery"_s, .run = [&] {
                        Influx::Client client(Influx::ClientOptions {.baseUrls = {setup.url},
                                                                     .database = QueryDatabase});
                        const std::optional<Influx::QueryResult> result = query(client, Query);
                        if (result && result->rowCount() != setup.points)
                            return problem(
                                    u"rawQuery: %1 rows, expected %2"_s.arg(result->rowCount())
                                            .arg(setup.points));
                        return result.has_value();
                    }});
    const struct
    {
        const char *label;
        QStringList format;
        bool targeted;
    } formats[] = {{"influx-explorer -e -f csv", {u"-f"_s, u"csv"_s}, true},
                   {"influx-explorer -e -f json", {u"-f"_s, u"json"_s}, false},
                   {"influx-explorer -e (column format)", {}, false}};
    for (const auto &format : formats) {
        const QStringList arguments = explorerQuery + format.format;
        const auto explorer = [&setup, arguments] { return run({setup.explorer, arguments}); };
        rows.push_back({.label = QString::fromLatin1(format.label),
                        .run = explorer,
                        .targeted = format.targeted});
    }

    if (!measure("query", rows, setup.repetitions, setup.serverPid, {}, {}))
        return false;
    printTable(u"query: %1 on \"%2\", %3 rows (RFC 3339 times; chunked response body %4 MB, "
               "influx-explorer's CSV %5 MB), %6 repetition(s)"_s.arg(Query, QueryDatabase)
                       .arg(setup.points)
                       .arg(double(bodyBytes) / MB, 0, 'f', 1)
                       .arg(double(csv.size()) / MB, 0, 'f', 1)
                       .arg(setup.repetitions),
               rows);
    return true;
}

bool imports(const Setup &setup)
{
    // The workload as line protocol: the whole file and the same lines in Pieces pieces.
    const QString path = setup.directory + u"/workload.lp"_s;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return problem(path + u": "_s + file.errorString());
    QStringList pieces;
    for (int i = 0; i < Pieces; ++i) {
        const qint64 first = setup.points * i / Pieces;
        const QByteArray lines =
                Bench::Workload::lines(first, setup.points * (i + 1) / Pieces - first);
        pieces.append(u"%1/piece-%2.lp"_s.arg(setup.directory).arg(i));
        QFile piece(pieces.constLast());
        if (!piece.open(QIODevice::WriteOnly) || piece.write(lines) != lines.size()
            || file.write(lines) != lines.size())
            return problem(u"cannot write %1 or %2"_s.arg(path, piece.fileName()));
    }
    file.close();

    Influx::Client admin(Influx::ClientOptions {.baseUrls = {setup.url}});
    const auto recreate = [&admin] {
        return query(admin, u"DROP DATABASE %1; CREATE DATABASE %1"_s.arg(ImportDatabase))
                .has_value();
    };
    const auto check = [&admin, &setup] {
        const std::optional<Influx::QueryResult> result =
                query(admin, u"SELECT count(usage_user) FROM cpu"_s,
                      Influx::QueryOptions {.database = ImportDatabase});
        if (!result)
            return false;
        const Influx::Series series = result->series();
        const qsizetype column = series.columnIndex(u"count");
        const qint64 count =
                series.rowCount() == 1 && column >= 0 ? series.integerAt(0, column) : 0;
        if (count != setup.points)
            return problem(u"%1 points in \"%2\", expected %3"_s.arg(count)
                                   .arg(ImportDatabase)
                                   .arg(setup.points));
        return true;
    };

    std::vector<Row> rows;
    const qint64 pieceLines = setup.points / Pieces;
    if (!setup.curl.isEmpty()) {
        QList<QList<Command>> posts(2);
        for (int i = 0; i < Pieces; ++i) {
            posts[i < Pieces / 2 ? 0 : 1].append(
                    {setup.curl,
                     {u"-sS"_s, u"-f"_s, u"-XPOST"_s,
                      setup.url.toString() + u"/write?db="_s + ImportDatabase, u"--data-binary"_s,
                      u'@' + pieces[i]}});
        }
        rows.push_back(
                {.label = u"curl, %1 x %2 lines, one after the other"_s.arg(Pieces).arg(pieceLines),
                 .run = [posts] { return runChains({posts[0] + posts[1]}); },
                 .baseline = true});
        rows.push_back(
                {.label = u"curl, %1 x %2 lines, 2 processes at once"_s.arg(Pieces).arg(pieceLines),
                 .run = [posts] { return runChains(posts); },
                 .baseline = true});
    }
    const QStringList explorerImport = {u"--url"_s,     setup.url.toString(), u"-d"_s,
                                        ImportDatabase, u"--import"_s,        path};
    rows.push_back({.label = u"influx-explorer --import (default batch size)"_s,
                    .run =
                            [&] {
                                return run({setup.explorer, explorerImport});
                            },
                    .targeted = true});
    const QStringList bigBatches = explorerImport + QStringList {u"--batch-size"_s, u"100000"_s};
    rows.push_back({.label = u"influx-explorer --import --batch-size 100000"_s, .run = [&] {
                        return run({setup.explorer, bigBatches});
                    }});

    if (!measure("import", rows, setup.repetitions, setup.serverPid, recreate, check))
        return false;
    printTable(u"import: %1 points (%2 MB of line protocol) into a new database \"%3\", "
               "%4 repetition(s); baseline: the faster curl variant"_s.arg(setup.points)
                       .arg(double(QFileInfo(path).size()) / MB, 0, 'f', 1)
                       .arg(ImportDatabase)
                       .arg(setup.repetitions),
               rows);
    return true;
}

int usage()
{
    std::fputs("usage: bench_e2e [POINTS] [--repetitions R]   (defaults 1000000 and 5)\n", stderr);
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = application.arguments();
    Setup setup {.points = DefaultPoints, .repetitions = DefaultRepetitions};
    bool pointsGiven = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        bool ok = false;
        if (args[i] == u"--repetitions"_s || args[i] == u"-r"_s) {
            setup.repetitions = args.value(++i).toInt(&ok);
            if (!ok || setup.repetitions < 1)
                return usage();
        } else if (!pointsGiven) {
            setup.points = args[i].toLongLong(&ok);
            pointsGiven = true;
            if (!ok || setup.points < Pieces)
                return usage();
        } else {
            return usage();
        }
    }
    setup.explorer = qEnvironmentVariable("INFLUX_EXPLORER_BINARY",
                                          QString::fromLocal8Bit(INFLUX_EXPLORER_BINARY));
    setup.curl = QStandardPaths::findExecutable(u"curl"_s);
    const QByteArray loadAverage = Bench::loadAverage();

    QTemporaryDir directory;
    if (!directory.isValid())
        return fail("creating a temporary directory");
    setup.directory = directory.path();
    Influx::LocalServer server;
    QElapsedTimer clock;
    clock.start();
    if (!Bench::Workload::startLoaded(server, setup.points))
        return fail("starting influxd with the workload");
    setup.url = server.url();
    setup.serverPid = server.processId();
    std::printf("bench_e2e: %lld points loaded into \"%s\" (influxd started) in %.1f s; %d "
                "repetition(s), interleaved; wall times, process start included; "
                "influx-explorer %s; load average at start %s\n",
                qlonglong(setup.points), qPrintable(QueryDatabase),
                double(clock.elapsed()) / 1000.0, setup.repetitions, qPrintable(setup.explorer),
                loadAverage.constData());
    if (setup.curl.isEmpty())
        std::printf("bench_e2e: no curl on PATH: the curl rows are skipped\n");
    std::fflush(stdout);

    if (!queries(setup))
        return fail("query");
    if (!imports(setup))
        return fail("import");
    std::printf("\nbench_e2e: load average at the end %s\n", Bench::loadAverage().constData());
    return 0;
}
