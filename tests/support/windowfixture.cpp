// SPDX-License-Identifier: MIT
#include "windowfixture.h"

#include "client.h"
#include "history/queryhistory.h"
#include "mainwindow/mainwindow.h"
#include "settings/connectionmanager.h"
#include "settings/connectionprofile.h"
#include "settings/secretstore.h"
#include "testserver.h"

#include <QtCore/QDir>
#include <QtCore/QSettings>
#include <QtTest/QTest>

using namespace Qt::StringLiterals;

namespace TestSupport {

WindowFixture::WindowFixture(const QString &directory)
    : m_directory(directory),
      m_settings(std::make_unique<QSettings>(QDir(directory).filePath(u"settings.ini"_s),
                                             QSettings::IniFormat))
{
    Influx::ClientOptions none;
    none.baseUrls.clear(); // no server until a profile is activated
    m_client = std::make_unique<Influx::Client>(none);
    m_secrets =
            std::make_unique<Explorer::SecretStore>(Explorer::SecretStore::Backend::SessionOnly);
    m_connections = std::make_unique<Explorer::ConnectionManager>(m_client.get(), m_settings.get(),
                                                                  m_secrets.get());
}

WindowFixture::~WindowFixture()
{
    destroyWindow();
}

bool WindowFixture::createWindow()
{
    m_history = std::make_unique<Explorer::QueryHistory>(
            QDir(m_directory).filePath(u"history.jsonl"_s));
    if (!m_history->load())
        return false;
    m_window = std::make_unique<Explorer::MainWindow>(m_client.get(), m_connections.get(),
                                                      m_history.get(), m_settings.get());
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window.get());
}

void WindowFixture::destroyWindow()
{
    if (m_window) {
        m_window->setSaveChangesHandler(
                [](Explorer::QueryPage *) { return Explorer::MainWindow::SaveChoice::Discard; });
        m_window->close();
    }
    m_window.reset();
    m_history.reset();
}

bool WindowFixture::connectToFixture(const QString &database)
{
    Explorer::ConnectionProfile profile;
    profile.name = u"fixture"_s;
    profile.baseUrls = {fixtureUrl()};
    profile.database = database;
    m_connections->activateTemporary(profile, QString());
    return QTest::qWaitFor([&] { return m_client->options().database == database; }, 5000);
}

} // namespace TestSupport
