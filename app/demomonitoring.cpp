// SPDX-License-Identifier: MIT
// The "demo" database: infrastructure monitoring as Telegraf would collect it.
//
// Four hosts in two regions, the last 3 days at 30 s, ending at the end time rounded down to
// 30 s. Load follows each host's day (web servers peak in the European afternoon, the
// database in the American one, the worker runs its batch jobs at night), and db-01 has an
// incident nine hours before the end: its api goes down for 5 minutes, then is degraded for
// 10, with errors and latency up.
//   cpu            tags host, region, cpu (cpu-total, cpu0)  fields usage_user, usage_system,
//                                                                  usage_idle (float)
//   mem            tags host, region        fields used_percent (float), available (int, bytes)
//   disk           tags host, path (/, /var)  fields used, free (int, bytes)
//   http_requests  tags host, method, status (GET 200, GET 500, POST 201)
//                                           fields count (int), latency_ms (float)
//   service        tags host, service (api)  fields state (string: ok, degraded, down),
//                                                  healthy (bool), restarts (int)
// 8640 timestamps × 36 series = 311,040 points.
#include "demoset.h"
#include "demosupport.h"

#include <array>

using namespace Qt::StringLiterals;

namespace Explorer {

namespace {

using namespace Demo;
using Influx::DataPoint;
using Influx::Fields;
using Influx::Tags;

constexpr qint64 Step = 30;
constexpr int Timestamps = 3 * 24 * 120; // 3 days at 30 s
constexpr int Hosts = 4;
constexpr int SeriesPerTimestamp = 36;
constexpr int IncidentStart = Timestamps - 1 - 9 * 120; // 9 hours before the end
constexpr int IncidentDown = 10; // steps: 5 minutes down, then degraded
constexpr int IncidentLength = 30; // 15 minutes in all

struct Host
{
    const char *name;
    const char *region;
    double cpuBase; // usage_user at the daily peak, percent
    double memoryBase; // typical used_percent
    qint64 memoryTotal;
    double traffic; // GET 200 requests per 30 s at the daily peak
    double peakHour; // UTC
};

constexpr std::array<Host, Hosts> hosts = {{
        {"web-01", "eu-west", 26.0, 55.0, 16ll << 30, 420.0, 13.5},
        {"web-02", "eu-west", 21.0, 48.0, 16ll << 30, 360.0, 13.5},
        {"db-01", "us-east", 48.0, 71.0, 64ll << 30, 105.0, 18.5},
        {"worker-01", "us-east", 74.0, 38.0, 32ll << 30, 36.0, 2.0},
}};

struct Route
{
    const char *method;
    const char *status;
    double share; // of the GET 200 traffic
    double latency; // typical, ms
};

constexpr std::array<Route, 3> routes = {{
        {"GET", "200", 1.0, 38.0},
        {"GET", "500", 0.004, 120.0},
        {"POST", "201", 0.18, 95.0},
}};

constexpr qint64 diskTotal = 500ll << 30;

class MonitoringSet final : public DemoSet
{
public:
    explicit MonitoringSet(Influx::Timestamp end)
        : m_first(endSecond(end, Step) - (Timestamps - 1) * Step)
    {
        for (int h = 0; h < Hosts; ++h) {
            const Host &host = hosts[h];
            const QString name = QString::fromLatin1(host.name);
            const QString region = QString::fromLatin1(host.region);
            // Built once: the points share them (implicit sharing) instead of copying.
            HostTags &tags = m_tags[h];
            tags.cpu[0] = {{u"host"_s, name}, {u"region"_s, region}, {u"cpu"_s, u"cpu-total"_s}};
            tags.cpu[1] = {{u"host"_s, name}, {u"region"_s, region}, {u"cpu"_s, u"cpu0"_s}};
            tags.mem = {{u"host"_s, name}, {u"region"_s, region}};
            tags.disk[0] = {{u"host"_s, name}, {u"path"_s, u"/"_s}};
            tags.disk[1] = {{u"host"_s, name}, {u"path"_s, u"/var"_s}};
            for (size_t r = 0; r < routes.size(); ++r) {
                tags.http[r] = {{u"host"_s, name},
                                {u"method"_s, QString::fromLatin1(routes[r].method)},
                                {u"status"_s, QString::fromLatin1(routes[r].status)}};
            }
            tags.service = {{u"host"_s, name}, {u"service"_s, u"api"_s}};
            m_memory[h] = host.memoryBase;
            for (int d = 0; d < 2; ++d)
                m_diskUsed[h][d] = (80ll + 40 * h + 90 * d) << 30;
            m_lastState[h] = u"ok"_s;
        }
    }

    QString database() const override { return u"demo"_s; }
    qint64 totalPoints() const override { return qint64(Timestamps) * SeriesPerTimestamp; }
    bool atEnd() const override { return m_index >= Timestamps; }

    void appendNext(QList<DataPoint> &points) override
    {
        const qint64 second = m_first + m_index * Step;
        const Influx::Timestamp time = atSecond(second);
        const bool incidentNow =
                m_index >= IncidentStart && m_index < IncidentStart + IncidentLength;
        for (int h = 0; h < Hosts; ++h) {
            const Host &host = hosts[h];
            const HostTags &tags = m_tags[h];
            // The day's load, with a 45-minute wobble so that the curve is not too smooth
            // (taken modulo its period, which divides a day, so that days repeat exactly).
            const double load = 0.3 + 0.75 * dayCurve(second, host.peakHour)
                    + 0.05 * std::sin(2 * std::numbers::pi * double(second % 2700) / 2700.0 + h);

            // cpu: cpu-total and cpu0 (noisier).
            for (int c = 0; c < 2; ++c) {
                const double noise = c == 0 ? 1.5 : 5.0;
                const double user =
                        std::clamp(host.cpuBase * load + noise * m_random.normal(), 0.5, 96.0);
                const double system =
                        std::clamp(user * 0.22 + 0.8 * m_random.normal(), 0.2, 99.0 - user);
                points.append(DataPoint(u"cpu"_s, tags.cpu[c],
                                        Fields {{u"usage_user"_s, round2(user)},
                                                {u"usage_system"_s, round2(system)},
                                                {u"usage_idle"_s, round2(100.0 - user - system)}},
                                        time));
            }

            // mem: a random walk pulled back to the host's typical use, a little higher
            // when busy.
            const double memoryTarget = host.memoryBase + 8.0 * (load - 0.6);
            m_memory[h] += 0.7 * m_random.normal() + 0.06 * (memoryTarget - m_memory[h]);
            m_memory[h] = std::clamp(m_memory[h], 5.0, 97.0);
            const qint64 available =
                    qint64(double(host.memoryTotal) * (100.0 - m_memory[h]) / 100.0);
            points.append(DataPoint(
                    u"mem"_s, tags.mem,
                    Fields {{u"used_percent"_s, round2(m_memory[h])}, {u"available"_s, available}},
                    time));

            // disk: / fills slowly with a rare cleanup; /var with the logs, rotated at 03:00.
            for (int d = 0; d < 2; ++d) {
                qint64 &used = m_diskUsed[h][d];
                if (d == 0) {
                    used += qint64(m_random.uniform() * 4.5 * (1 << 20));
                    if (m_random.uniform() < 0.0005)
                        used -= used / 20;
                } else {
                    used += qint64(m_random.uniform() * 18.0 * load * (1 << 20));
                    if (second % SecondsPerDay == 3 * SecondsPerHour)
                        used -= used / 25;
                }
                points.append(DataPoint(u"disk"_s, tags.disk[d],
                                        Fields {{u"used"_s, used}, {u"free"_s, diskTotal - used}},
                                        time));
            }

            // http_requests: counts per 30 s and mean latency per method and status.
            const bool incident = h == 2 && incidentNow;
            for (size_t r = 0; r < routes.size(); ++r) {
                const Route &route = routes[r];
                double expected = host.traffic * route.share * load;
                if (incident && route.status[0] == '5')
                    expected *= 60;
                const qint64 count = std::max<qint64>(
                        0, std::llround(expected + std::sqrt(expected + 0.25) * m_random.normal()));
                // Busy servers answer a little slower.
                const double latency = route.latency * (incident ? 4.0 : 0.85 + 0.3 * load)
                        * std::exp(0.25 * m_random.normal());
                points.append(DataPoint(
                        u"http_requests"_s, tags.http[r],
                        Fields {{u"count"_s, count}, {u"latency_ms"_s, round2(latency)}}, time));
            }

            // service: the api's state (string) and health (boolean).
            QString state = u"ok"_s;
            if (incident)
                state = m_index < IncidentStart + IncidentDown ? u"down"_s : u"degraded"_s;
            else if (m_random.uniform() < 0.002)
                state = u"degraded"_s;
            if (state == u"down"_s && m_lastState[h] != u"down"_s)
                ++m_restarts[h];
            m_lastState[h] = state;
            points.append(DataPoint(u"service"_s, tags.service,
                                    Fields {{u"state"_s, state},
                                            {u"healthy"_s, state == u"ok"_s},
                                            {u"restarts"_s, m_restarts[h]}},
                                    time));
        }
        ++m_index;
    }

private:
    struct HostTags
    {
        std::array<Tags, 2> cpu;
        Tags mem;
        std::array<Tags, 2> disk;
        std::array<Tags, routes.size()> http;
        Tags service;
    };

    Random m_random {20240601};
    qint64 m_first;
    int m_index = 0;
    std::array<HostTags, Hosts> m_tags;
    std::array<double, Hosts> m_memory {};
    std::array<std::array<qint64, 2>, Hosts> m_diskUsed {};
    std::array<qint64, Hosts> m_restarts {};
    std::array<QString, Hosts> m_lastState;
};

} // namespace

std::unique_ptr<DemoSet> createMonitoringSet(Influx::Timestamp end)
{
    return std::make_unique<MonitoringSet>(end);
}

} // namespace Explorer
