// SPDX-License-Identifier: MIT
// influx-explorer: the window, or one of the headless modes (--ping, --execute, --import,
// --serve-demo) when one is given. The choice is made before the application object exists:
// the window needs a display, the headless modes must work without one.
#include "commandline.h"
#include "headless.h"
#include "signalwatcher.h"
#include "windowapp.h"

#include <QtCore/QProcessEnvironment>
#include <QtWidgets/QApplication>

namespace {

QStringList argumentList(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("influx-explorer"));
    QCoreApplication::setOrganizationName(QStringLiteral("influx-explorer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INFLUX_EXPLORER_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    const Explorer::CommandLineParseResult parsed = Explorer::parseCommandLine(
            argumentList(argc, argv), QProcessEnvironment::systemEnvironment());
    if (parsed.status == Explorer::CommandLineParseResult::Status::Ok
        && Explorer::needsWindow(parsed.options)) {
        QApplication app(argc, argv);
        setApplicationNames();
        QApplication::setApplicationDisplayName(QStringLiteral("Influx Explorer"));
        Explorer::WindowApp window(parsed.options);
        // Ctrl+C or a kill ends the event loop normally, so the demo server is stopped.
        const Explorer::SignalWatcher interrupt([] { QCoreApplication::quit(); });
        window.show();
        return app.exec();
    }
    QCoreApplication app(argc, argv);
    setApplicationNames();
    return Explorer::runHeadless(QCoreApplication::arguments());
}
