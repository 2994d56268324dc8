// SPDX-License-Identifier: MIT
#include "demodata.h"

#include "demoset.h"

#include <client.h>
#include <selectquery.h>

#include <QtCore/QDateTime>

using namespace Qt::StringLiterals;

namespace Explorer {

DemoData::DemoData(Influx::Client *client, QObject *parent) : QObject(parent), m_client(client)
{ }

DemoData::~DemoData()
{
    // No finished() from a half-destroyed object: just stop the requests.
    stopRequests();
}

QStringList DemoData::databaseNames()
{
    QStringList names;
    for (const auto &set : createDemoSets(Influx::Timestamp()))
        if (!names.contains(set->database()))
            names.append(set->database());
    return names;
}

qint64 DemoData::totalPoints()
{
    static const qint64 total = [] {
        qint64 sum = 0;
        for (const auto &set : createDemoSets(Influx::Timestamp()))
            sum += set->totalPoints();
        return sum;
    }();
    return total;
}

void DemoData::start()
{
    m_finished = false;
    m_error = {};
    m_written = 0;
    m_carry.clear();
    m_end = Influx::Timestamp::fromDateTime(QDateTime::currentDateTimeUtc())
                    .value_or(Influx::Timestamp());
    m_sets = createDemoSets(m_end);
    m_total = 0;
    for (const auto &set : m_sets)
        m_total += set->totalPoints();
    m_setIndex = 0;
    createDatabases();
}

void DemoData::createDatabases()
{
    QStringList statements;
    for (const auto &set : m_sets) {
        const QString database = Influx::Source::quoteIdentifier(set->database());
        const QString create = u"CREATE DATABASE "_s + database;
        if (!statements.contains(create))
            statements.append(create);
        if (!set->retentionPolicy().isEmpty()) {
            statements.append(u"CREATE RETENTION POLICY %1 ON %2 DURATION %3 REPLICATION 1"_s.arg(
                    Influx::Source::quoteIdentifier(set->retentionPolicy()), database,
                    set->retentionDuration()));
        }
    }
    Influx::QueryOptions options;
    options.httpVerb = "POST";
    Influx::QueryReply *reply = m_client->rawQuery(statements.join(u"; "_s), options);
    m_replies.append(reply);
    connect(reply, &Influx::Reply::finished, this, [this, reply] {
        reply->deleteLater();
        m_replies.removeAll(reply);
        const Influx::Error error =
                reply->error().isError() ? reply->error() : reply->result().firstError();
        if (error.isError())
            finish(error);
        else
            writeBatches();
    });
}

// Sends batches until MaxRequestsInFlight are running or everything is sent.
void DemoData::writeBatches()
{
    while (!m_finished && m_replies.size() < MaxRequestsInFlight) {
        while (m_setIndex < m_sets.size() && m_sets[m_setIndex]->atEnd() && m_carry.isEmpty())
            ++m_setIndex;
        if (m_setIndex >= m_sets.size()) {
            if (m_replies.isEmpty())
                finish({});
            return;
        }
        // A batch holds points of one set only: they share database and retention policy.
        DemoSet &set = *m_sets[m_setIndex];
        QList<Influx::DataPoint> batch = std::exchange(m_carry, {});
        batch.reserve(BatchSize + 200);
        while (batch.size() < BatchSize && !set.atEnd())
            set.appendNext(batch);
        if (batch.size() > BatchSize) // keep batches at exactly BatchSize points
            m_carry = batch.sliced(BatchSize);
        batch.resize(std::min<qsizetype>(batch.size(), BatchSize));
        if (batch.isEmpty())
            continue;

        Influx::WriteOptions options;
        options.database = set.database();
        if (!set.retentionPolicy().isEmpty())
            options.retentionPolicy = set.retentionPolicy();
        options.precision = Influx::Precision::Seconds;
        Influx::WriteReply *reply = m_client->writeMany(batch, options);
        m_replies.append(reply);
        const qsizetype count = batch.size();
        connect(reply, &Influx::Reply::finished, this, [this, reply, count] {
            reply->deleteLater();
            m_replies.removeAll(reply);
            if (reply->error().isError()) {
                finish(reply->error());
                return;
            }
            m_written += count;
            Q_EMIT progress(m_written, m_total);
            writeBatches(); // unless abort() was called from progress()
        });
    }
}

void DemoData::abort()
{
    if (m_sets.empty()) // not loading
        return;
    finish(Influx::Error(Influx::Error::Kind::Aborted, u"operation aborted"_s));
}

void DemoData::stopRequests()
{
    for (const QPointer<Influx::Reply> &reply : std::exchange(m_replies, {})) {
        if (reply) {
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void DemoData::finish(const Influx::Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    // After a failed batch (or an abort) the others' outcome no longer matters.
    stopRequests();
    m_sets.clear();
    m_carry.clear();
    Q_EMIT finished(error);
}

} // namespace Explorer
