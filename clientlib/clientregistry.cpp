// SPDX-License-Identifier: MIT
#include "clientregistry.h"

using namespace Qt::StringLiterals;

namespace Influx {

Q_LOGGING_CATEGORY(lcRegistry, "influx.registry")

namespace {

// Nested maps merge key by key; the override wins everywhere else (Asphalt's merge_config).
QVariantMap mergeConfiguration(const QVariantMap &defaults, const QVariantMap &overrides)
{
    QVariantMap result = defaults;
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (it.value().typeId() == QMetaType::QVariantMap
            && result.value(it.key()).typeId() == QMetaType::QVariantMap)
            result[it.key()] =
                    mergeConfiguration(result.value(it.key()).toMap(), it.value().toMap());
        else
            result[it.key()] = it.value();
    }
    return result;
}

// Python's repr of a list of strings, as the reference's log line shows base URLs.
QString pythonListRepr(const QList<QUrl> &urls)
{
    QStringList items;
    for (const QUrl &url : urls)
        items.append(u'\'' + url.toString() + u'\'');
    return u'[' + items.join(u", "_s) + u']';
}

} // namespace

ClientRegistry::ClientRegistry(QObject *parent) : QObject(parent)
{ }

ClientRegistry::~ClientRegistry()
{
    clear();
}

void ClientRegistry::clear()
{
    for (const Entry &entry : std::as_const(m_entries)) {
        delete entry.client;
        qCInfo(lcRegistry, "InfluxDB client (%s) shut down", qUtf8Printable(entry.name));
    }
    m_entries.clear();
}

Error ClientRegistry::configure(const QVariantMap &configuration)
{
    QVariantMap defaults = configuration;
    const QVariantMap clients = defaults.take(u"clients"_s).toMap();
    QList<std::pair<QString, QVariantMap>> wanted;
    if (clients.isEmpty()) {
        if (!defaults.contains(u"contextAttr"_s))
            defaults.insert(u"contextAttr"_s, u"influxdb"_s);
        wanted.append({u"default"_s, defaults});
    } else {
        for (auto it = clients.begin(); it != clients.end(); ++it)
            wanted.append({it.key(), mergeConfiguration(defaults, it.value().toMap())});
    }

    QList<Entry> built;
    for (auto &[name, options] : wanted) {
        const QString alias = options.take(u"contextAttr"_s).toString();
        Error error;
        const ClientOptions clientOptions = ClientOptions::fromVariantMap(options, &error);
        if (error.isError()) {
            for (const Entry &e : std::as_const(built))
                delete e.client;
            return Error(error.kind(), u"client %1: %2"_s.arg(name, error.message()));
        }
        built.append({name, alias.isEmpty() ? name : alias, new Client(clientOptions, this)});
    }
    clear();
    m_entries = built;
    for (const Entry &entry : std::as_const(m_entries)) {
        qCInfo(lcRegistry, "Configured InfluxDB client (%s / ctx.%s; base_urls=%s)",
               qUtf8Printable(entry.name), qUtf8Printable(entry.alias),
               qUtf8Printable(pythonListRepr(entry.client->baseUrls())));
    }
    return {};
}

QStringList ClientRegistry::names() const
{
    QStringList result;
    for (const Entry &entry : m_entries)
        result.append(entry.name);
    return result;
}

Client *ClientRegistry::client(const QString &name) const
{
    for (const Entry &entry : m_entries)
        if (entry.name == name)
            return entry.client;
    return nullptr;
}

Client *ClientRegistry::clientByAlias(const QString &alias) const
{
    for (const Entry &entry : m_entries)
        if (entry.alias == alias)
            return entry.client;
    return nullptr;
}

QString ClientRegistry::alias(const QString &name) const
{
    for (const Entry &entry : m_entries)
        if (entry.name == name)
            return entry.alias;
    return {};
}

} // namespace Influx
