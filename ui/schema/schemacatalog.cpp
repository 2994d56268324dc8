// SPDX-License-Identifier: MIT
#include "schema/schemacatalog.h"

#include "schema/schemastatements.h"

#include "client.h"

using namespace Qt::StringLiterals;

namespace Explorer {

SchemaCatalog::SchemaCatalog(Influx::Client *client, QObject *parent)
    : QObject(parent), m_client(client)
{ }

SchemaCatalog::~SchemaCatalog()
{
    cancel();
}

void SchemaCatalog::load(const QString &database)
{
    cancel();
    if (!m_client)
        return;
    m_loading = database;
    m_reply = m_client->rawQuery(SchemaStatements::catalog(database));
    connect(m_reply, &Influx::Reply::finished, this, &SchemaCatalog::onFinished);
}

void SchemaCatalog::cancel()
{
    Influx::QueryReply *reply = m_reply.data();
    m_reply = nullptr;
    if (!reply)
        return;
    disconnect(reply, nullptr, this, nullptr);
    if (reply->isFinished()) {
        reply->deleteLater();
        return;
    }
    connect(reply, &Influx::Reply::finished, reply, &QObject::deleteLater);
    reply->abort();
}

void SchemaCatalog::onFinished(Influx::Reply *finished)
{
    finished->deleteLater();
    if (finished != m_reply)
        return;
    m_reply = nullptr;
    const QString database = m_loading;
    if (finished->error().isError()) {
        Q_EMIT failed(database, finished->error());
        return;
    }
    const Influx::QueryResult result = static_cast<Influx::QueryReply *>(finished)->result();
    m_database = database;
    m_measurements = SchemaStatements::columnValues(result, 0, u"name");
    m_fieldKeys = SchemaStatements::columnValues(result, 1, u"fieldKey");
    m_tagKeys = SchemaStatements::columnValues(result, 2, u"tagKey");
    Q_EMIT loaded(database, m_measurements, m_fieldKeys, m_tagKeys);
}

} // namespace Explorer
