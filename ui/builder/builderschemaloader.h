// SPDX-License-Identifier: MIT
#ifndef EXPLORER_BUILDERSCHEMALOADER_H
#define EXPLORER_BUILDERSCHEMALOADER_H

#include <QtCore/QHash>
#include <QtCore/QMap>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

namespace Influx {
class Client;
class QueryReply;
} // namespace Influx

namespace Explorer {

// The names the query builder's pickers offer, fetched with small SHOW queries through the
// shared client, never blocking: a database's retention policies and measurements, a
// measurement's (or a measurement regex's) field keys with their types and tag keys, and the
// values of one tag key. Each kind of load has at most one query running: a newer call of the
// same kind abandons the older one (no signal for it). Tag values are cached per tag key until
// the next loadMeasurement().
//
// The client is not owned; when it is gone nothing is loaded.
class BuilderSchemaLoader : public QObject
{
    Q_OBJECT
public:
    // SHOW TAG VALUES is limited to this many values per key.
    static constexpr int TagValueLimit = 1000;

    explicit BuilderSchemaLoader(Influx::Client *client, QObject *parent = nullptr);
    ~BuilderSchemaLoader() override;

    // An empty database answers at once with empty lists.
    void loadDatabase(const QString &database);
    // An empty measurement answers at once with empty lists.
    void loadMeasurement(const QString &database, const QString &retentionPolicy,
                         const QString &measurement, bool isRegex);
    // For the measurement of the last loadMeasurement(); answers at once from the cache.
    void loadTagValues(const QString &tagKey);
    // Abandons every running load.
    void cancel();
    bool isLoading() const;

Q_SIGNALS:
    // Lists sorted, without duplicates. defaultPolicy is empty when none is marked default.
    void databaseLoaded(const QString &database, const QStringList &retentionPolicies,
                        const QString &defaultPolicy, const QStringList &measurements);
    // fieldTypes: field key → "float", "integer", "string" or "boolean" (the first type seen
    // when a regex matches measurements that disagree).
    void measurementLoaded(const QMap<QString, QString> &fieldTypes, const QStringList &tagKeys);
    void tagValuesLoaded(const QString &tagKey, const QStringList &values);
    // A load failed (the server's message, translated context first).
    void failed(const QString &message);

private:
    Influx::QueryReply *start(const QString &text);
    static void abandon(QPointer<Influx::QueryReply> &reply);
    // False (and failed() emitted) when the request or one of its statements failed.
    bool succeeded(Influx::QueryReply *reply, const QString &what);

    QPointer<Influx::Client> m_client;
    QPointer<Influx::QueryReply> m_databaseReply;
    QPointer<Influx::QueryReply> m_measurementReply;
    QHash<QString, QPointer<Influx::QueryReply>> m_tagValueReplies;
    // The FROM and ON parts of the SHOW queries for the current measurement.
    QString m_on;
    QString m_from;
    QHash<QString, QStringList> m_tagValues;
};

} // namespace Explorer

#endif // EXPLORER_BUILDERSCHEMALOADER_H
