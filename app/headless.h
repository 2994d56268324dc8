// SPDX-License-Identifier: MIT
#ifndef EXPLORER_HEADLESS_H
#define EXPLORER_HEADLESS_H

#include "commandline.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <memory>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Influx {
class Client;
class Reply;
class LocalServer;
class Error;
} // namespace Influx

namespace Explorer {

class DemoData;
class SignalWatcher;

// influx-explorer without a window: runs one mode (--ping, --execute, --import, optionally on
// a --demo server, or --serve-demo) with one Influx::Client, on the event loop of the
// QCoreApplication that must exist, and returns the exit status (see ExitStatus).
// Results go to `out`; everything else (warnings, errors, progress, summaries) to `err`.
class Headless : public QObject
{
    Q_OBJECT
public:
    Headless(const CommandLineOptions &options, QIODevice *out, QIODevice *err,
             QObject *parent = nullptr);
    ~Headless() override;

    int run();

private:
    int startDemo(Influx::Client &client);
    int ping(Influx::Client &client);
    int execute(Influx::Client &client);
    int import(Influx::Client &client);
    int serveDemo();
    bool wait(Influx::Reply *reply);
    void printError(const QString &context, const Influx::Error &error);
    void interrupt();

    CommandLineOptions m_options;
    QIODevice *m_out;
    QIODevice *m_err;
    std::unique_ptr<Influx::LocalServer> m_server;
    std::unique_ptr<SignalWatcher> m_signals;
    QPointer<Influx::Reply> m_currentReply;
    QPointer<DemoData> m_demo;
    std::function<void()> m_onInterrupt;
    bool m_interrupted = false;
};

// Parses the arguments and runs the headless mode, writing to the process's stdout and
// stderr. What main() calls when needsWindow() is false; without a mode it prints the help to
// stderr and returns ExitUsage.
int runHeadless(const QStringList &arguments);

} // namespace Explorer

#endif // EXPLORER_HEADLESS_H
