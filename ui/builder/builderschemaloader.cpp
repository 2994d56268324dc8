// SPDX-License-Identifier: MIT
#include "builder/builderschemaloader.h"

#include "schema/schemastatements.h"

#include "client.h"
#include "selectquery.h"

using namespace Qt::StringLiterals;

namespace Explorer {

BuilderSchemaLoader::BuilderSchemaLoader(Influx::Client *client, QObject *parent)
    : QObject(parent), m_client(client)
{ }

BuilderSchemaLoader::~BuilderSchemaLoader()
{
    cancel();
}

void BuilderSchemaLoader::loadDatabase(const QString &database)
{
    abandon(m_databaseReply);
    if (database.isEmpty()) {
        Q_EMIT databaseLoaded(database, {}, {}, {});
        return;
    }
    const QString on = Influx::Source::quoteIdentifier(database);
    m_databaseReply =
            start(u"SHOW RETENTION POLICIES ON "_s + on + u"; SHOW MEASUREMENTS ON "_s + on);
    if (!m_databaseReply)
        return;
    connect(m_databaseReply, &Influx::Reply::finished, this, [this, database](Influx::Reply *r) {
        auto *reply = static_cast<Influx::QueryReply *>(r);
        reply->deleteLater();
        if (reply != m_databaseReply)
            return;
        m_databaseReply = nullptr;
        if (!succeeded(reply, tr("Loading the database %1 failed").arg(database)))
            return;
        const Influx::QueryResult result = reply->result();
        QString defaultPolicy;
        if (!result.statements().isEmpty()) {
            for (const Influx::Series &series : result.statements().constFirst().series) {
                for (qsizetype row = 0; row < series.rowCount(); ++row) {
                    if (series.value(row, u"default").toBool())
                        defaultPolicy = series.value(row, u"name").toString();
                }
            }
        }
        Q_EMIT databaseLoaded(database, SchemaStatements::columnValues(result, 0, u"name"),
                              defaultPolicy, SchemaStatements::columnValues(result, 1, u"name"));
    });
}

void BuilderSchemaLoader::loadMeasurement(const QString &database, const QString &retentionPolicy,
                                          const QString &measurement, bool isRegex)
{
    abandon(m_measurementReply);
    for (QPointer<Influx::QueryReply> &reply : m_tagValueReplies)
        abandon(reply);
    m_tagValueReplies.clear();
    m_tagValues.clear();
    m_on.clear();
    m_from.clear();
    if (database.isEmpty() || measurement.isEmpty()) {
        Q_EMIT measurementLoaded({}, {});
        return;
    }
    // SHOW ... FROM takes "rp"."m" or "rp"./regex/: the database is the ON clause.
    m_on = Influx::Source::quoteIdentifier(database);
    m_from = isRegex ? Influx::Source::regex(measurement, {}, retentionPolicy).toString()
                     : Influx::Source::qualified({}, retentionPolicy, measurement).toString();
    m_measurementReply = start(u"SHOW FIELD KEYS ON "_s + m_on + u" FROM "_s + m_from
                               + u"; SHOW TAG KEYS ON "_s + m_on + u" FROM "_s + m_from);
    if (!m_measurementReply)
        return;
    connect(m_measurementReply, &Influx::Reply::finished, this,
            [this, measurement](Influx::Reply *r) {
                auto *reply = static_cast<Influx::QueryReply *>(r);
                reply->deleteLater();
                if (reply != m_measurementReply)
                    return;
                m_measurementReply = nullptr;
                if (!succeeded(reply, tr("Loading the keys of %1 failed").arg(measurement)))
                    return;
                const Influx::QueryResult result = reply->result();
                QMap<QString, QString> fieldTypes;
                if (!result.statements().isEmpty()) {
                    for (const Influx::Series &series : result.statements().constFirst().series) {
                        for (qsizetype row = 0; row < series.rowCount(); ++row) {
                            const QString key = series.value(row, u"fieldKey").toString();
                            if (!fieldTypes.contains(key))
                                fieldTypes.insert(key, series.value(row, u"fieldType").toString());
                        }
                    }
                }
                Q_EMIT measurementLoaded(fieldTypes,
                                         SchemaStatements::columnValues(result, 1, u"tagKey"));
            });
}

void BuilderSchemaLoader::loadTagValues(const QString &tagKey)
{
    if (tagKey.isEmpty() || m_from.isEmpty())
        return;
    if (const auto cached = m_tagValues.constFind(tagKey); cached != m_tagValues.cend()) {
        Q_EMIT tagValuesLoaded(tagKey, *cached);
        return;
    }
    if (m_tagValueReplies.value(tagKey))
        return; // already on its way
    QPointer<Influx::QueryReply> reply =
            start(u"SHOW TAG VALUES ON "_s + m_on + u" FROM "_s + m_from + u" WITH KEY = "_s
                  + Influx::Source::quoteIdentifier(tagKey) + u" LIMIT "_s
                  + QString::number(TagValueLimit));
    if (!reply)
        return;
    m_tagValueReplies.insert(tagKey, reply);
    connect(reply, &Influx::Reply::finished, this, [this, tagKey](Influx::Reply *r) {
        auto *finished = static_cast<Influx::QueryReply *>(r);
        finished->deleteLater();
        if (m_tagValueReplies.value(tagKey) != finished)
            return;
        m_tagValueReplies.remove(tagKey);
        if (!succeeded(finished, tr("Loading the values of the tag %1 failed").arg(tagKey)))
            return;
        const QStringList values = SchemaStatements::columnValues(finished->result(), 0, u"value");
        m_tagValues.insert(tagKey, values);
        Q_EMIT tagValuesLoaded(tagKey, values);
    });
}

void BuilderSchemaLoader::cancel()
{
    abandon(m_databaseReply);
    abandon(m_measurementReply);
    for (QPointer<Influx::QueryReply> &reply : m_tagValueReplies)
        abandon(reply);
    m_tagValueReplies.clear();
}

bool BuilderSchemaLoader::isLoading() const
{
    if (m_databaseReply || m_measurementReply)
        return true;
    for (const QPointer<Influx::QueryReply> &reply : m_tagValueReplies) {
        if (reply)
            return true;
    }
    return false;
}

Influx::QueryReply *BuilderSchemaLoader::start(const QString &text)
{
    return m_client ? m_client->rawQuery(text) : nullptr;
}

void BuilderSchemaLoader::abandon(QPointer<Influx::QueryReply> &pointer)
{
    Influx::QueryReply *reply = pointer.data();
    pointer = nullptr;
    if (!reply)
        return;
    // The finished handlers compare against the current reply, so the abandoned one is only
    // cleaned up; an unfinished one is aborted and deleted once it reports.
    if (reply->isFinished()) {
        reply->deleteLater();
        return;
    }
    connect(reply, &Influx::Reply::finished, reply, &QObject::deleteLater);
    reply->abort();
}

bool BuilderSchemaLoader::succeeded(Influx::QueryReply *reply, const QString &what)
{
    Influx::Error error = reply->error();
    if (!error.isError())
        error = reply->result().firstError();
    if (!error.isError())
        return true;
    Q_EMIT failed(what + u": "_s + error.toString());
    return false;
}

} // namespace Explorer
