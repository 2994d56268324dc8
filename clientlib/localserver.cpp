// SPDX-License-Identifier: MIT
#include "localserver.h"

#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QTcpServer>

#include <csignal>
#include <functional>
#include <sys/types.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Influx {

struct LocalServer::Private
{
    QString executable;
    bool authEnabled = false;
    bool keepData = false;
    QProcess *process = nullptr;
    std::unique_ptr<QTemporaryDir> directory;
    quint16 port = 0;
    qint64 detachedPid = 0;
    QString errorString;
    QByteArray log;

    bool prepare();
    QString logFile() const { return directory->filePath(u"influxd.log"_s); }
    bool waitUntilAnswering(int timeoutMs, const std::function<bool()> &alive);
};

namespace {

// Two ports the kernel just handed out. influxd binds them a moment later; the tiny race with
// another process is handled by retrying with new ports.
QList<quint16> freePorts(int count)
{
    QList<quint16> ports;
    std::vector<std::unique_ptr<QTcpServer>> servers;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            return {};
        ports.append(server->serverPort());
        servers.push_back(std::move(server));
    }
    return ports;
}

QByteArray configuration(const QString &dir, quint16 httpPort, quint16 rpcPort, bool auth)
{
    QByteArray text = R"(reporting-disabled = true
bind-address = "127.0.0.1:RPC"
[meta]
  dir = "DIR/meta"
  logging-enabled = false
[data]
  dir = "DIR/data"
  wal-dir = "DIR/wal"
  query-log-enabled = false
  wal-fsync-delay = "0s"
[monitor]
  store-enabled = false
[subscriber]
  enabled = false
[http]
  enabled = true
  bind-address = "127.0.0.1:HTTP"
  auth-enabled = AUTH
  log-enabled = false
  max-row-limit = 0
[logging]
  level = "warn"
)";
    text.replace("DIR", dir.toUtf8());
    text.replace("RPC", QByteArray::number(rpcPort));
    text.replace("HTTP", QByteArray::number(httpPort));
    text.replace("AUTH", auth ? "true" : "false");
    return text;
}

} // namespace

bool LocalServer::Private::prepare()
{
    if (executable.isEmpty()) {
        executable = qEnvironmentVariable("INFLUXD");
        if (executable.isEmpty())
            executable = QStandardPaths::findExecutable(u"influxd"_s,
                                                        {u"/usr/bin"_s, u"/usr/local/bin"_s});
        if (executable.isEmpty())
            executable = QStandardPaths::findExecutable(u"influxd"_s);
    }
    if (executable.isEmpty()) {
        errorString = u"influxd not found: install Debian's influxdb package"_s;
        return false;
    }
    directory =
            std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/influx-explorer-server-XXXXXX"_s);
    if (!directory->isValid()) {
        errorString = u"cannot create a temporary directory: "_s + directory->errorString();
        return false;
    }
    const QList<quint16> ports = freePorts(2);
    if (ports.size() != 2) {
        errorString = u"no free port on 127.0.0.1"_s;
        return false;
    }
    port = ports[0];
    QFile config(directory->filePath(u"influxd.conf"_s));
    if (!config.open(QIODevice::WriteOnly)
        || config.write(configuration(directory->path(), ports[0], ports[1], authEnabled)) < 0) {
        errorString = u"cannot write the influxd configuration: "_s + config.errorString();
        return false;
    }
    return true;
}

bool LocalServer::Private::waitUntilAnswering(int timeoutMs, const std::function<bool()> &alive)
{
    QNetworkAccessManager manager;
    const QUrl ping(u"http://127.0.0.1:%1/ping"_s.arg(port));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!alive())
            return false;
        QNetworkRequest request(ping);
        request.setTransferTimeout(1000);
        QNetworkReply *reply = manager.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const bool answered = reply->error() == QNetworkReply::NoError
                && reply->hasRawHeader("X-Influxdb-Version");
        reply->deleteLater();
        if (answered)
            return true;
        QEventLoop pause;
        QTimer::singleShot(50, &pause, &QEventLoop::quit);
        pause.exec();
    }
    errorString = u"influxd did not answer within %1 ms"_s.arg(timeoutMs);
    return false;
}

LocalServer::LocalServer(QObject *parent) : QObject(parent), d(std::make_unique<Private>())
{ }

LocalServer::~LocalServer()
{
    stop();
}

void LocalServer::setExecutable(const QString &path)
{
    d->executable = path;
}

void LocalServer::setAuthEnabled(bool enabled)
{
    d->authEnabled = enabled;
}

void LocalServer::setKeepData(bool keep)
{
    d->keepData = keep;
}

bool LocalServer::start(int timeoutMs)
{
    stop();
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (!d->prepare())
            return false;
        d->directory->setAutoRemove(!d->keepData);
        if (launch(timeoutMs))
            return true;
        const bool portTaken = d->log.contains("address already in use");
        stop();
        if (!portTaken)
            return false;
    }
    return false;
}

bool LocalServer::launch(int timeoutMs)
{
    d->log.clear();
    d->process = new QProcess(this);
    d->process->setProcessChannelMode(QProcess::MergedChannels);
    connect(d->process, &QProcess::readyRead, this, [this] { d->log += d->process->readAll(); });
    connect(d->process, &QProcess::finished, this,
            [this](int exitCode) { Q_EMIT finished(exitCode); });
    d->process->start(d->executable, {u"-config"_s, d->directory->filePath(u"influxd.conf"_s)});
    if (!d->process->waitForStarted(5000)) {
        d->errorString = u"cannot start %1: %2"_s.arg(d->executable, d->process->errorString());
        halt(false);
        return false;
    }
    QProcess *process = d->process;
    if (d->waitUntilAnswering(timeoutMs,
                              [process] { return process->state() == QProcess::Running; }))
        return true;
    d->log += d->process->readAll();
    if (d->errorString.isEmpty() || d->process->state() != QProcess::Running)
        d->errorString =
                u"influxd exited during start-up: "_s + QString::fromUtf8(d->log.right(2000));
    halt(false);
    return false;
}

void LocalServer::halt(bool crash)
{
    if (!d->process)
        return;
    d->process->disconnect(this);
    if (d->process->state() != QProcess::NotRunning) {
        if (crash) {
            d->process->kill();
            d->process->waitForFinished(5000);
        } else {
            d->process->terminate();
            if (!d->process->waitForFinished(10000)) {
                d->process->kill();
                d->process->waitForFinished(5000);
            }
        }
    }
    d->log += d->process->readAll();
    delete d->process;
    d->process = nullptr;
}

void LocalServer::kill()
{
    halt(true);
}

bool LocalServer::restart(int timeoutMs)
{
    if (!d->directory || d->detachedPid)
        return false;
    halt(false);
    d->errorString.clear();
    return launch(timeoutMs);
}

void LocalServer::stop()
{
    halt(false);
    d->directory.reset();
}

bool LocalServer::isRunning() const
{
    if (d->detachedPid)
        return ::kill(pid_t(d->detachedPid), 0) == 0;
    return d->process && d->process->state() == QProcess::Running;
}

QUrl LocalServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(d->port));
}

quint16 LocalServer::port() const
{
    return d->port;
}

QString LocalServer::dataDirectory() const
{
    return d->directory ? d->directory->path() : QString();
}

qint64 LocalServer::processId() const
{
    if (d->detachedPid)
        return d->detachedPid;
    return d->process ? d->process->processId() : 0;
}

QString LocalServer::errorString() const
{
    return d->errorString;
}

QByteArray LocalServer::log() const
{
    if (d->directory && QFile::exists(d->logFile())) {
        QFile file(d->logFile());
        if (file.open(QIODevice::ReadOnly))
            return file.readAll();
    }
    return d->log;
}

bool LocalServer::startDetached(int timeoutMs)
{
    stop();
    for (int attempt = 0; attempt < 3; ++attempt) {
        if (!d->prepare())
            return false;
        d->directory->setAutoRemove(false);
        QProcess process;
        process.setProgram(d->executable);
        process.setArguments({u"-config"_s, d->directory->filePath(u"influxd.conf"_s)});
        process.setStandardOutputFile(d->logFile());
        process.setStandardErrorFile(d->logFile(), QIODevice::Append);
        qint64 pid = 0;
        if (!process.startDetached(&pid)) {
            d->errorString = u"cannot start %1"_s.arg(d->executable);
            return false;
        }
        d->detachedPid = pid;
        // A detached child is not reaped by us: kill(pid, 0) stays true for a zombie, so also
        // look at /proc to notice that it died.
        auto alive = [pid] {
            QFile stat(u"/proc/%1/stat"_s.arg(pid));
            if (!stat.open(QIODevice::ReadOnly))
                return false;
            const QByteArray line = stat.readAll();
            const qsizetype close = line.lastIndexOf(')');
            return close > 0 && line.mid(close + 2, 1) != "Z";
        };
        if (d->waitUntilAnswering(timeoutMs, alive))
            return true;
        const QByteArray log = this->log();
        stopDetached(pid, d->directory->path());
        d->detachedPid = 0;
        d->errorString = u"influxd did not start: "_s + QString::fromUtf8(log.right(2000));
        d->directory.reset();
        if (!log.contains("address already in use"))
            return false;
    }
    return false;
}

bool LocalServer::stopDetached(qint64 pid, const QString &directory)
{
    bool stopped = true;
    if (pid > 0 && ::kill(pid_t(pid), SIGTERM) == 0) {
        QDeadlineTimer deadline(10000);
        while (::kill(pid_t(pid), 0) == 0 && !deadline.hasExpired()) {
            QFile stat(u"/proc/%1/stat"_s.arg(pid));
            if (!stat.open(QIODevice::ReadOnly) || stat.readAll().contains(") Z"))
                break;
            QThread::msleep(20);
        }
        if (deadline.hasExpired()) {
            ::kill(pid_t(pid), SIGKILL);
            stopped = false;
        }
    }
    // Only ever remove a directory this class created.
    if (!directory.isEmpty()
        && QFileInfo(directory).fileName().startsWith(u"influx-explorer-server-"_s))
        QDir(directory).removeRecursively();
    return stopped;
}

} // namespace Influx
