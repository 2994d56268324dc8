// SPDX-License-Identifier: MIT
#include "results/queryrunner.h"

#include "results/resultspanel.h"

#include "client.h"

namespace Explorer {

QueryRunner::QueryRunner(Influx::Client *client, ResultsPanel *results, QObject *parent)
    : QObject(parent), m_client(client), m_results(results)
{
    connect(m_results, &ResultsPanel::queryFinished, this, &QueryRunner::onFinished);
    connect(m_results, &ResultsPanel::refreshRequested, this, &QueryRunner::refresh);
}

void QueryRunner::run(const QString &text, const QString &database)
{
    if (text.trimmed().isEmpty())
        return;
    m_query = text.trimmed();
    m_database = database.trimmed();
    start(false);
}

void QueryRunner::refresh()
{
    if (m_running || m_query.isEmpty())
        return;
    ++m_refreshes;
    start(true);
}

void QueryRunner::cancel()
{
    m_results->cancel();
}

void QueryRunner::start(bool refresh)
{
    if (!m_client)
        return;
    Influx::QueryOptions options;
    if (!m_database.isEmpty())
        options.database = m_database;
    Influx::QueryReply *reply = m_client->rawQuery(m_query, options);
    m_refreshing = refresh;
    // The panel owns the reply from now on.
    m_results->setReply(reply,
                        refresh ? ResultsPanel::RunKind::Refresh : ResultsPanel::RunKind::NewQuery);
    if (!m_running) {
        m_running = true;
        Q_EMIT runningChanged(true);
    }
}

void QueryRunner::onFinished(qint64 rows, qint64 elapsedMs, const QString &errorText)
{
    const bool wasRefresh = m_refreshing;
    m_refreshing = false;
    m_running = false;
    Q_EMIT runningChanged(false);
    if (wasRefresh)
        return;
    QueryHistory::Entry entry;
    entry.query = m_query;
    entry.when = QDateTime::currentDateTimeUtc();
    entry.elapsedMs = elapsedMs;
    entry.rows = rows;
    entry.error = errorText;
    Q_EMIT queryFinished(entry);
}

} // namespace Explorer
