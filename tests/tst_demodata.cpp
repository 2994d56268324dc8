// SPDX-License-Identifier: MIT
// The demo data: the generators (deterministic, complete, valid line protocol, the promised
// shapes and daily cycles) and a full load into a private influxd of this test's own (the
// database names are fixed, so the shared fixture server would see other tests' runs collide),
// checked with count queries, SHOW RETENTION POLICIES and an exact round trip of the door
// events with their awkward badges.
#include "demodata.h"
#include "demoset.h"
#include "testserver.h"

#include <client.h>
#include <lineprotocol.h>
#include <localserver.h>

#include <QtCore/QElapsedTimer>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <algorithm>
#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono;
using Explorer::DemoData;
using Explorer::DemoSet;
using Influx::DataPoint;
using Influx::FieldValue;
using Influx::Timestamp;

namespace {

constexpr qint64 NsPerSecond = 1'000'000'000;
constexpr qint64 Hour = 3600;
constexpr qint64 Day = 86400;

enum SetIndex { Monitoring, Iot, Shop, ShopRollups };
constexpr std::array<qint64, 4> expectedTotals = {311040, 66520, 36960, 213};

Timestamp utc(int y, int mo, int d, int h, int mi, int s)
{
    return sys_days(year(y) / mo / d) + hours(h) + minutes(mi) + seconds(s);
}

qint64 secondsOf(Timestamp time)
{
    return time.nanoseconds() / NsPerSecond;
}

qint64 secondOf(const DataPoint &point)
{
    return secondsOf(point.time().timestamp().value_or(Timestamp()));
}

// [0, 24): the UTC hour of a point.
int hourOf(const DataPoint &point)
{
    return int((secondOf(point) % Day) / Hour);
}

QList<DataPoint> generate(SetIndex set, Timestamp end)
{
    return Explorer::createDemoSets(end)[set]->takeAll();
}

QList<DataPoint> only(const QList<DataPoint> &points, const QString &measurement,
                      const Influx::Tags &tags = {})
{
    QList<DataPoint> result;
    for (const DataPoint &point : points) {
        if (point.measurement() != measurement)
            continue;
        const Influx::Tags pointTags = point.tags();
        bool match = true;
        for (auto it = tags.cbegin(); it != tags.cend(); ++it)
            match = match && pointTags.value(it.key()) == it.value();
        if (match)
            result.append(point);
    }
    return result;
}

double meanAtHour(const QList<DataPoint> &points, const QString &field, int hour)
{
    double sum = 0;
    int count = 0;
    for (const DataPoint &point : points) {
        if (hourOf(point) == hour) {
            sum += point.fields().value(field).toDouble();
            ++count;
        }
    }
    return count ? sum / count : 0.0;
}

int countInHours(const QList<DataPoint> &points, int fromHour, int toHour)
{
    return int(std::count_if(points.cbegin(), points.cend(), [&](const DataPoint &point) {
        return hourOf(point) >= fromHour && hourOf(point) < toHour;
    }));
}

// Door events as comparable text: room, second, state, badge.
QStringList doorEvents(const QList<DataPoint> &points)
{
    QStringList events;
    for (const DataPoint &point : only(points, u"door"_s)) {
        events.append(u"%1|%2|%3|%4"_s.arg(point.tags().value(u"room"_s))
                              .arg(secondOf(point))
                              .arg(point.fields().value(u"state"_s).toString(),
                                   point.fields().value(u"badge"_s).toString()));
    }
    events.sort();
    return events;
}

} // namespace

class tst_DemoData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void totals();
    void deterministic();
    void wholeDayShift();
    void validAndDistinct_data();
    void validAndDistinct();
    void monitoringShape();
    void monitoringDailyCycleAndIncident();
    void iotShape();
    void iotDailyCycle();
    void shopShape();
    void shopDailyCycle();
    void shopRollups_data();
    void shopRollups();
    void loadIntoServer();
    void abortStopsLoading();
};

void tst_DemoData::totals()
{
    QCOMPARE(DemoData::databaseNames(), QStringList({u"demo"_s, u"iot"_s, u"shop"_s}));
    QCOMPARE(DemoData::databaseName(), u"demo"_s);
    QCOMPARE(DemoData::totalPoints(), 311040 + 66520 + 36960 + 213);
    // Ends at awkward times of day and of the hour: the counts never change.
    const QList<Timestamp> ends = {utc(2024, 6, 12, 0, 0, 0), utc(2024, 6, 12, 0, 59, 59),
                                   utc(2031, 1, 1, 13, 37, 11), utc(2025, 3, 30, 23, 0, 30)};
    for (const Timestamp end : ends) {
        const auto sets = Explorer::createDemoSets(end);
        QCOMPARE(sets.size(), size_t(4));
        for (size_t i = 0; i < sets.size(); ++i) {
            QCOMPARE(sets[i]->totalPoints(), expectedTotals[i]);
            QCOMPARE(sets[i]->takeAll().size(), expectedTotals[i]);
            QVERIFY(sets[i]->atEnd());
        }
    }
}

void tst_DemoData::deterministic()
{
    const Timestamp end = utc(2024, 6, 12, 15, 4, 27);
    for (const SetIndex set : {Monitoring, Iot, Shop, ShopRollups}) {
        const QList<DataPoint> first = generate(set, end);
        QVERIFY(!first.isEmpty());
        QVERIFY2(first == generate(set, end), qPrintable(QString::number(set)));
    }
}

void tst_DemoData::wholeDayShift()
{
    // The daily cycles follow the clock, so a day later the same data is a day later.
    const Timestamp end = utc(2024, 6, 12, 15, 4, 27);
    const Timestamp dayLater = Timestamp::fromNanoseconds(end.nanoseconds() + Day * NsPerSecond);
    for (const SetIndex set : {Monitoring, Iot, Shop, ShopRollups}) {
        const QList<DataPoint> a = generate(set, end);
        const QList<DataPoint> b = generate(set, dayLater);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].measurement(), a[i].measurement());
            QCOMPARE(b[i].tags(), a[i].tags());
            QVERIFY2(b[i].fields() == a[i].fields(),
                     qPrintable(u"set %1, point %2"_s.arg(int(set)).arg(i)));
            QCOMPARE(secondOf(b[i]), secondOf(a[i]) + Day);
        }
    }
}

void tst_DemoData::validAndDistinct_data()
{
    QTest::addColumn<int>("set");
    QTest::addColumn<qint64>("span"); // the data lies within (end - span, end]
    QTest::addColumn<qint64>("minimumCoverage"); // last - first at least
    QTest::newRow("demo") << int(Monitoring) << 3 * Day << 3 * Day - 60;
    QTest::newRow("iot") << int(Iot) << 6 * Hour << 6 * Hour - 1;
    QTest::newRow("shop") << int(Shop) << 3 * Day << 3 * Day - 120;
    QTest::newRow("shop one_year") << int(ShopRollups) << 3 * Day << 70 * Hour;
}

void tst_DemoData::validAndDistinct()
{
    QFETCH(int, set);
    QFETCH(qint64, span);
    QFETCH(qint64, minimumCoverage);
    const Timestamp end = utc(2024, 6, 12, 15, 4, 27);
    const qint64 endSecond = secondsOf(end);
    const QList<DataPoint> points = generate(SetIndex(set), end);

    QSet<QString> keys;
    qint64 first = endSecond;
    qint64 last = endSecond - span;
    for (const DataPoint &point : points) {
        const Influx::Error error =
                Influx::LineProtocol::validate(point, Influx::Precision::Seconds);
        QVERIFY2(!error.isError(), qPrintable(error.toString()));
        QVERIFY(point.time().timestamp().has_value());
        QCOMPARE(point.time().timestamp()->nanoseconds() % NsPerSecond, 0);
        const qint64 second = secondOf(point);
        QVERIFY2(second <= endSecond && second > endSecond - span, qPrintable(point.measurement()));
        first = std::min(first, second);
        last = std::max(last, second);
        // Points with the same series and time would be one point on the server.
        QString key = point.measurement() + u'|' + QString::number(second);
        const Influx::Tags tags = point.tags();
        for (auto it = tags.cbegin(); it != tags.cend(); ++it)
            key += u'|' + it.key() + u'=' + it.value();
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.insert(key);
    }
    QVERIFY2(last - first >= minimumCoverage, qPrintable(QString::number(last - first)));

    Influx::Error error;
    const QByteArray lines =
            Influx::LineProtocol::encodePoints(points, Influx::Precision::Seconds, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(lines.count('\n') + 1, points.size());
}

void tst_DemoData::monitoringShape()
{
    const Timestamp end = utc(2024, 6, 12, 0, 0, 29); // rounded down to 00:00:00
    const qint64 endSecond = secondsOf(utc(2024, 6, 12, 0, 0, 0));
    const QList<DataPoint> points = generate(Monitoring, end);

    QList<qint64> times;
    for (const DataPoint &point : points)
        times.append(secondOf(point));
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    QCOMPARE(times.size(), 8640);
    QCOMPARE(times.constLast(), endSecond);
    QCOMPARE(times.constFirst(), endSecond - 8639 * 30);
    for (qsizetype i = 1; i < times.size(); ++i)
        QCOMPARE(times[i] - times[i - 1], 30);

    const QList<std::pair<QString, qsizetype>> counts = {{u"cpu"_s, 69120},
                                                         {u"mem"_s, 34560},
                                                         {u"disk"_s, 69120},
                                                         {u"http_requests"_s, 103680},
                                                         {u"service"_s, 34560}};
    for (const auto &[measurement, count] : counts)
        QCOMPARE(only(points, measurement).size(), count);

    const DataPoint cpu = only(points, u"cpu"_s).constFirst();
    QCOMPARE(cpu.tags().keys(), QStringList({u"cpu"_s, u"host"_s, u"region"_s}));
    QCOMPARE(cpu.fields().keys(),
             QStringList({u"usage_idle"_s, u"usage_system"_s, u"usage_user"_s}));
    QCOMPARE(cpu.fields().value(u"usage_user"_s).type(), FieldValue::Type::Float);
    const DataPoint mem = only(points, u"mem"_s).constFirst();
    QCOMPARE(mem.fields().value(u"available"_s).type(), FieldValue::Type::Integer);
    const DataPoint service = only(points, u"service"_s).constFirst();
    QCOMPARE(service.fields().value(u"state"_s).type(), FieldValue::Type::String);
    QCOMPARE(service.fields().value(u"healthy"_s).type(), FieldValue::Type::Boolean);
    QSet<QString> hosts;
    for (const DataPoint &point : only(points, u"mem"_s))
        hosts.insert(point.tags().value(u"host"_s));
    QCOMPARE(hosts, QSet<QString>({u"web-01"_s, u"web-02"_s, u"db-01"_s, u"worker-01"_s}));
}

void tst_DemoData::monitoringDailyCycleAndIncident()
{
    const Timestamp end = utc(2024, 6, 12, 0, 0, 0);
    const qint64 endSecond = secondsOf(end);
    const QList<DataPoint> points = generate(Monitoring, end);

    // The web servers are busy in the European afternoon, the worker at night.
    const auto web = only(points, u"cpu"_s, {{u"host"_s, u"web-01"_s}, {u"cpu"_s, u"cpu-total"_s}});
    const double webBusy = meanAtHour(web, u"usage_user"_s, 13);
    const double webQuiet = meanAtHour(web, u"usage_user"_s, 1);
    QVERIFY2(webBusy > 2 * webQuiet, qPrintable(u"%1 %2"_s.arg(webBusy).arg(webQuiet)));
    const auto worker =
            only(points, u"cpu"_s, {{u"host"_s, u"worker-01"_s}, {u"cpu"_s, u"cpu-total"_s}});
    QVERIFY(meanAtHour(worker, u"usage_user"_s, 2) > 1.5 * meanAtHour(worker, u"usage_user"_s, 14));
    const auto requests =
            only(points, u"http_requests"_s, {{u"host"_s, u"web-01"_s}, {u"status"_s, u"200"_s}});
    QVERIFY(meanAtHour(requests, u"count"_s, 13) > 3 * meanAtHour(requests, u"count"_s, 1));

    // db-01's incident, in the last 24 hours: 5 minutes down, then 10 minutes degraded.
    const auto service = only(points, u"service"_s, {{u"host"_s, u"db-01"_s}});
    QList<qint64> down;
    for (const DataPoint &point : service) {
        if (point.fields().value(u"state"_s).toString() == u"down"_s) {
            down.append(secondOf(point));
            QCOMPARE(point.fields().value(u"healthy"_s).toBool(), false);
        }
    }
    QCOMPARE(down.size(), 10);
    QVERIFY(down.constFirst() > endSecond - Day);
    QCOMPARE(down.constLast() - down.constFirst(), 9 * 30);
    qint64 degradedAfter = 0;
    for (const DataPoint &point : service) {
        const qint64 second = secondOf(point);
        if (second > down.constLast() && second <= down.constLast() + 20 * 30)
            degradedAfter += point.fields().value(u"state"_s).toString() == u"degraded"_s;
    }
    QCOMPARE(degradedAfter, 20);
    // Errors peak then.
    const auto errors =
            only(points, u"http_requests"_s, {{u"host"_s, u"db-01"_s}, {u"status"_s, u"500"_s}});
    const auto worst = std::max_element(errors.cbegin(), errors.cend(),
                                        [](const DataPoint &a, const DataPoint &b) {
                                            return a.fields().value(u"count"_s).toInteger()
                                                    < b.fields().value(u"count"_s).toInteger();
                                        });
    QVERIFY(secondOf(*worst) >= down.constFirst() && secondOf(*worst) < down.constFirst() + 900);
}

void tst_DemoData::iotShape()
{
    const Timestamp end = utc(2024, 6, 12, 14, 0, 0);
    const qint64 endSecond = secondsOf(end);
    const QList<DataPoint> points = generate(Iot, end);

    for (const QString &room : {u"lab"_s, u"office"_s, u"server-room"_s}) {
        // One sample every second of the 6 hours.
        const auto environment = only(points, u"environment"_s, {{u"room"_s, room}});
        QCOMPARE(environment.size(), 21600);
        for (qsizetype i = 0; i < environment.size(); ++i)
            QCOMPARE(secondOf(environment[i]), endSecond - 21599 + i);
        const DataPoint &sample = environment.constFirst();
        QCOMPARE(sample.tags(), Influx::Tags({{u"building"_s, u"hq"_s}, {u"room"_s, room}}));
        QCOMPARE(sample.fields().value(u"temperature"_s).type(), FieldValue::Type::Float);
        QCOMPARE(sample.fields().value(u"humidity"_s).type(), FieldValue::Type::Float);
        QCOMPARE(sample.fields().value(u"co2_ppm"_s).type(), FieldValue::Type::Integer);
        for (const DataPoint &point : environment) {
            const Influx::Fields fields = point.fields();
            QVERIFY(fields.value(u"temperature"_s).toDouble() > 15.0);
            QVERIFY(fields.value(u"temperature"_s).toDouble() < 30.0);
            QVERIFY(fields.value(u"humidity"_s).toDouble() > 20.0);
            QVERIFY(fields.value(u"humidity"_s).toDouble() < 70.0);
            QVERIFY(fields.value(u"co2_ppm"_s).toInteger() > 380);
            QVERIFY(fields.value(u"co2_ppm"_s).toInteger() < 2000);
        }

        // Door events: open, closed, open, ... at irregular times.
        const auto door = only(points, u"door"_s, {{u"room"_s, room}});
        QVERIFY(door.size() >= 100);
        QCOMPARE(door.size() % 2, 0);
        QSet<qint64> gaps;
        for (qsizetype i = 0; i < door.size(); ++i) {
            QCOMPARE(door[i].tags(), Influx::Tags({{u"room"_s, room}}));
            QCOMPARE(door[i].fields().value(u"state"_s).toString(),
                     i % 2 == 0 ? u"open"_s : u"closed"_s);
            if (i > 0) {
                QVERIFY(secondOf(door[i]) > secondOf(door[i - 1]));
                gaps.insert(secondOf(door[i]) - secondOf(door[i - 1]));
            }
        }
        QVERIFY(gaps.size() > 10);
    }
    QCOMPARE(only(points, u"door"_s).size(), 1720);

    // Badges that exercise the escaping of string fields.
    QSet<QString> badges;
    for (const DataPoint &point : only(points, u"door"_s))
        badges.insert(point.fields().value(u"badge"_s).toString());
    QVERIFY(badges.contains(u"Müller, Jörg"_s));
    QVERIFY(badges.contains(u"Zoë \"Z\" Brandt"_s));
    QVERIFY(badges.contains(u"R&D shared=2"_s));

    // The server room's air conditioning cycles between about 22.5 and 24.5 °C.
    const auto server = only(points, u"environment"_s, {{u"room"_s, u"server-room"_s}});
    int crossings = 0;
    for (qsizetype i = 1; i < server.size(); ++i) {
        const double before = server[i - 1].fields().value(u"temperature"_s).toDouble();
        const double now = server[i].fields().value(u"temperature"_s).toDouble();
        crossings += before < 23.5 && now >= 23.5;
    }
    QVERIFY2(crossings > 10, qPrintable(QString::number(crossings)));
}

void tst_DemoData::iotDailyCycle()
{
    // 08:00 to 14:00 UTC: the office fills up, and its air with CO2.
    const Timestamp end = utc(2024, 6, 12, 14, 0, 0);
    const auto office = only(generate(Iot, end), u"environment"_s, {{u"room"_s, u"office"_s}});
    const auto mean = [&office](qsizetype from, qsizetype count) {
        double sum = 0;
        for (qsizetype i = from; i < from + count; ++i)
            sum += double(office[i].fields().value(u"co2_ppm"_s).toInteger());
        return sum / double(count);
    };
    const double morning = mean(0, 1800);
    const double afternoon = mean(office.size() - 1800, 1800);
    QVERIFY2(afternoon > morning + 150, qPrintable(u"%1 %2"_s.arg(morning).arg(afternoon)));
}

void tst_DemoData::shopShape()
{
    const Timestamp end = utc(2024, 6, 12, 15, 4, 27);
    const qint64 lastMinute = secondsOf(utc(2024, 6, 12, 15, 4, 0));
    const QList<DataPoint> points = generate(Shop, end);

    const auto orders = only(points, u"orders"_s);
    QCOMPARE(orders.size(), 24000);
    QSet<QString> regions, categories, payments;
    QSet<qint64> gaps;
    int unpaid = 0;
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const DataPoint &order = orders[i];
        const Influx::Tags tags = order.tags();
        QCOMPARE(tags.keys(), QStringList({u"category"_s, u"payment method"_s, u"region"_s}));
        regions.insert(tags.value(u"region"_s));
        categories.insert(tags.value(u"category"_s));
        payments.insert(tags.value(u"payment method"_s));
        const Influx::Fields fields = order.fields();
        QCOMPARE(fields.value(u"amount"_s).type(), FieldValue::Type::Float);
        QVERIFY(fields.value(u"amount"_s).toDouble() > 0);
        QVERIFY(fields.value(u"items"_s).toInteger() >= 1);
        QVERIFY(fields.value(u"items"_s).toInteger() <= 9);
        QCOMPARE(fields.value(u"paid"_s).type(), FieldValue::Type::Boolean);
        unpaid += !fields.value(u"paid"_s).toBool();
        QVERIFY(fields.value(u"customer"_s).toString().startsWith(u"c-"_s));
        if (i > 0) {
            QVERIFY(secondOf(order) > secondOf(orders[i - 1]));
            gaps.insert(secondOf(order) - secondOf(orders[i - 1]));
        }
    }
    QCOMPARE(regions, QSet<QString>({u"eu"_s, u"us"_s, u"apac"_s}));
    QCOMPARE(categories, QSet<QString>({u"books"_s, u"games"_s, u"home & garden"_s}));
    QCOMPARE(payments, QSet<QString>({u"card"_s, u"paypal"_s, u"invoice"_s}));
    QVERIFY(unpaid > 100 && unpaid < 2400);
    QVERIFY(gaps.size() > 30); // irregular arrivals
    QVERIFY(secondOf(orders.constFirst()) < lastMinute - 3 * Day + Hour);
    QVERIFY(secondOf(orders.constLast()) > lastMinute - Hour);

    for (const QString &region : {u"eu"_s, u"us"_s, u"apac"_s}) {
        const auto views = only(points, u"page_views"_s, {{u"region"_s, region}});
        QCOMPARE(views.size(), 4320);
        for (qsizetype i = 0; i < views.size(); ++i) {
            QCOMPARE(secondOf(views[i]), lastMinute - (4319 - i) * 60);
            QCOMPARE(views[i].fields().value(u"count"_s).type(), FieldValue::Type::Integer);
        }
    }
}

void tst_DemoData::shopDailyCycle()
{
    const QList<DataPoint> points = generate(Shop, utc(2024, 6, 12, 0, 0, 0));
    const auto eu = only(points, u"orders"_s, {{u"region"_s, u"eu"_s}});
    QVERIFY(countInHours(eu, 12, 15) > 3 * countInHours(eu, 0, 3));
    const auto apac = only(points, u"orders"_s, {{u"region"_s, u"apac"_s}});
    QVERIFY(countInHours(apac, 3, 6) > 3 * countInHours(apac, 15, 18));
    const auto views = only(points, u"page_views"_s, {{u"region"_s, u"us"_s}});
    QVERIFY(meanAtHour(views, u"count"_s, 19) > 3 * meanAtHour(views, u"count"_s, 8));
}

void tst_DemoData::shopRollups_data()
{
    QTest::addColumn<Timestamp>("end");
    QTest::newRow("mid-hour") << utc(2024, 6, 12, 15, 4, 27);
    QTest::newRow("hour's first minute") << utc(2024, 6, 12, 15, 0, 0);
    QTest::newRow("hour's last minute") << utc(2024, 6, 12, 15, 59, 59);
}

void tst_DemoData::shopRollups()
{
    QFETCH(Timestamp, end);
    const auto sets = Explorer::createDemoSets(end);
    QCOMPARE(sets[ShopRollups]->database(), u"shop"_s);
    QCOMPARE(sets[ShopRollups]->retentionPolicy(), u"one_year"_s);
    QCOMPARE(sets[ShopRollups]->retentionDuration(), u"52w"_s);
    QVERIFY(sets[Shop]->retentionPolicy().isEmpty());
    const auto minutes = only(sets[Shop]->takeAll(), u"page_views"_s);
    const auto rollups = sets[ShopRollups]->takeAll();
    QCOMPARE(rollups.size(), 213);

    // The hour being written now is not rolled up yet.
    const qint64 currentHour = secondsOf(end) - secondsOf(end) % Hour;
    QSet<qint64> hours;
    for (const DataPoint &rollup : rollups) {
        const qint64 hour = secondOf(rollup);
        QCOMPARE(hour % Hour, 0);
        QVERIFY(hour < currentHour);
        hours.insert(hour);
        const QString region = rollup.tags().value(u"region"_s);
        qint64 sum = 0;
        qint64 peak = 0;
        int count = 0;
        for (const DataPoint &minute : minutes) {
            if (minute.tags().value(u"region"_s) == region && secondOf(minute) >= hour
                && secondOf(minute) < hour + Hour) {
                sum += minute.fields().value(u"count"_s).toInteger();
                peak = std::max(peak, minute.fields().value(u"count"_s).toInteger());
                ++count;
            }
        }
        QCOMPARE(count, 60); // a complete hour
        QCOMPARE(rollup.fields().value(u"count"_s).toInteger(), sum);
        QCOMPARE(rollup.fields().value(u"peak"_s).toInteger(), peak);
    }
    QCOMPARE(hours.size(), 71);
    QVERIFY(hours.contains(currentHour - Hour));
}

void tst_DemoData::loadIntoServer()
{
    Influx::LocalServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Influx::ClientOptions options;
    options.baseUrls = {server.url()};
    Influx::Client client(options);

    DemoData demo(&client);
    QSignalSpy progress(&demo, &DemoData::progress);
    QSignalSpy finished(&demo, &DemoData::finished);
    QElapsedTimer clock;
    clock.start();
    demo.start();
    QVERIFY(finished.wait(180000));
    qInfo("loaded %lld points in %lld ms", demo.pointsWritten(), clock.elapsed());
    QCOMPARE(finished.size(), 1);
    const auto error = finished.constFirst().constFirst().value<Influx::Error>();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QVERIFY(demo.isFinished());
    QCOMPARE(demo.pointsWritten(), DemoData::totalPoints());

    // Progress over all sets, in batches of 5000.
    QVERIFY(progress.size() >= int(DemoData::totalPoints() / DemoData::BatchSize));
    qint64 previous = 0;
    for (const QList<QVariant> &arguments : std::as_const(progress)) {
        QVERIFY(arguments.at(0).toLongLong() > previous);
        QVERIFY(arguments.at(0).toLongLong() - previous <= DemoData::BatchSize);
        QCOMPARE(arguments.at(1).toLongLong(), DemoData::totalPoints());
        previous = arguments.at(0).toLongLong();
    }
    QCOMPARE(previous, DemoData::totalPoints());

    const auto queryIn = [&client](const QString &database, const QString &text,
                                   std::optional<Influx::Precision> epoch = std::nullopt) {
        Influx::QueryOptions queryOptions;
        queryOptions.database = database;
        queryOptions.epoch = epoch;
        Influx::Error error;
        const Influx::QueryResult result = TestSupport::query(client, text, queryOptions, &error);
        if (error.isError())
            qWarning("%s: %s", qPrintable(text), qPrintable(error.toString()));
        return result;
    };
    const auto count = [&queryIn](const QString &database, const QString &text) -> qint64 {
        const Influx::Series series = queryIn(database, text).series();
        return series.rowCount() == 1 ? series.integerAt(0, 1) : -1;
    };

    const Influx::Series databases = queryIn({}, u"SHOW DATABASES"_s).series();
    QStringList names;
    for (qsizetype row = 0; row < databases.rowCount(); ++row)
        names.append(databases.stringAt(row, 0));
    QCOMPARE(names, QStringList({u"demo"_s, u"iot"_s, u"shop"_s}));

    QCOMPARE(count(u"demo"_s, u"SELECT count(usage_idle) FROM cpu"_s), 69120);
    QCOMPARE(count(u"demo"_s, u"SELECT count(available) FROM mem"_s), 34560);
    QCOMPARE(count(u"demo"_s, u"SELECT count(free) FROM disk"_s), 69120);
    QCOMPARE(count(u"demo"_s, u"SELECT count(latency_ms) FROM http_requests"_s), 103680);
    QCOMPARE(count(u"demo"_s, u"SELECT count(state) FROM service"_s), 34560);
    QCOMPARE(count(u"iot"_s, u"SELECT count(co2_ppm) FROM environment"_s), 64800);
    QCOMPARE(count(u"iot"_s, u"SELECT count(badge) FROM door"_s), 1720);
    QCOMPARE(count(u"shop"_s, u"SELECT count(customer) FROM orders"_s), 24000);
    QCOMPARE(count(u"shop"_s, u"SELECT count(\"count\") FROM page_views"_s), 12960);
    QCOMPARE(count(u"shop"_s, u"SELECT count(\"count\") FROM \"one_year\".page_views"_s), 213);

    // The tag key with a space, and a tag value with one, match what was generated.
    const auto generated = Explorer::createDemoSets(demo.end());
    const QList<DataPoint> shop = generated[Shop]->takeAll();
    const auto invoices =
            only(shop, u"orders"_s,
                 {{u"payment method"_s, u"invoice"_s}, {u"category"_s, u"home & garden"_s}});
    QVERIFY(!invoices.isEmpty());
    QCOMPARE(count(u"shop"_s,
                   u"SELECT count(amount) FROM orders WHERE \"payment method\" = 'invoice' "
                   "AND category = 'home & garden'"_s),
             invoices.size());

    const Influx::Series policies = queryIn({}, u"SHOW RETENTION POLICIES ON shop"_s).series();
    QCOMPARE(policies.columns().mid(0, 2), QStringList({u"name"_s, u"duration"_s}));
    const qsizetype isDefault = policies.columnIndex(u"default");
    QCOMPARE(policies.rowCount(), 2);
    QCOMPARE(policies.stringAt(0, 0), u"autogen"_s);
    QCOMPARE(policies.booleanAt(0, isDefault), true);
    QCOMPARE(policies.stringAt(1, 0), u"one_year"_s);
    QCOMPARE(policies.stringAt(1, 1), u"8736h0m0s"_s);
    QCOMPARE(policies.booleanAt(1, isDefault), false);

    // The door events come back exactly, badges with spaces, commas, quotes and accents.
    QStringList stored;
    const auto doors = queryIn(u"iot"_s, u"SELECT state, badge FROM door GROUP BY room"_s,
                               Influx::Precision::Seconds)
                               .allSeries();
    for (const Influx::Series &series : doors) {
        for (qsizetype row = 0; row < series.rowCount(); ++row) {
            stored.append(u"%1|%2|%3|%4"_s.arg(series.tags().value(u"room"_s))
                                  .arg(series.integerAt(row, 0))
                                  .arg(series.stringAt(row, 1), series.stringAt(row, 2)));
        }
    }
    stored.sort();
    QCOMPARE(stored, doorEvents(generated[Iot]->takeAll()));

    // The README's example query: the last hour of each host, in 10-minute buckets.
    const auto recent = queryIn(u"demo"_s,
                                u"SELECT mean(usage_user) FROM cpu WHERE time > now() - 1h "
                                "GROUP BY time(10m), host"_s)
                                .allSeries();
    QCOMPARE(recent.size(), 4);
    for (const Influx::Series &series : recent) {
        int values = 0;
        for (qsizetype row = 0; row < series.rowCount(); ++row)
            values += !series.isNull(row, 1);
        QVERIFY2(values >= 5, qPrintable(series.tags().value(u"host"_s)));
    }
}

void tst_DemoData::abortStopsLoading()
{
    Influx::LocalServer server;
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    Influx::ClientOptions options;
    options.baseUrls = {server.url()};
    Influx::Client client(options);

    DemoData demo(&client);
    QSignalSpy finished(&demo, &DemoData::finished);
    connect(&demo, &DemoData::progress, &demo, [&demo](qint64 written) {
        if (written >= 2 * DemoData::BatchSize)
            demo.abort();
    });
    demo.start();
    QVERIFY(finished.wait(60000));
    const auto error = finished.constFirst().constFirst().value<Influx::Error>();
    QCOMPARE(error.kind(), Influx::Error::Kind::Aborted);
    QVERIFY(demo.isFinished());
    QVERIFY(demo.pointsWritten() >= 2 * DemoData::BatchSize);
    QVERIFY(demo.pointsWritten() < DemoData::totalPoints());
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(tst_DemoData)
#include "tst_demodata.moc"
