// SPDX-License-Identifier: MIT
#ifndef INFLUX_CLIENTREGISTRY_H
#define INFLUX_CLIENTREGISTRY_H

#include "client.h"

#include <QtCore/QObject>
#include <QtCore/QVariantMap>

namespace Influx {

Q_DECLARE_LOGGING_CATEGORY(lcRegistry)

// Named clients built from one configuration map: the Qt counterpart of the reference
// client's Asphalt component (spec §10). Top-level options are the defaults; an optional
// "clients" map names several clients, each deep-merged over the defaults:
//
//     {"database": "mydb"}                               → client "default", alias "influxdb"
//     {"database": "mydb", "clients": {"a": {"baseUrls": "http://a:8086"},
//                                      "b": {"contextAttr": "other", "database": "x"}}}
//                                                        → clients "a" (alias "a"), "b" ("other")
//
// Option keys are those of ClientOptions::fromVariantMap(). The registry owns its clients;
// it logs "Configured InfluxDB client (<name> / ctx.<alias>; base_urls=[...])" for each and
// "InfluxDB client (<name>) shut down" when it is destroyed, as the reference does.
class ClientRegistry : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientRegistry)
public:
    explicit ClientRegistry(QObject *parent = nullptr);
    ~ClientRegistry() override;

    // Builds every client; on an invalid option nothing is built and the error says which
    // client and why.
    Error configure(const QVariantMap &configuration);

    QStringList names() const; // sorted (QVariantMap order)
    Client *client(const QString &name) const;
    Client *clientByAlias(const QString &alias) const;
    QString alias(const QString &name) const;

private:
    struct Entry
    {
        QString name;
        QString alias;
        Client *client;
    };
    void clear();
    QList<Entry> m_entries;
};

} // namespace Influx

#endif // INFLUX_CLIENTREGISTRY_H
