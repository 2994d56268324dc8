// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CONNECTIONSTATUS_H
#define EXPLORER_CONNECTIONSTATUS_H

#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace Influx {
class Client;
class PingReply;
class Error;
} // namespace Influx

namespace Explorer {

// The status bar's view of the connection: profile, server, version and round-trip time.
// It pings the shared client when its options change, every interval() while the window is
// open, and on pingNow(). A failed ping shows the error (full text in the tooltip) in red.
class ConnectionStatus : public QWidget
{
    Q_OBJECT
public:
    enum class State { Unknown, Checking, Connected, Failed };

    // client is not owned and must outlive this widget.
    explicit ConnectionStatus(Influx::Client *client, QWidget *parent = nullptr);
    ~ConnectionStatus() override;

    void setProfileName(const QString &name);
    State state() const { return m_state; }
    QString version() const { return m_version; }
    // Last measured round trip, in milliseconds (-1 before a ping succeeded).
    double roundTripMs() const { return m_roundTripMs; }
    QString text() const; // what the widget shows, for tests and accessibility

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;

public Q_SLOTS:
    void pingNow();

Q_SIGNALS:
    void stateChanged(Explorer::ConnectionStatus::State state);

private:
    void onPingFinished();
    void setState(State state, const QString &detail = {});

    Influx::Client *m_client;
    QPointer<Influx::PingReply> m_reply;
    QTimer m_timer;
    QLabel *m_indicator;
    QLabel *m_label;
    QString m_profile;
    QString m_version;
    QString m_server;
    double m_roundTripMs = -1;
    State m_state = State::Unknown;
};

} // namespace Explorer

#endif // EXPLORER_CONNECTIONSTATUS_H
