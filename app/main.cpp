// SPDX-License-Identifier: MIT
// influx-explorer: the window, or one of the headless modes (--ping, --execute, --import,
// --serve-demo) when one is given. The choice is made before the application object exists:
// the window needs a display, the headless modes must work without one.
#include "commandline.h"
#include "headless.h"
#include "signalwatcher.h"
#include "windowapp.h"

#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QProcessEnvironment>
#include <QtCore/QTranslator>
#include <QtGui/QIcon>
#include <QtWidgets/QApplication>

using namespace Qt::StringLiterals;

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

// Our strings in the system's language when resources/translations has it (built into :/i18n),
// and Qt's own (dialog buttons, About Qt) from the system's Qt translations.
void installTranslators(QCoreApplication &app)
{
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), u"influx-explorer"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), u"qtbase"_s, u"_"_s,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

// The icon installed into the hicolor theme, in every size, for the window and its dialogs.
QIcon applicationIcon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        icon.addFile(u":/icons/hicolor/%1x%1/apps/%2.png"_s.arg(size).arg(
                             QStringLiteral(INFLUX_EXPLORER_APP_ID)),
                     QSize(size, size));
    }
    return icon;
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
        installTranslators(app);
        QApplication::setApplicationDisplayName(QApplication::translate("main", "Influx Explorer"));
        // The desktop shell matches the window to the .desktop file (and its icon) by this name.
        QGuiApplication::setDesktopFileName(QStringLiteral(INFLUX_EXPLORER_APP_ID));
        QApplication::setWindowIcon(applicationIcon());
        Explorer::WindowApp window(parsed.options);
        // Ctrl+C or a kill ends the event loop normally, so the demo server is stopped; no
        // question about unsaved tabs holds it up.
        const Explorer::SignalWatcher interrupt([&window] { window.quitOnSignal(); });
        window.show();
        return app.exec();
    }
    QCoreApplication app(argc, argv);
    setApplicationNames();
    installTranslators(app);
    return Explorer::runHeadless(QCoreApplication::arguments());
}
