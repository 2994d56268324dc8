// SPDX-License-Identifier: MIT
#ifndef EXPLORER_DEMOSET_H
#define EXPLORER_DEMOSET_H

#include <datapoint.h>

#include <QtCore/QList>
#include <QtCore/QString>

#include <memory>
#include <vector>

namespace Explorer {

// One generated part of the demo data: the points of one database (and retention policy),
// produced step by step so that a loader never holds all of them.
//
// Every set is a deterministic function of the end time it is built with (fixed seeds):
// building it twice with the same end gives the same points. The daily cycles follow the UTC
// clock (shops are busy in their region's afternoon), so ends a whole number of days apart
// give the same points shifted in time; other ends give the same number of points. All times
// are whole seconds (written with second precision), none after the end, and no two points
// share measurement, tags and time (the server would merge them).
class DemoSet
{
public:
    virtual ~DemoSet() = default;

    virtual QString database() const = 0;
    // Where the points go: empty for the database's default policy. A set that names one
    // also gives its duration (InfluxQL, e.g. "52w"); the loader creates it, not as default.
    virtual QString retentionPolicy() const { return {}; }
    virtual QString retentionDuration() const { return {}; }
    // The same for every end time.
    virtual qint64 totalPoints() const = 0;

    virtual bool atEnd() const = 0;
    // Appends the points of the next step (a timestamp, a minute, an hour: a few hundred
    // points at most).
    virtual void appendNext(QList<Influx::DataPoint> &points) = 0;

    // All remaining points; for tests and for panels that want the data without a server.
    QList<Influx::DataPoint> takeAll();
};

// The sets, in loading order, for the data ending at `end`:
//   demo  monitoring: cpu, mem, disk, http_requests, service; 4 hosts, 3 days at 30 s
//   iot   environment (3 rooms, every second) and door events, the last 6 hours
//   shop  orders (irregular) and page_views per minute over 3 days, and hourly page_views
//         rollups in the retention policy "one_year"
std::vector<std::unique_ptr<DemoSet>> createDemoSets(Influx::Timestamp end);

std::unique_ptr<DemoSet> createMonitoringSet(Influx::Timestamp end);
std::unique_ptr<DemoSet> createIotSet(Influx::Timestamp end);
std::unique_ptr<DemoSet> createShopSet(Influx::Timestamp end);
std::unique_ptr<DemoSet> createShopRollupSet(Influx::Timestamp end);

} // namespace Explorer

#endif // EXPLORER_DEMOSET_H
