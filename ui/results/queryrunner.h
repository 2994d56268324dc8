// SPDX-License-Identifier: MIT
#ifndef EXPLORER_QUERYRUNNER_H
#define EXPLORER_QUERYRUNNER_H

#include "history/queryhistory.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>

namespace Influx {
class Client;
} // namespace Influx

namespace Explorer {

class ResultsPanel;

// Runs InfluxQL through the shared client into one ResultsPanel, and turns each finished run
// into a history entry. The query tabs and builder tabs each own one.
//
// refresh() re-runs the last query against the same database (the chart's auto-refresh): the
// chart keeps showing the previous result until the new one is in, and the run is not added to
// the history (a 5 s refresh would bury everything else).
//
// Not owned: the client and the panel (both must outlive the runner; the panel is usually the
// runner's sibling in the same page).
class QueryRunner : public QObject
{
    Q_OBJECT
public:
    QueryRunner(Influx::Client *client, ResultsPanel *results, QObject *parent = nullptr);

    // Starts text against database (empty: the client's default). Blank text does nothing.
    void run(const QString &text, const QString &database);
    // Re-runs the last query; does nothing while a run is in progress or before the first run.
    void refresh();
    void cancel();

    bool isRunning() const { return m_running; }
    QString lastQuery() const { return m_query; }
    QString lastDatabase() const { return m_database; }
    // How many refresh() calls started a run (for tests and the status text).
    int refreshCount() const { return m_refreshes; }

Q_SIGNALS:
    void runningChanged(bool running);
    // A run started by run() ended (refreshes are not reported).
    void queryFinished(const Explorer::QueryHistory::Entry &entry);

private:
    void start(bool refresh);
    void onFinished(qint64 rows, qint64 elapsedMs, const QString &errorText);

    QPointer<Influx::Client> m_client;
    ResultsPanel *m_results;
    QString m_query;
    QString m_database;
    bool m_running = false;
    bool m_refreshing = false;
    int m_refreshes = 0;
};

} // namespace Explorer

#endif // EXPLORER_QUERYRUNNER_H
