// SPDX-License-Identifier: MIT
#ifndef EXPLORER_DEMODATA_H
#define EXPLORER_DEMODATA_H

#include <datapoint.h>
#include <error.h>

#include <QtCore/QObject>
#include <QtCore/QPointer>

#include <memory>

namespace Influx {
class Client;
class Reply;
} // namespace Influx

namespace Explorer {

// The demo data set: a small, realistic monitoring database for trying the explorer.
//
// Four hosts in two regions, the last 6 hours at 10 s resolution, ending at "now" (rounded
// down to 10 s). Everything but the end time is deterministic (fixed seed), so two loads a
// minute apart differ only by a shift in time.
//   cpu            tags host, region, cpu (cpu-total, cpu0)  fields usage_user, usage_system,
//                                                                  usage_idle (float)
//   mem            tags host, region        fields used_percent (float), available (int, bytes)
//   disk           tags host, path (/, /var)  fields used, free (int, bytes)
//   http_requests  tags host, method, status (GET 200, GET 500, POST 201)
//                                           fields count (int), latency_ms (float)
//   service        tags host, service (api)  fields state (string: ok, degraded, down),
//                                                  healthy (bool), restarts (int)
// 2160 timestamps × 36 series = 77,760 points, written in batches of 5000 with second
// precision.
//
// Usage: DemoData demo(&client); connect finished(); demo.start(). The database is created
// first (POST "CREATE DATABASE demo"); loading into an existing one adds points.
class DemoData : public QObject
{
    Q_OBJECT
public:
    static constexpr int Hosts = 4;
    static constexpr int Timestamps = 6 * 360; // 6 hours at 10 s
    static constexpr int SeriesPerTimestamp = 36;
    static constexpr int BatchSize = 5000;

    explicit DemoData(Influx::Client *client, QObject *parent = nullptr);
    ~DemoData() override;

    static QString databaseName() { return QStringLiteral("demo"); }
    static qint64 totalPoints() { return qint64(Timestamps) * SeriesPerTimestamp; }

    // The points for the 6 hours ending at `end` (rounded down to 10 s), in time order;
    // deterministic for a given end. For tests and for panels that want the data without a
    // server. start() generates batch by batch instead of holding all of it.
    static QList<Influx::DataPoint> generate(Influx::Timestamp end);

    // Creates the database and writes the data; finished() follows (also on failure).
    void start();
    void abort();
    bool isFinished() const { return m_finished; }
    Influx::Error error() const { return m_error; }
    qint64 pointsWritten() const { return m_written; }

Q_SIGNALS:
    void progress(qint64 pointsWritten, qint64 totalPoints);
    void finished(const Influx::Error &error);

private:
    void writeNextBatch();
    void finish(const Influx::Error &error);

    Influx::Client *m_client;
    class Generator;
    std::unique_ptr<Generator> m_generator;
    QList<Influx::DataPoint> m_carry; // generated beyond the last batch
    qint64 m_written = 0;
    QPointer<Influx::Reply> m_reply;
    Influx::Error m_error;
    bool m_finished = false;
};

} // namespace Explorer

#endif // EXPLORER_DEMODATA_H
