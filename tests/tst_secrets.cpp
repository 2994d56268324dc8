// SPDX-License-Identifier: MIT
// Secrets never leak. Against local fault servers that record every request:
// - the client library: every kind of request, with a password and with a token, set on the
//   client or per call, through failover and a refused redirect: the secret travels in the
//   Authorization header and nowhere else (target, other headers, body, error texts);
// - influx-explorer's headless modes, credentials from the environment: the same for the
//   requests, and nothing on standard output or standard error, debug logging on;
// - the window, put together by WindowApp as influx-explorer does, with HOME and the XDG
//   directories in a temporary directory (set in main(), before the application exists):
//   profiles with a password and a token created in the Connections dialog, a query and a
//   write, a restart; then every file under that home and every Qt log message is scanned.
// "Appears" means any of the forms leakForms() lists: raw, percent- or form-encoded, Latin-1,
// JSON-escaped, base64 of the secret or of "user:secret".
#include "client.h"
#include "commandline.h"
#include "editor/queryeditor.h"
#include "faultserver.h"
#include "testserver.h"
#include "influxql.h"
#include "mainwindow/connectionmenu.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/querypage.h"
#include "mainwindow/writedock.h"
#include "settings/connectionmanager.h"
#include "settings/secretstore.h"
#include "windowapp.h"
#include "write/batchpage.h"
#include "write/lineprotocoleditor.h"
#include "write/writepanel.h"

#include <QtCore/QDirIterator>
#include <QtCore/QFile>
#include <QtCore/QLoggingCategory>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTimer>
#include <QtCore/QUrlQuery>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>

using namespace Qt::StringLiterals;
using TestSupport::FaultServer;
using Auth = Explorer::ConnectionProfile::Auth;

namespace {

// Distinctive, with characters that every encoding changes (non-ASCII, '%', '&', '=', '+',
// '/'), and a core ("S3cr3t") that no encoding changes.
const QString Username = u"üser"_s;
const QString Password = u"pw-S3cr3t-ä%&="_s;
const QString Token = u"tok-S3cr3t-ö+/%&="_s;
const QString CliPassword = u"cli-S3cr3t-é%&="_s;
// Not a connection secret: a password set with CREATE USER in the window, which the server
// must receive, but the history must not keep.
const QString UserPassword = u"bob-Geheim-å%&="_s;

QByteArray basic(const QString &username, const QString &password)
{
    return "Basic " + (username + u':' + password).toUtf8().toBase64();
}

// Every form in which secret could show up in bytes.
QList<QByteArray> leakForms(const QString &secret, const QString &username = Username)
{
    const QByteArray utf8 = secret.toUtf8();
    QList<QByteArray> forms {utf8,
                             secret.toLatin1(),
                             QUrl::toPercentEncoding(secret),
                             QUrl::toPercentEncoding(secret).toLower(),
                             QUrl(u"http://h/?"_s + secret).query(QUrl::FullyEncoded).toUtf8(),
                             Influx::InfluxQL::percentEncode(secret),
                             Influx::InfluxQL::formEncode({{u"p"_s, secret}}).mid(2)};
    for (const QByteArray &plain : {utf8, (username + u':' + secret).toUtf8()}) {
        for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
            forms.append(plain.toBase64(options));
            forms.append(plain.toBase64(options | QByteArray::OmitTrailingEquals));
        }
    }
    // The distinctive middle ("S3cr3t"), which no encoding changes.
    forms.append(secret.section(u'-', 1, 1).toUtf8());
    // As JSON or a QDebug string would escape the non-ASCII letter.
    QString escaped;
    for (const QChar c : secret)
        escaped += c.unicode() < 128 ? QString(c)
                                     : u"\\u%1"_s.arg(int(c.unicode()), 4, 16, QChar(u'0'));
    forms.append(escaped.toUtf8());
    return forms;
}

// The first form of a secret found in data, or empty.
QByteArray findLeak(const QByteArray &data, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        for (const QByteArray &form : leakForms(secret)) {
            if (!form.isEmpty() && data.contains(form))
                return form;
        }
    }
    return {};
}

// The connection secrets, and everything that must not be stored or logged.
const QStringList AllSecrets {Password, Token, CliPassword};
const QStringList StoredSecrets {Password, Token, CliPassword, UserPassword};

// What a request must look like: the expected Authorization header (empty: none at all) and
// no secret anywhere else.
QString checkRequest(const FaultServer::Request &request, const QByteArray &authorization)
{
    const QString what = QString::fromUtf8(request.method + ' ' + request.target);
    if (request.headers.value("authorization") != authorization) {
        return u"%1: Authorization is \"%2\", expected \"%3\""_s.arg(
                what, QString::fromUtf8(request.headers.value("authorization")),
                QString::fromUtf8(authorization));
    }
    if (const QByteArray leak = findLeak(request.target, AllSecrets); !leak.isEmpty())
        return u"%1: the target holds %2"_s.arg(what, QString::fromUtf8(leak));
    const QUrlQuery query(QString::fromUtf8(request.query()));
    for (const char *parameter : {"u", "p", "token", "password", "username"}) {
        if (query.hasQueryItem(QString::fromLatin1(parameter)))
            return u"%1: the target has a \"%2\" parameter"_s.arg(what,
                                                                  QLatin1StringView(parameter));
    }
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it) {
        if (it.key() == "authorization")
            continue;
        if (const QByteArray leak = findLeak(it.value(), AllSecrets); !leak.isEmpty())
            return u"%1: header %2 holds %3"_s.arg(what, QString::fromUtf8(it.key()),
                                                   QString::fromUtf8(leak));
    }
    if (const QByteArray leak = findLeak(request.body, AllSecrets); !leak.isEmpty())
        return u"%1: the body holds %2"_s.arg(what, QString::fromUtf8(leak));
    return {};
}

// An InfluxDB look-alike good enough for the client and the window: /ping, /write, and a
// result per statement of /query (a series for SELECT, "databases" for SHOW DATABASES),
// chunked when asked. A query on database "denied" gets 401.
void answerLikeInfluxd(const FaultServer::Request &request, QTcpSocket *socket)
{
    const QByteArray path = request.path();
    if (path == "/ping") {
        FaultServer::respond(socket, 204, {}, {});
        return;
    }
    QByteArray form = request.query();
    if (request.method == "POST" && path == "/query")
        form += '&' + request.body;
    const QUrlQuery parameters(QString::fromUtf8(QByteArray(form).replace('+', ' ')));
    if (parameters.queryItemValue(u"db"_s) == "denied"_L1) {
        FaultServer::respond(socket, 401, "application/json",
                             R"({"error":"authorization failed"})");
        return;
    }
    if (path == "/write") {
        FaultServer::respond(socket, 204, {}, {});
        return;
    }
    if (path != "/query") {
        FaultServer::respond(socket, 404, "text/plain", "404 page not found");
        return;
    }
    const QString text = parameters.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    QList<QByteArray> documents;
    const QList<QStringView> statements = Influx::InfluxQL::splitStatements(text);
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const QString statement = statements[i].trimmed().toString().toUpper();
        QByteArray result = R"({"statement_id":)" + QByteArray::number(i);
        if (statement.startsWith("SELECT"_L1)) {
            result += R"(,"series":[{"name":"cpu","columns":["time","v"],)"
                      R"("values":[["1970-01-01T00:00:01Z",1],["1970-01-01T00:00:02Z",2]]}])";
        } else if (statement.startsWith("SHOW DATABASES"_L1)) {
            result += R"(,"series":[{"name":"databases","columns":["name"],)"
                      R"("values":[["secretsdb"]]}])";
        }
        documents.append(R"({"results":[)" + result + "}]}\n");
    }
    if (parameters.queryItemValue(u"chunked"_s) == "true"_L1) {
        FaultServer::beginChunked(socket, 200, "application/json");
        for (const QByteArray &document : std::as_const(documents))
            FaultServer::writeChunk(socket, document);
        FaultServer::endChunked(socket);
        return;
    }
    QByteArray body = R"({"results":[)";
    for (qsizetype i = 0; i < documents.size(); ++i) {
        // {"results":[X]}\n -> X
        body += (i ? "," : "") + documents[i].mid(12, documents[i].size() - 12 - 3);
    }
    FaultServer::respond(socket, 200, "application/json", body + "]}\n");
}

// Every Qt message of the process, while installed.
QList<QByteArray> g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_log.append(QByteArray(context.category ? context.category : "") + ": " + message.toUtf8());
    // Debug output, and the client's notes on each failover, are only captured; the rest is
    // shown as usual.
    if (type != QtDebugMsg && qstrcmp(context.category, "influx.client") != 0 && g_previousHandler)
        g_previousHandler(type, context, message);
}

// Runs check on the next modal dialog that opens (from a timer: the dialog's exec() blocks).
void onNextModal(std::function<void(QWidget *)> check)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, check] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        check(modal);
    });
    timer->start();
}

// Key events for each character (QTest::keyClicks takes ASCII only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 128) {
            QTest::keyClick(widget, char(c.unicode()));
        } else {
            QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), {});
            QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), {});
        }
    }
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    typeText(edit, text);
}

} // namespace

class tst_Secrets : public QObject
{
    Q_OBJECT
public:
    explicit tst_Secrets(const QString &home) : m_home(home) { }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void clientSendsSecretsOnlyInTheAuthorizationHeader_data();
    void clientSendsSecretsOnlyInTheAuthorizationHeader();
    void redirectIsNotFollowedWithCredentials();
    void optionErrorsNameNoSecret();
    void headlessNeverPrintsOrSendsASecret_data();
    void headlessNeverPrintsOrSendsASecret();
    void windowKeepsSecretsOutOfFilesAndLogs();

private:
    QString m_home;
    QString m_binary;
};

void tst_Secrets::initTestCase()
{
    m_binary = qEnvironmentVariable("INFLUX_EXPLORER_BINARY");
    QVERIFY2(QFileInfo::exists(m_binary), "INFLUX_EXPLORER_BINARY names no file");
    // Our own categories at debug level: a secret must not reach even a debug message.
    QLoggingCategory::setFilterRules(u"influx.*=true\nexplorer.*=true"_s);
    g_previousHandler = qInstallMessageHandler(captureMessage);
}

void tst_Secrets::cleanupTestCase()
{
    qInstallMessageHandler(g_previousHandler);
    QLoggingCategory::setFilterRules({});
    // Everything logged while the tests ran, the headless runs' output aside (checked there).
    QVERIFY(!g_log.isEmpty());
    for (const QByteArray &message : std::as_const(g_log))
        QVERIFY2(findLeak(message, StoredSecrets).isEmpty(), message.constData());
}

void tst_Secrets::clientSendsSecretsOnlyInTheAuthorizationHeader_data()
{
    QTest::addColumn<bool>("token");
    QTest::addColumn<bool>("perCall");
    QTest::newRow("password") << false << false;
    QTest::newRow("token") << true << false;
    QTest::newRow("password per call") << false << true;
    QTest::newRow("token per call") << true << true;
}

void tst_Secrets::clientSendsSecretsOnlyInTheAuthorizationHeader()
{
    QFETCH(bool, token);
    QFETCH(bool, perCall);
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(answerLikeInfluxd);

    const QByteArray expected = token ? "Token " + Token.toUtf8() : basic(Username, Password);
    Influx::ClientOptions options;
    // The first URL refuses: every request fails over to the server, credentials and all.
    options.baseUrls = {QUrl(TestSupport::closedPortUrl()), server.url()};
    options.database = u"secretsdb"_s;
    options.compression = Influx::Compression::Gzip; // large writes are compressed
    Influx::QueryOptions query;
    Influx::WriteOptions write;
    if (perCall) {
        if (token) {
            query.token = write.token = Token;
        } else {
            query.username = write.username = Username;
            query.password = write.password = Password;
        }
    } else if (token) {
        options.username = Username; // the token wins
        options.token = Token;
    } else {
        options.username = Username;
        options.password = Password;
    }
    Influx::Client client(options);

    // Each reply with the Authorization header its request must carry.
    QList<std::pair<Influx::Reply *, QByteArray>> replies;
    const QByteArray perCallAuth = expected;
    const QByteArray clientAuth = perCall ? QByteArray() : expected;
    replies.append({client.ping(), clientAuth});
    replies.append({client.rawQuery(u"SHOW DATABASES"_s, query), perCallAuth});
    replies.append({client.rawQuery(u"CREATE DATABASE x; DROP DATABASE y"_s, query), perCallAuth});
    Influx::QueryOptions chunked = query;
    chunked.chunkSize = 1;
    replies.append(
            {client.rawQuery(u"SELECT * FROM cpu; SELECT v FROM cpu"_s, chunked), perCallAuth});
    Influx::QueryOptions post = query;
    post.httpVerb = "POST";
    post.epoch = Influx::Precision::Milliseconds;
    replies.append({client.rawQuery(u"SELECT * FROM cpu"_s, post), perCallAuth});
    Influx::QueryOptions denied = query;
    denied.database = u"denied"_s;
    replies.append({client.rawQuery(u"SELECT * FROM cpu"_s, denied), perCallAuth});
    const Influx::SelectQuery builder =
            client.query(u"v"_s, u"cpu"_s).whereEquals(u"host"_s, u"a"_s).limit(5).params(query);
    replies.append({builder.execute(), perCallAuth});
    replies.append({builder.into(u"copy"_s).execute(), perCallAuth});
    replies.append(
            {client.write(Influx::DataPoint(u"cpu"_s, {{u"host"_s, u"a"_s}}, {{u"v"_s, 1.5}}),
                          write),
             perCallAuth});
    replies.append({client.write(u"cpu"_s, {}, {{u"v"_s, 2}}, {}, write), perCallAuth});
    QList<Influx::DataPoint> points;
    for (int i = 0; i < 2 * Influx::Client::AsyncEncodingThreshold; ++i)
        points.append(Influx::DataPoint(u"cpu"_s, {}, {{u"v"_s, i}}));
    replies.append({client.writeMany(points.mid(0, 2), write), perCallAuth});
    replies.append({client.writeMany(points, write), perCallAuth}); // encoded off-thread
    Influx::PointBatch batch(u"cpu"_s);
    const int column = batch.addFieldColumn(u"v"_s, Influx::FieldValue::Type::Float);
    batch.setFloat(batch.appendRow(), column, 1.0);
    replies.append({client.writeBatch(batch, write), perCallAuth});
    replies.append({client.writeLines("cpu v=1\ncpu v=2\n", write), perCallAuth});
    Influx::WriteOptions deniedWrite = write;
    deniedWrite.database = u"denied"_s;
    replies.append({client.writeLines("cpu v=3\n", deniedWrite), perCallAuth});

    for (const auto &[reply, authorization] : std::as_const(replies)) {
        QVERIFY(reply);
        QVERIFY(reply->waitForFinished(30000));
        // Only the two requests on database "denied" fail (401).
        const QString error = reply->error().toString();
        QVERIFY2(reply->isSuccess() == !error.contains(u"authorization failed"_s),
                 qPrintable(error));
        const QByteArray leak = findLeak(error.toUtf8(), AllSecrets);
        QVERIFY2(leak.isEmpty(), qPrintable(error));
    }
    // Each reply sent exactly one request, in order (the writes' encoding may reorder them).
    const QList<FaultServer::Request> requests = server.requests();
    QCOMPARE(requests.size(), replies.size());
    for (const FaultServer::Request &request : requests) {
        const QByteArray authorization = request.path() == "/ping" ? clientAuth : perCallAuth;
        const QString problem = checkRequest(request, authorization);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    // The statements really were sent (a GET's in the target, a POST's in the body).
    const auto sent = [&requests](const QByteArray &text) {
        return std::any_of(requests.cbegin(), requests.cend(), [&text](const auto &r) {
            return QUrl::fromPercentEncoding(r.target + '&' + QByteArray(r.body).replace('+', ' '))
                    .contains(QString::fromLatin1(text));
        });
    };
    QVERIFY(sent("SHOW DATABASES"));
    QVERIFY(sent("CREATE DATABASE x"));
    QVERIFY(sent("INTO \"copy\""));
}

void tst_Secrets::redirectIsNotFollowedWithCredentials()
{
    // A redirect to another origin would carry the Authorization header there.
    FaultServer elsewhere;
    QVERIFY(elsewhere.listen());
    elsewhere.setHandler(answerLikeInfluxd);
    FaultServer server;
    QVERIFY(server.listen());
    const QByteArray location = elsewhere.url().toEncoded();
    server.setHandler([location](const FaultServer::Request &request, QTcpSocket *socket) {
        FaultServer::respond(socket, 307, "text/plain", "moved",
                             {{"Location", location + request.target}});
    });
    for (const bool token : {false, true}) {
        Influx::ClientOptions options;
        options.baseUrls = {server.url()};
        options.username = Username;
        (token ? options.token : options.password) = token ? Token : Password;
        Influx::Client client(options);
        Influx::QueryReply *query = client.rawQuery(u"SHOW DATABASES"_s);
        Influx::WriteReply *write = client.writeLines("cpu v=1\n", {.database = u"db"_s});
        QVERIFY(query->waitForFinished(10000));
        QVERIFY(write->waitForFinished(10000));
        QVERIFY(query->error().isError());
        QVERIFY(write->error().isError());
        QVERIFY(findLeak(query->error().toString().toUtf8(), AllSecrets).isEmpty());
    }
    QCOMPARE(server.requests().size(), 4);
    QVERIFY(elsewhere.requests().isEmpty());
}

void tst_Secrets::optionErrorsNameNoSecret()
{
    // A URL with the secret in its user information is refused without quoting it.
    for (const QString &url :
         {u"http://%1:%2@127.0.0.1:8086"_s, u"ftp://%1:%2@127.0.0.1"_s, u"http://%1:%2@"_s}) {
        Influx::ClientOptions options;
        options.baseUrls = {
                QUrl(url.arg(Username, QString::fromLatin1(QUrl::toPercentEncoding(Password))))};
        const Influx::Error error = options.validate();
        QVERIFY2(error.isError(), qPrintable(url));
        QVERIFY2(findLeak(error.toString().toUtf8(), AllSecrets).isEmpty(),
                 qPrintable(error.toString()));
        Influx::Client client;
        QVERIFY(client.setOptions(options).isError());
    }
}

void tst_Secrets::headlessNeverPrintsOrSendsASecret_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    // Every mode, succeeding and failing (401, a bad line), with and without failover.
    QTest::newRow("ping") << QStringList {u"--ping"_s} << QByteArray() << 0;
    QTest::newRow("execute GET") << QStringList {u"-e"_s, u"SHOW DATABASES"_s} << QByteArray() << 0;
    QTest::newRow("execute POST") << QStringList {u"-e"_s, u"CREATE DATABASE x"_s} << QByteArray()
                                  << 0;
    QTest::newRow("execute json chunked")
            << QStringList {u"-e"_s,   u"SELECT * FROM cpu"_s, u"--format"_s,
                            u"json"_s, u"--chunk-size"_s,      u"1"_s}
            << QByteArray() << 0;
    QTest::newRow("execute denied")
            << QStringList {u"-e"_s, u"SELECT * FROM cpu"_s, u"-d"_s, u"denied"_s} << QByteArray()
            << 1;
    QTest::newRow("import") << QStringList {u"--import"_s, u"-"_s, u"--batch-size"_s, u"2"_s}
                            << QByteArray("cpu v=1\ncpu v=2\ncpu v=3\n") << 0;
    QTest::newRow("import denied") << QStringList {u"--import"_s, u"-"_s, u"-d"_s, u"denied"_s}
                                   << QByteArray("cpu v=1\n") << 1;
}

void tst_Secrets::headlessNeverPrintsOrSendsASecret()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(answerLikeInfluxd);
    const QString dead = TestSupport::closedPortUrl();

    // Credentials from the environment, as the help text advises; the token variant; and a
    // URL with user information (moved to the header before anything is sent).
    struct Variant
    {
        QMap<QString, QString> environment;
        QStringList urls;
        QByteArray authorization;
    };
    QString withUserInfo = server.url().toString();
    withUserInfo.replace(
            u"http://"_s,
            u"http://%1:%2@"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(Username)),
                                   QString::fromLatin1(QUrl::toPercentEncoding(CliPassword))));
    const QList<Variant> variants = {
            {{{u"INFLUX_USERNAME"_s, Username}, {u"INFLUX_PASSWORD"_s, Password}},
             {dead, server.url().toString()},
             basic(Username, Password)},
            {{{u"INFLUX_USERNAME"_s, Username}, {u"INFLUX_TOKEN"_s, Token}},
             {server.url().toString()},
             "Token " + Token.toUtf8()},
            {{}, {withUserInfo}, basic(Username, CliPassword)},
    };
    qsizetype expectedRequests = 0;
    for (const Variant &variant : variants) {
        QStringList all;
        for (const QString &url : variant.urls)
            all << u"--url"_s << url;
        all << arguments;
        if (!all.contains(u"-d"_s))
            all << u"-d"_s << u"secretsdb"_s;

        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const auto *name : {"INFLUX_USERNAME", "INFLUX_PASSWORD", "INFLUX_TOKEN"})
            env.remove(QString::fromLatin1(name));
        for (auto it = variant.environment.cbegin(); it != variant.environment.cend(); ++it)
            env.insert(it.key(), it.value());
        // Every debug message of ours goes to standard error, to be checked too.
        env.insert(u"QT_LOGGING_RULES"_s, u"influx.*=true;explorer.*=true"_s);
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(m_binary, all);
        QVERIFY(process.waitForStarted());
        process.write(input);
        process.closeWriteChannel();
        // The fault server lives in this thread: wait with the event loop running.
        QVERIFY2(finished.wait(60000), qPrintable(all.join(u' ')));
        const QByteArray out = process.readAllStandardOutput();
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(process.exitCode() == exitCode, err.constData());
        QVERIFY2(findLeak(out, AllSecrets).isEmpty(), out.constData());
        QVERIFY2(findLeak(err, AllSecrets).isEmpty(), err.constData());
        const QList<FaultServer::Request> requests = server.requests();
        QVERIFY(requests.size() > expectedRequests);
        for (qsizetype i = expectedRequests; i < requests.size(); ++i) {
            // A ping needs no credentials, but they do no harm in the header.
            const QByteArray authorization = requests[i].path() == "/ping"
                            && requests[i].headers.value("authorization").isEmpty()
                    ? QByteArray()
                    : variant.authorization;
            const QString problem = checkRequest(requests[i], authorization);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        expectedRequests = requests.size();
    }
}

void tst_Secrets::windowKeepsSecretsOutOfFilesAndLogs()
{
    // main() pointed HOME and XDG_* here and took the D-Bus session bus away, as in CI or a bare
    // ssh session: the keychain cannot be reached.
    QVERIFY(QDir::homePath() == m_home);
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler(answerLikeInfluxd);

    const auto runQueryAndWrite = [](Explorer::WindowApp &app, const QString &database) {
        Explorer::MainWindow *window = app.window();
        Explorer::QueryPage *page = window->addPage(u"SELECT * FROM cpu"_s, database);
        QSignalSpy queried(page, &Explorer::QueryPage::queryFinished);
        page->runAll();
        QVERIFY(queried.wait(30000));
        Explorer::WritePanel *panel = window->writeDock()->panel();
        panel->setDatabase(database);
        Explorer::BatchPage *batch = panel->batchPage();
        QSignalSpy written(batch, &Explorer::BatchPage::writeFinished);
        batch->editor()->setPlainText(u"cpu,host=a v=1 1000000000\ncpu,host=b v=2 1000000000"_s);
        batch->write();
        QVERIFY(written.wait(30000));
        QCOMPARE(batch->lastReport().writtenLines, 2);
    };
    // Adds a profile in the Connections dialog (Connection ▸ Connections…), typed as a user
    // would; OK connects to it.
    const auto addProfile = [&server](Explorer::WindowApp &app, const QString &name, Auth auth,
                                      const QString &secret) {
        bool checked = false;
        onNextModal([&](QWidget *dialog) {
            QTest::mouseClick(dialog->findChild<QPushButton *>(u"addButton"_s), Qt::LeftButton);
            typeInto(dialog->findChild<QLineEdit *>(u"nameEdit"_s), name);
            auto *urls = dialog->findChild<QPlainTextEdit *>(u"urlsEdit"_s);
            urls->setFocus();
            urls->selectAll();
            typeText(urls, server.url().toString());
            typeInto(dialog->findChild<QLineEdit *>(u"databaseEdit"_s), u"secretsdb"_s);
            auto *combo = dialog->findChild<QComboBox *>(u"authCombo"_s);
            combo->setCurrentIndex(combo->findData(int(auth)));
            if (auth == Auth::UsernamePassword) {
                typeInto(dialog->findChild<QLineEdit *>(u"usernameEdit"_s), Username);
                typeInto(dialog->findChild<QLineEdit *>(u"passwordEdit"_s), secret);
            } else {
                typeInto(dialog->findChild<QLineEdit *>(u"tokenEdit"_s), secret);
            }
            // No keychain: the user is told the secret is kept for this session only.
            auto *notice = dialog->findChild<QLabel *>(u"secretNotice"_s);
            checked = notice->isVisible() && notice->text().contains(u"session only"_s);
            auto *buttons = dialog->findChild<QDialogButtonBox *>(u"buttonBox"_s);
            QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        app.window()->connectionMenu()->showConnectionDialog();
        QVERIFY(checked);
        QTRY_COMPARE(app.connections()->activeProfileName(), name);
    };

    qsizetype requestsBefore = 0;
    const auto checkRequests = [&](const QByteArray &authorization) {
        const QList<FaultServer::Request> requests = server.requests();
        QVERIFY(requests.size() > requestsBefore);
        for (qsizetype i = requestsBefore; i < requests.size(); ++i) {
            const QString problem = checkRequest(requests[i], authorization);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        requestsBefore = requests.size();
    };

    {
        // influx-explorer --url ... with INFLUX_USERNAME / INFLUX_PASSWORD: used for this run.
        QProcessEnvironment environment;
        environment.insert(u"INFLUX_USERNAME"_s, Username);
        environment.insert(u"INFLUX_PASSWORD"_s, CliPassword);
        const Explorer::CommandLineParseResult parsed = Explorer::parseCommandLine(
                {u"influx-explorer"_s, u"--url"_s, server.url().toString()}, environment);
        QCOMPARE(parsed.status, Explorer::CommandLineParseResult::Status::Ok);
        Explorer::WindowApp app(parsed.options);
        QVERIFY(!app.connections()->secretStore()->isPersistent());
        app.show();
        QVERIFY(QTest::qWaitForWindowExposed(app.window()));
        QTRY_COMPARE(app.client()->options().password, CliPassword);
        runQueryAndWrite(app, u"secretsdb"_s);
        if (QTest::currentTestFailed())
            return;
        // A password in a statement goes to the server, but not into the history.
        Explorer::QueryPage *page = app.window()->addPage(
                u"CREATE USER \"bob\" WITH PASSWORD '%1'; SET PASSWORD FOR \"bob\" = '%1'"_s.arg(
                        UserPassword),
                u"secretsdb"_s);
        QSignalSpy created(page, &Explorer::QueryPage::queryFinished);
        page->runAll();
        QVERIFY(created.wait(30000));
        const QByteArray body = server.requests().constLast().body;
        QVERIFY(QUrl::fromPercentEncoding(QByteArray(body).replace('+', ' '))
                        .contains(UserPassword));
        checkRequests(basic(Username, CliPassword));
        if (QTest::currentTestFailed())
            return;

        addProfile(app, u"with password"_s, Auth::UsernamePassword, Password);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE(app.client()->options().password, Password);
        requestsBefore = server.requests().size(); // the switch's requests may carry either
        runQueryAndWrite(app, u"secretsdb"_s);
        if (QTest::currentTestFailed())
            return;
        checkRequests(basic(Username, Password));
        if (QTest::currentTestFailed())
            return;

        addProfile(app, u"with token"_s, Auth::Token, Token);
        if (QTest::currentTestFailed())
            return;
        QTRY_COMPARE(app.client()->options().token, Token);
        requestsBefore = server.requests().size();
        runQueryAndWrite(app, u"secretsdb"_s);
        if (QTest::currentTestFailed())
            return;
        checkRequests("Token " + Token.toUtf8());
        if (QTest::currentTestFailed())
            return;
        app.window()->setSaveChangesHandler(
                [](Explorer::QueryPage *) { return Explorer::MainWindow::SaveChoice::Discard; });
        app.window()->close();
    }
    {
        // The next start: the profiles are there, the last one used is restored, its secret
        // is not (session only), so the user is asked again.
        bool asked = false;
        onNextModal([&](QWidget *modal) {
            auto *input = qobject_cast<QInputDialog *>(modal);
            asked = input && input->textEchoMode() == QLineEdit::Password
                    && input->textValue().isEmpty()
                    && input->labelText().contains(u"\"with token\""_s);
            if (!input)
                return;
            input->setTextValue(Token);
            input->accept();
        });
        Explorer::WindowApp app(Explorer::CommandLineOptions {});
        app.show();
        QTRY_VERIFY_WITH_TIMEOUT(asked, 10000);
        QTRY_COMPARE(app.connections()->activeProfileName(), u"with token"_s);
        QTRY_COMPARE(app.client()->options().token, Token);
        QCOMPARE(app.connections()->profiles().size(), 2);
        requestsBefore = server.requests().size();
        runQueryAndWrite(app, u"secretsdb"_s);
        if (QTest::currentTestFailed())
            return;
        checkRequests("Token " + Token.toUtf8());
        if (QTest::currentTestFailed())
            return;
        app.window()->setSaveChangesHandler(
                [](Explorer::QueryPage *) { return Explorer::MainWindow::SaveChoice::Discard; });
        app.window()->close();
    }

    // Every file under the home: settings, history, caches, anything.
    QStringList files;
    QDirIterator it(m_home, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    QByteArray settings;
    QByteArray history;
    while (it.hasNext()) {
        const QString path = it.next();
        files.append(path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        const QByteArray leak = findLeak(bytes + '\n' + path.toUtf8(), StoredSecrets);
        QVERIFY2(leak.isEmpty(), qPrintable(path + u": "_s + QString::fromUtf8(leak)));
        if (path.endsWith(u".ini"_s))
            settings += bytes;
        if (path.endsWith(u"history.jsonl"_s))
            history += bytes;
    }
    // The scan saw what matters: the profiles (with the user name) and the history.
    QVERIFY2(settings.contains("with password") && settings.contains("with token"),
             qPrintable(files.join(u'\n')));
    QVERIFY(settings.contains(QUrl::toPercentEncoding(Username))
            || settings.contains(Username.toUtf8()));
    QVERIFY2(history.count("SELECT * FROM cpu") >= 4, history.constData());
    // And the log (checked again in cleanupTestCase with all the others).
    for (const QByteArray &message : std::as_const(g_log))
        QVERIFY2(findLeak(message, StoredSecrets).isEmpty(), message.constData());
}

int main(int argc, char *argv[])
{
    // Before the application exists: every place it may write to is inside one temporary
    // directory, and there is no D-Bus session bus (no keychain).
    QTemporaryDir home;
    if (!home.isValid())
        qFatal("no temporary directory");
    const QByteArray root = QFile::encodeName(home.path());
    for (const char *name : {"config", "data", "cache", "state", "runtime"})
        QDir(home.path()).mkdir(QString::fromLatin1(name));
    QFile::setPermissions(home.filePath(u"runtime"_s),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("HOME", root);
    qputenv("XDG_CONFIG_HOME", root + "/config");
    qputenv("XDG_DATA_HOME", root + "/data");
    qputenv("XDG_CACHE_HOME", root + "/cache");
    qputenv("XDG_STATE_HOME", root + "/state");
    qputenv("XDG_RUNTIME_DIR", root + "/runtime");
    qunsetenv("DBUS_SESSION_BUS_ADDRESS");

    QApplication app(argc, argv);
    // As influx-explorer names itself: the settings and data paths are the real ones.
    QCoreApplication::setApplicationName(u"influx-explorer"_s);
    QCoreApplication::setOrganizationName(u"influx-explorer"_s);
    QTEST_SET_MAIN_SOURCE_PATH
    tst_Secrets test(home.path());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secrets.moc"
