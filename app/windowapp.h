// SPDX-License-Identifier: MIT
#ifndef EXPLORER_WINDOWAPP_H
#define EXPLORER_WINDOWAPP_H

#include "commandline.h"

#include <QtCore/QObject>

#include <memory>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace Influx {
class Client;
} // namespace Influx

namespace Explorer {

class ConnectionManager;
class DemoSession;
class MainWindow;
class QueryHistory;
class SecretStore;

// influx-explorer with a window: the application-level objects every panel shares (the ONE
// client, the connection profiles and their secrets, the query history, the settings) and the
// main window over them. With --demo, or when no connection is configured yet, it starts the
// demo server and connects to it.
class WindowApp : public QObject
{
    Q_OBJECT
public:
    explicit WindowApp(const CommandLineOptions &options, QObject *parent = nullptr);
    ~WindowApp() override;

    void show();
    MainWindow *window() const { return m_window.get(); }
    Influx::Client *client() const { return m_client; }
    DemoSession *demo() const { return m_demo; }
    ConnectionManager *connections() const { return m_connections; }
    void startDemo();
    // SIGINT or SIGTERM: quits as closing the window does (its state is saved, queries are
    // cancelled, the demo server stops), but asks nothing: nobody may be there to answer (a
    // logout, a kill), and a question would keep the process alive. Unsaved query tabs are
    // discarded.
    void quitOnSignal();

private:
    void applyCommandLine(const CommandLineOptions &options);

    std::unique_ptr<QSettings> m_settings;
    Influx::Client *m_client;
    SecretStore *m_secrets;
    ConnectionManager *m_connections;
    std::unique_ptr<QueryHistory> m_history;
    DemoSession *m_demo = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace Explorer

#endif // EXPLORER_WINDOWAPP_H
