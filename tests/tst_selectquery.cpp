// SPDX-License-Identifier: MIT
// The query builder: every example of reference spec §8.5 and the helpers of §9.1/§9.2
// (conformance tests 10-11, 34-44, 51-57). Where the reference has a QUIRK, the test asserts
// our fixed output (DECISIONS.md) and is named after the fix.
#include "selectquery.h"
#include "timestamp.h"

#include <QtCore/QDate>
#include <QtCore/QDateTime>
#include <QtTest/QTest>

#include <functional>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Influx;

namespace {

// The reference tests' starting point: SelectQuery(client, 'key1,key2', '"m1","m2"').
SelectQuery base()
{
    return SelectQuery(nullptr, {u"key1,key2"_s}, {"m1", "m2"});
}

// The "additional behaviours" table's starting point: SelectQuery(c, 'a', '"m"').
SelectQuery small()
{
    return SelectQuery(nullptr, {u"a"_s}, {"m"});
}

QStringList list(const QString &one)
{
    return QStringList {one};
}

} // namespace

class TestSelectQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clientFactoryShapes_data();
    void clientFactoryShapes();
    void referenceExamples_data();
    void referenceExamples();
    void whereIntegerHasNoSuffix();
    void whereStringEscapesQuote();
    void whereWrapsOrWhenCombined_data();
    void whereWrapsOrWhenCombined();
    void whereTimesAreQuotedRfc3339();
    void whereLineCommentDoesNotSwallowTheRest();
    void intoCanBeCleared();
    void groupByClearsStar();
    void groupByTimeIsNotATag();
    void quotesAreEscaped_data();
    void quotesAreEscaped();
    void stringLiteralEscapes_data();
    void stringLiteralEscapes();
    void influxqlLiteral_data();
    void influxqlLiteral();
    void sources_data();
    void sources();
    void addedClauses_data();
    void addedClauses();
    void copyOnWrite();
    void paramsReplaceAndExecuteWithoutClient();
    void equality();
};

void TestSelectQuery::clientFactoryShapes_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");

    // Tests 10 and 11 (Client::query builds exactly this SelectQuery).
    QTest::newRow("lists")
            << SelectQuery(nullptr, {u"field1"_s, u"field2"_s}, {"m1", "m2"}).toString()
            << u"SELECT field1,field2 FROM \"m1\",\"m2\""_s;
    QTest::newRow("single strings") << SelectQuery(nullptr, {u"field1"_s}, {"m1"}).toString()
                                    << u"SELECT field1 FROM \"m1\""_s;
    QTest::newRow("select text verbatim")
            << SelectQuery(nullptr, {u"mean(\"v\") AS m, max(v)"_s}, {"m1"}).toString()
            << u"SELECT mean(\"v\") AS m, max(v) FROM \"m1\""_s;
    QTest::newRow("dotted name is one identifier")
            << SelectQuery(nullptr, {u"*"_s}, {"db.rp.m"}).toString()
            << u"SELECT * FROM \"db.rp.m\""_s;
}

void TestSelectQuery::clientFactoryShapes()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestSelectQuery::referenceExamples_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");

    // Tests 34-40: the §8.5 rows that need no fix.
    QTest::newRow("select appends") << base().select(list(u"key3"_s)).toString()
                                    << u"SELECT key1,key2,key3 FROM \"m1\",\"m2\""_s;
    QTest::newRow("select() resets")
            << base().select(list(u"key3"_s)).select({}).select(list(u"key5"_s)).toString()
            << u"SELECT key5 FROM \"m1\",\"m2\""_s;
    QTest::newRow("select('') resets")
            << base().select(list(QString())).toString() << u"SELECT  FROM \"m1\",\"m2\""_s;
    QTest::newRow("empty select") << small().select({}).toString() << u"SELECT  FROM \"m\""_s;
    QTest::newRow("into") << base().into("m3").toString()
                          << u"SELECT key1,key2 INTO \"m3\" FROM \"m1\",\"m2\""_s;
    const SelectQuery chained = base().where(list(u"key1 > 5"_s), {{u"key2"_s, u"blah"_s}})
                                        .where(u"key3=5i"_s)
                                        .whereEquals(u"key4"_s, 4.25);
    QTest::newRow("where chain")
            << chained.toString()
            << u"SELECT key1,key2 FROM \"m1\",\"m2\" WHERE key1 > 5 AND \"key2\" = 'blah' AND "
               "key3=5i AND \"key4\" = 4.25"_s;
    QTest::newRow("where() clears")
            << chained.where(QStringList {}).toString() << u"SELECT key1,key2 FROM \"m1\",\"m2\""_s;
    QTest::newRow("clearWhere") << chained.clearWhere().toString()
                                << u"SELECT key1,key2 FROM \"m1\",\"m2\""_s;
    const SelectQuery grouped = base().groupBy({u"tag1"_s, u"tag2"_s}).groupBy(list(u"tag3"_s));
    QTest::newRow("groupBy appends")
            << grouped.toString()
            << u"SELECT key1,key2 FROM \"m1\",\"m2\" GROUP BY \"tag1\",\"tag2\",\"tag3\""_s;
    QTest::newRow("groupBy * replaces") << grouped.groupBy(list(u"*"_s)).toString()
                                        << u"SELECT key1,key2 FROM \"m1\",\"m2\" GROUP BY *"_s;
    QTest::newRow("groupBy() clears")
            << grouped.groupBy({}).toString() << u"SELECT key1,key2 FROM \"m1\",\"m2\""_s;
    QTest::newRow("groupBy * then tag stays *")
            << small().groupBy(list(u"*"_s)).groupBy(list(u"x"_s)).toString()
            << u"SELECT a FROM \"m\" GROUP BY *"_s;
    QTest::newRow("groupBy tag then *")
            << small().groupBy(list(u"x"_s)).groupBy(list(u"*"_s)).toString()
            << u"SELECT a FROM \"m\" GROUP BY *"_s;
    QTest::newRow("descending(true)")
            << base().descending(true).toString()
            << u"SELECT key1,key2 FROM \"m1\",\"m2\" ORDER BY time DESC"_s;
    QTest::newRow("descending(false)") << base().descending(true).descending(false).toString()
                                       << u"SELECT key1,key2 FROM \"m1\",\"m2\""_s;
    QTest::newRow("limit offset") << base().limit(3).offset(2).toString()
                                  << u"SELECT key1,key2 FROM \"m1\",\"m2\" LIMIT 3 OFFSET 2"_s;
    QTest::newRow("limit() offset() clear") << base().limit(3).offset(2).limit().offset().toString()
                                            << u"SELECT key1,key2 FROM \"m1\",\"m2\""_s;
    QTest::newRow("slimit soffset") << base().slimit(3).soffset(2).toString()
                                    << u"SELECT key1,key2 FROM \"m1\",\"m2\" SLIMIT 3 SOFFSET 2"_s;
    QTest::newRow("slimit() soffset() clear")
            << base().slimit(3).soffset(2).slimit().soffset().toString()
            << u"SELECT key1,key2 FROM \"m1\",\"m2\""_s;
    QTest::newRow("zero is a value")
            << small().limit(0).offset(0).toString() << u"SELECT a FROM \"m\" LIMIT 0 OFFSET 0"_s;
}

void TestSelectQuery::referenceExamples()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestSelectQuery::whereIntegerHasNoSuffix()
{
    // Reference: "e" = 3i, which InfluxQL lexes as a (bad) duration.
    QCOMPARE(small().whereEquals(u"e"_s, 3).toString(), u"SELECT a FROM \"m\" WHERE \"e\" = 3"_s);
    QCOMPARE(small().whereEquals(u"e"_s, qint64(-9007199254740993)).toString(),
             u"SELECT a FROM \"m\" WHERE \"e\" = -9007199254740993"_s);
}

void TestSelectQuery::whereStringEscapesQuote()
{
    // Reference: 'it's' (broken InfluxQL).
    QCOMPARE(small().whereEquals(u"c"_s, u"it's"_s).toString(),
             u"SELECT a FROM \"m\" WHERE \"c\" = 'it\\'s'"_s);
}

void TestSelectQuery::whereWrapsOrWhenCombined_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");

    // The reference's `.where('a OR b', c="it's").where(d=True, e=3)` example, fixed three ways.
    QTest::newRow("reference example")
            << small().where(list(u"a OR b"_s), {{u"c"_s, u"it's"_s}})
                       .where(QStringList {}, {{u"d"_s, true}, {u"e"_s, 3}})
                       .toString()
            << u"SELECT a FROM \"m\" WHERE (a OR b) AND \"c\" = 'it\\'s' AND \"d\" = TRUE AND "
               "\"e\" = 3"_s;
    QTest::newRow("alone: no parentheses")
            << small().where(u"a OR b"_s).toString() << u"SELECT a FROM \"m\" WHERE a OR b"_s;
    QTest::newRow("wrapped once appended to") << small().where(u"a OR b"_s).where(u"c"_s).toString()
                                              << u"SELECT a FROM \"m\" WHERE (a OR b) AND c"_s;
    QTest::newRow("lower-case or") << small().where(u"c"_s).where(u"a or b"_s).toString()
                                   << u"SELECT a FROM \"m\" WHERE c AND (a or b)"_s;
    QTest::newRow("already parenthesised") << small().where(u"(a OR b)"_s).where(u"c"_s).toString()
                                           << u"SELECT a FROM \"m\" WHERE (a OR b) AND c"_s;
    QTest::newRow("OR inside a string") << small().where(u"t = 'x OR y'"_s).where(u"c"_s).toString()
                                        << u"SELECT a FROM \"m\" WHERE t = 'x OR y' AND c"_s;
    QTest::newRow("clearWhere then one OR")
            << small().where(u"x"_s).clearWhere().where(u"a OR b"_s).toString()
            << u"SELECT a FROM \"m\" WHERE a OR b"_s;
}

void TestSelectQuery::whereWrapsOrWhenCombined()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestSelectQuery::whereTimesAreQuotedRfc3339()
{
    // Reference: "t" = 2020-01-01 00:00:00 AND "d" = 2020-01-02 (unquoted, unparsable).
    const QDateTime t(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    QCOMPARE(
            small().where(QStringList {}, {{u"t"_s, t}, {u"d"_s, QDate(2020, 1, 2)}}).toString(),
            u"SELECT a FROM \"m\" WHERE \"t\" = '2020-01-01T00:00:00Z' AND \"d\" = '2020-01-02'"_s);
}

void TestSelectQuery::whereLineCommentDoesNotSwallowTheRest()
{
    QCOMPARE(small().where(u"a = 1 -- why"_s).where(u"b = 2"_s).limit(1).toString(),
             u"SELECT a FROM \"m\" WHERE a = 1 -- why\n AND b = 2 LIMIT 1"_s);
    QCOMPARE(SelectQuery(nullptr, {u"x -- first"_s, u"y"_s}, {"m"}).toString(),
             u"SELECT x -- first\n,y FROM \"m\""_s);
}

void TestSelectQuery::intoCanBeCleared()
{
    // Reference: into('') renders INTO "" and INTO can never be removed.
    const SelectQuery q = small().into("m3");
    const QString plain = u"SELECT a FROM \"m\""_s;
    QCOMPARE(q.into({}).toString(), plain);
    QCOMPARE(q.into(Source()).toString(), plain);
    QCOMPARE(q.into(u""_s).toString(), plain);
    QCOMPARE(q.clearInto().toString(), plain);
    QCOMPARE(q.into(Source::qualified(u"db"_s, QString(), u"m4"_s)).toString(),
             u"SELECT a INTO \"db\"..\"m4\" FROM \"m\""_s);
}

void TestSelectQuery::groupByClearsStar()
{
    // Reference: group_by('*').group_by() stays GROUP BY *.
    QCOMPARE(small().groupBy(list(u"*"_s)).groupBy({}).toString(), u"SELECT a FROM \"m\""_s);
    QCOMPARE(small().groupBy(list(u"*"_s)).groupBy({}).groupBy(list(u"x"_s)).toString(),
             u"SELECT a FROM \"m\" GROUP BY \"x\""_s);
}

void TestSelectQuery::groupByTimeIsNotATag()
{
    // Reference: group_by('time(1h)') renders "time(1h)", a tag of that name.
    QCOMPARE(small().groupByTime(u"1h"_s).toString(), u"SELECT a FROM \"m\" GROUP BY time(1h)"_s);
    QCOMPARE(small().groupBy(list(u"time(1h)"_s)).toString(),
             u"SELECT a FROM \"m\" GROUP BY \"time(1h)\""_s);
}

void TestSelectQuery::quotesAreEscaped_data()
{
    QTest::addColumn<QString>("identifier");
    QTest::addColumn<QString>("quoted");

    // Tests 43-44; the second is the fixed form of `""abc def""`.
    QTest::newRow("noescape") << u"abc def"_s << u"\"abc def\""_s;
    QTest::newRow("escape") << u"\"abc def\""_s << u"\"\\\"abc def\\\"\""_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"\"a\\\\b\""_s;
    QTest::newRow("backslash before quote") << u"a\\\""_s << u"\"a\\\\\\\"\""_s;
    QTest::newRow("single quote kept") << u"it's"_s << u"\"it's\""_s;
    QTest::newRow("newline") << u"a\nb"_s << u"\"a\\nb\""_s;
    QTest::newRow("dots and spaces") << u"db.rp.m x"_s << u"\"db.rp.m x\""_s;
    QTest::newRow("empty") << QString() << u"\"\""_s;
    QTest::newRow("non-ASCII") << u"temp\u00e9rature"_s << u"\"temp\u00e9rature\""_s;
}

void TestSelectQuery::quotesAreEscaped()
{
    QFETCH(QString, identifier);
    QFETCH(QString, quoted);
    QCOMPARE(Source::quoteIdentifier(identifier), quoted);
    if (!identifier.isEmpty()) {
        QCOMPARE(Source(identifier).toString(), quoted);
        // Everywhere the builder writes an identifier.
        QCOMPARE(SelectQuery(nullptr, {u"*"_s}, {identifier})
                         .into(identifier)
                         .groupBy(list(identifier))
                         .whereEquals(identifier, 1)
                         .toString(),
                 u"SELECT * INTO " + quoted + u" FROM " + quoted + u" WHERE " + quoted + u" = 1"
                         + u" GROUP BY " + quoted);
    }
}

void TestSelectQuery::stringLiteralEscapes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("literal");

    QTest::newRow("plain") << u"foo"_s << u"'foo'"_s;
    QTest::newRow("single quote") << u"it's"_s << u"'it\\'s'"_s;
    QTest::newRow("backslash") << u"C:\\dir"_s << u"'C:\\\\dir'"_s;
    QTest::newRow("double quote kept") << u"say \"hi\""_s << u"'say \"hi\"'"_s;
    QTest::newRow("newline") << u"a\nb"_s << u"'a\\nb'"_s;
    QTest::newRow("semicolon") << u"a; DROP DATABASE d"_s << u"'a; DROP DATABASE d'"_s;
    QTest::newRow("empty") << QString() << u"''"_s;
}

void TestSelectQuery::stringLiteralEscapes()
{
    QFETCH(QString, text);
    QFETCH(QString, literal);
    QCOMPARE(quoteStringLiteral(text), literal);
    QCOMPARE(Influx::influxqlLiteral(text), literal);
}

void TestSelectQuery::influxqlLiteral_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("literal");

    // Tests 51-56 (transform_value), fixed where the reference was wrong.
    QTest::newRow("str") << QVariant(u"foo"_s) << u"'foo'"_s;
    QTest::newRow("int (fixed: no i)") << QVariant(5) << u"5"_s;
    QTest::newRow("bool") << QVariant(true) << u"TRUE"_s;
    QTest::newRow("datetime (fixed: quoted RFC 3339)")
            << QVariant::fromValue(Timestamp::fromNanoseconds(1481461925521286000))
            << u"'2016-12-11T13:12:05.521286Z'"_s;
    QTest::newRow("date (fixed: quoted)") << QVariant(QDate(2016, 12, 11)) << u"'2016-12-11'"_s;
    QTest::newRow("float") << QVariant(4301.2142) << u"4301.2142"_s;
    // Test 57 (Decimal): there is no decimal QVariant type; a decimal goes into a positional
    // expression verbatim.

    QTest::newRow("false") << QVariant(false) << u"FALSE"_s;
    QTest::newRow("negative int") << QVariant(-42) << u"-42"_s;
    QTest::newRow("qint64 max") << QVariant(std::numeric_limits<qint64>::max())
                                << u"9223372036854775807"_s;
    QTest::newRow("unsigned") << QVariant(quint64(18446744073709551615ULL))
                              << u"18446744073709551615"_s;
    QTest::newRow("float 0.1") << QVariant(0.1) << u"0.1"_s;
    QTest::newRow("single-precision 0.1f") << QVariant(0.1f) << u"0.1"_s;
    QTest::newRow("integral float keeps .0") << QVariant(4.0) << u"4.0"_s;
    QTest::newRow("large float without exponent") << QVariant(1e20) << u"100000000000000000000.0"_s;
    QTest::newRow("small float without exponent") << QVariant(1.5e-7) << u"0.00000015"_s;
    QTest::newRow("negative float") << QVariant(-2.5) << u"-2.5"_s;
    QTest::newRow("round trip 17 digits")
            << QVariant(0.30000000000000004) << u"0.30000000000000004"_s;
    QTest::newRow("NaN unsupported")
            << QVariant(std::numeric_limits<double>::quiet_NaN()) << QString();
    QTest::newRow("infinity unsupported")
            << QVariant(std::numeric_limits<double>::infinity()) << QString();
    QTest::newRow("QByteArray as UTF-8") << QVariant("caf\xc3\xa9"_ba) << u"'caf\u00e9'"_s;
    QTest::newRow("QDateTime UTC, milliseconds")
            << QVariant(QDateTime(QDate(2016, 12, 11), QTime(13, 12, 5, 521), Qt::UTC))
            << u"'2016-12-11T13:12:05.521Z'"_s;
    QTest::newRow("QDateTime with offset converted to UTC")
            << QVariant(QDateTime(QDate(2016, 12, 11), QTime(15, 12, 5), Qt::OffsetFromUTC, 7200))
            << u"'2016-12-11T13:12:05Z'"_s;
    QTest::newRow("Timestamp whole second")
            << QVariant::fromValue(Timestamp::fromNanoseconds(0)) << u"'1970-01-01T00:00:00Z'"_s;
    QTest::newRow("invalid QDateTime unsupported") << QVariant(QDateTime()) << QString();
    QTest::newRow("invalid QDate unsupported") << QVariant(QDate()) << QString();
    QTest::newRow("null unsupported") << QVariant() << QString();
    QTest::newRow("list unsupported") << QVariant(QStringList {u"a"_s}) << QString();
}

void TestSelectQuery::influxqlLiteral()
{
    QFETCH(QVariant, value);
    QFETCH(QString, literal);
    QCOMPARE(Influx::influxqlLiteral(value), literal);
}

void TestSelectQuery::sources_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << Source(u"cpu"_s).toString() << u"\"cpu\""_s;
    QTest::newRow("empty name is no source") << Source(QString()).toString() << QString();
    QTest::newRow("db.rp.m") << Source::qualified(u"db"_s, u"rp"_s, u"m"_s).toString()
                             << u"\"db\".\"rp\".\"m\""_s;
    QTest::newRow("db..m") << Source::qualified(u"db"_s, QString(), u"m"_s).toString()
                           << u"\"db\"..\"m\""_s;
    QTest::newRow("rp.m") << Source::qualified(QString(), u"rp"_s, u"m"_s).toString()
                          << u"\"rp\".\"m\""_s;
    QTest::newRow("m") << Source::qualified(QString(), QString(), u"m"_s).toString() << u"\"m\""_s;
    QTest::newRow("qualified parts escaped")
            << Source::qualified(u"d\"b"_s, u"r.p"_s, u"m\\"_s).toString()
            << u"\"d\\\"b\".\"r.p\".\"m\\\\\""_s;
    QTest::newRow("qualified without measurement")
            << Source::qualified(u"db"_s, u"rp"_s, QString()).toString() << QString();
    QTest::newRow("regex") << Source::regex(u"cpu.*"_s).toString() << u"/cpu.*/"_s;
    QTest::newRow("regex escapes slash") << Source::regex(u"a/b"_s).toString() << u"/a\\/b/"_s;
    // "\/" in the pattern (an escaped slash) becomes "\\/", which influxql reads back as "\/".
    QTest::newRow("regex escaped slash") << Source::regex(u"a\\/b"_s).toString() << u"/a\\\\/b/"_s;
    QTest::newRow("regex keeps other escapes")
            << Source::regex(u"^cpu\\d+$"_s).toString() << u"/^cpu\\d+$/"_s;
    // Found by fuzz_quoting: "/a\\/" would read as an escaped '/' and an unterminated regex.
    QTest::newRow("regex ending in an escaped backslash")
            << Source::regex(u"a\\\\"_s).toString() << u"/a\\x5c/"_s;
    QTest::newRow("regex ending in two escaped backslashes")
            << Source::regex(u"\\\\\\\\"_s).toString() << u"/\\\\\\x5c/"_s;
    QTest::newRow("regex newline as escape") << Source::regex(u"a\nb"_s).toString() << u"/a\\nb/"_s;
    QTest::newRow("regex qualified")
            << Source::regex(u"cpu"_s, u"db"_s, u"rp"_s).toString() << u"\"db\".\"rp\"./cpu/"_s;
    QTest::newRow("regex default RP")
            << Source::regex(u"cpu"_s, u"db"_s).toString() << u"\"db\"../cpu/"_s;
    QTest::newRow("regex RP only")
            << Source::regex(u"cpu"_s, QString(), u"rp"_s).toString() << u"\"rp\"./cpu/"_s;
    QTest::newRow("mixed FROM list")
            << SelectQuery(nullptr, {u"*"_s},
                           {"m", Source::regex(u"^c"_s), Source::qualified(u"d"_s, u"r"_s, u"x"_s)})
                       .toString()
            << u"SELECT * FROM \"m\",/^c/,\"d\".\"r\".\"x\""_s;
}

void TestSelectQuery::sources()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestSelectQuery::addedClauses_data()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");

    QTest::newRow("time then tags")
            << small().groupBy(list(u"host"_s)).groupByTime(u"1h"_s).toString()
            << u"SELECT a FROM \"m\" GROUP BY time(1h),\"host\""_s;
    QTest::newRow("time with offset") << small().groupByTime(u"1d"_s, u"6h"_s).toString()
                                      << u"SELECT a FROM \"m\" GROUP BY time(1d,6h)"_s;
    QTest::newRow("time replaced") << small().groupByTime(u"1d"_s).groupByTime(u"5m"_s).toString()
                                   << u"SELECT a FROM \"m\" GROUP BY time(5m)"_s;
    QTest::newRow("time and *") << small().groupByTime(u"1h"_s).groupBy(list(u"*"_s)).toString()
                                << u"SELECT a FROM \"m\" GROUP BY time(1h),*"_s;
    QTest::newRow("groupByTime({}) keeps tags")
            << small().groupBy(list(u"host"_s)).groupByTime(u"1h"_s).groupByTime({}).toString()
            << u"SELECT a FROM \"m\" GROUP BY \"host\""_s;
    QTest::newRow("groupBy({}) clears time")
            << small().groupBy(list(u"host"_s)).groupByTime(u"1h"_s).groupBy({}).toString()
            << u"SELECT a FROM \"m\""_s;
    QTest::newRow("fill after GROUP BY") << small().fill(u"none"_s).groupByTime(u"1m"_s).toString()
                                         << u"SELECT a FROM \"m\" GROUP BY time(1m) fill(none)"_s;
    QTest::newRow("fill number") << small().groupByTime(u"1m"_s).fill(u"0"_s).toString()
                                 << u"SELECT a FROM \"m\" GROUP BY time(1m) fill(0)"_s;
    QTest::newRow("fill({}) clears")
            << small().fill(u"linear"_s).fill({}).toString() << u"SELECT a FROM \"m\""_s;
    QTest::newRow("ORDER BY ASC") << small().orderBy(SelectQuery::Order::Ascending).toString()
                                  << u"SELECT a FROM \"m\" ORDER BY time ASC"_s;
    QTest::newRow("ORDER BY DESC") << small().orderBy(SelectQuery::Order::Descending).toString()
                                   << u"SELECT a FROM \"m\" ORDER BY time DESC"_s;
    QTest::newRow("ORDER BY default") << small().orderBy(SelectQuery::Order::Descending)
                                                 .orderBy(SelectQuery::Order::Default)
                                                 .toString()
                                      << u"SELECT a FROM \"m\""_s;
    QTest::newRow("tz") << small().tz(u"Europe/Helsinki"_s).toString()
                        << u"SELECT a FROM \"m\" tz('Europe/Helsinki')"_s;
    QTest::newRow("tz escaped") << small().tz(u"a'b"_s).toString()
                                << u"SELECT a FROM \"m\" tz('a\\'b')"_s;
    QTest::newRow("tz({}) clears")
            << small().tz(u"UTC"_s).tz({}).toString() << u"SELECT a FROM \"m\""_s;
    // Built in scrambled order; rendered in InfluxQL's clause order (spec §14.5).
    QTest::newRow("clause order")
            << SelectQuery(nullptr, {u"mean(\"value\")"_s},
                           {Source::qualified(u"telegraf"_s, u"autogen"_s, u"cpu"_s)})
                       .tz(u"Europe/Helsinki"_s)
                       .soffset(1)
                       .slimit(2)
                       .offset(5)
                       .limit(10)
                       .orderBy(SelectQuery::Order::Descending)
                       .fill(u"none"_s)
                       .groupBy(list(u"host"_s))
                       .groupByTime(u"1h"_s)
                       .where(u"time > now() - 1d"_s)
                       .into(Source::qualified(u"telegraf"_s, u"rp2"_s, u"cpu_1h"_s))
                       .toString()
            << u"SELECT mean(\"value\") INTO \"telegraf\".\"rp2\".\"cpu_1h\" FROM "
               "\"telegraf\".\"autogen\".\"cpu\" WHERE time > now() - 1d GROUP BY "
               "time(1h),\"host\" fill(none) ORDER BY time DESC LIMIT 10 OFFSET 5 SLIMIT 2 "
               "SOFFSET 1 tz('Europe/Helsinki')"_s;
}

void TestSelectQuery::addedClauses()
{
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestSelectQuery::copyOnWrite()
{
    // A query with every clause set; each method must leave it (and its copies) untouched.
    const SelectQuery original = base().into("m3")
                                         .where(u"a OR b"_s)
                                         .whereEquals(u"k"_s, 1)
                                         .groupBy(list(u"tag1"_s))
                                         .groupByTime(u"1h"_s)
                                         .fill(u"none"_s)
                                         .orderBy(SelectQuery::Order::Ascending)
                                         .limit(1)
                                         .offset(2)
                                         .slimit(3)
                                         .soffset(4)
                                         .tz(u"UTC"_s);
    const QString before = original.toString();
    const SelectQuery copy = original;

    using Step = std::function<SelectQuery(const SelectQuery &)>;
    const QList<std::pair<const char *, Step>> steps = {
            {"select", [](const SelectQuery &q) { return q.select(list(u"x"_s)); }},
            {"select({})", [](const SelectQuery &q) { return q.select({}); }},
            {"into", [](const SelectQuery &q) { return q.into("other"); }},
            {"clearInto", [](const SelectQuery &q) { return q.clearInto(); }},
            {"where", [](const SelectQuery &q) { return q.where(u"c > 1"_s); }},
            {"whereEquals", [](const SelectQuery &q) { return q.whereEquals(u"c"_s, u"v"_s); }},
            {"clearWhere", [](const SelectQuery &q) { return q.clearWhere(); }},
            {"groupBy", [](const SelectQuery &q) { return q.groupBy(list(u"tag2"_s)); }},
            {"groupBy *", [](const SelectQuery &q) { return q.groupBy(list(u"*"_s)); }},
            {"groupBy({})", [](const SelectQuery &q) { return q.groupBy({}); }},
            {"groupByTime", [](const SelectQuery &q) { return q.groupByTime(u"5m"_s, u"1m"_s); }},
            {"fill", [](const SelectQuery &q) { return q.fill(u"previous"_s); }},
            {"orderBy",
             [](const SelectQuery &q) { return q.orderBy(SelectQuery::Order::Descending); }},
            {"descending", [](const SelectQuery &q) { return q.descending(false); }},
            {"limit", [](const SelectQuery &q) { return q.limit(); }},
            {"offset", [](const SelectQuery &q) { return q.offset(9); }},
            {"slimit", [](const SelectQuery &q) { return q.slimit(); }},
            {"soffset", [](const SelectQuery &q) { return q.soffset(9); }},
            {"tz", [](const SelectQuery &q) { return q.tz(u"Europe/Paris"_s); }},
            {"params",
             [](const SelectQuery &q) {
                 QueryOptions options;
                 options.database = u"other"_s;
                 return q.params(options);
             }},
    };
    for (const auto &[name, step] : steps) {
        const SelectQuery changed = step(original);
        QVERIFY2(original.toString() == before, name);
        QVERIFY2(copy.toString() == before, name);
        QVERIFY2(!original.queryOptions().database.has_value(), name);
        if (qstrcmp(name, "params") == 0)
            QCOMPARE(changed.queryOptions().database, std::optional<QString>(u"other"_s));
        else
            QVERIFY2(changed.toString() != before, name);
    }
}

void TestSelectQuery::paramsReplaceAndExecuteWithoutClient()
{
    // Tests 41-42 need a client (the live tests cover them); here the parts that do not.
    QueryOptions first;
    first.retentionPolicy = u"dontkeep"_s;
    first.epoch = Precision::Minutes;
    QueryOptions second;
    second.database = u"db"_s;

    const SelectQuery q = base().params(first);
    QCOMPARE(q.queryOptions().retentionPolicy, std::optional<QString>(u"dontkeep"_s));
    QCOMPARE(q.queryOptions().epoch, std::optional<Precision>(Precision::Minutes));
    QVERIFY(!q.queryOptions().httpVerb.has_value());

    // params() replaces, it does not merge.
    const SelectQuery replaced = q.params(second);
    QVERIFY(!replaced.queryOptions().retentionPolicy.has_value());
    QCOMPARE(replaced.queryOptions().database, std::optional<QString>(u"db"_s));

    QCOMPARE(q.client(), nullptr);
    QCOMPARE(q.execute(), nullptr);
    QCOMPARE(q.into("m3").execute(), nullptr);
    QCOMPARE(SelectQuery().execute(), nullptr);
}

void TestSelectQuery::equality()
{
    QVERIFY(base() == base());
    QVERIFY(base().limit(1) == base().limit(1));
    QVERIFY(!(base() == base().limit(1)));
    QCOMPARE(SelectQuery().toString(), u"SELECT  FROM "_s);
}

QTEST_APPLESS_MAIN(TestSelectQuery)
#include "tst_selectquery.moc"
