// SPDX-License-Identifier: MIT
// Series: typed column storage, widening, row access (the reference's KeyedTuple tests 20-33),
// time handling, memory and copy-on-write.

#include "series.h"
#include "series_p.h"

#include <QtTest/QTest>

#include <limits>

#ifdef Q_OS_LINUX
#    include <sys/mman.h>
#    include <unistd.h>
#endif

using namespace Influx;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Influx::ColumnType)

namespace {

QVariant integer(qint64 value)
{
    return QVariant::fromValue(value);
}

QVariant time(qint64 nanoseconds)
{
    return QVariant::fromValue(Timestamp::fromNanoseconds(nanoseconds));
}

// The reference tests' KeyedTuple: columns col1, col2, 'col 3' and one row.
Series keyedTupleSeries(const QVariantList &row, const QStringList &columns = {})
{
    Series series(u"m1"_s,
                  columns.isEmpty() ? QStringList {u"col1"_s, u"col2"_s, u"col 3"_s} : columns);
    series.appendRow(row);
    return series;
}

Series oneColumn(const QVariantList &values, const QString &column = u"v"_s)
{
    Series series(u"m"_s, {column});
    for (const QVariant &value : values)
        series.appendRow({value});
    return series;
}

} // namespace

class tst_Series : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void podArrayAcrossTheMappingThreshold();
    void podArrayPopulatesAheadOfTheWrites();
    void defaultConstructed();
    void columnTypes_data();
    void columnTypes();
    void nulls();
    void dictionaryStrings();
    void typedAccess();

    // Reference tests 20-33, KeyedTuple → Series::Row.
    void rowAsMap();
    void rowTimestamp();
    void rowByName_data();
    void rowByName();
    void rowUnknownName();
    void rowByIndex_data();
    void rowByIndex();
    void rowSize();
    void rowValuesInOrder();
    void rowEquality();
    void rowEqualityOtherColumns();
    void rowLessThan();
    void rowLessThanOtherColumns();
    void seriesRows();

    void readingDoesNotMutate();
    void timeColumn_data();
    void timeColumn();
    void timeColumnFallsBackToText();
    void integerEpochsStayIntegers();

    void builder();
    void appendRows_data();
    void appendRows();
    void appendRowsRemapsDictionary();
    void appendRowsToItself();
    void appendRowsMoreColumns();
    void equality();
    void copyOnWrite();
    void memoryForMillionRows();
    void memoryAfterMergingPieces();
};

void tst_Series::defaultConstructed()
{
    const Series series;
    QVERIFY(series.isEmpty());
    QCOMPARE(series.columnCount(), 0);
    QCOMPARE(series.name(), QString());
    QVERIFY(!series.value(0, 0).isValid());
    QCOMPARE(series.columnIndex(u"time"), -1);
    QCOMPARE(series, Series());
}

void tst_Series::columnTypes_data()
{
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<ColumnType>("type");
    QTest::addColumn<QVariantList>("expected"); // as read back

    const qint64 big = (qint64(1) << 53) + 1;
    const quint64 huge = quint64(std::numeric_limits<qint64>::max()) + 1;
    QTest::newRow("integers") << QVariantList {integer(1), integer(-7)} << ColumnType::Integer
                              << QVariantList {integer(1), integer(-7)};
    QTest::newRow("int is an integer")
            << QVariantList {1, 2} << ColumnType::Integer << QVariantList {integer(1), integer(2)};
    QTest::newRow("floats") << QVariantList {0.1, 654.5} << ColumnType::Float
                            << QVariantList {0.1, 654.5};
    QTest::newRow("integer then float widens")
            << QVariantList {integer(654), 0.1} << ColumnType::Float << QVariantList {654.0, 0.1};
    QTest::newRow("float then integer widens")
            << QVariantList {0.1, integer(654)} << ColumnType::Float << QVariantList {0.1, 654.0};
    QTest::newRow("2^53 still exact as float")
            << QVariantList {integer(qint64(1) << 53), 0.5} << ColumnType::Float
            << QVariantList {double(qint64(1) << 53), 0.5};
    QTest::newRow("integer beyond 2^53 then float is mixed")
            << QVariantList {integer(big), 0.5} << ColumnType::Mixed
            << QVariantList {integer(big), 0.5};
    QTest::newRow("float then integer beyond 2^53 is mixed")
            << QVariantList {0.5, integer(-big)} << ColumnType::Mixed
            << QVariantList {0.5, integer(-big)};
    QTest::newRow("booleans") << QVariantList {true, false} << ColumnType::Boolean
                              << QVariantList {true, false};
    QTest::newRow("strings") << QVariantList {u"a"_s, u"b"_s} << ColumnType::String
                             << QVariantList {u"a"_s, u"b"_s};
    QTest::newRow("string then integer is mixed")
            << QVariantList {u"a"_s, integer(1)} << ColumnType::Mixed
            << QVariantList {u"a"_s, integer(1)};
    QTest::newRow("boolean then float is mixed")
            << QVariantList {true, 1.5} << ColumnType::Mixed << QVariantList {true, 1.5};
    QTest::newRow("only nulls") << QVariantList {QVariant(), QVariant()} << ColumnType::Null
                                << QVariantList {QVariant(), QVariant()};
    QTest::newRow("null then integer")
            << QVariantList {QVariant(), integer(3)} << ColumnType::Integer
            << QVariantList {QVariant(), integer(3)};
    QTest::newRow("unsigned above int64 stays exact")
            << QVariantList {integer(1), QVariant::fromValue(huge)} << ColumnType::Mixed
            << QVariantList {integer(1), QVariant::fromValue(huge)};
    QTest::newRow("timestamps") << QVariantList {time(1), time(2)} << ColumnType::Time
                                << QVariantList {time(1), time(2)};
    QTest::newRow("int64 limits") << QVariantList {integer(std::numeric_limits<qint64>::max()),
                                                   integer(std::numeric_limits<qint64>::min())}
                                  << ColumnType::Integer
                                  << QVariantList {integer(std::numeric_limits<qint64>::max()),
                                                   integer(std::numeric_limits<qint64>::min())};
}

void tst_Series::columnTypes()
{
    QFETCH(QVariantList, values);
    QFETCH(ColumnType, type);
    QFETCH(QVariantList, expected);

    const Series series = oneColumn(values);
    QCOMPARE(series.columnType(0), type);
    QCOMPARE(series.rowCount(), expected.size());
    for (qsizetype row = 0; row < expected.size(); ++row) {
        const QVariant value = series.value(row, 0);
        QCOMPARE(value, expected.at(row));
        QCOMPARE(value.metaType(), expected.at(row).metaType()); // exact type, not just ==
    }
}

void tst_Series::nulls()
{
    const Series series = oneColumn({1.5, QVariant(), 2.5, QVariant::fromValue(nullptr)});
    QCOMPARE(series.columnType(0), ColumnType::Float);
    QVERIFY(!series.isNull(0, 0));
    QVERIFY(series.isNull(1, 0));
    QVERIFY(!series.value(1, 0).isValid());
    QCOMPARE(series.floatAt(1, 0), 0.0);
    QVERIFY(series.isNull(3, 0));
    // Out of range is null, not a crash.
    QVERIFY(series.isNull(4, 0));
    QVERIFY(series.isNull(0, 1));

    // Nulls before the first value, and after many rows (bitmap growth).
    Series late(u"m"_s, {u"v"_s});
    for (int i = 0; i < 200; ++i)
        late.appendRow({QVariant()});
    late.appendRow({u"x"_s});
    late.appendRow({QVariant()});
    QCOMPARE(late.columnType(0), ColumnType::String);
    QVERIFY(late.isNull(0, 0));
    QVERIFY(late.isNull(199, 0));
    QCOMPARE(late.value(200, 0), QVariant(u"x"_s));
    QVERIFY(late.isNull(201, 0));
}

void tst_Series::dictionaryStrings()
{
    // Repeated strings (tag values, states) are stored once: 100k rows of three values cost
    // a 4-byte code per row (plus growth room), far less than 100k distinct strings.
    Series series(u"m"_s, {u"host"_s});
    const QStringList hosts {u"server-a"_s, u"server-b"_s, u"server-ü"_s};
    for (int i = 0; i < 100'000; ++i)
        series.appendRow({hosts.at(i % 3)});
    QCOMPARE(series.columnType(0), ColumnType::String);
    QCOMPARE(series.stringAt(0, 0), u"server-a"_s);
    QCOMPARE(series.stringAt(99'999, 0), hosts.at(99'999 % 3));
    QCOMPARE(series.value(2, 0), QVariant(u"server-ü"_s));
    QVERIFY2(series.memoryUsage() < 100'000 * 8, QByteArray::number(series.memoryUsage()));
    Series distinct(u"m"_s, {u"host"_s});
    for (int i = 0; i < 100'000; ++i)
        distinct.appendRow({u"server-%1"_s.arg(i)});
    QVERIFY(distinct.memoryUsage() > 5 * series.memoryUsage());
}

void tst_Series::typedAccess()
{
    Series series(u"m"_s, {u"time"_s, u"i"_s, u"f"_s, u"b"_s, u"s"_s});
    series.appendRow({time(1'500'000'000'123'456'789), integer(42), 0.25, true, u"x"_s});
    QCOMPARE(series.timeAt(0, 0), Timestamp::fromNanoseconds(1'500'000'000'123'456'789));
    QCOMPARE(series.integerAt(0, 1), 42);
    QCOMPARE(series.floatAt(0, 1), 42.0); // Integer columns convert
    QCOMPARE(series.floatAt(0, 2), 0.25);
    QCOMPARE(series.booleanAt(0, 3), true);
    QCOMPARE(series.stringAt(0, 4), u"x"_s);
    QCOMPARE(series.stringAt(0, 0), u"2017-07-14T02:40:00.123456789Z"_s);
}

void tst_Series::rowAsMap()
{
    // test_asdict
    const Series series = keyedTupleSeries({2.65, 2.19, 6.03});
    const QVariantMap expected {{u"col1"_s, 2.65}, {u"col2"_s, 2.19}, {u"col 3"_s, 6.03}};
    QCOMPARE(series.row(0).toMap(), expected);
}

void tst_Series::rowTimestamp()
{
    // test_timestamp; all nine fraction digits are kept (the reference truncated to µs).
    Series series(u"m1"_s, {u"time"_s, u"value"_s});
    series.appendRow({u"2016-12-11T13:40:45.150329483Z"_s, integer(6)});
    const Series::Row row = series.row(0);
    QCOMPARE(series.columnType(0), ColumnType::Time);
    const auto expected = Timestamp::fromRfc3339(QByteArrayView("2016-12-11T13:40:45.150329483Z"));
    QVERIFY(expected);
    QCOMPARE(expected->nanoseconds() % 1'000'000'000, 150'329'483);
    QCOMPARE(row.value(u"time"), QVariant::fromValue(*expected));
    QCOMPARE(row.value(u"value"), integer(6));
}

void tst_Series::rowByName_data()
{
    QTest::addColumn<QString>("column");
    QTest::addColumn<QVariant>("expected");
    // test_getattr and test_getitem[names]
    QTest::newRow("col1") << u"col1"_s << QVariant(2.65);
    QTest::newRow("col2") << u"col2"_s << QVariant(2.19);
    QTest::newRow("name with a space") << u"col 3"_s << QVariant(6.03);
}

void tst_Series::rowByName()
{
    QFETCH(QString, column);
    QFETCH(QVariant, expected);
    const Series series = keyedTupleSeries({2.65, 2.19, 6.03});
    const Series::Row row = series.row(0);
    QCOMPARE(row.value(column), expected);
    QCOMPARE(row[QStringView(column)], expected);
    QVERIFY(row.contains(column));
}

void tst_Series::rowUnknownName()
{
    // test_getattr_error: "no such column: foo" → an invalid QVariant and contains() false.
    const Series series = keyedTupleSeries({2.65, 2.19, 6.03});
    QVERIFY(!series.row(0).value(u"foo").isValid());
    QVERIFY(!series.row(0).contains(u"foo"));
}

void tst_Series::rowByIndex_data()
{
    QTest::addColumn<qsizetype>("index");
    QTest::addColumn<QVariant>("expected");
    // test_getitem[numeric], plus negative indexes from the end.
    QTest::newRow("0") << qsizetype(0) << QVariant(2.65);
    QTest::newRow("1") << qsizetype(1) << QVariant(2.19);
    QTest::newRow("2") << qsizetype(2) << QVariant(6.03);
    QTest::newRow("-1 is the last") << qsizetype(-1) << QVariant(6.03);
    QTest::newRow("-3 is the first") << qsizetype(-3) << QVariant(2.65);
    QTest::newRow("3 is out of range") << qsizetype(3) << QVariant();
    QTest::newRow("-4 is out of range") << qsizetype(-4) << QVariant();
}

void tst_Series::rowByIndex()
{
    QFETCH(qsizetype, index);
    QFETCH(QVariant, expected);
    const Series series = keyedTupleSeries({2.65, 2.19, 6.03});
    QCOMPARE(series.row(0).value(index), expected);
    QCOMPARE(series.row(0)[index], expected);
}

void tst_Series::rowSize()
{
    // test_len
    const Series series = keyedTupleSeries({2.65, 2.19, 6.03});
    QCOMPARE(series.row(0).size(), 3);
}

void tst_Series::rowValuesInOrder()
{
    // test_iter
    const Series series = keyedTupleSeries({2.65, 2.19, 6.03});
    QCOMPARE(series.row(0).values(), (QVariantList {2.65, 2.19, 6.03}));
}

void tst_Series::rowEquality()
{
    // test_eq: equal when the columns and the row are equal.
    const Series a = keyedTupleSeries({2.65, 2.19, 6.03});
    const Series b = keyedTupleSeries({2.65, 2.19, 6.03});
    const Series otherColumn =
            keyedTupleSeries({2.65, 2.19, 6.03}, {u"col1"_s, u"col2"_s, u"col 4"_s});
    const Series otherValue = keyedTupleSeries({2.65, 2.19, 6.04});
    QVERIFY(a.row(0) == b.row(0));
    QVERIFY(!(a.row(0) == otherColumn.row(0)));
    QVERIFY(!(a.row(0) == otherValue.row(0)));
}

void tst_Series::rowEqualityOtherColumns()
{
    // test_eq_notimplemented: comparing with something else is "not equal", no error. A Row
    // can only meet another Row; one with fewer columns is simply unequal.
    const Series a = keyedTupleSeries({2.65, 2.19, 6.03});
    const Series shorter = keyedTupleSeries({2.65, 2.19}, {u"col1"_s, u"col2"_s});
    QVERIFY(!(a.row(0) == shorter.row(0)));
}

void tst_Series::rowLessThan()
{
    // test_lt
    const Series a = keyedTupleSeries({2.65, 2.19, 6.03});
    const Series b = keyedTupleSeries({2.66, 2.19, 6.03});
    QVERIFY(a.row(0) < b.row(0));
    QVERIFY(!(b.row(0) < a.row(0)));
    QVERIFY(!(a.row(0) < a.row(0)));
    // Later columns decide when the earlier ones are equal; null sorts first.
    const Series c = keyedTupleSeries({2.65, 2.19, 7.0});
    const Series d = keyedTupleSeries({2.65, QVariant(), 7.0});
    QVERIFY(a.row(0) < c.row(0));
    QVERIFY(d.row(0) < a.row(0));
}

void tst_Series::rowLessThanOtherColumns()
{
    // test_lt_notimplemented: the reference raises TypeError; rows with different columns
    // are not ordered either way.
    const Series a = keyedTupleSeries({2.65, 2.19, 6.03});
    const Series other = keyedTupleSeries({2.66, 2.19, 6.03}, {u"x"_s, u"y"_s, u"z"_s});
    QVERIFY(!(a.row(0) < other.row(0)));
    QVERIFY(!(other.row(0) < a.row(0)));
}

void tst_Series::seriesRows()
{
    // TestSeries.test_iter and test_len
    Series series(u"m1"_s, {u"col1"_s, u"col2"_s});
    series.appendRow({integer(1), u"a"_s});
    series.appendRow({integer(2), u"b"_s});
    QCOMPARE(series.rowCount(), 2);
    QList<QVariantList> rows;
    for (qsizetype i = 0; i < series.rowCount(); ++i)
        rows.append(series.row(i).values());
    QCOMPARE(rows, (QList<QVariantList> {{integer(1), u"a"_s}, {integer(2), u"b"_s}}));
}

void tst_Series::readingDoesNotMutate()
{
    // The reference replaced the time string in place while iterating; reading twice failed.
    Series series(u"m1"_s, {u"time"_s, u"v"_s});
    series.appendRow({u"2016-12-11T13:40:45.150329483Z"_s, integer(6)});
    const Series before = series;
    const QVariant first = series.row(0).value(u"time");
    const QVariant second = series.row(0).value(u"time");
    QCOMPARE(first, second);
    QCOMPARE(series.row(0).toMap(), series.row(0).toMap());
    QCOMPARE(series, before);
    QCOMPARE(series.columnType(0), ColumnType::Time);
    QCOMPARE(series.stringAt(0, 0), u"2016-12-11T13:40:45.150329483Z"_s);
}

void tst_Series::timeColumn_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ColumnType>("type");
    // Times are Time values only when the Timestamp reproduces the text exactly.
    QTest::newRow("nine digits") << u"2016-12-11T13:40:45.150329483Z"_s << ColumnType::Time;
    QTest::newRow("microseconds") << u"2016-12-03T19:26:51.053212Z"_s << ColumnType::Time;
    QTest::newRow("no fraction") << u"2016-12-03T19:26:51Z"_s << ColumnType::Time;
    QTest::newRow("one digit") << u"2016-12-03T19:26:51.1Z"_s << ColumnType::Time;
    QTest::newRow("before 1970") << u"1969-12-31T23:59:59.5Z"_s << ColumnType::Time;
    QTest::newRow("tz() offset kept as text")
            << u"2016-12-03T20:26:51+01:00"_s << ColumnType::String;
    QTest::newRow("trailing zeros kept as text")
            << u"2016-12-03T19:26:51.100Z"_s << ColumnType::String;
    QTest::newRow("not a time") << u"yesterday"_s << ColumnType::String;
    // Forms the parser may accept or reject; either way the text must come back unchanged.
    QTest::newRow("lower-case t and z") << u"2016-12-03t19:26:51z"_s << ColumnType::String;
    QTest::newRow("zero offset") << u"2016-12-03T19:26:51+00:00"_s << ColumnType::String;
    QTest::newRow("all-zero fraction") << u"2016-12-03T19:26:51.000Z"_s << ColumnType::String;
    QTest::newRow("ten fraction digits")
            << u"2016-12-03T19:26:51.1234567891Z"_s << ColumnType::String;
    QTest::newRow("leap second") << u"2016-12-31T23:59:60Z"_s << ColumnType::String;
    QTest::newRow("24:00") << u"2016-12-31T24:00:00Z"_s << ColumnType::String;
    QTest::newRow("February 30") << u"2016-02-30T00:00:00Z"_s << ColumnType::String;
    QTest::newRow("February 29 of a leap year") << u"2016-02-29T00:00:00Z"_s << ColumnType::Time;
    QTest::newRow("month 13") << u"2016-13-01T00:00:00Z"_s << ColumnType::String;
    QTest::newRow("year 2263 is beyond int64 ns")
            << u"2263-01-01T00:00:00Z"_s << ColumnType::String;
    QTest::newRow("earliest nanosecond") << u"1677-09-21T00:12:43.145224192Z"_s << ColumnType::Time;
    QTest::newRow("latest nanosecond") << u"2262-04-11T23:47:16.854775807Z"_s << ColumnType::Time;
    QTest::newRow("trailing garbage") << u"2016-12-03T19:26:51Zx"_s << ColumnType::String;
    QTest::newRow("dot without digits") << u"2016-12-03T19:26:51.Z"_s << ColumnType::String;
}

void tst_Series::timeColumn()
{
    QFETCH(QString, text);
    QFETCH(ColumnType, type);
    const Series series = oneColumn({text}, u"time"_s);
    QCOMPARE(series.columnType(0), type);
    QCOMPARE(series.stringAt(0, 0), text); // as the server sent it, either way
    if (type == ColumnType::Time)
        QCOMPARE(series.timeAt(0, 0), *Timestamp::fromRfc3339(QStringView(text)));
    else
        QCOMPARE(series.value(0, 0), QVariant(text));

    // Only the column named "time" parses times.
    QCOMPARE(oneColumn({text}, u"when"_s).columnType(0), ColumnType::String);
}

void tst_Series::timeColumnFallsBackToText()
{
    // A later time that does not round-trip turns the column back into the original texts.
    const QStringList texts {u"2016-12-03T19:26:51.053212Z"_s, u"2016-12-03T19:26:52Z"_s,
                             u"2016-12-03T20:26:53+01:00"_s, u"2016-12-03T19:26:54.5Z"_s};
    const Series series =
            oneColumn({texts.at(0), texts.at(1), QVariant(), texts.at(2), texts.at(3)}, u"time"_s);
    QCOMPARE(series.columnType(0), ColumnType::String);
    QCOMPARE(series.value(0, 0), QVariant(texts.at(0)));
    QCOMPARE(series.value(1, 0), QVariant(texts.at(1)));
    QVERIFY(series.isNull(2, 0));
    QCOMPARE(series.value(3, 0), QVariant(texts.at(2)));
    QCOMPARE(series.value(4, 0), QVariant(texts.at(3)));
}

void tst_Series::integerEpochsStayIntegers()
{
    // epoch=ns: the reference's KeyedTuple failed on int times; ours stay exact integers.
    const Series series = oneColumn({integer(1546849598178339889), integer(1)}, u"time"_s);
    QCOMPARE(series.columnType(0), ColumnType::Integer);
    QCOMPARE(series.integerAt(0, 0), 1546849598178339889);
    QCOMPARE(series.row(0).value(u"time"), integer(1546849598178339889));
    QCOMPARE(series.row(0).value(u"time").metaType(), QMetaType::fromType<qint64>());
}

void tst_Series::builder()
{
    SeriesBuilder builder;
    builder.start(u"cpu"_s, {{u"host"_s, u"a"_s}}, {u"time"_s, u"v"_s, u"s"_s});
    builder.reserve(2);
    builder.appendString("2016-12-03T19:26:51.053212Z");
    builder.appendFloat(0.5);
    builder.appendString("héllo");
    builder.endRow();
    builder.appendTime(Timestamp::fromNanoseconds(7));
    builder.appendInteger(2); // widens to Float: exact
    builder.endRow(); // the missing cell is null
    const Series series = builder.take();
    QCOMPARE(series.name(), u"cpu"_s);
    QCOMPARE(series.tags(), (QMap<QString, QString> {{u"host"_s, u"a"_s}}));
    QCOMPARE(series.rowCount(), 2);
    QCOMPARE(series.columnType(0), ColumnType::Time);
    QCOMPARE(series.columnType(1), ColumnType::Float);
    QCOMPARE(series.value(1, 1), QVariant(2.0));
    QCOMPARE(series.value(0, 2), QVariant(u"héllo"_s));
    QVERIFY(series.isNull(1, 2));
    QCOMPARE(builder.take().rowCount(), 0); // the builder is empty afterwards
}

void tst_Series::appendRows_data()
{
    QTest::addColumn<QVariantList>("first");
    QTest::addColumn<QVariantList>("second");
    QTest::addColumn<ColumnType>("type");

    QTest::newRow("same type") << QVariantList {integer(1)} << QVariantList {integer(2)}
                               << ColumnType::Integer;
    QTest::newRow("integer + float")
            << QVariantList {integer(1)} << QVariantList {2.5} << ColumnType::Float;
    QTest::newRow("float + integer")
            << QVariantList {2.5} << QVariantList {integer(1)} << ColumnType::Float;
    QTest::newRow("big integer + float")
            << QVariantList {integer(qint64(1) << 60)} << QVariantList {2.5} << ColumnType::Mixed;
    QTest::newRow("null + boolean")
            << QVariantList {QVariant()} << QVariantList {true} << ColumnType::Boolean;
    QTest::newRow("string + null")
            << QVariantList {u"a"_s} << QVariantList {QVariant()} << ColumnType::String;
    QTest::newRow("string + integer")
            << QVariantList {u"a"_s} << QVariantList {integer(1)} << ColumnType::Mixed;
    QTest::newRow("mixed + mixed") << QVariantList {u"a"_s, true}
                                   << QVariantList {integer(1), u"b"_s} << ColumnType::Mixed;
}

void tst_Series::appendRows()
{
    QFETCH(QVariantList, first);
    QFETCH(QVariantList, second);
    QFETCH(ColumnType, type);

    Series merged = oneColumn(first);
    merged.appendRows(oneColumn(second));
    QCOMPARE(merged.columnType(0), type);
    QCOMPARE(merged.rowCount(), first.size() + second.size());
    // Same values as appending all rows one by one.
    const Series expected = oneColumn(first + second);
    QCOMPARE(merged.columnType(0), expected.columnType(0));
    QCOMPARE(merged, expected);
    for (qsizetype row = 0; row < merged.rowCount(); ++row)
        QCOMPARE(merged.value(row, 0).metaType(), expected.value(row, 0).metaType());
}

void tst_Series::appendRowsRemapsDictionary()
{
    Series a(u"m"_s, {u"time"_s, u"host"_s});
    a.appendRow({time(1), u"a"_s});
    a.appendRow({time(2), u"b"_s});
    Series b(u"m"_s, {u"time"_s, u"host"_s});
    b.appendRow({time(3), u"c"_s}); // code 0 in b, code 2 in a
    b.appendRow({time(4), QVariant()});
    b.appendRow({time(5), u"b"_s}); // code 1 in b, code 1 in a
    b.appendRow({time(6), u"a"_s});
    a.appendRows(b);
    QCOMPARE(a.rowCount(), 6);
    QCOMPARE(a.columnType(0), ColumnType::Time);
    QCOMPARE(a.timeAt(5, 0), Timestamp::fromNanoseconds(6));
    const QVariantList hosts {u"a"_s, u"b"_s, u"c"_s, QVariant(), u"b"_s, u"a"_s};
    for (qsizetype row = 0; row < 6; ++row)
        QCOMPARE(a.value(row, 1), hosts.at(row));
    QVERIFY(a.isNull(3, 1));

    // Time + original text (a tz() piece) → the texts of both pieces.
    Series t = oneColumn({u"2016-12-03T19:26:51Z"_s}, u"time"_s);
    t.appendRows(oneColumn({u"2016-12-03T20:26:52+01:00"_s}, u"time"_s));
    QCOMPARE(t.columnType(0), ColumnType::String);
    QCOMPARE(t.value(0, 0), QVariant(u"2016-12-03T19:26:51Z"_s));
    QCOMPARE(t.value(1, 0), QVariant(u"2016-12-03T20:26:52+01:00"_s));
}

void tst_Series::appendRowsToItself()
{
    Series series = oneColumn({integer(1), integer(2)});
    series.appendRows(series);
    QCOMPARE(series, oneColumn({integer(1), integer(2), integer(1), integer(2)}));
}

void tst_Series::appendRowsMoreColumns()
{
    Series series = oneColumn({integer(1)});
    Series wider(u"m"_s, {u"v"_s, u"w"_s});
    wider.appendRow({integer(2), u"x"_s});
    series.appendRows(wider);
    QCOMPARE(series.columns(), (QStringList {u"v"_s, u"w"_s}));
    QCOMPARE(series.row(0).values(), (QVariantList {integer(1), QVariant()}));
    QCOMPARE(series.row(1).values(), (QVariantList {integer(2), u"x"_s}));
    series.appendRows(oneColumn({integer(3)}));
    QCOMPARE(series.row(2).values(), (QVariantList {integer(3), QVariant()}));
}

void tst_Series::equality()
{
    const Series a = keyedTupleSeries({2.65, 2.19, 6.03});
    QCOMPARE(a, keyedTupleSeries({2.65, 2.19, 6.03}));
    QVERIFY(a != keyedTupleSeries({2.65, 2.19, 6.04}));
    QVERIFY(a != keyedTupleSeries({2.65, 2.19, 6.03}, {u"col1"_s, u"col2"_s, u"x"_s}));
    Series renamed(u"m2"_s, a.columns());
    renamed.appendRow({2.65, 2.19, 6.03});
    QVERIFY(a != renamed);
    Series tagged(u"m1"_s, a.columns(), {{u"host"_s, u"a"_s}});
    tagged.appendRow({2.65, 2.19, 6.03});
    QVERIFY(a != tagged);
    Series twoRows = a;
    twoRows.appendRow({2.65, 2.19, 6.03});
    QVERIFY(a != twoRows);
    // Values compare as QVariant does: Go sends the float 654.0 as 654.
    QCOMPARE(oneColumn({integer(654)}), oneColumn({654.0}));
}

void tst_Series::copyOnWrite()
{
    Series original = oneColumn({integer(1), integer(2)});
    Series copy = original;
    copy.appendRow({integer(3)});
    copy.setTruncated(true);
    QCOMPARE(original.rowCount(), 2);
    QVERIFY(!original.isTruncated());
    QCOMPARE(copy.rowCount(), 3);
    QVERIFY(copy.isTruncated());

    Series piece = oneColumn({0.5});
    Series shared = original;
    original.appendRows(piece);
    QCOMPARE(original.columnType(0), ColumnType::Float);
    QCOMPARE(shared.columnType(0), ColumnType::Integer);
    QCOMPARE(shared, oneColumn({integer(1), integer(2)}));

    Series moved = std::move(copy);
    QCOMPARE(moved.rowCount(), 3);
}

void tst_Series::memoryForMillionRows()
{
    // time + float: 8 + 8 bytes a row plus the null bitmaps, about 16 MB.
    SeriesBuilder builder;
    builder.start(u"m"_s, {}, {u"time"_s, u"value"_s});
    constexpr qsizetype rows = 1'000'000;
    builder.reserve(rows);
    for (qsizetype i = 0; i < rows; ++i) {
        builder.appendTime(Timestamp::fromNanoseconds(1'500'000'000'000'000'000 + i * 1000));
        builder.appendFloat(double(i) / 3);
        builder.endRow();
    }
    const Series series = builder.take();
    QCOMPARE(series.rowCount(), rows);
    const qsizetype bytes = series.memoryUsage();
    qInfo("1M rows of time + float: %.1f MB", double(bytes) / 1e6);
    QVERIFY2(bytes < 40'000'000, QByteArray::number(bytes));
    QVERIFY(bytes >= rows * 16);
}

void tst_Series::memoryAfterMergingPieces()
{
    // A chunked response: 100 pieces of 10k rows appended, then squeezed as the merger does.
    Series merged;
    for (int piece = 0; piece < 100; ++piece) {
        SeriesBuilder builder;
        builder.start(u"m"_s, {}, {u"time"_s, u"value"_s});
        builder.reserve(10'000);
        for (int i = 0; i < 10'000; ++i) {
            builder.appendTime(Timestamp::fromNanoseconds(qint64(piece) * 10'000 + i));
            builder.appendFloat(i * 0.5);
            builder.endRow();
        }
        merged.appendRows(builder.take());
    }
    QCOMPARE(merged.rowCount(), 1'000'000);
    QVERIFY2(merged.memoryUsage() < 40'000'000, QByteArray::number(merged.memoryUsage()));
    merged.squeeze();
    qInfo("1M rows merged from 100 pieces: %.1f MB", double(merged.memoryUsage()) / 1e6);
    QVERIFY2(merged.memoryUsage() < 17'000'000, QByteArray::number(merged.memoryUsage()));
    QCOMPARE(merged.timeAt(999'999, 0), Timestamp::fromNanoseconds(999'999));
}

// PodArray keeps every value while it moves between malloc and pages of its own (and back),
// grows by doubling, shrinks, is copied and moved; resize() zero-fills across a remap.
void tst_Series::podArrayAcrossTheMappingThreshold()
{
    constexpr size_t large = 3 * PodStorage::LargeBytes / sizeof(qint64); // 3 doublings past
    PodArray<qint64> values;
    for (size_t i = 0; i < large; ++i)
        values.push_back(qint64(i) * 7 - 3);
    QVERIFY(values.capacity() * sizeof(qint64) >= PodStorage::LargeBytes);
    PodArray<qint64> copy = values;
    values.resize(large + 100'000); // remapped; the new part reads as zero
    for (size_t i = 0; i < large; ++i)
        QCOMPARE(values[i], qint64(i) * 7 - 3);
    for (size_t i = large; i < values.size(); ++i)
        QCOMPARE(values[i], 0);

    values.resize(10);
    values.shrink_to_fit(); // back to malloc
    QCOMPARE(values.capacity(), size_t(10));
    for (size_t i = 0; i < 10; ++i)
        QCOMPARE(values[i], qint64(i) * 7 - 3);

    PodArray<qint64> moved = std::move(copy);
    QCOMPARE(moved.size(), large);
    QCOMPARE(moved[large - 1], qint64(large - 1) * 7 - 3);
    moved.shrink_to_fit(); // a mapping that shrinks stays one, rounded to whole pages
    QVERIFY(moved.capacity() >= large);
    QCOMPARE(moved[large / 2], qint64(large / 2) * 7 - 3);
    copy = moved; // assigning into a moved-from array
    QCOMPARE(copy.size(), large);
    QCOMPARE(copy[large - 1], moved[large - 1]);

    PodArray<quint8> bytes; // one-byte elements, grown past the threshold by resize()
    bytes.resize(PodStorage::LargeBytes + 1);
    bytes[PodStorage::LargeBytes] = 9;
    bytes.resize(2 * PodStorage::LargeBytes + 3);
    QCOMPARE(bytes[PodStorage::LargeBytes], quint8(9));
    bytes.reset();
    QCOMPARE(bytes.size(), size_t(0));
}

QTEST_APPLESS_MAIN(tst_Series)
void tst_Series::podArrayPopulatesAheadOfTheWrites()
{
#if defined(Q_OS_LINUX) && defined(MADV_POPULATE_WRITE)
    // Pushed to just past 4 MiB, a mapping has doubled to 8 MiB: the pages up to 2 MiB ahead of
    // the last write are in memory already (one madvise, no fault each), the rest is not.
    const size_t page = size_t(sysconf(_SC_PAGESIZE));
    constexpr size_t mib = 1024 * 1024;
    PodArray<qint64> values;
    const size_t count = 4 * mib / sizeof(qint64) + 1;
    for (size_t i = 0; i < count; ++i)
        values.push_back(qint64(i));
    QCOMPARE(values.capacity() * sizeof(qint64), 8 * mib);
    const auto resident = [&](size_t offset) {
        unsigned char state = 0;
        const auto address = reinterpret_cast<quintptr>(values.begin()) + offset;
        const int result = mincore(reinterpret_cast<void *>(address / page * page), 1, &state);
        return result == 0 && (state & 1);
    };
    QVERIFY(resident(0));
    QVERIFY(resident(4 * mib + page)); // never written yet
    QVERIFY(resident(6 * mib - page)); // the last page of the window
    QVERIFY(!resident(7 * mib)); // beyond the window: not committed
    values.push_back(1);
    QCOMPARE(values[count - 1], qint64(count - 1));
    QCOMPARE(values[count], 1);
#else
    QSKIP("MADV_POPULATE_WRITE is Linux-only");
#endif
}

#include "tst_series.moc"
