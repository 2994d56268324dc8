// SPDX-License-Identifier: MIT
#ifndef TESTSUPPORT_WINDOWFIXTURE_H
#define TESTSUPPORT_WINDOWFIXTURE_H

#include <QtCore/QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace Influx {
class Client;
} // namespace Influx

namespace Explorer {
class ConnectionManager;
class MainWindow;
class QueryHistory;
class SecretStore;
} // namespace Explorer

namespace TestSupport {

// What WindowApp puts together for the explorer window, for GUI tests: settings and history
// files in `directory`, one client without a server, a session-only secret store, the
// connection manager and the window. connectToFixture() points everything at the fixture's
// influxd the way the Connection menu does.
class WindowFixture
{
public:
    explicit WindowFixture(const QString &directory);
    ~WindowFixture();

    // Creates and shows the window (history loaded from the directory); false on failure.
    bool createWindow();
    // Closes the window without asking about unsaved tabs, and drops the history object.
    void destroyWindow();
    // Activates a profile "fixture" for the fixture's influxd with `database` and waits until
    // the client uses it.
    bool connectToFixture(const QString &database);

    QSettings *settings() const { return m_settings.get(); }
    Influx::Client *client() const { return m_client.get(); }
    Explorer::SecretStore *secrets() const { return m_secrets.get(); }
    Explorer::ConnectionManager *connections() const { return m_connections.get(); }
    Explorer::QueryHistory *history() const { return m_history.get(); }
    Explorer::MainWindow *window() const { return m_window.get(); }

private:
    QString m_directory;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Influx::Client> m_client;
    std::unique_ptr<Explorer::SecretStore> m_secrets;
    std::unique_ptr<Explorer::ConnectionManager> m_connections;
    std::unique_ptr<Explorer::QueryHistory> m_history;
    std::unique_ptr<Explorer::MainWindow> m_window;
};

} // namespace TestSupport

#endif // TESTSUPPORT_WINDOWFIXTURE_H
