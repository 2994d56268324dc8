// SPDX-License-Identifier: MIT
#ifndef EXPLORER_CONNECTIONPROFILE_H
#define EXPLORER_CONNECTIONPROFILE_H

#include "clientoptions.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QUrl>

#include <optional>

namespace Explorer {

// One saved way of connecting to a server. Deliberately holds no secret: the password or token
// lives in the OS keychain (SecretStore) and is only combined with the profile in
// toClientOptions(), so a profile can be written to a settings file as a whole.
struct ConnectionProfile
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionProfile)
public:
    enum class Auth { None, UsernamePassword, Token };

    QString name;
    QList<QUrl> baseUrls; // tried in order: failover
    QString database;
    Auth auth = Auth::None;
    QString username; // Auth::UsernamePassword only
    bool verifyTls = true;
    QString caFile; // PEM file of extra trusted CA certificates; empty = system CAs only
    std::optional<Influx::Consistency> consistency;
    QString retentionPolicy;
    std::optional<Influx::Precision> precision; // writes
    std::optional<Influx::Precision> epoch; // queries; absent = RFC 3339 time strings
    int chunkSize = 0; // 0 = the server's default
    int timeoutSeconds = 60;
    Influx::Compression compression = Influx::Compression::Auto;

    // secret is the password (Auth::UsernamePassword) or the token (Auth::Token); ignored for
    // Auth::None. Queries are always chunked so results stream.
    Influx::ClientOptions toClientOptions(const QString &secret) const;

    // The first problem that makes the profile unusable (translated message), or no error.
    Influx::Error validate() const;
    static constexpr qsizetype MaxNameLength = 200;

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace Explorer

#endif // EXPLORER_CONNECTIONPROFILE_H
