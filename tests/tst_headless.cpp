// SPDX-License-Identifier: MIT
// influx-explorer's headless mode, run as a separate process (INFLUX_EXPLORER_BINARY) against
// the fixture's influxd: output of every format and shape, exit statuses, imports, --demo.
// Expected outputs follow the `influx` shell's layouts (see tst_formatters) and what influxd
// sends for the data written in initTestCase().
#include "faultserver.h"
#include "testserver.h"

#include <client.h>

#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryFile>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QtTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Sensitive values that must never appear in any output.
constexpr auto Secret = "s3cr3t-Passw0rd"_L1;

} // namespace

class tst_Headless : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void help();
    void version();
    void noMode();
    void usageErrors_data();
    void usageErrors();
    void ping();
    void unreachable();
    void execute_data();
    void execute();
    void sameAsInfluxShell_data();
    void sameAsInfluxShell();
    void statementError();
    void badQuery();
    void secretsNeverPrinted();
    void importFile();
    void importStdin();
    void importManyBatches();
    void importMissingDatabase();
    void importKeepsFailedLines();
    void importRetriesServerErrors();
    void importMissingFile();
    void importBadInput();
    void importBinaryFile();
    void demoExecute();
    void demoServesUntilSigterm();

private:
    Run run(const QStringList &arguments, const QByteArray &input = {},
            const QMap<QString, QString> &environment = {}, int timeoutMs = 120000);
    QStringList connection() const
    {
        return {u"--url"_s, m_url.toString(), u"--database"_s, m_database};
    }
    QByteArray queryJson(const QString &query);

    QString m_binary;
    QUrl m_url;
    QString m_database;
    std::unique_ptr<Influx::Client> m_client;
};

Run tst_Headless::run(const QStringList &arguments, const QByteArray &input,
                      const QMap<QString, QString> &environment, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto *name : {"INFLUX_USERNAME", "INFLUX_PASSWORD", "INFLUX_TOKEN"})
        env.remove(QString::fromLatin1(name));
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(m_binary, arguments);
    Run result;
    if (!process.waitForStarted()) {
        qWarning("cannot start %s", qPrintable(m_binary));
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel(); // standard input ends here
    // The event loop goes on meanwhile, for a fault server in this process.
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (process.state() != QProcess::NotRunning) {
        qWarning("influx-explorer %s did not finish", qPrintable(arguments.join(u' ')));
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return result;
}

QByteArray tst_Headless::queryJson(const QString &query)
{
    const Run result = run(connection() << u"--format"_s << u"json"_s << u"-e"_s << query);
    if (result.exitCode != 0)
        qWarning("query failed: %s", result.err.constData());
    return result.out;
}

void tst_Headless::initTestCase()
{
    m_binary = qEnvironmentVariable("INFLUX_EXPLORER_BINARY");
    QVERIFY2(QFileInfo::exists(m_binary), "INFLUX_EXPLORER_BINARY names no file");
    m_url = TestSupport::fixtureUrl();
    QVERIFY2(m_url.isValid() && !m_url.isEmpty(),
             "no fixture server: run through ctest (fixture influxd)");
    QCOMPARE(m_url.host(), u"127.0.0.1"_s);
    m_database = TestSupport::uniqueName(u"headless"_s);

    Influx::ClientOptions options;
    options.baseUrls = {m_url};
    options.database = m_database;
    m_client = std::make_unique<Influx::Client>(options);
    Influx::Error error;
    TestSupport::query(*m_client, u"CREATE DATABASE \"%1\""_s.arg(m_database), {}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    error = TestSupport::writeLines(*m_client,
                                    "cpu,host=a,region=eu value=0.1 1000000000\n"
                                    "cpu,host=b,region=eu value=654 2000000000\n"
                                    "cpu,host=a,region=eu value=1e21 3000000000\n"
                                    "mem,host=a used=42i,note=\"say \\\"hi\\\" <b>\" 1000000000\n"
                                    // Strings with tabs, newlines, quotes and wide characters
                                    "txt,tag=ä\\ b,k-b=1,k=2 s=\"multi\nline\",t=\"x\ty\",e=\"\","
                                    "w=\"€€€ wide\" 1000000000\n"
                                    "txt,tag=x s=\"a\\\\b\\\"c\",big=1.2345678901234568e20,"
                                    "tiny=5e-324,flag=true 2000000000\n");
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
}

void tst_Headless::cleanupTestCase()
{
    if (m_client && !m_database.isEmpty())
        TestSupport::query(*m_client, u"DROP DATABASE \"%1\""_s.arg(m_database));
}

void tst_Headless::help()
{
    const Run result = run({u"--help"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.err.isEmpty());
    for (const char *text : {"--ping",
                             "--execute",
                             "--import",
                             "--batch-size",
                             "--demo",
                             "--serve-demo",
                             "--format",
                             "--url",
                             "--database",
                             "--username",
                             "--password",
                             "--token",
                             "--retention-policy",
                             "--consistency",
                             "--precision",
                             "--epoch",
                             "--chunk-size",
                             "--compression",
                             "--timeout",
                             "--help",
                             "INFLUX_PASSWORD",
                             "INFLUX_TOKEN",
                             "INFLUX_USERNAME",
                             "Exit status",
                             "json",
                             "csv",
                             "column",
                             "SIGTERM"}) {
        QVERIFY2(result.out.contains(text), text);
    }
    QVERIFY(result.out.contains("  2  usage error"));
}

void tst_Headless::version()
{
    const Run result = run({u"--version"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(QRegularExpression(u"^influx-explorer \\d+\\.\\d+\\.\\d+\n$"_s)
                    .match(QString::fromUtf8(result.out))
                    .hasMatch());
}

void tst_Headless::noMode()
{
    // No mode is the window's job: it opens (offscreen here) and runs its event loop instead of
    // printing the usage text and exiting 2. Its settings go to a throw-away directory.
    QTemporaryDir home;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    environment.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    QProcess window;
    window.setProcessEnvironment(environment);
    window.start(m_binary, connection());
    QVERIFY(window.waitForStarted());
    QVERIFY2(!window.waitForFinished(3000), window.readAllStandardError().constData());
    window.terminate();
    QVERIFY(window.waitForFinished(10000));
    // SIGTERM ends the event loop: a normal exit, so a demo server would be stopped too.
    QCOMPARE(window.exitStatus(), QProcess::NormalExit);
    QCOMPARE(window.exitCode(), 0);
    QVERIFY(window.readAllStandardOutput().isEmpty());
    QVERIFY(!window.readAllStandardError().contains("Usage: influx-explorer"));
}

void tst_Headless::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("message");
    const QString url = m_url.toString();
    QTest::newRow("unknown flag") << QStringList {u"--ping"_s, u"--nope"_s}
                                  << "Unknown option 'nope'"_ba;
    QTest::newRow("missing value") << QStringList {u"--execute"_s} << "Missing value after"_ba;
    QTest::newRow("retries too many")
            << QStringList {u"--url"_s, url, u"--import"_s, u"-"_s, u"--retries"_s, u"101"_s}
            << "--retries must be a whole number from 0 to 100"_ba;
    QTest::newRow("retries negative")
            << QStringList {u"--url"_s, url, u"--import"_s, u"-"_s, u"--retries"_s, u"-1"_s}
            << "--retries must be a whole number from 0 to 100"_ba;
    QTest::newRow("retry delay zero")
            << QStringList {u"--url"_s, url, u"--import"_s, u"-"_s, u"--retry-max-delay"_s, u"0"_s}
            << "--retry-max-delay must be a number of seconds"_ba;
    QTest::newRow("retry delay nan")
            << QStringList {u"--url"_s, url, u"--import"_s, u"-"_s, u"--retry-max-delay"_s,
                            u"nan"_s}
            << "--retry-max-delay must be a number of seconds"_ba;
    QTest::newRow("failed lines without import")
            << QStringList {u"--url"_s, url, u"--ping"_s, u"--failed-lines"_s, u"x.lp"_s}
            << "--failed-lines goes with --import"_ba;
    QTest::newRow("two modes") << QStringList {u"--url"_s, url, u"--ping"_s, u"-e"_s,
                                               u"SHOW DATABASES"_s}
                               << "--ping and --execute cannot be combined"_ba;
    QTest::newRow("unknown format")
            << QStringList {u"--url"_s, url, u"-e"_s, u"SHOW DATABASES"_s, u"--format"_s, u"xml"_s}
            << "unknown format \"xml\": use json, csv or column"_ba;
    // The reference client's message, with the accepted values listed correctly.
    QTest::newRow("bad epoch")
            << QStringList {u"--url"_s, url, u"-e"_s, u"SHOW DATABASES"_s, u"--epoch"_s, u"ns"_s}
            << R"(epoch must be one of "n", "u", "ms", "s", "m", "h" or None)"_ba;
    QTest::newRow("bad compression")
            << QStringList {u"--url"_s,         url,      u"-e"_s, u"SHOW DATABASES"_s,
                            u"--compression"_s, u"zstd"_s}
            << R"(compression must be one of "auto", "gzip" or "none": zstd)"_ba;
    QTest::newRow("bad precision")
            << QStringList {u"--url"_s, url, u"--import"_s, u"-"_s, u"--precision"_s, u"sec"_s}
            << R"(precision must be one of "n", "u", "ms", "s", "m", "h" or None)"_ba;
    QTest::newRow("bad consistency")
            << QStringList {u"--url"_s, url, u"--import"_s, u"-"_s, u"--consistency"_s, u"most"_s}
            << R"(consistency must be one of "any", "one", "quorum", "all" or None)"_ba;
    QTest::newRow("empty database") << QStringList {u"-d"_s, u""_s, u"-e"_s, u"SHOW MEASUREMENTS"_s}
                                    << "--database needs a name"_ba;
    QTest::newRow("blank database")
            << QStringList {u"--database"_s, u"  "_s, u"--ping"_s} << "--database needs a name"_ba;
    QTest::newRow("bad batch size")
            << QStringList {u"--import"_s, u"-"_s, u"--batch-size"_s, u"0"_s}
            << "--batch-size must be a positive integer"_ba;
    QTest::newRow("bad timeout") << QStringList {u"--ping"_s, u"--timeout"_s, u"soon"_s}
                                 << "--timeout must be"_ba;
    QTest::newRow("bad url") << QStringList {u"--ping"_s, u"--url"_s, u"ftp://127.0.0.1"_s}
                             << "invalid base URL: ftp://127.0.0.1 (expected http://host:port"_ba;
    // Absurd values: refused before anything is sent, naming the option (or the value).
    QTest::newRow("url with a misspelt scheme")
            << QStringList {u"--ping"_s, u"--url"_s, u"htp://127.0.0.1:8086"_s}
            << "invalid base URL: htp://127.0.0.1:8086"_ba;
    QTest::newRow("url without host")
            << QStringList {u"--ping"_s, u"--url"_s, u"http://"_s} << "invalid base URL: http:"_ba;
    QTest::newRow("url with a port only")
            << QStringList {u"--ping"_s, u"--url"_s, u"http://:8086"_s} << "invalid base URL"_ba;
    QTest::newRow("negative timeout")
            << QStringList {u"--ping"_s, u"--timeout"_s, u"-1"_s} << "--timeout must be"_ba;
    QTest::newRow("timeout beyond int")
            << QStringList {u"--ping"_s, u"--timeout"_s, u"99999999999"_s}
            << "--timeout must be"_ba;
    // 50 days: more than a timer can hold (it used to wrap around to 0.7 s).
    QTest::newRow("timeout beyond a timer")
            << QStringList {u"--url"_s, url, u"--ping"_s, u"--timeout"_s, u"4294968"_s}
            << "timeout must be at most 2147483 seconds"_ba;
    QTest::newRow("negative chunk size") << QStringList {u"--ping"_s, u"--chunk-size"_s, u"-1"_s}
                                         << "--chunk-size must be a non-negative integer"_ba;
    QTest::newRow("chunk size beyond int")
            << QStringList {u"--ping"_s, u"--chunk-size"_s, u"1e12"_s}
            << "--chunk-size must be a non-negative integer"_ba;
    QTest::newRow("negative batch size")
            << QStringList {u"--import"_s, u"-"_s, u"--batch-size"_s, u"-5"_s}
            << "--batch-size must be a positive integer"_ba;
    QTest::newRow("batch size beyond int")
            << QStringList {u"--import"_s, u"-"_s, u"--batch-size"_s, u"99999999999"_s}
            << "--batch-size must be a positive integer"_ba;
    QTest::newRow("empty precision")
            << QStringList {u"--url"_s, url, u"--import"_s, u"-"_s, u"--precision"_s, QString()}
            << R"(precision must be one of "n", "u", "ms", "s", "m", "h" or None)"_ba;
    QTest::newRow("empty format") << QStringList {u"--url"_s,          url,           u"-e"_s,
                                                  u"SHOW DATABASES"_s, u"--format"_s, QString()}
                                  << "unknown format \"\": use json, csv or column"_ba;
    const QString huge(100 * 1024, u'x');
    QTest::newRow("100 KB value")
            << QStringList {u"--url"_s, url, u"-e"_s, u"SHOW DATABASES"_s, u"--epoch"_s, huge}
            << R"(epoch must be one of "n", "u", "ms", "s", "m", "h" or None)"_ba;
    QTest::newRow("100 KB option name")
            << QStringList {u"--ping"_s, u"--"_s + huge} << "Unknown option 'xxxxxxxx"_ba;
    QTest::newRow("100 KB url") << QStringList {u"--ping"_s, u"--url"_s,
                                                u"http://"_s + huge + u":8086:1"_s}
                                << "invalid base URL"_ba;
    QTest::newRow("stray argument")
            << QStringList {u"--ping"_s, u"SHOW"_s} << "unexpected argument 'SHOW'"_ba;
    QTest::newRow("demo with url")
            << QStringList {u"--demo"_s, u"--url"_s, url, u"--ping"_s}
            << "--demo starts its own server: it cannot be combined with --url"_ba;
    QTest::newRow("serve-demo with url")
            << QStringList {u"--serve-demo"_s, u"--url"_s, url}
            << "--serve-demo starts its own server: it cannot be combined with --url"_ba;
    QTest::newRow("serve-demo with execute")
            << QStringList {u"--serve-demo"_s, u"-e"_s, u"SHOW DATABASES"_s}
            << "--execute and --serve-demo cannot be combined: choose one mode"_ba;
    QTest::newRow("serve-demo with demo and import")
            << QStringList {u"--demo"_s, u"--serve-demo"_s, u"--import"_s, u"-"_s}
            << "--import and --serve-demo cannot be combined"_ba;
}

void tst_Headless::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("influx-explorer: "), result.err.constData());
    QVERIFY2(result.err.contains(message), result.err.constData());
}

void tst_Headless::ping()
{
    const Run result = run({u"--url"_s, m_url.toString(), u"--ping"_s});
    QCOMPARE(result.exitCode, 0);
    // The X-Influxdb-Version header of Debian's influxd, e.g. "1.6.7~rc0".
    QVERIFY2(QRegularExpression(u"^1\\.\\d+\\.\\d+\\S*\n$"_s)
                     .match(QString::fromUtf8(result.out))
                     .hasMatch(),
             result.out.constData());
    QVERIFY(result.err.isEmpty());
}

void tst_Headless::unreachable()
{
    const Run result = run({u"--url"_s, TestSupport::closedPortUrl(), u"--ping"_s});
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("ERR: no servers could be reached"), result.err.constData());

    // The second URL answers: ordered failover.
    const Run failover = run(
            {u"--url"_s, TestSupport::closedPortUrl(), u"--url"_s, m_url.toString(), u"--ping"_s});
    QCOMPARE(failover.exitCode, 0);
}

void tst_Headless::execute_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QByteArray>("expected");

    const QString none = u"SELECT value FROM cpu WHERE time > now()"_s;
    QTest::newRow("none json") << QStringList {u"-f"_s, u"json"_s} << none << "null\n"_ba;
    QTest::newRow("none csv") << QStringList {u"-f"_s, u"csv"_s} << none << QByteArray();
    QTest::newRow("none column") << QStringList() << none << QByteArray();

    const QString one = u"SELECT value FROM cpu WHERE host = 'a'"_s;
    QTest::newRow("one series json")
            << QStringList {u"--format"_s, u"json"_s} << one
            << R"({"name":"cpu","columns":["time","value"],"values":[)"
               R"(["1970-01-01T00:00:01Z",0.1],["1970-01-01T00:00:03Z",1e+21]]})"
               "\n"_ba;
    QTest::newRow("one series csv") << QStringList {u"--format"_s, u"csv"_s} << one
                                    << "name,time,value\n"
                                       "cpu,1970-01-01T00:00:01Z,0.1\n"
                                       "cpu,1970-01-01T00:00:03Z,1e+21\n"_ba;
    QTest::newRow("one series column") << QStringList {u"--format"_s, u"column"_s} << one
                                       << "name: cpu\n"
                                          "time                 value\n"
                                          "----                 -----\n"
                                          "1970-01-01T00:00:01Z 0.1\n"
                                          "1970-01-01T00:00:03Z 1e+21\n"_ba;
    QTest::newRow("one series epoch json")
            << QStringList {u"--format"_s, u"json"_s, u"--epoch"_s, u"s"_s} << one
            << R"({"name":"cpu","columns":["time","value"],"values":[[1,0.1],[3,1e+21]]})"
               "\n"_ba;
    QTest::newRow("one series epoch column")
            << QStringList {u"--epoch"_s, u"ms"_s} << one
            << "name: cpu\ntime value\n---- -----\n1000 0.1\n3000 1e+21\n"_ba;

    const QString grouped = u"SELECT value FROM cpu GROUP BY host"_s;
    const QByteArray groupedJson =
            R"([{"name":"cpu","tags":{"host":"a"},"columns":["time","value"],"values":[)"
            R"(["1970-01-01T00:00:01Z",0.1],["1970-01-01T00:00:03Z",1e+21]]},)"
            R"({"name":"cpu","tags":{"host":"b"},"columns":["time","value"],"values":[)"
            R"(["1970-01-01T00:00:02Z",654]]}])"
            "\n"_ba;
    QTest::newRow("several series json")
            << QStringList {u"-f"_s, u"json"_s} << grouped << groupedJson;
    // Every row in its own chunk: the pieces are merged back into the same two series.
    QTest::newRow("several series json chunk size 1")
            << QStringList {u"-f"_s, u"json"_s, u"--chunk-size"_s, u"1"_s} << grouped
            << groupedJson;
    QTest::newRow("several series csv") << QStringList {u"-f"_s, u"csv"_s} << grouped
                                        << "name,tags,time,value\n"
                                           "cpu,host=a,1970-01-01T00:00:01Z,0.1\n"
                                           "cpu,host=a,1970-01-01T00:00:03Z,1e+21\n"
                                           "name,tags,time,value\n"
                                           "cpu,host=b,1970-01-01T00:00:02Z,654\n"_ba;
    QTest::newRow("several series column") << QStringList() << grouped
                                           << "name: cpu\n"
                                              "tags: host=a\n"
                                              "time                 value\n"
                                              "----                 -----\n"
                                              "1970-01-01T00:00:01Z 0.1\n"
                                              "1970-01-01T00:00:03Z 1e+21\n"
                                              "\n"
                                              "name: cpu\n"
                                              "tags: host=b\n"
                                              "time                 value\n"
                                              "----                 -----\n"
                                              "1970-01-01T00:00:02Z 654\n"_ba;

    const QString several = u"SELECT used, note FROM mem; SELECT value FROM cpu WHERE host = 'b'"_s;
    QTest::newRow("several statements json")
            << QStringList {u"-f"_s, u"json"_s} << several
            << R"([[{"name":"mem","columns":["time","used","note"],"values":[)"
               R"(["1970-01-01T00:00:01Z",42,"say \"hi\" \u003cb\u003e"]]}],)"
               R"([{"name":"cpu","columns":["time","value"],"values":[["1970-01-01T00:00:02Z",654]]}]])"
               "\n"_ba;
    QTest::newRow("several statements csv")
            << QStringList {u"-f"_s, u"csv"_s} << several
            << "name,time,used,note\n"
               "mem,1970-01-01T00:00:01Z,42,\"say \"\"hi\"\" <b>\"\n"
               "name,time,value\n"
               "cpu,1970-01-01T00:00:02Z,654\n"_ba;
    QTest::newRow("several statements column") << QStringList() << several
                                               << "name: mem\n"
                                                  "time                 used note\n"
                                                  "----                 ---- ----\n"
                                                  "1970-01-01T00:00:01Z 42   say \"hi\" <b>\n"
                                                  "\n"
                                                  "name: cpu\n"
                                                  "time                 value\n"
                                                  "----                 -----\n"
                                                  "1970-01-01T00:00:02Z 654\n"_ba;
}

void tst_Headless::execute()
{
    QFETCH(QStringList, options);
    QFETCH(QString, query);
    QFETCH(QByteArray, expected);
    const Run result = run(connection() + options + QStringList {u"--execute"_s, query});
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.out, expected);
}

void tst_Headless::sameAsInfluxShell_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("epoch");
    QTest::addColumn<QString>("query");
    const QStringList queries = {
            u"SELECT * FROM cpu"_s,
            u"SELECT * FROM cpu GROUP BY *"_s,
            // Equal headers in consecutive statements are suppressed by the shell.
            u"SELECT value FROM cpu GROUP BY host; SELECT value FROM cpu GROUP BY host; "
            "SHOW MEASUREMENTS"_s,
            u"SELECT * FROM txt; SELECT * FROM txt GROUP BY *"_s,
            u"SHOW TAG VALUES WITH KEY =~ /.*/; SHOW RETENTION POLICIES; SHOW FIELD KEYS"_s,
            // An empty result first: a blank line before the next one.
            u"SELECT * FROM cpu WHERE time > now(); SELECT used FROM mem"_s,
            u"SELECT mean(value) FROM cpu WHERE time >= 0 AND time < 4s GROUP BY time(1s), host"_s,
    };
    for (const QString &format : {u"column"_s, u"csv"_s}) {
        for (bool epoch : {false, true}) {
            for (qsizetype i = 0; i < queries.size(); ++i) {
                QTest::addRow("%s %s %lld", qPrintable(format), epoch ? "epoch" : "rfc3339",
                              qlonglong(i))
                        << format << epoch << queries[i];
            }
        }
    }
}

void tst_Headless::sameAsInfluxShell()
{
    // InfluxDB's own shell (Debian's influxdb-client) prints the same bytes on stdout. Its
    // default time format is nanosecond integers ("precision ns"), ours RFC 3339 like the
    // server's.
    QFETCH(QString, format);
    QFETCH(bool, epoch);
    QFETCH(QString, query);
    const QString shell = QStandardPaths::findExecutable(u"influx"_s);
    // .ci/deps installs it; without it this comparison would silently prove nothing.
    QVERIFY2(!shell.isEmpty(), "the influx shell (Debian package influxdb-client) is missing");

    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"INFLUX_USERNAME"_s);
    env.remove(u"INFLUX_PASSWORD"_s);
    process.setProcessEnvironment(env);
    QStringList shellArguments = {
            u"-host"_s,     m_url.host(), u"-port"_s,   QString::number(m_url.port()),
            u"-database"_s, m_database,   u"-format"_s, format,
            u"-execute"_s,  query};
    if (!epoch)
        shellArguments << u"-precision"_s << u"rfc3339"_s;
    process.start(shell, shellArguments);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray expected = process.readAllStandardOutput();

    QStringList arguments = connection() << u"--format"_s << format << u"-e"_s << query;
    if (epoch)
        arguments << u"--epoch"_s << u"n"_s;
    const Run ours = run(arguments);
    QCOMPARE(ours.exitCode, 0);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(ours.out, expected);
}

void tst_Headless::statementError()
{
    // The first statement's result is printed; the second's error goes to stderr, exit 1.
    const Run result =
            run(connection()
                << u"-f"_s << u"json"_s << u"-e"_s
                << u"SELECT value FROM cpu WHERE host = 'b'; SELECT nonsense(value) FROM cpu"_s);
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(
            result.out,
            R"([[{"name":"cpu","columns":["time","value"],"values":[["1970-01-01T00:00:02Z",654]]}],[]])"
            "\n"_ba);
    QCOMPARE(result.err, "ERR: statement 1: undefined function nonsense()\n"_ba);

    // A database that does not exist: a statement error inside a 200 response.
    const Run missing = run({u"--url"_s, m_url.toString(), u"-d"_s, u"no_such_database"_s, u"-e"_s,
                             u"SELECT * FROM cpu"_s});
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.out.isEmpty());
    QVERIFY2(missing.err.startsWith("ERR: statement 0: "), missing.err.constData());
}

void tst_Headless::badQuery()
{
    const Run result = run(connection() << u"-e"_s << u"SELEKT 1"_s);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.startsWith("ERR: error parsing query: found SELEKT"),
             result.err.constData());
}

void tst_Headless::secretsNeverPrinted()
{
    const QString closed = TestSupport::closedPortUrl();
    const QString withUserInfo =
            QString(closed).replace(u"http://"_s, u"http://user:"_s + Secret + u'@');
    const QList<Run> runs = {
            run({u"--url"_s, closed, u"--username"_s, u"user"_s, u"--password"_s, QString(Secret),
                 u"--ping"_s}),
            run({u"--url"_s, withUserInfo, u"-e"_s, u"SHOW DATABASES"_s}),
            run({u"--url"_s, closed, u"--token"_s, QString(Secret), u"--import"_s, u"-"_s},
                "m v=1\n"),
            run({u"--url"_s, closed, u"--ping"_s, u"--epoch"_s, u"x"_s}, {},
                {{u"INFLUX_PASSWORD"_s, QString(Secret)}}),
            // Wrong credentials against a server without authentication still work.
            run({u"--url"_s, m_url.toString(), u"-e"_s, u"SELEKT"_s}, {},
                {{u"INFLUX_USERNAME"_s, u"u"_s}, {u"INFLUX_PASSWORD"_s, QString(Secret)}}),
    };
    for (const Run &result : runs) {
        QVERIFY(result.exitCode == 1 || result.exitCode == 2);
        QVERIFY(!result.err.isEmpty());
        QVERIFY2(!result.out.contains(QByteArray(Secret.data())), result.out.constData());
        QVERIFY2(!result.err.contains(QByteArray(Secret.data())), result.err.constData());
    }
}

// A bad line in the middle of the input: its batch fails with the server's message and the
// line numbers, the batches before and after it are written, the exit status is 1.
static const QByteArray importInput = "# comment on line 1\n"
                                      "\n"
                                      "MEASUREMENT,src=x v=1 1000000000\r\n"
                                      "MEASUREMENT,src=x v=2 2000000000\n"
                                      "MEASUREMENT,src=x v=oops 3000000000\n"
                                      "MEASUREMENT,src=x v=4 4000000000\n"
                                      "   MEASUREMENT,src=x v=5 5000000000\n"
                                      "MEASUREMENT,src=x v=6 6000000000";

static void checkImport(const Run &result, const QByteArray &measurement)
{
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    const QByteArray expectedError = "ERR: batch 2 (lines 5-6) failed: partial write: unable to "
                                     "parse '"
            + measurement + ",src=x v=oops 3000000000': invalid boolean";
    QVERIFY2(result.err.contains(expectedError), result.err.constData());
    QVERIFY2(result.err.contains("\n  rejected line: 5\n"), result.err.constData());
    QVERIFY2(result.err.endsWith("5 points written in 3 batches, 1 failed (8 lines read); "
                                 "1 point not written\n"),
             result.err.constData());
    // No progress line: stderr is not a terminal here.
    QVERIFY(!result.err.contains('\r'));
}

void tst_Headless::importFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(QByteArray(importInput).replace("MEASUREMENT", "imp_file"));
    file.close();
    const Run result =
            run(connection() << u"--import"_s << file.fileName() << u"--batch-size"_s << u"2"_s);
    checkImport(result, "imp_file");
    QCOMPARE(queryJson(u"SELECT v FROM imp_file"_s),
             R"({"name":"imp_file","columns":["time","v"],"values":[)"
             R"(["1970-01-01T00:00:01Z",1],["1970-01-01T00:00:02Z",2],["1970-01-01T00:00:04Z",4],)"
             R"(["1970-01-01T00:00:05Z",5],["1970-01-01T00:00:06Z",6]]})"
             "\n"_ba);
}

void tst_Headless::importStdin()
{
    const Run result = run(connection() << u"--import"_s << u"-"_s << u"--batch-size"_s << u"2"_s,
                           QByteArray(importInput).replace("MEASUREMENT", "imp_stdin"));
    checkImport(result, "imp_stdin");
    QCOMPARE(queryJson(u"SELECT v FROM imp_stdin"_s),
             R"({"name":"imp_stdin","columns":["time","v"],"values":[)"
             R"(["1970-01-01T00:00:01Z",1],["1970-01-01T00:00:02Z",2],["1970-01-01T00:00:04Z",4],)"
             R"(["1970-01-01T00:00:05Z",5],["1970-01-01T00:00:06Z",6]]})"
             "\n"_ba);
}

void tst_Headless::importManyBatches()
{
    // Default batch size 50,000: three batches, at most two in flight. Second precision.
    QByteArray input;
    constexpr int lines = 120001;
    for (int i = 0; i < lines; ++i)
        input += "imp_many,host=h" + QByteArray::number(i % 3) + " v=" + QByteArray::number(i)
                + "i " + QByteArray::number(1000 + i) + '\n';
    const Run result =
            run(connection() << u"--import"_s << u"-"_s << u"--precision"_s << u"s"_s, input);
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.err, "120001 points written in 3 batches, 0 failed (120001 lines read)\n"_ba);
    const Run count = run(connection() << u"-f"_s << u"csv"_s << u"-e"_s
                                       << u"SELECT count(v), sum(v) FROM imp_many"_s);
    QCOMPARE(count.exitCode, 0);
    QCOMPARE(count.out,
             "name,time,count,sum\nimp_many,1970-01-01T00:00:00Z,120001,7200060000\n"_ba);
}

void tst_Headless::importKeepsFailedLines()
{
    // A rejected line (partial write) and a line that is not UTF-8: both in the file, exactly,
    // and nothing else; the summary says where they are.
    QTemporaryDir dir;
    const QString failed = dir.filePath(u"failed.lp"_s);
    const QByteArray input = QByteArray(importInput).replace("MEASUREMENT", "imp_kept")
            + "\nimp_kept,src=x v=7 7000000000\nimp_kept,src=\xff v=8 8000000000\n";
    const Run result =
            run(connection() << u"--import"_s << u"-"_s << u"--failed-lines"_s << failed, input);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains("ERR: line 10 is not valid UTF-8: not sent"),
             result.err.constData());
    const QByteArray where = "The 2 lines not written are in " + failed.toUtf8();
    QVERIFY2(result.err.contains(where), result.err.constData());
    QFile file(failed);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(),
             "imp_kept,src=\xff v=8 8000000000\nimp_kept,src=x v=oops 3000000000\n"_ba);
    // Every other data line is on the server.
    const Run count = run(connection()
                          << u"-f"_s << u"csv"_s << u"-e"_s << u"SELECT count(v) FROM imp_kept"_s);
    QVERIFY2(count.out.endsWith(",6\n"), count.out.constData());

    // All written: the file is left empty.
    const Run clean = run(connection() << u"--import"_s << u"-"_s << u"--failed-lines"_s << failed,
                          "imp_kept v=9 9000000000\n");
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(file.seek(0));
    QCOMPARE(QFileInfo(failed).size(), 0);
}

void tst_Headless::importRetriesServerErrors()
{
    // An overloaded server (503) twice, then the batch goes through: exit 0, retries reported.
    TestSupport::FaultServer server;
    QVERIFY(server.listen());
    int failures = 2;
    server.setHandler([&failures](const TestSupport::FaultServer::Request &, QTcpSocket *s) {
        if (failures-- > 0)
            TestSupport::FaultServer::respond(s, 503, "application/json", R"({"error":"busy"})");
        else
            TestSupport::FaultServer::respond(s, 204, {}, {});
    });
    const Run result = run({u"--url"_s, server.url().toString(), u"-d"_s, u"db"_s, u"--import"_s,
                            u"-"_s, u"--retries"_s, u"3"_s, u"--retry-max-delay"_s, u"0.2"_s},
                           "m v=1 1\nm v=2 2\n");
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("warning: batch 1 (lines 1-2) failed: busy; sending it again in "),
             result.err.constData());
    QVERIFY2(result.err.contains("(attempt 3 of 4)"), result.err.constData());
    QVERIFY2(result.err.endsWith("2 points written in 1 batch, 0 failed (2 lines read); 2 batches "
                                 "sent again\n"),
             result.err.constData());
    QCOMPARE(server.requests().size(), 3);

    // Without --retries the first 503 is final.
    failures = 1;
    const Run once =
            run({u"--url"_s, server.url().toString(), u"-d"_s, u"db"_s, u"--import"_s, u"-"_s},
                "m v=1 1\n");
    QCOMPARE(once.exitCode, 1);
    QCOMPARE(server.requests().size(), 4);
}

void tst_Headless::importMissingDatabase()
{
    // Not a problem of the data: every later batch would fail too, so the import stops.
    const Run result = run({u"--url"_s, m_url.toString(), u"-d"_s, u"no_such_database"_s,
                            u"--import"_s, u"-"_s, u"--batch-size"_s, u"1"_s},
                           "m v=1\nm v=2\nm v=3\nm v=4\nm v=5\n");
    QCOMPARE(result.exitCode, 1);
    // Two batches are in flight at once; they may finish in either order.
    QVERIFY2(result.err.contains("ERR: batch 1 (lines 1-1) failed: database not found"),
             result.err.constData());
    QVERIFY2(!result.err.contains("ERR: batch 3"), result.err.constData());
    QVERIFY2(result.err.contains("ERR: import stopped: the input after line "),
             result.err.constData());
    QVERIFY2(result.err.contains(" lines read); "), result.err.constData());
}

void tst_Headless::importMissingFile()
{
    const Run result = run(connection() << u"--import"_s << u"/nonexistent/file.lp"_s);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.startsWith("ERR: cannot open /nonexistent/file.lp: "),
             result.err.constData());
}

void tst_Headless::importBadInput()
{
    // Every kind of bad line between good ones, one line a batch: each bad line is named, the
    // good ones around it are written, the exit status is 1.
    QTemporaryFile file;
    QVERIFY(file.open());
    const QByteArray hugeTag(20 * 1024 * 1024, 'x'); // a 20 MB line: longer than a key may be
    // ""_ba: the literals keep their NUL.
    file.write("imp_bad v=1 1000000000\n"
               "imp_bad,t=\xff\xfe v=2 2000000000\n" // not UTF-8: influxd would store U+FFFD
               "imp_bad v=3 3000000000\n"
               "imp_bad v=4,s=\"a\0b\" 4000000000\n" // NUL inside a string: valid data
               "imp_bad v=5 5000000000\n"
               "imp_bad,big="_ba
               + hugeTag
               + " v=6 6000000000\n"
                 "imp_bad v=7 7000000000\n"
                 "imp_bad v=8 \xc3\n" // a UTF-8 sequence cut short
                 "imp_bad v=9 9000000000"_ba);
    file.close();
    const Run result =
            run(connection() << u"--import"_s << file.fileName() << u"--batch-size"_s << u"1"_s);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("ERR: line 2 is not valid UTF-8: not sent\n"),
             result.err.left(2000).constData());
    QVERIFY2(result.err.contains("ERR: line 8 is not valid UTF-8: not sent\n"),
             result.err.left(2000).constData());
    QVERIFY2(result.err.contains("(lines 6-6) failed: "), result.err.left(2000).constData());
    QVERIFY2(result.err.contains("max key length exceeded"), result.err.left(2000).constData());
    // The server quotes the 20 MB line; the message shows its start and its length.
    QVERIFY2(result.err.size() < 4000, result.err.left(4000).constData());
    const QByteArray quoted =
            "unable to parse 'imp_bad,big=" + QByteArray(188, 'x') + "… (20971547 characters)': ";
    QVERIFY2(result.err.contains(quoted), result.err.constData());
    QVERIFY2(result.err.endsWith("6 points written in 7 batches, 1 failed (9 lines read); "
                                 "3 points not written\n"),
             result.err.right(2000).constData());
    const QByteArray json = queryJson(u"SELECT v, s FROM imp_bad"_s);
    QVERIFY2(json.contains(R"("columns":["time","v","s"])"), json.constData());
    for (const int v : {1, 3, 4, 5, 7, 9})
        QVERIFY2(json.contains(",%1,"_ba.replace("%1", QByteArray::number(v))), json.constData());
    QVERIFY2(!json.contains(",2,") && !json.contains(",6,") && !json.contains(",8,"),
             json.constData());
    QVERIFY2(json.contains(R"("a\u0000b")"), json.constData());
}

void tst_Headless::importBinaryFile()
{
    // Not line protocol at all: nothing is written, the problems are named, nothing hangs.
    QTemporaryFile file;
    QVERIFY(file.open());
    QByteArray bytes;
    for (int i = 0; i < 64 * 1024; ++i)
        bytes.append(char((i * 7919 + i / 256) & 0xff));
    file.write(bytes);
    file.close();
    const Run result = run(connection() << u"--import"_s << file.fileName());
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains("is not valid UTF-8: not sent"),
             result.err.left(2000).constData());
    QVERIFY2(result.err.contains(" lines read); "), result.err.right(2000).constData());
    QVERIFY2(result.err.endsWith(" not written\n"), result.err.right(2000).constData());
}

void tst_Headless::demoExecute()
{
    // A private influxd with the demo data: 8640 timestamps of 8 cpu series in "demo", the
    // default database, and the other databases next to it.
    const Run result = run({u"--demo"_s, u"--format"_s, u"csv"_s, u"-e"_s,
                            u"SELECT count(usage_idle) FROM cpu; SHOW MEASUREMENTS; "
                            "SHOW DATABASES; SELECT count(co2_ppm) FROM iot.autogen.environment; "
                            "SELECT count(\"count\") FROM shop.one_year.page_views"_s});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.out,
             "name,time,count\n"
             "cpu,1970-01-01T00:00:00Z,69120\n"
             "name,name\n"
             "measurements,cpu\n"
             "measurements,disk\n"
             "measurements,http_requests\n"
             "measurements,mem\n"
             "measurements,service\n"
             "name,name\n"
             "databases,demo\n"
             "databases,iot\n"
             "databases,shop\n"
             "name,time,count\n"
             "environment,1970-01-01T00:00:00Z,64800\n"
             "name,time,count\n"
             "page_views,1970-01-01T00:00:00Z,213\n"_ba);
    QVERIFY2(result.err.contains("414733 points in databases \"demo\", \"iot\", \"shop\""),
             result.err.constData());
}

void tst_Headless::demoServesUntilSigterm()
{
    QProcess demo;
    demo.start(m_binary, {u"--serve-demo"_s});
    QVERIFY(demo.waitForStarted());
    // The URL comes alone on the first line of stdout once the data is loaded.
    QByteArray line;
    QElapsedTimer clock;
    clock.start();
    while (!line.endsWith('\n') && clock.elapsed() < 120000 && demo.state() == QProcess::Running) {
        demo.waitForReadyRead(1000);
        line += demo.readAllStandardOutput();
    }
    const QUrl url = QUrl::fromEncoded(line.trimmed());
    QVERIFY2(url.scheme() == u"http"_s && url.host() == u"127.0.0.1"_s, line.constData());
    QVERIFY(url.port() != 8086);

    const Run ping = run({u"--url"_s, url.toString(), u"--ping"_s});
    QCOMPARE(ping.exitCode, 0);
    const Run hosts = run({u"--url"_s, url.toString(), u"-d"_s, u"demo"_s, u"-f"_s, u"csv"_s,
                           u"-e"_s, u"SHOW TAG VALUES FROM mem WITH KEY = host"_s});
    QCOMPARE(hosts.out,
             "name,key,value\nmem,host,db-01\nmem,host,web-01\nmem,host,web-02\n"
             "mem,host,worker-01\n"_ba);
    const Run keys = run({u"--url"_s, url.toString(), u"-d"_s, u"shop"_s, u"-f"_s, u"csv"_s,
                          u"-e"_s, u"SHOW TAG KEYS FROM orders"_s});
    QCOMPARE(keys.out, "name,tagKey\norders,category\norders,payment method\norders,region\n"_ba);

    demo.terminate(); // SIGTERM
    QVERIFY(demo.waitForFinished(30000));
    QCOMPARE(demo.exitStatus(), QProcess::NormalExit);
    QCOMPARE(demo.exitCode(), 0);
    // The server is gone with it.
    QCOMPARE(run({u"--url"_s, url.toString(), u"--ping"_s, u"--timeout"_s, u"5"_s}).exitCode, 1);
}

QTEST_GUILESS_MAIN(tst_Headless)
#include "tst_headless.moc"
