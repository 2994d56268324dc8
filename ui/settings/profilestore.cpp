// SPDX-License-Identifier: MIT
#include "profilestore.h"

#include <QtCore/QRegularExpression>
#include <QtCore/QSettings>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

const auto groupKey = "profiles"_L1;
const auto arrayKey = "list"_L1;
const auto activeKey = "active"_L1;

QString authName(ConnectionProfile::Auth auth)
{
    switch (auth) {
    case ConnectionProfile::Auth::None:
        break;
    case ConnectionProfile::Auth::UsernamePassword:
        return u"password"_s;
    case ConnectionProfile::Auth::Token:
        return u"token"_s;
    }
    return u"none"_s;
}

ConnectionProfile::Auth authFromName(const QString &name)
{
    if (name == "password"_L1)
        return ConnectionProfile::Auth::UsernamePassword;
    if (name == "token"_L1)
        return ConnectionProfile::Auth::Token;
    return ConnectionProfile::Auth::None;
}

int intValue(const QSettings &settings, const QString &key, int fallback, int minimum)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok && value >= minimum ? value : fallback;
}

std::optional<ConnectionProfile> readProfile(const QSettings &settings)
{
    ConnectionProfile p;
    p.name = settings.value(u"name"_s).toString().trimmed();
    for (const QString &text : settings.value(u"baseUrls"_s).toStringList()) {
        if (!text.trimmed().isEmpty())
            p.baseUrls.append(QUrl(text.trimmed()));
    }
    if (p.name.isEmpty() || p.baseUrls.isEmpty())
        return std::nullopt;
    p.database = settings.value(u"database"_s).toString();
    p.auth = authFromName(settings.value(u"auth"_s).toString());
    p.username = settings.value(u"username"_s).toString();
    p.verifyTls = settings.value(u"verifyTls"_s, true).toBool();
    p.caFile = settings.value(u"caFile"_s).toString();
    p.consistency = Influx::consistencyFromName(settings.value(u"consistency"_s).toString());
    p.retentionPolicy = settings.value(u"retentionPolicy"_s).toString();
    p.precision = Influx::precisionFromName(settings.value(u"precision"_s).toString());
    p.epoch = Influx::precisionFromName(settings.value(u"epoch"_s).toString());
    p.chunkSize = intValue(settings, u"chunkSize"_s, 0, 0);
    p.timeoutSeconds = intValue(settings, u"timeoutSeconds"_s, 60, 0);
    p.compression = Influx::compressionFromName(settings.value(u"compression"_s).toString())
                            .value_or(Influx::Compression::Auto);
    return p;
}

void writeProfile(QSettings &settings, const ConnectionProfile &p)
{
    QStringList urls;
    for (const QUrl &url : p.baseUrls)
        urls.append(url.toString(QUrl::RemoveUserInfo));
    settings.setValue(u"name"_s, p.name);
    settings.setValue(u"baseUrls"_s, urls);
    settings.setValue(u"database"_s, p.database);
    settings.setValue(u"auth"_s, authName(p.auth));
    settings.setValue(u"username"_s, p.username);
    settings.setValue(u"verifyTls"_s, p.verifyTls);
    settings.setValue(u"caFile"_s, p.caFile);
    settings.setValue(u"consistency"_s,
                      p.consistency ? Influx::consistencyName(*p.consistency) : QString());
    settings.setValue(u"retentionPolicy"_s, p.retentionPolicy);
    settings.setValue(u"precision"_s,
                      p.precision ? Influx::precisionName(*p.precision) : QString());
    settings.setValue(u"epoch"_s, p.epoch ? Influx::precisionName(*p.epoch) : QString());
    settings.setValue(u"chunkSize"_s, p.chunkSize);
    settings.setValue(u"timeoutSeconds"_s, p.timeoutSeconds);
    settings.setValue(u"compression"_s, Influx::compressionName(p.compression));
}

} // namespace

ProfileStore::ProfileStore(QSettings *settings) : m_settings(settings)
{
    load();
}

void ProfileStore::load()
{
    QList<ConnectionProfile> loaded;
    m_settings->beginGroup(groupKey);
    m_active = m_settings->value(activeKey).toString();
    const int size = m_settings->beginReadArray(arrayKey);
    for (int i = 0; i < size; ++i) {
        m_settings->setArrayIndex(i);
        if (auto profile = readProfile(*m_settings))
            loaded.append(*profile);
    }
    m_settings->endArray();
    m_settings->endGroup();
    setProfiles(loaded);
}

void ProfileStore::save() const
{
    // Rewritten as a whole so that removed profiles leave nothing behind.
    m_settings->remove(groupKey);
    m_settings->beginGroup(groupKey);
    m_settings->setValue(activeKey, m_active);
    m_settings->beginWriteArray(arrayKey, int(m_profiles.size()));
    for (int i = 0; i < m_profiles.size(); ++i) {
        m_settings->setArrayIndex(i);
        writeProfile(*m_settings, m_profiles.at(i));
    }
    m_settings->endArray();
    m_settings->endGroup();
    m_settings->sync();
}

void ProfileStore::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_profiles.clear();
    QStringList taken;
    for (ConnectionProfile p : profiles) {
        p.name = p.name.trimmed();
        if (p.name.isEmpty())
            continue;
        p.name = uniqueName(p.name, taken);
        taken.append(p.name);
        m_profiles.append(p);
    }
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString &name) const
{
    for (const ConnectionProfile &p : m_profiles) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

QStringList ProfileStore::names() const
{
    QStringList result;
    for (const ConnectionProfile &p : m_profiles)
        result.append(p.name);
    return result;
}

QString ProfileStore::uniqueName(const QString &base, const QStringList &taken)
{
    if (!taken.contains(base))
        return base;
    // "demo (2)" duplicated again gives "demo (3)", not "demo (2) (2)".
    static const QRegularExpression numbered(u"^(.*) \\((\\d+)\\)$"_s);
    QString stem = base;
    if (const auto match = numbered.match(base); match.hasMatch())
        stem = match.captured(1);
    for (int n = 2;; ++n) {
        const QString candidate = u"%1 (%2)"_s.arg(stem).arg(n);
        if (!taken.contains(candidate))
            return candidate;
    }
}

} // namespace Explorer
