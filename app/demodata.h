// SPDX-License-Identifier: MIT
#ifndef EXPLORER_DEMODATA_H
#define EXPLORER_DEMODATA_H

#include <datapoint.h>
#include <error.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

#include <memory>
#include <vector>

namespace Influx {
class Client;
class Reply;
} // namespace Influx

namespace Explorer {

class DemoSet;

// Loads the demo data set, a few realistic databases for trying the explorer (see demoset.h
// for what each holds):
//   demo  infrastructure monitoring, 3 days at 30 s             311,040 points
//   iot   building sensors every second and door events, 6 h    66,520 points
//   shop  orders and page views over 3 days                      36,960 points
//         + hourly rollups in the retention policy "one_year"    213 points
// ending at the time start() is called. Everything but the end time is deterministic.
//
// Usage: DemoData demo(&client); connect finished(); demo.start(). One request creates the
// databases and the retention policies the sets name (not as default); then the sets' points
// are written set after set, in batches of 5000 with second precision, at most two requests
// in flight. Loading into existing databases adds points. The client is not owned; it must
// outlive this object.
class DemoData : public QObject
{
    Q_OBJECT
public:
    static constexpr int BatchSize = 5000;
    static constexpr int MaxRequestsInFlight = 2;

    explicit DemoData(Influx::Client *client, QObject *parent = nullptr);
    ~DemoData() override;

    // The database to query by default: the monitoring one.
    static QString databaseName() { return QStringLiteral("demo"); }
    // Every database the demo creates, in loading order.
    static QStringList databaseNames();
    // Over all sets; the same whatever the end time.
    static qint64 totalPoints();

    // Creates the databases and writes the data; finished() follows (also on failure).
    void start();
    // Stops loading (also from a progress() slot): finished() follows at once with an Aborted
    // error. What was written stays.
    void abort();
    bool isFinished() const { return m_finished; }
    Influx::Error error() const { return m_error; }
    qint64 pointsWritten() const { return m_written; }
    // The end time the data was generated for (the time start() was called); the sets built
    // with createDemoSets(end()) hold exactly the points loaded.
    Influx::Timestamp end() const { return m_end; }

Q_SIGNALS:
    void progress(qint64 pointsWritten, qint64 totalPoints);
    void finished(const Influx::Error &error);

private:
    void createDatabases();
    void writeBatches();
    void stopRequests();
    void finish(const Influx::Error &error);

    Influx::Client *m_client;
    std::vector<std::unique_ptr<DemoSet>> m_sets;
    size_t m_setIndex = 0;
    QList<Influx::DataPoint> m_carry; // generated beyond the last batch
    qint64 m_written = 0;
    qint64 m_total = 0;
    Influx::Timestamp m_end;
    QList<QPointer<Influx::Reply>> m_replies; // running
    Influx::Error m_error;
    bool m_finished = false;
};

} // namespace Explorer

#endif // EXPLORER_DEMODATA_H
