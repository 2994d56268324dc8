// SPDX-License-Identifier: MIT
#include "timestamp.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QTimeZone>
#include <QtTest/QTest>

#include <limits>

using namespace Influx;
using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

constexpr qint64 Int64Min = std::numeric_limits<qint64>::min();
constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();

// An independent oracle: libstdc++'s calendar types, not the code under test.
Timestamp utc(int y, unsigned mo, unsigned d, int h, int mi, int s, qint64 ns = 0)
{
    const sys_days date {year(y) / month(mo) / day(d)};
    return Timestamp(date + hours(h) + minutes(mi) + seconds(s) + nanoseconds(ns));
}

} // namespace

namespace Influx {
// Readable failure messages (found by argument-dependent lookup).
char *toString(const Timestamp &t)
{
    return QTest::toString(u"%1 (%2 ns)"_s.arg(t.toRfc3339()).arg(t.nanoseconds()));
}
} // namespace Influx

class tst_Timestamp : public QObject
{
    Q_OBJECT

private slots:
    void precisionNames_data();
    void precisionNames();
    void invalidPrecisionNames();
    void consistencyNames();
    void referenceConversion_data();
    void referenceConversion();
    void truncation_data();
    void truncation();
    void fromPrecision_data();
    void fromPrecision();
    void fromDateTime();
    void toDateTime_data();
    void toDateTime();
    void chrono();
    void toRfc3339_data();
    void toRfc3339();
    void parseRfc3339_data();
    void parseRfc3339();
    void invalidRfc3339_data();
    void invalidRfc3339();
    void rfc3339RoundTrip();
    void rfc3339SameDateInARow();
};

void tst_Timestamp::precisionNames_data()
{
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<QString>("name");
    QTest::addColumn<qint64>("nanoseconds");
    QTest::newRow("nanoseconds") << Precision::Nanoseconds << u"n"_s << qint64(1);
    QTest::newRow("microseconds") << Precision::Microseconds << u"u"_s << qint64(1'000);
    QTest::newRow("milliseconds") << Precision::Milliseconds << u"ms"_s << qint64(1'000'000);
    QTest::newRow("seconds") << Precision::Seconds << u"s"_s << qint64(1'000'000'000);
    QTest::newRow("minutes") << Precision::Minutes << u"m"_s << qint64(60'000'000'000);
    QTest::newRow("hours") << Precision::Hours << u"h"_s << qint64(3'600'000'000'000);
}

void tst_Timestamp::precisionNames()
{
    QFETCH(Precision, precision);
    QFETCH(QString, name);
    QFETCH(qint64, nanoseconds);
    QCOMPARE(precisionName(precision), name);
    QCOMPARE(precisionFromName(name), precision);
    QCOMPARE(nanosecondsPerUnit(precision), nanoseconds);
}

void tst_Timestamp::invalidPrecisionNames()
{
    for (const QString &name : {u"ns"_s, u"N"_s, u"MS"_s, u"us"_s, u""_s, u" s"_s, u"sec"_s})
        QVERIFY2(!precisionFromName(name), qPrintable(name));
}

void tst_Timestamp::consistencyNames()
{
    const std::pair<Consistency, QString> names[] = {{Consistency::Any, u"any"_s},
                                                     {Consistency::One, u"one"_s},
                                                     {Consistency::Quorum, u"quorum"_s},
                                                     {Consistency::All, u"all"_s}};
    for (const auto &[consistency, name] : names) {
        QCOMPARE(consistencyName(consistency), name);
        QCOMPARE(consistencyFromName(name), consistency);
    }
    QVERIFY(!consistencyFromName(u"ALL"));
    QVERIFY(!consistencyFromName(u"two"));
    QVERIFY(!consistencyFromName(u""));
}

void tst_Timestamp::referenceConversion_data()
{
    QTest::addColumn<Timestamp>("time");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<qint64>("expected");

    // Reference tests 45-50 (spec §9.3): 2016-12-03 17:18:25.123456 UTC.
    const Timestamp t = utc(2016, 12, 3, 17, 18, 25, 123'456'000);
    QTest::newRow("reference h") << t << Precision::Hours << qint64(411329);
    QTest::newRow("reference m") << t << Precision::Minutes << qint64(24679758);
    QTest::newRow("reference s") << t << Precision::Seconds << qint64(1480785505);
    QTest::newRow("reference ms") << t << Precision::Milliseconds << qint64(1480785505123);
    QTest::newRow("reference u") << t << Precision::Microseconds << qint64(1480785505123456);
    QTest::newRow("reference n") << t << Precision::Nanoseconds << qint64(1480785505123456000);

    // Instants where the reference's double arithmetic is off by one; exact results here.
    QTest::newRow("1979 n, reference gives ...992")
            << utc(1979, 2, 22, 15, 23, 38, 596'853'000) << Precision::Nanoseconds
            << qint64(288545018596853000);
    QTest::newRow("1987 u, reference gives ...034")
            << utc(1987, 5, 17, 8, 49, 36, 34'035'000) << Precision::Microseconds
            << qint64(548239776034035);
    QTest::newRow("2004 ms, reference gives ...533")
            << utc(2004, 10, 2, 9, 4, 42, 534'000'000) << Precision::Milliseconds
            << qint64(1096707882534);
}

void tst_Timestamp::referenceConversion()
{
    QFETCH(Timestamp, time);
    QFETCH(Precision, precision);
    QFETCH(qint64, expected);
    QCOMPARE(time.toPrecision(precision), expected);
}

void tst_Timestamp::truncation_data()
{
    QTest::addColumn<qint64>("nanoseconds");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("-0.5 s in s (reference: 0)")
            << qint64(-500'000'000) << Precision::Seconds << qint64(0);
    QTest::newRow("-1.5 s in s") << qint64(-1'500'000'000) << Precision::Seconds << qint64(-1);
    QTest::newRow("-1 ns in ms") << qint64(-1) << Precision::Milliseconds << qint64(0);
    QTest::newRow("-1 ns in h") << qint64(-1) << Precision::Hours << qint64(0);
    QTest::newRow("-1 h - 1 ns in h")
            << qint64(-3'600'000'000'001) << Precision::Hours << qint64(-1);
    QTest::newRow("1.999 us in u") << qint64(1'999) << Precision::Microseconds << qint64(1);
    QTest::newRow("min in s") << Int64Min << Precision::Seconds << qint64(-9223372036);
    QTest::newRow("max in s") << Int64Max << Precision::Seconds << qint64(9223372036);
    QTest::newRow("min in n") << Int64Min << Precision::Nanoseconds << Int64Min;
    QTest::newRow("max in h") << Int64Max << Precision::Hours << qint64(2562047);
}

void tst_Timestamp::truncation()
{
    QFETCH(qint64, nanoseconds);
    QFETCH(Precision, precision);
    QFETCH(qint64, expected);
    QCOMPARE(Timestamp::fromNanoseconds(nanoseconds).toPrecision(precision), expected);
}

void tst_Timestamp::fromPrecision_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("nanoseconds");
    QTest::newRow("u") << qint64(1480793211053212) << Precision::Microseconds << true
                       << qint64(1480793211053212000);
    QTest::newRow("negative s") << qint64(-5) << Precision::Seconds << true
                                << qint64(-5'000'000'000);
    QTest::newRow("largest s") << qint64(9223372036) << Precision::Seconds << true
                               << qint64(9223372036000000000);
    QTest::newRow("s overflow") << qint64(9223372037) << Precision::Seconds << false << qint64(0);
    QTest::newRow("negative s overflow")
            << qint64(-9223372037) << Precision::Seconds << false << qint64(0);
    QTest::newRow("largest h") << qint64(2562047) << Precision::Hours << true
                               << qint64(2562047) * 3'600'000'000'000;
    QTest::newRow("h overflow") << qint64(2562048) << Precision::Hours << false << qint64(0);
    QTest::newRow("max ms overflow") << Int64Max << Precision::Milliseconds << false << qint64(0);
    QTest::newRow("min n") << Int64Min << Precision::Nanoseconds << true << Int64Min;
}

void tst_Timestamp::fromPrecision()
{
    QFETCH(qint64, value);
    QFETCH(Precision, precision);
    QFETCH(bool, fits);
    QFETCH(qint64, nanoseconds);
    const std::optional<Timestamp> t = Timestamp::fromPrecision(value, precision);
    QCOMPARE(t.has_value(), fits);
    if (fits) {
        QCOMPARE(t->nanoseconds(), nanoseconds);
        QCOMPARE(t->toPrecision(precision), value);
    }
}

void tst_Timestamp::fromDateTime()
{
    const QDateTime utcTime(QDate(2016, 12, 3), QTime(19, 26, 51, 53), Qt::UTC);
    QCOMPARE(Timestamp::fromDateTime(utcTime), Timestamp::fromNanoseconds(1480793211053000000));

    // Another offset is the same instant.
    const QDateTime plusTwo(QDate(2016, 12, 3), QTime(21, 26, 51, 53), Qt::OffsetFromUTC, 7200);
    QCOMPARE(Timestamp::fromDateTime(plusTwo), Timestamp::fromNanoseconds(1480793211053000000));
    QCOMPARE(Timestamp::fromDateTime(utcTime.toLocalTime()),
             Timestamp::fromNanoseconds(1480793211053000000));

    QCOMPARE(Timestamp::fromDateTime(QDateTime::fromMSecsSinceEpoch(-1, Qt::UTC)),
             Timestamp::fromNanoseconds(-1'000'000));
    QVERIFY(!Timestamp::fromDateTime(QDateTime()));
    QVERIFY(!Timestamp::fromDateTime(QDateTime(QDate(2263, 1, 1), QTime(0, 0), Qt::UTC)));
    QVERIFY(!Timestamp::fromDateTime(QDateTime(QDate(1677, 9, 21), QTime(0, 12), Qt::UTC)));
    QVERIFY(Timestamp::fromDateTime(QDateTime(QDate(1677, 9, 21), QTime(0, 13), Qt::UTC)));
}

void tst_Timestamp::toDateTime_data()
{
    QTest::addColumn<qint64>("nanoseconds");
    QTest::addColumn<qint64>("msecs");
    QTest::newRow("epoch") << qint64(0) << qint64(0);
    QTest::newRow("sub-millisecond dropped") << qint64(1'999'999) << qint64(1);
    // Floor: 23:59:59.9995 shows as .999, the leading digits of its RFC 3339 form.
    QTest::newRow("negative floors") << qint64(-500'000) << qint64(-1);
    QTest::newRow("exact negative") << qint64(-2'000'000) << qint64(-2);
    QTest::newRow("min") << Int64Min << qint64(-9223372036855);
}

void tst_Timestamp::toDateTime()
{
    QFETCH(qint64, nanoseconds);
    QFETCH(qint64, msecs);
    const QDateTime dt = Timestamp::fromNanoseconds(nanoseconds).toDateTime();
    QCOMPARE(dt.timeSpec(), Qt::UTC);
    QCOMPARE(dt.toMSecsSinceEpoch(), msecs);
}

void tst_Timestamp::chrono()
{
    const auto tp = sys_days {2016y / December / 3} + 19h + 26min + 51s + 53212us;
    const Timestamp t(tp);
    QCOMPARE(t.nanoseconds(), qint64(1480793211053212000));
    QCOMPARE(t.toSysTime(), tp);
    QCOMPARE(Timestamp(sys_seconds(-1s)).nanoseconds(), qint64(-1'000'000'000));
    QVERIFY(Timestamp::fromNanoseconds(-1) < Timestamp());
    QVERIFY(Timestamp::fromNanoseconds(5) == Timestamp::fromNanoseconds(5));
}

void tst_Timestamp::toRfc3339_data()
{
    QTest::addColumn<qint64>("nanoseconds");
    QTest::addColumn<QString>("text");
    // Every expected string below is what InfluxDB 1.6.7 (Go's RFC3339Nano) returned for a
    // point written with that nanosecond time, except the two qint64 extremes it refuses.
    QTest::newRow("epoch, no fraction") << qint64(0) << u"1970-01-01T00:00:00Z"_s;
    QTest::newRow("1 ns") << qint64(1) << u"1970-01-01T00:00:00.000000001Z"_s;
    QTest::newRow("10 ns") << qint64(10) << u"1970-01-01T00:00:00.00000001Z"_s;
    QTest::newRow("-1 ns") << qint64(-1) << u"1969-12-31T23:59:59.999999999Z"_s;
    QTest::newRow("-0.5 s") << qint64(-500'000'000) << u"1969-12-31T23:59:59.5Z"_s;
    QTest::newRow("-1 s") << qint64(-1'000'000'000) << u"1969-12-31T23:59:59Z"_s;
    QTest::newRow("trailing zeros trimmed") << qint64(120'000'000) << u"1970-01-01T00:00:00.12Z"_s;
    QTest::newRow("0.1 s") << qint64(100'000'000) << u"1970-01-01T00:00:00.1Z"_s;
    QTest::newRow("1 s") << qint64(1'000'000'000) << u"1970-01-01T00:00:01Z"_s;
    QTest::newRow("8 digits") << qint64(1234567890) << u"1970-01-01T00:00:01.23456789Z"_s;
    QTest::newRow("leap day") << qint64(951782400000000000) << u"2000-02-29T00:00:00Z"_s;
    QTest::newRow("leap day end") << qint64(951868799999999999)
                                  << u"2000-02-29T23:59:59.999999999Z"_s;
    QTest::newRow("microseconds") << qint64(1480793211053212000)
                                  << u"2016-12-03T19:26:51.053212Z"_s;
    QTest::newRow("nanoseconds") << qint64(1481463645150329483)
                                 << u"2016-12-11T13:40:45.150329483Z"_s;
    QTest::newRow("server minimum")
            << qint64(-9223372036854775806) << u"1677-09-21T00:12:43.145224194Z"_s;
    QTest::newRow("server maximum")
            << qint64(9223372036854775806) << u"2262-04-11T23:47:16.854775806Z"_s;
    QTest::newRow("qint64 min") << Int64Min << u"1677-09-21T00:12:43.145224192Z"_s;
    QTest::newRow("qint64 max") << Int64Max << u"2262-04-11T23:47:16.854775807Z"_s;
}

void tst_Timestamp::toRfc3339()
{
    QFETCH(qint64, nanoseconds);
    QFETCH(QString, text);
    const Timestamp t = Timestamp::fromNanoseconds(nanoseconds);
    QCOMPARE(t.toRfc3339(), text);
    QCOMPARE(t.toRfc3339Utf8(), text.toUtf8());
    QCOMPARE(Timestamp::fromRfc3339(text), t);
}

void tst_Timestamp::parseRfc3339_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Timestamp>("expected");
    const Timestamp base = utc(2016, 12, 3, 19, 26, 51);
    QTest::newRow("0 fraction digits") << u"2016-12-03T19:26:51Z"_s << base;
    const char *const fractions[] = {"5",      "05",      "053",      "0532",     "05321",
                                     "053212", "0532124", "05321248", "053212489"};
    const qint64 values[] = {500000000, 50000000, 53000000, 53200000, 53210000,
                             53212000,  53212400, 53212480, 53212489};
    for (int digits = 1; digits <= 9; ++digits) {
        const QString text =
                u"2016-12-03T19:26:51.%1Z"_s.arg(QLatin1StringView(fractions[digits - 1]));
        QTest::addRow("%d fraction digits", digits)
                << text << Timestamp::fromNanoseconds(base.nanoseconds() + values[digits - 1]);
    }
    QTest::newRow("all-zero fraction") << u"2016-12-03T19:26:51.000000000Z"_s << base;
    QTest::newRow("lowercase t and z") << u"2016-12-03t19:26:51z"_s << base;
    QTest::newRow("+02:00") << u"2016-12-03T21:26:51+02:00"_s << base;
    QTest::newRow("-05:30") << u"2016-12-03T13:56:51-05:30"_s << base;
    QTest::newRow("+00:00") << u"2016-12-03T19:26:51+00:00"_s << base;
    QTest::newRow("-00:00") << u"2016-12-03T19:26:51-00:00"_s << base;
    QTest::newRow("+23:59 crosses the date") << u"2016-12-04T19:25:51+23:59"_s << base;
    QTest::newRow("fraction and offset") << u"2016-12-03T21:26:51.053212+02:00"_s
                                         << Timestamp::fromNanoseconds(1480793211053212000);
    QTest::newRow("leap day 2000") << u"2000-02-29T00:00:00Z"_s << utc(2000, 2, 29, 0, 0, 0);
    QTest::newRow("leap day 2016") << u"2016-02-29T12:00:00Z"_s << utc(2016, 2, 29, 12, 0, 0);
    QTest::newRow("before 1970") << u"1969-07-20T20:17:40Z"_s << utc(1969, 7, 20, 20, 17, 40);
    QTest::newRow("qint64 min") << u"1677-09-21T00:12:43.145224192Z"_s
                                << Timestamp::fromNanoseconds(Int64Min);
    QTest::newRow("qint64 max") << u"2262-04-11T23:47:16.854775807Z"_s
                                << Timestamp::fromNanoseconds(Int64Max);
    QTest::newRow("max reached through an offset")
            << u"2262-04-12T01:47:16.854775807+02:00"_s << Timestamp::fromNanoseconds(Int64Max);
    QTest::newRow("min reached through an offset")
            << u"1677-09-20T23:12:43.145224192-01:00"_s << Timestamp::fromNanoseconds(Int64Min);
}

void tst_Timestamp::parseRfc3339()
{
    QFETCH(QString, text);
    QFETCH(Timestamp, expected);
    QCOMPARE(Timestamp::fromRfc3339(text), expected);
    const QByteArray utf8 = text.toUtf8();
    QCOMPARE(Timestamp::fromRfc3339(QByteArrayView(utf8)), expected);
}

void tst_Timestamp::invalidRfc3339_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << u""_s;
    QTest::newRow("date only") << u"2016-12-03"_s;
    QTest::newRow("no zone") << u"2016-12-03T19:26:51"_s;
    QTest::newRow("no zone with fraction") << u"2016-12-03T19:26:51.053212"_s;
    QTest::newRow("space separator") << u"2016-12-03 19:26:51Z"_s;
    QTest::newRow("empty fraction") << u"2016-12-03T19:26:51.Z"_s;
    QTest::newRow("10 fraction digits") << u"2016-12-03T19:26:51.0532124890Z"_s;
    QTest::newRow("comma fraction") << u"2016-12-03T19:26:51,5Z"_s;
    QTest::newRow("month 13") << u"2016-13-03T19:26:51Z"_s;
    QTest::newRow("month 0") << u"2016-00-03T19:26:51Z"_s;
    QTest::newRow("day 0") << u"2016-12-00T19:26:51Z"_s;
    QTest::newRow("day 32") << u"2016-12-32T19:26:51Z"_s;
    QTest::newRow("April 31") << u"2016-04-31T00:00:00Z"_s;
    QTest::newRow("Feb 29 of 2015") << u"2015-02-29T00:00:00Z"_s;
    QTest::newRow("Feb 29 of 1900") << u"1900-02-29T00:00:00Z"_s;
    QTest::newRow("Feb 30 of 2016") << u"2016-02-30T00:00:00Z"_s;
    QTest::newRow("hour 24") << u"2016-12-03T24:00:00Z"_s;
    QTest::newRow("minute 60") << u"2016-12-03T23:60:00Z"_s;
    QTest::newRow("leap second") << u"2016-12-31T23:59:60Z"_s;
    QTest::newRow("offset hour 24") << u"2016-12-03T19:26:51+24:00"_s;
    QTest::newRow("offset minute 60") << u"2016-12-03T19:26:51+02:60"_s;
    QTest::newRow("offset without colon") << u"2016-12-03T19:26:51+0200"_s;
    QTest::newRow("offset hours only") << u"2016-12-03T19:26:51+02"_s;
    QTest::newRow("offset and Z") << u"2016-12-03T19:26:51+02:00Z"_s;
    QTest::newRow("double Z") << u"2016-12-03T19:26:51ZZ"_s;
    QTest::newRow("trailing space") << u"2016-12-03T19:26:51Z "_s;
    QTest::newRow("leading space") << u" 2016-12-03T19:26:51Z"_s;
    QTest::newRow("two-digit year") << u"16-12-03T19:26:51Z"_s;
    QTest::newRow("five-digit year") << u"12016-12-03T19:26:51Z"_s;
    QTest::newRow("signed year") << u"+2016-12-03T19:26:51Z"_s;
    QTest::newRow("single-digit month") << u"2016-1-03T19:26:51Z"_s;
    QTest::newRow("slashes") << u"2016/12/03T19:26:51Z"_s;
    QTest::newRow("epoch integer") << u"1480793211053212000"_s;
    QTest::newRow("fullwidth digits") << u"２０１６-12-03T19:26:51Z"_s;
    QTest::newRow("NUL inside") << QStringView(u"2016-12-03T19:26:51\0Z", 21).toString();
    QTest::newRow("past qint64 max") << u"2262-04-11T23:47:16.854775808Z"_s;
    QTest::newRow("before qint64 min") << u"1677-09-21T00:12:43.145224191Z"_s;
    QTest::newRow("year 1") << u"0001-01-01T00:00:00Z"_s;
    QTest::newRow("year 9999") << u"9999-12-31T23:59:59Z"_s;
    QTest::newRow("max pushed out by an offset") << u"2262-04-11T23:47:16.854775807-00:01"_s;
}

void tst_Timestamp::invalidRfc3339()
{
    QFETCH(QString, text);
    QCOMPARE(Timestamp::fromRfc3339(text), std::nullopt);
    const QByteArray utf8 = text.toUtf8();
    QCOMPARE(Timestamp::fromRfc3339(QByteArrayView(utf8)), std::nullopt);
}

void tst_Timestamp::rfc3339RoundTrip()
{
    // Deterministic sample of the whole range; the date and time of day are checked against
    // QDateTime, whose calendar code is independent of ours.
    QRandomGenerator random(20161203);
    for (int i = 0; i < 30000; ++i) {
        // Every third value lies within two seconds of either end of the range.
        const auto offset = qint64(random.bounded(2'000'000'000));
        const auto ns = i % 3 == 0 ? qint64(random.generate64())
                : i % 3 == 1       ? Int64Min + offset
                                   : Int64Max - offset;
        const Timestamp t = Timestamp::fromNanoseconds(ns);
        const QByteArray text = t.toRfc3339Utf8();
        QCOMPARE(Timestamp::fromRfc3339(QByteArrayView(text)), t);
        const QString expectedPrefix = t.toDateTime().toString(u"yyyy-MM-ddTHH:mm:ss"_s);
        QVERIFY2(text.startsWith(expectedPrefix.toLatin1()), text.constData());
        // A fraction, when present, has no trailing zeros.
        if (text.contains('.'))
            QVERIFY2(text.endsWith("Z") && !text.endsWith("0Z") && !text.endsWith(".Z"),
                     text.constData());
    }
}

// The parser remembers the last date it read: a run of times of one day (as a result is), and
// invalid text right after a valid date, give exactly what a fresh parse gives.
void tst_Timestamp::rfc3339SameDateInARow()
{
    const auto parse = [](const char *text) {
        return Timestamp::fromRfc3339(QByteArrayView(text));
    };
    QVERIFY(parse("2019-02-28T23:59:59Z"));
    // Every second of one day, checked against QDateTime's calendar.
    const QDateTime midnight(QDate(2019, 2, 28), QTime(0, 0), Qt::UTC);
    for (int second = 0; second < 86400; second += 7) {
        const QDateTime when = midnight.addSecs(second);
        const QByteArray text = when.toString(u"yyyy-MM-ddTHH:mm:ss.123Z"_s).toLatin1();
        const std::optional<Timestamp> t = parse(text.constData());
        QVERIFY2(t, text.constData());
        QCOMPARE(t->nanoseconds(), when.toMSecsSinceEpoch() * 1'000'000 + 123'000'000);
    }
    // A remembered date does not let a bad time, zone or length through.
    QVERIFY(!parse("2019-02-28T24:00:00Z"));
    QVERIFY(!parse("2019-02-28T12:60:00Z"));
    QVERIFY(!parse("2019-02-28 12:00:00Z"));
    QVERIFY(!parse("2019-02-28T12:00:00"));
    QVERIFY(!parse("2019-02-28T12:00:00.Z"));
    // ... nor a bad date that starts like it, nor the day after in a common year.
    QVERIFY(!parse("2019-02-29T00:00:00Z"));
    QVERIFY(!parse("2019-02-2xT00:00:00Z"));
    QCOMPARE(parse("2019-03-01T00:00:00Z")->nanoseconds(),
             QDateTime(QDate(2019, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() * 1'000'000);
    QCOMPARE(parse("2020-02-29T00:00:00+01:00")->nanoseconds(),
             QDateTime(QDate(2020, 2, 28), QTime(23, 0), Qt::UTC).toMSecsSinceEpoch() * 1'000'000);
    QCOMPARE(parse("2019-02-28T00:00:00Z")->nanoseconds(),
             midnight.toMSecsSinceEpoch() * 1'000'000);
}

QTEST_APPLESS_MAIN(tst_Timestamp)

#include "tst_timestamp.moc"
