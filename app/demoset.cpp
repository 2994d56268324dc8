// SPDX-License-Identifier: MIT
#include "demoset.h"

namespace Explorer {

QList<Influx::DataPoint> DemoSet::takeAll()
{
    QList<Influx::DataPoint> points;
    while (!atEnd())
        appendNext(points);
    return points;
}

std::vector<std::unique_ptr<DemoSet>> createDemoSets(Influx::Timestamp end)
{
    std::vector<std::unique_ptr<DemoSet>> sets;
    sets.push_back(createMonitoringSet(end));
    sets.push_back(createIotSet(end));
    sets.push_back(createShopSet(end));
    sets.push_back(createShopRollupSet(end));
    return sets;
}

} // namespace Explorer
