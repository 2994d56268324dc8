// SPDX-License-Identifier: MIT
// influx-explorer: for now every invocation runs the headless mode (the window comes later).
#include "headless.h"

#include <QtCore/QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("influx-explorer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(INFLUX_EXPLORER_VERSION));
    return Explorer::runHeadless(QCoreApplication::arguments());
}
