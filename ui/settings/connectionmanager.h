// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CONNECTIONMANAGER_H
#define EXPLORER_CONNECTIONMANAGER_H

#include "settings/connectionprofile.h"

#include <QtCore/QHash>
#include <QtCore/QObject>

#include <memory>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace Influx {
class Client;
}

namespace Explorer {

class ProfileStore;
class SecretStore;

// The application-level owner of the active connection: keeps the saved profiles and turns
// the chosen one (plus its secret from the SecretStore) into the options of the one
// Influx::Client every panel shares.
//
// client, settings and secrets are not owned and must outlive the manager.
class ConnectionManager : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionManager)
public:
    ConnectionManager(Influx::Client *client, QSettings *settings, SecretStore *secrets,
                      QObject *parent = nullptr);
    ~ConnectionManager() override;

    Influx::Client *client() const { return m_client; }
    SecretStore *secretStore() const { return m_secrets; }

    QList<ConnectionProfile> profiles() const;
    // Saves the profiles (never a secret). renamed maps old profile names to new ones, so the
    // active profile follows a rename. When the active profile was edited it is activated
    // again, so the client uses the new settings; when it was removed the client keeps its
    // options but no profile is active any more.
    void setProfiles(const QList<ConnectionProfile> &profiles,
                     const QHash<QString, QString> &renamed = {});
    QString uniqueName(const QString &base) const;

    // Empty (default) profile / name while none is active.
    ConnectionProfile activeProfile() const { return m_active; }
    QString activeProfileName() const { return m_active.name; }
    bool isTemporary() const { return m_temporary; }
    // The profile that was active when the settings were last saved (to restore at start-up).
    QString lastActiveProfileName() const;

    // Reads the profile's secret (asynchronously) and then reconfigures the client; the result
    // is activeProfileChanged(), activationFailed() or, when the profile needs a secret that
    // is not stored, secretRequired() (answer with activate(name, secret)).
    void activate(const QString &name);
    // Activates with a secret the user just typed and stores it in the SecretStore.
    void activate(const QString &name, const QString &secret);
    // A connection that is not saved (the demo server); the secret stays in memory only.
    void activateTemporary(const ConnectionProfile &profile, const QString &secret);

Q_SIGNALS:
    void profilesChanged();
    void activeProfileChanged(const Explorer::ConnectionProfile &profile);
    void activationFailed(const QString &name, const Influx::Error &error);
    void secretRequired(const QString &name);

private:
    void onSecretRead(const QString &profile, const QString &secret, bool found);
    void apply(const ConnectionProfile &profile, const QString &secret, bool temporary);
    void fail(const QString &name, const Influx::Error &error);

    Influx::Client *m_client;
    SecretStore *m_secrets;
    std::unique_ptr<ProfileStore> m_store;
    ConnectionProfile m_active;
    bool m_temporary = false;
    QString m_pending; // profile whose secret is being read for activation
};

} // namespace Explorer

#endif // EXPLORER_CONNECTIONMANAGER_H
