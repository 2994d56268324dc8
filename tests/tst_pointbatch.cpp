// SPDX-License-Identifier: MIT
// PointBatch and LineProtocol::encodeBatch() against the DataPoint path (encodePoints(), the one
// implementation of the line-protocol rules): same bytes, same errors, same failing row. Then
// Client::writeBatch() and the thread-pool path of writeMany(): against the fixture's influxd
// (written and read back) and against a fault server (nothing sent for an invalid batch,
// finished() once from the event loop, abort and delete while encoding).
#include "bench/workload.h"
#include "client.h"
#include "faultserver.h"
#include "lineprotocol.h"
#include "pointbatch.h"
#include "testserver.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QPointer>
#include <QtCore/QRandomGenerator>
#include <QtNetwork/QTcpSocket>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <bit>
#include <charconv>
#include <limits>

using namespace Influx;
using namespace Qt::StringLiterals;
using TestSupport::FaultServer;

namespace {

constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();
constexpr qint64 Int64Min = std::numeric_limits<qint64>::min();

// The batch standing for points (one measurement), columns declared in order of first use.
PointBatch batchOf(const QList<DataPoint> &points)
{
    PointBatch batch(points.isEmpty() ? QString() : points.first().measurement());
    for (const DataPoint &point : points) {
        const qsizetype row = batch.appendRow();
        const Tags tags = point.tags();
        for (auto it = tags.cbegin(); it != tags.cend(); ++it)
            batch.setTag(row, batch.addTagColumn(it.key()), it.value());
        const Fields fields = point.fields();
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            const int column = batch.addFieldColumn(it.key(), it.value().type());
            if (!batch.setField(row, column, it.value()))
                qFatal("test data: field %s cannot be set", qPrintable(it.key()));
        }
        const PointTime time = point.time();
        if (time.isRaw())
            batch.setRawTime(row, *time.valueIn(Precision::Nanoseconds));
        else if (const std::optional<Timestamp> t = time.timestamp())
            batch.setTime(row, *t);
    }
    return batch;
}

struct Encoded
{
    QByteArray body;
    Error error;
    qsizetype failed = -2;
};

Encoded viaPoints(const QList<DataPoint> &points, Precision precision)
{
    Encoded e;
    e.body = LineProtocol::encodePoints(points, precision, &e.error, &e.failed);
    return e;
}

Encoded viaBatch(const PointBatch &batch, Precision precision)
{
    Encoded e;
    e.body = LineProtocol::encodeBatch(batch, precision, &e.error, &e.failed);
    return e;
}

DataPoint pt(const Tags &tags, const Fields &fields, const PointTime &time = {})
{
    return DataPoint(u"m"_s, tags, fields, time);
}

ClientOptions faultOptions(const FaultServer &server)
{
    ClientOptions o;
    o.baseUrls = {server.url()};
    o.database = u"db"_s;
    o.timeout = std::chrono::seconds(10);
    return o;
}

} // namespace

class tst_PointBatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void columnsAndCells();
    void copiesAreIndependent();
    void workloadEqualsDataPointPath();
    void sameAsDataPoints_data();
    void sameAsDataPoints();
    void randomBatchesEqualDataPointPath();
    void floatsAreWrittenAsToChars();

    void writeBatchRoundTrip();
    void writeBatchAwkwardNamesRoundTrip();
    void largeWriteManyRoundTrip();
    void invalidBatchIsNeverSent();
    void invalidLargeWriteManyIsNeverSent();
    void encodingLeavesTheCallerAtOnce();
    void rejectedRowsAreRowIndexes();
    void abortWhileEncoding();
    void deleteWhileEncoding();
};

void tst_PointBatch::columnsAndCells()
{
    PointBatch batch(u"m"_s);
    const int host = batch.addTagColumn(u"host"_s);
    const int value = batch.addFieldColumn(u"v"_s, FieldValue::Type::Float);
    const int count = batch.addFieldColumn(u"n"_s, FieldValue::Type::Integer);
    QCOMPARE(batch.addTagColumn(u"host"_s), host);
    QCOMPARE(batch.addFieldColumn(u"v"_s, FieldValue::Type::Float), value);
    QCOMPARE(batch.addFieldColumn(u"v"_s, FieldValue::Type::Integer), -1);
    QCOMPARE(batch.addFieldColumn(u"d"_s, FieldValue::Type::Decimal), -1);
    QCOMPARE(batch.fieldColumnCount(), 2);
    QCOMPARE(batch.tagColumn(u"host"_s), host);
    QCOMPARE(batch.fieldColumn(u"n"_s), count);
    QCOMPARE(batch.fieldColumn(u"host"_s), -1);
    QCOMPARE(batch.fieldType(count), FieldValue::Type::Integer);

    QCOMPARE(batch.appendRow(), 0);
    QCOMPARE(batch.appendRow(), 1);
    QVERIFY(batch.setTag(0, host, u"a"_s));
    QVERIFY(batch.setFloat(0, value, 1.5));
    QVERIFY(!batch.setFloat(0, count, 2.5)); // another type: nothing changes
    QVERIFY(!batch.hasField(0, count));
    QVERIFY(!batch.setInteger(2, count, 1)); // no such row
    QVERIFY(!batch.setTag(0, 5, u"x"_s)); // no such column
    QVERIFY(!batch.setField(0, value, FieldValue::decimal(u"1.0"_s)));
    QVERIFY(batch.setInteger(1, count, 7));
    QVERIFY(batch.setRawTime(1, 42));
    QCOMPARE(batch.point(0), DataPoint(u"m"_s, {{u"host"_s, u"a"_s}}, {{u"v"_s, 1.5}}));
    QCOMPARE(batch.point(1), DataPoint(u"m"_s, {}, {{u"n"_s, 7}}, PointTime::raw(42)));

    // Interned values: the same id for the same text.
    const quint32 b = batch.internTag(host, u"b"_s);
    QCOMPARE(batch.internTag(host, u"a"_s), quint32(1));
    QCOMPARE(b, quint32(2));
    QVERIFY(batch.setTagId(1, host, b));
    QVERIFY(!batch.setTagId(1, host, 3));
    QCOMPARE(batch.tag(1, host), u"b"_s);
    QVERIFY(batch.clearTag(1, host));
    QVERIFY(!batch.hasTag(1, host));
    QVERIFY(batch.tag(1, host).isNull());

    // A string set twice keeps the last value.
    const int text = batch.addFieldColumn(u"s"_s, FieldValue::Type::String);
    QVERIFY(batch.setString(1, text, u"first"));
    QVERIFY(batch.setString(1, text, u"second"));
    QCOMPARE(batch.field(1, text), FieldValue(u"second"_s));
    QVERIFY(batch.clearField(1, text));
    QCOMPARE(batch.field(1, text), FieldValue());

    batch.resize(4);
    QCOMPARE(batch.rowCount(), 4);
    QCOMPARE(batch.point(3), DataPoint(u"m"_s, {}, {}));
    batch.clear();
    QVERIFY(batch.isEmpty());
    QCOMPARE(batch.tagColumnCount(), 1);
    QCOMPARE(batch.fieldColumnCount(), 3);
    QCOMPARE(batch.internTag(host, u"z"_s), quint32(1)); // interned values went too
}

void tst_PointBatch::copiesAreIndependent()
{
    PointBatch batch(u"m"_s);
    const int v = batch.addFieldColumn(u"v"_s, FieldValue::Type::Integer);
    batch.setInteger(batch.appendRow(), v, 1);
    const PointBatch copy = batch;
    batch.setInteger(0, v, 2);
    batch.setMeasurement(u"other"_s);
    QCOMPARE(copy.point(0), DataPoint(u"m"_s, {}, {{u"v"_s, 1}}));
    QCOMPARE(batch.point(0), DataPoint(u"other"_s, {}, {{u"v"_s, 2}}));
}

void tst_PointBatch::workloadEqualsDataPointPath()
{
    const qint64 count = 20000;
    const PointBatch batch = Bench::Workload::batch(0, count);
    const QList<DataPoint> points = Bench::Workload::points(0, count);
    QCOMPARE(batch.toPoints(), points);
    for (Precision precision : {Precision::Nanoseconds, Precision::Seconds, Precision::Hours}) {
        const Encoded expected = viaPoints(points, precision);
        const Encoded actual = viaBatch(batch, precision);
        QVERIFY(!actual.error.isError());
        QCOMPARE(actual.failed, -1);
        QCOMPARE(actual.body.size(), expected.body.size());
        QCOMPARE(actual.body, expected.body);
    }
    // The known line, as bench_workload_lines pins it.
    QVERIFY(viaBatch(batch, Precision::Nanoseconds)
                    .body.contains(
                            "\ncpu,host=host3,region=r3 count=3i,status=\"say \\\"ok\\\" 3\","
                            "usage_system=71.278,usage_user=74.126 1700000003000000000\n"));
}

void tst_PointBatch::sameAsDataPoints_data()
{
    QTest::addColumn<QList<DataPoint>>("points");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<QString>("message"); // empty: no error
    QTest::addColumn<qsizetype>("failedRow");

    const Fields f1 {{u"f"_s, 1}};
    const auto ok = [](const char *name, const QList<DataPoint> &points,
                       Precision precision = Precision::Nanoseconds) {
        QTest::newRow(name) << points << precision << QString() << qsizetype(-1);
    };
    const auto bad = [](const char *name, const QList<DataPoint> &points, qsizetype row,
                        const QString &message) {
        QTest::newRow(name) << points << Precision::Nanoseconds << message << row;
    };

    ok("escapes in names and values",
       {DataPoint(u"a,b c=d\"e"_s, {{u"k,=y z"_s, u"a,b=c d"_s}, {u"a\\=b"_s, u"x\\,y"_s}},
                  {{u"a,b=c d"_s, 1}, {u"s"_s, u"say \"hi\" \\o/ C:\\"_s}, {u"q\"k"_s, true}}),
        DataPoint(u"a,b c=d\"e"_s, {{u"k,=y z"_s, u"\ta\tb"_s}}, {{u"s"_s, u"a,b c=d"_s}})});
    ok("unicode",
       {DataPoint(u"température"_s, {{u"città"_s, u"Zürich 😀"_s}},
                  {{u"é"_s, u"😀 ü"_s}, {u"f"_s, 0.5}}),
        DataPoint(u"température"_s, {{u"città"_s, u"東京"_s}}, {{u"é"_s, u""_s}})});
    ok("null fields and tags (sparse rows)",
       {pt({{u"a"_s, u"1"_s}}, {{u"x"_s, 1.5}}), pt({{u"b"_s, u"2"_s}}, {{u"y"_s, false}}),
        pt({}, {{u"z"_s, u"s"_s}, {u"x"_s, -0.0}}), pt({{u"a"_s, u"1"_s}, {u"b"_s, u"3"_s}}, f1)});
    ok("keys declared out of order are written sorted",
       {pt({{u"zz"_s, u"1"_s}, {u"aa"_s, u"2"_s}, {u"B"_s, u"3"_s}},
           {{u"z"_s, 1}, {u"a"_s, 2}, {u"_"_s, 3}, {u"é"_s, 4}})});
    ok("numbers",
       {pt({}, {{u"i"_s, Int64Min}, {u"j"_s, Int64Max}, {u"d"_s, 1e21}}),
        pt({}, {{u"d"_s, 5e-324}, {u"i"_s, qint64(0)}, {u"j"_s, qint64(-1)}}),
        pt({}, {{u"d"_s, 0.1 + 0.2}, {u"b"_s, true}}),
        pt({}, {{u"d"_s, -1.7976931348623157e308}, {u"b"_s, false}})});
    ok("no time, Timestamp and raw times mixed",
       {pt({}, f1), pt({}, f1, Timestamp::fromNanoseconds(1'500'000'000'123'456'789)),
        pt({}, f1, PointTime::raw(17)), pt({}, f1, Timestamp::fromNanoseconds(-1'999'999'999))});
    for (Precision precision :
         {Precision::Nanoseconds, Precision::Microseconds, Precision::Milliseconds,
          Precision::Seconds, Precision::Minutes, Precision::Hours}) {
        const QByteArray name = "times in precision " + precisionName(precision).toLatin1();
        ok(name.constData(),
           {pt({}, f1, Timestamp::fromNanoseconds(1'700'000'003'987'654'321)),
            pt({}, f1, Timestamp::fromNanoseconds(-1'700'000'003'987'654'321)),
            pt({}, f1, PointTime::raw(400'000)), pt({}, f1, PointTime::raw(-5))},
           precision);
    }
    ok("one row", {pt({{u"t"_s, u"v"_s}}, f1, PointTime::raw(1))});

    bad("row without fields", {pt({}, f1), pt({}, f1), pt({{u"t"_s, u"v"_s}}, {}), pt({}, f1)}, 2,
        u"at least one field is required"_s);
    bad("only row without fields", {pt({}, {})}, 0, u"at least one field is required"_s);
    bad("NaN", {pt({}, {{u"f"_s, 1.0}}), pt({}, {{u"f"_s, qQNaN()}})}, 1,
        u"field \"f\" is NaN, which InfluxDB cannot store"_s);
    bad("infinity", {pt({}, {{u"f"_s, 1.0}}), pt({}, {{u"g"_s, 1}, {u"f"_s, -qInf()}})}, 1,
        u"field \"f\" is infinite, which InfluxDB cannot store"_s);
    bad("empty tag value", {pt({{u"host"_s, u"a"_s}}, f1), pt({{u"host"_s, u""_s}}, f1)}, 1,
        u"tag \"host\" has an empty value, which InfluxDB cannot store; leave the tag out "
        "instead"_s);
    bad("line break in a string value", {pt({}, f1), pt({}, f1), pt({}, {{u"s"_s, u"a\nb"_s}})}, 2,
        u"the value of field \"s\" contains a line break"_s);
    bad("unpaired surrogate in a tag value",
        {pt({}, f1), pt({{u"k"_s, u"a"_s + QChar(0xd800)}}, f1)}, 1,
        u"the value of tag \"k\" contains an unpaired UTF-16 surrogate (not valid Unicode)"_s);
    bad("measurement starting with #", {DataPoint(u"#m"_s, {}, f1), DataPoint(u"#m"_s, {}, f1)}, 0,
        u"measurement \"#m\" starts with '#', which makes InfluxDB skip the line as a comment"_s);
    bad("empty measurement", {DataPoint(QString(), {}, f1)}, 0, u"the measurement name is empty"_s);
    bad("measurement ending in backslash", {DataPoint(u"m\\"_s, {}, f1)}, 0,
        u"measurement \"m\\\" ends with a backslash, which would escape the separator after "
        "it"_s);
    bad("no fields before a bad measurement", {DataPoint(u"#m"_s, {}, {})}, 0,
        u"at least one field is required"_s);
    bad("tag key time, only where it is set",
        {pt({}, f1), pt({{u"a"_s, u"1"_s}}, f1), pt({{u"time"_s, u"x"_s}}, f1)}, 2,
        u"tag key \"time\" is not allowed: InfluxDB drops such points"_s);
    bad("field key time", {pt({}, {{u"time"_s, 1}})}, 0,
        u"field key \"time\" is not allowed: InfluxDB drops such points"_s);
    bad("empty tag key", {pt({}, f1), pt({{QString(), u"v"_s}}, f1)}, 1,
        u"a tag key of measurement \"m\" is empty"_s);
    bad("empty field key", {pt({}, {{QString(), 1}})}, 0,
        u"a field key of measurement \"m\" is empty"_s);
    bad("field key starting with a tab", {pt({}, {{u"\tf"_s, 1}})}, 0,
        u"field key \"\tf\" starts with a tab or NUL character, which InfluxDB would strip"_s);
    bad("tag value backslash before space", {pt({{u"k"_s, u"a\\ b"_s}}, f1)}, 0,
        u"the value of tag \"k\" has a backslash before a space, which InfluxDB misreads when "
        "it receives several lines"_s);
    bad("empty value before a bad key (DataPoint's order)", {pt({{u"k\\"_s, u""_s}}, f1)}, 0,
        u"tag \"k\\\" has an empty value, which InfluxDB cannot store; leave the tag out "
        "instead"_s);
    bad("raw time out of range",
        {pt({}, f1, PointTime::raw(1)), pt({}, f1, PointTime::raw(Int64Max))}, 1,
        u"time 9223372036854775807 (precision \"n\") is outside the range InfluxDB can store "
        "(1677-09-21T00:12:43.145224194Z to 2262-04-11T23:47:16.854775806Z)"_s);
    bad("Timestamp out of range", {pt({}, f1, Timestamp::fromNanoseconds(Int64Min))}, 0,
        u"time -9223372036854775808 (precision \"n\") is outside the range InfluxDB can store "
        "(1677-09-21T00:12:43.145224194Z to 2262-04-11T23:47:16.854775806Z)"_s);
}

void tst_PointBatch::sameAsDataPoints()
{
    QFETCH(QList<DataPoint>, points);
    QFETCH(Precision, precision);
    QFETCH(QString, message);
    QFETCH(qsizetype, failedRow);

    const PointBatch batch = batchOf(points);
    if (qstrcmp(QTest::currentDataTag(), "NaN") != 0) // NaN != NaN
        QCOMPARE(batch.toPoints(), points);
    const Encoded expected = viaPoints(points, precision);
    const Encoded actual = viaBatch(batch, precision);
    QCOMPARE(actual.body, expected.body);
    QCOMPARE(actual.error, expected.error); // kind, message and detail ("point 3 of 4")
    QCOMPARE(actual.failed, expected.failed);
    // And what that is, so that both paths cannot be wrong together.
    QCOMPARE(actual.error.message(), message);
    QCOMPARE(actual.failed, failedRow);
    QCOMPARE(actual.body.isEmpty(), !message.isEmpty());
    if (!message.isEmpty()) {
        QCOMPARE(actual.error.kind(), Error::Kind::InvalidArgument);
        if (points.size() > 1)
            QCOMPARE(actual.error.detail(),
                     u"point %1 of %2"_s.arg(failedRow + 1).arg(points.size()));
    }
}

// Batches of random rows from awkward pieces, through both paths.
void tst_PointBatch::randomBatchesEqualDataPointPath()
{
    QRandomGenerator random(20261126);
    const QStringList texts {u"a"_s,      u"b c"_s,   u"x,y"_s,  u"k=v"_s, u"\"q\""_s,
                             u"back\\"_s, u"\\ sp"_s, u"#h"_s,   u"\tt"_s, u"é😀"_s,
                             u""_s,       u"time"_s,  u"l\nb"_s, u"zz"_s,  u"host1"_s,
                             u"a\\b"_s,   u"x\\,y"_s, u"東京"_s, u"r1"_s,  u"r2"_s};
    const auto text = [&] {
        // Mostly plain, so that batches get past their first row.
        return random.bounded(4) == 0 ? texts.at(random.bounded(int(texts.size())))
                                      : texts.at(13 + random.bounded(7));
    };
    int failed = 0;
    for (int round = 0; round < 3000; ++round) {
        const QString measurement = random.bounded(20) == 0 ? text() : u"m"_s;
        const int rows = 1 + random.bounded(6);
        QList<DataPoint> points;
        for (int r = 0; r < rows; ++r) {
            Tags tags;
            for (int i = random.bounded(3); i > 0; --i)
                tags.insert(random.bounded(3) == 0 ? text() : u"t%1"_s.arg(i), text());
            Fields fields;
            for (int i = random.bounded(4); i > 0; --i) {
                const QString key = random.bounded(5) == 0 ? text() : u"f%1"_s.arg(i);
                switch (i) { // one type per key, as a column has
                case 1:
                    fields.insert(
                            key, random.bounded(30) == 0 ? qQNaN() : random.generateDouble() * 1e4);
                    break;
                case 2:
                    fields.insert(key, qint64(random.generate64()));
                    break;
                default:
                    fields.insert(key, text());
                    break;
                }
            }
            PointTime time;
            switch (random.bounded(3)) {
            case 0:
                time = Timestamp::fromNanoseconds(qint64(random.generate64()) >> 1);
                break;
            case 1:
                time = PointTime::raw(qint64(random.generate64()) >> random.bounded(64));
                break;
            default:
                break;
            }
            points.append(DataPoint(measurement, tags, fields, time));
        }
        // A key used as tag or field with two types cannot be one column: skip those batches.
        PointBatch batch(measurement);
        bool representable = true;
        for (const DataPoint &point : std::as_const(points)) {
            const Fields fields = point.fields();
            for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
                if (batch.addFieldColumn(it.key(), it.value().type()) < 0)
                    representable = false;
            }
        }
        if (!representable)
            continue;
        const auto precision = Precision(random.bounded(6));
        const Encoded expected = viaPoints(points, precision);
        const Encoded actual = viaBatch(batchOf(points), precision);
        if (actual.body != expected.body || actual.error != expected.error
            || actual.failed != expected.failed) {
            qWarning() << "round" << round << "points" << points.size() << expected.body
                       << actual.body << expected.error.toString() << actual.error.toString();
            QFAIL("encodeBatch() and encodePoints() differ");
        }
        failed += expected.error.isError() ? 1 : 0;
    }
    // Both outcomes were exercised.
    QVERIFY2(failed > 300 && failed < 2700, qPrintable(QString::number(failed)));
}

// writeFloat()'s fast path for short decimals must write exactly what std::to_chars writes.
void tst_PointBatch::floatsAreWrittenAsToChars()
{
    QRandomGenerator random(42);
    qint64 checked = 0;
    const auto check = [&checked](double value) {
        char expected[64];
        const auto end = std::to_chars(expected, expected + sizeof expected, value).ptr;
        const QByteArray actual = LineProtocol::formatFloat(value);
        ++checked;
        if (actual != QByteArrayView(expected, end - expected)) {
            qWarning("%.17g: %s instead of %.*s", value, actual.constData(), int(end - expected),
                     expected);
            return false;
        }
        return true;
    };
    for (int i = 0; i < 300000; ++i)
        QVERIFY(check(std::bit_cast<double>(random.generate64())));
    const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    // n * 10^-k with 1 to 17 digits, and their neighbours.
    for (int digits = 1; digits <= 17; ++digits) {
        quint64 low = 1;
        for (int d = 1; d < digits; ++d)
            low *= 10;
        for (int k = -8; k <= 22; ++k) {
            for (int i = 0; i < 300; ++i) {
                const quint64 n = low + random.bounded(quint64(9) * low);
                const double value = k >= 0 ? double(n) / powers[k] : double(n) * powers[-k];
                QVERIFY(check(value));
                QVERIFY(check(-value));
                QVERIFY(check(std::nextafter(value, 0.0)));
                QVERIFY(check(std::nextafter(value, qInf())));
            }
        }
    }
    for (int e = -30; e <= 30; ++e) {
        for (int m = 1; m < 1000; m += 7) {
            const double value = m * std::pow(10.0, e);
            QVERIFY(check(value));
            QVERIFY(check(std::nextafter(value, 0.0)));
            QVERIFY(check(std::nextafter(value, qInf())));
        }
    }
    for (double value : {0.0, -0.0, 1e-5, 9.999999999999999e-6, 1e15, 999999999999999.9, 100000.0,
                         123456.0, 0.0001, 0.001, 0.1 + 0.2, 5e-324, 1.7976931348623157e308})
        QVERIFY(check(value));
    qInfo("%lld values compared", checked);
}

void tst_PointBatch::writeBatchRoundTrip()
{
    const QString db = TestSupport::uniqueName(u"pointbatch"_s);
    QVERIFY(!TestSupport::createDatabase(db).isError());
    Client client(ClientOptions {.baseUrls = {TestSupport::fixtureUrl()}, .database = db});
    const qint64 count = 3000;
    const PointBatch batch = Bench::Workload::batch(0, count);
    WriteReply *reply = client.writeBatch(batch);
    QCOMPARE(reply->pointCount(), count);
    QVERIFY(reply->waitForFinished(30000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->httpStatus(), 204);
    QCOMPARE(reply->batch().rowCount(), count);
    QCOMPARE(reply->body(), Bench::Workload::lines(0, count).chopped(1));

    Error error;
    const Series series = TestSupport::query(client, u"SELECT * FROM cpu"_s, {}, &error).series();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(series.rowCount(), count);
    QCOMPARE(series.columns(),
             (QStringList {u"time"_s, u"count"_s, u"host"_s, u"region"_s, u"status"_s,
                           u"usage_system"_s, u"usage_user"_s}));
    for (qsizetype row = 0; row < count; ++row) {
        const DataPoint point = batch.point(row); // rows come back in time order
        const Fields fields = point.fields();
        QCOMPARE(series.timeAt(row, 0), *point.time().timestamp());
        QCOMPARE(series.integerAt(row, 1), fields.value(u"count"_s).toInteger());
        QCOMPARE(series.stringAt(row, 2), point.tags().value(u"host"_s));
        QCOMPARE(series.stringAt(row, 3), point.tags().value(u"region"_s));
        QCOMPARE(series.stringAt(row, 4), fields.value(u"status"_s).toString());
        QCOMPARE(series.floatAt(row, 5), fields.value(u"usage_system"_s).toDouble());
        QCOMPARE(series.floatAt(row, 6), fields.value(u"usage_user"_s).toDouble());
    }
    delete reply;
    TestSupport::dropDatabase(db);
}

void tst_PointBatch::writeBatchAwkwardNamesRoundTrip()
{
    const QString db = TestSupport::uniqueName(u"pointbatch"_s);
    QVERIFY(!TestSupport::createDatabase(db).isError());
    Client client(ClientOptions {.baseUrls = {TestSupport::fixtureUrl()},
                                 .database = db,
                                 .precision = Precision::Seconds});
    PointBatch batch(u"température, x=y"_s);
    const int city = batch.addTagColumn(u"città =,"_s);
    const int text = batch.addFieldColumn(u"note \"x\""_s, FieldValue::Type::String);
    const int flag = batch.addFieldColumn(u"ok"_s, FieldValue::Type::Boolean);
    const int value = batch.addFieldColumn(u"v,1"_s, FieldValue::Type::Float);
    const QStringList cities {u"Zürich 😀"_s, u"a,b=c d"_s, u"x\\y"_s};
    const QStringList notes {u"say \"hi\" \\o/"_s, u"tab\there"_s, u"東京"_s};
    for (int i = 0; i < 3; ++i) {
        const qsizetype row = batch.appendRow();
        batch.setTag(row, city, cities.at(i));
        batch.setString(row, text, notes.at(i));
        if (i != 1)
            batch.setBoolean(row, flag, i == 0);
        batch.setFloat(row, value, 0.1 * (i + 1));
        batch.setRawTime(row, 1'700'000'000 + i);
    }
    WriteReply *reply = client.writeBatch(batch);
    QVERIFY(reply->waitForFinished(30000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    delete reply;

    Error error;
    const QueryResult result = TestSupport::query(client, u"SELECT * FROM \"température, x=y\""_s,
                                                  {.epoch = Precision::Seconds}, &error);
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    const Series series = result.series();
    QCOMPARE(series.name(), u"température, x=y"_s);
    QCOMPARE(series.rowCount(), 3);
    QCOMPARE(series.columns(),
             (QStringList {u"time"_s, u"città =,"_s, u"note \"x\""_s, u"ok"_s, u"v,1"_s}));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(series.integerAt(i, 0), 1'700'000'000 + i);
        QCOMPARE(series.stringAt(i, 1), cities.at(i));
        QCOMPARE(series.stringAt(i, 2), notes.at(i));
        QCOMPARE(series.isNull(i, 3), i == 1); // absent in that row
        if (i != 1)
            QCOMPARE(series.booleanAt(i, 3), i == 0);
        QCOMPARE(series.floatAt(i, 4), 0.1 * (i + 1));
    }
    TestSupport::dropDatabase(db);
}

void tst_PointBatch::largeWriteManyRoundTrip()
{
    const QString db = TestSupport::uniqueName(u"pointbatch"_s);
    QVERIFY(!TestSupport::createDatabase(db).isError());
    Client client(ClientOptions {.baseUrls = {TestSupport::fixtureUrl()}, .database = db});
    const qint64 count = 2 * Client::AsyncEncodingThreshold;
    const QList<DataPoint> points = Bench::Workload::points(0, count);
    WriteReply *reply = client.writeMany(points);
    QVERIFY(reply->body().isEmpty()); // still being encoded elsewhere
    QVERIFY(reply->waitForFinished(30000));
    QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
    QCOMPARE(reply->points(), points);
    QCOMPARE(reply->pointCount(), count);
    QCOMPARE(reply->body(), Bench::Workload::lines(0, count).chopped(1));
    const Series series =
            TestSupport::query(client, u"SELECT count(usage_user) FROM cpu"_s).series();
    QCOMPARE(series.integerAt(0, 1), count);
    delete reply;
    TestSupport::dropDatabase(db);
}

void tst_PointBatch::invalidBatchIsNeverSent()
{
    FaultServer server;
    QVERIFY(server.listen());
    Client client(faultOptions(server));
    PointBatch batch = Bench::Workload::batch(0, 10);
    batch.setFloat(7, batch.fieldColumn(u"usage_user"_s), qInf());
    WriteReply *reply = client.writeBatch(batch);
    QSignalSpy finished(reply, &Reply::finished);
    QCOMPARE(finished.count(), 0); // never from inside the call
    QVERIFY(finished.wait(10000));
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error().kind(), Error::Kind::InvalidArgument);
    QCOMPARE(reply->error().message(),
             u"field \"usage_user\" is infinite, which InfluxDB cannot store"_s);
    QCOMPARE(reply->error().detail(), u"point 8 of 10"_s);
    QCOMPARE(reply->failedLines(), QList<qsizetype> {7});
    QCOMPARE(reply->points(), batch.toPoints());
    QVERIFY(reply->body().isEmpty());
    QCOMPARE(server.requests().size(), 0);
}

void tst_PointBatch::invalidLargeWriteManyIsNeverSent()
{
    FaultServer server;
    QVERIFY(server.listen());
    Client client(faultOptions(server));
    QList<DataPoint> points = Bench::Workload::points(0, 1500);
    points[1200].setTag(u"host"_s, QString());
    WriteReply *reply = client.writeMany(points);
    QSignalSpy finished(reply, &Reply::finished);
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(10000));
    QTest::qWait(100);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error().kind(), Error::Kind::InvalidArgument);
    QVERIFY(reply->error().message().startsWith(u"tag \"host\" has an empty value"_s));
    QCOMPARE(reply->error().detail(), u"point 1201 of 1500"_s);
    QCOMPARE(reply->failedLines(), QList<qsizetype> {1200});
    QCOMPARE(reply->points(), points);
    QCOMPARE(server.requests().size(), 0);
}

// The calls return before the encoding is done: it runs on the thread pool.
void tst_PointBatch::encodingLeavesTheCallerAtOnce()
{
    FaultServer server;
    QVERIFY(server.listen());
    server.setHandler([](const FaultServer::Request &, QTcpSocket *socket) {
        FaultServer::respond(socket, 204, {}, {});
    });
    Client client(faultOptions(server));
    const PointBatch batch = Bench::Workload::batch(0, 200000);
    const QList<DataPoint> points = Bench::Workload::points(0, 20000);

    QElapsedTimer timer;
    timer.start();
    Error error;
    const QByteArray batchBody = LineProtocol::encodeBatch(batch, Precision::Nanoseconds, &error);
    const qint64 batchEncoding = timer.nsecsElapsed();
    timer.restart();
    const QByteArray pointsBody =
            LineProtocol::encodePoints(points, Precision::Nanoseconds, &error);
    const qint64 pointsEncoding = timer.nsecsElapsed();

    // The fastest of three calls: on a busy machine any one call may lose the CPU for a while.
    qint64 batchCall = std::numeric_limits<qint64>::max();
    qint64 pointsCall = std::numeric_limits<qint64>::max();
    QList<WriteReply *> batchReplies, pointsReplies;
    for (int i = 0; i < 3; ++i) {
        timer.restart();
        batchReplies.append(client.writeBatch(batch));
        batchCall = std::min(batchCall, timer.nsecsElapsed());
        timer.restart();
        pointsReplies.append(client.writeMany(points));
        pointsCall = std::min(pointsCall, timer.nsecsElapsed());
    }
    QVERIFY2(batchCall * 10 < batchEncoding,
             qPrintable(
                     u"writeBatch took %1 ns, encoding %2 ns"_s.arg(batchCall).arg(batchEncoding)));
    QVERIFY2(
            pointsCall * 10 < pointsEncoding,
            qPrintable(
                    u"writeMany took %1 ns, encoding %2 ns"_s.arg(pointsCall).arg(pointsEncoding)));

    for (WriteReply *reply : std::as_const(batchReplies) + pointsReplies) {
        QVERIFY(reply->waitForFinished(30000));
        QVERIFY2(reply->isSuccess(), qPrintable(reply->error().toString()));
        QCOMPARE(reply->body(), batchReplies.contains(reply) ? batchBody : pointsBody);
    }
    QCOMPARE(server.requests().size(), 6);
    qsizetype sent = 0;
    for (const FaultServer::Request &request : server.requests())
        sent += request.body.size();
    QCOMPARE(sent, 3 * (batchBody.size() + pointsBody.size()));
}

void tst_PointBatch::rejectedRowsAreRowIndexes()
{
    FaultServer server;
    QVERIFY(server.listen());
    const PointBatch batch = Bench::Workload::batch(0, 5);
    const QByteArray line =
            LineProtocol::encodeBatch(batch, Precision::Nanoseconds, nullptr).split('\n').at(3);
    server.setHandler([line](const FaultServer::Request &, QTcpSocket *socket) {
        FaultServer::respond(socket, 400, "application/json",
                             "{\"error\":\"partial write: unable to parse '" + line
                                     + "': bad timestamp dropped=1\"}");
    });
    Client client(faultOptions(server));
    WriteReply *reply = client.writeBatch(batch);
    QVERIFY(reply->waitForFinished(10000));
    QCOMPARE(reply->error().kind(), Error::Kind::ServerError);
    QCOMPARE(reply->failedLines(), QList<qsizetype> {3});
    QCOMPARE(reply->droppedCount(), 1);
    QCOMPARE(reply->points().at(3), batch.point(3));
}

void tst_PointBatch::abortWhileEncoding()
{
    FaultServer server;
    QVERIFY(server.listen());
    Client client(faultOptions(server));
    const PointBatch batch = Bench::Workload::batch(0, 300000);
    WriteReply *reply = client.writeBatch(batch);
    QSignalSpy finished(reply, &Reply::finished);
    QVERIFY(!reply->isFinished());
    QVERIFY(reply->body().isEmpty());
    reply->abort();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error().kind(), Error::Kind::Aborted);
    // Long enough for the encoding to end: its result goes nowhere.
    Error error;
    LineProtocol::encodeBatch(batch, Precision::Nanoseconds, &error);
    QTest::qWait(500);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(reply->error().kind(), Error::Kind::Aborted);
    QVERIFY(reply->body().isEmpty());
    QCOMPARE(server.requests().size(), 0);
}

void tst_PointBatch::deleteWhileEncoding()
{
    FaultServer server;
    QVERIFY(server.listen());
    Client client(faultOptions(server));
    QSignalSpy clientFinished(&client, &Client::replyFinished);
    const PointBatch batch = Bench::Workload::batch(0, 300000);
    QPointer<WriteReply> reply = client.writeBatch(batch);
    QPointer<WriteReply> many = client.writeMany(Bench::Workload::points(0, 50000));
    delete reply;
    delete many;
    Error error;
    LineProtocol::encodeBatch(batch, Precision::Nanoseconds, &error);
    QTest::qWait(1000);
    QCOMPARE(clientFinished.count(), 0);
    QCOMPARE(server.requests().size(), 0);
    // The client still works.
    server.setHandler([](const FaultServer::Request &, QTcpSocket *socket) {
        FaultServer::respond(socket, 204, {}, {});
    });
    WriteReply *next = client.writeBatch(Bench::Workload::batch(0, 1));
    QVERIFY(next->waitForFinished(10000));
    QCOMPARE(server.requests().size(), 1);
}

QTEST_GUILESS_MAIN(tst_PointBatch)
#include "tst_pointbatch.moc"
