// SPDX-License-Identifier: MIT
#include "connectionmanager.h"

#include "settings/profilestore.h"
#include "settings/secretstore.h"

#include "client.h"

namespace Explorer {

ConnectionManager::ConnectionManager(Influx::Client *client, QSettings *settings,
                                     SecretStore *secrets, QObject *parent)
    : QObject(parent),
      m_client(client),
      m_secrets(secrets),
      m_store(std::make_unique<ProfileStore>(settings))
{
    connect(m_secrets, &SecretStore::secretRead, this, &ConnectionManager::onSecretRead);
}

ConnectionManager::~ConnectionManager() = default;

QList<ConnectionProfile> ConnectionManager::profiles() const
{
    return m_store->profiles();
}

QString ConnectionManager::uniqueName(const QString &base) const
{
    return m_store->uniqueName(base);
}

QString ConnectionManager::lastActiveProfileName() const
{
    return m_store->activeProfileName();
}

void ConnectionManager::setProfiles(const QList<ConnectionProfile> &profiles,
                                    const QHash<QString, QString> &renamed)
{
    m_store->setProfiles(profiles);
    const QString saved = m_store->activeProfileName();
    if (!saved.isEmpty()) {
        const QString now = renamed.value(saved, saved);
        m_store->setActiveProfileName(m_store->profile(now) ? now : QString());
    }
    m_store->save();
    Q_EMIT profilesChanged();

    if (m_temporary || m_active.name.isEmpty())
        return;
    const QString activeName = renamed.value(m_active.name, m_active.name);
    const auto edited = m_store->profile(activeName);
    if (!edited) {
        m_active = {};
        m_pending.clear();
        Q_EMIT activeProfileChanged(m_active);
    } else if (*edited != m_active) {
        activate(activeName);
    }
}

void ConnectionManager::activate(const QString &name)
{
    const auto profile = m_store->profile(name);
    if (!profile) {
        fail(name,
             Influx::Error(Influx::Error::Kind::InvalidArgument,
                           tr("There is no connection profile named \"%1\".").arg(name)));
        return;
    }
    if (const Influx::Error error = profile->validate()) {
        fail(name, error);
        return;
    }
    if (profile->auth == ConnectionProfile::Auth::None) {
        m_pending.clear();
        apply(*profile, {}, false);
        return;
    }
    m_pending = name;
    m_secrets->read(name);
}

void ConnectionManager::activate(const QString &name, const QString &secret)
{
    const auto profile = m_store->profile(name);
    if (!profile) {
        fail(name,
             Influx::Error(Influx::Error::Kind::InvalidArgument,
                           tr("There is no connection profile named \"%1\".").arg(name)));
        return;
    }
    m_pending.clear();
    if (profile->auth != ConnectionProfile::Auth::None)
        m_secrets->write(name, secret);
    apply(*profile, secret, false);
}

void ConnectionManager::activateTemporary(const ConnectionProfile &profile, const QString &secret)
{
    m_pending.clear();
    apply(profile, secret, true);
}

void ConnectionManager::onSecretRead(const QString &profile, const QString &secret, bool found)
{
    if (profile != m_pending)
        return;
    m_pending.clear();
    // Looked up again: the profile may have been edited while the keychain answered.
    const auto current = m_store->profile(profile);
    if (!current)
        return;
    if (!found) {
        Q_EMIT secretRequired(profile);
        return;
    }
    apply(*current, secret, false);
}

void ConnectionManager::apply(const ConnectionProfile &profile, const QString &secret,
                              bool temporary)
{
    if (const Influx::Error error = profile.validate()) {
        fail(profile.name, error);
        return;
    }
    if (const Influx::Error error = m_client->setOptions(profile.toClientOptions(secret))) {
        fail(profile.name, error);
        return;
    }
    m_active = profile;
    m_temporary = temporary;
    if (!temporary && m_store->activeProfileName() != profile.name) {
        m_store->setActiveProfileName(profile.name);
        m_store->save();
    }
    Q_EMIT activeProfileChanged(m_active);
}

void ConnectionManager::fail(const QString &name, const Influx::Error &error)
{
    if (m_pending == name)
        m_pending.clear();
    Q_EMIT activationFailed(name, error);
}

} // namespace Explorer
