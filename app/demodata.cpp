// SPDX-License-Identifier: MIT
#include "demodata.h"

#include <client.h>

#include <QtCore/QDateTime>

#include <array>
#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

constexpr qint64 StepSeconds = 10;

// A small deterministic random source (splitmix64): the standard distributions' output is
// implementation-defined, this is the same everywhere.
class Random
{
public:
    explicit Random(quint64 seed) : m_state(seed) { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double normal() // Box-Muller
    {
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2 * std::numbers::pi * u2);
    }

private:
    quint64 m_state;
};

double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

struct Host
{
    const char *name;
    const char *region;
    double cpuBase; // typical usage_user, percent
    double memoryBase; // typical used_percent
    qint64 memoryTotal;
    double traffic; // requests per 10 s, GET 200
};

constexpr std::array<Host, DemoData::Hosts> hosts = {{
        {"web-01", "eu-west", 22.0, 55.0, 16ll << 30, 140.0},
        {"web-02", "eu-west", 18.0, 48.0, 16ll << 30, 120.0},
        {"db-01", "us-east", 41.0, 71.0, 64ll << 30, 35.0},
        {"worker-01", "us-east", 63.0, 38.0, 32ll << 30, 12.0},
}};

constexpr std::array<const char *, 2> diskPaths = {"/", "/var"};
constexpr qint64 diskTotal = 500ll << 30;

} // namespace

// Produces the points timestamp by timestamp, carrying random walks from one to the next.
class DemoData::Generator
{
public:
    explicit Generator(Influx::Timestamp end)
    {
        const qint64 step = StepSeconds * 1'000'000'000ll;
        const qint64 endNs = end.nanoseconds() - end.nanoseconds() % step;
        m_first = endNs - qint64(Timestamps - 1) * step;
        for (int h = 0; h < Hosts; ++h) {
            m_memory[h] = hosts[h].memoryBase;
            for (int d = 0; d < 2; ++d)
                m_diskUsed[h][d] = (80ll + 40 * h + 90 * d) << 30;
        }
    }

    bool atEnd() const { return m_index >= Timestamps; }

    // Appends the points of the next timestamp (SeriesPerTimestamp of them).
    void appendNext(QList<Influx::DataPoint> &points)
    {
        using Influx::DataPoint;
        using Influx::Fields;
        using Influx::Tags;
        const Influx::Timestamp time = Influx::Timestamp::fromNanoseconds(
                m_first + m_index * StepSeconds * 1'000'000'000ll);
        // Load follows a slow wave over the 6 hours plus a faster one, like a working day.
        const double phase = double(m_index) / Timestamps;
        const double wave = 0.75 + 0.25 * std::sin(2 * std::numbers::pi * phase)
                + 0.08 * std::sin(2 * std::numbers::pi * phase * 9);

        for (int h = 0; h < Hosts; ++h) {
            const Host &host = hosts[h];
            const QString name = QString::fromLatin1(host.name);
            const QString region = QString::fromLatin1(host.region);

            // cpu: cpu-total and cpu0 (noisier).
            for (int c = 0; c < 2; ++c) {
                const double noise = c == 0 ? 2.0 : 6.0;
                const double user =
                        std::clamp(host.cpuBase * wave + noise * m_random.normal(), 0.5, 96.0);
                const double system =
                        std::clamp(user * 0.22 + 0.8 * m_random.normal(), 0.2, 99.0 - user);
                points.append(DataPoint(u"cpu"_s,
                                        Tags {{u"host"_s, name},
                                              {u"region"_s, region},
                                              {u"cpu"_s, c == 0 ? u"cpu-total"_s : u"cpu0"_s}},
                                        Fields {{u"usage_user"_s, round2(user)},
                                                {u"usage_system"_s, round2(system)},
                                                {u"usage_idle"_s, round2(100.0 - user - system)}},
                                        time));
            }

            // mem: a random walk pulled back to the host's typical use.
            m_memory[h] += 0.4 * m_random.normal() + 0.02 * (host.memoryBase - m_memory[h]);
            m_memory[h] = std::clamp(m_memory[h], 5.0, 97.0);
            const qint64 available =
                    qint64(double(host.memoryTotal) * (100.0 - m_memory[h]) / 100.0);
            points.append(DataPoint(
                    u"mem"_s, Tags {{u"host"_s, name}, {u"region"_s, region}},
                    Fields {{u"used_percent"_s, round2(m_memory[h])}, {u"available"_s, available}},
                    time));

            // disk: slowly filling, with a cleanup now and then.
            for (int d = 0; d < 2; ++d) {
                qint64 &used = m_diskUsed[h][d];
                used += qint64(m_random.uniform() * (d == 1 ? 6.0 : 1.5) * (1 << 20));
                if (m_random.uniform() < 0.0015)
                    used -= used / 20;
                points.append(DataPoint(
                        u"disk"_s,
                        Tags {{u"host"_s, name}, {u"path"_s, QString::fromLatin1(diskPaths[d])}},
                        Fields {{u"used"_s, used}, {u"free"_s, diskTotal - used}}, time));
            }

            // http_requests: counts per 10 s and mean latency per method and status.
            const bool incident = h == 2 && m_index >= 1300 && m_index < 1390;
            struct Route
            {
                const char *method;
                const char *status;
                double share;
                double latency;
            };
            constexpr std::array<Route, 3> routes = {{
                    {"GET", "200", 1.0, 38.0},
                    {"GET", "500", 0.004, 120.0},
                    {"POST", "201", 0.18, 95.0},
            }};
            for (const Route &route : routes) {
                double expected = host.traffic * route.share * wave;
                if (incident && route.status[0] == '5')
                    expected *= 60;
                const qint64 count = std::max<qint64>(
                        0, std::llround(expected + std::sqrt(expected + 0.25) * m_random.normal()));
                const double latency =
                        route.latency * (incident ? 4.0 : 1.0) * std::exp(0.25 * m_random.normal());
                points.append(DataPoint(
                        u"http_requests"_s,
                        Tags {{u"host"_s, name},
                              {u"method"_s, QString::fromLatin1(route.method)},
                              {u"status"_s, QString::fromLatin1(route.status)}},
                        Fields {{u"count"_s, count}, {u"latency_ms"_s, round2(latency)}}, time));
            }

            // service: the api's state (string) and health (boolean).
            QString state = u"ok"_s;
            if (incident)
                state = m_index < 1330 ? u"down"_s : u"degraded"_s;
            else if (m_random.uniform() < 0.002)
                state = u"degraded"_s;
            if (state == u"down"_s && m_lastState[h] != u"down"_s)
                ++m_restarts[h];
            m_lastState[h] = state;
            points.append(DataPoint(u"service"_s,
                                    Tags {{u"host"_s, name}, {u"service"_s, u"api"_s}},
                                    Fields {{u"state"_s, state},
                                            {u"healthy"_s, state == u"ok"_s},
                                            {u"restarts"_s, m_restarts[h]}},
                                    time));
        }
        ++m_index;
    }

private:
    Random m_random {20240601};
    qint64 m_first = 0;
    int m_index = 0;
    std::array<double, Hosts> m_memory {};
    std::array<std::array<qint64, 2>, Hosts> m_diskUsed {};
    std::array<qint64, Hosts> m_restarts {};
    std::array<QString, Hosts> m_lastState;
};

DemoData::DemoData(Influx::Client *client, QObject *parent) : QObject(parent), m_client(client)
{ }

DemoData::~DemoData()
{
    // No finished() from a half-destroyed object: just stop the request.
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
    }
}

QList<Influx::DataPoint> DemoData::generate(Influx::Timestamp end)
{
    QList<Influx::DataPoint> points;
    points.reserve(totalPoints());
    Generator generator(end);
    while (!generator.atEnd())
        generator.appendNext(points);
    return points;
}

void DemoData::start()
{
    m_finished = false;
    m_error = {};
    m_written = 0;
    const auto now = Influx::Timestamp::fromDateTime(QDateTime::currentDateTimeUtc());
    m_generator = std::make_unique<Generator>(now.value_or(Influx::Timestamp()));

    Influx::QueryOptions options;
    options.httpVerb = "POST";
    Influx::QueryReply *reply = m_client->rawQuery(u"CREATE DATABASE "_s + databaseName(), options);
    m_reply = reply;
    connect(reply, &Influx::Reply::finished, this, [this, reply] {
        reply->deleteLater();
        const Influx::Error error =
                reply->error().isError() ? reply->error() : reply->result().firstError();
        if (error.isError())
            finish(error);
        else
            writeNextBatch();
    });
}

void DemoData::writeNextBatch()
{
    if (m_generator->atEnd() && m_carry.isEmpty()) {
        finish({});
        return;
    }
    QList<Influx::DataPoint> batch = std::exchange(m_carry, {});
    batch.reserve(BatchSize + SeriesPerTimestamp);
    while (batch.size() < BatchSize && !m_generator->atEnd())
        m_generator->appendNext(batch);
    if (batch.size() > BatchSize) // keep batches at exactly BatchSize points
        m_carry = batch.sliced(BatchSize);
    batch.resize(std::min<qsizetype>(batch.size(), BatchSize));

    Influx::WriteOptions options;
    options.database = databaseName();
    options.precision = Influx::Precision::Seconds;
    Influx::WriteReply *reply = m_client->writeMany(batch, options);
    m_reply = reply;
    const qsizetype count = batch.size();
    connect(reply, &Influx::Reply::finished, this, [this, reply, count] {
        reply->deleteLater();
        if (reply->error().isError()) {
            finish(reply->error());
            return;
        }
        m_written += count;
        Q_EMIT progress(m_written, totalPoints());
        writeNextBatch();
    });
}

void DemoData::abort()
{
    if (m_reply && !m_finished)
        m_reply->abort();
}

void DemoData::finish(const Influx::Error &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    m_generator.reset();
    m_carry.clear();
    Q_EMIT finished(error);
}

} // namespace Explorer
