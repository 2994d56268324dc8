// SPDX-License-Identifier: MIT
#include "windowapp.h"

#include "demosession.h"

#include "history/queryhistory.h"
#include "editor/queryeditor.h"
#include "mainwindow/mainwindow.h"
#include "mainwindow/querypage.h"
#include "schema/schemabrowser.h"
#include "schema/schemamodel.h"
#include "settings/connectionmanager.h"
#include "settings/connectionprofile.h"
#include "settings/secretstore.h"

#include <client.h>

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QSettings>
#include <QtCore/QStandardPaths>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {
// No server until a profile (or the demo) is chosen: never a guess at localhost:8086.
Influx::ClientOptions notConnected()
{
    Influx::ClientOptions options;
    options.baseUrls.clear();
    return options;
}
} // namespace

WindowApp::WindowApp(const CommandLineOptions &options, QObject *parent)
    : QObject(parent),
      m_settings(std::make_unique<QSettings>(QSettings::IniFormat, QSettings::UserScope,
                                             u"influx-explorer"_s, u"influx-explorer"_s)),
      m_client(new Influx::Client(notConnected(), this)),
      m_secrets(new SecretStore(SecretStore::Backend::Keychain, this)),
      m_connections(new ConnectionManager(m_client, m_settings.get(), m_secrets, this))
{
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    m_history = std::make_unique<QueryHistory>(dataDir + u"/history.jsonl"_s);
    QString error;
    if (!m_history->load(&error))
        qWarning("query history: %s", qUtf8Printable(error));

    m_window = std::make_unique<MainWindow>(m_client, m_connections, m_history.get(),
                                            m_settings.get());
    connect(m_window.get(), &MainWindow::demoRequested, this, &WindowApp::startDemo);
    applyCommandLine(options);
}

WindowApp::~WindowApp()
{
    m_window.reset(); // the panels go before the client they use
}

void WindowApp::show()
{
    m_window->show();
}

void WindowApp::quitOnSignal()
{
    m_window->setSaveChangesHandler([](QueryPage *) { return MainWindow::SaveChoice::Discard; });
    QCoreApplication::quit(); // closes the window, which saves its state
    // A window that still refuses, or a dialog's event loop, must not keep the process alive.
    QCoreApplication::exit(0);
}

void WindowApp::applyCommandLine(const CommandLineOptions &options)
{
    if (options.demo) {
        startDemo();
        return;
    }
    if (options.urlGiven) {
        // A connection from the command line is used for this run only, never saved.
        ConnectionProfile profile;
        profile.name = tr("Command line");
        profile.baseUrls = options.client.baseUrls;
        profile.database = options.client.database;
        profile.username = options.client.username;
        QString secret;
        if (!options.client.token.isEmpty()) {
            profile.auth = ConnectionProfile::Auth::Token;
            secret = options.client.token;
        } else if (!options.client.username.isEmpty()) {
            profile.auth = ConnectionProfile::Auth::UsernamePassword;
            secret = options.client.password;
        }
        m_connections->activateTemporary(profile, secret);
        return;
    }
    if (m_connections->profiles().isEmpty()) {
        m_window->statusBar()->showMessage(
                tr("No connection is configured: starting the demo server. Add your servers "
                   "with Connection ▸ Connections…"));
        startDemo();
        return;
    }
    const QString active = m_connections->lastActiveProfileName();
    m_connections->activate(active.isEmpty() ? m_connections->profiles().first().name : active);
}

void WindowApp::startDemo()
{
    if (!m_demo) {
        m_demo = new DemoSession(this);
        connect(m_demo, &DemoSession::serverReady, this, [this](const QUrl &url) {
            ConnectionProfile profile;
            profile.name = tr("Demo (%1)").arg(url.authority());
            profile.baseUrls = {url};
            profile.database = u"demo"_s;
            m_connections->activateTemporary(profile, QString());
            m_window->setDemoRunning(true);
        });
        connect(m_demo, &DemoSession::progress, this, [this](qint64 written, qint64 total) {
            m_window->statusBar()->showMessage(
                    tr("Loading the demo data: %1%").arg(total ? written * 100 / total : 0));
        });
        connect(m_demo, &DemoSession::loaded, this, [this](const Influx::Error &error) {
            if (error.isError()) {
                m_window->statusBar()->showMessage(
                        tr("Loading the demo data failed: %1").arg(error.toString()));
                return;
            }
            m_window->statusBar()->showMessage(tr("The demo data is loaded."), 10000);
            m_window->schemaBrowser()->model()->refresh();
            // Something to look at straight away, unless the user already typed a query.
            QueryPage *page = m_window->currentPage();
            if (page && page->editor()->toPlainText().isEmpty() && !page->isRunning()) {
                page->setDatabase(u"demo"_s);
                page->editor()->setPlainText(
                        u"-- The demo data: see the Schema dock. Ctrl+Enter runs a statement.\n"
                        "SELECT mean(usage_user) AS usage_user FROM cpu\n"
                        "WHERE time > now() - 1h AND cpu = 'cpu-total'\n"
                        "GROUP BY time(1m), host"_s);
                page->editor()->document()->setModified(false);
                page->runAll();
            }
        });
        connect(m_demo, &DemoSession::failed, this, [this](const QString &message) {
            m_window->setDemoRunning(false);
            QMessageBox::warning(m_window.get(), tr("Demo server"),
                                 tr("The demo server could not start: %1").arg(message));
        });
    }
    m_window->statusBar()->showMessage(tr("Starting the demo server…"));
    m_demo->start();
}

} // namespace Explorer
