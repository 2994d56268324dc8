// SPDX-License-Identifier: MIT
#include "datapoint.h"
#include "lineprotocol.h"

#include <QtTest/QTest>

#include <bit>
#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <limits>

using namespace Influx;
using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

constexpr qint64 Int64Min = std::numeric_limits<qint64>::min();
constexpr qint64 Int64Max = std::numeric_limits<qint64>::max();

// The reference tests' instant: 2016-12-03 19:26:51.053212 UTC.
const Timestamp ReferenceTime(sys_days {2016y / December / 3} + 19h + 26min + 51s + 53212us);

DataPoint referencePoint(const PointTime &time)
{
    return DataPoint(u"m1"_s, {{u"tag1"_s, u"abc"_s}, {u"tag2"_s, u"6"_s}},
                     {{u"field1"_s, 5.5}, {u"field2"_s, 7}, {u"field3"_s, "x"}}, time);
}

DataPoint withField(const QString &key, const FieldValue &value)
{
    return DataPoint(u"m"_s, {}, {{key, value}});
}

DataPoint withTag(const QString &key, const QString &value)
{
    return DataPoint(u"m"_s, {{key, value}}, {{u"f"_s, 1}});
}

} // namespace

class tst_DataPoint : public QObject
{
    Q_OBJECT

private slots:
    void referenceLines_data();
    void referenceLines();
    void noFieldsError();
    void escaping_data();
    void escaping();
    void escapeHelpers();
    void rejected_data();
    void rejected();
    void floatFormatting_data();
    void floatFormatting();
    void fieldFormatting_data();
    void fieldFormatting();
    void decimalValidation_data();
    void decimalValidation();
    void sortedKeys();
    void pointTime_data();
    void pointTime();
    void outOfRangeDateTime();
    void encodePoints();
    void encodePointsFailure();
    void fieldValueAccessors();
};

void tst_DataPoint::referenceLines_data()
{
    QTest::addColumn<DataPoint>("point");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<QByteArray>("line");
    // Reference tests 1-4 (spec §7.4).
    const QByteArray full = "m1,tag1=abc,tag2=6 field1=5.5,field2=7i,field3=\"x\" 1480793211053212";
    QTest::newRow("datetime") << referencePoint(ReferenceTime) << Precision::Microseconds << full;
    QTest::newRow("integer") << referencePoint(PointTime::raw(1480793211053212))
                             << Precision::Microseconds << full;
    QTest::newRow("QDateTime, ms precision")
            << referencePoint(QDateTime(QDate(2016, 12, 3), QTime(19, 26, 51, 53), Qt::UTC))
            << Precision::Milliseconds
            << QByteArray("m1,tag1=abc,tag2=6 field1=5.5,field2=7i,field3=\"x\" 1480793211053");
    QTest::newRow("none") << referencePoint({}) << Precision::Microseconds
                          << QByteArray("m1,tag1=abc,tag2=6 field1=5.5,field2=7i,field3=\"x\"");
    QTest::newRow("minimal") << DataPoint(u"m1"_s, {}, {{u"field1"_s, 5}})
                             << Precision::Milliseconds << QByteArray("m1 field1=5i");
}

void tst_DataPoint::referenceLines()
{
    QFETCH(DataPoint, point);
    QFETCH(Precision, precision);
    QFETCH(QByteArray, line);
    Error error(Error::Kind::Aborted, u"not overwritten"_s);
    QCOMPARE(point.toLineProtocol(precision, &error), line);
    QVERIFY(!error.isError());
    QVERIFY(!point.validate());
}

void tst_DataPoint::noFieldsError()
{
    // Reference test 5.
    const DataPoint point(u"m1"_s, {}, {});
    const Error error = point.validate();
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(error.message(), u"at least one field is required"_s);
    Error lineError;
    QCOMPARE(point.toLineProtocol(Precision::Nanoseconds, &lineError), QByteArray());
    QCOMPARE(lineError, error);
}

void tst_DataPoint::escaping_data()
{
    QTest::addColumn<DataPoint>("point");
    QTest::addColumn<QByteArray>("line");
    const Fields f1 {{u"f"_s, 1}};
    // §14.4: measurement: comma and space.
    QTest::newRow("measurement comma, space")
            << DataPoint(u"a,b c"_s, {}, f1) << QByteArray("a\\,b\\ c f=1i");
    QTest::newRow("measurement equals and quote verbatim")
            << DataPoint(u"a=b\"c"_s, {}, f1) << QByteArray("a=b\"c f=1i");
    QTest::newRow("measurement leading space")
            << DataPoint(u" m"_s, {}, f1) << QByteArray("\\ m f=1i");
    // Tag keys, tag values and field keys: comma, equals sign, space.
    QTest::newRow("tag key") << DataPoint(u"m"_s, {{u"k,=y z"_s, u"v"_s}}, f1)
                             << QByteArray("m,k\\,\\=y\\ z=v f=1i");
    QTest::newRow("tag value") << DataPoint(u"m"_s, {{u"k"_s, u"a,b=c d"_s}}, f1)
                               << QByteArray("m,k=a\\,b\\=c\\ d f=1i");
    QTest::newRow("field key") << DataPoint(u"m"_s, {}, {{u"a,b=c d"_s, 1}})
                               << QByteArray("m a\\,b\\=c\\ d=1i");
    // String field values: quoted; '"' and '\' escaped, nothing else.
    QTest::newRow("string quote and backslash") << withField(u"f"_s, u"say \"hi\" \\o/"_s)
                                                << QByteArray("m f=\"say \\\"hi\\\" \\\\o/\"");
    QTest::newRow("string comma, space, equals verbatim")
            << withField(u"f"_s, u"a,b c=d"_s) << QByteArray("m f=\"a,b c=d\"");
    QTest::newRow("string ending in backslash")
            << withField(u"f"_s, u"C:\\"_s) << QByteArray("m f=\"C:\\\\\"");
    QTest::newRow("empty string") << withField(u"f"_s, u""_s) << QByteArray("m f=\"\"");
    // Backslashes that InfluxDB 1.6.7 stores as written (verified against a live server).
    QTest::newRow("backslash inside tag value")
            << withTag(u"k"_s, u"a\\b"_s) << QByteArray("m,k=a\\b f=1i");
    QTest::newRow("backslash before comma in tag value")
            << withTag(u"k"_s, u"a\\,b"_s) << QByteArray("m,k=a\\\\,b f=1i");
    QTest::newRow("backslash before equals in tag key")
            << withTag(u"a\\=b"_s, u"v"_s) << QByteArray("m,a\\\\=b=v f=1i");
    QTest::newRow("backslash inside measurement")
            << DataPoint(u"a\\b"_s, {}, f1) << QByteArray("a\\b f=1i");
    QTest::newRow("leading backslash in field key")
            << withField(u"\\a"_s, 1) << QByteArray("m \\a=1i");
    // Other characters pass through as UTF-8.
    QTest::newRow("quote in field key") << withField(u"a\"b"_s, 1) << QByteArray("m a\"b=1i");
    QTest::newRow("hash after the start")
            << DataPoint(u"a#"_s, {{u"#k"_s, u"#v"_s}}, f1) << QByteArray("a#,#k=#v f=1i");
    QTest::newRow("tab inside") << withTag(u"k"_s, u"\ta\tb"_s) << QByteArray("m,k=\ta\tb f=1i");
    QTest::newRow("unicode") << DataPoint(u"température"_s, {{u"città"_s, u"Zürich 😀"_s}}, f1)
                             << QByteArray("temp\xc3\xa9rature,citt\xc3\xa0=Z\xc3\xbcrich\\ "
                                           "\xf0\x9f\x98\x80 f=1i");
}

void tst_DataPoint::escaping()
{
    QFETCH(DataPoint, point);
    QFETCH(QByteArray, line);
    Error error;
    QCOMPARE(point.toLineProtocol(Precision::Nanoseconds, &error), line);
    QCOMPARE(error.message(), QString());
}

void tst_DataPoint::escapeHelpers()
{
    QCOMPARE(LineProtocol::escapeMeasurement(u"a,b c=d\"e\\"), QByteArray("a\\,b\\ c=d\"e\\"));
    QCOMPARE(LineProtocol::escapeTagKey(u"a,b c=d\"e"), QByteArray("a\\,b\\ c\\=d\"e"));
    QCOMPARE(LineProtocol::escapeTagValue(u"a,b c=d"), QByteArray("a\\,b\\ c\\=d"));
    QCOMPARE(LineProtocol::escapeFieldKey(u"a,b c=d"), QByteArray("a\\,b\\ c\\=d"));
    QCOMPARE(LineProtocol::quoteFieldString(u"a\"b\\c,d e=f"), QByteArray("\"a\\\"b\\\\c,d e=f\""));
    QCOMPARE(LineProtocol::escapeTagValue(u"é"), QByteArray("\xc3\xa9"));
    QCOMPARE(LineProtocol::escapeTagValue(u""), QByteArray());
}

void tst_DataPoint::rejected_data()
{
    QTest::addColumn<DataPoint>("point");
    QTest::addColumn<QString>("message");
    const Fields f1 {{u"f"_s, 1}};
    const auto measurement = [&f1](const QString &name) { return DataPoint(name, {}, f1); };

    QTest::newRow("no fields") << DataPoint(u"m"_s, {{u"t"_s, u"v"_s}}, {})
                               << u"at least one field is required"_s;
    QTest::newRow("empty measurement") << measurement({}) << u"the measurement name is empty"_s;
    QTest::newRow("measurement starting with #")
            << measurement(u"#m"_s)
            << u"measurement \"#m\" starts with '#', which makes InfluxDB skip the line as a "
               "comment"_s;
    QTest::newRow("measurement starting with tab")
            << measurement(u"\tm"_s)
            << u"measurement \"\tm\" starts with a tab or NUL character, which InfluxDB would "
               "strip"_s;
    QTest::newRow("measurement starting with NUL") << measurement(QStringView(u"\0m", 2).toString())
                                                   << u"measurement \""_s + QChar(0)
                    + u"m\" starts with a tab or NUL character, which InfluxDB would strip"_s;
    QTest::newRow("newline in measurement")
            << measurement(u"a\nb"_s) << u"measurement \"a\nb\" contains a line break"_s;
    QTest::newRow("carriage return in measurement")
            << measurement(u"a\rb"_s) << u"measurement \"a\rb\" contains a line break"_s;
    const QString backslashAtEnd = u" ends with a backslash, which would escape the separator "
                                   "after it"_s;
    const QString backslashBefore = u" has a backslash before a space, comma, equals sign or "
                                    "double quote, which InfluxDB would not store as written"_s;
    QTest::newRow("measurement ending in backslash")
            << measurement(u"m\\"_s) << u"measurement \"m\\\""_s + backslashAtEnd;
    QTest::newRow("measurement backslash before comma")
            << measurement(u"a\\,b"_s) << u"measurement \"a\\,b\""_s + backslashBefore;
    QTest::newRow("measurement backslash before space")
            << measurement(u"a\\ b"_s) << u"measurement \"a\\ b\""_s + backslashBefore;
    QTest::newRow("measurement backslash before equals")
            << measurement(u"a\\=b"_s) << u"measurement \"a\\=b\""_s + backslashBefore;
    QTest::newRow("measurement backslash before quote")
            << measurement(u"a\\\"b"_s) << u"measurement \"a\\\"b\""_s + backslashBefore;

    QTest::newRow("empty tag key")
            << withTag({}, u"v"_s) << u"a tag key of measurement \"m\" is empty"_s;
    QTest::newRow("empty tag value")
            << withTag(u"host"_s, {})
            << u"tag \"host\" has an empty value, which InfluxDB cannot store; leave the tag out "
               "instead"_s;
    QTest::newRow("tag key ending in backslash")
            << withTag(u"k\\"_s, u"v"_s) << u"tag key \"k\\\""_s + backslashAtEnd;
    QTest::newRow("tag value ending in backslash")
            << withTag(u"k"_s, u"v\\\\"_s) << u"the value of tag \"k\""_s + backslashAtEnd;
    const QString backslashSpace = u" has a backslash before a space, which InfluxDB misreads "
                                   "when it receives several lines"_s;
    QTest::newRow("tag key backslash before space")
            << withTag(u"a\\ b"_s, u"v"_s) << u"tag key \"a\\ b\""_s + backslashSpace;
    QTest::newRow("tag value two backslashes before space")
            << withTag(u"k"_s, u"a\\\\ b"_s) << u"the value of tag \"k\""_s + backslashSpace;
    QTest::newRow("newline in tag key")
            << withTag(u"a\nb"_s, u"v"_s) << u"tag key \"a\nb\" contains a line break"_s;
    QTest::newRow("newline in tag value")
            << withTag(u"k"_s, u"a\r\nb"_s) << u"the value of tag \"k\" contains a line break"_s;
    QTest::newRow("tag key time") << withTag(u"time"_s, u"v"_s)
                                  << u"tag key \"time\" is not allowed: InfluxDB drops such "
                                     "points"_s;
    QTest::newRow("unpaired surrogate in tag value")
            << withTag(u"k"_s, u"a"_s + QChar(0xd800) + u"b"_s)
            << u"the value of tag \"k\" contains an unpaired UTF-16 surrogate (not valid "
               "Unicode)"_s;
    QTest::newRow("reversed surrogate pair in measurement")
            << measurement(QString(QChar(0xde00)) + QChar(0xd83d))
            << u"measurement \"%1\" contains an unpaired UTF-16 surrogate (not valid Unicode)"_s
                       .arg(QString(QChar(0xde00)) + QChar(0xd83d));

    QTest::newRow("empty field key")
            << withField({}, 1) << u"a field key of measurement \"m\" is empty"_s;
    QTest::newRow("field key ending in backslash")
            << withField(u"f\\"_s, 1) << u"field key \"f\\\""_s + backslashAtEnd;
    QTest::newRow("field key backslash before quote")
            << withField(u"a\\\"b"_s, 1) << u"field key \"a\\\"b\""_s + backslashBefore;
    QTest::newRow("field key backslash before comma")
            << withField(u"a\\,b"_s, 1) << u"field key \"a\\,b\""_s + backslashBefore;
    QTest::newRow("field key starting with tab")
            << withField(u"\tf"_s, 1)
            << u"field key \"\tf\" starts with a tab or NUL character, which InfluxDB would "
               "strip"_s;
    QTest::newRow("newline in field key")
            << withField(u"a\nb"_s, 1) << u"field key \"a\nb\" contains a line break"_s;
    QTest::newRow("field key time") << withField(u"time"_s, 1)
                                    << u"field key \"time\" is not allowed: InfluxDB drops such "
                                       "points"_s;
    QTest::newRow("newline in string value") << withField(u"f"_s, u"line 1\nline 2"_s)
                                             << u"the value of field \"f\" contains a line break"_s;
    QTest::newRow("carriage return in string value")
            << withField(u"f"_s, u"a\rb"_s) << u"the value of field \"f\" contains a line break"_s;
    QTest::newRow("NaN") << withField(u"f"_s, qQNaN())
                         << u"field \"f\" is NaN, which InfluxDB cannot store"_s;
    QTest::newRow("infinity") << withField(u"f"_s, qInf())
                              << u"field \"f\" is infinite, which InfluxDB cannot store"_s;
    QTest::newRow("-infinity") << withField(u"f"_s, -qInf())
                               << u"field \"f\" is infinite, which InfluxDB cannot store"_s;
    QTest::newRow("malformed decimal") << withField(u"f"_s, FieldValue::decimal(u"12abc"_s))
                                       << u"field \"f\" is not a valid decimal number: \"12abc\""_s;
    QTest::newRow("decimal with plus sign")
            << withField(u"f"_s, FieldValue::decimal(u"+1"_s))
            << u"field \"f\" is not a valid decimal number: \"+1\""_s;
    QTest::newRow("decimal overflow") << withField(u"f"_s, FieldValue::decimal(u"-1e400"_s))
                                      << u"field \"f\" is too large for a float: \"-1e400\""_s;
    const QString outOfRange = u" is outside the range InfluxDB can store "
                               "(1677-09-21T00:12:43.145224194Z to "
                               "2262-04-11T23:47:16.854775806Z)"_s;
    QTest::newRow("raw time qint64 max")
            << DataPoint(u"m"_s, {}, f1, PointTime::raw(Int64Max))
            << u"time 9223372036854775807 (precision \"n\")"_s + outOfRange;
    QTest::newRow("raw time below the server minimum")
            << DataPoint(u"m"_s, {}, f1, PointTime::raw(Int64Min + 1))
            << u"time -9223372036854775807 (precision \"n\")"_s + outOfRange;
    QTest::newRow("Timestamp qint64 min")
            << DataPoint(u"m"_s, {}, f1, Timestamp::fromNanoseconds(Int64Min))
            << u"time -9223372036854775808 (precision \"n\")"_s + outOfRange;
}

void tst_DataPoint::rejected()
{
    QFETCH(DataPoint, point);
    QFETCH(QString, message);
    const Error error = point.validate();
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(error.message(), message);
    Error lineError;
    QCOMPARE(point.toLineProtocol(Precision::Nanoseconds, &lineError), QByteArray());
    QCOMPARE(lineError, error);
}

void tst_DataPoint::floatFormatting_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("0.1") << 0.1 << QByteArray("0.1");
    QTest::newRow("1e21") << 1e21 << QByteArray("1e+21");
    QTest::newRow("1e-7") << 1e-7 << QByteArray("1e-07");
    QTest::newRow("-0.0") << -0.0 << QByteArray("-0");
    QTest::newRow("0.0") << 0.0 << QByteArray("0");
    QTest::newRow("654.0") << 654.0 << QByteArray("654");
    QTest::newRow("5.5") << 5.5 << QByteArray("5.5");
    QTest::newRow("1.2345678901234568e+17")
            << 1.2345678901234568e+17 << QByteArray("123456789012345680");
    QTest::newRow("1/3") << 1.0 / 3 << QByteArray("0.3333333333333333");
    QTest::newRow("DBL_MAX") << DBL_MAX << QByteArray("1.7976931348623157e+308");
    QTest::newRow("-DBL_MAX") << -DBL_MAX << QByteArray("-1.7976931348623157e+308");
    QTest::newRow("DBL_MIN") << DBL_MIN << QByteArray("2.2250738585072014e-308");
    QTest::newRow("smallest denormal")
            << std::numeric_limits<double>::denorm_min() << QByteArray("5e-324");
    QTest::newRow("denormal") << 1.5e-310 << QByteArray("1.5e-310");
    QTest::newRow("2^53 + 2") << 9007199254740994.0 << QByteArray("9007199254740994");
    QTest::newRow("4.32") << 4.32 << QByteArray("4.32");
}

void tst_DataPoint::floatFormatting()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    const QByteArray formatted = LineProtocol::formatFloat(value);
    QCOMPARE(formatted, text);
    // Bit-exact round trip, sign of zero included.
    const double parsed = std::strtod(formatted.constData(), nullptr);
    QCOMPARE(std::bit_cast<quint64>(parsed), std::bit_cast<quint64>(value));
    QCOMPARE(withField(u"f"_s, value).toLineProtocol(), QByteArray("m f=" + text));
}

void tst_DataPoint::fieldFormatting_data()
{
    QTest::addColumn<FieldValue>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("integer 0") << FieldValue(0) << QByteArray("0i");
    QTest::newRow("integer -3") << FieldValue(-3) << QByteArray("-3i");
    QTest::newRow("qint64 max") << FieldValue(Int64Max) << QByteArray("9223372036854775807i");
    QTest::newRow("qint64 min") << FieldValue(Int64Min) << QByteArray("-9223372036854775808i");
    QTest::newRow("true") << FieldValue(true) << QByteArray("true");
    QTest::newRow("false") << FieldValue(false) << QByteArray("false");
    QTest::newRow("float") << FieldValue(6.9312) << QByteArray("6.9312");
    QTest::newRow("integral float has no i") << FieldValue(654.0) << QByteArray("654");
    QTest::newRow("decimal") << FieldValue::decimal(u"4301.2142"_s) << QByteArray("4301.2142");
    QTest::newRow("decimal exponent") << FieldValue::decimal(u"1E+2"_s) << QByteArray("1E+2");
    QTest::newRow("decimal digits beyond double")
            << FieldValue::decimal(u"0.10000000000000000000001"_s)
            << QByteArray("0.10000000000000000000001");
    QTest::newRow("string") << FieldValue(u"x"_s) << QByteArray("\"x\"");
    QTest::newRow("C string") << FieldValue("a\"b") << QByteArray("\"a\\\"b\"");
}

void tst_DataPoint::fieldFormatting()
{
    QFETCH(FieldValue, value);
    QFETCH(QByteArray, text);
    QCOMPARE(LineProtocol::formatField(value), text);
    QCOMPARE(withField(u"f"_s, value).toLineProtocol(), QByteArray("m f=" + text));
}

void tst_DataPoint::decimalValidation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    // What InfluxDB 1.6.7 accepts as a float field (checked against a live server).
    for (const char *text : {"0", "-0", "4301.2142", "1E+2", "1e2", "1e-2", ".5", "5.", "-.5",
                             "-5.", "007.5", "1.e5", "0E-7", "1.5E-3", "1.7976931348623157e308",
                             "1e-400", "1e-99999999999999999999", "0e99999999999999999999"}) {
        QTest::addRow("valid %s", text) << QString::fromLatin1(text) << true;
    }
    for (const char *text : {"",
                             "+1",
                             "+1.5",
                             "1e",
                             "1e+",
                             "0x10",
                             "inf",
                             "-inf",
                             "NaN",
                             "Infinity",
                             "1_000",
                             " 1",
                             "1 ",
                             "--1",
                             "1.2.3",
                             "e5",
                             "-",
                             ".",
                             ".e5",
                             "1e5.5",
                             "1,5",
                             "1e400",
                             "-1e400",
                             "1.7976931348623159e308",
                             "1e99999999999999999999",
                             "5i"}) {
        QTest::addRow("invalid '%s'", text) << QString::fromLatin1(text) << false;
    }
    QTest::newRow("invalid Arabic-Indic digit") << u"٣"_s << false;
    QTest::newRow("invalid fullwidth digit") << u"１"_s << false;
}

void tst_DataPoint::decimalValidation()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(LineProtocol::isValidDecimal(text), valid);
    QCOMPARE(withField(u"f"_s, FieldValue::decimal(text)).validate().isError(), !valid);
}

void tst_DataPoint::sortedKeys()
{
    DataPoint point;
    point.setMeasurement(u"cpu"_s);
    point.setTag(u"zone"_s, u"3"_s);
    point.setTag(u"host"_s, u"1"_s);
    point.setTag(u"Host"_s, u"2"_s);
    point.setField(u"user"_s, 1.5);
    point.setField(u"idle"_s, 2);
    point.setField(u"_sys"_s, true);
    QCOMPARE(point.toLineProtocol(),
             QByteArray("cpu,Host=2,host=1,zone=3 _sys=true,idle=2i,user=1.5"));
}

void tst_DataPoint::pointTime_data()
{
    QTest::addColumn<PointTime>("time");
    QTest::addColumn<Precision>("precision");
    QTest::addColumn<QByteArray>("suffix");
    const Timestamp t1979 = Timestamp::fromNanoseconds(288545018596853000);
    QTest::newRow("Timestamp exact in n")
            << PointTime(t1979) << Precision::Nanoseconds << QByteArray(" 288545018596853000");
    QTest::newRow("Timestamp exact in u")
            << PointTime(Timestamp::fromNanoseconds(548239776034035000)) << Precision::Microseconds
            << QByteArray(" 548239776034035");
    QTest::newRow("Timestamp exact in ms")
            << PointTime(Timestamp::fromNanoseconds(1096707882534000000)) << Precision::Milliseconds
            << QByteArray(" 1096707882534");
    QTest::newRow("Timestamp in h")
            << PointTime(ReferenceTime) << Precision::Hours << QByteArray(" 411331");
    QTest::newRow("negative truncates toward zero")
            << PointTime(Timestamp::fromNanoseconds(-1'500'000'000)) << Precision::Seconds
            << QByteArray(" -1");
    QTest::newRow("just before 1970 in s") << PointTime(Timestamp::fromNanoseconds(-500'000'000))
                                           << Precision::Seconds << QByteArray(" 0");
    QTest::newRow("raw verbatim in s")
            << PointTime::raw(1480793211) << Precision::Seconds << QByteArray(" 1480793211");
    QTest::newRow("raw negative") << PointTime::raw(-5) << Precision::Hours << QByteArray(" -5");
    QTest::newRow("QDateTime with offset") << PointTime(
            QDateTime(QDate(2016, 12, 3), QTime(21, 26, 51, 53), Qt::OffsetFromUTC, 7200))
                                           << Precision::Nanoseconds
                                           << QByteArray(" 1480793211053000000");
    QTest::newRow("invalid QDateTime is no time")
            << PointTime(QDateTime()) << Precision::Nanoseconds << QByteArray();
    QTest::newRow("no time") << PointTime() << Precision::Seconds << QByteArray();
    QTest::newRow("server maximum") << PointTime(Timestamp::fromNanoseconds(9223372036854775806))
                                    << Precision::Nanoseconds << QByteArray(" 9223372036854775806");
    QTest::newRow("qint64 max fits in s") << PointTime(Timestamp::fromNanoseconds(Int64Max))
                                          << Precision::Seconds << QByteArray(" 9223372036");
}

void tst_DataPoint::pointTime()
{
    QFETCH(PointTime, time);
    QFETCH(Precision, precision);
    QFETCH(QByteArray, suffix);
    const DataPoint point(u"m"_s, {}, {{u"f"_s, 1}}, time);
    Error error;
    QCOMPARE(point.toLineProtocol(precision, &error), QByteArray("m f=1i" + suffix));
    QVERIFY(!error);
}

void tst_DataPoint::outOfRangeDateTime()
{
    const PointTime time(QDateTime(QDate(3000, 1, 1), QTime(0, 0), Qt::UTC));
    QVERIFY(time.isOutOfRange());
    QVERIFY(!time.isNull());
    QVERIFY(!time.timestamp());
    const Error error = DataPoint(u"m"_s, {}, {{u"f"_s, 1}}, time).validate();
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(error.message(),
             u"the time of the point is outside the range InfluxDB can store "
             "(1677-09-21T00:12:43.145224194Z to "
             "2262-04-11T23:47:16.854775806Z)"_s);
    QVERIFY(PointTime(QDateTime()).isNull());
    QCOMPARE(PointTime(ReferenceTime).timestamp(), ReferenceTime);
    QVERIFY(PointTime::raw(5).isRaw());
    QCOMPARE(PointTime::raw(5).valueIn(Precision::Hours), qint64(5));
    QVERIFY(!PointTime::raw(5).timestamp());
    // A raw time is in the write precision, so its range depends on it.
    const DataPoint raw(u"m"_s, {}, {{u"f"_s, 1}}, PointTime::raw(9223372037));
    QVERIFY(!raw.toLineProtocol(Precision::Nanoseconds).isEmpty());
    QVERIFY(raw.toLineProtocol(Precision::Seconds).isEmpty());
}

void tst_DataPoint::encodePoints()
{
    const QList<DataPoint> points = {DataPoint(u"a"_s, {}, {{u"f"_s, 1}}, PointTime::raw(1)),
                                     DataPoint(u"b"_s, {{u"t"_s, u"x"_s}}, {{u"f"_s, 2.5}}),
                                     DataPoint(u"c"_s, {}, {{u"s"_s, "v"}}, PointTime::raw(3))};
    Error error(Error::Kind::Aborted, u"stale"_s);
    qsizetype failedIndex = 7;
    QCOMPARE(LineProtocol::encodePoints(points, Precision::Seconds, &error, &failedIndex),
             QByteArray("a f=1i 1\nb,t=x f=2.5\nc s=\"v\" 3"));
    QVERIFY(!error);
    QCOMPARE(failedIndex, -1);

    QCOMPARE(LineProtocol::encodePoints({}, Precision::Seconds, &error, &failedIndex),
             QByteArray());
    QVERIFY(!error);

    // Many points: one line each, no trailing newline.
    QList<DataPoint> many;
    for (int i = 0; i < 10000; ++i)
        many.append(DataPoint(u"m"_s, {{u"i"_s, QString::number(i)}}, {{u"f"_s, i}},
                              PointTime::raw(i)));
    const QByteArray body = LineProtocol::encodePoints(many, Precision::Nanoseconds, &error);
    QVERIFY(!error);
    QCOMPARE(body.count('\n'), 9999);
    QVERIFY(body.startsWith("m,i=0 f=0i 0\nm,i=1 f=1i 1\n"));
    QVERIFY(body.endsWith("\nm,i=9999 f=9999i 9999"));
}

void tst_DataPoint::encodePointsFailure()
{
    const QList<DataPoint> points = {
            DataPoint(u"a"_s, {}, {{u"f"_s, 1}}), DataPoint(u"b"_s, {}, {{u"f"_s, 2}}),
            DataPoint(u"c"_s, {}, {{u"f"_s, qQNaN()}}), DataPoint(u"d"_s, {}, {})};
    Error error;
    qsizetype failedIndex = -1;
    QCOMPARE(LineProtocol::encodePoints(points, Precision::Nanoseconds, &error, &failedIndex),
             QByteArray());
    QCOMPARE(failedIndex, 2);
    QCOMPARE(error.kind(), Error::Kind::InvalidArgument);
    QCOMPARE(error.message(), u"field \"f\" is NaN, which InfluxDB cannot store"_s);
    QCOMPARE(error.detail(), u"point 3 of 4"_s);

    // A single point names no position, and the buffer is left as it was.
    QByteArray out = "keep";
    QVERIFY(LineProtocol::appendPoint(out, points.at(3), Precision::Nanoseconds));
    QCOMPARE(out, QByteArray("keep"));
    QVERIFY(LineProtocol::encodePoints({points.at(3)}, Precision::Nanoseconds, &error).isEmpty());
    QCOMPARE(error.message(), u"at least one field is required"_s);
    QCOMPARE(error.detail(), QString());
}

void tst_DataPoint::fieldValueAccessors()
{
    QCOMPARE(FieldValue().type(), FieldValue::Type::Float);
    QCOMPARE(FieldValue(1.5).type(), FieldValue::Type::Float);
    QCOMPARE(FieldValue(7).type(), FieldValue::Type::Integer);
    QCOMPARE(FieldValue(true).type(), FieldValue::Type::Boolean);
    QCOMPARE(FieldValue("x").type(), FieldValue::Type::String);
    QCOMPARE(FieldValue::decimal(u"1E+2"_s).type(), FieldValue::Type::Decimal);

    QCOMPARE(FieldValue(7).toInteger(), qint64(7));
    QCOMPARE(FieldValue(7).toDouble(), 7.0);
    QCOMPARE(FieldValue::decimal(u"1E+2"_s).toDouble(), 100.0);
    QVERIFY(std::isnan(FieldValue::decimal(u"abc"_s).toDouble()));
    QVERIFY(FieldValue(true).toBool());
    QCOMPARE(FieldValue::decimal(u"1E+2"_s).toString(), u"1E+2"_s);
    QCOMPARE(FieldValue(u"s"_s).toString(), u"s"_s);
    QCOMPARE(FieldValue(-3).toString(), u"-3"_s);
    QCOMPARE(FieldValue(0.1).toString(), u"0.1"_s);

    QCOMPARE(FieldValue(1.5).toVariant().typeId(), QMetaType::Double);
    QCOMPARE(FieldValue(7).toVariant().typeId(), QMetaType::LongLong);
    QCOMPARE(FieldValue(true).toVariant().typeId(), QMetaType::Bool);
    QCOMPARE(FieldValue("x").toVariant(), QVariant(u"x"_s));
    QCOMPARE(FieldValue::decimal(u"4301.2142"_s).toVariant(), QVariant(u"4301.2142"_s));

    // The decimal keeps its text: equal value, different text, different FieldValue.
    QVERIFY(FieldValue::decimal(u"1E+2"_s) != FieldValue::decimal(u"100"_s));
    QVERIFY(FieldValue::decimal(u"1"_s) != FieldValue(u"1"_s));
    QVERIFY(FieldValue(1) != FieldValue(1.0));
    QVERIFY(FieldValue(1) == FieldValue(qint64(1)));
}

QTEST_APPLESS_MAIN(tst_DataPoint)

#include "tst_datapoint.moc"
