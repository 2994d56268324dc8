// SPDX-License-Identifier: MIT
#include "demosession.h"

#include "demodata.h"

#include <client.h>
#include <localserver.h>

using namespace Qt::StringLiterals;

namespace Explorer {

DemoSession::DemoSession(QObject *parent) : QObject(parent)
{ }

DemoSession::~DemoSession()
{
    delete m_data; // stops a load in progress before the server goes
}

bool DemoSession::isRunning() const
{
    return m_server && m_server->isRunning();
}

QUrl DemoSession::url() const
{
    return m_server ? m_server->url() : QUrl();
}

void DemoSession::start()
{
    if (isRunning())
        return;
    m_server = std::make_unique<Influx::LocalServer>();
    if (!m_server->start()) {
        const QString message = m_server->errorString();
        m_server.reset();
        Q_EMIT failed(message);
        return;
    }
    Influx::ClientOptions options;
    options.baseUrls = {m_server->url()};
    m_client = new Influx::Client(options, this);
    Q_EMIT serverReady(m_server->url());

    m_data = new DemoData(m_client, this);
    connect(m_data, &DemoData::progress, this, &DemoSession::progress);
    connect(m_data, &DemoData::finished, this, [this](const Influx::Error &error) {
        m_data->deleteLater();
        Q_EMIT loaded(error);
    });
    m_data->start();
}

} // namespace Explorer
