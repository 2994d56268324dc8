// SPDX-License-Identifier: MIT
#ifndef EXPLORER_PROFILESTORE_H
#define EXPLORER_PROFILESTORE_H

#include "settings/connectionprofile.h"

#include <QtCore/QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QSettings;
QT_END_NAMESPACE

namespace Explorer {

// The saved connection profiles and the name of the last active one, in group "profiles" of a
// QSettings (not owned; must outlive the store). Profiles hold no secret, so nothing secret is
// ever written. Reading is forgiving: an entry without a name or without any URL is skipped,
// an unknown enum value falls back to its default, and a repeated name is made unique, so a
// hand-edited or damaged file never stops the application.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings *settings); // loads at once

    void load();
    void save() const;

    QList<ConnectionProfile> profiles() const { return m_profiles; }
    // Names are made unique in order ("demo", "demo (2)", ...); nameless profiles are dropped.
    void setProfiles(const QList<ConnectionProfile> &profiles);
    std::optional<ConnectionProfile> profile(const QString &name) const;
    QStringList names() const;

    QString activeProfileName() const { return m_active; }
    void setActiveProfileName(const QString &name) { m_active = name; }

    // base itself when no profile has that name, otherwise "base (2)", "base (3)", ...
    QString uniqueName(const QString &base) const { return uniqueName(base, names()); }
    static QString uniqueName(const QString &base, const QStringList &taken);

private:
    QSettings *m_settings;
    QList<ConnectionProfile> m_profiles;
    QString m_active;
};

} // namespace Explorer

#endif // EXPLORER_PROFILESTORE_H
