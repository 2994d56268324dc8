// SPDX-License-Identifier: MIT
#include "connectionprofile.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Explorer {

Influx::ClientOptions ConnectionProfile::toClientOptions(const QString &secret) const
{
    Influx::ClientOptions options;
    options.baseUrls = baseUrls;
    options.database = database;
    switch (auth) {
    case Auth::None:
        break;
    case Auth::UsernamePassword:
        options.username = username;
        options.password = secret;
        break;
    case Auth::Token:
        options.token = secret;
        break;
    }
    options.retentionPolicy = retentionPolicy;
    options.consistency = consistency;
    options.precision = precision;
    options.epoch = epoch;
    options.chunked = true;
    options.chunkSize = chunkSize;
    options.timeout = std::chrono::seconds(timeoutSeconds);
    options.compression = compression;
    options.verifyTls = verifyTls;
    options.caFile = caFile;
    return options;
}

Influx::Error ConnectionProfile::validate() const
{
    auto invalid = [](const QString &message) {
        return Influx::Error(Influx::Error::Kind::InvalidArgument, message);
    };
    if (name.trimmed().isEmpty())
        return invalid(tr("The profile needs a name."));
    // The name is shown in menus and lists and is the keychain entry's key.
    if (name.size() > MaxNameLength)
        return invalid(tr("The name is too long: %1 characters, at most %2.")
                               .arg(name.size())
                               .arg(MaxNameLength));
    const bool control = std::any_of(name.cbegin(), name.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c == QChar::LineSeparator
                || c == QChar::ParagraphSeparator;
    });
    // A lone surrogate does not survive UTF-8 (the settings file, the keychain).
    if (control || QString::fromUtf8(name.toUtf8()) != name)
        return invalid(tr("The name must not contain control characters, line breaks or "
                          "invalid Unicode."));
    if (baseUrls.isEmpty())
        return invalid(tr("At least one server URL is needed, e.g. http://localhost:8086."));
    if (auth == Auth::UsernamePassword && username.isEmpty())
        return invalid(tr("A user name is needed for username and password authentication."));
    if (timeoutSeconds < 0)
        return invalid(tr("The timeout must not be negative."));
    if (chunkSize < 0)
        return invalid(tr("The chunk size must not be negative."));
    // The client's own check, so a profile that passes here is accepted by Client::setOptions.
    if (const Influx::Error error = toClientOptions({}).validate())
        return invalid(error.message());
    return {};
}

} // namespace Explorer
