// SPDX-License-Identifier: MIT
#include "headless.h"

#include "demodata.h"
#include "importer.h"
#include "resultformatter.h"
#include "signalwatcher.h"

#include <client.h>
#include <localserver.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QScopeGuard>
#include <QtCore/QTimer>

using namespace Qt::StringLiterals;

namespace Explorer {

Headless::Headless(const CommandLineOptions &options, QIODevice *out, QIODevice *err,
                   QObject *parent)
    : QObject(parent), m_options(options), m_out(out), m_err(err)
{ }

Headless::~Headless() = default;

int Headless::run()
{
    if (m_options.demo)
        m_signals = std::make_unique<SignalWatcher>([this] { interrupt(); });

    Influx::Client client;
    if (m_options.demo) {
        if (const int status = startDemo(client); status != ExitSuccess)
            return status;
    } else if (const Influx::Error error = client.setOptions(m_options.client); error) {
        printError({}, error);
        return ExitUsage;
    }

    switch (m_options.mode) {
    case Mode::Ping:
        return ping(client);
    case Mode::Execute:
        return execute(client);
    case Mode::Import:
        return import(client);
    case Mode::ServeDemo:
        return serveDemo();
    case Mode::None:
        break;
    }
    return ExitUsage; // the window's job
}

void Headless::interrupt()
{
    m_interrupted = true;
    if (m_currentReply)
        m_currentReply->abort();
    if (m_demo)
        m_demo->abort();
    if (m_onInterrupt)
        m_onInterrupt();
}

void Headless::printError(const QString &context, const Influx::Error &error)
{
    QString text = u"ERR: "_s;
    if (!context.isEmpty())
        text += context + u": "_s;
    m_err->write((text + error.toString() + u'\n').toUtf8());
}

bool Headless::wait(Influx::Reply *reply)
{
    m_currentReply = reply;
    reply->waitForFinished(-1);
    m_currentReply = nullptr;
    return !reply->error().isError();
}

int Headless::startDemo(Influx::Client &client)
{
    m_err->write((tr("Starting a private influxd with the demo data...") + u'\n').toUtf8());
    m_server = std::make_unique<Influx::LocalServer>();
    const bool started = m_server->start();
    if (m_interrupted)
        return ExitFailure;
    if (!started) {
        m_err->write((u"ERR: "_s
                      + tr("cannot start the demo server: %1").arg(m_server->errorString()) + u'\n')
                             .toUtf8());
        return ExitFailure;
    }
    Influx::ClientOptions options = m_options.client;
    options.baseUrls = {m_server->url()};
    if (!m_options.databaseGiven)
        options.database = DemoData::databaseName();
    if (const Influx::Error error = client.setOptions(options); error) {
        printError({}, error);
        return ExitFailure;
    }

    DemoData demo(&client);
    m_demo = &demo;
    QEventLoop loop;
    connect(&demo, &DemoData::finished, &loop, &QEventLoop::quit);
    demo.start();
    if (!demo.isFinished())
        loop.exec();
    m_demo = nullptr;
    if (demo.error().isError()) {
        printError(tr("loading the demo data failed"), demo.error());
        return ExitFailure;
    }
    m_err->write((tr("Demo server %1 is ready: %2 points in databases %3.")
                          .arg(m_server->url().toString())
                          .arg(demo.pointsWritten())
                          .arg(u'"' + DemoData::databaseNames().join(u"\", \""_s) + u'"')
                  + u'\n')
                         .toUtf8());
    return ExitSuccess;
}

int Headless::ping(Influx::Client &client)
{
    Influx::PingReply *reply = client.ping();
    // Deleted only after waiting: a deleteLater() issued outside any event loop would be
    // carried out by the very loop that waits for the reply.
    const auto cleanup = qScopeGuard([reply] { reply->deleteLater(); });
    if (!wait(reply)) {
        printError({}, reply->error());
        return ExitFailure;
    }
    m_out->write(reply->version().toUtf8() + '\n');
    return ExitSuccess;
}

int Headless::execute(Influx::Client &client)
{
    Influx::QueryReply *reply = client.rawQuery(m_options.query);
    const auto cleanup = qScopeGuard([reply] { reply->deleteLater(); });
    // CSV goes out row by row while the response streams, so printing overlaps the server's
    // work instead of following it (1M rows: 0.9 s less). The other formats need the whole
    // result first: the column layout measures every row, and JSON's shape depends on how
    // many series there are.
    std::optional<CsvStreamWriter> stream;
    if (m_options.format == ResultFormatter::Format::Csv) {
        // Each piece is printed and dropped: the rows are never merged into a whole result.
        reply->setKeepRows(false);
        stream.emplace(m_out, m_options.query);
        connect(reply, &Influx::QueryReply::pieceReceived, reply,
                [&stream](int statement, int series, qsizetype first, const Influx::Series &piece) {
                    stream->writePiece(statement, series, first, piece);
                });
    }
    wait(reply);
    const Influx::Error error = reply->error();
    // A statement error leaves the other statements' results: print them, then the errors.
    // (Streamed CSV rows that arrived before a failure are out already.)
    if (error.isError() && error.kind() != Influx::Error::Kind::StatementError) {
        if (stream)
            stream->finish();
        printError({}, error);
        return ExitFailure;
    }
    const Influx::QueryResult result = reply->result();
    bool written = false;
    if (stream) {
        written = stream->finish();
    } else {
        ResultFormatter formatter(m_options.format);
        formatter.setQuery(m_options.query);
        written = formatter.write(result, m_out);
    }
    m_err->write(ResultFormatter::diagnostics(result));
    if (!written) {
        m_err->write(
                (u"ERR: "_s + tr("cannot write the result: %1").arg(m_out->errorString()) + u'\n')
                        .toUtf8());
        return ExitFailure;
    }
    return error.isError() || result.hasErrors() ? ExitFailure : ExitSuccess;
}

int Headless::import(Influx::Client &client)
{
    Importer importer(&client, m_err);
    Importer::Options options;
    options.path = m_options.importPath;
    options.batchSize = m_options.batchSize;
    options.failedLinesPath = m_options.failedLinesPath;
    options.showProgress = ::isatty(STDERR_FILENO) == 1;
    QEventLoop loop;
    connect(&importer, &Importer::finished, &loop, &QEventLoop::quit);
    m_onInterrupt = [&loop] { loop.exit(ExitFailure); };
    importer.start(options);
    const int status = importer.isFinished() ? ExitSuccess : loop.exec();
    m_onInterrupt = nullptr;
    if (m_interrupted) {
        m_err->write((u"ERR: "_s + tr("import interrupted") + u'\n').toUtf8());
        return ExitFailure;
    }
    return status != ExitSuccess || importer.hasFailed() ? ExitFailure : ExitSuccess;
}

int Headless::serveDemo()
{
    // The URL alone on stdout, for scripts: url=$(influx-explorer --serve-demo | head -1) ...
    m_out->write(m_server->url().toString().toUtf8() + '\n');
    m_err->write((tr("Serving until SIGINT (Ctrl+C) or SIGTERM.") + u'\n').toUtf8());
    QEventLoop loop;
    m_onInterrupt = [&loop] { loop.exit(ExitSuccess); };
    connect(m_server.get(), &Influx::LocalServer::finished, &loop, [this, &loop](int exitCode) {
        // Ctrl+C in a terminal reaches influxd too (same process group), and it may end
        // before our own handler ran: give that a moment before calling it a failure.
        QTimer::singleShot(200, &loop, [this, &loop, exitCode] {
            if (m_interrupted)
                return;
            m_err->write((u"ERR: "_s + tr("influxd stopped (exit code %1)").arg(exitCode) + u'\n')
                                 .toUtf8());
            loop.exit(ExitFailure);
        });
    });
    const int status = m_interrupted ? ExitSuccess : loop.exec();
    m_onInterrupt = nullptr;
    m_server->disconnect(&loop);
    m_err->write((tr("Stopping the demo server.") + u'\n').toUtf8());
    m_server.reset();
    return status;
}

int runHeadless(const QStringList &arguments)
{
    // The library logs failures for applications that show no errors of their own; here every
    // error is printed once, as "ERR: ...". QT_LOGGING_RULES=influx.*=true brings them back.
    QLoggingCategory::setFilterRules(
            u"influx.*.debug=false\ninflux.*.info=false\ninflux.*.warning=false"_s);

    QFile out;
    QFile err;
    // Unbuffered: the formatter buffers itself, and the messages must not wait.
    out.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);
    err.open(STDERR_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered);

    const CommandLineParseResult parsed =
            parseCommandLine(arguments, QProcessEnvironment::systemEnvironment());
    switch (parsed.status) {
    case CommandLineParseResult::Status::Help:
        out.write(helpText().toUtf8());
        return ExitSuccess;
    case CommandLineParseResult::Status::Version:
        out.write(
                (u"influx-explorer "_s + QCoreApplication::applicationVersion() + u'\n').toUtf8());
        return ExitSuccess;
    case CommandLineParseResult::Status::UsageError:
        err.write((u"influx-explorer: "_s + parsed.errorMessage + u'\n'
                   + Headless::tr("Run 'influx-explorer --help' for the options.") + u'\n')
                          .toUtf8());
        return ExitUsage;
    case CommandLineParseResult::Status::Ok:
        break;
    }
    if (needsWindow(parsed.options)) {
        // The window's job (main() opens it before getting here); headless needs a mode.
        err.write(helpText().toUtf8());
        return ExitUsage;
    }
    Headless headless(parsed.options, &out, &err);
    return headless.run();
}

} // namespace Explorer
