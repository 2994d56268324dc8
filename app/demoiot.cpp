// SPDX-License-Identifier: MIT
// The "iot" database: building sensors at 1 s resolution, and door events.
//
// The last 6 hours, every second, ending at the end time rounded down to a second.
//   environment  tags building (hq), room (lab, office, server-room)
//                fields temperature (float, °C), humidity (float, %), co2_ppm (int)
//   door         tags room   fields state (string: open, closed), badge (string: names with
//                spaces, commas, quotes and accents, for the escaping)
// The office fills up during the (UTC) working day: CO2 and temperature rise with it. The
// server room's air conditioning cycles, which draws a sawtooth. Doors open at irregular
// times, more often when people are around; each visit is an "open" and a "closed" event.
// 21,600 seconds × 3 rooms + 860 visits × 2 = 66,520 points.
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

constexpr qint64 Seconds = 6 * SecondsPerHour;
constexpr int Rooms = 3;
enum Room { Lab, Office, ServerRoom };

struct RoomSpec
{
    const char *name;
    int visits; // door visits in the 6 hours
    double meanOpenSeconds;
    double maxOpenSeconds;
    std::array<const char *, 4> badges;
};

constexpr std::array<RoomSpec, Rooms> rooms = {{
        {"lab", 300, 8.0, 90.0, {"Grace Hopper", "K. O'Neil", "R&D shared=2", "Zoë \"Z\" Brandt"}},
        {"office", 500, 5.0, 60.0, {"A. Lovelace", "Müller, Jörg", "Grace Hopper", "visitor #7"}},
        {"server-room",
         60,
         120.0,
         600.0,
         {"ops, night shift", "A. Lovelace", "ops, night shift", "vendor: Acme \"DC\" team"}},
}};

// How busy a room is at a time, 0 to about 1.
double occupancy(Room room, qint64 second)
{
    switch (room) {
    case Lab:
        return 0.7 * dayCurve(second, 14.0);
    case Office:
        return dayCurve(second, 12.5);
    case ServerRoom:
        break;
    }
    return 0.02;
}

struct DoorEvent
{
    qint64 second;
    bool open;
    QString badge;
};

class IotSet final : public DemoSet
{
public:
    explicit IotSet(Influx::Timestamp end)
        : m_last(endSecond(end, 1)), m_first(m_last - (Seconds - 1)), m_second(m_first)
    {
        for (int r = 0; r < Rooms; ++r) {
            const QString name = QString::fromLatin1(rooms[r].name);
            m_environmentTags[r] = {{u"building"_s, u"hq"_s}, {u"room"_s, name}};
            m_doorTags[r] = {{u"room"_s, name}};
            planDoor(Room(r));
        }
        m_temperature = {20.5, 20.0, 23.5};
        m_humidity = {42.0, 44.0, 38.0};
        m_co2 = {450.0 + 400.0 * occupancy(Lab, m_first),
                 430.0 + 700.0 * occupancy(Office, m_first), 440.0};
    }

    QString database() const override { return u"iot"_s; }
    qint64 totalPoints() const override
    {
        qint64 total = Seconds * Rooms;
        for (const RoomSpec &room : rooms)
            total += 2 * room.visits;
        return total;
    }
    bool atEnd() const override { return m_second > m_last; }

    void appendNext(QList<DataPoint> &points) override
    {
        const Influx::Timestamp time = atSecond(m_second);
        for (int r = 0; r < Rooms; ++r) {
            step(Room(r));
            points.append(DataPoint(
                    u"environment"_s, m_environmentTags[r],
                    Fields {{u"temperature"_s, round2(m_temperature[r] + 0.02 * m_random.normal())},
                            {u"humidity"_s, round1(m_humidity[r])},
                            {u"co2_ppm"_s, qint64(std::lround(m_co2[r]))}},
                    time));
            const QList<DoorEvent> &events = m_doorEvents[r];
            for (qsizetype &next = m_nextDoorEvent[r];
                 next < events.size() && events[next].second == m_second; ++next) {
                points.append(
                        DataPoint(u"door"_s, m_doorTags[r],
                                  Fields {{u"state"_s, events[next].open ? u"open"_s : u"closed"_s},
                                          {u"badge"_s, events[next].badge}},
                                  time));
            }
        }
        ++m_second;
    }

private:
    // One second of a room's climate: first-order lags towards targets that follow the
    // room's use, with small random walks.
    void step(Room room)
    {
        const double busy = occupancy(room, m_second);
        double &temperature = m_temperature[room];
        double &humidity = m_humidity[room];
        double &co2 = m_co2[room];
        if (room == ServerRoom) {
            // The air conditioning switches on at 24.5 °C and off at 22.5 °C.
            if (temperature > 24.5)
                m_cooling = true;
            else if (temperature < 22.5)
                m_cooling = false;
            temperature += (m_cooling ? -0.006 : 0.004) + 0.002 * m_random.normal();
            humidity += ((m_cooling ? 34.0 : 40.0) - humidity) / 400.0 + 0.01 * m_random.normal();
            co2 += (440.0 - co2) / 1800.0 + 0.3 * m_random.normal();
            return;
        }
        // Heating from 06:00 to 18:00 UTC, and the heat of the people in the room.
        const double hour = hourOfDay(m_second);
        const double heating = hour >= 6.0 && hour < 18.0 ? 1.0 : 0.0;
        const double base = room == Office ? 19.0 : 19.5;
        const double target = base + 2.5 * heating + 1.5 * busy;
        temperature += (target - temperature) / 900.0 + 0.003 * m_random.normal();
        humidity += (48.0 - 2.0 * (temperature - 20.0) + 6.0 * busy - humidity) / 900.0
                + 0.02 * m_random.normal();
        const double people = room == Office ? 700.0 : 400.0;
        co2 += (425.0 + people * busy - co2) / 1200.0 + 0.4 * m_random.normal();
    }

    // The room's visits: irregular arrivals following its occupancy, each an open and a
    // closed event; a door closes before the next visit opens it.
    void planDoor(Room room)
    {
        const RoomSpec &spec = rooms[room];
        Random random(7100 + room);
        const QList<qint64> opens =
                arrivalTimes(m_first, m_last - 1, spec.visits, 2, random,
                             [room](qint64 second) { return 0.05 + occupancy(room, second); });
        QList<DoorEvent> &events = m_doorEvents[room];
        for (qsizetype k = 0; k < opens.size(); ++k) {
            const QString badge = QString::fromUtf8(spec.badges[random.below(4)]);
            const double open = std::min(1.0 + spec.meanOpenSeconds * random.exponential(),
                                         spec.maxOpenSeconds);
            const qint64 limit = k + 1 < opens.size() ? opens[k + 1] - 1 : m_last;
            const qint64 close = std::min(opens[k] + qint64(open), limit);
            events.append({opens[k], true, badge});
            events.append({std::max(close, opens[k] + 1), false, badge});
        }
    }

    Random m_random {7001};
    qint64 m_last;
    qint64 m_first;
    qint64 m_second;
    std::array<Tags, Rooms> m_environmentTags;
    std::array<Tags, Rooms> m_doorTags;
    std::array<double, Rooms> m_temperature {};
    std::array<double, Rooms> m_humidity {};
    std::array<double, Rooms> m_co2 {};
    bool m_cooling = false;
    std::array<QList<DoorEvent>, Rooms> m_doorEvents;
    std::array<qsizetype, Rooms> m_nextDoorEvent {};
};

} // namespace

std::unique_ptr<DemoSet> createIotSet(Influx::Timestamp end)
{
    return std::make_unique<IotSet>(end);
}

} // namespace Explorer
