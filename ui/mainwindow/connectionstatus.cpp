// SPDX-License-Identifier: MIT
#include "mainwindow/connectionstatus.h"

#include "client.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Explorer {

ConnectionStatus::ConnectionStatus(Influx::Client *client, QWidget *parent)
    : QWidget(parent), m_client(client), m_indicator(new QLabel(this)), m_label(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_indicator);
    layout->addWidget(m_label);
    m_indicator->setObjectName(u"connectionIndicator"_s);
    m_label->setObjectName(u"connectionLabel"_s);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_timer.setInterval(30s);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionStatus::pingNow);
    connect(client, &Influx::Client::optionsChanged, this, &ConnectionStatus::pingNow);
    m_timer.start();
    setState(State::Unknown);
}

ConnectionStatus::~ConnectionStatus()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ConnectionStatus::setProfileName(const QString &name)
{
    m_profile = name;
    setState(m_state, m_label->toolTip());
}

void ConnectionStatus::setInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

std::chrono::milliseconds ConnectionStatus::interval() const
{
    return m_timer.intervalAsDuration();
}

QString ConnectionStatus::text() const
{
    return m_label->text();
}

void ConnectionStatus::pingNow()
{
    if (m_reply) { // a newer ping replaces a slow one
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_reply = m_client->ping();
    connect(m_reply, &Influx::Reply::finished, this, &ConnectionStatus::onPingFinished);
    if (m_state != State::Connected)
        setState(State::Checking);
}

void ConnectionStatus::onPingFinished()
{
    Influx::PingReply *reply = m_reply;
    if (!reply)
        return;
    reply->deleteLater();
    m_reply = nullptr;
    if (reply->error().isError()) {
        m_version.clear();
        m_roundTripMs = -1;
        const QList<QUrl> urls = m_client->baseUrls();
        m_server = urls.isEmpty() ? QString() : urls.first().toString();
        setState(State::Failed, reply->error().toString());
        return;
    }
    m_version = reply->version();
    m_server = reply->serverUrl().toString();
    m_roundTripMs = double(reply->roundTripTime().count()) / 1000.0;
    setState(State::Connected);
}

void ConnectionStatus::setState(State state, const QString &detail)
{
    const bool changed = state != m_state;
    m_state = state;
    const QString profile = m_profile.isEmpty() ? tr("No connection") : m_profile;
    QString color;
    QString text;
    switch (state) {
    case State::Unknown:
        color = u"#9e9e9e"_s;
        text = profile;
        break;
    case State::Checking:
        color = u"#f9a825"_s;
        text = tr("%1 — connecting…").arg(profile);
        break;
    case State::Connected:
        color = u"#2e7d32"_s;
        text = tr("%1 — %2 — InfluxDB %3 — %4 ms")
                       .arg(profile, m_server, m_version,
                            QString::number(m_roundTripMs, 'f', m_roundTripMs < 10 ? 2 : 0));
        break;
    case State::Failed:
        color = u"#c62828"_s;
        text = tr("%1 — %2 — not reachable").arg(profile, m_server);
        break;
    }
    m_indicator->setText(u"<span style=\"color:%1\">●</span>"_s.arg(color));
    m_label->setText(text);
    m_label->setToolTip(detail);
    if (changed)
        Q_EMIT stateChanged(state);
}

} // namespace Explorer
