// SPDX-License-Identifier: MIT
#ifndef EXPLORER_SCHEMACATALOG_H
#define EXPLORER_SCHEMACATALOG_H

#include "error.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

namespace Influx {
class Client;
class QueryReply;
class Reply;
} // namespace Influx

namespace Explorer {

// The names of one database for editor completion: measurements, field keys and tag keys,
// fetched with one query of three SHOW statements. A newer load() cancels the one running.
// The server answers SHOW FIELD KEYS without FROM from the default retention policy only, so
// fields that exist only in other policies are not listed.
// The client is not owned and must outlive the catalog.
class SchemaCatalog : public QObject
{
    Q_OBJECT
public:
    explicit SchemaCatalog(Influx::Client *client, QObject *parent = nullptr);
    ~SchemaCatalog() override;

    void load(const QString &database);
    // Stops a running load (no signal is emitted for it).
    void cancel();
    bool isLoading() const { return !m_reply.isNull(); }

    // The result of the last successful load().
    QString database() const { return m_database; }
    QStringList measurements() const { return m_measurements; }
    QStringList fieldKeys() const { return m_fieldKeys; }
    QStringList tagKeys() const { return m_tagKeys; }

Q_SIGNALS:
    // The lists are sorted and without duplicates.
    void loaded(const QString &database, const QStringList &measurements,
                const QStringList &fieldKeys, const QStringList &tagKeys);
    void failed(const QString &database, const Influx::Error &error);

private:
    void onFinished(Influx::Reply *reply);

    QPointer<Influx::Client> m_client;
    QPointer<Influx::QueryReply> m_reply;
    QString m_loading;
    QString m_database;
    QStringList m_measurements;
    QStringList m_fieldKeys;
    QStringList m_tagKeys;
};

} // namespace Explorer

#endif // EXPLORER_SCHEMACATALOG_H
