// SPDX-License-Identifier: MIT
#ifndef EXPLORER_COMMANDLINE_H
#define EXPLORER_COMMANDLINE_H

#include "importer.h"
#include "resultformatter.h"

#include <clientoptions.h>

#include <QtCore/QProcessEnvironment>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Explorer {

// What the command line asks for (at most one mode per invocation; --demo combines with each
// but ServeDemo, which implies it).
enum class Mode {
    None, // no mode flag: the explorer window's job (see needsWindow())
    Ping,
    Execute,
    Import,
    ServeDemo, // --serve-demo: the demo server alone, until SIGINT or SIGTERM
};

// The exit statuses of influx-explorer.
enum ExitStatus : int {
    ExitSuccess = 0,
    ExitFailure = 1, // any error: server, network, statement, failed import batch
    ExitUsage = 2, // bad or missing flags, invalid option values, several modes at once
};

struct CommandLineOptions
{
    Mode mode = Mode::None;
    bool demo = false; // --demo or --serve-demo: start a private influxd with the demo data
    QString query; // --execute
    QString importPath; // --import; "-" reads standard input
    int batchSize = Importer::DefaultBatchSize; // --batch-size
    QString failedLinesPath; // --failed-lines
    ResultFormatter::Format format = ResultFormatter::Format::Column;
    // Connection flags, validated by ClientOptions::fromVariantMap. With --demo the base URL
    // is set once the server runs, and the database defaults to "demo".
    Influx::ClientOptions client;
    bool databaseGiven = false;
    bool urlGiven = false; // --url: the window connects there for this run only
};

struct CommandLineParseResult
{
    enum class Status {
        Ok,
        Help, // --help: print helpText() and exit 0
        Version, // --version
        UsageError, // print errorMessage (and a hint to use --help) and exit 2
    };
    Status status = Status::Ok;
    QString errorMessage;
    CommandLineOptions options;
};

// Parses the command line (arguments[0] is the program). Credentials missing from the command
// line are taken from INFLUX_USERNAME, INFLUX_PASSWORD and INFLUX_TOKEN in environment. A
// base URL with user information ("http://user:secret@host:8086") has it moved to the
// username and password options, so that no URL that is printed can carry a password.
CommandLineParseResult parseCommandLine(const QStringList &arguments,
                                        const QProcessEnvironment &environment);

// Whether these options are the window's rather than a headless mode's: no mode flag was
// given (with or without --demo and connection flags). Meaningful for Status::Ok only.
bool needsWindow(const CommandLineOptions &options);

// The full --help text: usage, every option, environment variables, exit statuses, examples.
QString helpText();

} // namespace Explorer

#endif // EXPLORER_COMMANDLINE_H
