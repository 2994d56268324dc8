// SPDX-License-Identifier: MIT
#include "commandline.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QUrl>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

// The command line's texts reach translators under the context "Explorer::CommandLine".
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(Explorer::CommandLine)
};

// One table for the parser and the help text, so that they cannot disagree. The value names
// and descriptions are translated when they are shown.
struct OptionSpec
{
    QStringList names;
    const char *valueName = nullptr; // null: a switch
    const char *description = nullptr;
    bool connection = false; // listed under "Connection" in --help
};

const QList<OptionSpec> &optionSpecs()
{
    static const QList<OptionSpec> specs = {
            {{u"ping"_s},
             nullptr,
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "Print the server's version (GET /ping).")},
            {{u"e"_s, u"execute"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "query"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Run InfluxQL (one or several ';'-separated statements) and print the "
                     "result on standard output.")},
            {{u"i"_s, u"import"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "file"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Write the line protocol in <file> ('-' for standard input) in batches. "
                     "Blank lines and lines starting with '#' are skipped; CRLF line ends are "
                     "accepted.")},
            {{u"batch-size"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "lines"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Lines of line protocol per write request for --import (default 50000).")},
            {{u"failed-lines"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "file"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "With --import: write every data line that was not written to <file> "
                     "(created or truncated), so that it can be fixed and imported again: the "
                     "lines of failed batches, the lines a partial write rejected, and all input "
                     "after a failure that stopped the import. Left empty when every point is "
                     "written.")},
            {{u"retries"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "n"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Send a write again, up to <n> times (0 to 100; default 0), when no server "
                     "can be reached, none answers in time or the answer is a server error (HTTP "
                     "429 or 5xx), waiting 0.5 s, 1 s, 2 s ... between attempts. Rejected data is "
                     "never sent again."),
             true},
            {{u"retry-max-delay"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "seconds"),
             QT_TRANSLATE_NOOP("Explorer::CommandLine",
                               "The longest wait between two attempts of --retries (default 30)."),
             true},
            {{u"demo"_s},
             nullptr,
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Start a private influxd on a free 127.0.0.1 port with a temporary "
                     "directory, load the demo data set (about 415,000 points in the databases "
                     "\"demo\", \"iot\" and \"shop\") and use it as the server, with \"demo\" as "
                     "the default database. With --ping, --execute or --import the server is "
                     "stopped when that is done; without a mode the window opens on it.")},
            {{u"serve-demo"_s},
             nullptr,
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Start the demo server as --demo does, print its URL alone on the first "
                     "line of standard output and keep serving until SIGINT (Ctrl+C) or SIGTERM; "
                     "the data is removed then. Combines with no other mode and not with --url.")},
            {{u"f"_s, u"format"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "format"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Output format of --execute: column (default; the influx shell's table), "
                     "csv (the influx shell's CSV) or json (one JSON value: null, a series "
                     "object, an array of series objects, or an array of arrays for several "
                     "statements).")},
            {{u"url"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "url"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Base URL of the server, e.g. http://127.0.0.1:8086 (default "
                     "http://localhost:8086). Repeat for failover: the URLs are tried in order."),
             true},
            {{u"d"_s, u"database"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "name"),
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "Database for queries and writes."),
             true},
            {{u"u"_s, u"username"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "name"),
             QT_TRANSLATE_NOOP("Explorer::CommandLine",
                               "User name (HTTP Basic authentication). Default: $INFLUX_USERNAME."),
             true},
            {{u"p"_s, u"password"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "password"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Password. Default: $INFLUX_PASSWORD, which keeps it out of the process "
                     "list."),
             true},
            {{u"token"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "token"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "API token for InfluxDB 2.x/3.x's v1 API (\"Authorization: Token\"); wins "
                     "over user name and password. Default: $INFLUX_TOKEN."),
             true},
            {{u"retention-policy"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "name"),
             QT_TRANSLATE_NOOP("Explorer::CommandLine",
                               "Retention policy for writes and queries (\"rp\")."),
             true},
            {{u"consistency"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "level"),
             QT_TRANSLATE_NOOP("Explorer::CommandLine",
                               "Write consistency (InfluxEnterprise): any, one, quorum or all."),
             true},
            {{u"precision"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "unit"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Precision of the timestamps in --import's line protocol: n, u, ms, s, m or "
                     "h (default n, nanoseconds)."),
             true},
            {{u"epoch"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "unit"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Return times as integers in this unit (n, u, ms, s, m or h) instead of RFC "
                     "3339 strings."),
             true},
            {{u"chunk-size"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "rows"),
             QT_TRANSLATE_NOOP("Explorer::CommandLine",
                               "Rows per chunk of a query response (default: the server's, 10000). "
                               "Responses are always chunked and decoded as they arrive."),
             true},
            {{u"compression"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "mode"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "gzip for results and large writes: auto (the default: gzip except for a "
                     "server on loopback, where it only costs time), gzip or none."),
             true},
            {{u"timeout"_s},
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "seconds"),
             QT_TRANSLATE_NOOP(
                     "Explorer::CommandLine",
                     "Give up when the server does not answer, or a response stalls, for this "
                     "long (default 60; 0: never)."),
             true},
            {{u"h"_s, u"help"_s},
             nullptr,
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "Print this help and exit.")},
            {{u"v"_s, u"version"_s},
             nullptr,
             QT_TRANSLATE_NOOP("Explorer::CommandLine", "Print the version and exit.")},
    };
    return specs;
}

QString optionSynopsis(const OptionSpec &spec)
{
    QStringList names;
    for (const QString &name : spec.names)
        names.append(name.size() == 1 ? u"-"_s + name : u"--"_s + name);
    QString text = names.join(u", "_s);
    if (spec.valueName)
        text += u" <"_s + Text::tr(spec.valueName) + u'>';
    return text;
}

// Wraps text at 78 columns with the given indentation.
QString wrap(const QString &text, qsizetype indent, qsizetype firstColumn)
{
    constexpr qsizetype width = 78;
    QString out;
    qsizetype column = firstColumn;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i > 0) {
            if (column + 1 + words[i].size() > width) {
                out += u'\n' + QString(indent, u' ');
                column = indent;
            } else {
                out += u' ';
                ++column;
            }
        }
        out += words[i];
        column += words[i].size();
    }
    return out;
}

QString optionHelp(bool connection)
{
    constexpr qsizetype descriptionColumn = 28;
    QString out;
    for (const OptionSpec &spec : optionSpecs()) {
        if (spec.connection != connection)
            continue;
        QString line = u"  "_s + optionSynopsis(spec);
        if (line.size() + 2 > descriptionColumn)
            line += u'\n' + QString(descriptionColumn, u' ');
        else
            line += QString(descriptionColumn - line.size(), u' ');
        out += line + wrap(Text::tr(spec.description), descriptionColumn, descriptionColumn)
                + u'\n';
    }
    return out;
}

std::optional<int> parseInteger(const QString &text, int minimum)
{
    bool ok = false;
    const int value = text.trimmed().toInt(&ok);
    if (!ok || value < minimum)
        return std::nullopt;
    return value;
}

} // namespace

bool needsWindow(const CommandLineOptions &options)
{
    return options.mode == Mode::None;
}

QString helpText()
{
    //: Keep the lines within 78 columns.
    return Text::tr("Usage: influx-explorer [--demo] [--ping | --execute <query> | --import "
                    "<file>] [options]\n"
                    "       influx-explorer --serve-demo\n\n")
            + wrap(Text::tr("Influx Explorer's headless mode: a command line client for InfluxDB "
                            "1.x (and the v1 API of InfluxDB 2.x/3.x) that needs no display. At "
                            "most one of --ping, --execute, --import and --serve-demo runs per "
                            "invocation; --demo combines with the first three. Without any of "
                            "them influx-explorer opens its window (on the demo server with "
                            "--demo)."),
                   0, 0)
            + u"\n\n"_s + Text::tr("Modes and output:") + u'\n' + optionHelp(false) + u'\n'
            + Text::tr("Connection:") + u'\n' + optionHelp(true) + Text::tr(R"(
Output:
  Results go to standard output and nothing else does: warnings that the
  server attached to a statement ("warning: <text>."), statement errors
  ("ERR: statement <n>: <message>", n counting from 0 like the server's
  statement_id), import progress and summaries go to standard error. The
  import progress line is shown only when standard error is a terminal.
)") + Text::tr(R"(
Environment:
  INFLUX_USERNAME   user name when --username is not given
  INFLUX_PASSWORD   password when --password is not given
  INFLUX_TOKEN      API token when --token is not given
  INFLUXD           the influxd that --demo starts (default /usr/bin/influxd)
)") + Text::tr(R"(
Exit status:
  0  success
  1  any error: the server could not be reached or answered with an error, a
     statement failed, a batch of --import was rejected (the others are still
     written); the message is on standard error
  2  usage error: unknown or missing flags or values, an invalid option value
     (e.g. --epoch x), an unknown --format, several modes at once
)") + Text::tr(R"(
Examples:
  influx-explorer --url http://127.0.0.1:8086 --ping
  influx-explorer -d telegraf -e 'SELECT mean(usage_idle) FROM cpu
      WHERE time > now() - 1h GROUP BY time(10m), host' --format csv
  influx-explorer -d mydb --precision s --import metrics.lp
  influx-explorer -d mydb --import metrics.lp --retries 5 --failed-lines left.lp
  gzip -dc metrics.lp.gz | influx-explorer -d mydb --import -
  influx-explorer --demo -e 'SHOW MEASUREMENTS' --format json
  influx-explorer --serve-demo    # a demo server until Ctrl+C
)");
}

CommandLineParseResult parseCommandLine(const QStringList &arguments,
                                        const QProcessEnvironment &environment)
{
    CommandLineParseResult result;
    const auto usageError = [&result](const QString &message) {
        result.status = CommandLineParseResult::Status::UsageError;
        result.errorMessage = message;
        return result;
    };

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    for (const OptionSpec &spec : optionSpecs()) {
        QCommandLineOption option(spec.names, Text::tr(spec.description),
                                  spec.valueName ? Text::tr(spec.valueName) : QString());
        parser.addOption(option);
    }
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(u"help"_s)) {
        result.status = CommandLineParseResult::Status::Help;
        return result;
    }
    if (parser.isSet(u"version"_s)) {
        result.status = CommandLineParseResult::Status::Version;
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        return usageError(Text::tr("unexpected argument '%1' (queries go after --execute)")
                                  .arg(parser.positionalArguments().constFirst()));
    }
    // Options given twice would silently lose a value (only --url is a list).
    for (const OptionSpec &spec : optionSpecs()) {
        if (spec.valueName && spec.names.constLast() != u"url"_s
            && parser.values(spec.names.constLast()).size() > 1) {
            return usageError(
                    Text::tr("--%1 was given more than once").arg(spec.names.constLast()));
        }
    }

    CommandLineOptions &options = result.options;
    QStringList modes;
    if (parser.isSet(u"ping"_s)) {
        options.mode = Mode::Ping;
        modes.append(u"--ping"_s);
    }
    if (parser.isSet(u"execute"_s)) {
        options.mode = Mode::Execute;
        options.query = parser.value(u"execute"_s);
        modes.append(u"--execute"_s);
        if (options.query.trimmed().isEmpty())
            return usageError(Text::tr("--execute needs a query"));
    }
    if (parser.isSet(u"import"_s)) {
        options.mode = Mode::Import;
        options.importPath = parser.value(u"import"_s);
        modes.append(u"--import"_s);
        if (options.importPath.isEmpty())
            return usageError(Text::tr("--import needs a file name or '-' for standard input"));
    }
    if (parser.isSet(u"serve-demo"_s)) {
        options.mode = Mode::ServeDemo;
        modes.append(u"--serve-demo"_s);
    }
    if (modes.size() > 1)
        return usageError(Text::tr("%1 cannot be combined: choose one mode")
                                  .arg(modes.join(Text::tr(" and "))));
    options.demo = parser.isSet(u"demo"_s) || options.mode == Mode::ServeDemo;

    if (parser.isSet(u"batch-size"_s)) {
        const auto size = parseInteger(parser.value(u"batch-size"_s), 1);
        if (!size)
            return usageError(Text::tr("--batch-size must be a positive integer"));
        options.batchSize = *size;
    }
    if (parser.isSet(u"failed-lines"_s)) {
        if (options.mode != Mode::Import)
            return usageError(Text::tr("--failed-lines goes with --import"));
        options.failedLinesPath = parser.value(u"failed-lines"_s);
        if (options.failedLinesPath.isEmpty())
            return usageError(Text::tr("--failed-lines needs a file name"));
    }
    if (parser.isSet(u"format"_s)) {
        const QString name = parser.value(u"format"_s);
        const auto format = ResultFormatter::formatFromName(name);
        if (!format)
            return usageError(Text::tr("unknown format \"%1\": use json, csv or column").arg(name));
        options.format = *format;
    }

    // Connection options, checked by the library with the reference client's messages.
    QVariantMap map;
    QString username = parser.isSet(u"username"_s) ? parser.value(u"username"_s)
                                                   : environment.value(u"INFLUX_USERNAME"_s);
    QString password = parser.isSet(u"password"_s) ? parser.value(u"password"_s)
                                                   : environment.value(u"INFLUX_PASSWORD"_s);
    const QString token = parser.isSet(u"token"_s) ? parser.value(u"token"_s)
                                                   : environment.value(u"INFLUX_TOKEN"_s);
    if (parser.isSet(u"url"_s)) {
        if (options.demo) {
            return usageError(
                    Text::tr("%1 starts its own server: it cannot be combined with --url")
                            .arg(parser.isSet(u"serve-demo"_s) ? u"--serve-demo"_s : u"--demo"_s));
        }
        QStringList urls;
        for (const QString &text : parser.values(u"url"_s)) {
            QUrl url(text, QUrl::StrictMode);
            if (url.isValid() && !url.userInfo().isEmpty()) {
                if (username.isEmpty())
                    username = url.userName();
                if (password.isEmpty())
                    password = url.password();
                url.setUserInfo(QString());
                urls.append(url.toString());
            } else {
                urls.append(text);
            }
        }
        map.insert(u"baseUrls"_s, urls);
    }
    const auto insertIfSet = [&](const QString &flag, const QString &key) {
        if (parser.isSet(flag))
            map.insert(key, parser.value(flag));
    };
    if (parser.isSet(u"database"_s) && parser.value(u"database"_s).trimmed().isEmpty())
        return usageError(Text::tr("--database needs a name"));
    insertIfSet(u"database"_s, u"database"_s);
    options.urlGiven = parser.isSet(u"url"_s);
    options.databaseGiven = parser.isSet(u"database"_s);
    if (!username.isEmpty())
        map.insert(u"username"_s, username);
    if (!password.isEmpty())
        map.insert(u"password"_s, password);
    if (!token.isEmpty())
        map.insert(u"token"_s, token);
    insertIfSet(u"retention-policy"_s, u"retentionPolicy"_s);
    insertIfSet(u"consistency"_s, u"consistency"_s);
    insertIfSet(u"precision"_s, u"precision"_s);
    insertIfSet(u"epoch"_s, u"epoch"_s);
    insertIfSet(u"compression"_s, u"compression"_s);
    if (parser.isSet(u"chunk-size"_s)) {
        const auto size = parseInteger(parser.value(u"chunk-size"_s), 0);
        if (!size)
            return usageError(Text::tr("--chunk-size must be a non-negative integer"));
        map.insert(u"chunkSize"_s, *size);
    }
    if (parser.isSet(u"retries"_s)) {
        const auto retries = parseInteger(parser.value(u"retries"_s), 0);
        if (!retries || *retries > Influx::RetryPolicy::MaxRetries)
            return usageError(Text::tr("--retries must be a whole number from 0 to %1")
                                      .arg(Influx::RetryPolicy::MaxRetries));
        map.insert(u"writeRetries"_s, *retries);
    }
    if (parser.isSet(u"retry-max-delay"_s)) {
        bool ok = false;
        const double seconds = parser.value(u"retry-max-delay"_s).trimmed().toDouble(&ok);
        if (!ok || !(seconds >= 0.001)
            || seconds > double(Influx::RetryPolicy::MaxDelayLimit.count()))
            return usageError(
                    Text::tr("--retry-max-delay must be a number of seconds from 0.001 to %1")
                            .arg(Influx::RetryPolicy::MaxDelayLimit.count()));
        map.insert(u"writeRetryMaxDelay"_s, seconds);
    }
    if (parser.isSet(u"timeout"_s)) {
        const auto seconds = parseInteger(parser.value(u"timeout"_s), 0);
        if (!seconds)
            return usageError(Text::tr("--timeout must be a non-negative whole number of seconds"));
        map.insert(u"timeout"_s, *seconds);
    }

    Influx::Error error;
    options.client = Influx::ClientOptions::fromVariantMap(map, &error);
    if (error.isError())
        return usageError(error.message());
    return result;
}

} // namespace Explorer
